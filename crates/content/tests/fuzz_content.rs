//! Property-based fuzzing of the content checker, outside the default test
//! run: `FUZZ_CASES` random translation files (default 1,000,000) and
//! `FUZZ_FOLDERS` random content folders (default 20,000), from `FUZZ_SEED`
//! (default 0), split over the machine's cores (see `tests/support/fuzz.rs`
//! for the levels and `properties.rs` for what is checked). Run it with
//! `bash benches/fuzz.sh content`; a failure prints the seed and the shrunk
//! input, which then becomes a regression test in
//! `tests/content_properties.rs` and is fixed in the crate.

#[path = "support/content_tree.rs"]
mod content_tree;
#[path = "support/fuzz.rs"]
mod fuzz;
#[path = "../../../tests/support/fuzz_run.rs"]
mod fuzz_run;
#[path = "support/post_text.rs"]
mod post_text;
#[path = "support/properties.rs"]
mod properties;
#[path = "../../../tests/support/seeded.rs"]
mod seeded;

#[test]
fn random_front_matter_is_checked_without_panics_into_well_formed_diagnostics() {
    let cases = fuzz_run::env_number("FUZZ_CASES", 1_000_000);
    let seed = fuzz_run::env_number("FUZZ_SEED", 0);
    fuzz_run::on_every_core("content files", cases, seed, |from, count, _| {
        fuzz::run_files(from, count)
    });
}

#[test]
fn random_content_folders_are_checked_without_panics_into_well_formed_diagnostics() {
    let cases = fuzz_run::env_number("FUZZ_FOLDERS", 20_000);
    let seed = fuzz_run::env_number("FUZZ_SEED", 0);
    fuzz_run::on_every_core("content folders", cases, seed, |from, count, thread| {
        fuzz::run_trees(&fuzz::work_dir(thread), from, count)
    });
}
