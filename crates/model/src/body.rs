//! A body as the data files carry it: its Markdown parsed once, when the
//! content is published, into pulldown-cmark's events, and written as
//! text. The app and the pre-renderer read the events back and draw them
//! (`src/markdown.rs`), so every reader of a body sees the very same events
//! and the wasm carries no Markdown parser: it uses the crate's types only.
//!
//! The text is a sequence of records, each a letter and its fields. A
//! string is its length in bytes, `:` and the bytes, so nothing is
//! escaped; a number ends with `;`; an absent value is `-`. Each event is
//! one record, adjacent texts too, so a body reads back as it was parsed.
//!
//! | record | event |
//! |---|---|
//! | `T` string | text |
//! | `C` string | inline code |
//! | `H` string, `h` string | an HTML block's line, inline HTML |
//! | `F` string | a footnote reference, by label |
//! | `m` string, `M` string | inline and display math |
//! | `n`, `b`, `r` | soft break, hard break, rule |
//! | `x`, `X` | a task list's box, unchecked or checked |
//! | `(` tag | the start of an element (below) |
//! | `)` end | its end: the same letter, with the fields marked † |
//!
//! | tag | element, fields |
//! |---|---|
//! | `p` | paragraph |
//! | `h` | heading: level digit †, id or `-`, classes (a count, then each), attributes (a count, then name and value or `-`) |
//! | `q` | block quote: kind † (`-`, or `n` `t` `i` `w` `c`: note, tip, important, warning, caution) |
//! | `c` | code block: its info string, or `-` when indented |
//! | `B` | HTML block |
//! | `l` | list: its first number, or `-` when unordered; its end: `o` ordered or `u` |
//! | `i` | list item |
//! | `f` | footnote definition: label |
//! | `D`, `t`, `d` | definition list, its title, its definition |
//! | `T` | table: the columns' alignments (`n` `l` `c` `r` each), then `;` |
//! | `A`, `R`, `C` | table head, row, cell |
//! | `e`, `s`, `x`, `^`, `_` | emphasis, strong, strikethrough, superscript, subscript |
//! | `a`, `g` | link, image: link type (below), URL, title, id |
//! | `m` | metadata block: kind † (`y` YAML, `p` `+++`) |
//!
//! Link types: `i` inline, `r` `R` reference (known, unknown), `c` `C`
//! collapsed, `s` `S` shortcut, `a` autolink, `e` email, `w` `W` wiki link
//! (without, with a pothole).

use std::fmt::{self, Write as _};

use pulldown_cmark::{
    Alignment, BlockQuoteKind, CodeBlockKind, CowStr, Event, HeadingLevel, LinkType,
    MetadataBlockKind, Options, Tag, TagEnd,
};

/// The Markdown extensions posts may use.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// `markdown` parsed with [`options`] and written as a body. (In a wasm,
/// calling it would bring the parser in; the app only reads bodies.)
pub fn encode(markdown: &str) -> String {
    write(pulldown_cmark::Parser::new_ext(markdown, options()))
}

/// `events` written as a body.
pub fn write<'a>(events: impl IntoIterator<Item = Event<'a>>) -> String {
    let mut out = String::new();
    for event in events {
        match event {
            Event::Text(text) => field(&mut out, 'T', &text),
            Event::Code(code) => field(&mut out, 'C', &code),
            Event::Html(html) => field(&mut out, 'H', &html),
            Event::InlineHtml(html) => field(&mut out, 'h', &html),
            Event::FootnoteReference(label) => field(&mut out, 'F', &label),
            Event::InlineMath(math) => field(&mut out, 'm', &math),
            Event::DisplayMath(math) => field(&mut out, 'M', &math),
            Event::SoftBreak => out.push('n'),
            Event::HardBreak => out.push('b'),
            Event::Rule => out.push('r'),
            Event::TaskListMarker(checked) => out.push(if checked { 'X' } else { 'x' }),
            Event::Start(tag) => {
                out.push('(');
                write_tag(&mut out, tag);
            }
            Event::End(end) => {
                out.push(')');
                write_end(&mut out, end);
            }
        }
    }
    out
}

fn string(out: &mut String, value: &str) {
    let _ = write!(out, "{}:", value.len());
    out.push_str(value);
}

fn field(out: &mut String, letter: char, value: &str) {
    out.push(letter);
    string(out, value);
}

fn optional(out: &mut String, value: Option<&str>) {
    match value {
        Some(value) => string(out, value),
        None => out.push('-'),
    }
}

fn number(out: &mut String, value: u64) {
    let _ = write!(out, "{value};");
}

fn write_tag(out: &mut String, tag: Tag<'_>) {
    match tag {
        Tag::Paragraph => out.push('p'),
        Tag::Heading {
            level,
            id,
            classes,
            attrs,
        } => {
            out.push('h');
            out.push(level_digit(level));
            optional(out, id.as_deref());
            number(out, classes.len() as u64);
            for class in &classes {
                string(out, class);
            }
            number(out, attrs.len() as u64);
            for (name, value) in &attrs {
                string(out, name);
                optional(out, value.as_deref());
            }
        }
        Tag::BlockQuote(kind) => {
            out.push('q');
            out.push(quote_letter(kind));
        }
        Tag::CodeBlock(kind) => {
            out.push('c');
            match kind {
                CodeBlockKind::Fenced(info) => string(out, &info),
                CodeBlockKind::Indented => out.push('-'),
            }
        }
        Tag::HtmlBlock => out.push('B'),
        Tag::List(start) => {
            out.push('l');
            match start {
                Some(start) => number(out, start),
                None => out.push('-'),
            }
        }
        Tag::Item => out.push('i'),
        Tag::FootnoteDefinition(label) => field(out, 'f', &label),
        Tag::DefinitionList => out.push('D'),
        Tag::DefinitionListTitle => out.push('t'),
        Tag::DefinitionListDefinition => out.push('d'),
        Tag::Table(alignments) => {
            out.push('T');
            out.extend(alignments.iter().map(|alignment| match alignment {
                Alignment::None => 'n',
                Alignment::Left => 'l',
                Alignment::Center => 'c',
                Alignment::Right => 'r',
            }));
            out.push(';');
        }
        Tag::TableHead => out.push('A'),
        Tag::TableRow => out.push('R'),
        Tag::TableCell => out.push('C'),
        Tag::Emphasis => out.push('e'),
        Tag::Strong => out.push('s'),
        Tag::Strikethrough => out.push('x'),
        Tag::Superscript => out.push('^'),
        Tag::Subscript => out.push('_'),
        Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        } => link(out, 'a', link_type, &dest_url, &title, &id),
        Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        } => link(out, 'g', link_type, &dest_url, &title, &id),
        Tag::MetadataBlock(kind) => {
            out.push('m');
            out.push(metadata_letter(kind));
        }
    }
}

fn link(out: &mut String, letter: char, link_type: LinkType, url: &str, title: &str, id: &str) {
    out.push(letter);
    out.push(match link_type {
        LinkType::Inline => 'i',
        LinkType::Reference => 'r',
        LinkType::ReferenceUnknown => 'R',
        LinkType::Collapsed => 'c',
        LinkType::CollapsedUnknown => 'C',
        LinkType::Shortcut => 's',
        LinkType::ShortcutUnknown => 'S',
        LinkType::Autolink => 'a',
        LinkType::Email => 'e',
        LinkType::WikiLink { has_pothole: false } => 'w',
        LinkType::WikiLink { has_pothole: true } => 'W',
    });
    string(out, url);
    string(out, title);
    string(out, id);
}

fn write_end(out: &mut String, end: TagEnd) {
    let (letter, field) = match end {
        TagEnd::Paragraph => ('p', None),
        TagEnd::Heading(level) => ('h', Some(level_digit(level))),
        TagEnd::BlockQuote(kind) => ('q', Some(quote_letter(kind))),
        TagEnd::CodeBlock => ('c', None),
        TagEnd::HtmlBlock => ('B', None),
        TagEnd::List(ordered) => ('l', Some(if ordered { 'o' } else { 'u' })),
        TagEnd::Item => ('i', None),
        TagEnd::FootnoteDefinition => ('f', None),
        TagEnd::DefinitionList => ('D', None),
        TagEnd::DefinitionListTitle => ('t', None),
        TagEnd::DefinitionListDefinition => ('d', None),
        TagEnd::Table => ('T', None),
        TagEnd::TableHead => ('A', None),
        TagEnd::TableRow => ('R', None),
        TagEnd::TableCell => ('C', None),
        TagEnd::Emphasis => ('e', None),
        TagEnd::Strong => ('s', None),
        TagEnd::Strikethrough => ('x', None),
        TagEnd::Superscript => ('^', None),
        TagEnd::Subscript => ('_', None),
        TagEnd::Link => ('a', None),
        TagEnd::Image => ('g', None),
        TagEnd::MetadataBlock(kind) => ('m', Some(metadata_letter(kind))),
    };
    out.push(letter);
    out.extend(field);
}

fn level_digit(level: HeadingLevel) -> char {
    char::from(b'0' + level as u8)
}

fn quote_letter(kind: Option<BlockQuoteKind>) -> char {
    match kind {
        None => '-',
        Some(BlockQuoteKind::Note) => 'n',
        Some(BlockQuoteKind::Tip) => 't',
        Some(BlockQuoteKind::Important) => 'i',
        Some(BlockQuoteKind::Warning) => 'w',
        Some(BlockQuoteKind::Caution) => 'c',
    }
}

fn metadata_letter(kind: MetadataBlockKind) -> char {
    match kind {
        MetadataBlockKind::YamlStyle => 'y',
        MetadataBlockKind::PlusesStyle => 'p',
    }
}

/// Why a body cannot be read: the byte where it stops making sense.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyError {
    pub at: usize,
}

impl fmt::Display for BodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the body is malformed at byte {}", self.at)
    }
}

impl std::error::Error for BodyError {}

/// The events of a body, every element ended in the order it started.
/// Strings are borrowed from `body`.
pub fn read(body: &str) -> Result<Vec<Event<'_>>, BodyError> {
    let mut reader = Reader { body, at: 0 };
    let mut events = Vec::new();
    let mut open: Vec<TagEnd> = Vec::new();
    while reader.at < body.len() {
        let at = reader.at;
        let event = reader.event().ok_or(BodyError { at: reader.at })?;
        match &event {
            Event::Start(tag) => open.push(tag.to_end()),
            Event::End(end) if open.last() == Some(end) => {
                open.pop();
            }
            Event::End(_) => return Err(BodyError { at }),
            _ => {}
        }
        events.push(event);
    }
    if !open.is_empty() {
        return Err(BodyError { at: body.len() });
    }
    Ok(events)
}

struct Reader<'a> {
    body: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Option<u8> {
        let byte = *self.body.as_bytes().get(self.at)?;
        self.at += 1;
        Some(byte)
    }

    /// Digits up to `end`, which is taken too.
    fn number(&mut self, end: u8) -> Option<u64> {
        let mut value: u64 = 0;
        let mut digits = 0;
        loop {
            match self.byte()? {
                byte @ b'0'..=b'9' => {
                    value = value.checked_mul(10)?.checked_add(u64::from(byte - b'0'))?;
                    digits += 1;
                }
                byte if byte == end && digits > 0 => return Some(value),
                _ => return None,
            }
        }
    }

    fn string(&mut self) -> Option<CowStr<'a>> {
        let len = usize::try_from(self.number(b':')?).ok()?;
        let value = self.body.get(self.at..self.at.checked_add(len)?)?;
        self.at += len;
        Some(CowStr::Borrowed(value))
    }

    /// `-` for none, or what `read` reads.
    fn optional<T>(&mut self, read: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        if self.body.as_bytes().get(self.at) == Some(&b'-') {
            self.at += 1;
            return Some(None);
        }
        read(self).map(Some)
    }

    fn count(&mut self) -> Option<usize> {
        // No more items than bytes left: a corrupt count allocates nothing.
        usize::try_from(self.number(b';')?)
            .ok()
            .filter(|&count| count <= self.body.len() - self.at)
    }

    fn event(&mut self) -> Option<Event<'a>> {
        Some(match self.byte()? {
            b'T' => Event::Text(self.string()?),
            b'C' => Event::Code(self.string()?),
            b'H' => Event::Html(self.string()?),
            b'h' => Event::InlineHtml(self.string()?),
            b'F' => Event::FootnoteReference(self.string()?),
            b'm' => Event::InlineMath(self.string()?),
            b'M' => Event::DisplayMath(self.string()?),
            b'n' => Event::SoftBreak,
            b'b' => Event::HardBreak,
            b'r' => Event::Rule,
            b'x' => Event::TaskListMarker(false),
            b'X' => Event::TaskListMarker(true),
            b'(' => Event::Start(self.tag()?),
            b')' => Event::End(self.end()?),
            _ => return None,
        })
    }

    fn tag(&mut self) -> Option<Tag<'a>> {
        Some(match self.byte()? {
            b'p' => Tag::Paragraph,
            b'h' => {
                let level = self.level()?;
                let id = self.optional(Self::string)?;
                let mut classes = Vec::new();
                for _ in 0..self.count()? {
                    classes.push(self.string()?);
                }
                let mut attrs = Vec::new();
                for _ in 0..self.count()? {
                    attrs.push((self.string()?, self.optional(Self::string)?));
                }
                Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }
            }
            b'q' => Tag::BlockQuote(self.quote()?),
            b'c' => Tag::CodeBlock(match self.optional(Self::string)? {
                Some(info) => CodeBlockKind::Fenced(info),
                None => CodeBlockKind::Indented,
            }),
            b'B' => Tag::HtmlBlock,
            b'l' => Tag::List(self.optional(|reader| reader.number(b';'))?),
            b'i' => Tag::Item,
            b'f' => Tag::FootnoteDefinition(self.string()?),
            b'D' => Tag::DefinitionList,
            b't' => Tag::DefinitionListTitle,
            b'd' => Tag::DefinitionListDefinition,
            b'T' => {
                let mut alignments = Vec::new();
                loop {
                    alignments.push(match self.byte()? {
                        b'n' => Alignment::None,
                        b'l' => Alignment::Left,
                        b'c' => Alignment::Center,
                        b'r' => Alignment::Right,
                        b';' => break,
                        _ => return None,
                    });
                }
                Tag::Table(alignments)
            }
            b'A' => Tag::TableHead,
            b'R' => Tag::TableRow,
            b'C' => Tag::TableCell,
            b'e' => Tag::Emphasis,
            b's' => Tag::Strong,
            b'x' => Tag::Strikethrough,
            b'^' => Tag::Superscript,
            b'_' => Tag::Subscript,
            letter @ (b'a' | b'g') => {
                let link_type = self.link_type()?;
                let (dest_url, title, id) = (self.string()?, self.string()?, self.string()?);
                if letter == b'a' {
                    Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }
                } else {
                    Tag::Image {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }
                }
            }
            b'm' => Tag::MetadataBlock(self.metadata()?),
            _ => return None,
        })
    }

    fn end(&mut self) -> Option<TagEnd> {
        Some(match self.byte()? {
            b'p' => TagEnd::Paragraph,
            b'h' => TagEnd::Heading(self.level()?),
            b'q' => TagEnd::BlockQuote(self.quote()?),
            b'c' => TagEnd::CodeBlock,
            b'B' => TagEnd::HtmlBlock,
            b'l' => TagEnd::List(match self.byte()? {
                b'o' => true,
                b'u' => false,
                _ => return None,
            }),
            b'i' => TagEnd::Item,
            b'f' => TagEnd::FootnoteDefinition,
            b'D' => TagEnd::DefinitionList,
            b't' => TagEnd::DefinitionListTitle,
            b'd' => TagEnd::DefinitionListDefinition,
            b'T' => TagEnd::Table,
            b'A' => TagEnd::TableHead,
            b'R' => TagEnd::TableRow,
            b'C' => TagEnd::TableCell,
            b'e' => TagEnd::Emphasis,
            b's' => TagEnd::Strong,
            b'x' => TagEnd::Strikethrough,
            b'^' => TagEnd::Superscript,
            b'_' => TagEnd::Subscript,
            b'a' => TagEnd::Link,
            b'g' => TagEnd::Image,
            b'm' => TagEnd::MetadataBlock(self.metadata()?),
            _ => return None,
        })
    }

    fn level(&mut self) -> Option<HeadingLevel> {
        HeadingLevel::try_from(usize::from(self.byte()?.checked_sub(b'0')?)).ok()
    }

    fn quote(&mut self) -> Option<Option<BlockQuoteKind>> {
        Some(match self.byte()? {
            b'-' => None,
            b'n' => Some(BlockQuoteKind::Note),
            b't' => Some(BlockQuoteKind::Tip),
            b'i' => Some(BlockQuoteKind::Important),
            b'w' => Some(BlockQuoteKind::Warning),
            b'c' => Some(BlockQuoteKind::Caution),
            _ => return None,
        })
    }

    fn metadata(&mut self) -> Option<MetadataBlockKind> {
        Some(match self.byte()? {
            b'y' => MetadataBlockKind::YamlStyle,
            b'p' => MetadataBlockKind::PlusesStyle,
            _ => return None,
        })
    }

    fn link_type(&mut self) -> Option<LinkType> {
        Some(match self.byte()? {
            b'i' => LinkType::Inline,
            b'r' => LinkType::Reference,
            b'R' => LinkType::ReferenceUnknown,
            b'c' => LinkType::Collapsed,
            b'C' => LinkType::CollapsedUnknown,
            b's' => LinkType::Shortcut,
            b'S' => LinkType::ShortcutUnknown,
            b'a' => LinkType::Autolink,
            b'e' => LinkType::Email,
            b'w' => LinkType::WikiLink { has_pothole: false },
            b'W' => LinkType::WikiLink { has_pothole: true },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    #[test]
    fn every_kind_of_event_reads_back_as_written() {
        let markdown = "# Title {#top .wide data-x=1 hidden}\n\n\
            Some *emphasis*, **strong**, ~~gone~~, `code`, <kbd>inline</kbd> and a \
            [link](https://a.example \"Its title\"), [ref][r], [ref2][], [r], \
            <https://auto.example>, <ada@mail.example>, ![an image](i.png)\\\nhard break.[^1]\n\n\
            [r]: /r\n[ref2]: /r2\n\n\
            > quoted\n\n    indented code\n\n```rust title=x\nfn main() {}\n```\n\n\
            <div>\nblock\n</div>\n\n\
            1. one\n2. two\n\nbetween\n\n7. seven\n\n- [ ] open\n- [x] done\n\n\
            | a | b | c | d |\n|---|:--|:-:|--:|\n| 1 | 2 | 3 | 4 |\n\n\
            ***\n\n[^1]: A note with Größe &amp; &copy; &#x1F600;.\n";
        let expected: Vec<Event<'_>> = Parser::new_ext(markdown, options()).collect();
        let body = encode(markdown);
        assert_eq!(read(&body).unwrap(), expected, "{body}");
        // The parser gives every kind the app draws.
        for wanted in [
            "(h1", "(q-", "(c-", "(c", "(B", "(l1;", "(l7;", "(l-", "X", "x", "(Tnlcr;", "(ae",
            "(aa", "(ar", "(ac", "(as", "(gi", "F", "h", "H", "b", "r", "(f",
        ] {
            assert!(body.contains(wanted), "{wanted} in {body}");
        }
    }

    #[test]
    fn kinds_the_options_do_not_give_read_back_too() {
        let events = vec![
            Event::Start(Tag::MetadataBlock(MetadataBlockKind::PlusesStyle)),
            Event::Text("a = 1".into()),
            Event::End(TagEnd::MetadataBlock(MetadataBlockKind::PlusesStyle)),
            Event::Start(Tag::BlockQuote(Some(BlockQuoteKind::Warning))),
            Event::InlineMath("x^2".into()),
            Event::DisplayMath("y".into()),
            Event::End(TagEnd::BlockQuote(Some(BlockQuoteKind::Warning))),
            Event::Start(Tag::DefinitionList),
            Event::Start(Tag::DefinitionListTitle),
            Event::Start(Tag::Superscript),
            Event::Start(Tag::Subscript),
            Event::Start(Tag::Link {
                link_type: LinkType::WikiLink { has_pothole: true },
                dest_url: "Page".into(),
                title: "".into(),
                id: "".into(),
            }),
            Event::End(TagEnd::Link),
            Event::End(TagEnd::Subscript),
            Event::End(TagEnd::Superscript),
            Event::End(TagEnd::DefinitionListTitle),
            Event::Start(Tag::DefinitionListDefinition),
            Event::End(TagEnd::DefinitionListDefinition),
            Event::End(TagEnd::DefinitionList),
        ];
        assert_eq!(read(&write(events.clone())).unwrap(), events);
    }

    #[test]
    fn a_malformed_body_is_an_error_never_a_panic() {
        let good = encode("Some *words* and a [link](/x).\n");
        assert!(read(&good).is_ok());
        // Every cut of a good body, and a few bad ones.
        for end in 0..good.len() {
            if let Some(cut) = good.get(..end) {
                assert!(read(cut).is_err() || end == 0, "{cut}");
            }
        }
        for bad in [
            "?",
            "T",
            "T5:abc",
            "T99999999999999999999999:x",
            "(p",
            ")p",
            "(p)s",
            "(h7-0;0;)h7",
            "(Tz;)T",
            "(l-)lx",
            "(az1:a1:b1:c)a",
            "(h1-9999;",
            "T1:\u{e9}",
        ] {
            assert!(read(bad).is_err(), "{bad}");
        }
    }
}
