//! Hands the site's URL (`BLOG_URL`) to the compiler; the content library
//! checks it (`crates/model/src/build_script.rs`). The posts are not
//! compiled in: Trunk's post-build hook publishes them as data files.

use std::process::ExitCode;

fn main() -> ExitCode {
    match blog_model::build_script::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}
