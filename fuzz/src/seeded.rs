//! What every fuzzing target shares: a small seeded generator, so that a
//! failing seed replays; a shrinker that cuts a failing input, kept as the
//! pieces it was built from, down to the pieces that still fail; and a
//! panic's message. Shared by the Markdown mapping's fuzzing and the content
//! checker's.

/// The seeded generator gen-posts writes posts with: a failing seed
/// replays.
pub use gen_posts::seeded::Rng;

/// Cuts a failing input down to pieces that still fail: drops each piece in
/// turn while `fails` holds.
pub fn shrink<T: Clone>(mut pieces: Vec<T>, fails: impl Fn(&[T]) -> bool) -> Vec<T> {
    let mut i = 0;
    while i < pieces.len() {
        let mut smaller = pieces.clone();
        smaller.remove(i);
        if fails(&smaller) {
            pieces = smaller;
        } else {
            i += 1;
        }
    }
    pieces
}

/// The message a caught panic carried.
pub fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|text| (*text).to_owned()))
        .unwrap_or_else(|| "(no message)".to_owned())
}
