//! The colours of `style/main.css`: every token class of highlighted code
//! has a colour in both themes, and each is legible on the code blocks'
//! background (WCAG AA, 4.5:1 for text).

use blog_model::code::TOKEN_CLASSES;

const CSS: &str = include_str!("../style/main.css");

/// WCAG's minimum contrast for body text.
const AA: f64 = 4.5;

/// The light and dark colours of the custom property `name`
/// (`--name: light-dark(#light, #dark);`).
fn pair(name: &str) -> (String, String) {
    let start = CSS
        .find(&format!("--{name}: light-dark("))
        .unwrap_or_else(|| panic!("--{name} is not a light-dark() pair in style/main.css"));
    let rest = &CSS[start..];
    let inner = &rest[rest.find('(').unwrap() + 1..rest.find(')').unwrap()];
    let (light, dark) = inner.split_once(',').unwrap();
    (light.trim().to_owned(), dark.trim().to_owned())
}

/// The relative luminance of `#rrggbb`.
fn luminance(hex: &str) -> f64 {
    let hex = hex.strip_prefix('#').filter(|hex| hex.len() == 6);
    let hex = hex.unwrap_or_else(|| panic!("{hex:?} is not #rrggbb"));
    let channel = |at: usize| {
        let value = f64::from(u8::from_str_radix(&hex[at..at + 2], 16).unwrap()) / 255.0;
        if value <= 0.039_28 {
            value / 12.92
        } else {
            ((value + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (a, b) = (luminance(a), luminance(b));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

#[test]
fn every_token_class_is_legible_on_code_in_both_themes() {
    let (light_bg, dark_bg) = pair("surface");
    let mut lowest = (f64::MAX, String::new());
    for (letter, what) in TOKEN_CLASSES {
        assert!(
            CSS.contains(&format!(".t{letter} {{ color: var(--token-{letter});")),
            "no rule for .t{letter} ({what})"
        );
        let (light, dark) = pair(&format!("token-{letter}"));
        for (theme, color, background) in [("light", light, &light_bg), ("dark", dark, &dark_bg)] {
            let ratio = contrast(&color, background);
            assert!(
                ratio >= AA,
                "{what} (.t{letter}) is {color} on {background} in the {theme} theme: {ratio:.2}:1, below {AA}:1"
            );
            if ratio < lowest.0 {
                lowest = (ratio, format!("{what} in the {theme} theme"));
            }
        }
    }
    println!("lowest contrast: {:.2}:1, {}", lowest.0, lowest.1);
}

#[test]
fn the_text_colours_are_legible_in_both_themes() {
    let (light_bg, dark_bg) = pair("bg");
    for name in ["text", "muted", "accent", "accent-strong"] {
        let (light, dark) = pair(name);
        for (color, background) in [(light, &light_bg), (dark, &dark_bg)] {
            let ratio = contrast(&color, background);
            assert!(
                ratio >= AA,
                "--{name} {color} on {background}: {ratio:.2}:1"
            );
        }
    }
}

#[test]
fn marked_text_is_legible_in_both_themes() {
    let (light_bg, dark_bg) = pair("mark-bg");
    let (light, dark) = pair("mark-text");
    for (color, background) in [(light, &light_bg), (dark, &dark_bg)] {
        let ratio = contrast(&color, background);
        assert!(
            ratio >= AA,
            "--mark-text {color} on {background}: {ratio:.2}:1"
        );
    }
}

#[test]
fn contrast_is_computed_as_wcag_defines_it() {
    assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
    assert!((contrast("#777777", "#ffffff") - 4.48).abs() < 0.01);
}
