//! Property-based fuzzing of the Markdown mapping, outside the default test
//! run: `FUZZ_CASES` random inputs (default 1,000,000) from `FUZZ_SEED`
//! (default 0), split over the machine's cores, each checked for no panic
//! and only allowed elements, attributes and URLs in the HTML (see
//! `src/markdown.rs`). Run it with `bash benches/fuzz.sh`; a failure prints
//! the seed and the shrunk input, which then becomes a regression test in
//! `tests/properties/markdown.rs`.

use blog_fuzz::{markdown, run};

#[test]
fn random_markdown_renders_without_panics_and_only_allowed_markup() {
    let cases = run::env_number("FUZZ_CASES", 1_000_000);
    let seed = run::env_number("FUZZ_SEED", 0);
    run::on_every_core("markdown", cases, seed, |from, count, _| {
        markdown::run(from, count)
    });
}
