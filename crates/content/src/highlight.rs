//! Syntax highlighting at publish time: each fenced block with a language
//! the highlighter knows becomes token runs (`blog_model::code`), stored in
//! the translation's data file. syntect parses with the Sublime Text
//! grammars that `bat` ships (through `two-face`), and the scopes it finds
//! are folded into the few classes of `TOKEN_CLASSES`, so that the page
//! carries short class names and no `style` attribute.

use std::sync::OnceLock;

use crate::diagnostic::{Diagnostic, Location};
use crate::source_text::LineIndex;
use blog_model::code::{Highlight, Run, block_language};
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};
use std::borrow::Borrow;
use std::ops::Range;
use syntect::parsing::{ParseState, Scope, ScopeStack, SyntaxReference, SyntaxSet};
use syntect::util::LinesWithEndings;

/// The languages the docs name, with the other names each goes by; any
/// other name the grammars know (a file extension, mostly) works too.
pub const LANGUAGES: &[&str] = &[
    "rust",
    "rs",
    "toml",
    "yaml",
    "yml",
    "json",
    "bash",
    "sh",
    "shell",
    "zsh",
    "console",
    "javascript",
    "js",
    "jsx",
    "typescript",
    "ts",
    "tsx",
    "html",
    "css",
    "python",
    "py",
    "go",
    "java",
    "c",
    "cpp",
    "c++",
    "sql",
    "dockerfile",
    "diff",
    "patch",
    "markdown",
    "md",
    "nginx",
    "ini",
    "xml",
    "ruby",
    "php",
    "kotlin",
    "swift",
    "haskell",
];

/// Names for text that is not code: known, and drawn plain.
const PLAIN: &[&str] = &["text", "plain", "plaintext", "txt", "output", "none"];

/// The grammars, read once (about a tenth of a second).
fn syntaxes() -> &'static SyntaxSet {
    static SET: OnceLock<SyntaxSet> = OnceLock::new();
    SET.get_or_init(two_face::syntax::extra_newlines)
}

/// What the highlighter makes of a block's language.
#[derive(Debug, Clone, Copy)]
pub enum Language<'a> {
    Code(&'a SyntaxReference),
    /// Text that is not code (`text`, `output`).
    Plain,
    Unknown,
}

/// The grammar for a block's `language` (as [`block_language`] gives it).
pub fn language(name: &str) -> Language<'static> {
    if PLAIN.contains(&name) {
        return Language::Plain;
    }
    let name = match name {
        "console" | "shell" | "zsh" | "shellsession" => "bash",
        "c++" => "cpp",
        "golang" => "go",
        "docker" => "dockerfile",
        "jsx" => "js",
        "patch" => "diff",
        "jsonc" | "json5" => "json",
        other => other,
    };
    let set = syntaxes();
    match set
        .find_syntax_by_token(name)
        .or_else(|| set.find_syntax_by_name(name))
    {
        Some(syntax) => Language::Code(syntax),
        None => Language::Unknown,
    }
}

/// The known name nearest to a mistyped one, if one is near enough.
pub fn closest_language(name: &str) -> Option<&'static str> {
    crate::diagnostic::closest(name, LANGUAGES.iter().copied(), 1)
}

/// A fenced block of a body: its language as written, its text, and the
/// byte offset of its opening fence.
#[derive(Clone)]
pub struct Block {
    pub language: String,
    pub code: String,
    pub offset: usize,
}

/// Every fenced block with a language in `body`, parsed as it is published
/// (`blog_model::body::options`).
pub fn blocks(body: &str) -> Vec<Block> {
    blocks_in(Parser::new_ext(body, blog_model::body::options()).into_offset_iter())
}

/// Every fenced block with a language among a body's parsed `events`, each
/// with its place in the body's text.
pub fn blocks_in<'e, E: Borrow<Event<'e>>>(
    events: impl IntoIterator<Item = (E, Range<usize>)>,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut open: Option<Block> = None;
    for (event, range) in events {
        match event.borrow() {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                open = block_language(info).map(|language| Block {
                    language,
                    code: String::new(),
                    offset: range.start,
                });
            }
            Event::Text(text) => {
                if let Some(block) = &mut open {
                    block.code.push_str(text);
                }
            }
            Event::End(TagEnd::CodeBlock) => blocks.extend(open.take()),
            _ => {}
        }
    }
    blocks
}

/// A warning for each block of a body (starting at `body_offset` of the
/// file `text`, shown as `shown`) whose language the highlighter does not
/// know: it shows plain, which is probably not what the author meant.
pub fn check(shown: &str, text: &str, body_offset: usize) -> Vec<Diagnostic> {
    let lines = LineIndex::new(text);
    blocks(&text[body_offset..])
        .into_iter()
        .filter(|block| matches!(language(&block.language), Language::Unknown))
        .map(|block| {
            let (line, column) = lines.position(body_offset + block.offset);
            let help = match closest_language(&block.language) {
                Some(known) => format!("did you mean `{known}`?"),
                None => format!(
                    "known languages include {}; write `text` for none",
                    LANGUAGES
                        .iter()
                        .map(|name| format!("`{name}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            Diagnostic::warning(
                Location::at(shown, line, column),
                format!(
                    "unknown language `{}`: the code block is shown without highlighting",
                    block.language
                ),
            )
            .help(help)
        })
        .collect()
}

/// The runs of each block, in order, as the post file holds them: none
/// for a block whose language the grammars do not know, or whose text
/// they fail on (it is drawn plain).
pub fn highlight(blocks: Vec<Block>) -> Vec<Highlight> {
    blocks
        .into_iter()
        .map(|block| {
            let runs = match language(&block.language) {
                Language::Code(syntax) => runs(syntax, &block.code),
                _ => None,
            };
            Highlight {
                runs: runs.unwrap_or_default(),
            }
        })
        .collect()
}

/// The token runs of `code` in `syntax`; `None` if the grammar fails on it
/// (the block is then drawn plain).
pub fn runs(syntax: &SyntaxReference, code: &str) -> Option<Vec<Run>> {
    let set = syntaxes();
    let classes = classes();
    let mut state = ParseState::new(syntax);
    let mut stack = ScopeStack::new();
    let mut runs: Vec<Run> = Vec::new();
    let mut push = |len: usize, class: Option<char>| {
        if len == 0 {
            return;
        }
        let len = u32::try_from(len).unwrap_or(u32::MAX);
        match runs.last_mut() {
            Some(last) if last.class == class => last.len += len,
            _ => runs.push(Run { len, class }),
        }
    };
    for line in LinesWithEndings::from(code) {
        let ops = state.parse_line(line, set).ok()?;
        let mut at = 0;
        for (offset, op) in ops {
            let offset = offset.min(line.len());
            if offset > at {
                push(offset - at, class_of(&stack, classes));
                at = offset;
            }
            stack.apply(&op).ok()?;
        }
        push(line.len() - at, class_of(&stack, classes));
    }
    // A single plain run draws the same as no runs.
    let plain = runs.iter().all(|run| run.class.is_none());
    Some(if plain { Vec::new() } else { runs })
}

/// Which scopes make which class, most specific first; `None` keeps the
/// token plain (operators and punctuation, which colour would only clutter).
const SCOPE_CLASSES: &[(&str, Option<char>)] = &[
    ("comment", Some('c')),
    ("punctuation.definition.comment", Some('c')),
    ("constant.character.escape", Some('e')),
    ("string.regexp", Some('e')),
    ("string", Some('s')),
    ("markup.raw", Some('s')),
    ("constant.numeric", Some('n')),
    ("constant.language", Some('n')),
    ("constant.character", Some('n')),
    ("constant.other", Some('n')),
    ("support.constant", Some('n')),
    ("keyword.operator.word", Some('k')),
    ("keyword.operator", None),
    ("punctuation", None),
    ("keyword", Some('k')),
    ("storage", Some('k')),
    ("variable.language", Some('v')),
    ("variable.parameter", Some('v')),
    ("variable.function", Some('f')),
    ("entity.name.function", Some('f')),
    ("support.function", Some('f')),
    ("entity.name.tag", Some('g')),
    ("entity.other.attribute-name", Some('a')),
    ("support.type.property-name", Some('a')),
    ("entity.name.type", Some('t')),
    ("entity.name.class", Some('t')),
    ("entity.name.struct", Some('t')),
    ("entity.name.enum", Some('t')),
    ("entity.name.trait", Some('t')),
    ("entity.name.impl", Some('t')),
    ("entity.name.interface", Some('t')),
    ("entity.other.inherited-class", Some('t')),
    ("support.type", Some('t')),
    ("support.class", Some('t')),
    ("entity.name.macro", Some('m')),
    ("support.macro", Some('m')),
    ("meta.preprocessor", Some('m')),
    ("meta.attribute", Some('m')),
    ("meta.annotation", Some('m')),
    ("entity.name.section", Some('h')),
    ("markup.heading", Some('h')),
    ("meta.diff.range", Some('h')),
    ("meta.diff.header", Some('h')),
    ("markup.inserted", Some('i')),
    ("markup.deleted", Some('d')),
];

fn classes() -> &'static [(Scope, Option<char>)] {
    static CLASSES: OnceLock<Vec<(Scope, Option<char>)>> = OnceLock::new();
    CLASSES.get_or_init(|| {
        SCOPE_CLASSES
            .iter()
            .map(|(scope, class)| (Scope::new(scope).expect("a valid scope"), *class))
            .collect()
    })
}

/// The class of the innermost scope of `stack` that has one: a string's
/// quotes take the string's class, a keyword inside an attribute its own.
fn class_of(stack: &ScopeStack, classes: &[(Scope, Option<char>)]) -> Option<char> {
    for scope in stack.as_slice().iter().rev() {
        if let Some((_, class)) = classes
            .iter()
            .find(|(prefix, _)| prefix.is_prefix_of(*scope))
        {
            // Punctuation inside a string or comment takes its colour.
            if class.is_none() && !scope_is_operator(scope) {
                continue;
            }
            return *class;
        }
    }
    None
}

/// Whether a scope is an operator (kept plain even inside a coloured scope
/// such as an attribute), as opposed to punctuation (which takes the colour
/// of what it delimits).
fn scope_is_operator(scope: &Scope) -> bool {
    static OPERATOR: OnceLock<Scope> = OnceLock::new();
    OPERATOR
        .get_or_init(|| Scope::new("keyword.operator").expect("a valid scope"))
        .is_prefix_of(*scope)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn classes_of(language_name: &str, code: &str) -> Vec<(String, char)> {
        let Language::Code(syntax) = language(language_name) else {
            panic!("{language_name} is not known");
        };
        let runs = runs(syntax, code).unwrap();
        let highlight = Highlight { runs };
        highlight
            .pieces(code)
            .unwrap()
            .into_iter()
            .filter_map(|(text, class)| Some((text.trim().to_owned(), class?)))
            .collect()
    }

    #[test]
    fn every_documented_language_is_known_and_highlights() {
        let samples = [
            ("rust", "fn main() { let x = 1; }\n"),
            ("toml", "[package]\nname = \"blog\"\n"),
            ("yaml", "title: \"A\"\ncount: 2\n"),
            ("json", "{\"a\": 1}\n"),
            ("bash", "echo \"hi\" # note\n"),
            ("sh", "if true; then echo 1; fi\n"),
            ("console", "export A=\"b\"\n"),
            ("javascript", "const a = \"b\"; // c\n"),
            ("typescript", "let a: number = 1;\n"),
            ("html", "<p class=\"a\">b</p>\n"),
            ("css", "a { color: red; }\n"),
            ("python", "def f():\n    return \"a\"\n"),
            ("go", "func main() { return }\n"),
            ("java", "class A { int b = 1; }\n"),
            ("c", "int main(void) { return 0; }\n"),
            ("cpp", "int main() { return 0; }\n"),
            ("sql", "SELECT a FROM b WHERE c = 'd';\n"),
            ("dockerfile", "FROM debian\nRUN echo a\n"),
            ("diff", "--- a\n+++ b\n-old\n+new\n"),
            ("markdown", "# Title\n\n*a* `b`\n"),
            ("nginx", "server { listen 80; }\n"),
            ("ini", "[section]\nkey = value\n"),
        ];
        for (name, code) in samples {
            let found = classes_of(name, code);
            assert!(!found.is_empty(), "{name}: nothing highlighted in {code:?}");
        }
        for name in LANGUAGES {
            assert!(
                matches!(language(name), Language::Code(_)),
                "{name} is documented but not known"
            );
        }
    }

    #[test]
    fn rust_tokens_get_their_classes() {
        let found = classes_of(
            "rust",
            "// note\n#[derive(Debug)]\nfn add(x: u32) -> Option<u32> { x + 1 } // \"s\"\nlet s = \"a\\n\";\n",
        );
        let class_of = |text: &str| {
            found
                .iter()
                .find(|(piece, _)| piece == text)
                .map(|(_, class)| *class)
        };
        assert_eq!(class_of("// note"), Some('c'));
        assert_eq!(class_of("fn"), Some('k'));
        assert_eq!(class_of("add"), Some('f'));
        assert_eq!(class_of("Option"), Some('t'));
        assert_eq!(class_of("x"), Some('v'));
        assert_eq!(class_of("1"), Some('n'));
        assert_eq!(class_of("\\n"), Some('e'));
    }

    #[test]
    fn runs_cover_the_block_and_merge_neighbours() {
        let code = "fn a() {}\n\nfn b() {}";
        let Language::Code(syntax) = language("rust") else {
            unreachable!()
        };
        let runs = runs(syntax, code).unwrap();
        let total: u32 = runs.iter().map(|run| run.len).sum();
        assert_eq!(total as usize, code.len());
        assert!(runs.windows(2).all(|pair| pair[0].class != pair[1].class));
    }

    #[test]
    fn plain_and_unknown_languages_are_told_apart() {
        assert!(matches!(language("text"), Language::Plain));
        assert!(matches!(language("rustt"), Language::Unknown));
        assert_eq!(closest_language("rustt"), Some("rust"));
        assert_eq!(closest_language("pyhton"), Some("python"));
        assert_eq!(closest_language("brainfuck"), None);
    }

    #[test]
    fn an_unknown_language_is_a_warning_at_its_fence() {
        let text = "---\ntitle: T\n---\nText\n\n```rustt\nfn a() {}\n```\n\n  ```brainfuck\n+\n  ```\n\n```rust\nfn b() {}\n```\n";
        let body_offset = text.find("Text").unwrap();
        let found: Vec<String> = check("content/p/en.md", text, body_offset)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(
            found[0],
            "content/p/en.md:6:1: warning: unknown language `rustt`: the code block is shown without highlighting\n  help: did you mean `rust`?"
        );
        assert!(
            found[1].starts_with("content/p/en.md:10:3: warning: unknown language `brainfuck`"),
            "{found:?}"
        );
        assert!(
            found[1].contains("known languages include `rust`, `rs`, `toml`"),
            "{found:?}"
        );
    }

    #[test]
    fn a_body_gives_runs_for_each_block_with_a_language_in_order() {
        let body = "Text\n\n```rust\nfn a() {}\n```\n\n```rust\nfn a() {}\n```\n\n```text\nplain\n```\n\n```\nnone\n```\n\n    indented\n";
        let found = blocks(body);
        assert_eq!(found.len(), 3);
        assert_eq!(found[0].code, "fn a() {}\n");
        assert_eq!(found[0].offset, 6);
        let highlights = highlight(found);
        // The same block twice has its runs twice; `text` has none.
        assert_eq!(highlights.len(), 3);
        assert!(!highlights[0].runs.is_empty());
        assert_eq!(highlights[1], highlights[0]);
        assert!(highlights[2].runs.is_empty());
        assert!(highlights[0].pieces("fn a() {}\n").is_some());
    }

    #[test]
    fn blocks_are_found_as_the_body_is_parsed_footnotes_included() {
        // Without the footnotes extension the fence would be an indented
        // code block's text, and the block drawn plain.
        let body = "Text.[^1]\n\n[^1]: A note.\n\n    ```rust\n    fn a() {}\n    ```\n";
        let found = blocks(body);
        assert_eq!(
            found.len(),
            1,
            "{:?}",
            found.iter().map(|b| &b.code).collect::<Vec<_>>()
        );
        assert_eq!(found[0].language, "rust");
        assert_eq!(found[0].code, "fn a() {}\n");
    }
}
