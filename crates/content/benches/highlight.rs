//! What highlighting costs a build: reading the grammars once, then the
//! time per block of a post with 62 fenced blocks (the blocks of
//! `tests/fixtures/content/code-in-every-language`, in turn, each made
//! distinct), and per MB of Rust (the 2,000-line block of
//! `tests/fixtures/content/a-long-code-block`, repeated to a megabyte).
//!
//! `cargo bench -p blog-content --bench highlight [-- OUT]` also writes the
//! 62-block post into `OUT/with/code-heavy/en.md`, and the same post with
//! no language on its fences (drawn plain, nothing highlighted) into
//! `OUT/without/`, for `benches/highlight.sh` to publish both.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use blog_content::highlight::{Block, blocks, highlight, language};

/// Fenced blocks in the post written and timed.
const BLOCKS: usize = 62;
/// Timed runs of each measurement; the median is shown.
const RUNS: usize = 7;

fn main() {
    let out = std::env::args()
        .skip(1)
        .find(|arg| !arg.starts_with("--"))
        .map(PathBuf::from);
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/content");

    let start = Instant::now();
    let _ = language("rust");
    println!("grammars read: {:.1} ms", ms(start.elapsed()));

    let every = body(&fixtures.join("code-in-every-language/en.md"));
    let languages = blocks(&every);
    assert!(!languages.is_empty(), "the fixture has code blocks");
    let post: Vec<Block> = (0..BLOCKS)
        .map(|n| {
            let block = &languages[n % languages.len()];
            Block {
                language: block.language.clone(),
                // A line of its own makes every block distinct, as a post's
                // blocks are.
                code: format!("{}v{n}\n", block.code),
                offset: 0,
            }
        })
        .collect();
    let bytes: usize = post.iter().map(|block| block.code.len()).sum();
    // The first run compiles each grammar's patterns, as every publish does
    // once; later runs find them compiled.
    let start = Instant::now();
    highlight(post.clone());
    let first = start.elapsed();
    let time = median(|| {
        let highlights = highlight(post.clone());
        assert!(
            highlights
                .iter()
                .all(|highlight| !highlight.runs.is_empty()),
            "every block is highlighted"
        );
    });
    println!(
        "{BLOCKS} blocks ({} languages, {bytes} bytes): first {:.1} ms, then {:.1} ms, {:.2} ms a block, {:.0} ms per MB",
        languages.len(),
        ms(first),
        ms(time),
        ms(time) / BLOCKS as f64,
        ms(time) / (bytes as f64 / 1e6)
    );

    let long = blocks(&body(&fixtures.join("a-long-code-block/en.md")));
    let long = long.first().expect("the fixture has its block");
    let mut code = String::new();
    while code.len() < 1_000_000 {
        code.push_str(&long.code);
    }
    let megabyte = vec![Block {
        language: long.language.clone(),
        code,
        offset: 0,
    }];
    let mb = megabyte[0].code.len() as f64 / 1e6;
    let time = median(|| {
        assert!(!highlight(megabyte.clone())[0].runs.is_empty());
    });
    println!(
        "{} ({:.2} MB, {} lines): {:.0} ms, {:.0} ms per MB",
        long.language,
        mb,
        megabyte[0].code.lines().count(),
        ms(time),
        ms(time) / mb
    );

    if let Some(out) = out {
        write_post(&out.join("with"), &post, true);
        write_post(&out.join("without"), &post, false);
        println!("wrote {}/{{with,without}}/code-heavy/en.md", out.display());
    }
}

/// The Markdown after a post file's front matter.
fn body(file: &Path) -> String {
    let text = fs::read_to_string(file).unwrap_or_else(|err| panic!("{}: {err}", file.display()));
    let end = text[3..].find("\n---\n").expect("front matter") + 3 + 5;
    text[end..].to_owned()
}

fn median(mut run: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn ms(time: Duration) -> f64 {
    time.as_secs_f64() * 1e3
}

/// A content folder with the post, its fences with their languages or
/// without (so that nothing is highlighted and the rest is the same).
fn write_post(content: &Path, post: &[Block], languages: bool) {
    let folder = content.join("code-heavy");
    fs::create_dir_all(&folder).expect("the bench's folder");
    let mut text = String::from(
        "---\ntitle: \"Code Heavy\"\ndescription: \"Sixty-two code blocks, to time highlighting.\"\ndate: 2026-01-03\n---\n",
    );
    for (n, block) in post.iter().enumerate() {
        let info = if languages {
            block.language.as_str()
        } else {
            ""
        };
        text.push_str(&format!(
            "\nStep {n}, in {}:\n\n`````{info}\n{}`````\n",
            block.language, block.code
        ));
    }
    fs::write(folder.join("en.md"), text).expect("the bench's post");
}
