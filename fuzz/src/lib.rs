//! Random input for the two parsers of author text, the Markdown mapping
//! and the content checker, with the properties every output must have:
//! seeded generators (a failing seed replays), shrinkers, and the HTML and
//! URL checks. The property tests (`tests/properties/`) run a few thousand
//! inputs in every `.ci/test`; `bash benches/fuzz.sh` runs a million
//! (`tests/fuzz_markdown.rs`, `tests/fuzz_content.rs`). The app's own tests
//! of the Markdown mapping use the same HTML and URL checks.

pub mod allow_list;
pub mod content;
pub mod html;
pub mod markdown;
pub mod run;
pub mod seeded;
pub mod url_policy;
