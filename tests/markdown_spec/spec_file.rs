//! The vendored spec files and the examples in them.

use std::fmt;

/// A vendored spec file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SpecFile {
    CommonMark,
    GfmTable,
    GfmStrikethrough,
    GfmTasklist,
    Footnotes,
    HeadingAttrs,
}

impl SpecFile {
    pub const ALL: [SpecFile; 6] = [
        SpecFile::CommonMark,
        SpecFile::GfmTable,
        SpecFile::GfmStrikethrough,
        SpecFile::GfmTasklist,
        SpecFile::Footnotes,
        SpecFile::HeadingAttrs,
    ];

    pub fn text(self) -> &'static str {
        match self {
            SpecFile::CommonMark => include_str!("../spec/commonmark.txt"),
            SpecFile::GfmTable => include_str!("../spec/gfm_table.txt"),
            SpecFile::GfmStrikethrough => include_str!("../spec/gfm_strikethrough.txt"),
            SpecFile::GfmTasklist => include_str!("../spec/gfm_tasklist.txt"),
            SpecFile::Footnotes => include_str!("../spec/footnotes.txt"),
            SpecFile::HeadingAttrs => include_str!("../spec/heading_attrs.txt"),
        }
    }
}

impl fmt::Display for SpecFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self {
            SpecFile::CommonMark => "commonmark.txt",
            SpecFile::GfmTable => "gfm_table.txt",
            SpecFile::GfmStrikethrough => "gfm_strikethrough.txt",
            SpecFile::GfmTasklist => "gfm_tasklist.txt",
            SpecFile::Footnotes => "footnotes.txt",
            SpecFile::HeadingAttrs => "heading_attrs.txt",
        };
        f.write_str(name)
    }
}

/// One example: Markdown in, HTML out.
pub struct Example {
    pub number: usize,
    pub section: String,
    pub markdown: String,
    pub html: String,
}

/// The examples of a spec file: the fenced ```` example ```` blocks, with
/// `→` standing for a tab and a line with a lone `.` between input and output.
pub fn examples(spec: &str) -> Vec<Example> {
    const FENCE: &str = "````````````````````````````````";
    let mut examples = Vec::new();
    let mut section = String::new();
    let mut lines = spec.lines();
    while let Some(line) = lines.next() {
        if line.starts_with('#') {
            section = line.trim_start_matches('#').trim().to_owned();
        } else if line.strip_prefix(FENCE) == Some(" example") {
            let mut markdown = String::new();
            let mut html = String::new();
            let mut in_html = false;
            for line in lines.by_ref() {
                if line == FENCE {
                    break;
                } else if line == "." && !in_html {
                    in_html = true;
                } else {
                    let part = if in_html { &mut html } else { &mut markdown };
                    part.push_str(&line.replace('→', "\t"));
                    part.push('\n');
                }
            }
            examples.push(Example {
                number: examples.len() + 1,
                section: section.clone(),
                markdown,
                html,
            });
        }
    }
    examples
}
