//! The brief as Discord embeds: pure functions, so every Discord limit is checked by
//! unit tests instead of by Discord refusing a message in production.
//!
//! Feed text is untrusted: it is markdown-escaped (a headline cannot turn into a
//! masked link or a spoiler) and mentions are broken with a zero-width space, on top
//! of the empty `allowed_mentions` the bot sends with every message. Anything too
//! long is cut with "…and N more" rather than failing the whole answer.
//!
//! One file per thing rendered:
//!
//! - [`brief`]: the whole brief of `/status` (compact, or one embed per section).
//! - [`section`]: one section (`/met`, `/said`, `/pending`), its lines made by
//!   [`met`], [`said`] and [`pending`], each item linked to its sources
//!   ([`sources`]).
//! - [`opening`]: what opens a brief: the bottom line, the calendar, the stale
//!   warning, an empty window.
//! - [`embed`]: an embed as plain data, and a message fitted within the limits.
//! - [`markdown`]: escaped text, links, timestamps and bounded lists.

mod brief;
mod embed;
mod markdown;
mod met;
pub mod opening;
mod pending;
mod said;
mod section;
mod sources;

pub use brief::brief_embeds;
pub use embed::{Embed, EmbedField, fit_message, limit_violations};
pub use markdown::{
    TimeStyle, bounded_list, escape, link_target, masked_link, timestamp, truncate,
};
pub use section::{Section, section_embed, section_lines, section_message};
pub use sources::source_lines;

use markdown::date_stamp;

/// Discord's documented limits, in characters.
pub mod limits {
    pub const TITLE: usize = 256;
    pub const DESCRIPTION: usize = 4096;
    pub const FIELDS: usize = 25;
    pub const FIELD_NAME: usize = 256;
    pub const FIELD_VALUE: usize = 1024;
    pub const FOOTER: usize = 2048;
    pub const AUTHOR: usize = 256;
    /// Over all embeds of one message.
    pub const TOTAL: usize = 6000;
    pub const EMBEDS: usize = 10;
    pub const CONTENT: usize = 2000;
    /// Autocomplete choices per answer, and characters per choice name and value.
    pub const CHOICES: usize = 25;
    pub const CHOICE_NAME: usize = 100;
}

/// Embed colour (Readout blue).
pub const COLOR: u32 = 0x2B6CB0;

#[cfg(test)]
mod tests;
