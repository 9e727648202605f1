//! What the timeline shows, before any pixel: which of the brief's lines get a
//! row, where each sits on the time axis, what its mark and label are, and the
//! axis's span and ticks. Pure, so the choices are tested without decoding a
//! picture.
//!
//! A row per development rather than one lane per party: a desk reads "who, when,
//! where" along one line, and forty overlapping labels on a single lane cannot be
//! read at Discord's preview size. The rows are the brief's newest lines (the
//! picture shows what `/status` would), drawn in date order.

use chrono::{Datelike, Duration, NaiveDate};

use crate::brief::Brief;
use crate::developments::{Development, PendingDevelopment, PendingState};
use crate::model::{Meeting, MeetingStatus};
use crate::ranking;

/// Meeting rows at most: the picture stays readable when Discord shrinks it.
pub const MAX_MEETINGS: usize = 14;
/// Due-date rows at most.
pub const MAX_DUES: usize = 8;
/// Labels longer than this are cut with an ellipsis before they are measured.
pub const MAX_LABEL_CHARS: usize = 64;
/// At most this many ticks on the axis.
const MAX_TICKS: usize = 8;

/// How a row is marked: a meeting by its status, a due date by its state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Filled circle.
    Held,
    /// Hollow circle.
    Planned,
    /// Hollow circle, smaller: talked of, not agreed.
    Proposed,
    /// Crossed circle.
    Cancelled,
    /// A flag at the due date.
    Due(DueState),
}

/// The colour of a due-date flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueState {
    Open,
    /// Past its date with no report that it was done: red.
    Overdue,
    /// Reported done or dropped: grey.
    Resolved,
}

/// One development on the axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub day: NaiveDate,
    pub mark: Mark,
    /// "12 Mar 2024 · Lavrov – Blinken, Geneva"; "reported 12 Mar 2024 · …" for a
    /// meeting the articles give no day of.
    pub label: String,
}

/// A labelled day on the axis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tick {
    pub day: NaiveDate,
    pub label: String,
}

/// Everything the drawing needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timeline {
    pub title: String,
    pub subtitle: String,
    /// In date order, oldest first.
    pub rows: Vec<Row>,
    /// The axis runs from `from` to `to` (inclusive, padded around the rows).
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The brief's date, when it falls on the axis.
    pub today: Option<NaiveDate>,
    pub ticks: Vec<Tick>,
}

/// "12 Mar 2024".
pub fn day_label(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

fn cut(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.truncate(out.trim_end().len());
    out.push('…');
    out
}

/// The first three parties, then "+N".
fn parties(m: &Meeting) -> String {
    let names: Vec<&str> = m.participants.iter().take(3).map(|p| p.as_str()).collect();
    let mut s = names.join(" – ");
    if m.participants.len() > 3 {
        s.push_str(&format!(" +{}", m.participants.len() - 3));
    }
    s
}

/// A meeting sits on its own day where the articles give one (held or ahead),
/// else on the day it was last reported.
fn meeting_row(d: &Development<Meeting>) -> Row {
    let m = &d.item;
    let day = m.date.unwrap_or_else(|| ranking::own_date(d).date_naive());
    let mark = match m.status {
        MeetingStatus::Held => Mark::Held,
        MeetingStatus::Planned => Mark::Planned,
        MeetingStatus::Proposed => Mark::Proposed,
        MeetingStatus::Cancelled => Mark::Cancelled,
    };
    // An undated meeting is on the day of its report, and says so.
    let when = match m.date {
        Some(_) => day_label(day),
        None => format!("reported {}", day_label(day)),
    };
    let mut label = format!("{when} · {}", parties(m));
    if let Some(place) = &m.place {
        label.push_str(&format!(", {place}"));
    }
    if m.status != MeetingStatus::Held {
        label.push_str(&format!(" ({})", super::super::status_label(m.status)));
    }
    Row {
        day,
        mark,
        label: cut(&label, MAX_LABEL_CHARS),
    }
}

/// A pending item is drawn only with a calendar due date: a flag needs a day.
fn due_row(p: &PendingDevelopment) -> Option<Row> {
    let day = p.development.item.due.as_ref()?.date?;
    let state = match p.state {
        PendingState::Open => DueState::Open,
        PendingState::Overdue => DueState::Overdue,
        PendingState::Done { .. } | PendingState::Abandoned { .. } => DueState::Resolved,
    };
    let label = format!(
        "due {} · {}",
        day_label(day),
        p.development.item.what.trim()
    );
    Some(Row {
        day,
        mark: Mark::Due(state),
        label: cut(&label, MAX_LABEL_CHARS),
    })
}

/// The timeline of a brief, `None` when it has nothing with a day to draw.
pub fn lay_out(brief: &Brief) -> Option<Timeline> {
    let meetings: Vec<Row> = brief
        .met
        .iter()
        .take(MAX_MEETINGS)
        .map(meeting_row)
        .collect();
    let dues: Vec<Row> = brief.pending.iter().filter_map(due_row).collect();
    let dues_total = dues.len();
    let mut rows: Vec<Row> = meetings
        .into_iter()
        .chain(dues.into_iter().take(MAX_DUES))
        .collect();
    if rows.is_empty() {
        return None;
    }
    rows.sort_by(|a, b| a.day.cmp(&b.day).then(a.label.cmp(&b.label)));
    let (from, to) = span(&rows, brief.as_of.date_naive());
    let today = brief.as_of.date_naive();
    let left_out =
        brief.met.len().saturating_sub(MAX_MEETINGS) + dues_total.saturating_sub(MAX_DUES);
    Some(Timeline {
        title: format!("{} — timeline", brief.topic),
        subtitle: subtitle(brief, &rows, left_out),
        ticks: ticks(from, to),
        today: (from..=to).contains(&today).then_some(today),
        rows,
        from,
        to,
    })
}

fn subtitle(brief: &Brief, rows: &[Row], left_out: usize) -> String {
    let meetings = rows
        .iter()
        .filter(|r| !matches!(r.mark, Mark::Due(_)))
        .count();
    let dues = rows.len() - meetings;
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut s = format!(
        "as of {} · {}, {}",
        day_label(brief.as_of.date_naive()),
        plural(meetings, "meeting", "meetings"),
        plural(dues, "due date", "due dates")
    );
    if let Some(since) = brief.since {
        s.push_str(&format!(" since {}", day_label(since.date_naive())));
    }
    if left_out > 0 {
        s.push_str(&format!(" · {left_out} more in /status"));
    }
    s
}

/// The rows' days, padded a little on each side; today is taken in when it lies
/// just past the newest row (so "how long ago" shows), not when the topic went
/// quiet years ago.
fn span(rows: &[Row], today: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = rows
        .iter()
        .map(|r| r.day)
        .min()
        .expect("rows are not empty");
    let mut last = rows
        .iter()
        .map(|r| r.day)
        .max()
        .expect("rows are not empty");
    let days = (last - first).num_days().max(1);
    if today > last && (today - last).num_days() <= days / 3 + 7 {
        last = today;
    }
    let days = (last - first).num_days().max(1);
    let pad = Duration::days((days / 25).max(1));
    (first - pad, last + pad)
}

/// Ticks that fit the span: days, weeks, months or years, at most
/// [`MAX_TICKS`], each labelled so a reader can tell the year.
pub fn ticks(from: NaiveDate, to: NaiveDate) -> Vec<Tick> {
    let days = (to - from).num_days().max(1);
    if days <= 120 {
        let step = [1, 2, 7, 14, 28]
            .into_iter()
            .find(|s| days / s < MAX_TICKS as i64)
            .unwrap_or(28);
        let mut d = from;
        if step >= 7 {
            // Weekly ticks fall on Mondays.
            d += Duration::days((7 - d.weekday().num_days_from_monday() as i64) % 7);
        }
        return std::iter::successors(Some(d), |d| Some(*d + Duration::days(step)))
            .take_while(|d| *d <= to)
            .map(|day| Tick {
                day,
                label: day.format("%-d %b").to_string(),
            })
            .collect();
    }
    let months = (days / 30).max(1) as u32;
    let step = [1, 2, 3, 6, 12, 24, 60, 120]
        .into_iter()
        .find(|s| months / s < MAX_TICKS as u32)
        .unwrap_or(120);
    let mut out = Vec::new();
    let mut m = first_of_next_month(from);
    while (m.month0() % step.min(12)) != 0 {
        m = first_of_next_month(m);
    }
    while m <= to {
        let label = if step >= 12 {
            m.format("%Y").to_string()
        } else {
            m.format("%b %Y").to_string()
        };
        out.push(Tick { day: m, label });
        for _ in 0..step {
            m = first_of_next_month(m);
        }
    }
    out
}

fn first_of_next_month(d: NaiveDate) -> NaiveDate {
    let (y, m) = if d.month() == 12 {
        (d.year() + 1, 1)
    } else {
        (d.year(), d.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).expect("the first of a month exists")
}
