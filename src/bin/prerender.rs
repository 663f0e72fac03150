//! Writes the static site into a built `dist/` whose content has been
//! published into it (`data/`, by the content library's `publish`): one HTML
//! file per route (`index.html`, `<lang>/index.html`, `<lang>/page/<n>/index.html`,
//! `<lang>/<slug>/index.html`),
//! `404.html`, `sitemap.xml`, `robots.txt`, `<lang>/feed.xml` and
//! `_headers`, using
//! Trunk's `index.html` there as the template.
//!
//! Run by Trunk's post-build hook on release builds (see Trunk.toml):
//! `cargo run --profile prerender --bin prerender -- <dist>`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use blog::content::catalog::Catalog;
use blog::content::load;
use blog::lang::Lang;
use blog::render::{Target, Template, render};
use blog::routes::{LangPages, Page};
use blog::site;
use blog::site_files::{feed, headers, is_hashed_name, robots, sitemap};

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
    let catalog = Catalog::read(dist)?;
    load::read_from(dist.to_owned());
    let index = dist.join("index.html");
    let template =
        fs::read_to_string(&index).map_err(|err| format!("reading {}: {err}", index.display()))?;
    let template =
        Template::parse(&template).map_err(|err| format!("{}: {err}", index.display()))?;

    let routes: Vec<String> = catalog.pages().iter().filter_map(Page::path).collect();
    let mut files: Vec<(String, String)> = routes
        .iter()
        .map(|route| {
            (
                format!("{route}index.html"),
                render(&template, Target::Route(route)),
            )
        })
        .collect();
    files.push((site::path("404.html"), render(&template, Target::NotFound)));
    files.push((site::path("sitemap.xml"), sitemap(&catalog)));
    files.push((site::path("robots.txt"), robots()));
    files.extend(Lang::ALL.map(|lang| (lang.feed_path(), feed(&catalog, lang))));
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
        "prerender: {} pages in {} ms",
        routes.len() + 1,
        started.elapsed().as_millis()
    );
    Ok(files.len())
}
