//! The app's native integration tests, as one binary: the Markdown mapping
//! against the CommonMark and extension specs and against the XSS corpus,
//! the layer test of `src/`, and the contrast of the colours in `style/`. The fuzzers' properties are in `fuzz/`;
//! the browser tests in `crates/e2e`.

mod layers;
mod markdown_spec;
mod markdown_xss;
mod palette;
