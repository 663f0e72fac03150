//! Property-based fuzzing of the Markdown mapping, outside the default test
//! run: `FUZZ_CASES` random inputs (default 1,000,000) from `FUZZ_SEED`
//! (default 0), split over the machine's cores, each checked for no panic
//! and only allowed elements, attributes and URLs in the HTML (see
//! `tests/support/fuzz.rs`). Run it with `bash benches/fuzz.sh`; a
//! failure prints the seed and the shrunk input, which then becomes a
//! regression test in `tests/markdown_properties.rs`.

#[path = "support/allow_list.rs"]
mod allow_list;
#[path = "support/fuzz.rs"]
mod fuzz;
#[path = "support/fuzz_run.rs"]
mod fuzz_run;
#[path = "support/html.rs"]
mod html;
#[path = "support/seeded.rs"]
mod seeded;
#[path = "support/url_policy.rs"]
mod url_policy;

#[test]
fn random_markdown_renders_without_panics_and_only_allowed_markup() {
    let cases = fuzz_run::env_number("FUZZ_CASES", 1_000_000);
    let seed = fuzz_run::env_number("FUZZ_SEED", 0);
    fuzz_run::on_every_core("markdown", cases, seed, |from, count, _| {
        fuzz::run(from, count)
    });
}
