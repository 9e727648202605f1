//! Pure functions from a `Brief` to what people read: terminal text, JSON, and
//! (for the bot) Discord embeds.

pub mod discord;
pub mod json;
pub mod text;
pub mod timeline;

use crate::developments::PendingState;
use crate::model::{ActorName, MeetingKind, MeetingStatus};

/// Whether a character of untrusted text changes how a line shows rather than
/// what it says: control characters (ESC and CSI start the sequences that clear a
/// screen, retitle a window or plant a link; BEL, backspace and carriage return
/// rewrite what is shown) and the bidirectional overrides and isolates that
/// reorder a line. No rendering passes them on, in a terminal or in Discord.
pub fn hidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Untrusted text made safe to print on a terminal: [`hidden`] characters are
/// dropped. Line breaks are kept when `keep_lines`, else they become spaces, as do
/// tabs.
pub fn terminal_safe(text: &str, keep_lines: bool) -> String {
    text.chars()
        .filter_map(|c| match c {
            '\n' if keep_lines => Some('\n'),
            '\n' | '\t' => Some(' '),
            c if hidden(c) => None,
            c => Some(c),
        })
        .collect()
}

/// "Antony Blinken – Sergei Lavrov": the parties of a meeting.
pub fn participants(names: &[ActorName]) -> String {
    names
        .iter()
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join(" – ")
}

/// "Ann Lee, Bo Park": who a pending item binds, when the article names anyone.
pub fn actors(names: &[ActorName]) -> Option<String> {
    (!names.is_empty()).then(|| {
        names
            .iter()
            .map(|a| a.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    })
}

pub fn status_label(s: MeetingStatus) -> &'static str {
    match s {
        MeetingStatus::Held => "held",
        MeetingStatus::Planned => "planned",
        MeetingStatus::Proposed => "proposed",
        MeetingStatus::Cancelled => "cancelled",
    }
}

pub fn kind_label(k: MeetingKind) -> Option<&'static str> {
    match k {
        MeetingKind::InPerson => Some("in person"),
        MeetingKind::Call => Some("call"),
        MeetingKind::Video => Some("video"),
        MeetingKind::Unknown => None,
    }
}

pub fn pending_label(s: &PendingState) -> &'static str {
    match s {
        PendingState::Open => "open",
        PendingState::Overdue => "overdue",
        PendingState::Done { .. } => "done",
        PendingState::Abandoned { .. } => "dropped",
    }
}
