//! Where encoded variants are kept between builds: a folder of files named
//! by the SHA-256 of the encoder's settings, the source's bytes and the
//! width, so that an unchanged image is never encoded twice.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use sha2::{Digest, Sha256};

use super::{ImageErrorKind, METHOD, QUALITY};

/// What shapes a variant's bytes besides the source and the width; part of
/// every cache key, so that changing any of it encodes everything again.
/// The last number counts changes to the processing itself.
pub(super) fn settings() -> String {
    format!("webp q{QUALITY} m{METHOD}, lanczos3, exif orientation, 1")
}

/// A folder of encoded variants, each named by its key (the SHA-256 of the
/// settings, the source's bytes and the width): `<key>.webp`. A file in it
/// is never changed once there, so builds running at once may share it; it
/// may be emptied between builds, and is never pruned: an image edited
/// leaves its old variants behind. Counts what it saved; shared by threads
/// (it is `Sync`).
#[derive(Debug)]
pub struct Cache {
    dir: PathBuf,
    pub(super) encoded: AtomicUsize,
    pub(super) reused: AtomicUsize,
}

impl Cache {
    /// A cache in `dir`, made when first written to.
    pub fn new(dir: impl Into<PathBuf>) -> Cache {
        Cache {
            dir: dir.into(),
            encoded: AtomicUsize::new(0),
            reused: AtomicUsize::new(0),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Variants encoded through this value so far.
    pub fn encoded(&self) -> usize {
        self.encoded.load(Ordering::Relaxed)
    }

    /// Variants found in the cache through this value so far.
    pub fn reused(&self) -> usize {
        self.reused.load(Ordering::Relaxed)
    }

    pub(super) fn file(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.webp"))
    }

    /// Writes `bytes` as `file`, all at once: under another name first, so
    /// that a build reading it at the same time never sees half of it.
    pub(super) fn store(&self, file: &Path, bytes: &[u8]) -> Result<(), ImageErrorKind> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let unique = NEXT.fetch_add(1, Ordering::Relaxed);
        let temporary = file.with_extension(format!("{}-{unique}.tmp", std::process::id()));
        fs::create_dir_all(&self.dir)
            .and_then(|()| fs::write(&temporary, bytes))
            .and_then(|()| fs::rename(&temporary, file))
            .map_err(|err| {
                let _ = fs::remove_file(&temporary);
                ImageErrorKind::Write(file.to_owned(), err)
            })
    }
}

/// The hash of the settings and the source, to which each width is added.
pub(super) fn key_prefix(source: &[u8]) -> Sha256 {
    let mut hasher = Sha256::new();
    hasher.update(settings().as_bytes());
    hasher.update([0]);
    hasher.update(source);
    hasher
}

/// A variant's cache key, in hex.
pub(super) fn key(prefix: &Sha256, width: u32) -> String {
    let mut hasher = prefix.clone();
    hasher.update(width.to_le_bytes());
    hasher
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}
