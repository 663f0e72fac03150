//! Covers: a 1200×630 JPEG per post (the size link previews use), a
//! gradient between two colours under one of a few patterns, so that every
//! post's file differs, with an alt text saying what it shows.
//!
//! Drawn with integers and only adding, multiplying, dividing and square
//! roots of `f32` (exact in IEEE 754), and encoded by `jpeg-encoder`
//! without its `simd` feature (whose AVX2 code writes other bytes), so the
//! same seed gives the same file on every machine.

use blog_model::lang::Lang;
use jpeg_encoder::{ColorType, Encoder, EncodingError};

use crate::words::{Pair, say};
use gen_posts::seeded::Rng;

pub const WIDTH: u16 = 1200;
pub const HEIGHT: u16 = 630;
const QUALITY: u8 = 80;

/// The steps of a gradient: too close to tell apart.
const STEPS: usize = 512;

/// Colours by name, as RGB.
const COLOURS: &[(Pair, [f32; 3])] = &[
    (("blue", "Blau"), [37.0, 99.0, 235.0]),
    (("teal", "Türkis"), [13.0, 148.0, 136.0]),
    (("orange", "Orange"), [234.0, 88.0, 12.0]),
    (("violet", "Violett"), [124.0, 58.0, 237.0]),
    (("green", "Grün"), [22.0, 163.0, 74.0]),
    (("red", "Rot"), [220.0, 38.0, 38.0]),
    (("gold", "Gold"), [202.0, 138.0, 4.0]),
    (("pink", "Rosa"), [219.0, 39.0, 119.0]),
    (("slate", "Schiefergrau"), [100.0, 116.0, 139.0]),
    (("navy", "Dunkelblau"), [30.0, 58.0, 138.0]),
    (("cream", "Cremeweiß"), [253.0, 246.0, 227.0]),
];

/// Directions of the gradient, as unit vectors.
const DIRECTIONS: &[(f32, f32)] = &[
    (1.0, 0.0),
    (0.0, 1.0),
    (0.8, 0.6),
    (0.6, 0.8),
    (-0.6, 0.8),
    (0.8, -0.6),
];

/// What lies over the gradient.
#[derive(Debug, Clone, Copy)]
enum Pattern {
    Stripes,
    Rings,
    Checks,
    Waves,
}

impl Pattern {
    const ALL: [Pattern; 4] = [
        Pattern::Stripes,
        Pattern::Rings,
        Pattern::Checks,
        Pattern::Waves,
    ];

    /// What the alt text calls it, after "with".
    fn name(self) -> Pair {
        match self {
            Pattern::Stripes => ("diagonal stripes", "diagonalen Streifen"),
            Pattern::Rings => ("soft rings", "weichen Ringen"),
            Pattern::Checks => ("a checkerboard", "einem Schachbrettmuster"),
            Pattern::Waves => ("gentle waves", "sanften Wellen"),
        }
    }
}

/// One post's cover, before it is drawn.
#[derive(Debug, Clone)]
pub struct Design {
    from: usize,
    to: usize,
    direction: (f32, f32),
    pattern: Pattern,
    /// The pattern's size in pixels.
    period: f32,
    /// How much darker the pattern makes the gradient, 0 to 1.
    depth: f32,
    /// Where rings are centred.
    centre: (f32, f32),
}

impl Design {
    pub fn random(rng: &mut Rng) -> Design {
        let from = rng.below(COLOURS.len());
        let to = (from + 1 + rng.below(COLOURS.len() - 1)) % COLOURS.len();
        Design {
            from,
            to,
            direction: *rng.pick(DIRECTIONS),
            pattern: *rng.pick(&Pattern::ALL),
            period: 24.0 + 120.0 * rng.unit(),
            depth: 0.08 + 0.2 * rng.unit(),
            centre: (
                rng.unit() * f32::from(WIDTH),
                rng.unit() * f32::from(HEIGHT),
            ),
        }
    }

    /// `A gradient from blue to gold with soft rings`.
    pub fn alt(&self, lang: Lang) -> String {
        let name = |index: usize| say(COLOURS[index].0, lang);
        let pattern = say(self.pattern.name(), lang);
        match lang {
            Lang::En => format!(
                "A gradient from {} to {} with {pattern}",
                name(self.from),
                name(self.to)
            ),
            Lang::De => format!(
                "Ein Farbverlauf von {} zu {} mit {pattern}",
                name(self.from),
                name(self.to)
            ),
        }
    }

    /// The cover as a JPEG file.
    pub fn jpeg(&self) -> Result<Vec<u8>, EncodingError> {
        let mut file = Vec::new();
        Encoder::new(&mut file, QUALITY).encode(&self.pixels(), WIDTH, HEIGHT, ColorType::Rgb)?;
        Ok(file)
    }

    /// RGB, row by row: the gradient's colour darkened by the pattern's
    /// shade. Both come from tables made once per cover, so a pixel costs
    /// a few integer operations.
    fn pixels(&self) -> Vec<u8> {
        let width = usize::from(WIDTH);
        let colours = self.gradient();
        let (start, per_x, per_y) = self.gradient_steps();
        let shades = Shades::new(self);
        let mut row_shades = vec![0; width];
        let mut pixels = vec![0; width * usize::from(HEIGHT) * 3];
        for (y, row) in (0..usize::from(HEIGHT)).zip(pixels.chunks_exact_mut(width * 3)) {
            shades.row(y, &mut row_shades);
            let mut at = start + y as i64 * per_y;
            for (pixel, &shade) in row.chunks_exact_mut(3).zip(&row_shades) {
                let [r, g, b] = colours[(at >> 16).clamp(0, STEPS as i64) as usize];
                pixel.copy_from_slice(&[
                    ((r * shade) >> 8) as u8,
                    ((g * shade) >> 8) as u8,
                    ((b * shade) >> 8) as u8,
                ]);
                at += per_x;
            }
        }
        pixels
    }

    /// The gradient's colours, from one end to the other, in steps too
    /// small to see.
    fn gradient(&self) -> [[u32; 3]; STEPS + 1] {
        let (from, to) = (COLOURS[self.from].1, COLOURS[self.to].1);
        std::array::from_fn(|step| {
            let t = step as f32 / STEPS as f32;
            [0, 1, 2].map(|channel| (from[channel] + (to[channel] - from[channel]) * t) as u32)
        })
    }

    /// Where the gradient is at the top left pixel, and how far it moves
    /// a pixel to the right and a pixel down, in 1/65536 of a step.
    fn gradient_steps(&self) -> (i64, i64, i64) {
        let (dx, dy) = self.direction;
        let (width, height) = (f32::from(WIDTH), f32::from(HEIGHT));
        let corners = [0.0, width * dx, height * dy, width * dx + height * dy];
        let low = corners.into_iter().fold(f32::MAX, f32::min);
        let high = corners.into_iter().fold(f32::MIN, f32::max);
        let scale = STEPS as f32 / (high - low) * 65536.0;
        (
            (-low * scale) as i64,
            (dx * scale) as i64,
            (dy * scale) as i64,
        )
    }
}

/// How much of the gradient's light the pattern leaves, from 0 to 256, by
/// what it depends on.
enum Shades {
    /// By `x + y`.
    Stripes(Vec<u32>),
    /// By the distance from the centre in quarter pixels, with the squared
    /// horizontal distance of each column.
    Rings {
        by_distance: Vec<u32>,
        columns: Vec<f32>,
        cy: f32,
    },
    /// Light or dark, by whether a column's cell and a row's are both odd
    /// or both even.
    Checks {
        light: u32,
        dark: u32,
        columns: Vec<bool>,
        per_period: f32,
    },
    /// By the row in quarter pixels, lifted by each column's wave.
    Waves {
        by_height: Vec<u32>,
        lifts: Vec<usize>,
    },
}

impl Shades {
    fn new(design: &Design) -> Shades {
        let per_period = 1.0 / design.period;
        let shade = |cover: f32| (256.0 * (1.0 - design.depth * cover)) as u32;
        let (width, height) = (usize::from(WIDTH), usize::from(HEIGHT));
        match design.pattern {
            Pattern::Stripes => Shades::Stripes(
                (0..width + height)
                    .map(|sum| shade(triangle(sum as f32 * per_period)))
                    .collect(),
            ),
            Pattern::Rings => {
                let (cx, cy) = design.centre;
                let (width, height) = (f32::from(WIDTH), f32::from(HEIGHT));
                let farthest = (width * width + height * height).sqrt();
                Shades::Rings {
                    by_distance: (0..=(4.0 * farthest) as usize + 1)
                        .map(|quarters| shade(triangle(quarters as f32 * 0.25 * per_period)))
                        .collect(),
                    columns: (0..WIDTH)
                        .map(|x| (f32::from(x) - cx) * (f32::from(x) - cx))
                        .collect(),
                    cy,
                }
            }
            Pattern::Checks => Shades::Checks {
                light: shade(0.0),
                dark: shade(0.6),
                columns: (0..WIDTH)
                    .map(|x| ((f32::from(x) * per_period) as u32).is_multiple_of(2))
                    .collect(),
                per_period,
            },
            Pattern::Waves => {
                let lifts: Vec<usize> = (0..WIDTH)
                    .map(|x| {
                        (2.0 * design.period * triangle(f32::from(x) * 0.5 * per_period)) as usize
                    })
                    .collect();
                let highest = lifts.iter().copied().max().unwrap_or(0);
                Shades::Waves {
                    by_height: (0..=4 * height + highest)
                        .map(|quarters| shade(triangle(quarters as f32 * 0.25 * per_period)))
                        .collect(),
                    lifts,
                }
            }
        }
    }

    /// The shades of row `y`.
    fn row(&self, y: usize, out: &mut [u32]) {
        match self {
            Shades::Stripes(by_sum) => out.copy_from_slice(&by_sum[y..y + out.len()]),
            Shades::Rings {
                by_distance,
                columns,
                cy,
            } => {
                let dy2 = (y as f32 - cy) * (y as f32 - cy);
                for (shade, dx2) in out.iter_mut().zip(columns) {
                    let quarters = (4.0 * (dx2 + dy2).sqrt()) as usize;
                    *shade = by_distance[quarters.min(by_distance.len() - 1)];
                }
            }
            Shades::Checks {
                light,
                dark,
                columns,
                per_period,
            } => {
                let even_row = ((y as f32 * per_period) as u32).is_multiple_of(2);
                for (shade, &even_column) in out.iter_mut().zip(columns) {
                    *shade = if even_row == even_column {
                        *light
                    } else {
                        *dark
                    };
                }
            }
            Shades::Waves { by_height, lifts } => {
                for (shade, lift) in out.iter_mut().zip(lifts) {
                    *shade = by_height[(4 * y + lift).min(by_height.len() - 1)];
                }
            }
        }
    }
}

/// A triangle wave of period 1, from 0 up to 1 and back, for `value` ≥ 0.
fn triangle(value: f32) -> f32 {
    let fraction = value - (value as u32) as f32;
    1.0 - (2.0 * fraction - 1.0).abs()
}
