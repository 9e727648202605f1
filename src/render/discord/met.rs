//! A meeting as one line of "Who met": its parties, status, date, place and
//! kind, its newest source, and with `detail` the sentence it was read from.

use super::markdown::{TimeStyle, date_stamp, escape, timestamp, truncate};
use super::sources::{quote_room, source_link};
use crate::developments::Development;
use crate::model::Meeting;
use crate::render::{kind_label, participants, status_label};

pub(super) fn line(d: &Development<Meeting>, detail: bool) -> String {
    let m = &d.item;
    let mut facts = vec![status_label(m.status).to_string()];
    facts.push(match m.date {
        Some(date) => date_stamp(date),
        None => timestamp(d.latest(), TimeStyle::Date),
    });
    if let Some(p) = &m.place {
        facts.push(escape(p));
    }
    if let Some(k) = kind_label(m.kind) {
        facts.push(k.to_string());
    }
    let mut line = format!(
        "• **{}** · {} · {}",
        escape(&participants(&m.participants)),
        facts.join(" · "),
        source_link(&d.reports)
    );
    if detail {
        line.push_str(&format!(
            "\n  > {}",
            escape(&truncate(&m.evidence.sentence, quote_room(true)))
        ));
    }
    line
}
