//! Decoding a JPEG or PNG (turned upright by its Exif orientation), resizing
//! it, and encoding lossy WebP with libwebp.

use std::borrow::Cow;
use std::io::Cursor;

use fast_image_resize::images::{TypedImage, TypedImageRef};
use fast_image_resize::pixels::U8x4;
use fast_image_resize::{FilterType, ResizeAlg, ResizeOptions, Resizer};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};

use super::{ImageErrorKind, METHOD, QUALITY};

/// The longest side a WebP file can have.
pub(super) const WEBP_MAX_SIDE: u32 = 16383;

/// A decoder for `bytes` if they are a JPEG or a PNG, and the orientation
/// its Exif data gives. Reads the header only.
pub(super) fn open(bytes: &[u8]) -> Result<(impl ImageDecoder + '_, Orientation), ImageErrorKind> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(ImageErrorKind::Read)?;
    if !matches!(reader.format(), Some(ImageFormat::Jpeg | ImageFormat::Png)) {
        return Err(ImageErrorKind::Unsupported);
    }
    let mut decoder = reader.into_decoder().map_err(ImageErrorKind::Decode)?;
    let orientation = decoder.orientation().map_err(ImageErrorKind::Decode)?;
    Ok((decoder, orientation))
}

/// The size an image of `(width, height)` pixels shows at once turned as
/// `orientation` says.
pub(super) fn upright((width, height): (u32, u32), orientation: Orientation) -> (u32, u32) {
    match orientation {
        Orientation::Rotate90
        | Orientation::Rotate270
        | Orientation::Rotate90FlipH
        | Orientation::Rotate270FlipH => (height, width),
        _ => (width, height),
    }
}

/// Decoded pixels, upright, as RGBA (8 bits a channel), and whether any is
/// not opaque. One kind of pixel for every image: each kind the resizer
/// handles is compiled anew, at some 30 s a kind when optimised.
pub(super) struct Pixels {
    pub(super) width: u32,
    pub(super) height: u32,
    pub(super) rgba: Vec<u8>,
    pub(super) alpha: bool,
}

pub(super) fn decode(
    decoder: impl ImageDecoder,
    orientation: Orientation,
) -> Result<Pixels, ImageErrorKind> {
    let mut image = DynamicImage::from_decoder(decoder).map_err(ImageErrorKind::Decode)?;
    image.apply_orientation(orientation);
    let alpha = image.color().has_alpha();
    let rgba = image.into_rgba8();
    Ok(Pixels {
        width: rgba.width(),
        height: rgba.height(),
        alpha: alpha && rgba.pixels().any(|pixel| pixel[3] != u8::MAX),
        rgba: rgba.into_raw(),
    })
}

/// `pixels` scaled to `width`×`height` and encoded as lossy WebP (with an
/// alpha channel only when some pixel is not opaque: libwebp checks).
pub(super) fn encode(pixels: &Pixels, width: u32, height: u32) -> Result<Vec<u8>, ImageErrorKind> {
    let fail = |reason: String| ImageErrorKind::Encode {
        width,
        height,
        reason,
    };
    if width > WEBP_MAX_SIDE || height > WEBP_MAX_SIDE {
        return Err(fail(format!(
            "WebP is at most {WEBP_MAX_SIDE} pixels a side"
        )));
    }
    let scaled = resize(pixels, width, height).map_err(fail)?;
    let mut config =
        webp::WebPConfig::new().map_err(|()| fail("libwebp has no default settings".to_owned()))?;
    config.quality = QUALITY;
    config.method = METHOD;
    webp::Encoder::from_rgba(&scaled, width, height)
        .encode_advanced(&config)
        .map(|webp| webp.to_vec())
        .map_err(|err| fail(format!("libwebp: {err:?}")))
}

/// `pixels` scaled to `width`×`height` with a Lanczos filter (colours
/// weighted by their alpha when some pixel is not opaque, so that no dark
/// fringe shows at the edges).
pub(super) fn resize(pixels: &Pixels, width: u32, height: u32) -> Result<Cow<'_, [u8]>, String> {
    if (width, height) == (pixels.width, pixels.height) {
        return Ok(Cow::Borrowed(&pixels.rgba));
    }
    let source = TypedImageRef::<U8x4>::from_buffer(pixels.width, pixels.height, &pixels.rgba)
        .map_err(|err| err.to_string())?;
    let mut scaled = vec![0; width as usize * height as usize * 4];
    let mut target = TypedImage::<U8x4>::from_buffer(width, height, &mut scaled)
        .map_err(|err| err.to_string())?;
    let options = ResizeOptions::new()
        .resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3))
        .use_alpha(pixels.alpha);
    Resizer::new()
        .resize_typed(&source, &mut target, &options)
        .map_err(|err| err.to_string())?;
    Ok(Cow::Owned(scaled))
}
