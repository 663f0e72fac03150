//! A post described for search engines: schema.org `BlogPosting` as JSON-LD
//! (a standalone page: `WebPage`), with its translations linked both ways.
//!
//! The JSON is written here rather than by serde_json: the app re-renders
//! the head after in-app navigation, and serde_json's writer and its
//! `Value` would be in the wasm for this alone.

use crate::data::{Article, TranslationLink};
use crate::routes::post_path;
use crate::site;
use blog_model::site::Site;

/// As much of JSON as the JSON-LD needs: objects keep the order written.
enum Json {
    Str(String),
    Num(u32),
    Arr(Vec<Json>),
    Obj(Vec<(&'static str, Json)>),
}

fn str(text: &str) -> Json {
    Json::Str(text.to_owned())
}

/// The JSON-LD of `translation`, safe to place inside `<script>`: the blog
/// it is part of, its publisher and author as the site file names them.
pub fn blog_posting(article: &Article, blog: &Site) -> String {
    let entry = &article.entry;
    let kind = if entry.is_page() {
        "WebPage"
    } else {
        "BlogPosting"
    };
    let url = site::absolute(&post_path(entry.lang, &entry.slug));
    let reference = |other: &TranslationLink| {
        let url = site::absolute(&post_path(other.lang, &other.slug));
        Json::Obj(vec![
            ("@type", str(kind)),
            ("@id", str(&url)),
            ("url", Json::Str(url)),
            ("inLanguage", str(other.lang.code())),
            ("headline", str(&other.title)),
        ])
    };
    let about = |kind| {
        Json::Obj(vec![
            ("@type", str(kind)),
            ("name", str(&blog.name)),
            ("url", str(site::URL)),
        ])
    };
    // The author publishes the blog where the site file names one.
    let author = blog.author.as_ref().map(|author| {
        let mut fields = vec![("@type", str("Person")), ("name", str(&author.name))];
        if let Some(url) = &author.url {
            fields.push(("url", str(url)));
        }
        Json::Obj(fields)
    });
    let mut fields = vec![
        ("@context", str("https://schema.org")),
        ("@type", str(kind)),
        ("@id", str(&url)),
        ("url", str(&url)),
        ("mainEntityOfPage", Json::Str(url)),
        ("headline", str(&entry.title)),
        ("description", str(&entry.description)),
    ];
    if let Some(date) = entry.date {
        let date = date.to_string();
        fields.push(("datePublished", str(&date)));
        fields.push(("dateModified", Json::Str(date)));
    }
    fields.push(("inLanguage", str(entry.lang.code())));
    fields.push(("isPartOf", about("Blog")));
    fields.extend(author.map(|author| ("author", author)));
    fields.push(("publisher", about("Organization")));
    if let Some(cover) = &entry.cover {
        fields.push((
            "image",
            Json::Obj(vec![
                ("@type", str("ImageObject")),
                ("url", Json::Str(site::absolute(&cover.url))),
                ("width", Json::Num(cover.width)),
                ("height", Json::Num(cover.height)),
            ]),
        ));
    }
    // The default translation counts as the original; the others translate it.
    match article.default_translation(blog.default_lang) {
        Some(original) if original.lang == entry.lang => {
            let others: Vec<Json> = article
                .entry
                .translations
                .iter()
                .filter(|other| other.lang != entry.lang)
                .map(reference)
                .collect();
            if !others.is_empty() {
                fields.push(("workTranslation", Json::Arr(others)));
            }
        }
        Some(original) => fields.push(("translationOfWork", reference(original))),
        None => {}
    }
    let mut out = String::new();
    write(&Json::Obj(fields), &mut out);
    out
}

/// Writes `json` as JSON text that can stand inside `<script>`: `<` is
/// written `\u003c` (it only occurs inside strings, where that means the
/// same), so nothing in it can close the element it sits in.
fn write(json: &Json, out: &mut String) {
    match json {
        Json::Str(text) => write_str(text, out),
        Json::Num(number) => out.push_str(&number.to_string()),
        Json::Arr(items) => {
            out.push('[');
            for (index, item) in items.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write(item, out);
            }
            out.push(']');
        }
        Json::Obj(fields) => {
            out.push('{');
            for (index, (key, value)) in fields.iter().enumerate() {
                if index > 0 {
                    out.push(',');
                }
                write_str(key, out);
                out.push(':');
                write(value, out);
            }
            out.push('}');
        }
    }
}

/// A JSON string: quotes, backslashes and control characters escaped, and
/// `<` too (see [`write`]).
fn write_str(text: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '\0'..='\u{1f}' => {
                let code = ch as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[code >> 4]));
                out.push(char::from(HEX[code & 0xf]));
            }
            _ => out.push(ch),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;
    use crate::data::test_site;
    use blog_model::lang::Lang;

    #[test]
    fn text_cannot_close_the_script_it_sits_in() {
        let text = "</script><script>alert(1)</script> \"quoted\" \\ \n\t\u{1}\u{7f} é 😀";
        let mut safe = String::new();
        write(&Json::Obj(vec![("headline", str(text))]), &mut safe);
        assert!(!safe.contains('<'), "{safe}");
        let parsed: Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(parsed["headline"], text);
    }

    #[test]
    fn translations_point_at_each_other() {
        let en = test_site::article(Lang::En, "the-rise-of-serverless-edge-computing");
        let de = test_site::article(Lang::De, "der-aufstieg-des-serverless-edge-computing");
        let blog = Site {
            name: "Edgewise".to_owned(),
            author: Some(blog_model::site::Author {
                name: "Ada".to_owned(),
                url: Some("https://ada.example/".to_owned()),
            }),
            ..Site::default()
        };
        let en_ld: Value = serde_json::from_str(&blog_posting(&en, &blog)).unwrap();
        let de_ld: Value = serde_json::from_str(&blog_posting(&de, &Site::default())).unwrap();
        assert_eq!(en_ld["isPartOf"]["name"], "Edgewise");
        assert_eq!(en_ld["author"]["name"], "Ada");
        assert_eq!(en_ld["author"]["url"], "https://ada.example/");
        assert_eq!(de_ld["publisher"]["name"], "Blog");
        assert_eq!(de_ld["author"], Value::Null);
        assert_eq!(en_ld["@type"], "BlogPosting");
        assert_eq!(en_ld["inLanguage"], "en");
        assert_eq!(en_ld["headline"], en.entry.title);
        assert_eq!(en_ld["datePublished"], "2026-02-13");
        assert_eq!(en_ld["workTranslation"][0]["@id"], de_ld["@id"]);
        assert_eq!(de_ld["translationOfWork"]["@id"], en_ld["@id"]);
        assert!(
            en_ld["image"]["url"]
                .as_str()
                .unwrap()
                .starts_with(site::URL)
        );
    }
}
