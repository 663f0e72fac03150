//! The import from beginning to end: read the site, plan every post and
//! standalone page (its folder, each translation's slug), then write those
//! whose folders do not exist yet, their images, and the new tags.
//!
//! A group of translations whose default-language page (else its first)
//! sits directly in its content folder (`scan::Page::at_root`) becomes a
//! standalone page in `<content>/pages/<folder>/`, with no `date` and no
//! `tags`; every other group a post in `<content>/<folder>/`. Folder names
//! are unique among the posts (and never `pages`) and among the pages;
//! slugs are unique per language across posts, pages and what the content
//! folder holds already, since pages are served at `/<lang>/<slug>/` as
//! posts are. So a `ref` to a page links it as one to a post does.
//!
//! Nothing is written over: a post or page whose folder exists already is
//! skipped before its slugs are planned. Its translations keep the slugs
//! the folder's files have (`slug`, else the one the checker derives from
//! the title), so they cause no notes and `ref`s to them lead to those
//! slugs; a translation the folder lacks is named in the report, not added.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use blog_model::data::DESCRIPTION_LIMIT;
use blog_model::folder::PAGES;
use blog_model::lang::Lang;
use blog_model::slug::{is_slug, reserved, slugify};

use crate::config::Config;
use crate::convert::{self, Fields, Kind};
use crate::front;
use crate::images::{Assets, Resolved};
use crate::report::{Report, Written};
use crate::scan::{self, Group, Page};
use crate::shortcode::{self, Links};
use crate::tags::{self, Book};
use crate::value::Value;

/// One translation, planned.
struct Planned {
    lang: Lang,
    page: Page,
    fields: Fields,
    slug: String,
}

/// One post or standalone page, planned.
struct Post {
    kind: Kind,
    /// The folder's name, in the content folder for a post and in its
    /// `pages/` for a page.
    folder: String,
    plan: Plan,
}

/// What becomes of a post or standalone page.
enum Plan {
    /// Its folder is new: each translation, planned, to be written.
    Write(Vec<Planned>),
    /// Its folder exists already: nothing is written.
    Skip(Skipped),
}

/// A post or standalone page whose folder exists already.
struct Skipped {
    /// Each translation's Hugo page.
    pages: Vec<(Lang, Page)>,
    /// The translation files the folder holds, by language, each with the
    /// slug it has (`None` when none can be read).
    files: Vec<(Lang, Option<String>)>,
}

impl Skipped {
    /// Why nothing is written into `dir`, the folder as the report shows
    /// it, and which of the Hugo pages it has no translation for.
    fn why(&self, dir: &str) -> String {
        let mut why = format!("{dir} exists already: nothing written");
        for (lang, page) in &self.pages {
            if !self.files.iter().any(|(held, _)| held == lang) {
                why.push_str(&format!(
                    "; it has no {}.md, and {} is not added to it",
                    lang.code(),
                    page.shown
                ));
            }
        }
        why
    }
}

impl Post {
    /// The folder relative to the content folder: `post`, `pages/about`.
    fn path(&self) -> String {
        self.kind.folder(&self.folder)
    }

    /// Each translation's Hugo page, written or not.
    fn pages(&self) -> Vec<(Lang, &Page)> {
        match &self.plan {
            Plan::Write(translations) => translations
                .iter()
                .map(|planned| (planned.lang, &planned.page))
                .collect(),
            Plan::Skip(skipped) => skipped
                .pages
                .iter()
                .map(|(lang, page)| (*lang, page))
                .collect(),
        }
    }

    /// The slug of each translation the post will have once imported: the
    /// ones planned for a new folder, the files' for one that exists.
    fn slugs(&self) -> Vec<(Lang, String)> {
        match &self.plan {
            Plan::Write(translations) => translations
                .iter()
                .map(|planned| (planned.lang, planned.slug.clone()))
                .collect(),
            Plan::Skip(skipped) => skipped
                .files
                .iter()
                .filter_map(|(lang, slug)| Some((*lang, slug.clone()?)))
                .collect(),
        }
    }
}

/// Imports the Hugo site at `site` into the content folder `content`.
/// An error is what stopped it before anything was written.
pub fn import(site: &Path, content: &Path) -> Result<Report, String> {
    let config = Config::read(site)?;
    let mut report = Report {
        site: site.display().to_string(),
        content: content.display().to_string(),
        config: config.file.clone(),
        default_lang: config.default_lang.clone(),
        ..Report::default()
    };
    let found = scan::scan(site, &config);
    report.left_out = found.left_out;
    report.skipped_files = found.skipped;
    let default_lang = Lang::from_code(&config.default_lang).unwrap_or(Lang::DEFAULT);
    let mut taken = existing_slugs(content);
    let mut posts = plan(
        found.groups,
        default_lang,
        &mut taken,
        |path| {
            let dir = content.join(path);
            dir.exists().then(|| translation_slugs(&dir))
        },
        &mut report,
    );
    posts.sort_by(|a, b| (a.kind, &a.folder).cmp(&(b.kind, &b.folder)));

    let tags_path = content.join(tags::FILE);
    let tags_text = match fs::read_to_string(&tags_path) {
        Ok(text) => Some(text),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => None,
        Err(err) => return Err(format!("cannot read {}: {err}", tags_path.display())),
    };
    let mut book = match tags_text.as_deref().map(Book::read) {
        None => Some(Book::default()),
        Some(Ok(book)) => Some(book),
        Some(Err(err)) => {
            report.notes.push((
                tags_path.display().to_string(),
                format!("cannot be read ({err}): left as it is, and the posts' tags are dropped"),
            ));
            None
        }
    };

    let mut to_write: Vec<(&Post, &[Planned])> = Vec::new();
    for post in &posts {
        match &post.plan {
            Plan::Write(translations) => to_write.push((post, translations)),
            Plan::Skip(skipped) => {
                let dir = content.join(post.path());
                let skipped = (post.path(), skipped.why(&dir.display().to_string()));
                match post.kind {
                    Kind::Post => report.skipped_posts.push(skipped),
                    Kind::Page => report.skipped_pages.push(skipped),
                }
            }
        }
    }
    if let Some(book) = &mut book {
        for (_, translations) in &to_write {
            if let [(Lang::En, en), (Lang::De, de)] = labels(translations).as_slice() {
                book.pair(en, de);
            }
        }
    }
    let index = RefIndex::new(&posts);
    if !to_write.is_empty() {
        fs::create_dir_all(content).map_err(|err| {
            format!(
                "cannot make the content folder {}: {err}",
                content.display()
            )
        })?;
    }
    for (post, translations) in to_write {
        write_post(
            site,
            content,
            post,
            translations,
            &index,
            book.as_mut(),
            &mut report,
        );
    }
    if let Some(book) = &mut book {
        let (additions, copied) = book.additions();
        for (id, lang) in copied {
            report.notes.push((
                tags::FILE.to_owned(),
                format!(
                    "the tag `{id}` has no {} label in the site: it has the other language's",
                    lang.native_name()
                ),
            ));
        }
        if !additions.is_empty() {
            let mut text = tags_text.clone().unwrap_or_else(|| {
                "# The blog's tags, from the Hugo site's: an id each, with its label in every language.\n".to_owned()
            });
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text.push_str(&additions);
            match fs::write(&tags_path, text) {
                Ok(()) => report.new_tags = book.new_ids(),
                Err(err) => report
                    .errors
                    .push(format!("cannot write {}: {err}", tags_path.display())),
            }
        }
    }
    Ok(report)
}

/// The tag labels of each of `translations`.
fn labels(translations: &[Planned]) -> Vec<(Lang, &[String])> {
    translations
        .iter()
        .map(|planned| (planned.lang, planned.fields.tags.as_slice()))
        .collect()
}

/// Each group's kind, folder and slugs: a standalone page when its main
/// translation sits at the root of its content folder, else a post;
/// folders unique among the posts and among the pages. A group whose
/// folder (`post`, `pages/about`) `existing` finds in the content folder
/// is skipped: its translations keep the slugs its files have, which
/// `existing` gives, and no note is made on them. The others' slugs are
/// unique in their language among these posts and pages, `taken` (the
/// content folder's) and the existing folders'.
fn plan(
    groups: Vec<Group>,
    default_lang: Lang,
    taken: &mut HashSet<(Lang, String)>,
    existing: impl Fn(&str) -> Option<Vec<(Lang, Option<String>)>>,
    report: &mut Report,
) -> Vec<Post> {
    /// A group with its kind and folder, the notes on them, and the
    /// translation files of its folder if that exists.
    struct Placed {
        kind: Kind,
        folder: String,
        pages: Vec<(Lang, Page)>,
        notes: Vec<(String, String)>,
        files: Option<Vec<(Lang, Option<String>)>>,
    }

    // The folders first, so that every slug the existing folders hold is
    // taken before the first new one is planned.
    let mut folders: HashSet<(Kind, String)> = HashSet::new();
    let mut placed = Vec::new();
    for group in groups {
        let main = group
            .pages
            .iter()
            .find(|(lang, _)| *lang == default_lang)
            .unwrap_or(&group.pages[0]);
        let kind = if main.1.at_root() {
            Kind::Page
        } else {
            Kind::Post
        };
        let mut notes = Vec::new();
        for (_, page) in &group.pages {
            if page.at_root() != main.1.at_root() {
                let (here, there) = if page.at_root() {
                    ("at the top of its content folder", "in a section")
                } else {
                    ("in a section", "at the top of its content folder")
                };
                notes.push((
                    page.shown.clone(),
                    format!(
                        "{here}, but its translation {} is {there}: imported as a {} with it",
                        main.1.shown,
                        kind.name()
                    ),
                ));
            }
        }
        let title = main.1.split.fields.get("title").and_then(Value::text);
        let base = [Some(main.1.name.clone()), title]
            .into_iter()
            .flatten()
            .map(|text| convert::slug_of(&text))
            .find(|slug| !slug.is_empty())
            .unwrap_or_else(|| kind.name().to_owned());
        let base = if kind == Kind::Post && base == PAGES {
            format!("{base}-post")
        } else {
            base
        };
        let folder = unique(&base, |name| folders.contains(&(kind, name.to_owned())));
        folders.insert((kind, folder.clone()));
        let files = existing(&kind.folder(&folder));
        for (lang, slug) in files.iter().flatten() {
            if let Some(slug) = slug {
                taken.insert((*lang, slug.clone()));
            }
        }
        placed.push(Placed {
            kind,
            folder,
            pages: group.pages,
            notes,
            files,
        });
    }

    let mut posts = Vec::new();
    for Placed {
        kind,
        folder,
        pages,
        notes,
        files,
    } in placed
    {
        report.notes.extend(notes);
        if let Some(files) = files {
            posts.push(Post {
                kind,
                folder,
                plan: Plan::Skip(Skipped { pages, files }),
            });
            continue;
        }
        let mut translations = Vec::new();
        for (lang, page) in pages {
            let fields = convert::read(&page.split.fields, &page.name, kind);
            let mut notes = Vec::new();
            let mut slug = if is_slug(&fields.slug) {
                fields.slug.clone()
            } else {
                let made = convert::slug_of(&fields.slug);
                if fields.slug != page.name {
                    notes.push(format!("the slug {:?} is made `{made}`", fields.slug));
                }
                made
            };
            if slug.is_empty() {
                slug = Some(convert::slug_of(&fields.title))
                    .filter(|slug| !slug.is_empty())
                    .unwrap_or_else(|| folder.clone());
            }
            if let Some(reason) = reserved(&slug) {
                let new = format!("{slug}-{}", kind.name());
                notes.push(format!(
                    "the slug `{slug}` is reserved ({reason}): `{new}` instead"
                ));
                slug = new;
            }
            let free = unique(&slug, |candidate| {
                taken.contains(&(lang, candidate.to_owned()))
            });
            if free != slug {
                notes.push(format!(
                    "the slug `{slug}` is taken in {lang}: `{free}` instead"
                ));
            }
            taken.insert((lang, free.clone()));
            for note in notes {
                report.notes.push((page.shown.clone(), note));
            }
            translations.push(Planned {
                lang,
                page,
                fields,
                slug: free,
            });
        }
        posts.push(Post {
            kind,
            folder,
            plan: Plan::Write(translations),
        });
    }
    posts
}

/// `base`, or `base-2`, `base-3`… the first that is not `taken`.
fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut candidate = base.to_owned();
    let mut number = 1;
    while taken(&candidate) {
        number += 1;
        candidate = format!("{base}-{number}");
    }
    candidate
}

/// The slugs of the posts (and pages) already in the content folder.
fn existing_slugs(content: &Path) -> HashSet<(Lang, String)> {
    let mut folders: Vec<PathBuf> = scan::sorted_entries(content).unwrap_or_default();
    folders.extend(scan::sorted_entries(&content.join(PAGES)).unwrap_or_default());
    folders
        .iter()
        .filter(|path| path.is_dir())
        .flat_map(|folder| translation_slugs(folder))
        .filter_map(|(lang, slug)| Some((lang, slug?)))
        .collect()
}

/// The translation files (`en.md`, `de.md`) in the post or page folder
/// `dir`, by language, each with its slug if it has one.
fn translation_slugs(dir: &Path) -> Vec<(Lang, Option<String>)> {
    Lang::ALL
        .into_iter()
        .filter_map(|lang| {
            let file = dir.join(format!("{}.md", lang.code()));
            file.is_file().then(|| {
                let slug = fs::read_to_string(&file)
                    .ok()
                    .and_then(|text| file_slug(&text));
                (lang, slug)
            })
        })
        .collect()
}

/// The slug the checker gives the translation file `text`: its `slug` as
/// written, else the one `slugify` derives from its title; `None` when it
/// has neither, or one the checker refuses.
fn file_slug(text: &str) -> Option<String> {
    let split = front::split(text).ok()?;
    // The checker's keys are the blog's, lower case; not Hugo's, any case.
    let field = |key: &str| {
        split
            .fields
            .entries()
            .find(|(name, _)| name.as_str() == key)
            .and_then(|(_, value)| value.text())
    };
    let slug = match field("slug") {
        Some(slug) => slug.trim().to_owned(),
        None => slugify(&field("title")?),
    };
    (is_slug(&slug) && reserved(&slug).is_none()).then_some(slug)
}

/// The pages a `ref` may name, and the posts or standalone pages they
/// became: both are served at `/<lang>/<slug>/`, so a link to either is
/// `../<slug>/` in the same language.
struct RefIndex {
    /// Each Hugo page's path in its content folder, its name, and its post.
    pages: Vec<(String, String, usize)>,
    /// Each post's (or standalone page's) slug per language.
    slugs: Vec<Vec<(Lang, String)>>,
}

impl RefIndex {
    fn new(posts: &[Post]) -> RefIndex {
        let mut pages = Vec::new();
        let mut slugs = Vec::new();
        for (at, post) in posts.iter().enumerate() {
            for (_, page) in post.pages() {
                pages.push((page.rel.clone(), page.name.clone(), at));
            }
            slugs.push(post.slugs());
        }
        RefIndex { pages, slugs }
    }

    /// The link from a page in `from` to the page `target` names: its
    /// path (`posts/post.md`, `/posts/post`, `post`), perhaps with a
    /// `#fragment`, in the language `lang` if given.
    fn link(&self, target: &str, from: Lang, lang: Option<&str>) -> Option<String> {
        let (path, fragment) = match target.split_once('#') {
            Some((path, fragment)) => (path, format!("#{fragment}")),
            None => (target, String::new()),
        };
        let mut path = path.trim().trim_matches('/').to_owned();
        for extension in [".md", ".markdown"] {
            if let Some(stripped) = path.strip_suffix(extension) {
                path = stripped.to_owned();
            }
        }
        if let Some((stem, code)) = path.rsplit_once('.')
            && Lang::from_code(code).is_some()
        {
            path = stem.to_owned();
        }
        for index in ["index", "_index"] {
            if path == index {
                path.clear();
            } else if let Some(stripped) = path.strip_suffix(&format!("/{index}")) {
                path = stripped.to_owned();
            }
        }
        if path.is_empty() && fragment.is_empty() {
            return None;
        }
        let post = self
            .pages
            .iter()
            .find(|(rel, _, _)| *rel == path)
            .or_else(|| {
                self.pages
                    .iter()
                    .find(|(rel, _, _)| rel.ends_with(&format!("/{path}")))
            })
            .or_else(|| self.pages.iter().find(|(_, name, _)| *name == path))
            .map(|(_, _, post)| *post)?;
        let wanted = lang.and_then(Lang::from_code).unwrap_or(from);
        let slugs = &self.slugs[post];
        let (lang, slug) = slugs
            .iter()
            .find(|(lang, _)| *lang == wanted)
            .or_else(|| slugs.first())?;
        Some(if *lang == from {
            format!("../{slug}/{fragment}")
        } else {
            format!("../../{}/{slug}/{fragment}", lang.code())
        })
    }
}

/// The conversion's view of one translation's surroundings.
struct Surroundings<'a> {
    assets: &'a mut Assets,
    page_dir: PathBuf,
    static_dir: PathBuf,
    index: &'a RefIndex,
    lang: Lang,
}

impl Links for Surroundings<'_> {
    fn image(&mut self, src: &str) -> Option<String> {
        match self.assets.resolve(src, &self.page_dir, &self.static_dir) {
            Resolved::Web(url) => Some(url),
            Resolved::Local(url) => Some(url),
            Resolved::Missing => None,
        }
    }

    fn page(&mut self, target: &str, lang: Option<&str>) -> Option<String> {
        self.index.link(target, self.lang, lang)
    }
}

/// Writes one post's or standalone page's folder, or reports why it could
/// not.
fn write_post(
    site: &Path,
    content: &Path,
    post: &Post,
    translations: &[Planned],
    index: &RefIndex,
    mut book: Option<&mut Book>,
    report: &mut Report,
) {
    let folder = content.join(post.path());
    let mut assets = Assets::default();
    let mut bundles: BTreeSet<&Path> = BTreeSet::new();
    for planned in translations {
        if let Some(bundle) = &planned.page.bundle
            && bundles.insert(bundle)
        {
            assets.add_bundle(bundle);
        }
    }
    let mut files = Vec::new();
    for planned in translations {
        let page = &planned.page;
        let shown = &page.shown;
        let mut fields = planned.fields.clone();
        let page_dir = page
            .bundle
            .clone()
            .unwrap_or_else(|| page.path.parent().unwrap_or(site).to_owned());
        let mut links = Surroundings {
            assets: &mut assets,
            page_dir: page_dir.clone(),
            static_dir: site.join("static"),
            index,
            lang: planned.lang,
        };
        let outcome = shortcode::convert(
            &page.split.body,
            page.split.body_line,
            planned.lang,
            &mut links,
        );
        for name in &outcome.converted {
            *report.converted.entry(name.clone()).or_default() += 1;
        }
        for (line, text) in &outcome.left {
            report.left.push((shown.clone(), *line, text.clone()));
        }
        for (line, problem) in &outcome.problems {
            report
                .notes
                .push((format!("{shown}:{line}"), problem.clone()));
        }
        let cover = cover(
            &mut fields,
            page,
            &page_dir,
            site,
            &mut assets,
            shown,
            report,
        );
        let description = match fields.description.take() {
            Some(description) => description,
            None => match convert::description_from(&outcome.text) {
                Some(made) => {
                    report.notes.push((
                        shown.clone(),
                        "no description or summary: made from the first paragraph".to_owned(),
                    ));
                    made
                }
                None => {
                    report.notes.push((
                        shown.clone(),
                        "no description, summary or paragraph of text: the title is the description".to_owned(),
                    ));
                    fields.title.clone()
                }
            },
        };
        let length = description.chars().count();
        if length > DESCRIPTION_LIMIT {
            report.notes.push((
                shown.clone(),
                format!("the description is {length} characters long: the checker warns past {DESCRIPTION_LIMIT}"),
            ));
        }
        let tags: Vec<String> = match book.as_deref_mut() {
            Some(book) => {
                let mut ids: Vec<String> = Vec::new();
                for label in &fields.tags {
                    let id = book.id(planned.lang, label);
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                ids
            }
            None => Vec::new(),
        };
        for note in &fields.notes {
            report.notes.push((shown.clone(), note.clone()));
        }
        if !fields.dropped.is_empty() {
            report.dropped.push((shown.clone(), fields.dropped.clone()));
        }
        let text = translation_text(
            &fields,
            &description,
            &planned.slug,
            cover,
            &tags,
            &outcome.text,
        );
        files.push((format!("{}.md", planned.lang.code()), text));
    }
    // `create_dir`, not `create_dir_all`: a folder made meanwhile is not
    // written into.
    let made = folder
        .parent()
        .map_or(Ok(()), fs::create_dir_all)
        .and_then(|()| fs::create_dir(&folder));
    if let Err(err) = made {
        report
            .errors
            .push(format!("cannot make {}: {err}", folder.display()));
        return;
    }
    for (name, text) in files {
        let path = folder.join(name);
        if let Err(err) = fs::write(&path, text) {
            report
                .errors
                .push(format!("cannot write {}: {err}", path.display()));
        }
    }
    for (name, source) in &assets.files {
        let target = folder.join(name);
        let made = target
            .parent()
            .map_or(Ok(()), fs::create_dir_all)
            .and_then(|()| fs::copy(source, &target));
        match made {
            Ok(_) => report.images.push(format!("{}/{name}", post.path())),
            Err(err) => report.errors.push(format!(
                "cannot copy {} to {}: {err}",
                source.display(),
                target.display()
            )),
        }
    }
    let written = Written {
        folder: post.path(),
        translations: translations
            .iter()
            .map(|planned| (planned.lang.code().to_owned(), planned.page.shown.clone()))
            .collect(),
    };
    match post.kind {
        Kind::Post => report.written.push(written),
        Kind::Page => report.pages.push(written),
    }
}

/// The cover in the post's folder (`./cover.png`) and its text, from the
/// front matter or a bundle's `cover.*` or `featured.*` image.
fn cover(
    fields: &mut Fields,
    page: &Page,
    page_dir: &Path,
    site: &Path,
    assets: &mut Assets,
    shown: &str,
    report: &mut Report,
) -> Option<(String, Option<String>)> {
    let named = fields.cover.clone().or_else(|| {
        let bundle = page.bundle.as_ref()?;
        scan::sorted_entries(bundle)
            .ok()?
            .into_iter()
            .filter(|path| is_image(path))
            .find(|path| {
                let stem = path
                    .file_stem()
                    .map(|stem| stem.to_string_lossy().to_ascii_lowercase())
                    .unwrap_or_default();
                stem == "cover" || stem == "featured"
            })
            .and_then(|path| {
                path.file_name()
                    .map(|name| name.to_string_lossy().into_owned())
            })
    })?;
    match assets.resolve(&named, page_dir, &site.join("static")) {
        Resolved::Local(path) if is_image(Path::new(&path)) => {
            if fields.cover_alt.is_none() {
                report.notes.push((
                    shown.to_owned(),
                    format!("the cover `{path}` has no text (`cover_alt`): the checker warns"),
                ));
            }
            Some((path, fields.cover_alt.clone()))
        }
        Resolved::Local(path) => {
            report.notes.push((
                shown.to_owned(),
                format!("the cover `{path}` is not an image: no cover"),
            ));
            None
        }
        Resolved::Web(url) => {
            report.notes.push((
                shown.to_owned(),
                format!("the cover {url} is on the web, not in the post's folder: no cover"),
            ));
            None
        }
        Resolved::Missing => {
            report.notes.push((
                shown.to_owned(),
                format!("the cover `{named}` was not found: no cover"),
            ));
            None
        }
    }
}

fn is_image(path: &Path) -> bool {
    path.extension().is_some_and(|ext| {
        ["jpg", "jpeg", "png", "webp", "gif", "svg"]
            .iter()
            .any(|kind| ext.eq_ignore_ascii_case(kind))
    })
}

/// A translation file: its front matter and its body. A standalone page's
/// has no `date` (its `fields.date` is `None`) and no `tags`.
fn translation_text(
    fields: &Fields,
    description: &str,
    slug: &str,
    cover: Option<(String, Option<String>)>,
    tags: &[String],
    body: &str,
) -> String {
    let mut text = String::from("---\n");
    text.push_str(&format!("title: {}\n", tags::quote(&fields.title)));
    text.push_str(&format!("description: {}\n", tags::quote(description)));
    if let Some(date) = &fields.date {
        text.push_str(&format!("date: {date}\n"));
    }
    text.push_str(&format!("slug: {slug}\n"));
    if let Some((path, alt)) = cover {
        text.push_str(&format!("cover: {}\n", tags::quote(&path)));
        if let Some(alt) = alt {
            text.push_str(&format!("cover_alt: {}\n", tags::quote(&alt)));
        }
    }
    if fields.draft {
        text.push_str("draft: true\n");
    }
    if !tags.is_empty() {
        text.push_str(&format!("tags: [{}]\n", tags.join(", ")));
    }
    text.push_str("---\n");
    let body = body.trim_start_matches(['\n', '\r']).trim_end();
    if !body.is_empty() {
        text.push('\n');
        text.push_str(body);
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> RefIndex {
        RefIndex {
            pages: vec![
                ("posts/first".to_owned(), "first".to_owned(), 0),
                ("posts/zweiter".to_owned(), "zweiter".to_owned(), 1),
            ],
            slugs: vec![
                vec![
                    (Lang::En, "first".to_owned()),
                    (Lang::De, "erster".to_owned()),
                ],
                vec![(Lang::De, "zweiter".to_owned())],
            ],
        }
    }

    #[test]
    fn a_ref_leads_to_the_post_in_the_language_asked_for() {
        let index = index();
        assert_eq!(
            index.link("posts/first.md", Lang::En, None).as_deref(),
            Some("../first/")
        );
        assert_eq!(
            index.link("/posts/first/", Lang::De, None).as_deref(),
            Some("../erster/")
        );
        assert_eq!(
            index.link("first#part", Lang::De, Some("en")).as_deref(),
            Some("../../en/first/#part")
        );
        assert_eq!(
            index
                .link("posts/first/index.de.md", Lang::En, None)
                .as_deref(),
            Some("../first/")
        );
        // Only in German: the German page.
        assert_eq!(
            index.link("zweiter", Lang::En, None).as_deref(),
            Some("../../de/zweiter/")
        );
        assert_eq!(index.link("nowhere", Lang::En, None), None);
    }

    /// A Hugo page read from `text`, at `rel` in its content folder.
    fn page(rel: &str, lang: &str, text: &str) -> Page {
        Page {
            path: PathBuf::from(format!("site/content/{rel}.md")),
            shown: format!("content/{rel}.{lang}.md"),
            lang: lang.to_owned(),
            rel: rel.to_owned(),
            name: rel.rsplit('/').next().unwrap_or(rel).to_owned(),
            bundle: None,
            split: front::split(text).expect("front matter"),
        }
    }

    fn group(pages: Vec<(Lang, Page)>) -> Group {
        Group {
            key: pages[0].1.key(),
            pages,
        }
    }

    /// The translations `post` is planned to be written with.
    fn written(post: &Post) -> &[Planned] {
        match &post.plan {
            Plan::Write(translations) => translations,
            Plan::Skip(_) => panic!("{} is skipped", post.path()),
        }
    }

    #[test]
    fn a_page_at_the_root_is_planned_as_a_standalone_page_sharing_the_slugs() {
        let groups = vec![
            group(vec![(
                Lang::En,
                page("posts/about", "en", "---\ntitle: About a post\n---\n"),
            )]),
            group(vec![
                (
                    Lang::En,
                    page("about", "en", "---\ntitle: About\ndate: 2023-01-01\n---\n"),
                ),
                (
                    Lang::De,
                    page(
                        "about",
                        "de",
                        "---\ntitle: Über uns\nslug: ueber-uns\n---\n",
                    ),
                ),
            ]),
            group(vec![(
                Lang::De,
                page("pages", "de", "---\ntitle: Seiten\n---\n"),
            )]),
            // Paired by key with a page in a section: the main one decides.
            group(vec![
                (
                    Lang::En,
                    page(
                        "contact",
                        "en",
                        "---\ntitle: Contact\ntranslationKey: c\n---\n",
                    ),
                ),
                (
                    Lang::De,
                    page(
                        "seiten/kontakt",
                        "de",
                        "---\ntitle: Kontakt\ntranslationKey: c\n---\n",
                    ),
                ),
            ]),
        ];
        let mut taken = HashSet::from([(Lang::De, "ueber-uns".to_owned())]);
        let mut report = Report::default();
        let posts = plan(groups, Lang::En, &mut taken, |_| None, &mut report);
        /// A translation's language, slug, date and whether it is a draft.
        type Translation<'a> = (Lang, &'a str, Option<&'a str>, bool);
        let planned: Vec<(Kind, String, Vec<Translation>)> = posts
            .iter()
            .map(|post| {
                (
                    post.kind,
                    post.path(),
                    written(post)
                        .iter()
                        .map(|planned| {
                            (
                                planned.lang,
                                planned.slug.as_str(),
                                planned.fields.date.as_deref(),
                                planned.fields.draft,
                            )
                        })
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            planned,
            [
                (
                    Kind::Post,
                    "about".to_owned(),
                    vec![(Lang::En, "about", Some(convert::NO_DATE), true)]
                ),
                // The folder is free among the pages; the slug is the
                // post's in English, and taken already in German.
                (
                    Kind::Page,
                    "pages/about".to_owned(),
                    vec![
                        (Lang::En, "about-2", None, false),
                        (Lang::De, "ueber-uns-2", None, false),
                    ]
                ),
                // `pages` is a page's folder name like any other.
                (
                    Kind::Page,
                    "pages/pages".to_owned(),
                    vec![(Lang::De, "pages", None, false)]
                ),
                (
                    Kind::Page,
                    "pages/contact".to_owned(),
                    vec![
                        (Lang::En, "contact", None, false),
                        (Lang::De, "kontakt", None, false),
                    ]
                ),
            ]
        );
        let notes: Vec<String> = report
            .notes
            .iter()
            .map(|(file, note)| format!("{file}: {note}"))
            .collect();
        assert_eq!(
            notes,
            [
                "content/about.en.md: the slug `about` is taken in en: `about-2` instead",
                "content/about.de.md: the slug `ueber-uns` is taken in de: `ueber-uns-2` instead",
                "content/seiten/kontakt.de.md: in a section, but its translation content/contact.en.md is at the top of its content folder: imported as a page with it",
            ]
        );
    }

    #[test]
    fn a_ref_leads_to_a_standalone_page_as_to_a_post() {
        let mut index = index();
        index
            .pages
            .push(("about".to_owned(), "about".to_owned(), 2));
        index.slugs.push(vec![
            (Lang::En, "about".to_owned()),
            (Lang::De, "ueber-uns".to_owned()),
        ]);
        assert_eq!(
            index.link("about", Lang::En, None).as_deref(),
            Some("../about/")
        );
        assert_eq!(
            index.link("/about.md", Lang::De, None).as_deref(),
            Some("../ueber-uns/")
        );
        assert_eq!(
            index
                .link("about/index.de.md#team", Lang::En, Some("de"))
                .as_deref(),
            Some("../../de/ueber-uns/#team")
        );
        // A page's ref to a post is a post's.
        assert_eq!(
            index.link("posts/first", Lang::De, None).as_deref(),
            Some("../erster/")
        );
    }

    #[test]
    fn a_standalone_page_is_written_without_date_and_tags() {
        let fields = convert::read(
            &front::split("---\ntitle: About\ndate: 2023-01-01\ntags: [x]\n---\n")
                .unwrap()
                .fields,
            "about",
            Kind::Page,
        );
        assert_eq!(
            translation_text(&fields, "Who we are.", "about", None, &[], "\nText.\n"),
            "---\ntitle: \"About\"\ndescription: \"Who we are.\"\nslug: about\n---\n\nText.\n"
        );
    }

    #[test]
    fn an_existing_folder_is_skipped_with_the_slugs_its_files_have() {
        let groups = vec![
            // New, and planned before the folders that exist: their slugs
            // are taken all the same.
            group(vec![
                (
                    Lang::En,
                    page("posts/about", "en", "---\ntitle: About\n---\n"),
                ),
                (
                    Lang::De,
                    page(
                        "posts/about",
                        "de",
                        "---\ntitle: Über uns\nslug: ueber-uns\n---\n",
                    ),
                ),
            ]),
            // In the content folder with the slugs Hugo gives them.
            group(vec![
                (Lang::En, page("about", "en", "---\ntitle: About\n---\n")),
                (
                    Lang::De,
                    page(
                        "about",
                        "de",
                        "---\ntitle: Über uns\nslug: ueber-uns\n---\n",
                    ),
                ),
            ]),
            // In the content folder under another slug.
            group(vec![(
                Lang::En,
                page("posts/privacy", "en", "---\ntitle: Privacy\n---\n"),
            )]),
            // In the content folder in English only.
            group(vec![
                (
                    Lang::En,
                    page("imprint", "en", "---\ntitle: Imprint\n---\n"),
                ),
                (
                    Lang::De,
                    page("imprint", "de", "---\ntitle: Impressum\n---\n"),
                ),
            ]),
        ];
        let existing = |path: &str| match path {
            "pages/about" => Some(vec![
                (Lang::En, Some("about".to_owned())),
                (Lang::De, Some("ueber-uns".to_owned())),
            ]),
            "privacy" => Some(vec![(Lang::En, Some("our-privacy".to_owned()))]),
            "pages/imprint" => Some(vec![(Lang::En, Some("imprint".to_owned()))]),
            _ => None,
        };
        let mut taken = HashSet::new();
        let mut report = Report::default();
        let posts = plan(groups, Lang::En, &mut taken, existing, &mut report);
        /// A post's folder, whether it is skipped, and its slugs.
        type Outcome = (String, bool, Vec<(Lang, String)>);
        let planned: Vec<Outcome> = posts
            .iter()
            .map(|post| {
                (
                    post.path(),
                    matches!(post.plan, Plan::Skip(_)),
                    post.slugs(),
                )
            })
            .collect();
        let slugs = |pairs: &[(Lang, &str)]| -> Vec<(Lang, String)> {
            pairs
                .iter()
                .map(|(lang, slug)| (*lang, (*slug).to_owned()))
                .collect()
        };
        assert_eq!(
            planned,
            [
                (
                    "about".to_owned(),
                    false,
                    slugs(&[(Lang::En, "about-2"), (Lang::De, "ueber-uns-2")])
                ),
                (
                    "pages/about".to_owned(),
                    true,
                    slugs(&[(Lang::En, "about"), (Lang::De, "ueber-uns")])
                ),
                (
                    "privacy".to_owned(),
                    true,
                    slugs(&[(Lang::En, "our-privacy")])
                ),
                (
                    "pages/imprint".to_owned(),
                    true,
                    slugs(&[(Lang::En, "imprint")])
                ),
            ]
        );
        // Notes on the new post's slugs only.
        let notes: Vec<String> = report
            .notes
            .iter()
            .map(|(file, note)| format!("{file}: {note}"))
            .collect();
        assert_eq!(
            notes,
            [
                "content/posts/about.en.md: the slug `about` is taken in en: `about-2` instead",
                "content/posts/about.de.md: the slug `ueber-uns` is taken in de: `ueber-uns-2` instead",
            ]
        );
        // A ref leads to the slugs the files have; to a translation the
        // folder lacks, to the one it has.
        let index = RefIndex::new(&posts);
        assert_eq!(
            index.link("/about.md", Lang::De, None).as_deref(),
            Some("../ueber-uns/")
        );
        assert_eq!(
            index.link("posts/privacy", Lang::En, None).as_deref(),
            Some("../our-privacy/")
        );
        assert_eq!(
            index.link("imprint", Lang::De, None).as_deref(),
            Some("../../en/imprint/")
        );
        assert_eq!(
            index.link("posts/about", Lang::En, None).as_deref(),
            Some("../about-2/")
        );
        // The report names what the folder lacks.
        let why: Vec<String> = posts
            .iter()
            .filter_map(|post| match &post.plan {
                Plan::Skip(skipped) => Some(skipped.why(&format!("content/{}", post.path()))),
                Plan::Write(_) => None,
            })
            .collect();
        assert_eq!(
            why,
            [
                "content/pages/about exists already: nothing written",
                "content/privacy exists already: nothing written",
                "content/pages/imprint exists already: nothing written; it has no de.md, and content/imprint.de.md is not added to it",
            ]
        );
    }

    #[test]
    fn an_existing_files_slug_is_the_one_the_checker_gives_it() {
        assert_eq!(
            file_slug("---\ntitle: Über uns\nslug: ' wir '\n---\n").as_deref(),
            Some("wir")
        );
        assert_eq!(
            file_slug("---\ntitle: Über uns & Größe\n---\n\nText.\n").as_deref(),
            Some("ueber-uns-groesse")
        );
        // The blog's keys are lower case: `Slug` is none of them.
        assert_eq!(
            file_slug("---\ntitle: Team\nSlug: people\n---\n").as_deref(),
            Some("team")
        );
        // What the checker refuses is no slug.
        assert_eq!(file_slug("---\ntitle: Search\n---\n"), None);
        assert_eq!(file_slug("---\ntitle: Post\nslug: Not A Slug\n---\n"), None);
        assert_eq!(file_slug("---\ndescription: No title.\n---\n"), None);
        assert_eq!(file_slug("---\ntitle: [unclosed\n---\n"), None);
    }

    #[test]
    fn unique_names_count_up() {
        let taken = ["a", "a-2"];
        assert_eq!(unique("a", |name| taken.contains(&name)), "a-3");
        assert_eq!(unique("b", |name| taken.contains(&name)), "b");
    }
}
