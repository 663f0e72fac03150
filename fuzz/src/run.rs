//! The fuzzing commands' common frame: numbers from the environment
//! (`FUZZ_CASES`, `FUZZ_SEED`), and a run of consecutive seeds split over
//! the machine's cores, timed, with every worker's failure collected.

use std::time::Instant;

/// The number in environment variable `name` (`1_000_000` and `1,000,000`
/// are read too), or `default` when it is not set.
pub fn env_number(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(value) => value
            .replace(['_', ','], "")
            .parse()
            .unwrap_or_else(|_| panic!("{name}={value:?} is not a number")),
        Err(_) => default,
    }
}

/// Runs `cases` seeds from `seed` on through `run(first_seed, count,
/// thread)` on every core, prints the count and rate under `what`, and
/// fails with every worker's failure.
pub fn on_every_core(
    what: &str,
    cases: u64,
    seed: u64,
    run: impl Fn(u64, u64, u64) -> Result<(), String> + Sync,
) {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get() as u64);
    let started = Instant::now();
    // Panics are caught and reported per input; the default hook would
    // print each one as it happens, shrinking included.
    std::panic::set_hook(Box::new(|_| {}));
    let per_thread = cases.div_ceil(threads);
    let run = &run;
    let failures: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|thread| {
                let from = seed + thread * per_thread;
                let count = per_thread.min((seed + cases).saturating_sub(from));
                scope.spawn(move || run(from, count, thread))
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
        "{what}: {cases} inputs from seed {seed} on {threads} threads in {seconds:.1} s ({:.0} inputs/s)",
        cases as f64 / seconds
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
