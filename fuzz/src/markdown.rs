//! Random Markdown for property tests: inputs glued from fragments of
//! Markdown syntax, URLs with odd schemes, entities and raw HTML, the
//! allowed tags with hostile attributes among it (where the
//! mapping's edge cases are), with a little plain noise, from a small seeded
//! generator, so a failing seed replays; and the property every rendering
//! must have, with a shrinker that cuts a failing input down to its cause
//! (`seeded.rs`).

use std::panic::{self, AssertUnwindSafe};

use blog::data::{Assets, ImageSize, Variant};
use blog_model::code::{Highlight, Run};
use blog_model::lang::Lang;
use leptos::prelude::RenderHtml;
use pulldown_cmark::Parser;

use crate::allow_list;
use crate::seeded::{self, Rng, panic_message};

/// Pieces inputs are glued from.
const FRAGMENTS: &[&str] = &[
    "[",
    "]",
    "](",
    ")",
    "(",
    "<",
    ">",
    "![",
    "[^a]",
    "[^a]: ",
    "[^b]",
    "\n[^b]:\n    ",
    "[x]: ",
    "[x]",
    "[x][]",
    "][x]",
    "\"",
    "'",
    " \"t\"",
    "\\",
    "`",
    "``",
    "```",
    "~~~",
    "```rust\n",
    "\n```\n",
    "|",
    " | ",
    "|---|",
    "\n|:-|-:|\n",
    "*",
    "**",
    "_",
    "__",
    "~",
    "~~",
    "#",
    "## ",
    "\n# ",
    " {#id .c k=v}",
    "{#",
    "}",
    "- ",
    "1. ",
    "3) ",
    "> ",
    "- [ ] ",
    "- [x] ",
    "\n---\n",
    "\n===\n",
    "\n",
    "\n\n",
    "    ",
    "\t",
    " ",
    "  \n",
    "a",
    "b",
    "foo",
    "é",
    "ß",
    "\u{0}",
    "\u{1}",
    "\u{b}",
    "\u{feff}",
    "\u{2028}",
    "%",
    "%3A",
    "%6A",
    "%0A",
    "&",
    "&#",
    ";",
    "&#106;",
    "&#x6A;",
    "&#0;",
    "&#9;",
    "&#10;",
    "&#32;",
    "&colon;",
    "&amp;",
    "&lt;",
    "&quot;",
    "javascript:",
    "JaVaScRiPt:",
    "java\tscript:",
    "java\nscript:",
    " javascript:",
    "vbscript:",
    "data:",
    "data:text/html,",
    "blob:",
    "file:",
    "tel:",
    "http://a.example/",
    "https://b.example/x?y=1&z",
    "//evil.example",
    "/\\evil.example",
    "/de/",
    "./img.png",
    "#top",
    "mailto:a@b.example",
    "a@b.example",
    "<http://a.example>",
    "<a@b.example>",
    "<javascript:alert(1)>",
    "alert(1)",
    "window.__xss=1",
    "<script>",
    "</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"javascript:alert(1)\">",
    "</a>",
    "<svg onload=alert(1)>",
    "<iframe srcdoc=\"<script>alert(1)</script>\">",
    "<style>",
    "<math>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "<?",
    "?>",
    "<!X",
    "<b onclick=x>",
    "</b>",
    "<div>\n",
    "\n</div>\n",
    "<pre>",
    "<kbd>",
    "</kbd>",
    "<sup onclick=alert(1)>",
    "</sup>",
    "<sub>",
    "<mark style=\"color:red\">",
    "</mark>",
    "<abbr title=\"t\" onmouseover=alert(1)>",
    "<br/>",
    "<br>",
    "</br>",
    "<s>",
    "<small>",
    "<ins>",
    "</del>",
    "<details open ontoggle=alert(1)>",
    "\n<details>\n",
    "<summary>",
    "</summary>",
    "\n</details>\n",
    "\n<figure>\n",
    "<figcaption style=x>",
    "</figcaption>",
    "</figure>",
    "<img src=javascript:alert(1) alt=a>",
    "<img src=\"./img.png\" width=10 height=\"1 onload=x\">",
    "<IMG SRC=&#106;avascript:x onerror=alert(1)>",
    "<img src=\"//evil.example/x\" srcset=\"javascript:x 1x\">",
    "<img/src=x>",
    " title='a\"b' ",
    "=",
    "$",
    "$$",
    "^",
    "==",
];

/// One input, as the fragments it was glued from (so it shrinks by them).
pub fn input(rng: &mut Rng) -> Vec<String> {
    // Mostly short inputs, where a cause is easy to see; one in twenty long
    // enough for deep nesting and many definitions.
    let len = 1 + if rng.below(20) == 0 {
        rng.below(400)
    } else {
        rng.below(48)
    };
    (0..len)
        .map(|_| match rng.below(10) {
            // Now and then any character, to reach what the list misses.
            0 => char::from_u32(rng.below(0x3000) as u32)
                .unwrap_or('\u{fffd}')
                .to_string(),
            _ => (*rng.pick(FRAGMENTS)).to_owned(),
        })
        .collect()
}

/// Renders `markdown` and checks the properties every post must have: its
/// body (the events it is published as) reads back as the parser's events;
/// no panic, and HTML whose every element, attribute and URL is allowed.
/// The input read as a body, which it mostly is not, is an error or events,
/// never a panic.
pub fn check(markdown: &str) -> Result<(), String> {
    let body = panic::catch_unwind(|| {
        let _ = blog_model::body::read(markdown);
        blog_model::body::encode(markdown)
    })
    .map_err(|panic| format!("panicked: {}", panic_message(&*panic)))?;
    let events = blog_model::body::read(&body)
        .map_err(|error| format!("the published body does not read back: {error}\nbody: {body}"))?;
    if !events
        .into_iter()
        .eq(Parser::new_ext(markdown, blog_model::body::options()))
    {
        return Err(format!(
            "the published body reads back as other events than the parser's\nbody: {body}"
        ));
    }
    let highlights = token_runs(markdown);
    // One image of the post's folder, with a smaller copy, so that the
    // size and `srcset` an image of it gets are drawn too.
    let images = [ImageSize {
        path: "img.png".to_owned(),
        width: 1600,
        height: 900,
        variants: vec![Variant {
            url: "/posts/fuzz/img-480.webp".to_owned(),
            width: 480,
        }],
    }];
    let assets = Assets {
        base: "/posts/fuzz/",
        images: &images,
        highlights: &highlights,
    };
    let rendered = panic::catch_unwind(AssertUnwindSafe(|| {
        blog::markdown::render(&body, &assets, Lang::En).to_html()
    }))
    .map_err(|panic| format!("panicked: {}", panic_message(&*panic)))?;
    allow_list::check(&rendered).map_err(|problem| format!("{problem}\nrendered: {rendered}"))
}

/// Runs for every fenced block with a language, in order, as the build
/// would give them (the text cut every few characters, keyword and plain
/// by turns), so that the drawing of tokens is fuzzed with the rest.
fn token_runs(markdown: &str) -> Vec<Highlight> {
    blog_content::highlight::blocks(markdown)
        .into_iter()
        .map(|block| {
            let code = &block.code;
            let bounds: Vec<usize> = code
                .char_indices()
                .map(|(at, _)| at)
                .step_by(3)
                .chain([code.len()])
                .collect();
            let runs = bounds
                .windows(2)
                .enumerate()
                .map(|(index, pair)| Run {
                    len: u32::try_from(pair[1] - pair[0]).unwrap_or(u32::MAX),
                    class: (index % 2 == 0).then_some('k'),
                })
                .collect();
            Highlight { runs }
        })
        .collect()
}

/// Cuts a failing input down to fragments that still fail.
pub fn shrink(fragments: Vec<String>) -> Vec<String> {
    seeded::shrink(fragments, |fragments| check(&fragments.concat()).is_err())
}

/// Checks `cases` inputs from `seed` on, each from its own seed (so one
/// replays alone); returns the first failure, shrunk, with its seed.
pub fn run(seed: u64, cases: u64) -> Result<(), String> {
    for case in seed..seed + cases {
        let fragments = input(&mut Rng::new(case));
        if let Err(problem) = check(&fragments.concat()) {
            let small = shrink(fragments).concat();
            let problem = check(&small).err().unwrap_or(problem);
            return Err(format!("seed {case}: input {small:?}\n{problem}"));
        }
    }
    Ok(())
}
