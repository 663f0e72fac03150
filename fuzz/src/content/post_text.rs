//! Random translation files for the content checker's property tests: the
//! bytes of a file glued from pieces of the syntax that matters (`---`
//! fences, front-matter keys and YAML values of every shape, odd encodings,
//! links and images), and, apart from those, files built to be valid whose
//! fields are known, so that what the checker reads can be compared with
//! what was written.

use std::path::PathBuf;

use blog_model::date::Date;
use blog_model::slug::slugify;

use crate::seeded::Rng;

/// A generated file: the pieces it was glued from (so it shrinks by them),
/// and, for a file built to be valid, the fields it holds.
#[derive(Debug, Clone)]
pub struct PostText {
    pub pieces: Vec<Vec<u8>>,
    pub expected: Option<Expected>,
}

impl PostText {
    pub fn bytes(&self) -> Vec<u8> {
        self.pieces.concat()
    }
}

/// The fields of a file built to be valid, as the checker must read them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub title: String,
    pub description: String,
    pub date: Date,
    pub slug: String,
    pub draft: bool,
    /// Relative to the post's folder.
    pub cover: Option<PathBuf>,
}

const OPENINGS: &[&str] = &[
    "---\n",
    "---\r\n",
    "---  \n",
    "--- \t\n",
    "",
    "----\n",
    "\u{feff}---\n",
    "---\n---\n",
    "\n---\n",
    "---",
    "...\n",
    " ---\n",
];

const CLOSINGS: &[&str] = &[
    "---\n",
    "...\n",
    "--- \n",
    "---\r\n",
    "",
    "---",
    "----\n",
    "---\n---\n",
    " ---\n",
    "-- -\n",
];

const KEYS: &[&str] = &[
    "title",
    "description",
    "date",
    "cover",
    "cover_alt",
    "slug",
    "draft",
    "titel",
    "descripton",
    "Title",
    "dat",
    "cover-alt",
    "coverAlt",
    "slugs",
    "drafts",
    "tags",
    "author",
    "\"title\"",
    "'date'",
    "\"slug",
    "  title",
    "\ttitle",
    "- title",
    "? title",
    "<<",
    "title ",
    "",
    "ä",
    "title\u{0}",
    "x y",
    "[a]",
    "{a",
    "#title",
];

const SEPARATORS: &[&str] = &[": ", ":", ":  ", ":\t", " : ", ":\n  ", ": \r\n  "];

const VALUES: &[&str] = &[
    "Hello",
    "Hello world",
    "\"Hello\"",
    "'Hello'",
    "\"it's\"",
    "'it''s'",
    "\"a \\\"quoted\\\" word\"",
    "\"\\x01\"",
    "\"\\0\"",
    "\"\\u0085\"",
    "\"\\u2028\"",
    "\"\\n\"",
    "\"\\t tab\"",
    "\"\\e\"",
    "\"\\ud800\"",
    "\"",
    "'",
    "\"unterminated",
    "'unterminated",
    "[a, b]",
    "[]",
    "{}",
    "{a: b}",
    "{title: x}",
    "[",
    "{",
    "- a",
    "\n  - a\n  - b",
    "\n  nested: x",
    "&a Anchored",
    "*a",
    "*b",
    "&a",
    "!!str 2026-02-13",
    "!!int 3",
    "!!binary aGk=",
    "!!map {}",
    "!custom x",
    "|\n  line one\n  line two",
    "|-\n  kept",
    ">\n  folded\n  text",
    ">-",
    "|",
    "|+\n\n",
    "~",
    "null",
    "true",
    "false",
    "yes",
    "no",
    "maybe",
    "0",
    "3.14",
    "0x1F",
    ".inf",
    "2026-02-13",
    "2024-02-29",
    "2026-02-29",
    "2026-02-30",
    "2026-13-01",
    "0000-00-00",
    "13.02.2026",
    "2026-2-1",
    "\"2026-02-13\"",
    "'2026-02-13'",
    "2026-02-13T10:00:00Z",
    "２０２６-02-13",
    "my-slug",
    "My Slug",
    "my--slug",
    "-slug",
    "slug-",
    "index",
    "feed.xml",
    "404",
    "tags",
    "ä-slug",
    "./cover.jpg",
    "cover.png",
    "img/x.png",
    "../other/cover.jpg",
    "/etc/passwd",
    "C:\\cover.jpg",
    "./",
    ".",
    "..",
    "Größe zählt",
    "日本語のタイトル",
    "🦀 Rust",
    "\u{202e}rtl",
    "\u{200b}",
    "\u{1}",
    "\u{0}",
    "\u{7f}",
    "\u{85}",
    "\u{feff}",
    "\u{2028}",
    "â€”",
    "Ã¤",
    "GrÃ¶ÃŸe",
    "â€œquotedâ€\u{9d}",
    "Fuß“",
    "# only a comment",
    "value # comment",
    "a: b",
    "a:b",
    "@at",
    "`tick`",
    "%percent",
    "&",
    "*",
    "!",
    "|x",
    ">x",
];

/// Bytes no UTF-8 text holds, and Latin-1 letters.
const RAW: &[&[u8]] = &[
    b"\xff",
    b"\xfe",
    b"\xc3",
    b"\xe2\x80",
    b"\xf6",
    b"\xdf",
    b"Gr\xf6\xdfe",
    b"\xed\xa0\x80",
    b"\xc0\xaf",
    b"\xef\xbb\xbf",
    b"\x00",
    b"\r",
];

const BODY: &[&str] = &[
    "Some words here. ",
    "\n",
    "\n\n",
    "# Heading\n",
    "[a](../x/)",
    "[a](../x)",
    "[self](./en.md)",
    "[other](../other/de.md)",
    "[md](en.md)",
    "[up](../../../x/)",
    "[root](/en/)",
    "[post](/de/some-slug/)",
    "[feed](/en/feed.xml)",
    "[asset](/posts/x/a.png)",
    "[web](https://example.com/)",
    "[proto](//cdn.example/x)",
    "[mail](mailto:a@b.example)",
    "<a@b.example>",
    "[top](#top)",
    "[q](?x=1)",
    "[js](javascript:alert(1))",
    "[js](java\tscript:x)",
    "[data](data:text/html,x)",
    "<javascript:x>",
    "[v](vbscript:x)",
    "![i](./cover.jpg)",
    "![i](cover.png)",
    "![i](img/x.png)",
    "![i](../x.png)",
    "![i](/abs.png)",
    "![i](img/a%20b.png)",
    "![i](%2e%2e/x.png)",
    "![i](%ff.png)",
    "![i](data:image/png;base64,x)",
    "[x](&#1;)",
    "[x](a&#1;b)",
    "[x](&#0;)",
    "[x](<a b>)",
    "[x](\u{1}y)",
    "[ref]\n\n[ref]: ../y/\n",
    "[^1]\n\n[^1]: note\n",
    "<kbd>",
    "</kbd>",
    "<div onclick=x>",
    "\n<details open>\n",
    "\n</details>\n",
    "> <figure>\n> <center>x\n",
    "<img src=\"./img/x.png\" width=1>",
    "<img src=missing.png alt=a>",
    "<img src=javascript:x style=y>",
    "<img\nsrc=\"é\u{1}\"\nalt=x>",
    "<!-- c -->",
    "<!DOCTYPE x>",
    "<?php ?>",
    "<script>\u{0}</script>",
    "\t<b>é</b>",
    "[",
    "](",
    ")",
    "![",
    "\u{0}",
    "â€”",
    "Ã¼ber",
    "Fuß“",
];

/// Words of titles and descriptions that YAML must give back as written:
/// letters of both languages, punctuation a YAML writer has to quote, and
/// text the mojibake check must not mistake for mojibake.
const WORDS: &[&str] = &[
    "Edge",
    "Caching",
    "Größe",
    "über",
    "Ärger",
    "naïve",
    "café",
    "Œuvre",
    "—",
    "–",
    "…",
    "“quoted”",
    "„zitiert“",
    "‚halb‘",
    "»Guillemets«",
    "5 €",
    "100%",
    "日本語",
    "🦀",
    "a: b",
    "#hash",
    "it's",
    "\"q\"",
    "- dash",
    "Fuß",
    "Straße",
    "Maß—",
    "groß“",
    "[x]",
    "{y}",
    "&amp",
    "*star*",
    "!bang",
    "@at",
    "`tick`",
    "key: value",
    "back\\slash",
    "C#",
    "yes",
    "null",
    "2026-02-13",
    "1.5",
];

/// A file glued from random pieces, biased toward front matter that is
/// nearly right, so that most inputs get past the fences and into the
/// fields, and on into the body.
pub fn random(rng: &mut Rng) -> PostText {
    let mut pieces: Vec<Vec<u8>> = Vec::new();
    let opening = if rng.below(4) == 0 {
        rng.pick(OPENINGS)
    } else {
        "---\n"
    };
    push(&mut pieces, opening);
    let eol = if rng.below(8) == 0 { "\r\n" } else { "\n" };
    // Most files have the fields every post needs, so that most get past
    // them to the checks that follow; the other lines are anything.
    let mut lines: Vec<Vec<Vec<u8>>> = Vec::new();
    for which in 0..3 {
        if rng.below(8) != 0 {
            let mut line = Vec::new();
            let (key, value) = good_field(rng, which);
            push(&mut line, &format!("{key}: {value}{eol}"));
            lines.push(line);
        }
    }
    for _ in 0..rng.below(5) {
        let mut line = Vec::new();
        match rng.below(6) {
            0 | 1 => {
                // Mostly the optional fields; now and then a second title.
                let which = if rng.below(4) == 0 {
                    rng.below(7)
                } else {
                    3 + rng.below(4)
                };
                let (key, value) = good_field(rng, which);
                push(&mut line, &format!("{key}: {value}{eol}"));
            }
            2..=4 => {
                let (key, separator) = (*rng.pick(KEYS), *rng.pick(SEPARATORS));
                push(&mut line, key);
                push(&mut line, separator);
                push(&mut line, &value(rng));
                push(&mut line, if rng.below(6) == 0 { "\r" } else { eol });
            }
            _ => noise(rng, &mut line),
        }
        lines.push(line);
    }
    for at in (1..lines.len()).rev() {
        lines.swap(at, rng.below(at + 1));
    }
    pieces.extend(lines.into_iter().flatten());
    let closing = if rng.below(4) == 0 {
        rng.pick(CLOSINGS)
    } else {
        "---\n"
    };
    push(&mut pieces, closing);
    for _ in 0..rng.below(12) {
        if rng.below(20) == 0 {
            noise(rng, &mut pieces);
        } else {
            let piece = *rng.pick(BODY);
            push(&mut pieces, piece);
        }
    }
    PostText {
        pieces,
        expected: None,
    }
}

fn push(pieces: &mut Vec<Vec<u8>>, text: &str) {
    pieces.push(text.as_bytes().to_vec());
}

/// Known field `which` (title, description, date, slug, cover, cover_alt,
/// draft), written as a post may well have it.
fn good_field(rng: &mut Rng, which: usize) -> (&'static str, String) {
    const COVERS: &[&str] = &["./cover.jpg", "cover.png", "img/x.png", "./missing.png"];
    match which {
        0 => ("title", quoted(&words(rng, 4))),
        1 => ("description", quoted(&words(rng, 8))),
        2 => ("date", date(rng).to_string()),
        3 => ("slug", slugify(&words(rng, 3))),
        4 => ("cover", (*rng.pick(COVERS)).to_owned()),
        5 => ("cover_alt", quoted(&words(rng, 4))),
        _ => ("draft", ["true", "false"][rng.below(2)].to_owned()),
    }
}

/// A value of any shape, now and then very long.
fn value(rng: &mut Rng) -> String {
    match rng.below(12) {
        0 => quoted(&words(rng, 6)),
        1 => words(rng, 3),
        2 => "x".repeat(1 + rng.below(20_000)),
        3 => format!("\"{}\"", "é".repeat(1 + rng.below(300))),
        _ => (*rng.pick(VALUES)).to_owned(),
    }
}

/// A stray byte or character where it does not belong.
fn noise(rng: &mut Rng, pieces: &mut Vec<Vec<u8>>) {
    match rng.below(3) {
        0 => pieces.push(rng.pick(RAW).to_vec()),
        1 => pieces.push(rng.pick(VALUES).as_bytes().to_vec()),
        _ => {
            let ch = char::from_u32(rng.below(0x3000) as u32).unwrap_or('\u{fffd}');
            pieces.push(ch.to_string().into_bytes());
        }
    }
}

/// Up to `most` words, at least one.
fn words(rng: &mut Rng, most: usize) -> String {
    (0..1 + rng.below(most))
        .map(|_| *rng.pick(WORDS))
        .collect::<Vec<_>>()
        .join(" ")
}

fn date(rng: &mut Rng) -> Date {
    let month = 1 + rng.below(12) as u8;
    let year = 1970 + rng.below(130) as u16;
    let days = (1..=31)
        .rev()
        .find(|&day| Date::parse(&format!("{year:04}-{month:02}-{day:02}")).is_ok())
        .unwrap_or(28);
    Date {
        year,
        month,
        day: 1 + rng.below(days) as u8,
    }
}

/// `text` as a YAML double-quoted string.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// `text` written in one of the ways YAML reads back as exactly `text`.
fn scalar(rng: &mut Rng, text: &str) -> String {
    let plain = text.starts_with(char::is_alphabetic)
        && text
            .chars()
            .all(|ch| ch.is_alphanumeric() || " .,!?'’“”„‚‘—–…€%()".contains(ch))
        && !matches!(text, "yes" | "no" | "null" | "true" | "false");
    match rng.below(7) {
        0 if plain => text.to_owned(),
        1 => format!("'{}'", text.replace('\'', "''")),
        2 => format!("|-\n  {text}"),
        3 => format!(">-\n  {text}"),
        4 => format!("!!str {}", quoted(text)),
        _ => quoted(text),
    }
}

/// A title no other file of the run has (`n` makes it unique), whose slug
/// is neither empty nor reserved.
pub fn title(rng: &mut Rng, n: usize) -> String {
    format!("{} post {n} {}", words(rng, 3), words(rng, 2))
}

/// A valid file whose fields are known: `title` and, where given, `slug`
/// as they must come out, a cover `./cover.png` if `cover`; `body` below
/// the front matter.
pub fn valid(
    rng: &mut Rng,
    title: String,
    slug: Option<String>,
    cover: bool,
    body: &str,
) -> PostText {
    let expected = Expected {
        cover: cover.then(|| PathBuf::from("cover.png")),
        slug: slug.clone().unwrap_or_else(|| slugify(&title)),
        title,
        description: words(rng, 10),
        date: date(rng),
        draft: rng.below(4) == 0,
    };
    let eol = if rng.below(4) == 0 { "\r\n" } else { "\n" };
    let mut fields = Vec::new();
    // Now and then the description names the title by an alias.
    let alias = rng.below(8) == 0;
    let description = if alias {
        "*t".to_owned()
    } else {
        scalar(rng, &expected.description)
    };
    // Spaces around a quoted title are not part of it.
    let title = match rng.below(6) {
        0 => {
            let quoted = quoted(&expected.title);
            format!("\"  {} \"", &quoted[1..quoted.len() - 1])
        }
        _ => scalar(rng, &expected.title),
    };
    let title = if alias {
        // An anchor before a block scalar's indicator is still the anchor.
        format!("&t {title}")
    } else {
        title
    };
    fields.push(format!("title: {title}"));
    fields.push(format!("description: {description}"));
    let date = expected.date.to_string();
    let date = match rng.below(4) {
        0 => format!("\"{date}\""),
        1 => format!("'{date}'"),
        _ => date,
    };
    fields.push(format!("date: {date}"));
    if let Some(slug) = slug {
        fields.push(format!("slug: {slug}"));
    }
    if cover {
        let path = *rng.pick(&["./cover.png", "cover.png", "'./cover.png'"]);
        fields.push(format!("cover: {path}"));
        let alt = words(rng, 4);
        fields.push(format!("cover_alt: {}", scalar(rng, &alt)));
    }
    if expected.draft || rng.below(4) == 0 {
        fields.push(format!("draft: {}", expected.draft));
    }
    // The order of the fields does not matter, except that an alias
    // follows its anchor.
    if !alias {
        for at in (1..fields.len()).rev() {
            fields.swap(at, rng.below(at + 1));
        }
    }
    let expected = Expected {
        description: if alias {
            expected.title.clone()
        } else {
            expected.description
        },
        ..expected
    };
    let mut pieces = vec![format!("---{eol}").into_bytes()];
    for field in fields {
        pieces.push(format!("{}{eol}", field.replace('\n', eol)).into_bytes());
        if rng.below(6) == 0 {
            pieces.push(format!("# a comment{eol}").into_bytes());
        }
    }
    let closing = if rng.below(5) == 0 { "..." } else { "---" };
    pieces.push(format!("{closing}{eol}").into_bytes());
    pieces.push(body.replace('\n', eol).into_bytes());
    PostText {
        pieces,
        expected: Some(expected),
    }
}

/// A body that is valid wherever the post is: text, and links that leave
/// the site or go to its indexes.
pub fn valid_body(rng: &mut Rng) -> String {
    const PIECES: &[&str] = &[
        "Some words here.",
        "\n\n",
        "## A heading\n",
        "[web](https://example.com/)",
        "[top](#top)",
        "[mail](mailto:a@b.example)",
        "<a@b.example>",
        "[index](/en/)",
        "[Index](/de/)",
        "**bold** and `code`",
        "Größe — “quoted” „zitiert“ Fuß“",
    ];
    (0..rng.below(8))
        .map(|_| *rng.pick(PIECES))
        .collect::<Vec<_>>()
        .join(" ")
}
