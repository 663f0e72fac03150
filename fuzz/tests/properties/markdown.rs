//! The Markdown mapping's fuzzing property (`src/markdown.rs`) on a few
//! thousand random inputs in every test run, and on each input fuzzing ever
//! found wrong, as a regression test. `bash benches/fuzz.sh` runs a million.

use blog_fuzz::{allow_list, markdown};

#[test]
fn two_thousand_random_inputs_render_without_panics_and_only_allowed_markup() {
    std::panic::set_hook(Box::new(|_| {}));
    let outcome = markdown::run(1 << 40, 2_000);
    let _ = std::panic::take_hook();
    if let Err(failure) = outcome {
        panic!("{failure}");
    }
}

#[test]
fn the_property_catches_live_markup_and_unsafe_urls() {
    for rendered in [
        "<p><script>alert(1)</script></p>",
        "<img src=\"x\" onerror=\"alert(1)\">",
        "<a href=\"java\tscript:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<img src=\" data:image/svg+xml,x\">",
        "<p><iframe srcdoc=\"x\"></iframe></p>",
        "<p>unclosed",
        "<input type=\"text\">",
    ] {
        assert!(allow_list::check(rendered).is_err(), "{rendered}");
    }
    assert_eq!(
        allow_list::check("<p><a href=\"/de/\" title=\"t\">x</a><!></p>"),
        Ok(())
    );
}
