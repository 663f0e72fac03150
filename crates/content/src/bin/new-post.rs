//! Writes a new post, or a translation of one, that already passes the
//! check, and prints the file to open:
//!
//! ```text
//! cargo run --bin new-post -- "Title" [--lang en|de] [--content DIR]
//! cargo run --bin new-post -- "Titel" --translate content/<post> [--lang de]
//! ```
//!
//! Exits 1 when nothing could be written (the folder exists, the title has
//! no letters), 2 when the arguments are wrong.

use std::path::PathBuf;
use std::process::ExitCode;

use blog_content::new_post::{Request, today, write};
use blog_model::lang::Lang;

const USAGE: &str = "usage: new-post \"Title\" [--lang en|de] [--content DIR]\n       new-post \"Titel\" --translate <post-folder> [--lang en|de]";

fn parse(args: impl Iterator<Item = String>) -> Result<Option<Request>, String> {
    let mut title = None;
    let mut lang = None;
    let mut translate = None;
    let mut content = PathBuf::from("content");
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .ok_or_else(|| format!("{name} needs a value\n{USAGE}"))
        };
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--lang" => {
                let code = value("--lang")?;
                lang = Some(Lang::from_code(&code).ok_or_else(|| {
                    format!("unknown language {code:?}; choose en or de\n{USAGE}")
                })?);
            }
            "--translate" => translate = Some(PathBuf::from(value("--translate")?)),
            "--content" => content = PathBuf::from(value("--content")?),
            other if other.starts_with('-') => {
                return Err(format!("unknown option {other}\n{USAGE}"));
            }
            _ if title.is_some() => {
                return Err(format!("one title only (quote it: \"My title\")\n{USAGE}"));
            }
            _ => title = Some(arg),
        }
    }
    let title = title
        .filter(|title| !title.trim().is_empty())
        .ok_or_else(|| format!("the post needs a title\n{USAGE}"))?;
    Ok(Some(Request {
        title: title.trim().to_owned(),
        lang,
        translate,
        content,
        today: today(),
    }))
}

fn main() -> ExitCode {
    let request = match parse(std::env::args().skip(1)) {
        Ok(Some(request)) => request,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(err) => {
            eprintln!("new-post: {err}");
            return ExitCode::from(2);
        }
    };
    match write(&request) {
        Ok(file) => {
            println!("{}", file.display());
            eprintln!(
                "new-post: wrote {} (a draft: `bash .ci/serve` shows it; remove `draft: true` to publish it)",
                file.display()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("new-post: {err}");
            ExitCode::FAILURE
        }
    }
}
