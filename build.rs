//! Turns `content/` into the post index compiled into the app and the static
//! files served beside it; all of it is the content library's
//! (`crates/content/src/build_script.rs`). A bad post fails the build with
//! `path:line:column: reason` for every problem.

use std::process::ExitCode;

fn main() -> ExitCode {
    match blog_content::build_script::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
