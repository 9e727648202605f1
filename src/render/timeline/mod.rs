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
    stacked_png(std::slice::from_ref(t))
}

/// The timelines of several briefs (a digest's topics) in one picture, one
/// under the other, so a post carries them as one file; `None` when no brief
/// has anything to draw.
pub fn render_stacked_png(briefs: &[Brief]) -> Result<Option<Vec<u8>>, TimelineError> {
    let laid: Vec<Timeline> = briefs.iter().filter_map(lay_out).collect();
    if laid.is_empty() {
        return Ok(None);
    }
    stacked_png(&laid).map(Some)
}

/// Timelines drawn one under the other, as PNG bytes.
fn stacked_png(ts: &[Timeline]) -> Result<Vec<u8>, TimelineError> {
    fonts()?;
    let w = draw::WIDTH;
    let heights: Vec<u32> = ts.iter().map(|t| draw::height(t.rows.len())).collect();
    let h: u32 = heights.iter().sum();
    let mut rgb = vec![0u8; w as usize * h as usize * 3];
    let mut rest = rgb.as_mut_slice();
    for (t, th) in ts.iter().zip(&heights) {
        let (part, tail) = rest.split_at_mut(w as usize * *th as usize * 3);
        draw::draw(t, part).map_err(TimelineError::Draw)?;
        rest = tail;
    }
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
