//! A statement as one line of "What was said": the speaker, the audience, the
//! words (quoted, or marked as reported), the date and the newest source.

use super::markdown::{TimeStyle, escape, timestamp, truncate};
use super::sources::{quote_room, source_link};
use crate::developments::Development;
use crate::model::{Speech, Statement};

pub(super) fn line(d: &Development<Statement>, detail: bool) -> String {
    let s = &d.item;
    let to = s
        .audience
        .as_deref()
        .map(|a| format!(" to {}", escape(a)))
        .unwrap_or_default();
    let quote = escape(&truncate(s.quote.trim(), quote_room(detail)));
    let words = match s.speech {
        Speech::Direct => format!("“{quote}”"),
        Speech::Reported => format!("(reported) {quote}"),
    };
    format!(
        "• **{}**{to} ({}): {words} · {}",
        escape(s.speaker.as_str()),
        timestamp(d.latest(), TimeStyle::Date),
        source_link(&d.reports)
    )
}
