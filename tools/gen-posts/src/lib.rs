//! What gen-posts lends other test tools: its seeded generator, so that the
//! fuzzers draw their inputs from the same one.

pub mod seeded;
