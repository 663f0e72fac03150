//! The fuzzers' properties on a few thousand random inputs in every test
//! run, and each input fuzzing ever found wrong, as regression tests.

mod content;
mod markdown;
