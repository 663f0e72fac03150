//! Smaller copies of a post's photos, for phones: a JPEG or PNG is published
//! beside itself as lossy WebP at the widths the layout needs
//! (`cover.480.webp`, `cover.800.webp`, `cover.1200.webp`), never wider than
//! the original, for `<img srcset>` to choose from. Other files (SVG, GIF,
//! WebP) stay as they are: see [`takes_variants`].
//!
//! Encoding is the slow part (tens of milliseconds a variant), so each
//! variant is kept in a content-addressed [`Cache`], named by the SHA-256 of
//! the source's bytes, the width and the encoder settings: a rebuild of an
//! unchanged image reads its header and links the cached files into the
//! site (copies them where links are not possible), without
//! decoding or encoding anything. [`write_all`] spreads a set of images over
//! threads.
//!
//! A variant holds pixels only: a photo's Exif orientation is applied to it,
//! and its Exif data (camera, place) and colour profile are left out, so a
//! photo in a wider colour space than sRGB (Display P3, from a phone) shows
//! a little duller in its variants than in the original.

mod cache;
mod codec;
mod naming;

use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use image::ImageDecoder;

pub use cache::Cache;
pub use naming::{height_for, takes_variants, variant_of, variant_path, variant_stem, widths};

use cache::{key, key_prefix};
use codec::{decode, encode, open, upright};

/// The widths the layout asks for, narrowest first: a phone's column (390
/// CSS px, so 480 at 1× and 800 at 2×) and the widest column at 2×.
pub const WIDTHS: [u32; 3] = [480, 800, 1200];

/// libwebp's quality, 0 to 100 (`cwebp -q`).
pub const QUALITY: f32 = 78.0;

/// libwebp's effort, 0 (fastest) to 6 (smallest); 4 is its default, and 6
/// saves some 5 % for five times the time.
pub const METHOD: i32 = 4;

/// One WebP file written beside the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Relative to the post's folder, like the original's: `img/chart.800.webp`.
    pub path: String,
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
}

/// The source image, as the original is published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Original {
    /// Relative to the post's folder: `cover.jpg`.
    pub path: String,
    /// The size it shows at: turned upright when its Exif data says so.
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
}

/// What [`write_variants`] wrote for one image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variants {
    pub original: Original,
    /// Narrowest first; never empty.
    pub variants: Vec<Variant>,
}

/// Why an image got no variants.
#[derive(Debug)]
pub struct ImageError {
    /// The source image, as given.
    pub file: PathBuf,
    pub kind: ImageErrorKind,
}

#[derive(Debug)]
pub enum ImageErrorKind {
    Read(io::Error),
    /// Its bytes are not a JPEG or a PNG (whatever its name says).
    Unsupported,
    /// A JPEG or PNG that cannot be decoded: corrupt, or a PNG cut short.
    /// (A JPEG cut short within its pixels is decoded as far as it goes,
    /// the rest grey, as browsers show it.)
    Decode(image::ImageError),
    /// A variant of this width and height cannot be made.
    Encode {
        width: u32,
        height: u32,
        reason: String,
    },
    /// A file in the cache or beside the original could not be written.
    Write(PathBuf, io::Error),
}

impl fmt::Display for ImageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.file.display())?;
        match &self.kind {
            ImageErrorKind::Read(err) => write!(f, "cannot read the image: {err}"),
            ImageErrorKind::Unsupported => {
                f.write_str("not a JPEG or PNG image, the only kinds that get smaller copies")
            }
            ImageErrorKind::Decode(err) => write!(f, "the image is damaged: {err}"),
            ImageErrorKind::Encode {
                width,
                height,
                reason,
            } => write!(f, "cannot make a {width}×{height} WebP of it: {reason}"),
            ImageErrorKind::Write(path, err) => write!(f, "cannot write {}: {err}", path.display()),
        }
    }
}

impl std::error::Error for ImageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ImageErrorKind::Read(err) | ImageErrorKind::Write(_, err) => Some(err),
            ImageErrorKind::Decode(err) => Some(err),
            ImageErrorKind::Unsupported | ImageErrorKind::Encode { .. } => None,
        }
    }
}

/// Writes the variants of the image `source`, published as `relative`
/// (`/`-separated) in the folder `out_dir`, beside it in that folder, and
/// says what they are. Encodes only what `cache` lacks; the rest is copied
/// from it. Takes only shared references, so threads may call it at once
/// (see [`write_all`]), also for the same image.
pub fn write_variants(
    source: &Path,
    relative: &str,
    out_dir: &Path,
    cache: &Cache,
) -> Result<Variants, ImageError> {
    let fail = |kind| ImageError {
        file: source.to_owned(),
        kind,
    };
    let bytes = fs::read(source).map_err(|err| fail(ImageErrorKind::Read(err)))?;
    let (decoder, orientation) = open(&bytes).map_err(fail)?;
    let (width, height) = upright(decoder.dimensions(), orientation);
    let planned = plan(&bytes, (width, height), cache);

    let missing: Vec<&Planned> = planned
        .iter()
        .filter(|variant| !variant.cached.is_file())
        .collect();
    if !missing.is_empty() {
        let pixels = decode(decoder, orientation).map_err(fail)?;
        for variant in &missing {
            let webp = encode(&pixels, variant.width, variant.height).map_err(fail)?;
            cache.store(&variant.cached, &webp).map_err(fail)?;
        }
    }
    cache.encoded.fetch_add(missing.len(), Ordering::Relaxed);
    cache
        .reused
        .fetch_add(planned.len() - missing.len(), Ordering::Relaxed);

    let variants = planned
        .into_iter()
        .map(|variant| publish(variant, relative, out_dir))
        .collect::<Result<_, _>>()
        .map_err(fail)?;
    Ok(Variants {
        original: Original {
            path: relative.to_owned(),
            width,
            height,
            bytes: bytes.len() as u64,
        },
        variants,
    })
}

/// One image for [`write_all`]: the arguments of [`write_variants`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    pub source: PathBuf,
    pub relative: String,
    pub out_dir: PathBuf,
}

/// [`write_variants`] for every job, on `threads` threads (at least one;
/// `std::thread::available_parallelism` is a fair choice). The results are
/// in the jobs' order; one image's error stops none of the others.
pub fn write_all(jobs: &[Job], cache: &Cache, threads: usize) -> Vec<Result<Variants, ImageError>> {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(job) = jobs.get(index) else {
                return done;
            };
            done.push((
                index,
                write_variants(&job.source, &job.relative, &job.out_dir, cache),
            ));
        }
    };
    // Each worker takes the next job in turn, so the results of all of
    // them, sorted by job, are the jobs' results in order.
    let mut results: Vec<(usize, Result<Variants, ImageError>)> = Vec::with_capacity(jobs.len());
    thread::scope(|scope| {
        let workers: Vec<_> = (0..threads.clamp(1, jobs.len().max(1)))
            .map(|_| scope.spawn(work))
            .collect();
        for worker in workers {
            let done = worker
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            results.extend(done);
        }
    });
    results.sort_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, result)| result).collect()
}

/// A variant to publish, and its file in the cache (there or not yet).
pub(super) struct Planned {
    width: u32,
    height: u32,
    cached: PathBuf,
}

/// The variants of the image of `bytes`, `(width, height)` pixels upright.
pub(super) fn plan(bytes: &[u8], (width, height): (u32, u32), cache: &Cache) -> Vec<Planned> {
    let prefix = key_prefix(bytes);
    widths(width)
        .into_iter()
        .map(|variant_width| Planned {
            width: variant_width,
            height: height_for(width, height, variant_width),
            cached: cache.file(&key(&prefix, variant_width)),
        })
        .collect()
}

/// Puts the cached file of `variant` of the image published as `relative`
/// into `out_dir`, replacing what is there: a hard link where the file
/// system allows it, else a copy.
pub(super) fn publish(
    variant: Planned,
    relative: &str,
    out_dir: &Path,
) -> Result<Variant, ImageErrorKind> {
    let path = variant_path(relative, variant.width);
    let target = out_dir.join(&path);
    // A link where the file system allows it (a cached file never changes):
    // a large blog's copies are not written again on every build.
    let copy = |target: &Path| {
        if let Some(folder) = target.parent() {
            fs::create_dir_all(folder)?;
        }
        let _ = fs::remove_file(target);
        match fs::hard_link(&variant.cached, target) {
            Ok(()) => fs::metadata(target).map(|meta| meta.len()),
            Err(_) => fs::copy(&variant.cached, target),
        }
    };
    match copy(&target) {
        Ok(bytes) => Ok(Variant {
            path,
            width: variant.width,
            height: variant.height,
            bytes,
        }),
        Err(err) => Err(ImageErrorKind::Write(target, err)),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;
    use std::time::SystemTime;

    use image::{
        DynamicImage, ImageEncoder, ImageFormat, ImageReader, Rgb, RgbImage, Rgba, RgbaImage,
    };

    use super::*;
    use crate::test_folder::Folder;

    /// The image cache of a test, in its folder.
    fn cache_in(folder: &Folder) -> Cache {
        Cache::new(folder.0.join("cache"))
    }

    /// A colourful gradient, so that scaling and encoding have work to do.
    fn gradient(width: u32, height: u32) -> RgbImage {
        RgbImage::from_fn(width, height, |x, y| {
            Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8])
        })
    }

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = Vec::new();
        DynamicImage::ImageRgb8(gradient(width, height))
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .unwrap();
        bytes
    }

    /// A JPEG, with Exif data giving `orientation` when there is one.
    fn jpeg(width: u32, height: u32, orientation: Option<u16>) -> Vec<u8> {
        let mut bytes = Vec::new();
        let mut encoder = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90);
        if let Some(orientation) = orientation {
            // A big-endian TIFF header and one IFD entry: tag 0x0112, SHORT, 1.
            let mut exif = b"MM\0\x2a\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01".to_vec();
            exif.extend_from_slice(&orientation.to_be_bytes());
            exif.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
            encoder.set_exif_metadata(exif).unwrap();
        }
        encoder
            .write_image(
                gradient(width, height).as_raw(),
                width,
                height,
                image::ExtendedColorType::Rgb8,
            )
            .unwrap();
        bytes
    }

    /// Reads a written variant back with image's own WebP decoder.
    fn read_webp(path: &Path) -> DynamicImage {
        let reader = ImageReader::open(path)
            .unwrap()
            .with_guessed_format()
            .unwrap();
        assert_eq!(
            reader.format(),
            Some(ImageFormat::WebP),
            "{}",
            path.display()
        );
        reader.decode().unwrap()
    }

    fn sizes(variants: &Variants) -> Vec<(u32, u32)> {
        variants
            .variants
            .iter()
            .map(|variant| (variant.width, variant.height))
            .collect()
    }

    #[test]
    fn widths_stop_at_the_source_and_add_a_narrower_source_s_own() {
        assert_eq!(widths(2000), [480, 800, 1200]);
        assert_eq!(widths(1200), [480, 800, 1200]);
        assert_eq!(widths(1000), [480, 800, 1000]);
        assert_eq!(widths(800), [480, 800]);
        assert_eq!(widths(300), [300]);
        assert_eq!(widths(1), [1]);
    }

    #[test]
    fn heights_keep_the_aspect_ratio_rounded_to_a_pixel() {
        assert_eq!(height_for(1200, 630, 480), 252);
        assert_eq!(height_for(1000, 333, 480), 160); // 159.84
        assert_eq!(height_for(1000, 333, 800), 266); // 266.4
        assert_eq!(height_for(1000, 1, 480), 1); // 0.48
        assert_eq!(height_for(5000, 1, 480), 1); // never 0
        assert_eq!(height_for(3, 2, 3), 2);
    }

    #[test]
    fn a_variant_is_named_after_its_original_and_width() {
        assert_eq!(variant_path("cover.jpg", 480), "cover.480.webp");
        assert_eq!(
            variant_path("img/photo.v2.PNG", 800),
            "img/photo.v2.800.webp"
        );
        assert_eq!(variant_path("a.b/photo", 800), "a.b/photo.800.webp");
        assert_eq!(variant_path(".hidden", 480), ".hidden.480.webp");
    }

    #[test]
    fn a_variant_s_name_leads_back_to_its_original_s_stem() {
        assert_eq!(variant_stem("img/photo.v2.PNG"), "img/photo.v2");
        assert_eq!(variant_of("cover.480.webp"), Some("cover"));
        assert_eq!(variant_of("img/photo.v2.1200.webp"), Some("img/photo.v2"));
        for name in [
            "cover.webp",
            "cover.x480.webp",
            "cover..webp",
            "img/.480.webp",
            "a.480.png",
        ] {
            assert_eq!(variant_of(name), None, "{name}");
        }
        for (source, width) in [("cover.jpg", 480), ("img/photo.v2.PNG", 1000)] {
            assert_eq!(
                variant_of(&variant_path(source, width)),
                Some(variant_stem(source))
            );
        }
    }

    #[test]
    fn only_jpeg_and_png_files_take_variants() {
        for name in ["cover.jpg", "cover.JPEG", "img/x.png", "a.b/c.Png"] {
            assert!(takes_variants(name), "{name}");
        }
        for name in [
            "logo.svg",
            "anim.gif",
            "cover.webp",
            "jpg",
            "img.jpg/notes",
            "x.jpg.txt",
        ] {
            assert!(!takes_variants(name), "{name}");
        }
    }

    #[test]
    fn a_wide_jpeg_gets_webp_variants_of_the_stated_sizes_beside_it() {
        let folder = Folder::new("responsive-wide");
        let source = folder.write("content/x/cover.jpg", &jpeg(2000, 100, None));
        let out = folder.0.join("site/posts/x");
        let written = write_variants(&source, "cover.jpg", &out, &cache_in(&folder)).unwrap();

        assert_eq!(sizes(&written), [(480, 24), (800, 40), (1200, 60)]);
        assert_eq!(
            written.original,
            Original {
                path: "cover.jpg".to_owned(),
                width: 2000,
                height: 100,
                bytes: fs::metadata(&source).unwrap().len(),
            }
        );
        for variant in &written.variants {
            assert_eq!(variant.path, format!("cover.{}.webp", variant.width));
            let file = out.join(&variant.path);
            assert_eq!(fs::metadata(&file).unwrap().len(), variant.bytes);
            let image = read_webp(&file);
            assert_eq!(
                (image.width(), image.height()),
                (variant.width, variant.height)
            );
            assert!(!image.color().has_alpha());
        }
    }

    #[test]
    fn a_png_narrower_than_the_widest_also_gets_its_own_width() {
        let folder = Folder::new("responsive-narrow");
        let source = folder.write("img/chart.png", &png(1000, 83));
        let out = folder.0.join("site");
        let written = write_variants(&source, "img/chart.png", &out, &cache_in(&folder)).unwrap();

        assert_eq!(sizes(&written), [(480, 40), (800, 66), (1000, 83)]);
        let paths: Vec<&str> = written.variants.iter().map(|v| v.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "img/chart.480.webp",
                "img/chart.800.webp",
                "img/chart.1000.webp"
            ]
        );
        for variant in &written.variants {
            let image = read_webp(&out.join(&variant.path));
            assert_eq!(
                (image.width(), image.height()),
                (variant.width, variant.height)
            );
        }
    }

    #[test]
    fn a_small_image_gets_one_webp_of_its_own_size() {
        let folder = Folder::new("responsive-small");
        let source = folder.write("icon.png", &png(300, 200));
        let out = folder.0.join("site");
        let written = write_variants(&source, "icon.png", &out, &cache_in(&folder)).unwrap();

        assert_eq!(sizes(&written), [(300, 200)]);
        let image = read_webp(&out.join("icon.300.webp"));
        assert_eq!((image.width(), image.height()), (300, 200));
    }

    #[test]
    fn a_transparent_png_keeps_its_alpha_and_an_opaque_one_drops_it() {
        let folder = Folder::new("responsive-alpha");
        let transparent = RgbaImage::from_fn(600, 60, |x, _| Rgba([200, 40, 40, (x % 256) as u8]));
        let mut bytes = Vec::new();
        DynamicImage::ImageRgba8(transparent)
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .unwrap();
        let source = folder.write("logo.png", &bytes);
        let out = folder.0.join("site");
        let written = write_variants(&source, "logo.png", &out, &cache_in(&folder)).unwrap();
        assert_eq!(sizes(&written), [(480, 48), (600, 60)]);
        assert!(read_webp(&out.join("logo.480.webp")).color().has_alpha());

        let opaque = RgbaImage::from_pixel(600, 60, Rgba([1, 2, 3, 255]));
        let mut bytes = Vec::new();
        DynamicImage::ImageRgba8(opaque)
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
            .unwrap();
        let source = folder.write("flat.png", &bytes);
        write_variants(&source, "flat.png", &out, &cache_in(&folder)).unwrap();
        assert!(!read_webp(&out.join("flat.480.webp")).color().has_alpha());
    }

    #[test]
    fn a_photo_whose_exif_says_rotate_is_turned_upright() {
        let folder = Folder::new("responsive-exif");
        // Stored 600×100 on its side; Exif 6: turn 90° clockwise to show.
        let source = folder.write("phone.jpg", &jpeg(600, 100, Some(6)));
        let out = folder.0.join("site");
        let written = write_variants(&source, "phone.jpg", &out, &cache_in(&folder)).unwrap();

        assert_eq!(
            (written.original.width, written.original.height),
            (100, 600)
        );
        assert_eq!(sizes(&written), [(100, 600)]);
        let image = read_webp(&out.join("phone.100.webp"));
        assert_eq!((image.width(), image.height()), (100, 600));
    }

    #[test]
    fn a_cached_variant_is_copied_again_and_never_encoded_twice() {
        let folder = Folder::new("responsive-cache");
        let source = folder.write("cover.png", &png(1000, 50));
        let cache = cache_in(&folder);
        let first = write_variants(&source, "cover.png", &folder.0.join("a"), &cache).unwrap();
        assert_eq!((cache.encoded(), cache.reused()), (3, 0));
        let cached: Vec<(PathBuf, SystemTime)> = fs::read_dir(cache.dir())
            .unwrap()
            .map(|entry| {
                let path = entry.unwrap().path();
                let modified = fs::metadata(&path).unwrap().modified().unwrap();
                (path, modified)
            })
            .collect();
        assert_eq!(cached.len(), 3, "one file a variant, no temporary left");

        let second = write_variants(&source, "cover.png", &folder.0.join("b"), &cache).unwrap();
        assert_eq!((cache.encoded(), cache.reused()), (3, 3));
        assert_eq!(first, second);
        for variant in &first.variants {
            assert_eq!(
                fs::read(folder.0.join("a").join(&variant.path)).unwrap(),
                fs::read(folder.0.join("b").join(&variant.path)).unwrap(),
            );
        }
        for (path, modified) in &cached {
            assert_eq!(&fs::metadata(path).unwrap().modified().unwrap(), modified);
        }

        // Another cache value on the same folder, as the next build has.
        let next_build = cache_in(&folder);
        write_variants(&source, "cover.png", &folder.0.join("c"), &next_build).unwrap();
        assert_eq!((next_build.encoded(), next_build.reused()), (0, 3));
    }

    #[test]
    fn a_changed_image_is_encoded_anew() {
        let folder = Folder::new("responsive-changed");
        let cache = cache_in(&folder);
        let out = folder.0.join("site");
        let source = folder.write("cover.png", &png(500, 40));
        write_variants(&source, "cover.png", &out, &cache).unwrap();
        let before = fs::read(out.join("cover.480.webp")).unwrap();

        let source = folder.write("cover.png", &png(500, 41));
        let written = write_variants(&source, "cover.png", &out, &cache).unwrap();
        assert_eq!((cache.encoded(), cache.reused()), (4, 0));
        assert_eq!(sizes(&written), [(480, 39), (500, 41)]);
        assert_ne!(fs::read(out.join("cover.480.webp")).unwrap(), before);
    }

    #[test]
    fn a_damaged_image_is_an_error_naming_the_file() {
        let folder = Folder::new("responsive-damaged");
        let whole_png = png(400, 300);
        let cut = folder.write("post/cut.png", &whole_png[..whole_png.len() / 2]);
        let mut scrambled = whole_png.clone();
        let middle = scrambled.len() / 2;
        scrambled[middle..middle + 64].fill(0xA5);
        let scrambled = folder.write("post/scrambled.png", &scrambled);
        let header_only = folder.write("post/header.jpg", &jpeg(400, 300, None)[..200]);

        for source in [cut, scrambled, header_only] {
            let out = folder.0.join("site");
            let err = write_variants(&source, "x.jpg", &out, &cache_in(&folder)).unwrap_err();
            assert_eq!(err.file, source);
            assert!(matches!(err.kind, ImageErrorKind::Decode(_)), "{err}");
            let message = err.to_string();
            assert!(
                message.starts_with(&source.display().to_string()),
                "{message}"
            );
            assert!(message.contains("the image is damaged"), "{message}");
            assert!(std::error::Error::source(&err).is_some());
        }
    }

    #[test]
    fn a_file_that_is_not_a_jpeg_or_png_is_refused_whatever_its_name() {
        let folder = Folder::new("responsive-unsupported");
        let out = folder.0.join("site");
        for (name, bytes) in [
            ("anim.jpg", &b"GIF89a\x01\0\x01\0\0\0\0;"[..]),
            ("notes.png", b"just some words"),
            ("empty.png", b""),
        ] {
            let source = folder.write(name, bytes);
            let err = write_variants(&source, name, &out, &cache_in(&folder)).unwrap_err();
            assert!(matches!(err.kind, ImageErrorKind::Unsupported), "{err}");
            assert!(err.to_string().contains(name), "{err}");
        }
        let missing = folder.0.join("missing.jpg");
        let err = write_variants(&missing, "missing.jpg", &out, &cache_in(&folder)).unwrap_err();
        assert!(matches!(err.kind, ImageErrorKind::Read(_)), "{err}");
        assert!(err.to_string().contains("missing.jpg"), "{err}");
        assert!(!out.exists(), "nothing written");
    }

    #[test]
    fn write_all_gives_each_job_s_result_in_order_and_shares_the_cache() {
        let folder = Folder::new("responsive-all");
        let cache = cache_in(&folder);
        let image = png(600, 60);
        let jobs: Vec<Job> = ["a", "b", "broken", "c", "d"]
            .iter()
            .map(|post| Job {
                source: folder.write(
                    &format!("content/{post}/cover.png"),
                    if *post == "broken" {
                        b"\x89PNG\r\n\x1a\n"
                    } else {
                        &image
                    },
                ),
                relative: "cover.png".to_owned(),
                out_dir: folder.0.join("site").join(post),
            })
            .collect();

        let results = write_all(&jobs, &cache, 3);
        assert_eq!(results.len(), jobs.len());
        for (job, result) in jobs.iter().zip(&results) {
            match result {
                Ok(written) => {
                    assert_eq!(sizes(written), [(480, 48), (600, 60)]);
                    assert!(job.out_dir.join("cover.480.webp").is_file());
                }
                Err(err) => assert_eq!(err.file, jobs[2].source),
            }
        }
        assert!(results[2].is_err());
        // Four posts with the same bytes: encoded once (twice where two
        // threads met the same image at once), copied for the others.
        assert!((2..=6).contains(&cache.encoded()), "{}", cache.encoded());
        assert_eq!(cache.encoded() + cache.reused(), 8);
        assert_eq!(fs::read_dir(cache.dir()).unwrap().count(), 2);
        assert!(write_all(&[], &cache, 4).is_empty());
    }
}
