//! The timeline picture of a brief: a PNG with the topic's meetings (held
//! filled, planned hollow, cancelled crossed) and pending due dates as flags
//! (overdue red, resolved grey) on one time axis, labelled with the main parties.
//! What `/timeline` attaches and `readout timeline --out` writes.
//!
//! - [`layout`]: which lines become rows and where they sit (pure, tested).
//! - [`draw`]: the pixels, with plotters into an RGB buffer.
//!
//! Drawn offline with a bundled font (DejaVu Sans, see `fonts/README.md`), so the
//! picture is the same on every machine and needs no system fonts.

pub mod draw;
pub mod layout;

use std::sync::OnceLock;

use plotters::style::FontStyle;
use thiserror::Error;

use crate::brief::Brief;

pub use layout::{Timeline, lay_out};

static REGULAR: &[u8] = include_bytes!("fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("fonts/DejaVuSans-Bold.ttf");

#[derive(Debug, Error)]
pub enum TimelineError {
    #[error("nothing to draw for {0}: no meeting and no pending item with a due date")]
    Empty(String),
    #[error("the bundled font cannot be read")]
    Font,
    #[error("cannot draw the timeline: {0}")]
    Draw(String),
    #[error("cannot encode the timeline as PNG: {0}")]
    Encode(#[from] png::EncodingError),
}

/// Registers the bundled fonts with plotters, once per process.
fn fonts() -> Result<(), TimelineError> {
    static DONE: OnceLock<bool> = OnceLock::new();
    let ok = DONE.get_or_init(|| {
        plotters::style::register_font("sans-serif", FontStyle::Normal, REGULAR).is_ok()
            && plotters::style::register_font("sans-serif", FontStyle::Bold, BOLD).is_ok()
    });
    ok.then_some(()).ok_or(TimelineError::Font)
}

/// The brief's timeline as PNG bytes.
pub fn render_png(brief: &Brief) -> Result<Vec<u8>, TimelineError> {
    let timeline = lay_out(brief).ok_or_else(|| TimelineError::Empty(brief.topic.to_string()))?;
    png_of(&timeline)
}

/// A laid-out timeline as PNG bytes.
pub fn png_of(t: &Timeline) -> Result<Vec<u8>, TimelineError> {
    fonts()?;
    let (w, h) = (draw::WIDTH, draw::height(t.rows.len()));
    let mut rgb = vec![0u8; w as usize * h as usize * 3];
    draw::draw(t, &mut rgb).map_err(TimelineError::Draw)?;
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Default);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(out)
}

#[cfg(test)]
mod tests;
