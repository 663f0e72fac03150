//! The app's modules are layers (see ARCHITECTURE.md): each may use only
//! the modules before it in [`LAYERS`], so that data never imports a view
//! and a view never imports the entry point. This reads every `crate::…`
//! path in `src/` and fails, naming file and line, on one that points the
//! other way, and on any circle between files.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The top-level modules of `src/`, lowest first.
const LAYERS: &[&str] = &[
    "shell", "site", "i18n", "routes", "storage", "data", "markdown", "ui", "pages", "app", "start",
];

/// A path into the crate, as written at `line` of a file.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Use {
    line: usize,
    /// The segments after `crate::`, e.g. `["ui", "head", "PageMeta"]`.
    path: Vec<String>,
}

/// Every `crate::…` path in `source`, outside comments; `crate::{a, b::c}`
/// counts as `crate::a` and `crate::b::c`.
fn crate_paths(source: &str) -> Vec<Use> {
    let mut uses = Vec::new();
    for (number, line) in source.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let preceded = rest[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            rest = &rest[at + "crate::".len()..];
            if preceded {
                continue;
            }
            let groups: Vec<String> = match rest.strip_prefix('{') {
                Some(inside) => {
                    let end = inside.find('}').unwrap_or(inside.len());
                    inside[..end].split(',').map(str::to_owned).collect()
                }
                None => vec![rest.to_owned()],
            };
            for group in groups {
                let path: Vec<String> = group
                    .trim()
                    .split("::")
                    .map(|segment| {
                        segment
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect::<String>()
                    })
                    .take_while(|segment| !segment.is_empty())
                    .collect();
                if !path.is_empty() {
                    uses.push(Use {
                        line: number + 1,
                        path,
                    });
                }
            }
        }
    }
    uses
}

/// The module path of a file under `src/`: `ui/head.rs` → `["ui", "head"]`,
/// `data/mod.rs` → `["data"]`, `lib.rs` → `[]`.
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().into_owned())
        .collect();
    let file = parts.pop().unwrap_or_default();
    let stem = file.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_owned());
    }
    parts
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|err| panic!("{}: {err}", dir.display()))
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// What is wrong with the imports of `files` (module path, source), one
/// line each, empty when the layers hold.
fn problems(files: &[(String, Vec<String>, String)]) -> Vec<String> {
    let rank = |module: &str| LAYERS.iter().position(|layer| *layer == module);
    let modules: BTreeSet<&[String]> = files.iter().map(|(_, module, _)| &module[..]).collect();
    let mut problems = Vec::new();
    let mut edges: BTreeMap<&[String], BTreeSet<&[String]>> = BTreeMap::new();
    for (name, module, source) in files {
        let Some(top) = module.first() else {
            continue;
        };
        let Some(own) = rank(top) else {
            problems.push(format!(
                "{name}: module `{top}` is in no layer: add it to LAYERS in tests/layers.rs"
            ));
            continue;
        };
        for used in crate_paths(source) {
            let target = &used.path[0];
            match rank(target) {
                Some(other) if other > own => problems.push(format!(
                    "{name}:{}: `crate::{}` points up: `{top}` may use only {}",
                    used.line,
                    used.path.join("::"),
                    LAYERS[..own].join(", ")
                )),
                _ => {}
            }
            // The file it reaches: the longest module path it starts with.
            let reached = (1..=used.path.len())
                .rev()
                .find_map(|length| modules.get(&used.path[..length]).copied());
            if let Some(reached) = reached
                && reached != &module[..]
                && !module.starts_with(reached)
            {
                edges.entry(&module[..]).or_default().insert(reached);
            }
        }
    }
    if let Some(circle) = find_circle(&edges) {
        problems.push(format!(
            "a circle between files: {}",
            circle
                .iter()
                .map(|module| module.join("::"))
                .collect::<Vec<_>>()
                .join(" → ")
        ));
    }
    problems
}

/// A circle in `edges`, as the modules along it, the first repeated last.
fn find_circle<'a>(
    edges: &BTreeMap<&'a [String], BTreeSet<&'a [String]>>,
) -> Option<Vec<&'a [String]>> {
    fn visit<'a>(
        node: &'a [String],
        edges: &BTreeMap<&'a [String], BTreeSet<&'a [String]>>,
        path: &mut Vec<&'a [String]>,
        done: &mut BTreeSet<&'a [String]>,
    ) -> Option<Vec<&'a [String]>> {
        if let Some(start) = path.iter().position(|seen| *seen == node) {
            let mut circle = path[start..].to_vec();
            circle.push(node);
            return Some(circle);
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for next in edges.get(node).into_iter().flatten() {
            if let Some(circle) = visit(next, edges, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    edges
        .keys()
        .find_map(|node| visit(node, edges, &mut Vec::new(), &mut done))
}

#[test]
fn every_import_in_src_points_down_the_layers_and_no_files_form_a_circle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    rust_files(&src, &mut paths);
    let files: Vec<(String, Vec<String>, String)> = paths
        .iter()
        .filter(|path| !path.ends_with("main.rs"))
        .map(|path| {
            let relative = path.strip_prefix(&src).expect("under src");
            (
                format!("src/{}", relative.display()),
                module_of(relative),
                fs::read_to_string(path).expect("a source file"),
            )
        })
        .collect();
    assert!(files.len() > 20, "only {} files read", files.len());
    let problems = problems(&files);
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

fn file(name: &str, source: &str) -> (String, Vec<String>, String) {
    (
        name.to_owned(),
        module_of(Path::new(name)),
        source.to_owned(),
    )
}

#[test]
fn an_import_that_points_up_is_named_with_its_file_and_line() {
    let files = [
        file(
            "data/mod.rs",
            "//! Data.\nuse crate::site;\nuse crate::pages::post::PostArticle;\n",
        ),
        file("pages/post.rs", "use crate::{data::Article, ui::head};\n"),
        file(
            "site.rs",
            "// crate::app is only mentioned here\nfn f() {}\n",
        ),
    ];
    assert_eq!(
        problems(&files),
        [
            "data/mod.rs:3: `crate::pages::post::PostArticle` points up: `data` may use only \
             shell, site, i18n, routes, storage",
            "a circle between files: data → pages::post → data",
        ]
    );
}

#[test]
fn a_circle_between_files_of_one_layer_is_found() {
    let files = [
        file("pages/index.rs", "use crate::pages::post::prefetch;\n"),
        file("pages/post.rs", "use crate::pages::not_found::NotFound;\n"),
        file(
            "pages/not_found.rs",
            "fn f() { crate::pages::index::x(); }\n",
        ),
    ];
    assert_eq!(
        problems(&files),
        ["a circle between files: pages::index → pages::post → pages::not_found → pages::index"]
    );
}

#[test]
fn a_module_in_no_layer_is_reported() {
    let files = [file("extra.rs", "use crate::site;\n")];
    assert_eq!(
        problems(&files),
        ["extra.rs: module `extra` is in no layer: add it to LAYERS in tests/layers.rs"]
    );
}
