//! What responsive image variants cost a build: the variants of one image
//! (the seed post's cover unless a path is given) and their sizes, then the
//! time per cover to encode distinct covers into an empty cache (cold), and
//! to publish 1,000 covers from a full one (warm), on one thread and on all.
//!
//! `cargo bench -p blog-content --bench responsive [-- IMAGE [COVERS]]`
//! (COVERS: how many distinct covers to encode cold, 20 unless given). Add
//! `--profile dev` for the unoptimised code a build script runs by default.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use blog_content::responsive::{Cache, Job, write_all, write_variants};

/// Covers published from the cache in the warm runs.
const WARM_COVERS: usize = 1000;

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with("--"))
        .collect();
    let image = args.first().map_or_else(
        || {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../content/serverless-edge-computing/cover.jpg")
        },
        PathBuf::from,
    );
    let covers: usize = args
        .get(1)
        .map_or(20, |count| count.parse().expect("COVERS is a number"));
    let threads = std::thread::available_parallelism().map_or(1, |count| count.get());
    let work = std::env::temp_dir().join(format!("blog-responsive-bench-{}", std::process::id()));
    let _ = fs::remove_dir_all(&work);

    let sources = distinct_copies(&image, covers, &work.join("content"));
    let sizes = write_variants(
        &image,
        "cover.jpg",
        &work.join("sizes"),
        &Cache::new(work.join("sizes-cache")),
    )
    .unwrap_or_else(|err| panic!("{err}"));
    let original = &sizes.original;
    println!(
        "{}: {}×{}, {} bytes",
        image.display(),
        original.width,
        original.height,
        original.bytes
    );
    for variant in &sizes.variants {
        println!(
            "  {:>16}  {:>4}×{:<4}  {:>7} bytes  {:>3} % of the original",
            variant.path,
            variant.width,
            variant.height,
            variant.bytes,
            variant.bytes * 100 / original.bytes
        );
    }

    for run_threads in [1, threads] {
        let cache = Cache::new(work.join(format!("cache-{run_threads}")));
        let covers_jobs = jobs(&sources, covers, &work.join(format!("cold-{run_threads}")));
        let times = time(|| check(write_all(&covers_jobs, &cache, run_threads)));
        assert_eq!(cache.reused(), 0);
        report("cold", covers, run_threads, times);

        let encoded = cache.encoded();
        let warm_jobs = jobs(
            &sources,
            WARM_COVERS,
            &work.join(format!("warm-{run_threads}")),
        );
        let times = time(|| check(write_all(&warm_jobs, &cache, run_threads)));
        assert_eq!(cache.encoded(), encoded, "a warm run encodes nothing");
        report("warm", WARM_COVERS, run_threads, times);
    }
    let _ = fs::remove_dir_all(&work);
}

/// `count` copies of `image` that differ in their bytes but not their
/// pixels (a JPEG or PNG decoder ignores what follows its end marker), so
/// that each has its own cache key.
fn distinct_copies(image: &Path, count: usize, dir: &Path) -> Vec<PathBuf> {
    let bytes = fs::read(image).unwrap_or_else(|err| panic!("{}: {err}", image.display()));
    (0..count.max(1))
        .map(|index| {
            let path = dir.join(format!("post-{index}")).join("cover.jpg");
            fs::create_dir_all(path.parent().expect("a folder")).expect("writable temp");
            let mut copy = bytes.clone();
            copy.extend_from_slice(format!("copy {index}").as_bytes());
            fs::write(&path, copy).expect("writable temp");
            path
        })
        .collect()
}

/// `count` covers, one a post, taken from `sources` in turn.
fn jobs(sources: &[PathBuf], count: usize, site: &Path) -> Vec<Job> {
    (0..count)
        .map(|index| Job {
            source: sources[index % sources.len()].clone(),
            relative: "cover.jpg".to_owned(),
            out_dir: site.join(format!("post-{index}")),
        })
        .collect()
}

fn check<T, E: std::fmt::Display>(results: Vec<Result<T, E>>) {
    for result in results {
        if let Err(err) = result {
            panic!("{err}");
        }
    }
}

/// The milliseconds `run` takes, on the clock and of the processor (all
/// threads'): on a machine shared with other work, the second is steadier.
fn time(run: impl FnOnce()) -> (f64, f64) {
    let (start, start_cpu) = (Instant::now(), cpu_ms());
    run();
    (start.elapsed().as_secs_f64() * 1000.0, cpu_ms() - start_cpu)
}

/// The processor time of this process so far (Linux's `/proc/self/stat`,
/// in ticks of 10 ms), or NaN elsewhere.
fn cpu_ms() -> f64 {
    let Ok(stat) = fs::read_to_string("/proc/self/stat") else {
        return f64::NAN;
    };
    // The fields after the command's closing parenthesis; utime and stime
    // are the 14th and 15th of all.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks = |index: usize| {
        fields
            .get(index)
            .and_then(|field| field.parse::<f64>().ok())
    };
    match (ticks(11), ticks(12)) {
        (Some(user), Some(system)) => (user + system) * 10.0,
        _ => f64::NAN,
    }
}

fn report(kind: &str, covers: usize, threads: usize, (ms, cpu_ms): (f64, f64)) {
    let per_cover = |ms: f64| ms / covers as f64;
    println!(
        "{kind}, {threads} thread{}: {covers} covers in {ms:.0} ms, {:.2} ms a cover ({:.2} ms of processor time)",
        if threads == 1 { "" } else { "s" },
        per_cover(ms),
        per_cover(cpu_ms)
    );
}
