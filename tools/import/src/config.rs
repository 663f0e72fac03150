//! The parts of a Hugo site's configuration the import needs: the default
//! language, the languages and where each one's content is. Read from the
//! first of `hugo.toml`, `hugo.yaml`, `hugo.yml`, `hugo.json`,
//! `config.toml`, `config.yaml`, `config.yml` and `config.json` at the
//! site's top, else from `config/_default/` (with its `languages.*`).

use std::fs;
use std::path::{Path, PathBuf};

use crate::value::{self, Value};

const NAMES: [&str; 2] = ["hugo", "config"];
const FORMATS: [&str; 4] = ["toml", "yaml", "yml", "json"];

/// A site's languages and content folders.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The configuration file read, relative to the site, if any.
    pub file: Option<String>,
    /// `defaultContentLanguage`, lower case; `en` when not set.
    pub default_lang: String,
    /// The languages, in the order of their `weight`, then their codes; the
    /// default language alone when none are declared.
    pub languages: Vec<Language>,
}

/// One language of the site.
#[derive(Debug, Clone, PartialEq)]
pub struct Language {
    /// As the configuration names it, lower case (`en`, `de`, `pt-br`).
    pub code: String,
    /// Its content folder, relative to the site: its own `contentDir`, else
    /// the site's (`content`).
    pub content_dir: PathBuf,
}

impl Config {
    /// Reads the configuration of the site at `site`; an error names the
    /// file that cannot be read.
    pub fn read(site: &Path) -> Result<Config, String> {
        let mut found = None;
        for name in NAMES {
            for format in FORMATS {
                let file = format!("{name}.{format}");
                if site.join(&file).is_file() {
                    found.get_or_insert(file);
                }
            }
        }
        let (file, tree) = match found {
            Some(file) => {
                let tree = read_file(&site.join(&file)).map_err(|err| format!("{file}: {err}"))?;
                (Some(file), tree)
            }
            None => read_default_dir(site)?,
        };
        Ok(Config::from_tree(file, &tree))
    }

    fn from_tree(file: Option<String>, tree: &Value) -> Config {
        let default_lang = tree
            .get("defaultContentLanguage")
            .and_then(Value::text)
            .map_or_else(|| "en".to_owned(), |code| code.trim().to_ascii_lowercase());
        let content_dir = tree
            .get("contentDir")
            .and_then(Value::text)
            .unwrap_or_else(|| "content".to_owned());
        let mut languages: Vec<(i64, Language)> = tree
            .get("languages")
            .into_iter()
            .flat_map(Value::entries)
            .map(|(code, settings)| {
                let weight = match settings.get("weight") {
                    Some(Value::Int(weight)) => *weight,
                    _ => 0,
                };
                let dir = settings
                    .get("contentDir")
                    .and_then(Value::text)
                    .unwrap_or_else(|| content_dir.clone());
                let language = Language {
                    code: code.to_ascii_lowercase(),
                    content_dir: PathBuf::from(dir.trim_end_matches('/')),
                };
                (weight, language)
            })
            .collect();
        languages.sort_by(|(a, left), (b, right)| (a, &left.code).cmp(&(b, &right.code)));
        let mut languages: Vec<Language> = languages.into_iter().map(|(_, lang)| lang).collect();
        if !languages.iter().any(|lang| lang.code == default_lang) {
            languages.insert(
                0,
                Language {
                    code: default_lang.clone(),
                    content_dir: PathBuf::from(content_dir.trim_end_matches('/')),
                },
            );
        }
        Config {
            file,
            default_lang,
            languages,
        }
    }

    /// Whether `code` is one of the site's languages.
    pub fn has_language(&self, code: &str) -> bool {
        self.languages
            .iter()
            .any(|lang| lang.code.eq_ignore_ascii_case(code))
    }
}

/// `config/_default/`: its `hugo.*` or `config.*`, with `languages.*`
/// as the `languages` table; no configuration at all is an empty one.
fn read_default_dir(site: &Path) -> Result<(Option<String>, Value), String> {
    let dir = site.join("config").join("_default");
    let mut tree = Value::Map(Default::default());
    let mut shown = None;
    for name in ["hugo", "config", "languages"] {
        for format in FORMATS {
            let file = format!("config/_default/{name}.{format}");
            let path = dir.join(format!("{name}.{format}"));
            if !path.is_file() {
                continue;
            }
            let read = read_file(&path).map_err(|err| format!("{file}: {err}"))?;
            let Value::Map(map) = &mut tree else {
                unreachable!("the tree is a map")
            };
            if name == "languages" {
                map.insert("languages".to_owned(), read);
            } else {
                if let Value::Map(read) = read {
                    map.extend(read);
                }
                shown.get_or_insert(file);
            }
        }
    }
    Ok((
        shown.or_else(|| dir.is_dir().then(|| "config/_default/".to_owned())),
        tree,
    ))
}

fn read_file(path: &Path) -> Result<Value, String> {
    let text = fs::read_to_string(path).map_err(|err| err.to_string())?;
    if path.extension().is_some_and(|ext| ext == "toml") {
        value::from_toml(&text)
    } else {
        value::from_yaml(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(toml: &str) -> Config {
        Config::from_tree(None, &value::from_toml(toml).unwrap())
    }

    #[test]
    fn languages_come_in_weight_order_with_their_content_folders() {
        let config = config(
            "defaultContentLanguage = \"de\"\n[languages.en]\nweight = 2\n[languages.de]\nweight = 1\ncontentDir = \"content/de/\"\n",
        );
        assert_eq!(config.default_lang, "de");
        let found: Vec<(&str, &Path)> = config
            .languages
            .iter()
            .map(|lang| (lang.code.as_str(), lang.content_dir.as_path()))
            .collect();
        assert_eq!(
            found,
            [
                ("de", Path::new("content/de")),
                ("en", Path::new("content"))
            ]
        );
    }

    #[test]
    fn without_languages_the_site_is_in_english() {
        let config = config("title = \"x\"\n");
        assert_eq!(config.default_lang, "en");
        assert_eq!(config.languages.len(), 1);
        assert!(config.has_language("EN"));
        assert!(!config.has_language("de"));
    }
}
