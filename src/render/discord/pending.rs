//! A pending item as one line of "What is pending": its state, what is owed and
//! by whom, when it is due, its newest source, and the report that closed it.

use super::markdown::{TimeStyle, date_stamp, escape, masked_link, timestamp, truncate};
use super::sources::{quote_room, source_link};
use crate::developments::{PendingDevelopment, PendingState};
use crate::render::{actors, pending_label};

pub(super) fn line(p: &PendingDevelopment, detail: bool) -> String {
    let item = &p.development.item;
    let who = actors(&item.actors)
        .map(|w| format!(" — {}", escape(&w)))
        .unwrap_or_default();
    let due = match &item.due {
        Some(d) => match d.date {
            Some(date) => format!(" — due {}", date_stamp(date)),
            None => format!(" — due {}", escape(&d.text)),
        },
        None => String::new(),
    };
    let mut line = format!(
        "• `{}` {}{who}{due} ({}) · {}",
        pending_label(&p.state),
        escape(&truncate(&item.what, quote_room(detail))),
        timestamp(p.development.latest(), TimeStyle::Date),
        source_link(&p.development.reports)
    );
    if let Some(since) = p.no_follow_up_since {
        line.push_str(&format!(
            " — no follow-up reported since {}",
            date_stamp(since)
        ));
    }
    if let PendingState::Done { by } | PendingState::Abandoned { by } = &p.state {
        line.push_str(&format!(
            " → {} {}",
            timestamp(by.article.published, TimeStyle::Date),
            masked_link(&by.article.outlet, &by.article.url)
        ));
    }
    line
}
