//! Property-based fuzzing of the content checker, outside the default test
//! run: `FUZZ_CASES` random translation files (default 1,000,000) and
//! `FUZZ_FOLDERS` random content folders (default 20,000), from `FUZZ_SEED`
//! (default 0), split over the machine's cores (see `src/content/mod.rs`
//! for the levels and `properties.rs` for what is checked). Run it with
//! `bash benches/fuzz.sh content`; a failure prints the seed and the shrunk
//! input, which then becomes a regression test in
//! `tests/properties/content.rs` and is fixed in the content library.

use blog_fuzz::{content, run};

#[test]
fn random_front_matter_is_checked_without_panics_into_well_formed_diagnostics() {
    let cases = run::env_number("FUZZ_CASES", 1_000_000);
    let seed = run::env_number("FUZZ_SEED", 0);
    run::on_every_core("content files", cases, seed, |from, count, _| {
        content::run_files(from, count)
    });
}

#[test]
fn random_content_folders_are_checked_without_panics_into_well_formed_diagnostics() {
    let cases = run::env_number("FUZZ_FOLDERS", 20_000);
    let seed = run::env_number("FUZZ_SEED", 0);
    run::on_every_core("content folders", cases, seed, |from, count, thread| {
        content::run_trees(&content::work_dir(thread), from, count)
    });
}
