//! Checks the blog's content without building it, and prints every problem:
//! `cargo run --bin check-content -- [--format json] [content-dir…]`.
//!
//! Exits 1 when there is an error, 0 otherwise (warnings alone pass), 2 when
//! the arguments are wrong. Paths are printed as they were given, relative
//! (`content/edge/de.md:4:7`), so an editor or CI can open them.

use std::fmt;
use std::path::PathBuf;
use std::process::ExitCode;

use blog_content::library::{ContentRoot, Drafts, Library};
use blog_content::post_dir::Kind;
use blog_content::report::{Format, render, summary};

const USAGE: &str =
    "usage: check-content [--format human|json] [content-dir…]   (default: content)";

/// The command line, parsed.
struct Args {
    format: Format,
    roots: Vec<String>,
}

/// Why the command line cannot be used.
#[derive(Debug)]
enum ArgsError {
    Help,
    MissingFormat,
    UnknownFormat(String),
    UnknownOption(String),
}

impl fmt::Display for ArgsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArgsError::Help => f.write_str(USAGE),
            ArgsError::MissingFormat => write!(f, "--format needs a value: human or json\n{USAGE}"),
            ArgsError::UnknownFormat(format) => {
                write!(
                    f,
                    "unknown format {format:?}; choose human or json\n{USAGE}"
                )
            }
            ArgsError::UnknownOption(option) => write!(f, "unknown option {option}\n{USAGE}"),
        }
    }
}

impl std::error::Error for ArgsError {}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Args, ArgsError> {
    let mut format = Format::Human;
    let mut roots = Vec::new();
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let value = match arg.as_str() {
            "--format" => args.next().ok_or(ArgsError::MissingFormat)?,
            "-h" | "--help" => return Err(ArgsError::Help),
            other if other.starts_with("--format=") => other["--format=".len()..].to_owned(),
            other if other.starts_with('-') => {
                return Err(ArgsError::UnknownOption(other.to_owned()));
            }
            _ => {
                roots.push(arg);
                continue;
            }
        };
        format = match value.as_str() {
            "human" => Format::Human,
            "json" => Format::Json,
            _ => return Err(ArgsError::UnknownFormat(value)),
        };
    }
    if roots.is_empty() {
        roots.push("content".to_owned());
    }
    Ok(Args { format, roots })
}

/// How a folder given on the command line is shown: as typed, without a
/// leading `./` or a trailing `/`, and relative to the current folder when
/// given as an absolute path inside it.
fn shown(root: &str) -> String {
    let path = PathBuf::from(root);
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| path.strip_prefix(cwd).ok().map(PathBuf::from))
        .unwrap_or(path);
    let text = relative.to_string_lossy().replace('\\', "/");
    let text = text.trim_start_matches("./").trim_end_matches('/');
    if text.is_empty() {
        ".".to_owned()
    } else {
        text.to_owned()
    }
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(ArgsError::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(err) => {
            eprintln!("check-content: {err}");
            return ExitCode::from(2);
        }
    };
    let roots: Vec<ContentRoot> = args
        .roots
        .iter()
        .map(|root| ContentRoot::new(root, &shown(root)))
        .collect();
    let library = Library::load(&roots, Drafts::Include);
    print!("{}", render(&library.diagnostics, args.format));
    let pages = library
        .posts
        .iter()
        .filter(|post| post.kind == Kind::Page)
        .count();
    eprintln!(
        "check-content: {} post(s), {pages} page(s), {}",
        library.posts.len() - pages,
        summary(&library.diagnostics)
    );
    if library.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
