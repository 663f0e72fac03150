//! Writes the static site into a built `dist/` whose content has been
//! published into it (`data/`, by the content library's `publish`): one HTML
//! file per route (`index.html`, `<lang>/index.html`, `<lang>/page/<n>/index.html`,
//! `<lang>/<slug>/index.html`),
//! `404.html`, `sitemap.xml`, `robots.txt`, `<lang>/feed.xml` and
//! `_headers`, using
//! Trunk's `index.html` there as the template.
//!
//! Run by Trunk's post-build hook on release builds (see Trunk.toml):
//! `cargo run --profile prerender -p blog-prerender -- <dist>`.

mod catalog;
mod csp;
mod document;
mod site_files;
#[cfg(test)]
mod test_site;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use crate::catalog::Catalog;
use crate::document::{Target, Template, render};
use crate::site_files::{feed, headers, is_hashed_name, robots, sitemap, tag_feeds};
use blog::data::load;
use blog::routes::{LangPages, Page};
use blog::site;
use blog_model::lang::Lang;
use blog_model::site::Site;

fn main() -> ExitCode {
    let Some(dist) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: prerender <dist-dir>");
        return ExitCode::FAILURE;
    };
    match prerender(&dist) {
        Ok(count) => {
            println!("prerender: {count} files written into {}", dist.display());
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: prerender: {err}");
            ExitCode::FAILURE
        }
    }
}

fn prerender(dist: &Path) -> Result<usize, String> {
    let started = Instant::now();
    // Trunk tells its hooks where the assets are linked from; pages linking
    // another base would load no styles and no app.
    if let Ok(public_url) = std::env::var("TRUNK_PUBLIC_URL")
        && public_url != site::BASE
    {
        return Err(format!(
            "Trunk's public URL is {public_url:?} but BLOG_URL's path is {:?}; \
             build with `bash .ci/build`, or pass `--public-url {}`",
            site::BASE,
            site::BASE
        ));
    }
    // The data files the content's publishing step wrote just before: the
    // pages render from them as the app does.
    let catalog = Catalog::read(dist).map_err(|err| err.to_string())?;
    load::read_from(dist.to_owned());
    let index = dist.join("index.html");
    let template =
        fs::read_to_string(&index).map_err(|err| format!("reading {}: {err}", index.display()))?;
    let template =
        Template::parse(&template).map_err(|err| format!("{}: {err}", index.display()))?;

    let loaded = started.elapsed();
    let pages = catalog.pages();
    let rendering = Instant::now();
    let site = std::sync::Arc::new(catalog.site.clone());
    let rendered = render_all(&template, &site, &pages);
    let render_time = rendering.elapsed();
    let (index_time, index_count) = time_of(&rendered, |page| matches!(page, Page::Index { .. }));
    let (post_time, post_count) = time_of(&rendered, |page| matches!(page, Page::Post { .. }));
    let mut files: Vec<(String, String)> = rendered
        .into_iter()
        .map(|page| (page.path, page.html))
        .collect();
    files.push((
        site::path("404.html"),
        render(&template, &site, Target::NotFound),
    ));
    files.push((site::path("sitemap.xml"), sitemap(&catalog)));
    files.push((site::path("robots.txt"), robots()));
    files.extend(Lang::ALL.map(|lang| (lang.feed_path(), feed(&catalog, lang))));
    files.extend(tag_feeds(&catalog));
    let mut hashed: Vec<String> = fs::read_dir(dist)
        .map_err(|err| format!("reading {}: {err}", dist.display()))?
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| is_hashed_name(name))
        .collect();
    hashed.sort();
    files.push((site::path("_headers"), headers(&hashed, template.policy())));

    for (path, contents) in &files {
        let relative =
            site::strip_base(path).ok_or_else(|| format!("{path} is outside the site"))?;
        let file = dist.join(relative);
        if let Some(parent) = file.parent() {
            fs::create_dir_all(parent)
                .map_err(|err| format!("creating {}: {err}", parent.display()))?;
        }
        fs::write(&file, contents).map_err(|err| format!("writing {}: {err}", file.display()))?;
    }
    eprintln!(
        "prerender: {} pages in {} ms (data read in {} ms; rendering {} ms on {} threads: \
         an index page {:.2} ms, a post {:.2} ms, each on one thread)",
        pages.len() + 1,
        started.elapsed().as_millis(),
        loaded.as_millis(),
        render_time.as_millis(),
        threads(),
        index_time / index_count.max(1) as f64,
        post_time / post_count.max(1) as f64,
    );
    Ok(files.len())
}

/// A page rendered, and how long that took.
struct Rendered {
    page: Page,
    path: String,
    html: String,
    millis: f64,
}

/// Renders every page, on as many threads as there are cores: each page is
/// its own reactive root, and the data they read is shared read-only.
fn render_all(template: &Template, site: &std::sync::Arc<Site>, pages: &[Page]) -> Vec<Rendered> {
    let routes: Vec<(&Page, String)> = pages
        .iter()
        .filter_map(|page| Some((page, page.path()?)))
        .collect();
    let chunk = routes.len().div_ceil(threads()).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = routes
            .chunks(chunk)
            .map(|routes| {
                scope.spawn(move || {
                    routes
                        .iter()
                        .map(|(page, route)| {
                            let started = Instant::now();
                            let html = render(template, site, Target::Route(route));
                            Rendered {
                                page: (*page).clone(),
                                path: format!("{route}index.html"),
                                html,
                                millis: started.elapsed().as_secs_f64() * 1000.0,
                            }
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().expect("a page renders without panicking"))
            .collect()
    })
}

fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// The milliseconds spent on the pages `kind` picks, and how many there are.
fn time_of(rendered: &[Rendered], kind: impl Fn(&Page) -> bool) -> (f64, usize) {
    rendered
        .iter()
        .filter(|page| kind(&page.page))
        .fold((0.0, 0), |(time, count), page| {
            (time + page.millis, count + 1)
        })
}
