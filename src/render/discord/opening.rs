//! The opening of a brief in Discord: the window line ("As of … · since …") and
//! the stale warning, the bottom line, "Next on the calendar", and what an empty
//! `since:` window says instead. Kept apart
//! from the sections so each stays small; the same escaping rules hold (every
//! name, place and phrase comes from a feed).

use super::{
    COLOR, Embed, EmbedField, TimeStyle, bounded_list, date_stamp, escape, masked_link, timestamp,
    truncate,
};
use crate::brief::{Brief, CalendarEntry, Upcoming};
use crate::render::{self, status_label};

/// Room for the bottom line in a description: the whole message shares 6000
/// characters with four lists of up to 1024.
pub const BOTTOM_LINE_ROOM: usize = 600;
/// Room for the calendar field, for the same reason.
pub const CALENDAR_ROOM: usize = 600;

pub const CALENDAR_HEADING: &str = "Next on the calendar";

/// "Latest development: 14 months ago (date)" when the brief is stale.
pub fn stale_line(brief: &Brief) -> Option<String> {
    let (age, latest) = (brief.stale.as_ref()?, brief.latest?);
    Some(format!(
        "Latest development: {age} ({})",
        timestamp(latest, TimeStyle::Date)
    ))
}

/// The bottom line as one escaped paragraph, within `room` characters
/// ([`BOTTOM_LINE_ROOM`] in a brief; a digest shares its room among topics).
pub fn bottom_line(brief: &Brief, room: usize) -> String {
    const LABEL: &str = "**Bottom line** · ";
    let text = brief.bottom_line.sentences.join(" ");
    let room = room.saturating_sub(LABEL.chars().count());
    format!("{LABEL}{}", truncate(&escape(&text), room))
}

/// One line per calendar entry: the date, what falls on it, its newest source.
pub fn calendar_lines(brief: &Brief) -> Vec<String> {
    brief.calendar.iter().map(calendar_line).collect()
}

fn calendar_line(e: &CalendarEntry) -> String {
    let source = e
        .reports
        .first()
        .map(|r| format!(" · {}", masked_link(&r.article.outlet, &r.article.url)))
        .unwrap_or_default();
    let what = match &e.item {
        Upcoming::Meeting {
            participants,
            status,
            place,
        } => {
            let at = place
                .as_ref()
                .map(|p| format!(" · {}", escape(&truncate(p, 80))))
                .unwrap_or_default();
            format!(
                "**{}** · {}{at}",
                escape(&truncate(&render::participants(participants), 150)),
                status_label(*status)
            )
        }
        Upcoming::Due { what, actors, .. } => {
            let who = render::actors(actors)
                .map(|w| format!(" — {}", escape(&truncate(&w, 100))))
                .unwrap_or_default();
            format!("due: {}{who}", escape(&truncate(what, 150)))
        }
    };
    format!("• {} · {what}{source}", date_stamp(e.date))
}

/// The calendar as an embed field within `room` characters ([`CALENDAR_ROOM`]
/// in a brief); a brief with nothing ahead says so.
pub fn calendar_field(brief: &Brief, room: usize) -> EmbedField {
    let lines = calendar_lines(brief);
    let value = if lines.is_empty() {
        "Nothing dated ahead.".to_string()
    } else {
        bounded_list(&lines, lines.len(), room)
    };
    EmbedField {
        name: CALENDAR_HEADING.into(),
        value,
        inline: false,
    }
}

/// The answer to a `since:` window with nothing in it, when the topic has
/// developments before it: when the last one was, and how to see it.
pub fn empty_window_embed(brief: &Brief, title: String, window_line: String) -> Option<Embed> {
    let (since, latest) = brief.window_is_empty()?;
    Some(Embed {
        title,
        description: Some(format!(
            "{window_line}\n\nNothing since {}. The latest development is from {}; \
             use `/status` without `since` to see it.",
            timestamp(since, TimeStyle::Date),
            timestamp(latest, TimeStyle::Date),
        )),
        timestamp: Some(brief.as_of),
        color: Some(COLOR),
        ..Default::default()
    })
}

/// "As of …, most recent developments" / "As of …, since …", and a second line
/// when the newest development is old.
pub(super) fn window_line(brief: &Brief) -> String {
    let window = match brief.since {
        Some(s) => format!("since {}", timestamp(s, TimeStyle::DateTime)),
        None => "most recent developments, whatever their age".to_string(),
    };
    let mut line = format!(
        "As of {} · {window}",
        timestamp(brief.as_of, TimeStyle::DateTime)
    );
    if let Some(stale) = stale_line(brief) {
        line.push('\n');
        line.push_str(&stale);
    }
    line
}

/// The window line and the bottom line: what opens a whole brief.
pub(super) fn opening_text(brief: &Brief) -> String {
    format!(
        "{}\n\n{}",
        window_line(brief),
        bottom_line(brief, BOTTOM_LINE_ROOM)
    )
}
