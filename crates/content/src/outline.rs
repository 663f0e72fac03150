//! The outlines of a post's translations: their `h2` and `h3` headings. A
//! reader who switches language on a post lands at the section that
//! corresponds to the one they were reading, by position among these
//! headings (or by an `{#id}` both files give it), so two translations whose
//! headings differ in shape would send them to the wrong place.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag};

use crate::diagnostic::{Diagnostic, Location};
use crate::source_text::LineIndex;

/// A heading of the outline: its level (2 or 3), its explicit `{#id}`, and
/// its file line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: Option<String>,
    pub line: usize,
}

/// The `h2` and `h3` headings of the body starting at `body_offset` of the
/// file `text`.
pub fn outline(text: &str, body_offset: usize) -> Vec<Heading> {
    let lines = LineIndex::new(text);
    Parser::new_ext(&text[body_offset..], Options::ENABLE_HEADING_ATTRIBUTES)
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Heading { level, id, .. })
                if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) =>
            {
                Some(Heading {
                    level: if level == HeadingLevel::H2 { 2 } else { 3 },
                    id: id.map(|id| id.into_string()),
                    line: lines.position(body_offset + range.start).0,
                })
            }
            _ => None,
        })
        .collect()
}

/// A warning when `other`'s outline differs in shape from `first`'s (each a
/// file as shown and its outline), at the first heading that differs,
/// unless every heading of both has an `{#id}`, which then maps them.
pub fn check(first: (&str, &[Heading]), other: (&str, &[Heading])) -> Option<Diagnostic> {
    let ((first_path, first), (path, headings)) = (first, other);
    if first
        .iter()
        .chain(headings)
        .all(|heading| heading.id.is_some())
    {
        return None;
    }
    let help = "give both the same headings in the same order, or the same `{#id}` to headings \
                that correspond, so that switching language keeps the reader's place";
    let level = |heading: &Heading| format!("a level-{} heading", heading.level);
    let differs = first.iter().zip(headings).find(|(a, b)| a.level != b.level);
    let problem = match differs {
        Some((theirs, ours)) => Diagnostic::warning(
            Location::line(path, ours.line),
            format!(
                "this is {}, where {first_path}:{} has {}: the translations' headings differ",
                level(ours),
                theirs.line,
                level(theirs)
            ),
        ),
        None if first.len() == headings.len() => return None,
        None => Diagnostic::warning(
            Location::path(path),
            format!(
                "{} sections here, {} in {first_path}: the translations' headings differ",
                headings.len(),
                first.len()
            ),
        ),
    };
    Some(problem.help(help))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Vec<Heading> {
        outline(text, 0)
    }

    #[test]
    fn the_outline_is_the_h2_and_h3_headings_with_their_lines() {
        let found = shape("# Title\n\n## A\n\ntext\n\n### B {#b}\n\n#### C\n\n## D\n");
        let levels: Vec<_> = found
            .iter()
            .map(|h| (h.level, h.line, h.id.clone()))
            .collect();
        assert_eq!(
            levels,
            [(2, 3, None), (3, 7, Some("b".to_owned())), (2, 11, None)]
        );
    }

    #[test]
    fn outlines_of_the_same_shape_pass_and_others_are_named() {
        let en = shape("## A\n\n### B\n\n## C\n");
        let same = shape("## Eins\n\n### Zwei\n\n## Drei\n");
        assert!(check(("p/en.md", &en), ("p/de.md", &same)).is_none());
        let other = shape("## Eins\n\n## Zwei\n\n## Drei\n");
        let problem = check(("p/en.md", &en), ("p/de.md", &other)).unwrap();
        assert_eq!(
            problem.to_string(),
            "p/de.md:3:1: warning: this is a level-2 heading, where p/en.md:3 has a level-3 heading: \
             the translations' headings differ\n  help: give both the same headings in the same \
             order, or the same `{#id}` to headings that correspond, so that switching language \
             keeps the reader's place"
        );
        let shorter = shape("## Eins\n\n### Zwei\n");
        let problem = check(("p/en.md", &en), ("p/de.md", &shorter)).unwrap();
        assert!(
            problem
                .to_string()
                .starts_with("p/de.md: warning: 2 sections here, 3 in p/en.md"),
            "{problem}"
        );
    }

    #[test]
    fn headings_that_all_have_ids_map_by_id_whatever_their_shape() {
        let en = shape("## A {#a}\n\n### B {#b}\n");
        let de = shape("## B {#b}\n\n## A {#a}\n\n## X {#x}\n");
        assert!(check(("p/en.md", &en), ("p/de.md", &de)).is_none());
    }
}
