//! The pixel size of an image file, for the `width` and `height` that keep
//! its place on the page while it loads: read from the header of raster
//! formats (`imagesize`), and from the root element of an SVG.

use std::path::Path;

/// The size `path` shows at by itself; `None` for a file that is no image,
/// or an SVG that states no absolute size.
pub fn of(path: &Path) -> Option<(u32, u32)> {
    if is_svg(path) {
        return svg(&std::fs::read_to_string(path).ok()?);
    }
    let size = imagesize::size(path).ok()?;
    Some((
        u32::try_from(size.width).unwrap_or(u32::MAX),
        u32::try_from(size.height).unwrap_or(u32::MAX),
    ))
}

/// Whether the file is named as an SVG.
pub fn is_svg(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("svg"))
}

/// The size of an SVG document, as a browser shows it in an `<img>`: its
/// root's `width` and `height` in absolute units, one of them derived from
/// the `viewBox` where only the other is given. `None` where neither is: the
/// image then fills the column, so no size can be stated.
pub fn svg(text: &str) -> Option<(u32, u32)> {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let document = roxmltree::Document::parse_with_options(text, options).ok()?;
    let root = document.root_element();
    if root.tag_name().name() != "svg" {
        return None;
    }
    let width = root.attribute("width").and_then(length);
    let height = root.attribute("height").and_then(length);
    let ratio = root.attribute("viewBox").and_then(view_box_ratio);
    let (width, height) = match (width, height, ratio) {
        (Some(width), Some(height), _) => (width, height),
        (Some(width), None, Some(ratio)) => (width, width / ratio),
        (None, Some(height), Some(ratio)) => (height * ratio, height),
        _ => return None,
    };
    let pixels = |length: f64| (length.round() >= 1.0).then(|| length.round().min(1e6) as u32);
    Some((pixels(width)?, pixels(height)?))
}

/// An absolute CSS length in pixels: `240`, `240px`, `12pt`, `2.5in`…;
/// `None` for relative ones (`100%`, `2em`).
fn length(value: &str) -> Option<f64> {
    let value = value.trim();
    let split = value
        .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | '+' | '-' | 'e' | 'E')))
        .unwrap_or(value.len());
    let (number, unit) = value.split_at(split);
    let per_unit = match unit.trim() {
        "" | "px" => 1.0,
        "pt" => 96.0 / 72.0,
        "pc" => 16.0,
        "in" => 96.0,
        "cm" => 96.0 / 2.54,
        "mm" => 96.0 / 25.4,
        _ => return None,
    };
    let number: f64 = number.parse().ok()?;
    (number.is_finite() && number > 0.0).then_some(number * per_unit)
}

/// Width over height of a `viewBox="min-x min-y width height"`.
fn view_box_ratio(value: &str) -> Option<f64> {
    let numbers: Vec<f64> = value
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|part| !part.is_empty())
        .map(str::parse)
        .collect::<Result<_, _>>()
        .ok()?;
    let [_, _, width, height] = numbers[..] else {
        return None;
    };
    (width > 0.0 && height > 0.0 && (width / height).is_finite()).then_some(width / height)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_folder::Folder;

    fn svg_with(attributes: &str) -> String {
        format!("<svg xmlns=\"http://www.w3.org/2000/svg\" {attributes}><rect/></svg>")
    }

    fn assert_sizes(cases: &[(&str, (u32, u32))]) {
        for (attributes, size) in cases {
            assert_eq!(svg(&svg_with(attributes)), Some(*size), "{attributes}");
        }
    }

    #[test]
    fn an_svg_s_stated_width_and_height_are_its_size() {
        assert_sizes(&[
            ("width=\"240\" height=\"80\"", (240, 80)),
            ("width=\"240px\" height=\" 80.4px \"", (240, 80)),
            ("width=\"72pt\" height=\"1in\"", (96, 96)),
            ("width=\"2.54cm\" height=\"25.4mm\"", (96, 96)),
        ]);
    }

    #[test]
    fn one_side_and_a_view_box_give_the_other() {
        assert_sizes(&[
            ("width=\"300\" viewBox=\"0 0 600 200\"", (300, 100)),
            ("height=\"50\" viewBox=\"0,0,400,100\"", (200, 50)),
        ]);
    }

    #[test]
    fn an_svg_that_fills_its_column_has_no_size_to_state() {
        for attributes in [
            "viewBox=\"0 0 600 200\"",
            "width=\"100%\" height=\"100%\" viewBox=\"0 0 600 200\"",
            "width=\"20em\" height=\"10em\"",
            "width=\"0\" height=\"80\"",
            "width=\"-5\" height=\"80\"",
            "width=\"240\" viewBox=\"0 0 0 0\"",
            "width=\"240\" viewBox=\"nonsense\"",
            "",
        ] {
            assert_eq!(svg(&svg_with(attributes)), None, "{attributes}");
        }
    }

    #[test]
    fn only_an_svg_document_has_an_svg_size() {
        assert_eq!(svg("<html width=\"240\" height=\"80\"/>"), None);
        assert_eq!(svg("<svg width=\"240\" height=\"80\""), None);
        assert_eq!(svg(""), None);
        let with_doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \
            \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n\
            <svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"20\"/>";
        assert_eq!(svg(with_doctype), Some((10, 20)));
    }

    #[test]
    fn files_are_read_by_their_kind() {
        let folder = Folder::new("image-size");
        let svg_file = folder.write(
            "chart.SVG",
            svg_with("width=\"240\" height=\"80\"").as_bytes(),
        );
        let text = folder.write("notes.txt", b"not an image");
        assert_eq!(of(&svg_file), Some((240, 80)));
        assert_eq!(of(&text), None);
        assert_eq!(of(&folder.0.join("missing.svg")), None);
    }
}
