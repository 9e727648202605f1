//! Pure functions from a `Brief` to what people read: terminal text, JSON, and
//! (for the bot) Discord embeds.

pub mod discord;
pub mod json;
pub mod text;

use crate::developments::PendingState;
use crate::model::{Meeting, MeetingKind, MeetingStatus};

/// "Antony Blinken – Sergei Lavrov".
pub fn participants(m: &Meeting) -> String {
    m.participants
        .iter()
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join(" – ")
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
