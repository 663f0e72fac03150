//! A Hugo page's body made Markdown the blog renders: the common
//! shortcodes, in their `{{< >}}` and `{{% %}}` forms, turned into what
//! they stand for, images pointed at the post's folder, `<!--more-->`
//! dropped.
//!
//! - `figure` (`src`, `alt`, `title`, `caption`, `link`): the image, its
//!   title as the image's, then the caption in italics as a paragraph of
//!   its own.
//! - `highlight` (`{{< highlight go "linenos=table" >}}…{{< /highlight >}}`):
//!   a fenced code block in that language; the options are dropped.
//! - `ref`, `relref` (a path, or `path=` and `lang=`): the relative link to
//!   the imported post or standalone page, `../<slug>/`, or
//!   `../../<lang>/<slug>/` in the other language; a `#fragment` is kept.
//! - `youtube` (the id, or `id=` and `title=`): a link to
//!   `https://www.youtube.com/watch?v=ID`.
//!
//! Every other shortcode is left exactly as written, and reported with its
//! line. `{{</* … */>}}`, Hugo's way of writing a shortcode as text,
//! becomes the text `{{< … >}}` it renders.

use blog_model::lang::Lang;

/// What the conversion asks of the rest of the import.
pub trait Links {
    /// The URL to write for the image `src` names, `None` when there is no
    /// such image.
    fn image(&mut self, src: &str) -> Option<String>;
    /// The link to the page `target` names, in the language `lang` if it
    /// is given; `None` when no imported page is that.
    fn page(&mut self, target: &str, lang: Option<&str>) -> Option<String>;
}

/// The converted body and what happened on the way.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    pub text: String,
    /// The name of each shortcode converted, in order.
    pub converted: Vec<String>,
    /// Each shortcode left as written: its line in the file, and its text.
    pub left: Vec<(usize, String)>,
    /// Other things not carried over: a line and what.
    pub problems: Vec<(usize, String)>,
}

/// Converts `body`, whose first line is line `first_line` of its file.
pub fn convert(body: &str, first_line: usize, lang: Lang, links: &mut dyn Links) -> Outcome {
    let mut outcome = Outcome::default();
    let body = markdown_images(body, first_line, links, &mut outcome);
    let mut out = String::with_capacity(body.len());
    let mut at = 0;
    while let Some(found) = next_open(&body, at) {
        out.push_str(&body[at..found]);
        let line = first_line + body[..found].matches('\n').count();
        let Some(tag) = Tag::read(&body, found) else {
            // Never closed: the rest is text.
            out.push_str(&body[found..]);
            at = body.len();
            break;
        };
        at = tag.end;
        let written = &body[found..tag.end];
        if let Some(escaped) = &tag.escaped {
            let (open, close) = if tag.delim == '<' {
                ("{{<", ">}}")
            } else {
                ("{{%", "%}}")
            };
            out.push_str(&format!("{open}{escaped}{close}"));
            continue;
        }
        let done = match tag.name.as_str() {
            "figure" => figure(&tag, links, &mut outcome, line),
            "highlight" => match closing(&body, tag.end, "highlight") {
                Some((close_start, close_end)) => {
                    at = close_end;
                    Some(code_block(
                        &tag,
                        &body[tag.end..close_start],
                        &out,
                        &body[close_end..],
                    ))
                }
                None => None,
            },
            "ref" | "relref" => {
                let target = tag.named("path").or_else(|| tag.positional(0));
                target.and_then(|target| links.page(target, tag.named("lang")))
            }
            "youtube" => youtube(&tag, lang),
            _ => None,
        };
        match done {
            Some(text) => {
                out.push_str(&text);
                outcome.converted.push(tag.name.clone());
            }
            None => {
                out.push_str(written);
                if !tag.name.starts_with('/') {
                    outcome.left.push((line, written.to_owned()));
                }
            }
        }
    }
    out.push_str(&body[at..]);
    outcome.text = drop_more(&out);
    outcome
}

/// One shortcode tag as written.
#[derive(Debug)]
struct Tag {
    /// `<` or `%`.
    delim: char,
    /// The name; a closing tag's starts with `/`.
    name: String,
    args: Vec<(Option<String>, String)>,
    /// The byte after the tag.
    end: usize,
    /// For `{{</* … */>}}`: what is between the comment marks.
    escaped: Option<String>,
}

impl Tag {
    /// The tag that starts at `start` (`{{<` or `{{%`), if it is closed.
    fn read(body: &str, start: usize) -> Option<Tag> {
        let delim = body[start + 2..].chars().next()?;
        let close = if delim == '<' { ">}}" } else { "%}}" };
        let inner_start = start + 3;
        let rest = &body[inner_start..];
        if let Some(commented) = rest.trim_start().strip_prefix("/*") {
            let marker = format!("*/{close}");
            let inner_end = commented.find(&marker)?;
            let skipped = rest.len() - commented.len();
            return Some(Tag {
                delim,
                name: String::new(),
                args: Vec::new(),
                end: inner_start + skipped + inner_end + marker.len(),
                escaped: Some(commented[..inner_end].to_owned()),
            });
        }
        let inner_end = rest.find(close)?;
        let inner = rest[..inner_end].trim();
        let inner = inner.strip_suffix('/').unwrap_or(inner).trim();
        let mut words = split_args(inner).into_iter();
        let name = words.next().map(|(_, word)| word).unwrap_or_default();
        // `{{< / highlight >}}` closes as `{{< /highlight >}}` does.
        let name = if name == "/" {
            format!(
                "/{}",
                words.next().map(|(_, word)| word).unwrap_or_default()
            )
        } else {
            name
        };
        Some(Tag {
            delim,
            name,
            args: words.collect(),
            end: inner_start + inner_end + close.len(),
            escaped: None,
        })
    }

    fn named(&self, key: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(name, _)| name.as_deref() == Some(key))
            .map(|(_, value)| value.as_str())
    }

    fn positional(&self, index: usize) -> Option<&str> {
        self.args
            .iter()
            .filter(|(name, _)| name.is_none())
            .nth(index)
            .map(|(_, value)| value.as_str())
    }
}

/// The next `{{<` or `{{%` from `from`.
fn next_open(body: &str, from: usize) -> Option<usize> {
    let mut at = from;
    while let Some(found) = body[at..].find("{{") {
        let start = at + found;
        if matches!(body.as_bytes().get(start + 2), Some(b'<' | b'%')) {
            return Some(start);
        }
        at = start + 2;
    }
    None
}

/// The closing tag of `name` after `from`: where it starts and ends.
fn closing(body: &str, from: usize, name: &str) -> Option<(usize, usize)> {
    let mut at = from;
    while let Some(start) = next_open(body, at) {
        let tag = Tag::read(body, start)?;
        if tag.escaped.is_none() && tag.name.strip_prefix('/') == Some(name) {
            return Some((start, tag.end));
        }
        at = tag.end;
    }
    None
}

/// A shortcode's arguments: `name=value` or a value, each value bare,
/// `"quoted"` (with `\"`) or `` `raw` ``.
fn split_args(inner: &str) -> Vec<(Option<String>, String)> {
    let mut args = Vec::new();
    let mut chars = inner.chars().peekable();
    loop {
        while chars.next_if(|ch| ch.is_whitespace()).is_some() {}
        if chars.peek().is_none() {
            return args;
        }
        let mut name = None;
        let mut value = String::new();
        loop {
            match chars.peek().copied() {
                None => break,
                Some(ch) if ch.is_whitespace() => break,
                Some('=') if name.is_none() && !value.is_empty() => {
                    chars.next();
                    name = Some(std::mem::take(&mut value));
                }
                Some(quote @ ('"' | '`')) if value.is_empty() => {
                    chars.next();
                    while let Some(ch) = chars.next() {
                        match ch {
                            '\\' if quote == '"' => {
                                if let Some(next) = chars.next() {
                                    value.push(next);
                                }
                            }
                            _ if ch == quote => break,
                            _ => value.push(ch),
                        }
                    }
                    break;
                }
                Some(ch) => {
                    chars.next();
                    value.push(ch);
                }
            }
        }
        args.push((name, value));
    }
}

fn figure(tag: &Tag, links: &mut dyn Links, outcome: &mut Outcome, line: usize) -> Option<String> {
    let src = tag.named("src")?;
    let alt = tag.named("alt").unwrap_or_default();
    let title = tag.named("title").unwrap_or_default();
    let caption = tag.named("caption").unwrap_or_default();
    let mut text = match links.image(src) {
        Some(url) => {
            let title = if title.is_empty() {
                String::new()
            } else {
                format!(" \"{}\"", title.replace('"', "\\\""))
            };
            let image = format!("![{}]({url}{title})", escape_label(alt));
            match tag.named("link") {
                Some(link) if !link.is_empty() => format!("[{image}]({link})"),
                _ => image,
            }
        }
        None => {
            outcome.problems.push((
                line,
                format!("the image `{src}` of a figure was not found: left out"),
            ));
            String::new()
        }
    };
    if !caption.is_empty() {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        text.push_str(&format!("*{}*", caption.trim()));
    }
    Some(text)
}

/// A fenced block of `code` in the tag's language, on lines of its own
/// between `before` and `after`.
fn code_block(tag: &Tag, code: &str, before: &str, after: &str) -> String {
    let code = code
        .strip_prefix("\r\n")
        .or_else(|| code.strip_prefix('\n'))
        .unwrap_or(code);
    let code = code.trim_end_matches(['\n', '\r']);
    let longest = code.split(|ch| ch != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    let lang = tag.positional(0).unwrap_or_default();
    let mut text = String::new();
    if !before.is_empty() && !before.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&format!("{fence}{lang}\n{code}\n{fence}"));
    if !after.is_empty() && !after.starts_with(['\n', '\r']) {
        text.push('\n');
    }
    text
}

fn youtube(tag: &Tag, lang: Lang) -> Option<String> {
    let id = tag.named("id").or_else(|| tag.positional(0))?;
    if id.is_empty()
        || !id
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '-' | '_'))
    {
        return None;
    }
    let label = match tag.named("title") {
        Some(title) if !title.is_empty() => escape_label(title),
        _ => match lang {
            Lang::En => "Video on YouTube".to_owned(),
            Lang::De => "Video auf YouTube".to_owned(),
        },
    };
    Some(format!("[{label}](https://www.youtube.com/watch?v={id})"))
}

fn escape_label(text: &str) -> String {
    text.replace('[', "\\[").replace(']', "\\]")
}

/// Markdown images (`![alt](url)`) outside fenced code, their URLs
/// pointed at the post's folder.
fn markdown_images(
    body: &str,
    first_line: usize,
    links: &mut dyn Links,
    outcome: &mut Outcome,
) -> String {
    let mut out = String::with_capacity(body.len());
    let mut fence: Option<&str> = None;
    for (index, line) in body.split_inclusive('\n').enumerate() {
        let trimmed = line.trim_start();
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
            out.push_str(line);
            continue;
        }
        if trimmed.starts_with("```") {
            fence = Some("```");
        } else if trimmed.starts_with("~~~") {
            fence = Some("~~~");
        }
        if fence.is_some() {
            out.push_str(line);
            continue;
        }
        let mut rest = line;
        while let Some(start) = rest.find("![") {
            let Some((url_start, url_end)) = image_url(rest, start) else {
                break;
            };
            let url = &rest[url_start..url_end];
            match links.image(url) {
                Some(new) => {
                    out.push_str(&rest[..url_start]);
                    out.push_str(&new);
                    rest = &rest[url_end..];
                }
                // A path under the site's root passes the checker as it is.
                None if url.starts_with('/') => {
                    out.push_str(&rest[..url_end]);
                    outcome.problems.push((
                        first_line + index,
                        format!("the image `{url}` was not found: left as written"),
                    ));
                    rest = &rest[url_end..];
                }
                None => {
                    let Some(close) = rest[url_end..].find(')') else {
                        out.push_str(&rest[..url_end]);
                        rest = &rest[url_end..];
                        continue;
                    };
                    let alt_end = rest[..url_start].rfind("](").unwrap_or(start + 2);
                    out.push_str(&rest[..start]);
                    out.push_str(&rest[start + 2..alt_end]);
                    outcome.problems.push((
                        first_line + index,
                        format!("the image `{url}` was not found: only its text is kept"),
                    ));
                    rest = &rest[url_end + close + 1..];
                }
            }
        }
        out.push_str(rest);
    }
    out
}

/// Where the URL of the image whose `![` is at `start` begins and ends.
fn image_url(text: &str, start: usize) -> Option<(usize, usize)> {
    let mut depth = 0;
    let mut close = None;
    for (at, ch) in text[start + 1..].char_indices() {
        match ch {
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(start + 1 + at);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    let after = text[close + 1..].strip_prefix('(')?;
    let url_start = text.len() - after.len();
    let after = after.trim_start();
    let url_start = url_start + (text.len() - url_start - after.len());
    let length = after.find([' ', ')', '\t', '\n'])?;
    (length > 0 && !after.starts_with('<')).then_some((url_start, url_start + length))
}

/// The text without Hugo's summary marker: a line that holds only it
/// goes, else the marker alone.
fn drop_more(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dropped_between_blanks = false;
    for line in text.split_inclusive('\n') {
        let squeezed: String = line.chars().filter(|ch| !ch.is_whitespace()).collect();
        if squeezed.eq_ignore_ascii_case("<!--more-->") {
            dropped_between_blanks = out.is_empty() || out.ends_with("\n\n");
            continue;
        }
        // One blank line where the marker stood between two.
        if std::mem::take(&mut dropped_between_blanks) && line.trim().is_empty() {
            continue;
        }
        let lower = line.to_ascii_lowercase();
        match lower.find("<!--more-->") {
            Some(at) => {
                out.push_str(&line[..at]);
                out.push_str(&line[at + "<!--more-->".len()..]);
            }
            None => out.push_str(line),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake;

    impl Links for Fake {
        fn image(&mut self, src: &str) -> Option<String> {
            (!src.contains("missing")).then(|| format!("./{}", src.trim_start_matches('/')))
        }
        fn page(&mut self, target: &str, lang: Option<&str>) -> Option<String> {
            match (target, lang) {
                ("posts/known.md", None) => Some("../known/".to_owned()),
                ("known", Some("de")) => Some("../../de/bekannt/".to_owned()),
                _ => None,
            }
        }
    }

    fn run(body: &str) -> Outcome {
        convert(body, 10, Lang::En, &mut Fake)
    }

    #[test]
    fn a_figure_becomes_an_image_and_its_caption() {
        let done = run(
            "{{< figure src=\"/images/a.png\" alt=\"A [b]\" title=\"T\" caption=\"The caption\" >}}\n",
        );
        assert_eq!(
            done.text,
            "![A \\[b\\]](./images/a.png \"T\")\n\n*The caption*\n"
        );
        assert_eq!(done.converted, ["figure"]);
        let done = run("{{% figure src=\"missing.png\" caption=\"C\" %}}\n");
        assert_eq!(done.text, "*C*\n");
        assert_eq!(done.problems.len(), 1);
    }

    #[test]
    fn highlight_becomes_a_fenced_block() {
        let done = run(
            "Text\n\n{{< highlight go \"linenos=table,hl_lines=2\" >}}\nfunc main() {\n}\n{{< /highlight >}}\nAfter\n",
        );
        assert_eq!(done.text, "Text\n\n```go\nfunc main() {\n}\n```\nAfter\n");
        assert_eq!(done.converted, ["highlight"]);
        let done = run("{{< highlight md >}}\n````\n{{< / highlight >}}");
        assert_eq!(done.text, "`````md\n````\n`````");
    }

    #[test]
    fn refs_and_youtube_become_links() {
        let done = run(
            "[a]({{< ref \"posts/known.md\" >}}) [b]({{% relref path=\"known\" lang=\"de\" %}})\n{{< youtube w7Ft2ymGmfc >}}\n{{< youtube id=\"abc\" title=\"A talk\" >}}\n",
        );
        assert_eq!(
            done.text,
            "[a](../known/) [b](../../de/bekannt/)\n[Video on YouTube](https://www.youtube.com/watch?v=w7Ft2ymGmfc)\n[A talk](https://www.youtube.com/watch?v=abc)\n"
        );
        assert_eq!(done.converted, ["ref", "relref", "youtube", "youtube"]);
        let german = convert("{{< youtube x1 >}}", 1, Lang::De, &mut Fake);
        assert_eq!(
            german.text,
            "[Video auf YouTube](https://www.youtube.com/watch?v=x1)"
        );
    }

    #[test]
    fn other_shortcodes_stay_as_written_with_their_line() {
        let body = "One\n\n{{< tweet user=\"x\" id=\"1\" >}}\n{{% notice %}}\nHi\n{{% /notice %}}\n[x]({{< ref \"nowhere\" >}})\n";
        let done = run(body);
        assert_eq!(done.text, body);
        assert_eq!(
            done.left,
            [
                (12, "{{< tweet user=\"x\" id=\"1\" >}}".to_owned()),
                (13, "{{% notice %}}".to_owned()),
                (16, "{{< ref \"nowhere\" >}}".to_owned()),
            ]
        );
        assert!(done.converted.is_empty());
    }

    #[test]
    fn escaped_shortcodes_become_their_text_and_more_goes() {
        let done = run("Intro\n<!--more-->\nUse {{</* figure src=\"x\" */>}} here.<!-- more -->\n");
        assert_eq!(
            done.text,
            "Intro\nUse {{< figure src=\"x\" >}} here.<!-- more -->\n"
        );
        let done = run("Intro\n\n<!--more-->\n\nText\n");
        assert_eq!(done.text, "Intro\n\nText\n");
        let done = run("Intro <!--more--> text\n");
        assert_eq!(done.text, "Intro  text\n");
    }

    #[test]
    fn markdown_images_outside_code_are_pointed_at_the_folder() {
        let done = run("![a](/img/x.png) ![b](missing.png \"t\")\n```\n![c](/y.png)\n```\n");
        assert_eq!(done.text, "![a](./img/x.png) b\n```\n![c](/y.png)\n```\n");
        assert_eq!(
            done.problems,
            [(
                10,
                "the image `missing.png` was not found: only its text is kept".to_owned()
            )]
        );
    }

    #[test]
    fn arguments_are_split_as_hugo_splits_them() {
        assert_eq!(
            split_args("figure src=\"a b.png\" alt=`x \"y\"` 3 k=v"),
            [
                (None, "figure".to_owned()),
                (Some("src".to_owned()), "a b.png".to_owned()),
                (Some("alt".to_owned()), "x \"y\"".to_owned()),
                (None, "3".to_owned()),
                (Some("k".to_owned()), "v".to_owned()),
            ]
        );
    }
}
