//! The content checker's fuzzing properties (`src/content/properties.rs`)
//! on a few thousand random files and a few hundred random content folders
//! in every test run, and on each input fuzzing ever found wrong, as a
//! regression test. `bash benches/fuzz.sh content` runs a million.

use blog_fuzz::content::post_text::{self, PostText};
use blog_fuzz::content::{self, properties};

/// Runs `run` with panics kept quiet (they are caught and reported).
fn quietly(run: impl FnOnce() -> Result<(), String>) {
    std::panic::set_hook(Box::new(|_| {}));
    let outcome = run();
    let _ = std::panic::take_hook();
    if let Err(failure) = outcome {
        panic!("{failure}");
    }
}

/// The properties of the file `text`, read as `content/post/en.md`.
fn check(text: &[u8]) -> Result<(), String> {
    content::check_file(&PostText {
        pieces: vec![text.to_vec()],
        expected: None,
    })
}

#[test]
fn two_thousand_random_files_give_well_formed_diagnostics() {
    quietly(|| content::run_files(1 << 40, 2_000));
}

#[test]
fn two_hundred_random_content_folders_give_well_formed_diagnostics() {
    let dir = content::work_dir(u64::MAX);
    quietly(|| content::run_trees(&dir, 1 << 40, 200));
}

#[test]
fn the_properties_catch_a_diagnostic_outside_its_file_or_on_two_lines() {
    use blog_content::diagnostic::{Diagnostic, Location};
    let file = |_: &str| Some(b"one\ntwo\n".to_vec());
    let folder = |_: &str| false;
    for diagnostic in [
        Diagnostic::error(Location::at("content/post/en.md", 4, 1), "past the end"),
        Diagnostic::error(Location::at("content/post/en.md", 1, 5), "past the line"),
        Diagnostic::error(Location::at("content/post/en.md", 0, 1), "line 0"),
        Diagnostic::error(Location::at("/tmp/content/post/en.md", 1, 1), "absolute"),
        Diagnostic::error(Location::at("content/../en.md", 1, 1), "outside"),
        Diagnostic::error(Location::line("content/post/en.md", 1), " "),
    ]
    .into_iter()
    .chain(["two\nlines", "a \u{1b}[31m colour"].map(|raw| {
        // Diagnostics escape what they are given, so a raw one is made by hand.
        let mut diagnostic = Diagnostic::error(Location::line("content/post/en.md", 1), "x");
        diagnostic.message = raw.to_owned();
        diagnostic
    })) {
        assert!(
            properties::diagnostics(std::slice::from_ref(&diagnostic), file, folder).is_err(),
            "{diagnostic:?}"
        );
    }
    let fine = Diagnostic::error(
        Location::at("content/post/en.md", 3, 1),
        "after the last line",
    );
    assert_eq!(properties::diagnostics(&[fine], file, folder), Ok(()));
}

#[test]
fn a_valid_file_passes_the_properties() {
    assert_eq!(
        check(b"---\ntitle: T\ndescription: D\ndate: 2026-02-13\n---\nBody\n"),
        Ok(())
    );
}

// Inputs fuzzing found wrong, each kept as it was found.

#[test]
fn mojibake_on_a_line_with_a_nul_byte_is_repaired_in_a_one_line_help() {
    assert_eq!(check(b"\0\xc3\xa2\xe2\x82\xac\xe2\x80\x9d"), Ok(()));
}

#[test]
fn sharp_s_before_a_german_closing_quote_is_not_mojibake() {
    let text =
        "---\ntitle: \"Fuß post 0\"\ndescription: \"groß“ groß“\"\ndate: 2022-03-27\n---\nBody\n";
    assert_eq!(
        content::check_file(&PostText {
            pieces: vec![text.as_bytes().to_vec()],
            expected: Some(post_text::Expected {
                title: "Fuß post 0".to_owned(),
                description: "groß“ groß“".to_owned(),
                date: blog_model::date::Date {
                    year: 2022,
                    month: 3,
                    day: 27
                },
                slug: "fuss-post-0".to_owned(),
                draft: false,
                cover: None,
            }),
        }),
        Ok(())
    );
}

#[test]
fn a_yaml_error_after_a_lone_carriage_return_is_placed_on_a_line_of_the_file() {
    let text = format!(
        "---\n\"slug\r{}description: \"a b\"\n---\n",
        "x".repeat(2_600)
    );
    assert_eq!(check(text.as_bytes()), Ok(()));
    let (_, found) = content::read_file(text.as_bytes());
    assert_eq!(
        (found[0].line, found[0].column),
        (Some(2), Some(2_621)),
        "{found:?}"
    );
}
