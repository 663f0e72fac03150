//! A post described for search engines: schema.org `BlogPosting` as JSON-LD,
//! with its translations linked both ways.

use serde_json::{Value, json};

use crate::content::{Article, TranslationLink};
use crate::i18n::BLOG_NAME;
use crate::routes::post_path;
use crate::site;

/// The JSON-LD of `translation`, safe to place inside `<script>`.
pub fn blog_posting(article: &Article) -> String {
    let entry = &article.entry;
    let url = site::absolute(&post_path(entry.lang, &entry.slug));
    let reference = |other: &TranslationLink| {
        let url = site::absolute(&post_path(other.lang, &other.slug));
        json!({
            "@type": "BlogPosting",
            "@id": url,
            "url": url,
            "inLanguage": other.lang.code(),
            "headline": other.title,
        })
    };
    let date = entry.date.to_string();
    let mut posting = json!({
        "@context": "https://schema.org",
        "@type": "BlogPosting",
        "@id": url,
        "url": url,
        "mainEntityOfPage": url,
        "headline": entry.title,
        "description": entry.description,
        "datePublished": date,
        "dateModified": date,
        "inLanguage": entry.lang.code(),
        "isPartOf": { "@type": "Blog", "name": BLOG_NAME, "url": site::URL },
        "publisher": { "@type": "Organization", "name": BLOG_NAME, "url": site::URL },
    });
    let fields = posting.as_object_mut().expect("an object");
    if let Some(cover) = &entry.cover {
        fields.insert(
            "image".into(),
            json!({
                "@type": "ImageObject",
                "url": site::absolute(&cover.url),
                "width": cover.width,
                "height": cover.height,
            }),
        );
    }
    match article.default_translation() {
        Some(original) if original.lang == entry.lang => {
            let others: Vec<Value> = article
                .translations
                .iter()
                .filter(|other| other.lang != entry.lang)
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

fn script_safe(json: &Value) -> String {
    json.to_string().replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::test_site;
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
        let en = test_site::article(Lang::En, "the-rise-of-serverless-edge-computing");
        let de = test_site::article(Lang::De, "der-aufstieg-des-serverless-edge-computing");
        let en_ld: Value = serde_json::from_str(&blog_posting(&en)).unwrap();
        let de_ld: Value = serde_json::from_str(&blog_posting(&de)).unwrap();
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
