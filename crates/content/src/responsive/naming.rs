//! Which images get variants, at which widths and sizes, and what their
//! files are called.

use super::WIDTHS;

/// Whether the file at `relative` gets variants, by its name: JPEG and PNG
/// do; SVG scales by itself, a GIF may move, a WebP is small already.
pub fn takes_variants(relative: &str) -> bool {
    let Some((_, extension)) = file_name(relative).rsplit_once('.') else {
        return false;
    };
    ["jpg", "jpeg", "png"]
        .iter()
        .any(|kind| extension.eq_ignore_ascii_case(kind))
}

/// The widths of the variants of an image `source_width` pixels wide: those
/// of [`WIDTHS`] it reaches, and its own width when it is narrower than the
/// widest and not among them.
pub fn widths(source_width: u32) -> Vec<u32> {
    let mut widths: Vec<u32> = WIDTHS
        .into_iter()
        .filter(|&width| width <= source_width)
        .collect();
    if source_width < WIDTHS[WIDTHS.len() - 1] && !widths.contains(&source_width) {
        widths.push(source_width);
    }
    widths
}

/// The height of a `source_width`×`source_height` image scaled to `width`:
/// rounded to the nearest pixel, at least one.
pub fn height_for(source_width: u32, source_height: u32, width: u32) -> u32 {
    let (source_width, source_height, width) = (
        u64::from(source_width.max(1)),
        u64::from(source_height),
        u64::from(width),
    );
    let height = (2 * source_height * width + source_width) / (2 * source_width);
    u32::try_from(height).unwrap_or(u32::MAX).max(1)
}

/// Where the variant `width` pixels wide of the image at `relative` goes:
/// its extension replaced, `img/chart.png` → `img/chart.800.webp`. So
/// `cover.jpg` and `cover.png` in one folder would share their variants'
/// names; the content check rejects that (`post_dir.rs`).
pub fn variant_path(relative: &str, width: u32) -> String {
    format!("{}.{width}.webp", variant_stem(relative))
}

/// The image at `relative` without its extension, which its variants'
/// names start with: `img/chart.png` → `img/chart`.
pub fn variant_stem(relative: &str) -> &str {
    let name = file_name(relative);
    let folder_len = relative.len() - name.len();
    match name.rfind('.') {
        Some(dot) if dot > 0 => &relative[..folder_len + dot],
        _ => relative,
    }
}

/// The image whose variant `relative` would be, by name (`x.480.webp` →
/// `x`), if it has a variant's name.
pub fn variant_of(relative: &str) -> Option<&str> {
    let (stem, width) = relative.strip_suffix(".webp")?.rsplit_once('.')?;
    let is_width = !width.is_empty() && width.bytes().all(|byte| byte.is_ascii_digit());
    (is_width && !file_name(stem).is_empty()).then_some(stem)
}

/// The last part of a `/`-separated path.
pub(super) fn file_name(relative: &str) -> &str {
    relative.rsplit('/').next().unwrap_or(relative)
}
