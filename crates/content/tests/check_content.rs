//! The fixture corpus under `tests/fixtures/<case>/content/`, each run
//! through the `check-content` binary as an author runs it (from the case's
//! folder, with the default `content`), asserting the problems it prints:
//! path, line and message, in JSON.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// One problem as the checker prints it in JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Found {
    path: String,
    line: Option<u64>,
    severity: String,
    message: String,
    help: Option<String>,
}

/// Runs the checker in `dir` with `args`; its exit code and findings.
fn run_in(dir: &Path, args: &[&str]) -> (i32, Vec<Found>) {
    let output = Command::new(env!("CARGO_BIN_EXE_check-content"))
        .args(["--format", "json"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("check-content runs");
    let json: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|err| panic!("{err}: {}", String::from_utf8_lossy(&output.stdout)));
    let text = |value: &Value| value.as_str().map(str::to_owned);
    let found = json
        .as_array()
        .expect("a JSON array")
        .iter()
        .map(|entry| Found {
            path: text(&entry["path"]).unwrap(),
            line: entry["line"].as_u64(),
            severity: text(&entry["severity"]).unwrap(),
            message: text(&entry["message"]).unwrap(),
            help: text(&entry["help"]),
        })
        .collect();
    (output.status.code().unwrap_or(-1), found)
}

fn fixture(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(case)
}

/// Asserts that the case fails with exactly these errors, in this order:
/// path, line and a part of the message.
fn assert_errors(case: &str, expected: &[(&str, Option<u64>, &str)]) -> Vec<Found> {
    let (code, found) = run_in(&fixture(case), &[]);
    let errors: Vec<&Found> = found.iter().filter(|f| f.severity == "error").collect();
    assert_eq!(code, 1, "{case}: {found:#?}");
    assert_eq!(errors.len(), expected.len(), "{case}: {errors:#?}");
    for (error, (path, line, message)) in errors.iter().zip(expected) {
        assert_eq!(error.path, *path, "{case}: {error:#?}");
        assert_eq!(error.line, *line, "{case}: {error:#?}");
        assert!(
            error.message.contains(message),
            "{case}: expected {message:?} in {error:#?}"
        );
        assert!(error.help.is_some(), "{case}: no help in {error:#?}");
    }
    found
}

#[test]
fn a_valid_post_passes_without_a_word() {
    let (code, found) = run_in(&fixture("valid"), &[]);
    assert_eq!((code, found), (0, Vec::new()));
}

#[test]
fn a_file_without_front_matter_says_so_on_line_1() {
    assert_errors(
        "no-front-matter",
        &[(
            "content/post/en.md",
            Some(1),
            "the file has no front matter",
        )],
    );
}

#[test]
fn front_matter_that_is_not_closed_says_so() {
    assert_errors(
        "front-matter-not-closed",
        &[(
            "content/post/en.md",
            Some(1),
            "the front matter is not closed",
        )],
    );
}

#[test]
fn invalid_yaml_is_reported_on_the_line_the_parser_stopped() {
    // The quote opened on line 2 runs into line 3, where it cannot go on.
    assert_errors(
        "invalid-yaml",
        &[("content/post/en.md", Some(3), "invalid YAML: ")],
    );
}

#[test]
fn a_list_for_the_title_is_the_wrong_type() {
    assert_errors(
        "title-is-a-list",
        &[(
            "content/post/en.md",
            Some(3),
            "`title` must be a single line of text, not a list",
        )],
    );
}

#[test]
fn each_missing_required_field_is_named() {
    assert_errors(
        "missing-fields",
        &[
            ("content/no-date/en.md", Some(4), "`date` is missing"),
            (
                "content/no-description/en.md",
                Some(4),
                "`description` is missing",
            ),
            ("content/no-title/en.md", Some(4), "`title` is missing"),
        ],
    );
}

#[test]
fn each_empty_or_blank_required_field_is_named() {
    assert_errors(
        "empty-fields",
        &[
            ("content/blank-date/en.md", Some(4), "`date` is empty"),
            (
                "content/blank-description/en.md",
                Some(3),
                "`description` is empty",
            ),
            ("content/empty-date/en.md", Some(4), "`date` is empty"),
            ("content/empty-title/en.md", Some(2), "`title` is empty"),
            ("content/spaces-title/en.md", Some(2), "`title` is empty"),
        ],
    );
}

#[test]
fn a_mistyped_field_suggests_the_right_one() {
    let found = assert_errors(
        "unknown-field",
        &[("content/post/en.md", Some(2), "unknown field `titel`")],
    );
    assert_eq!(found[0].help.as_deref(), Some("did you mean `title`?"));
}

#[test]
fn tags_are_known_ids_with_a_label_in_every_language() {
    let found = assert_errors(
        "tags",
        &[
            (
                "content/tags.yml",
                Some(5),
                "the tag `edge` has no Deutsch label",
            ),
            (
                "content/three/en.md",
                Some(5),
                "`tags` must be a list of tag ids",
            ),
            ("content/one/en.md", Some(5), "unknown tag `securty`"),
        ],
    );
    let errors: Vec<&Found> = found.iter().filter(|f| f.severity == "error").collect();
    assert_eq!(
        errors[2].help.as_deref(),
        Some("did you mean `security`? Tags are defined in tags.yml")
    );
    let once: Vec<&Found> = found
        .iter()
        .filter(|f| f.message.contains("used by this post only"))
        .collect();
    assert_eq!(once.len(), 1, "{found:#?}");
    assert_eq!(
        (once[0].path.as_str(), once[0].line),
        ("content/two/en.md", Some(5))
    );
    assert!(once[0].message.contains("`security`"));
}

#[test]
fn a_key_set_twice_names_both_lines() {
    let found = assert_errors(
        "key-set-twice",
        &[(
            "content/post/en.md",
            Some(3),
            "`title` is set twice (lines 2 and 3)",
        )],
    );
    assert_eq!(found[0].help.as_deref(), Some("keep one"));
}

#[test]
fn a_day_that_does_not_exist_differs_from_another_format() {
    assert_errors(
        "bad-dates",
        &[
            (
                "content/no-such-day/en.md",
                Some(4),
                "`date` \"2026-02-30\" is not a day in the calendar",
            ),
            (
                "content/other-format/en.md",
                Some(4),
                "`date` \"13.02.2026\" is not a date in the form YYYY-MM-DD",
            ),
        ],
    );
}

#[test]
fn every_duplicate_slug_names_the_first_holder() {
    // `d` is German: slugs are per language.
    assert_errors(
        "duplicate-slugs",
        &[
            (
                "content/b/en.md",
                Some(2),
                "slug `same-title` (from its title) is already used by content/a/en.md:2",
            ),
            (
                "content/c/en.md",
                Some(2),
                "slug `same-title` (from its title) is already used by content/a/en.md:2",
            ),
        ],
    );
}

#[test]
fn a_slug_set_in_front_matter_collides_with_one_from_a_title() {
    assert_errors(
        "duplicate-slug-title-and-front-matter",
        &[(
            "content/b/en.md",
            Some(5),
            "slug `edge-computing` (set as `slug`) is already used by content/a/en.md:2 (from its title)",
        )],
    );
}

#[test]
fn slugs_with_other_characters_or_reserved_names_are_refused() {
    assert_errors(
        "bad-slugs",
        &[
            (
                "content/bad-characters/en.md",
                Some(5),
                "slug `Über uns!` has characters outside [a-z0-9-]",
            ),
            ("content/feed/en.md", Some(5), "slug `feed.xml` is reserved"),
            (
                "content/index/en.md",
                Some(5),
                "slug `index.html` is reserved",
            ),
            ("content/not-found/en.md", Some(5), "slug `404` is reserved"),
            ("content/page/en.md", Some(5), "slug `page` is reserved"),
            (
                "content/sitemap/en.md",
                Some(5),
                "slug `sitemap.xml` is reserved",
            ),
            ("content/tags/en.md", Some(5), "slug `tags` is reserved"),
        ],
    );
}

#[test]
fn a_file_for_a_language_the_blog_does_not_have_is_refused() {
    assert_errors(
        "unsupported-language",
        &[(
            "content/post/fr.md",
            Some(1),
            "`fr` is not a language of the blog (en, de)",
        )],
    );
}

#[test]
fn a_wrong_case_extension_is_refused_naming_the_right_name() {
    let found = assert_errors(
        "wrong-case-extension",
        &[("content/post/de.MD", Some(1), "`de.MD` is not read")],
    );
    let error = found.iter().find(|f| f.severity == "error").unwrap();
    assert_eq!(error.help.as_deref(), Some("rename it to `de.md`"));
}

#[test]
fn covers_that_are_missing_outside_or_not_images_and_alt_text_alone_are_errors() {
    assert_errors(
        "covers",
        &[
            (
                "content/alt-only/en.md",
                Some(5),
                "`cover_alt` is set but there is no `cover`",
            ),
            (
                "content/missing/en.md",
                Some(5),
                "the cover `cover.jpg` does not exist in content/missing/",
            ),
            (
                "content/not-an-image/en.md",
                Some(5),
                "the cover `cover.jpg` is not an image",
            ),
            (
                "content/outside/en.md",
                Some(5),
                "`cover` \"../x.jpg\" is outside the post's folder",
            ),
        ],
    );
}

#[test]
fn an_image_in_the_body_that_does_not_exist_is_an_error_on_its_line() {
    assert_errors(
        "missing-body-image",
        &[(
            "content/post/en.md",
            Some(9),
            "the image `./diagram.png` does not exist in content/post/",
        )],
    );
}

#[test]
fn a_post_folder_without_a_language_file_is_an_error() {
    assert_errors(
        "no-language-file",
        &[("content/post", None, "the post folder has no language file")],
    );
}

#[test]
fn a_latin_1_file_is_not_utf_8_and_says_where() {
    assert_errors(
        "not-utf-8",
        &[("content/post/en.md", Some(2), "the file is not UTF-8")],
    );
}

#[test]
fn a_byte_order_mark_is_refused() {
    assert_errors(
        "byte-order-mark",
        &[(
            "content/post/en.md",
            Some(1),
            "the file starts with a byte-order mark",
        )],
    );
}

#[test]
fn mojibake_is_reported_on_each_line_with_the_repaired_text() {
    let found = assert_errors(
        "mojibake",
        &[
            ("content/post/de.md", Some(7), "mojibake"),
            ("content/post/de.md", Some(9), "mojibake"),
        ],
    );
    let help: Vec<_> = found.iter().filter_map(|f| f.help.as_deref()).collect();
    assert_eq!(
        help,
        [
            "the line should read: Die Größe zählt.",
            "the line should read: Nah am Nutzer — schnell, überall.",
        ]
    );
}

#[test]
fn links_to_posts_that_do_not_exist_are_errors_and_the_right_link_is_offered() {
    let found = assert_errors(
        "broken-links",
        &[
            (
                "content/edge/en.md",
                Some(7),
                "the link `../no-such-post/` leads to /en/no-such-post/, but no post in en has the slug `no-such-post`",
            ),
            (
                "content/edge/en.md",
                Some(8),
                "the link `../cache/` leads to /en/cache/",
            ),
            (
                "content/edge/en.md",
                Some(8),
                "the link `../cache/en.md` names a Markdown file",
            ),
        ],
    );
    let help: Vec<_> = found
        .iter()
        .filter(|f| f.severity == "error")
        .filter_map(|f| f.help.as_deref())
        .collect();
    assert!(
        help[1].ends_with("its page in en is `../caching-at-the-edge/`"),
        "{help:?}"
    );
    assert!(help[2].ends_with("`../caching-at-the-edge/`"), "{help:?}");
}

#[test]
fn warnings_alone_pass() {
    let (code, found) = run_in(&fixture("warnings"), &[]);
    assert_eq!(code, 0, "{found:#?}");
    let warnings: Vec<(&str, Option<u64>, &str)> = found
        .iter()
        .map(|f| {
            assert_eq!(f.severity, "warning");
            (f.path.as_str(), f.line, f.message.as_str())
        })
        .collect();
    assert_eq!(
        warnings,
        [
            (
                "content/long/en.md",
                Some(3),
                "`description` is 174 characters long; search results cut it after about 160"
            ),
            (
                "content/long/en.md",
                Some(5),
                "the cover has no `cover_alt`; readers who cannot see it get the title instead"
            ),
            (
                "content/long/en.md",
                Some(8),
                "the link `JavaScript:alert(1)` loses its URL: the blog keeps only http, https, mailto and its own pages"
            ),
            (
                "content/long/en.md",
                Some(9),
                "the image `data:image/png;base64,AAAA` loses its URL: the blog keeps only http, https, mailto and its own pages"
            ),
            (
                "content/long",
                None,
                "the post is not translated into Deutsch: no `de.md`"
            ),
            (
                "content/shapes/en.md",
                Some(9),
                "unknown language `rustt`: the code block is shown without highlighting"
            ),
            (
                "content/shapes/de.md",
                Some(9),
                "this is a level-2 heading, where content/shapes/en.md:13 has a level-3 heading: the translations' headings differ"
            ),
        ]
    );
}

#[test]
fn html_tags_left_out_of_the_page_are_warnings_where_they_are() {
    let found = assert_errors(
        "raw-html",
        &[(
            "content/imported/en.md",
            Some(24),
            "the image `./missing.png` does not exist in content/imported/",
        )],
    );
    let warnings: Vec<(&str, Option<u64>, &str)> = found
        .iter()
        .filter(|f| f.severity == "warning")
        .map(|f| (f.path.as_str(), f.line, f.message.as_str()))
        .collect();
    assert_eq!(
        warnings,
        [
            (
                "content/imported/en.md",
                Some(10),
                "the HTML tag `<div>` is left out of the page"
            ),
            (
                "content/imported/en.md",
                Some(14),
                "the HTML tag `<span>` is left out of the page"
            ),
            (
                "content/imported/en.md",
                Some(14),
                "the attribute `onclick` of `<kbd>` is left out of the page"
            ),
            (
                "content/imported/en.md",
                Some(23),
                "`width=\"50%\"` of `<img>` is left out of the page: it must be a number of pixels"
            ),
            (
                "content/imported/en.md",
                Some(26),
                "the HTML tag `<figure>` is left out of the page: inside a paragraph it would end the paragraph"
            ),
            (
                "content/imported/de.md",
                Some(7),
                "the HTML tag `<center>` is left out of the page"
            ),
        ]
    );
    let help = found
        .iter()
        .find(|f| f.message.contains("`<div>`"))
        .and_then(|f| f.help.as_deref())
        .unwrap_or_default();
    assert!(
        help.starts_with("a post may use only these HTML tags: <abbr title>, <br>,"),
        "{help}"
    );
}

#[test]
fn many_problems_are_all_reported_in_one_run() {
    assert_errors(
        "many-problems",
        &[
            (
                "content/Bad Folder",
                None,
                "the post folder name `Bad Folder` is not a slug",
            ),
            (
                "content/c/fr.md",
                Some(1),
                "`fr` is not a language of the blog",
            ),
            ("content/a/en.md", Some(4), "is not a day in the calendar"),
            ("content/a/de.md", Some(5), "unknown field `titel`"),
            ("content/b/en.md", Some(1), "the file has no front matter"),
            (
                "content/d/en.md",
                Some(5),
                "the cover `missing.png` does not exist",
            ),
        ],
    );
}

#[test]
fn several_content_folders_are_checked_in_one_run_and_shown_as_given() {
    let (code, found) = run_in(
        &fixture(""),
        &["valid/content/", "./no-front-matter/content"],
    );
    assert_eq!(code, 1);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].path, "no-front-matter/content/post/en.md");
}

#[test]
fn human_output_is_path_line_column_reason_and_help() {
    let output = Command::new(env!("CARGO_BIN_EXE_check-content"))
        .current_dir(fixture("bad-dates"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with(
            "content/no-such-day/en.md:4:7: error: `date` \"2026-02-30\" is not a day in the calendar\n  help: "
        ),
        "{stdout}"
    );
}

/// A content folder written at run time, removed on drop.
struct Generated(PathBuf);

impl Generated {
    fn new(name: &str, files: &[(&str, String)]) -> Generated {
        let root =
            std::env::temp_dir().join(format!("check-content-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for (path, text) in files {
            let path = root.join("content").join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        Generated(root)
    }
}

impl Drop for Generated {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn front(title: &str) -> String {
    format!("---\ntitle: \"{title}\"\ndescription: \"Generated.\"\ndate: 2026-02-13\n---\n")
}

#[test]
fn a_one_megabyte_post_and_a_post_of_ten_thousand_headings_pass() {
    let paragraph = "Edge functions run close to the reader, and caches keep what they make. ";
    let mut big = front("Big");
    while big.len() < 1 << 20 {
        big.push_str(&paragraph.repeat(8));
        big.push_str("\n\n");
    }
    let mut headings = front("Headings");
    for number in 0..10_000 {
        headings.push_str(&format!("## Heading {number}\n\nText.\n\n"));
    }
    let generated = Generated::new(
        "large",
        &[
            ("big/en.md", big.clone()),
            ("big/de.md", big.replace("Big", "Gross")),
            ("headings/en.md", headings.clone()),
            (
                "headings/de.md",
                headings.replace("Headings", "Ueberschriften"),
            ),
        ],
    );
    let (code, found) = run_in(&generated.0, &[]);
    assert_eq!((code, found), (0, Vec::new()));
}

#[test]
fn images_whose_smaller_copies_would_share_a_name_or_overwrite_a_file_are_errors() {
    assert_errors(
        "variant-names",
        &[
            (
                "content/post/cover.png",
                None,
                "`cover.jpg` and `cover.png` would share the names of their smaller copies (`cover.480.webp`, …)",
            ),
            (
                "content/post/img/chart.480.webp",
                None,
                "`img/chart.480.webp` has the name of a smaller copy of `img/chart.png`",
            ),
        ],
    );
}
