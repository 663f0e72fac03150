//! Writes a content folder of generated posts, for testing the checker, the
//! build and the site at scale: `cargo run --profile gen -p gen-posts --
//! <count> <dir> [--seed N] [--untranslated PERCENT]`.
//!
//! Each post is a folder (`post-0001-edge-caching`) with `en.md`, `de.md`
//! and a 1200×630 `cover.jpg`, and passes the checker without a warning:
//! titles unique per language, dates over several years, Markdown bodies
//! of 300 to 1,500 words with every construct posts use, linking each
//! other. The same count and seed give the same bytes. `--untranslated`
//! leaves that percentage of posts in English only (each then warned about,
//! as a real blog's would be); by default every post has both languages.
//!
//! Exits 2 when the arguments are wrong or the folder exists and is not
//! empty, 1 when a file cannot be written.

mod body;
mod cover;
mod files;
mod plan;
mod words;

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str =
    "usage: gen-posts <count> <dir> [--seed N] [--untranslated PERCENT]   (seed 1, untranslated 0)";

/// More posts than this is a typing mistake: 100,000 posts take some 6 GB.
const MAX_COUNT: usize = 100_000;

/// The command line, parsed.
#[derive(Debug)]
struct Args {
    count: usize,
    dir: PathBuf,
    seed: u64,
    /// The percentage of posts only in English.
    untranslated: usize,
}

/// Why the command line cannot be used.
#[derive(Debug)]
enum ArgsError {
    Help,
    Missing,
    Count(String),
    Extra(String),
    MissingValue(&'static str),
    Seed(String),
    Percent(String),
    UnknownOption(String),
}

impl fmt::Display for ArgsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ArgsError::Help => f.write_str(USAGE),
            ArgsError::Missing => write!(f, "give the number of posts and a folder\n{USAGE}"),
            ArgsError::Count(count) => write!(
                f,
                "the count {count:?} is not a number from 1 to {MAX_COUNT}\n{USAGE}"
            ),
            ArgsError::Extra(arg) => write!(f, "unexpected argument {arg:?}\n{USAGE}"),
            ArgsError::MissingValue(option) => write!(f, "{option} needs a value\n{USAGE}"),
            ArgsError::Seed(seed) => {
                write!(f, "the seed {seed:?} is not a whole number ≥ 0\n{USAGE}")
            }
            ArgsError::Percent(percent) => write!(
                f,
                "--untranslated {percent:?} is not a percentage from 0 to 100\n{USAGE}"
            ),
            ArgsError::UnknownOption(option) => write!(f, "unknown option {option}\n{USAGE}"),
        }
    }
}

impl std::error::Error for ArgsError {}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Args, ArgsError> {
    let mut seed = 1;
    let mut untranslated = 0;
    let mut positional = Vec::new();
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let (option, inline) = match arg.split_once('=') {
            Some((option, value)) if option.starts_with("--") => (option, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        match option {
            "-h" | "--help" => return Err(ArgsError::Help),
            "--seed" => {
                let value = inline
                    .or_else(|| args.next())
                    .ok_or(ArgsError::MissingValue("--seed"))?;
                seed = value.parse().map_err(|_| ArgsError::Seed(value))?;
            }
            "--untranslated" => {
                let value = inline
                    .or_else(|| args.next())
                    .ok_or(ArgsError::MissingValue("--untranslated"))?;
                untranslated = value
                    .parse()
                    .ok()
                    .filter(|percent| *percent <= 100)
                    .ok_or(ArgsError::Percent(value))?;
            }
            other if other.starts_with('-') && other.len() > 1 => {
                return Err(ArgsError::UnknownOption(other.to_owned()));
            }
            _ => positional.push(arg),
        }
    }
    let mut positional = positional.into_iter();
    let (Some(count), Some(dir)) = (positional.next(), positional.next()) else {
        return Err(ArgsError::Missing);
    };
    if let Some(extra) = positional.next() {
        return Err(ArgsError::Extra(extra));
    }
    let count = count
        .parse()
        .ok()
        .filter(|count| (1..=MAX_COUNT).contains(count))
        .ok_or(ArgsError::Count(count))?;
    Ok(Args {
        count,
        dir: PathBuf::from(dir),
        seed,
        untranslated,
    })
}

/// Why the posts cannot go into the folder given.
#[derive(Debug)]
enum TargetError {
    NotAFolder(PathBuf),
    NotEmpty(PathBuf),
    Io(PathBuf, io::Error),
}

impl TargetError {
    /// 2 for a folder the author should not have given, 1 for a failure.
    fn exit_code(&self) -> u8 {
        match self {
            TargetError::NotAFolder(_) | TargetError::NotEmpty(_) => 2,
            TargetError::Io(..) => 1,
        }
    }
}

impl fmt::Display for TargetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TargetError::NotAFolder(dir) => {
                write!(f, "{} exists and is not a folder", dir.display())
            }
            TargetError::NotEmpty(dir) => write!(
                f,
                "{} exists and is not empty; give a new or empty folder, so no post is overwritten",
                dir.display()
            ),
            TargetError::Io(dir, err) => write!(f, "cannot use {}: {err}", dir.display()),
        }
    }
}

impl std::error::Error for TargetError {}

/// Makes sure `dir` is an empty folder, creating it when missing.
fn prepare(dir: &Path) -> Result<(), TargetError> {
    let io = |err| TargetError::Io(dir.to_owned(), err);
    match fs::metadata(dir) {
        Ok(meta) if !meta.is_dir() => Err(TargetError::NotAFolder(dir.to_owned())),
        Ok(_) => match fs::read_dir(dir).map_err(io)?.next() {
            Some(_) => Err(TargetError::NotEmpty(dir.to_owned())),
            None => Ok(()),
        },
        Err(err) if err.kind() == io::ErrorKind::NotFound => fs::create_dir_all(dir).map_err(io),
        Err(err) => Err(io(err)),
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
            eprintln!("gen-posts: {err}");
            return ExitCode::from(2);
        }
    };
    if let Err(err) = prepare(&args.dir) {
        eprintln!("gen-posts: {err}");
        return ExitCode::from(err.exit_code());
    }
    let started = Instant::now();
    let plan = plan::posts(args.count, args.seed, args.untranslated);
    match files::write_all(&plan, &args.dir, args.seed) {
        Ok(totals) => {
            println!(
                "gen-posts: {} posts, {} files, {} bytes ({:.1} MiB) in {:.2} s into {} (seed {})",
                totals.posts,
                totals.files,
                totals.bytes,
                totals.bytes as f64 / (1024.0 * 1024.0),
                started.elapsed().as_secs_f64(),
                args.dir.display(),
                args.seed,
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("gen-posts: {err}");
            ExitCode::FAILURE
        }
    }
}
