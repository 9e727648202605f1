//! When each development happened, and what follows from it: the `since` window
//! keeps developments by their own date (a 2025 article recalling a 2023 meeting
//! does not put that meeting in a window starting 2025), and a brief whose newest
//! development is old says so in its header, so a reader does not take old news
//! for today's.

use chrono::{DateTime, Duration, Utc};

use super::Lines;
use crate::developments::{Development, PendingDevelopment, PendingState};
use crate::model::{Meeting, Statement};
use crate::ranking;

/// A brief whose newest development is older than this is called stale.
pub const STALE_AFTER: Duration = Duration::days(30);

/// A meeting's own date is the ranking's: the day it was held, or when it was
/// announced, planned or called off.
fn meeting_date(d: &Development<Meeting>) -> DateTime<Utc> {
    ranking::own_date(d)
}

/// A statement has no date of its own but its newest report.
fn statement_date(d: &Development<Statement>) -> DateTime<Utc> {
    d.latest()
}

/// A pending item changes when it is announced again and when it is closed.
fn pending_date(p: &PendingDevelopment) -> DateTime<Utc> {
    let announced = p.development.latest();
    match &p.state {
        PendingState::Done { by } | PendingState::Abandoned { by } => {
            announced.max(by.article.published)
        }
        PendingState::Open | PendingState::Overdue => announced,
    }
}

/// The own date of the newest development among the lines, if any.
pub fn latest(lines: &Lines) -> Option<DateTime<Utc>> {
    let met = lines.met.iter().map(meeting_date);
    let said = lines.said.iter().map(statement_date);
    let pending = lines.pending.iter().map(pending_date);
    met.chain(said).chain(pending).max()
}

/// Keeps the developments whose own date is at or after `since`. The store
/// selects articles by publication, which keeps every development reported in
/// the window; this drops those the articles only recall.
pub fn keep_since(lines: &mut Lines, since: DateTime<Utc>) {
    lines.met.retain(|d| meeting_date(d) >= since);
    lines.said.retain(|d| statement_date(d) >= since);
    lines.pending.retain(|p| pending_date(p) >= since);
}

/// "14 months ago" when `latest` is more than [`STALE_AFTER`] before `as_of`,
/// else `None`. Rough on purpose: a header needs the order of magnitude.
pub fn stale_age(latest: DateTime<Utc>, as_of: DateTime<Utc>) -> Option<String> {
    let age = as_of - latest;
    if age <= STALE_AFTER {
        return None;
    }
    let days = age.num_days();
    let (n, unit) = match days {
        ..=59 => (days / 7, "week"),
        // Rounded, at 30.44 days a month and 365.25 a year on average.
        60..=729 => ((days * 100 + 1522) / 3044, "month"),
        _ => ((days * 100 + 18262) / 36525, "year"),
    };
    Some(format!("{n} {unit}{} ago", if n == 1 { "" } else { "s" }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        chrono::NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap()
            .and_utc()
    }

    #[test]
    fn the_age_is_said_only_when_stale_and_in_a_fitting_unit() {
        let now = at(2025, 8, 3);
        assert_eq!(stale_age(at(2025, 7, 20), now), None);
        assert_eq!(stale_age(at(2025, 7, 4), now), None, "30 days is fresh");
        assert_eq!(stale_age(at(2025, 6, 20), now).unwrap(), "6 weeks ago");
        assert_eq!(stale_age(at(2024, 6, 3), now).unwrap(), "14 months ago");
        assert_eq!(stale_age(at(2022, 5, 1), now).unwrap(), "3 years ago");
        assert_eq!(stale_age(at(2024, 8, 1), now).unwrap(), "12 months ago");
    }
}
