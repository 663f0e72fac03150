//! Moves a bilingual Hugo site into the blog's content format:
//! `cargo run --bin import -- hugo <hugo-site-dir> <content-dir> [--report
//! FILE]`.
//!
//! Translations are paired as Hugo pairs them (`scan.rs`): by file suffix
//! (`post.md` + `post.de.md`, `post/index.md` + `post/index.de.md`), by the
//! same path in each language's `contentDir`, or by `translationKey`. Each
//! pair becomes one post folder with `en.md` and `de.md` (`convert.rs`
//! maps the front matter and the shortcodes); a page directly in its
//! language's content folder, in no section (`about.md`, `de/about.md`,
//! `about/index.md`), becomes a standalone page in `pages/<folder>/`
//! instead, without `date` and `tags` (`write.rs`). English and German are
//! imported, every other language is reported as left out. Tags become
//! ids in `tags.yml` (`tags.rs`). Nothing is overwritten: a post or page
//! folder that exists is skipped and reported, with any translation the
//! site has and it lacks, and `ref`s to it lead to the slugs its files
//! have. What was carried over and
//! what was not is printed and written to the report file, by default
//! `hugo-import-report.txt` beside the content folder.
//!
//! Exits 0 when done (warnings included), 1 when nothing could be imported
//! or a file could not be read or written, 2 when the arguments are wrong.

mod config;
mod convert;
mod front;
mod images;
mod report;
mod scan;
mod shortcode;
mod tags;
mod value;
mod write;

use std::fmt;
use std::fs;
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: import hugo <hugo-site-dir> <content-dir> [--report FILE]
  Reads the Hugo site's English and German pages and writes them as posts
  into the content folder, which is created if needed; a page at the top of
  a content folder, in no section (about.md), becomes a standalone page in
  its pages/ folder. Nothing in it is overwritten. The report goes to FILE, by default hugo-import-report.txt
  beside the content folder.";

/// The command line, parsed.
#[derive(Debug)]
struct Args {
    site: PathBuf,
    content: PathBuf,
    report: Option<PathBuf>,
}

/// Why the command line cannot be used.
#[derive(Debug)]
enum ArgsError {
    Help,
    Missing,
    Source(String),
    Extra(String),
    MissingValue(&'static str),
    UnknownOption(String),
    NoSite(PathBuf),
    ContentIsFile(PathBuf),
}

impl fmt::Display for ArgsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArgsError::Help => f.write_str(USAGE),
            ArgsError::Missing => write!(
                f,
                "give the source (hugo), the Hugo site and the content folder\n{USAGE}"
            ),
            ArgsError::Source(source) => {
                write!(f, "unknown source {source:?}: only `hugo` is read\n{USAGE}")
            }
            ArgsError::Extra(arg) => write!(f, "unexpected argument {arg:?}\n{USAGE}"),
            ArgsError::MissingValue(option) => write!(f, "{option} needs a value\n{USAGE}"),
            ArgsError::UnknownOption(option) => write!(f, "unknown option {option}\n{USAGE}"),
            ArgsError::NoSite(path) => write!(f, "{} is not a folder", path.display()),
            ArgsError::ContentIsFile(path) => {
                write!(f, "{} is a file, not a content folder", path.display())
            }
        }
    }
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Args, ArgsError> {
    let mut report = None;
    let mut positional = Vec::new();
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let (option, inline) = match arg.split_once('=') {
            Some((option, value)) if option.starts_with("--") => (option, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        match option {
            "-h" | "--help" => return Err(ArgsError::Help),
            "--report" => {
                let value = inline
                    .or_else(|| args.next())
                    .ok_or(ArgsError::MissingValue("--report"))?;
                report = Some(PathBuf::from(value));
            }
            other if other.starts_with('-') && other.len() > 1 => {
                return Err(ArgsError::UnknownOption(other.to_owned()));
            }
            _ => positional.push(arg),
        }
    }
    let mut positional = positional.into_iter();
    let (Some(source), Some(site), Some(content)) =
        (positional.next(), positional.next(), positional.next())
    else {
        return Err(ArgsError::Missing);
    };
    if source != "hugo" {
        return Err(ArgsError::Source(source));
    }
    if let Some(extra) = positional.next() {
        return Err(ArgsError::Extra(extra));
    }
    let site = PathBuf::from(site);
    if !site.is_dir() {
        return Err(ArgsError::NoSite(site));
    }
    let content = PathBuf::from(content);
    if content.exists() && !content.is_dir() {
        return Err(ArgsError::ContentIsFile(content));
    }
    Ok(Args {
        site,
        content,
        report,
    })
}

/// The report's path when none is given: beside the content folder, so
/// that the content folder holds posts and pages only.
fn default_report(content: &std::path::Path) -> PathBuf {
    let parent = content
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), PathBuf::from);
    parent.join("hugo-import-report.txt")
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(ArgsError::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(err) => {
            eprintln!("import: {err}");
            return ExitCode::from(2);
        }
    };
    let report = match write::import(&args.site, &args.content) {
        Ok(report) => report,
        Err(err) => {
            eprintln!("import: {err}");
            return ExitCode::from(1);
        }
    };
    let text = report.to_string();
    print!("{text}");
    let report_path = args
        .report
        .clone()
        .unwrap_or_else(|| default_report(&args.content));
    if let Err(err) = fs::write(&report_path, &text) {
        eprintln!(
            "import: cannot write the report to {}: {err}",
            report_path.display()
        );
        return ExitCode::from(1);
    }
    println!("report: {}", report_path.display());
    if report.failed() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Args, ArgsError> {
        parse_args(args.iter().map(|arg| (*arg).to_owned()))
    }

    #[test]
    fn the_source_the_site_and_the_folder_are_required() {
        assert!(matches!(parse(&[]), Err(ArgsError::Missing)));
        assert!(matches!(
            parse(&["jekyll", ".", "out"]),
            Err(ArgsError::Source(_))
        ));
        assert!(matches!(
            parse(&["hugo", ".", "out", "x"]),
            Err(ArgsError::Extra(_))
        ));
        assert!(matches!(
            parse(&["hugo", ".", "out", "--force"]),
            Err(ArgsError::UnknownOption(_))
        ));
        assert!(matches!(
            parse(&["hugo", ".", "out", "--report"]),
            Err(ArgsError::MissingValue(_))
        ));
        assert!(matches!(
            parse(&["hugo", "/no/such/site", "out"]),
            Err(ArgsError::NoSite(_))
        ));
        let args = parse(&["hugo", ".", "out", "--report=r.txt"]).unwrap();
        assert_eq!(args.report, Some(PathBuf::from("r.txt")));
    }

    #[test]
    fn the_report_goes_beside_the_content_folder() {
        assert_eq!(
            default_report(std::path::Path::new("content")),
            PathBuf::from("./hugo-import-report.txt")
        );
        assert_eq!(
            default_report(std::path::Path::new("/tmp/blog/content")),
            PathBuf::from("/tmp/blog/hugo-import-report.txt")
        );
    }
}
