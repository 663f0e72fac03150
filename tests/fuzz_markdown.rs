//! Property-based fuzzing of the Markdown mapping, outside the default test
//! run: `FUZZ_CASES` random inputs (default 1,000,000) from `FUZZ_SEED`
//! (default 0), split over the machine's cores, each checked for no panic
//! and only allowed elements, attributes and URLs in the HTML (see
//! `tests/support/fuzz.rs`). Run it with `bash benches/fuzz.sh`; a
//! failure prints the seed and the shrunk input, which then becomes a
//! regression test in `tests/markdown_properties.rs`.

#[path = "support/allow_list.rs"]
mod allow_list;
#[path = "support/fuzz.rs"]
mod fuzz;
#[path = "support/html.rs"]
mod html;
#[path = "support/url_policy.rs"]
mod url_policy;

use std::time::Instant;

fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(value) => value
            .replace(['_', ','], "")
            .parse()
            .unwrap_or_else(|_| panic!("{name}={value:?} is not a number")),
        Err(_) => default,
    }
}

#[test]
fn random_markdown_renders_without_panics_and_only_allowed_markup() {
    let cases = env_number("FUZZ_CASES", 1_000_000);
    let seed = env_number("FUZZ_SEED", 0);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get() as u64);
    let started = Instant::now();
    // Panics are caught and reported per input; the default hook would
    // print each one as it happens, shrinking included.
    std::panic::set_hook(Box::new(|_| {}));
    let per_thread = cases.div_ceil(threads);
    let failures: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|thread| {
                let from = seed + thread * per_thread;
                let count = per_thread.min((seed + cases).saturating_sub(from));
                scope.spawn(move || fuzz::run(from, count))
            })
            .collect();
        workers
            .into_iter()
            .filter_map(|worker| worker.join().expect("a worker thread ends").err())
            .collect()
    });
    let _ = std::panic::take_hook();
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{cases} inputs from seed {seed} on {threads} threads in {seconds:.1} s ({:.0} inputs/s)",
        cases as f64 / seconds
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
