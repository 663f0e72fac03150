//! A post described for search engines: schema.org `BlogPosting` as JSON-LD,
//! with its translations linked both ways.

use serde_json::{Value, json};

use crate::content::{Post, Translation};
use crate::i18n::BLOG_NAME;
use crate::site;

/// The JSON-LD of `translation`, safe to place inside `<script>`.
pub fn blog_posting(post: &'static Post, translation: &'static Translation) -> String {
    let url = site::absolute(&translation.path());
    let reference = |other: &Translation| {
        json!({
            "@type": "BlogPosting",
            "@id": site::absolute(&other.path()),
            "url": site::absolute(&other.path()),
            "inLanguage": other.lang.code(),
            "headline": other.title,
        })
    };
    let date = translation.date.to_string();
    let mut posting = json!({
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": translation.title,
        "description": translation.description,
        "datePublished": date,
        "dateModified": date,
        "inLanguage": translation.lang.code(),
        "isPartOf": { "@type": "Blog", "name": BLOG_NAME, "url": site::URL },
        "publisher": { "@type": "Organization", "name": BLOG_NAME, "url": site::URL },
    });
    let fields = posting.as_object_mut().expect("an object");
    if let Some(cover) = &translation.cover {
        fields.insert(
            "image".into(),
            json!({
                "@type": "ImageObject",
                "url": site::absolute(cover.url),
                "width": cover.width,
                "height": cover.height,
            }),
        );
    }
    // The default translation counts as the original; the others translate it.
    match post.default_translation() {
        Some(original) if std::ptr::eq(original, translation) => {
            let others: Vec<Value> = post
                .translations
                .iter()
                .filter(|other| !std::ptr::eq(*other, translation))
                .map(reference)
                .collect();
            if !others.is_empty() {
                fields.insert("workTranslation".into(), Value::Array(others));
            }
        }
        Some(original) => {
            fields.insert("translationOfWork".into(), reference(original));
        }
        None => {}
    }
    script_safe(&posting)
}

/// JSON text that can stand inside `<script>`: `<` only occurs inside
/// strings, where `\u003c` means the same, so nothing in it can close the
/// element it sits in.
fn script_safe(json: &Value) -> String {
    json.to_string().replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::find;
    use crate::lang::Lang;

    #[test]
    fn text_cannot_close_the_script_it_sits_in() {
        let json = json!({ "headline": "</script><script>alert(1)</script>" });
        let safe = script_safe(&json);
        assert!(!safe.contains('<'), "{safe}");
        assert_eq!(serde_json::from_str::<Value>(&safe).unwrap(), json);
    }

    #[test]
    fn translations_point_at_each_other() {
        let (post, en) = find(Lang::En, "the-rise-of-serverless-edge-computing").unwrap();
        let de = post.translation(Lang::De).unwrap();
        let en_ld: Value = serde_json::from_str(&blog_posting(post, en)).unwrap();
        let de_ld: Value = serde_json::from_str(&blog_posting(post, de)).unwrap();
        assert_eq!(en_ld["@type"], "BlogPosting");
        assert_eq!(en_ld["inLanguage"], "en");
        assert_eq!(en_ld["headline"], en.title);
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
