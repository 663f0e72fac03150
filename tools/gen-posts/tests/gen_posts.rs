//! `gen-posts` run as an author runs it: thirty posts written into a new
//! folder pass the checker without a word, each in both languages with its
//! own slugs and cover; the same seed writes the same bytes and another
//! seed other ones; a folder that is not empty and wrong arguments are
//! refused with exit code 2.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use blog_content::library::{ContentRoot, Drafts, Library};
use blog_content::report::summary;
use blog_model::lang::Lang;

/// Posts per run: enough for links between them and every construct.
const POSTS: usize = 30;

fn gen_posts(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gen-posts"))
        .args(args)
        .output()
        .expect("gen-posts runs")
}

/// A fresh folder for `name` under the tests' temporary folder.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("gen-posts")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.parent().expect("a parent")).expect("the temporary folder");
    dir
}

/// `count` posts written with `args` into the new folder `name`; the
/// folder and what the command printed.
fn generate(name: &str, count: usize, args: &[&str]) -> (PathBuf, String) {
    let dir = scratch(name);
    let count = count.to_string();
    let mut all = vec![count.as_str(), dir.to_str().expect("a UTF-8 path")];
    all.extend(args);
    let output = gen_posts(&all);
    assert!(
        output.status.success(),
        "gen-posts {all:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    (dir, String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The run of [`POSTS`] posts with the default seed that several tests read.
fn default_run() -> &'static (PathBuf, String) {
    static RUN: OnceLock<(PathBuf, String)> = OnceLock::new();
    RUN.get_or_init(|| generate("default", POSTS, &[]))
}

/// Every file under `dir`, by its path relative to it, with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).expect("a readable folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(dir).expect("inside").to_string_lossy();
                found.insert(
                    relative.replace('\\', "/"),
                    fs::read(&path).expect("a file"),
                );
            }
        }
    }
    found
}

/// The post folders under `dir`, sorted.
fn folders(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("a readable folder")
        .map(|entry| {
            entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

fn load(dir: &Path) -> Library {
    Library::load(&[ContentRoot::new(dir, "content")], Drafts::Include)
}

/// The width and height in a JPEG's frame header.
fn jpeg_size(bytes: &[u8]) -> Option<(u16, u16)> {
    let number = |at: usize| Some(u16::from_be_bytes([*bytes.get(at)?, *bytes.get(at + 1)?]));
    let mut at = 2;
    loop {
        if *bytes.get(at)? != 0xFF {
            return None;
        }
        let marker = *bytes.get(at + 1)?;
        if marker == 0xC0 || marker == 0xC2 {
            return Some((number(at + 7)?, number(at + 5)?));
        }
        at += 2 + usize::from(number(at + 2)?);
    }
}

#[test]
fn every_post_has_both_languages_and_a_cover_in_its_own_folder() {
    let (dir, printed) = default_run();
    let mut names = folders(dir);
    // Beside the posts, the tags they use.
    assert_eq!(names.pop().as_deref(), Some("tags.yml"));
    assert_eq!(names.len(), POSTS, "{names:?}");
    for (number, name) in names.iter().enumerate() {
        assert!(
            name.starts_with(&format!("post-{:04}-", number + 1)),
            "{name}"
        );
        let inside = folders(&dir.join(name));
        assert_eq!(inside, ["cover.jpg", "de.md", "en.md"], "{name}");
        let cover = fs::read(dir.join(name).join("cover.jpg")).expect("a cover");
        assert_eq!(jpeg_size(&cover), Some((1200, 630)), "{name}");
    }
    assert!(
        printed.starts_with(&format!(
            "gen-posts: {POSTS} posts, {} files, ",
            POSTS * 3 + 1
        )),
        "{printed}"
    );
    assert!(
        printed.contains(" bytes ") && printed.contains(" s "),
        "{printed}"
    );
}

#[test]
fn the_posts_pass_the_checker_without_an_error_or_a_warning() {
    let (dir, _) = default_run();
    let library = load(dir);
    assert_eq!(library.diagnostics, [], "{:#?}", library.diagnostics);
    assert_eq!(library.posts.len(), POSTS);
    // What `check-content` decides and says, from the same library.
    let said = format!(
        "{} post(s), {}",
        library.posts.len(),
        summary(&library.diagnostics)
    );
    assert!(!library.has_errors(), "{said}");
    assert!(
        said.contains(&format!("{POSTS} post(s), 0 errors, 0 warnings")),
        "{said}"
    );
}

#[test]
fn slugs_are_unique_per_language_and_german_ones_are_transliterated() {
    let (dir, _) = default_run();
    let library = load(dir);
    let mut slugs: [HashSet<String>; 2] = Default::default();
    let mut years = HashSet::new();
    for post in &library.posts {
        let langs: Vec<Lang> = post.translations.iter().map(|t| t.lang).collect();
        assert_eq!(langs, [Lang::En, Lang::De], "{}", post.id);
        for (translation, seen) in post.translations.iter().zip(&mut slugs) {
            let slug = &translation.front.slug.value;
            assert!(seen.insert(slug.clone()), "{slug} twice");
            assert!(
                (300..=1500).contains(&translation.words),
                "{}: {} words",
                translation.shown,
                translation.words
            );
            assert!(translation.front.description.chars().count() <= 160);
            years.insert(translation.front.date.expect("a post has a date").year);
        }
    }
    assert!(years.len() >= 3, "dates in {years:?}");
    let german = library
        .posts
        .iter()
        .map(|post| &post.translations[1].front)
        .find(|front| front.title.contains(['ä', 'ö', 'ü', 'ß']))
        .expect("a German title with an umlaut or ß");
    assert!(
        ["ae", "oe", "ue", "ss"]
            .iter()
            .any(|pair| german.slug.value.contains(pair)),
        "{} → {}",
        german.title,
        german.slug.value
    );
}

#[test]
fn bodies_hold_every_construct_posts_use() {
    let (dir, _) = default_run();
    let all = files(dir);
    let bodies: Vec<(&String, String)> = all
        .iter()
        .filter(|(path, _)| path.ends_with(".md"))
        .map(|(path, bytes)| (path, String::from_utf8_lossy(bytes).into_owned()))
        .collect();
    let every = ["\n## ", "\n- ", "\n1. ", "\n```", "\n|---", "\n> "];
    for (path, body) in &bodies {
        for construct in every {
            assert!(body.contains(construct), "{path}: no {construct:?}");
        }
    }
    let some = [
        "\n### ",
        "[^1]",
        "\n- [x] ",
        "\n- [ ] ",
        " *",
        " **",
        " `",
        "](https://",
        "](/en/",
        "](/de/",
        "](../",
        "ä",
        "ß",
    ];
    for construct in some {
        assert!(
            bodies.iter().any(|(_, body)| body.contains(construct)),
            "no post has {construct:?}"
        );
    }
    let covers: HashSet<&Vec<u8>> = all
        .iter()
        .filter(|(path, _)| path.ends_with("cover.jpg"))
        .map(|(_, bytes)| bytes)
        .collect();
    assert_eq!(covers.len(), POSTS, "every cover differs");
}

#[test]
fn the_same_seed_writes_the_same_bytes_and_another_seed_others() {
    let (dir, _) = default_run();
    let first = files(dir);
    let (again, _) = generate("seed-1", POSTS, &["--seed", "1"]);
    let again = files(&again);
    let differing: Vec<&String> = first
        .keys()
        .chain(again.keys())
        .filter(|path| first.get(*path) != again.get(*path))
        .collect();
    assert_eq!(differing, Vec::<&String>::new());

    let (other, _) = generate("seed-2", POSTS, &["--seed=2"]);
    let other = files(&other);
    let contents: HashSet<&Vec<u8>> = first.values().collect();
    let shared: Vec<&String> = other
        .iter()
        // The tags are the same for every seed.
        .filter(|(path, bytes)| contents.contains(bytes) && *path != "tags.yml")
        .map(|(path, _)| path)
        .collect();
    assert_eq!(shared, Vec::<&String>::new(), "files seed 1 wrote too");
}

#[test]
fn untranslated_posts_are_in_english_only_and_warned_about() {
    let (dir, _) = generate("untranslated", 12, &["--untranslated", "50"]);
    let library = load(&dir);
    let english_only = library
        .posts
        .iter()
        .filter(|post| post.translations.len() == 1)
        .count();
    assert!(
        (1..12).contains(&english_only),
        "{english_only} of 12 posts English only"
    );
    // German posts link English-only ones in English, and say so.
    assert!(
        files(&dir)
            .iter()
            .any(|(path, bytes)| path.ends_with("de.md")
                && String::from_utf8_lossy(bytes).contains("/) (auf Englisch)")),
        "no German post links an English-only one"
    );
    assert!(!library.has_errors(), "{:#?}", library.diagnostics);
    let warnings: Vec<&str> = library.warnings().map(|w| w.message.as_str()).collect();
    assert_eq!(warnings.len(), english_only, "{warnings:#?}");
    assert!(
        warnings
            .iter()
            .all(|message| message.starts_with("the post is not translated into Deutsch")),
        "{warnings:#?}"
    );
}

#[test]
fn a_folder_that_is_not_empty_is_refused_with_exit_2() {
    let dir = scratch("not-empty");
    fs::create_dir_all(&dir).expect("a folder");
    fs::write(dir.join("notes.txt"), "mine").expect("a file");
    let output = gen_posts(&["3", dir.to_str().expect("UTF-8")]);
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("exists and is not empty"), "{said}");
    assert_eq!(folders(&dir), ["notes.txt"]);

    let file = dir.join("notes.txt");
    let output = gen_posts(&["3", file.to_str().expect("UTF-8")]);
    assert_eq!(output.status.code(), Some(2));
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(said.contains("is not a folder"), "{said}");
}

#[test]
fn wrong_arguments_print_the_usage_and_exit_2() {
    let dir = scratch("never-written");
    let dir = dir.to_str().expect("UTF-8");
    let cases: [(&[&str], &str); 9] = [
        (&[], "give the number of posts and a folder"),
        (&["5"], "give the number of posts and a folder"),
        (&["many", dir], "the count \"many\" is not a number"),
        (&["0", dir], "the count \"0\" is not a number from 1"),
        (&["5", dir, "more"], "unexpected argument \"more\""),
        (&["5", dir, "--seed"], "--seed needs a value"),
        (
            &["5", dir, "--seed", "-1"],
            "the seed \"-1\" is not a whole number",
        ),
        (
            &["5", dir, "--untranslated=101"],
            "not a percentage from 0 to 100",
        ),
        (&["5", dir, "--colour"], "unknown option --colour"),
    ];
    for (args, message) in cases {
        let output = gen_posts(args);
        let said = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {said}");
        assert!(said.contains(message), "{args:?}: {said}");
        assert!(
            said.contains("usage: gen-posts <count> <dir>"),
            "{args:?}: {said}"
        );
        assert!(!Path::new(dir).exists(), "{args:?} wrote {dir}");
    }
    let help = gen_posts(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).starts_with("usage: gen-posts"));
}
