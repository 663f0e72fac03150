//! `import hugo` run as an author runs it, on the Hugo site in
//! `tests/fixtures/hugo-site`: every layout of translations pairs into one
//! folder, TOML and YAML front matter are read, each shortcode is converted
//! and the unknown one is left with a warning naming its file and line; a
//! page at the top of a content folder becomes a standalone page in
//! `pages/`, without date and tags; the output passes the checker without
//! an error, and a second run writes nothing, plans no new slugs for what
//! it skips and links new posts to the slugs the first run wrote. Wrong
//! arguments exit with 2, a site without pages with 1.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use blog_content::library::{ContentRoot, Drafts, Library};
use blog_content::post_dir::Kind;
use blog_model::lang::Lang;

/// The fixture, from the workspace's root.
fn site() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hugo-site")
}

fn import(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_import"))
        .args(args)
        .output()
        .expect("import runs")
}

/// A fresh folder for `name` under the tests' temporary folder.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("import")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("the temporary folder");
    dir
}

/// The fixture imported into `<scratch>/content`: the content folder, the
/// report file and what the command printed.
fn run(dir: &Path) -> (PathBuf, PathBuf, String) {
    run_site(&site(), dir)
}

/// The Hugo site `hugo` imported into `<dir>/content`, as [`run`] does.
fn run_site(hugo: &Path, dir: &Path) -> (PathBuf, PathBuf, String) {
    let content = dir.join("content");
    let report = dir.join("report.txt");
    let output = import(&[
        "hugo",
        hugo.to_str().expect("a UTF-8 path"),
        content.to_str().expect("a UTF-8 path"),
        "--report",
        report.to_str().expect("a UTF-8 path"),
    ]);
    assert!(
        output.status.success(),
        "import failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    (
        content,
        report,
        String::from_utf8_lossy(&output.stdout).into_owned(),
    )
}

/// The import of the fixture that most tests read.
fn default_run() -> &'static (PathBuf, PathBuf, String) {
    static RUN: OnceLock<(PathBuf, PathBuf, String)> = OnceLock::new();
    RUN.get_or_init(|| run(&scratch("default")))
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

/// A copy of the folder `from` at `to`.
fn copy_dir(from: &Path, to: &Path) {
    for (name, bytes) in files(from) {
        let path = to.join(name);
        fs::create_dir_all(path.parent().expect("a folder")).expect("a folder");
        fs::write(path, bytes).expect("a file");
    }
}

fn read(content: &Path, file: &str) -> String {
    fs::read_to_string(content.join(file)).unwrap_or_else(|err| panic!("{file}: {err}"))
}

#[test]
fn every_layout_of_translations_pairs_into_one_folder() {
    let (content, _, printed) = default_run();
    let names: Vec<String> = files(content).into_keys().collect();
    assert_eq!(
        names,
        [
            // A bundle: index.md + index.de.md, with its images.
            "bundle-post/cover.png",
            "bundle-post/de.md",
            "bundle-post/diagram.jpg",
            "bundle-post/en.md",
            // A content folder per language, with an image from static/.
            "dir-post/de.md",
            "dir-post/en.md",
            "dir-post/static-figure.png",
            // translationKey, under different names.
            "hello-world/de.md",
            "hello-world/en.md",
            "hello-world/wave.png",
            // One language only.
            "only-english/en.md",
            // At the top of each content folder: a standalone page.
            "pages/about/de.md",
            "pages/about/en.md",
            // File suffix: suffix-post.md + suffix-post.de.md.
            "suffix-post/de.md",
            "suffix-post/en.md",
            "tags.yml",
        ]
    );
    assert!(
        printed.contains(
            "posts written: 5 (4 translation pairs, 1 in one language), 9 translation files"
        ),
        "{printed}"
    );
    assert!(
        printed.contains(
            "  hello-world: en ← content/posts/hello-world.md, de ← content/de/posts/hallo-welt.md\n"
        ),
        "{printed}"
    );
    assert!(
        printed.contains(
            "  dir-post: en ← content/posts/dir-post.md, de ← content/de/posts/dir-post.md\n"
        ),
        "{printed}"
    );
    assert!(
        printed.contains(
            "  suffix-post: en ← content/posts/suffix-post.md, de ← content/posts/suffix-post.de.md\n\
             pages written: 1 (1 translation pair), 2 translation files\n\
             \x20 pages/about: en ← content/about.md, de ← content/de/about.md\n\
             posts skipped: 0\n\
             pages skipped: 0\n"
        ),
        "{printed}"
    );
    // French is no language of the blog; a section's list is no post.
    assert!(
        printed.contains(
            "pages in other languages, left out: 1 (fr: 1)\n  content/fr/posts/bonjour.md (fr)\n"
        ),
        "{printed}"
    );
    assert!(
        printed.contains("  content/_index.md: a section's list page (_index) is not a post\n"),
        "{printed}"
    );
    assert!(printed.contains("images copied: 4\n"), "{printed}");
}

#[test]
fn toml_and_yaml_front_matter_become_the_blogs() {
    let (content, _, printed) = default_run();
    // TOML, a datetime and tags.
    let suffix = read(content, "suffix-post/en.md");
    assert!(
        suffix.starts_with(
            "---\ntitle: \"Suffix Post\"\ndescription: \"A post whose German translation sits beside it, named with a .de suffix.\"\ndate: 2023-05-01\nslug: suffix-post\ntags: [go, web-development]\n---\n\n"
        ),
        "{suffix}"
    );
    // YAML, its own slug; the tags at the same positions are the same ids.
    let german = read(content, "suffix-post/de.md");
    assert!(
        german.starts_with(
            "---\ntitle: \"Suffix-Beitrag\"\ndescription: \"Ein Beitrag, dessen englisches Original mit demselben Namen daneben liegt.\"\ndate: 2023-05-01\nslug: suffix-beitrag\ntags: [go, web-development]\n---\n"
        ),
        "{german}"
    );
    assert_eq!(
        read(content, "tags.yml"),
        "# The blog's tags, from the Hugo site's: an id each, with its label in every language.\n\
         go:\n  en: \"Go\"\n  de: \"Go\"\n\
         greetings:\n  en: \"Greetings\"\n  de: \"Grüße\"\n\
         web-development:\n  en: \"Web Development\"\n  de: \"Webentwicklung\"\n"
    );
    // PaperMod's cover, with its text.
    let hello = read(content, "hello-world/de.md");
    assert!(
        hello.contains("cover: \"./wave.png\"\ncover_alt: \"Eine grüne Welle\"\n"),
        "{hello}"
    );
    // The bundle's cover.png; the first of `images`.
    assert!(read(content, "bundle-post/en.md").contains("cover: \"./cover.png\"\n"));
    assert!(read(content, "bundle-post/de.md").contains("cover: \"./cover.png\"\n"));
    // `summary` and `publishDate`; a description made from the text.
    let folder = read(content, "dir-post/en.md");
    assert!(
        folder.contains("description: \"Its German translation is in the German content folder, at the same path.\"\ndate: 2023-07-04\n"),
        "{folder}"
    );
    let ordner = read(content, "dir-post/de.md");
    assert!(
        ordner.contains("description: \"Dieser Beitrag liegt im deutschen Inhaltsordner unter demselben Pfad wie sein englisches Original, und weil er keine Beschreibung hat, wird sie aus diesem…\"\n"),
        "{ordner}"
    );
    assert!(
        ordner.contains("cover: \"./static-figure.png\"\n"),
        "{ordner}"
    );
    // No date: the first day, a draft.
    let only = read(content, "only-english/en.md");
    assert!(
        only.contains("date: 1970-01-01\nslug: only-english\ndraft: true\n"),
        "{only}"
    );
    assert!(
        printed.contains("  content/posts/suffix-post.md: aliases, categories\n"),
        "{printed}"
    );
    assert!(
        printed.contains("  content/de/posts/dir-post.md: no description or summary: made from the first paragraph\n"),
        "{printed}"
    );
}

#[test]
fn a_page_at_the_top_of_a_content_folder_becomes_a_standalone_page() {
    let (content, _, printed) = default_run();
    // TOML, with a date, which a page has not.
    assert_eq!(
        read(content, "pages/about/en.md"),
        "---\ntitle: \"About\"\ndescription: \"Who writes this site, and what about.\"\nslug: about\n---\n\n\
         This site collects short notes on Go and on building for the web, in\n\
         English and in German.\n"
    );
    // YAML, its own slug; its tags are dropped, and its `relref` leads to
    // the German post.
    assert_eq!(
        read(content, "pages/about/de.md"),
        "---\ntitle: \"Über uns\"\ndescription: \"Wer diese Seite schreibt, und worüber.\"\nslug: ueber-uns\n---\n\n\
         Diese Seite sammelt kurze Notizen über Go und über das Bauen für das Web,\n\
         auf Englisch und auf Deutsch. Ein Beispiel ist\n\
         [der Suffix-Beitrag](../suffix-beitrag/).\n"
    );
    // A post's `ref` leads to the page, served as a post is.
    assert!(
        read(content, "hello-world/en.md")
            .ends_with("Hello.\n\nWho writes here is on [the About page](../about/).\n")
    );
    assert!(
        printed.contains(
            "fields dropped: 4\n\
             \x20 content/posts/dir-post.md: weight\n\
             \x20 content/posts/suffix-post.md: aliases, categories\n\
             \x20 content/about.md: date, menu\n\
             \x20 content/de/about.md: tags\n"
        ),
        "{printed}"
    );
    // Neither a note on the missing date nor a draft.
    assert!(!printed.contains("content/about.md: no date"), "{printed}");
    assert!(
        !printed.contains("content/de/about.md: no date"),
        "{printed}"
    );
}

#[test]
fn each_shortcode_becomes_markdown() {
    let (content, _, printed) = default_run();
    let suffix = read(content, "suffix-post/en.md");
    assert!(
        suffix.contains("The English text of the suffix post.\n\n```go\npackage main\n\nfunc main() {}\n```\n\nMore in [the bundle post](../bundle-post/).\n"),
        "{suffix}"
    );
    let german = read(content, "suffix-post/de.md");
    assert!(german.contains("```rust\nfn main() {}\n```\n"), "{german}");
    let bundle = read(content, "bundle-post/en.md");
    assert!(
        bundle.contains("![A diagram](./diagram.jpg \"The diagram\")\n\n*How it fits together*\n\n[Video on YouTube](https://www.youtube.com/watch?v=w7Ft2ymGmfc)\n\nCompare [the folder post](../dir-post/).\n"),
        "{bundle}"
    );
    let bündel = read(content, "bundle-post/de.md");
    assert!(
        bündel.contains("![Ein Diagramm](./diagram.jpg)\n"),
        "{bündel}"
    );
    assert!(
        bündel.contains("[den Ordner-Beitrag](../ordner-beitrag/)"),
        "{bündel}"
    );
    let folder = read(content, "dir-post/en.md");
    assert!(
        folder.ends_with("---\n\n![A blue square](./static-figure.png)\n\n[A talk](https://www.youtube.com/watch?v=dQw4w9WgXcQ)\n"),
        "{folder}"
    );
    assert!(
        printed.contains(
            "shortcodes converted: 12 (figure 2, highlight 2, ref 3, relref 3, youtube 2)\n"
        ),
        "{printed}"
    );
    for (name, bytes) in files(content) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("<!--more-->"), "{name}");
    }
}

#[test]
fn an_unknown_shortcode_is_left_as_written_with_a_warning() {
    let (content, report, printed) = default_run();
    let only = read(content, "only-english/en.md");
    assert!(
        only.ends_with("Some text before the summary marker.\nAnd after it.\n\n{{< tweet user=\"x\" id=\"1\" >}}\n\nBack to [the suffix post](../suffix-post/).\n"),
        "{only}"
    );
    assert!(
        printed.contains(
            "shortcodes left as written: 1\n  warning: content/posts/only-english.md:11: {{< tweet user=\"x\" id=\"1\" >}}\n"
        ),
        "{printed}"
    );
    // The report file says what was printed.
    let written = fs::read_to_string(report).expect("the report file");
    assert!(printed.starts_with(&written), "{written}");
}

#[test]
fn the_output_passes_the_checker() {
    let (content, _, _) = default_run();
    let library = Library::load(&[ContentRoot::new(content, "content")], Drafts::Include);
    let errors: Vec<String> = library
        .diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.is_error())
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors, Vec::<String>::new());
    let posts: Vec<(Kind, String, Vec<Lang>)> = library
        .posts
        .iter()
        .map(|post| {
            (
                post.kind,
                post.id.clone(),
                post.translations
                    .iter()
                    .map(|translation| translation.lang)
                    .collect(),
            )
        })
        .collect();
    let both = vec![Lang::En, Lang::De];
    assert_eq!(
        posts,
        [
            (Kind::Post, "bundle-post".to_owned(), both.clone()),
            (Kind::Post, "dir-post".to_owned(), both.clone()),
            (Kind::Post, "hello-world".to_owned(), both.clone()),
            (Kind::Post, "only-english".to_owned(), vec![Lang::En]),
            (Kind::Post, "suffix-post".to_owned(), both.clone()),
            (Kind::Page, "about".to_owned(), both),
        ]
    );
    // The page as the checker reads it: no date, no tags, no draft.
    let about = library
        .posts
        .iter()
        .find(|post| post.kind == Kind::Page)
        .expect("the page");
    for translation in &about.translations {
        let front = &translation.front;
        assert_eq!(front.date, None, "{}", translation.shown);
        assert!(front.tags.is_empty(), "{}", translation.shown);
        assert!(!front.draft, "{}", translation.shown);
    }
    assert_eq!(library.tags.iter().count(), 3);
}

#[test]
fn a_second_run_overwrites_nothing() {
    let dir = scratch("twice");
    let (content, report, _) = run(&dir);
    let before = files(&content);
    let (_, _, printed) = run(&dir);
    assert_eq!(files(&content), before);
    // What it skips keeps the slugs it has: no slug is planned for it.
    assert!(!printed.contains("is taken"), "{printed}");
    assert!(printed.contains("notes: 0\n"), "{printed}");
    let at = |folder: &str| content.join(folder).display().to_string();
    let skipped = format!(
        "posts skipped: 5\n\
         \x20 bundle-post: {} exists already: nothing written\n\
         \x20 dir-post: {} exists already: nothing written\n\
         \x20 hello-world: {} exists already: nothing written\n\
         \x20 only-english: {} exists already: nothing written\n\
         \x20 suffix-post: {} exists already: nothing written\n\
         pages skipped: 1\n\
         \x20 pages/about: {} exists already: nothing written\n",
        at("bundle-post"),
        at("dir-post"),
        at("hello-world"),
        at("only-english"),
        at("suffix-post"),
        at("pages/about"),
    );
    assert!(printed.contains(&skipped), "{printed}");
    let written = fs::read_to_string(report).expect("the report file");
    assert!(written.contains(&skipped), "{written}");
    assert!(
        printed.contains("posts written: 0 (0 translation pairs, 0 in one language)"),
        "{printed}"
    );
    assert!(printed.contains("posts skipped: 5\n"), "{printed}");
    assert!(
        printed.contains("pages written: 0 (0 translation pairs), 0 translation files\n"),
        "{printed}"
    );
    assert!(
        printed.contains("pages skipped: 1\n  pages/about: "),
        "{printed}"
    );
    assert!(printed.contains("  suffix-post: "), "{printed}");
    assert!(
        printed.contains("exists already: nothing written\n"),
        "{printed}"
    );
    assert!(printed.contains("new tags in tags.yml: 0\n"), "{printed}");
}

#[test]
fn a_new_page_links_what_an_earlier_import_wrote_by_its_slugs() {
    let dir = scratch("later");
    let hugo = dir.join("site");
    copy_dir(&site(), &hugo);
    let (content, _, _) = run_site(&hugo, &dir);
    let before = files(&content);
    // Written since: a post in both languages, linking the About page, a
    // post and a German translation that the earlier import had not.
    let write = |file: &str, text: &str| {
        let path = hugo.join(file);
        fs::create_dir_all(path.parent().expect("a folder")).expect("a folder");
        fs::write(path, text).expect("a file");
    };
    write(
        "content/posts/team.md",
        "---\ntitle: About the team\ndescription: Who we are.\ndate: 2024-03-01\nslug: about\n---\n\n\
         See [the About page]({{< ref \"about\" >}}) and [the first post]({{< ref \"posts/hello-world.md\" >}}).\n",
    );
    write(
        "content/de/posts/team.md",
        "---\ntitle: Das Team\ndescription: Wer wir sind.\ndate: 2024-03-01\n---\n\n\
         Siehe [Über uns]({{< relref \"about.md\" >}}), [den ersten Beitrag]({{< ref \"hello-world\" >}}) \
         und [den englischen]({{< ref \"only-english\" >}}).\n",
    );
    write(
        "content/de/posts/only-english.md",
        "---\ntitle: Nicht mehr nur Englisch\ndescription: Spät übersetzt.\ndate: 2024-03-02\n---\n\nText.\n",
    );
    let (_, _, printed) = run_site(&hugo, &dir);
    // The new post links the slugs the files have.
    assert!(
        read(&content, "team/en.md")
            .ends_with("See [the About page](../about/) and [the first post](../hello-world/).\n"),
        "{}",
        read(&content, "team/en.md")
    );
    // The German translation the folder lacks is not added: a link to it
    // leads to the English post.
    assert!(
        read(&content, "team/de.md").ends_with(
            "Siehe [Über uns](../ueber-uns/), [den ersten Beitrag](../hallo-welt/) und [den englischen](../../en/only-english/).\n"
        ),
        "{}",
        read(&content, "team/de.md")
    );
    // New slugs still avoid those the content folder holds.
    let team = read(&content, "team/en.md");
    assert!(team.contains("\nslug: about-2\n"), "{team}");
    let notes: Vec<&str> = printed
        .lines()
        .filter(|line| line.contains("is taken"))
        .collect();
    assert_eq!(
        notes,
        ["  content/posts/team.md: the slug `about` is taken in en: `about-2` instead"],
        "{printed}"
    );
    assert!(
        printed.contains(&format!(
            "  only-english: {} exists already: nothing written; it has no de.md, and content/de/posts/only-english.md is not added to it\n",
            content.join("only-english").display()
        )),
        "{printed}"
    );
    assert!(printed.contains("posts skipped: 5\n"), "{printed}");
    assert!(printed.contains("pages skipped: 1\n"), "{printed}");
    // Only the new post is written.
    let mut after = files(&content);
    assert!(after.remove("team/en.md").is_some());
    assert!(after.remove("team/de.md").is_some());
    assert_eq!(after, before);
    // And every link leads to a post that exists.
    let library = Library::load(&[ContentRoot::new(&content, "content")], Drafts::Include);
    let errors: Vec<String> = library.errors().map(ToString::to_string).collect();
    assert_eq!(errors, Vec::<String>::new());
}

#[test]
fn an_existing_tags_file_is_extended_with_new_ids_only() {
    let dir = scratch("tags");
    let content = dir.join("content");
    fs::create_dir_all(content.join("suffix-post")).expect("a folder");
    let original = "# Ours.\ngo:\n  en: Go\n  de: { label: Go, slug: golang }\n";
    fs::write(content.join("tags.yml"), original).expect("tags.yml");
    let (_, _, printed) = run(&dir);
    assert!(printed.contains("posts skipped: 1\n"), "{printed}");
    let tags = read(&content, "tags.yml");
    assert!(tags.starts_with(original), "{tags}");
    assert!(!tags[original.len()..].contains("go:"), "{tags}");
    assert!(tags.contains("greetings:\n"), "{tags}");
    // The post that exists is not written over; the others use the ids.
    assert_eq!(
        fs::read_dir(content.join("suffix-post"))
            .expect("a folder")
            .count(),
        0
    );
    assert!(read(&content, "only-english/en.md").contains("tags: [go]\n"));
}

#[test]
fn wrong_arguments_exit_with_2_and_a_site_without_pages_with_1() {
    let help = import(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).starts_with("usage: import hugo "));
    for args in [
        &[][..],
        &["jekyll", "a", "b"],
        &["hugo", "/no/such/site", "out"],
        &["hugo", ".", "out", "--force"],
    ] {
        let output = import(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&output.stderr).starts_with("import: "),
            "{args:?}"
        );
    }
    let dir = scratch("empty");
    let site = dir.join("site");
    fs::create_dir_all(&site).expect("a folder");
    let content = dir.join("content");
    let output = import(&["hugo", site.to_str().unwrap(), content.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stdout).contains("posts written: 0"));
    assert!(!content.exists());
    assert!(dir.join("hugo-import-report.txt").is_file());
}

#[test]
fn a_page_bundle_at_the_top_becomes_a_page_folder_with_its_images() {
    let dir = scratch("pages");
    let hugo = dir.join("site");
    let write = |file: &str, text: &str| {
        let path = hugo.join(file);
        fs::create_dir_all(path.parent().expect("a folder")).expect("a folder");
        fs::write(path, text).expect("a file");
    };
    write(
        "hugo.toml",
        "defaultContentLanguage = \"en\"\n[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n",
    );
    // A bundle at the top, in both languages, with an image.
    write(
        "content/contact/index.md",
        "---\ntitle: Contact\ndescription: How to reach us.\n---\n\n![A map](map.png)\n",
    );
    write(
        "content/contact/index.de.md",
        "---\ntitle: Kontakt\ndescription: Wie man uns erreicht.\nslug: kontakt\n---\n\n![Eine Karte](map.png)\n",
    );
    fs::copy(
        site().join("static/images/wave.png"),
        hugo.join("content/contact/map.png"),
    )
    .expect("an image");
    // A post of the same name, linking the page.
    write(
        "content/posts/contact.md",
        "---\ntitle: Contact\ndescription: A post.\ndate: 2024-02-01\n---\n\nSee [the page]({{< ref \"contact\" >}}).\n",
    );
    // German only, a draft in Hugo.
    write(
        "content/imprint.de.md",
        "+++\ntitle = \"Impressum\"\ndescription = \"Wer verantwortlich ist.\"\ndraft = true\n+++\n\nText.\n",
    );
    // A page whose folder exists already.
    write(
        "content/privacy.md",
        "---\ntitle: Privacy\ndescription: Theirs.\n---\n\nTheirs.\n",
    );
    let content = dir.join("content");
    let ours = "---\ntitle: Privacy\ndescription: Ours.\n---\n\nOurs.\n";
    fs::create_dir_all(content.join("pages/privacy")).expect("a folder");
    fs::write(content.join("pages/privacy/en.md"), ours).expect("a file");

    let output = import(&[
        "hugo",
        hugo.to_str().expect("a UTF-8 path"),
        content.to_str().expect("a UTF-8 path"),
    ]);
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{printed}");
    let names: Vec<String> = files(&content).into_keys().collect();
    assert_eq!(
        names,
        [
            "contact/en.md",
            "pages/contact/de.md",
            "pages/contact/en.md",
            "pages/contact/map.png",
            "pages/imprint/de.md",
            "pages/privacy/en.md",
        ]
    );
    assert_eq!(read(&content, "pages/privacy/en.md"), ours);
    assert_eq!(
        read(&content, "pages/contact/en.md"),
        "---\ntitle: \"Contact\"\ndescription: \"How to reach us.\"\nslug: contact\n---\n\n![A map](./map.png)\n"
    );
    assert_eq!(
        read(&content, "pages/imprint/de.md"),
        "---\ntitle: \"Impressum\"\ndescription: \"Wer verantwortlich ist.\"\nslug: imprint\ndraft: true\n---\n\nText.\n"
    );
    // The post and the page share the slugs: the page came first.
    let post = read(&content, "contact/en.md");
    assert!(post.contains("\nslug: contact-2\n"), "{post}");
    assert!(post.ends_with("See [the page](../contact/).\n"), "{post}");
    assert!(
        printed.contains(
            "posts written: 1 (0 translation pairs, 1 in one language), 1 translation files\n\
             \x20 contact: en ← content/posts/contact.md\n\
             pages written: 2 (1 translation pair, 1 in one language), 3 translation files\n\
             \x20 pages/contact: en ← content/contact/index.md, de ← content/contact/index.de.md\n\
             \x20 pages/imprint: de ← content/imprint.de.md\n\
             posts skipped: 0\n\
             pages skipped: 1\n\
             \x20 pages/privacy: "
        ),
        "{printed}"
    );
    assert!(
        printed.contains("images copied: 1\n  pages/contact/map.png\n"),
        "{printed}"
    );
    let library = Library::load(&[ContentRoot::new(&content, "content")], Drafts::Include);
    let errors: Vec<String> = library.errors().map(ToString::to_string).collect();
    assert_eq!(errors, Vec::<String>::new());
    let kinds: Vec<(Kind, &str)> = library
        .posts
        .iter()
        .map(|post| (post.kind, post.id.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (Kind::Post, "contact"),
            (Kind::Page, "contact"),
            (Kind::Page, "imprint"),
            (Kind::Page, "privacy"),
        ]
    );
}
