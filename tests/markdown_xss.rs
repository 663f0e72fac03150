//! Renders the XSS corpus (`tests/fixtures/content/xss-corpus/en.md`, a
//! fixture post the browser tests load too) through the Markdown mapping
//! natively, and checks that none of its vectors became live markup: every
//! element and attribute is on the allow-list, every URL passes the URL
//! policy, raw HTML off the allow-list is left out (its text kept), and the
//! allowed tags keep none of the attributes the corpus gives them.

use blog::data::Assets;
use blog_fuzz::allow_list;
use blog_fuzz::html::{self, Token};
use blog_model::lang::Lang;
use leptos::prelude::RenderHtml;

const CORPUS: &str = include_str!("fixtures/content/xss-corpus/en.md");

const ASSETS: Assets = Assets {
    base: "/posts/xss-corpus/",
    images: &[],
    highlights: &[],
};

/// The corpus's body, below its front matter.
fn body() -> &'static str {
    let front_matter_end = CORPUS
        .strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n").map(|end| end + "---\n".len() * 2))
        .expect("the corpus starts with front matter");
    &CORPUS[front_matter_end..]
}

/// The HTML a body renders to, without the empty comments Leptos leaves
/// between text nodes for hydration.
fn render(markdown: &str, lang: Lang) -> String {
    blog::markdown::render(&blog_model::body::encode(markdown), &ASSETS, lang)
        .to_html()
        .replace("<!>", "")
}

/// The text a reader sees: every text token, decoded, joined.
fn text_of(rendered: &str) -> String {
    html::tokenize(rendered)
        .expect("rendered HTML reads")
        .into_iter()
        .filter_map(|token| match token {
            Token::Text(text) => Some(text),
            _ => None,
        })
        .collect()
}

#[test]
fn the_corpus_is_a_post_with_front_matter_that_tries_script_too() {
    let front_matter = &CORPUS[..CORPUS.len() - body().len()];
    for field in ["title:", "description:", "date:", "slug: xss-corpus"] {
        assert!(front_matter.contains(field), "{field}");
    }
    assert!(front_matter.contains("<script>window.__xss=1</script>"));
    assert!(front_matter.contains("onerror"));
    let vectors = body()
        .lines()
        .filter(|line| line.contains("__xss") || line.contains("alert("))
        .count();
    assert!(vectors >= 65, "only {vectors} lines try to run script");
}

#[test]
fn no_vector_in_the_corpus_renders_as_live_markup_in_either_language() {
    for lang in [Lang::En, Lang::De] {
        let rendered = render(body(), lang);
        if let Err(problem) = allow_list::check(&rendered) {
            panic!("{problem}\n\n{rendered}");
        }
    }
}

#[test]
fn raw_html_in_the_corpus_leaves_no_tag_as_text_and_keeps_only_allowed_tags() {
    let rendered = render(body(), Lang::En);
    let text = text_of(&rendered);
    // (`<img src=… onload=window.__xss=1>` in a paragraph is text to
    // CommonMark: an unquoted value may not hold `=`. It stays text.)
    for left_out in [
        "<script",
        "<img src=\"",
        "<iframe",
        "<svg",
        "<math",
        "<style",
        "<b ",
        "onerror",
        "ontoggle",
        "@import",
    ] {
        let at = text.find(left_out).unwrap_or(0);
        let around = text.get(at.saturating_sub(80)..(at + 80).min(text.len()));
        assert!(
            !text.contains(left_out),
            "{left_out:?} is shown as text: {around:?}"
        );
    }
    // The text of a tag left out stays; a script's and a style's do not.
    assert!(text.contains("hover"), "{text}");
    assert!(text.contains("raw link"), "{text}");
    for kept in [
        "<kbd>kbd</kbd>",
        "<abbr title=\"x\">abbr</abbr>",
        "<mark>mark</mark>",
        "<sup>sup</sup>",
        "<sub>sub</sub>",
        "<small>small</small>",
        "<ins>ins</ins>",
        "<del>del</del>",
        "<s>s</s>",
        "<figcaption>caption</figcaption>",
        "<summary>summary</summary>",
        "<details open>",
        "<figure>",
        "<img src=\"/posts/xss-corpus/pixel.svg\" alt=\"pixel\" width=\"1\" height=\"1\" loading=\"lazy\"",
        "<img src=\"/posts/xss-corpus/pixel.svg\" alt=\"srcset\" width=\"1\" loading=\"lazy\"",
    ] {
        assert!(rendered.contains(kept), "{kept:?} not in {rendered}");
    }
    // An image whose `src` is dropped is its `alt` text; a block's tag
    // inside a paragraph is left out.
    for alt in ["javascript src", "entity src", "mixed case src", "data src"] {
        assert!(text.contains(alt), "{alt}");
    }
    assert!(text.contains("an inline block."), "{text}");
}

#[test]
fn allowed_tags_never_keep_handlers_styles_or_unsafe_urls() {
    for markdown in [
        "<kbd onclick=\"alert(1)\" style=\"color:red\">x</kbd>",
        "<abbr title=\"t\" onmouseover=alert(1)>x</abbr>",
        "<img src=\"javascript:alert(1)\" alt=x>",
        "<img src=\"java\tscript:alert(1)\" alt=x>",
        "<img src=\"&#x6A;avascript:alert(1)\">",
        "<img src=\" data:image/svg+xml,x\">",
        "<img src=\"vbscript:x\" onerror=alert(1)>",
        "<img src=x srcset=\"javascript:alert(1)\" sizes=1 style=x>",
        "<img src=x width=\"1 onload=alert(1)\" height=-1>",
        "<IMG SRC=JaVaScRiPt:alert(1)>",
        "<details open ontoggle=alert(1)>\n<summary onclick=alert(1)>s</summary>\n\nx\n\n</details>",
        "<figure style=\"x\">\n<figcaption onclick=alert(1)>c</figcaption>\n</figure>",
        "a <details open ontoggle=alert(1)>b</details> <figure>c",
        "<sup/onclick=alert(1)>x</sup> <mark\nonmouseover=alert(1)>y</mark>",
        "<br style=x onclick=alert(1)><br/>",
    ] {
        let rendered = render(markdown, Lang::En);
        if let Err(problem) = allow_list::check(&rendered) {
            panic!("{markdown:?}: {problem}\n{rendered}");
        }
        let tokens = html::tokenize(&rendered).expect("rendered HTML reads");
        for token in &tokens {
            if let Token::Start { attrs, .. } = token {
                for attr in attrs {
                    assert!(
                        !attr.name.starts_with("on")
                            && !matches!(attr.name.as_str(), "style" | "srcset" | "sizes"),
                        "{markdown:?}: {rendered}"
                    );
                }
            }
        }
    }
}

#[test]
fn links_with_unsafe_schemes_keep_their_text_but_lose_their_url() {
    let rendered = render(body(), Lang::En);
    for text in [
        "plain",
        "mixed case",
        "decimal entity",
        "entity tab",
        "literal leading control",
        "blob",
    ] {
        assert!(
            rendered.contains(&format!("<a>{text}</a>")),
            "{text}: {rendered}"
        );
    }
    // Autolinks with an unsafe scheme show their address as text.
    assert!(
        rendered.contains("<a>javascript:window.__xss=1</a>"),
        "{rendered}"
    );
    assert!(
        rendered.contains("href=\"mailto:window.__xss@example.com\""),
        "{rendered}"
    );
}

#[test]
fn quotes_in_titles_alt_text_and_urls_stay_inside_their_attribute() {
    let tokens = html::tokenize(&render(body(), Lang::En)).expect("rendered HTML reads");
    let titles: Vec<&str> = tokens
        .iter()
        .filter_map(|token| token.attr("title"))
        .collect();
    assert!(
        titles.contains(&"x\" onmouseover=\"window.__xss=1"),
        "{titles:?}"
    );
    let alts: Vec<&str> = tokens
        .iter()
        .filter_map(|token| token.attr("alt"))
        .collect();
    assert!(alts.contains(&"alt\" onerror=\"window.__xss=1"), "{alts:?}");
    let hrefs: Vec<&str> = tokens
        .iter()
        .filter_map(|token| token.attr("href"))
        .collect();
    assert!(
        hrefs.contains(&"https://example.com/%22onmouseover=%22window.__xss=1"),
        "{hrefs:?}"
    );
}

#[test]
fn every_unsafe_scheme_in_every_form_loses_its_url() {
    for scheme in [
        "javascript",
        "vbscript",
        "data",
        "blob",
        "JavaScript",
        "DATA",
    ] {
        let url = format!("{scheme}:window.__xss=1");
        for markdown in [
            format!("[x]({url})"),
            format!("[x][r]\n\n[r]: {url}"),
            format!("<{url}>"),
            format!("![x]({url})"),
            format!("a[^1]\n\n[^1]: [x]({url})"),
            format!("[x](<\t{url}>)"),
            format!("[x](<\u{1}{url}>)"),
            format!("[x](<\u{0}{url}>)"),
            format!("[x](<\u{b}{url}>)"),
            format!("[x](<java\tscript:{url}>)"),
            format!("[x](&#32;{url})"),
            // Relative paths to a page the site does not have (so not in the
            // corpus, which must build), never a scheme.
            format!("[x](&#0;{url})"),
            format!("[x](%6A{})", &url[1..]),
            format!("[x]({})", url.replacen(':', "%3A", 1)),
            format!("[x](\\{url})"),
        ] {
            let rendered = render(&markdown, Lang::En);
            if let Err(problem) = allow_list::check(&rendered) {
                panic!("{markdown:?}: {problem}\n{rendered}");
            }
        }
    }
}
