//! Hugo's data as one tree, whichever format it was written in: TOML
//! (`+++` front matter, `hugo.toml`), YAML (`---`, `hugo.yaml`) and JSON
//! (`{ … }`, read as the YAML it is a subset of). Keys are looked up as
//! Hugo looks them up, without regard to case (`publishDate`,
//! `publishdate`).

use std::collections::BTreeMap;

use serde::Deserialize;

/// One value of front matter or configuration.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
    List(Vec<Value>),
    Map(BTreeMap<String, Value>),
    Null(()),
}

impl Value {
    /// The value as one line of text: a string, a number or a date.
    pub fn text(&self) -> Option<String> {
        match self {
            Value::Text(text) => Some(text.clone()),
            Value::Int(number) => Some(number.to_string()),
            Value::Float(number) => Some(number.to_string()),
            _ => None,
        }
    }

    /// The value of `key` in a map, whatever the key's case.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Map(map) => map
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(key))
                .map(|(_, value)| value),
            _ => None,
        }
    }

    /// The map's entries, or none.
    pub fn entries(&self) -> impl Iterator<Item = (&String, &Value)> {
        let map = match self {
            Value::Map(map) => Some(map),
            _ => None,
        };
        map.into_iter().flatten()
    }
}

/// Reads TOML into a [`Value`]; a datetime becomes its text
/// (`2023-05-01T10:00:00+02:00`).
pub fn from_toml(text: &str) -> Result<Value, String> {
    let table: toml::Table = toml::from_str(text).map_err(|err| err.message().to_owned())?;
    Ok(convert_toml(toml::Value::Table(table)))
}

fn convert_toml(value: toml::Value) -> Value {
    match value {
        toml::Value::String(text) => Value::Text(text),
        toml::Value::Integer(number) => Value::Int(number),
        toml::Value::Float(number) => Value::Float(number),
        toml::Value::Boolean(flag) => Value::Bool(flag),
        toml::Value::Datetime(datetime) => Value::Text(datetime.to_string()),
        toml::Value::Array(items) => Value::List(items.into_iter().map(convert_toml).collect()),
        toml::Value::Table(table) => Value::Map(
            table
                .into_iter()
                .map(|(key, value)| (key, convert_toml(value)))
                .collect(),
        ),
    }
}

/// Reads YAML (or JSON) into a [`Value`]; an empty text is an empty map.
pub fn from_yaml(text: &str) -> Result<Value, String> {
    if text.trim().is_empty() {
        return Ok(Value::Map(BTreeMap::new()));
    }
    // YAML 1.2's booleans only: `title: Yes` is a title.
    let options = serde_saphyr::options! { strict_booleans: true };
    let value: Value = serde_saphyr::from_str_with_options(text, options).map_err(|err| {
        let message = err.to_string();
        message.lines().next().unwrap_or_default().to_owned()
    })?;
    match value {
        Value::Map(_) => Ok(value),
        Value::Null(()) => Ok(Value::Map(BTreeMap::new())),
        _ => Err("expected keys and values".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_and_yaml_give_the_same_tree() {
        let toml = from_toml(
            "title = \"A\"\ndate = 2023-05-01T10:00:00+02:00\ndraft = true\ntags = [\"Go\", \"Web\"]\n[cover]\nimage = \"c.png\"\n",
        )
        .unwrap();
        let yaml = from_yaml(
            "title: A\ndate: 2023-05-01T10:00:00+02:00\ndraft: true\ntags: [Go, Web]\ncover:\n  image: c.png\n",
        )
        .unwrap();
        assert_eq!(toml, yaml);
        assert_eq!(
            toml.get("DATE").and_then(Value::text).as_deref(),
            Some("2023-05-01T10:00:00+02:00")
        );
        assert_eq!(
            yaml.get("cover").and_then(|cover| cover.get("image")),
            Some(&Value::Text("c.png".to_owned()))
        );
    }

    #[test]
    fn a_plain_yaml_date_and_json_are_read() {
        let yaml = from_yaml("date: 2023-05-01\nweight: 3\nempty:\ntitle: Yes\n").unwrap();
        assert_eq!(yaml.get("title"), Some(&Value::Text("Yes".to_owned())));
        assert_eq!(
            yaml.get("date").and_then(Value::text).as_deref(),
            Some("2023-05-01")
        );
        assert_eq!(yaml.get("weight"), Some(&Value::Int(3)));
        assert_eq!(yaml.get("empty"), Some(&Value::Null(())));
        let json = from_yaml("{\n  \"title\": \"J\",\n  \"tags\": [\"x\"]\n}\n").unwrap();
        assert_eq!(
            json.get("title").and_then(Value::text).as_deref(),
            Some("J")
        );
    }

    #[test]
    fn a_list_at_the_top_is_refused() {
        assert!(from_yaml("- a\n- b\n").is_err());
        assert!(from_toml("title = ").is_err());
    }
}
