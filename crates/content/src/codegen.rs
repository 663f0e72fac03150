//! The Rust source of the post index (`static POSTS: &[Post]`, included by
//! the app's `src/content/mod.rs`) and of the bodies by URL
//! (`static BODIES`, for native builds that render without fetching).

use std::fmt::Write as _;

use crate::assets::Published;
use crate::labels::{format_date, format_reading_time, reading_minutes};
use crate::library::SourceTranslation;

/// The index of `posts`.
pub fn index(posts: &[Published<'_>]) -> String {
    let mut out = String::from("static POSTS: &[Post] = &[\n");
    for published in posts {
        let _ = writeln!(
            out,
            "    Post {{ id: {:?}, assets: Assets {{ base: {:?}, images: &[",
            published.post.id, published.asset_base
        );
        for (path, width, height) in &published.images {
            let _ = writeln!(
                out,
                "        ImageSize {{ path: {path:?}, width: {width}, height: {height} }},"
            );
        }
        out.push_str("    ] }, translations: &[\n");
        for (translation, body_url) in published.post.translations.iter().zip(&published.body_urls)
        {
            translation_entry(&mut out, translation, published, body_url);
        }
        out.push_str("    ] },\n");
    }
    out.push_str("];\n");
    out
}

/// The bodies of `posts` by URL.
pub fn bodies(posts: &[Published<'_>]) -> String {
    let mut out = String::from("static BODIES: &[(&str, &str)] = &[\n");
    for published in posts {
        for (translation, body_url) in published.post.translations.iter().zip(&published.body_urls)
        {
            let _ = writeln!(out, "    ({body_url:?}, {:?}),", translation.body);
        }
    }
    out.push_str("];\n");
    out
}

fn translation_entry(
    out: &mut String,
    translation: &SourceTranslation,
    published: &Published<'_>,
    body_url: &str,
) {
    let front = &translation.front;
    let lang = translation.lang;
    let cover = front.cover.as_ref().and_then(|cover| {
        let path = cover.path.to_string_lossy().replace('\\', "/");
        // The library checked that the cover is a readable image in the folder.
        let (_, width, height) = published
            .images
            .iter()
            .find(|(image, _, _)| *image == path)?;
        let url = format!("{}{path}", published.asset_base);
        let alt = cover.alt.as_deref().unwrap_or(&front.title);
        Some(format!(
            "Some(Cover {{ url: {url:?}, alt: {alt:?}, width: {width}, height: {height} }})"
        ))
    });
    let date = front.date;
    let _ = writeln!(
        out,
        "        Translation {{ lang: Lang::{lang:?}, slug: {:?}, title: {:?}, description: {:?}, \
         date: Date {{ year: {}, month: {}, day: {} }}, date_label: {:?}, reading_time: {:?}, \
         cover: {}, body_url: {body_url:?}, body_len: {}, draft: {} }},",
        front.slug.value,
        front.title,
        front.description,
        date.year,
        date.month,
        date.day,
        format_date(lang, date),
        format_reading_time(lang, reading_minutes(translation.words)),
        cover.as_deref().unwrap_or("None"),
        translation.body.len(),
        front.draft,
    );
}
