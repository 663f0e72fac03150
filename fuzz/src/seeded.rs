//! What every fuzzing target shares: a small seeded generator, so that a
//! failing seed replays; a shrinker that cuts a failing input, kept as the
//! pieces it was built from, down to the pieces that still fail; and a
//! panic's message. Shared by the Markdown mapping's fuzzing and the content
//! checker's.

/// A small, fast, seeded generator (SplitMix64): enough for test inputs.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

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
