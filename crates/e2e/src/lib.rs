//! The browser harness: a static server for a built site with faults to
//! play, a WebDriver server and a fresh browser per test, in Chromium,
//! Firefox or WebKit. The browser tests (`tests/browser/`) and the browser
//! benchmarks (`benches/`) stand on it.

pub mod fault;
pub mod harness;
