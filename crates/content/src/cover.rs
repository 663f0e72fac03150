//! A cover named in front matter must be an image file in the post's folder.

use std::path::Path;

use crate::diagnostic::{Diagnostic, Location};
use crate::front_matter::CoverRef;

/// Checks the cover of the translation shown as `shown`, in the post folder
/// `dir` (shown as `shown_dir`).
pub fn check(shown: &str, dir: &Path, shown_dir: &str, cover: &CoverRef) -> Result<(), Diagnostic> {
    let path = dir.join(&cover.path);
    let named = cover.path.to_string_lossy().replace('\\', "/");
    let at = Location::line(shown, cover.line);
    if !path.is_file() {
        return Err(Diagnostic::error(
            at,
            format!("the cover `{named}` does not exist in {shown_dir}/"),
        )
        .help("check the file name, or add the image to the post's folder"));
    }
    imagesize::size(&path).map(|_| ()).map_err(|err| {
        Diagnostic::error(at, format!("the cover `{named}` is not an image ({err})"))
            .help("use a JPEG, PNG, WebP, GIF or SVG file")
    })
}
