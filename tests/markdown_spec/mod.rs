//! Renders every example of the CommonMark spec and of the spec files of
//! the extensions posts may use (vendored in `tests/spec/`, see its README)
//! through the blog's Markdown mapping, and compares the HTML with the
//! spec's. The comparison is by meaning, not spelling (attribute order,
//! character references, `<br />` or `<br>`, whitespace where HTML ignores
//! it; see `canonical.rs`), and undoes only what the mapping changes on
//! purpose (see `on_purpose.rs`): raw HTML off its allow-list left out (its
//! text kept), URLs outside the
//! allow-list dropped, heading ids and anchors, heading classes and custom
//! attributes dropped, footnotes numbered and collected at the end with
//! links back, extra attributes on links, images and table cells, the
//! table's wrapper, Leptos's hydration markers. Every other difference is
//! either a bug or listed in [`DELIBERATE`] with its reason; the test fails
//! on a difference not listed and on a listed example that now matches.

mod canonical;
mod on_purpose;
mod spec_file;

use std::collections::BTreeMap;

use blog_fuzz::html;

use blog::data::Assets;
use blog_model::lang::Lang;
use canonical::canonical;
use on_purpose::{
    drop_disallowed_urls, footnotes_collected_at_the_end, only_ids_on_headings,
    raw_html_as_the_mapping_draws_it, undo_deliberate,
};
use spec_file::{Example, SpecFile, examples};

/// Why an example renders differently from the spec, on purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reason {
    /// A fenced block's `language-…` class is written only for a plain
    /// language name (ASCII letters, digits, `-+#_`), lower-cased, as syntax
    /// highlighters and style sheets expect; the spec writes any first word
    /// of the info string (`language-föö`, `language-;`).
    LanguageClassIsAPlainName,
}

/// Every example that differs on purpose: file, example number (counted
/// from 1 in the file, as the CommonMark spec numbers them), the section it
/// is in, and why.
#[rustfmt::skip]
const DELIBERATE: &[(SpecFile, usize, &str, Reason)] = &[
    (SpecFile::CommonMark, 34, "Entity and numeric character references", Reason::LanguageClassIsAPlainName),
    (SpecFile::CommonMark, 144, "Fenced code blocks", Reason::LanguageClassIsAPlainName),
];

/// What the mapping renders, in the canonical form.
fn rendered(markdown: &str) -> Result<String, String> {
    const ASSETS: Assets = Assets {
        base: "",
        images: &[],
        highlights: &[],
    };
    let html = leptos::prelude::RenderHtml::to_html(blog::markdown::render(
        &blog_model::body::encode(markdown),
        &ASSETS,
        Lang::En,
    ));
    let tokens = html::tokenize(&html)?;
    Ok(canonical(undo_deliberate(tokens)))
}

/// What the spec expects, in the canonical form, with what the mapping
/// leaves out or moves on purpose left out or moved the same way.
fn expected(example: &Example) -> Result<String, String> {
    let html = raw_html_as_the_mapping_draws_it(&example.markdown, &example.html);
    let tokens = html::tokenize(&html)?;
    let tokens = drop_disallowed_urls(tokens);
    let tokens = footnotes_collected_at_the_end(tokens);
    Ok(canonical(only_ids_on_headings(tokens)))
}

/// How one example compared.
enum Outcome {
    Matches,
    Differs { expected: String, rendered: String },
}

fn compare(example: &Example) -> Outcome {
    let expected = expected(example).unwrap_or_else(|error| format!("(unreadable: {error})"));
    let rendered =
        rendered(&example.markdown).unwrap_or_else(|error| format!("(unreadable: {error})"));
    if expected == rendered {
        Outcome::Matches
    } else {
        Outcome::Differs { expected, rendered }
    }
}

#[test]
fn every_spec_example_renders_as_the_spec_says_or_is_a_listed_deliberate_difference() {
    let deliberate: BTreeMap<(SpecFile, usize), (&str, Reason)> = DELIBERATE
        .iter()
        .map(|&(file, number, section, reason)| ((file, number), (section, reason)))
        .collect();
    assert_eq!(
        deliberate.len(),
        DELIBERATE.len(),
        "an example is listed twice"
    );
    let mut problems = Vec::new();
    let mut summary = Vec::new();
    for file in SpecFile::ALL {
        let examples = examples(file.text());
        let mut matching = 0;
        let mut listed = 0;
        for example in &examples {
            let entry = deliberate.get(&(file, example.number));
            if let Some((section, _)) = entry {
                listed += 1;
                if *section != example.section {
                    problems.push(format!(
                        "{file} example {}: listed under section {section:?}, but it is in {:?}",
                        example.number, example.section
                    ));
                }
            }
            match (compare(example), entry) {
                (Outcome::Matches, None) => matching += 1,
                (Outcome::Matches, Some((_, reason))) => problems.push(format!(
                    "{file} example {} ({}) now matches the spec: remove it from DELIBERATE ({reason:?})",
                    example.number, example.section
                )),
                (Outcome::Differs { .. }, Some(_)) => {}
                (Outcome::Differs { expected, rendered }, None) => problems.push(format!(
                    "{file} example {} ({}) differs:\n  markdown: {:?}\n  expected: {expected}\n  rendered: {rendered}",
                    example.number, example.section, example.markdown
                )),
            }
        }
        for &(listed_file, number, _, _) in DELIBERATE {
            if listed_file == file && number > examples.len() {
                problems.push(format!("{file} has no example {number}"));
            }
        }
        summary.push(format!(
            "{file}: {matching}/{} match, {listed} differ on purpose",
            examples.len()
        ));
    }
    println!("{}", summary.join("\n"));
    assert!(
        problems.is_empty(),
        "{} problems:\n{}\n\n{}",
        problems.len(),
        problems.join("\n"),
        summary.join("\n")
    );
}

#[test]
fn every_spec_example_is_published_as_the_events_the_parser_gives() {
    use pulldown_cmark::{Event, Parser};
    for file in SpecFile::ALL {
        for example in examples(file.text()) {
            let parsed: Vec<Event<'_>> =
                Parser::new_ext(&example.markdown, blog_model::body::options()).collect();
            let body = blog_model::body::encode(&example.markdown);
            assert_eq!(
                blog_model::body::read(&body).as_deref(),
                Ok(parsed.as_slice()),
                "{file} example {}: {body}",
                example.number
            );
        }
    }
}

#[test]
fn the_spec_files_are_read_into_their_examples() {
    assert_eq!(examples(SpecFile::CommonMark.text()).len(), 652);
    let tabs = &examples(SpecFile::CommonMark.text())[0];
    assert_eq!((tabs.number, tabs.section.as_str()), (1, "Tabs"));
    assert_eq!(tabs.markdown, "\tfoo\tbaz\t\tbim\n");
    assert_eq!(tabs.html, "<pre><code>foo\tbaz\t\tbim\n</code></pre>\n");
}

#[test]
fn the_canonical_form_ignores_only_spelling() {
    let canonical_of = |html: &str| canonical(html::tokenize(html).expect(html));
    assert_eq!(
        canonical_of("<p>a<br />\nb &quot;c&quot;</p>\n<hr />"),
        canonical_of("<p>a<br>\nb \"c\"</p><hr>")
    );
    assert_eq!(
        canonical_of("<input disabled=\"\" type=\"checkbox\">"),
        canonical_of("<input type=\"checkbox\" disabled>")
    );
    assert_ne!(
        canonical_of("<pre><code> </code></pre>"),
        canonical_of("<pre><code></code></pre>")
    );
    assert_ne!(
        canonical_of("<li><input> a</li>"),
        canonical_of("<li><input>a</li>")
    );
}

#[test]
fn raw_html_in_the_spec_becomes_what_the_mapping_draws() {
    assert_eq!(
        raw_html_as_the_mapping_draws_it(
            "a <b>c</b> <kbd x=y>d</kbd>\n",
            "<p>a <b>c</b> <kbd x=y>d</kbd></p>\n"
        ),
        "<p>a c <kbd>d</kbd></p>\n"
    );
    assert_eq!(
        raw_html_as_the_mapping_draws_it(
            "<div>\nx &amp; <script>y</script>\n</div>\n",
            "<div>\nx &amp; <script>y</script>\n</div>\n"
        ),
        "\nx &amp; \n\n"
    );
    assert_eq!(
        raw_html_as_the_mapping_draws_it("a <figure>\n", "<p>a <figure></p>\n"),
        "<p>a </p>\n"
    );
}

#[test]
fn the_spec_footnotes_move_to_the_end_as_the_mapping_moves_them() {
    let spec = "<p>a<sup class=\"footnote-reference\"><a href=\"#x\">1</a></sup></p>\
        <div class=\"footnote-definition\" id=\"x\"><sup class=\"footnote-definition-label\">1</sup>\
        <p>n</p></div><p>b</p>";
    let moved = footnotes_collected_at_the_end(html::tokenize(spec).expect("spec HTML reads"));
    let mapping = "<p>a<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup></p>\
        <p>b</p><section class=\"footnotes\"><ol><li id=\"fn-1\" value=\"1\"><p>n</p> \
        <a class=\"footnote-back\" href=\"#fnref-1\">↩</a></li></ol></section>";
    assert_eq!(
        canonical(moved),
        canonical(html::tokenize(mapping).expect("mapping HTML reads"))
    );
}

#[test]
fn a_link_outside_the_allow_list_loses_its_url_and_an_image_becomes_its_text() {
    let spec =
        "<p><a href=\"irc://x\">a</a><img src=\"data:x\" alt=\"b\"><a href=\"/ok\">c</a></p>";
    let dropped = drop_disallowed_urls(html::tokenize(spec).expect("spec HTML reads"));
    assert_eq!(canonical(dropped), "<p><a>a</a>b<a href=\"/ok\">c</a></p>");
}
