//! The order of the brief's "who met" lines: the latest developments first, by
//! the development's own date and by how many articles report it, never by status;
//! a meeting an article recalls from months before (background) never outranks
//! the news.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::developments::Development;
use crate::model::{Meeting, MeetingStatus};

/// A held meeting dated this long before the first article that reports it is
/// background: the article recalls it, it does not report it.
pub const BACKGROUND_AFTER_DAYS: i64 = 14;

/// How fresh a meeting line is, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Freshness {
    /// Held on a date near its first report, or announced, planned or called off
    /// by its reports: what happened or changed.
    News,
    /// Held, with no date: the article may report it or recall it.
    Undated,
    /// Held on a date well before its first report.
    Background,
}

fn noon(d: NaiveDate) -> DateTime<Utc> {
    d.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc()
}

/// Publication time of the earliest report: when the development became news.
fn first_reported(d: &Development<Meeting>) -> DateTime<Utc> {
    d.reports
        .iter()
        .map(|r| r.article.published)
        .min()
        .unwrap_or_else(|| d.latest())
}

/// Whether the meeting is news, undated or background (see `Freshness`).
pub fn freshness(d: &Development<Meeting>) -> Freshness {
    if d.item.status != MeetingStatus::Held {
        return Freshness::News;
    }
    match d.item.date {
        None => Freshness::Undated,
        Some(day) if noon(day) < first_reported(d) - Duration::days(BACKGROUND_AFTER_DAYS) => {
            Freshness::Background
        }
        Some(_) => Freshness::News,
    }
}

/// The development's own date: the day a held meeting took place; for a planned,
/// proposed or cancelled one, when it was announced (its newest report), since
/// that is the development; an undated held meeting, its newest report.
pub fn own_date(d: &Development<Meeting>) -> DateTime<Utc> {
    match (d.item.status, d.item.date) {
        (MeetingStatus::Held, Some(day)) => noon(day),
        _ => d.latest(),
    }
}

/// Sorts meeting lines: news before undated before background; within the news,
/// what took place before what is announced, planned or called off; then by own date (newest first) and by how many
/// articles report it.
pub fn rank_meetings(met: &mut [Development<Meeting>]) {
    met.sort_by_key(|d| {
        (
            freshness(d),
            d.item.status != MeetingStatus::Held,
            std::cmp::Reverse(own_date(d)),
            std::cmp::Reverse(d.reports.len()),
        )
    });
}

/// The most recent meeting that took place: what a reader asks first. Ranked as
/// the brief ranks its lines, so an undated meeting (often one an article
/// recalls) never outranks one dated this week.
pub fn latest_held(met: &[Development<Meeting>]) -> Option<&Development<Meeting>> {
    met.iter()
        .filter(|d| d.item.status == MeetingStatus::Held)
        .min_by_key(|d| {
            (
                freshness(d),
                std::cmp::Reverse(own_date(d)),
                std::cmp::Reverse(d.reports.len()),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::developments::{ArticleRef, Report};
    use crate::model::ArticleId;
    use crate::model::{ActorName, Evidence, MeetingKind, Span};

    fn dev(status: MeetingStatus, date: Option<u32>, published: &[u32]) -> Development<Meeting> {
        let ev = Evidence {
            sentence: "x".into(),
            span: Span::new(0, 1),
        };
        Development {
            item: Meeting {
                participants: vec![ActorName::new("A").unwrap(), ActorName::new("B").unwrap()],
                status,
                date: date.map(|d| NaiveDate::from_ymd_opt(2024, 5, d).unwrap()),
                place: None,
                kind: MeetingKind::Unknown,
                evidence: ev.clone(),
            },
            reports: published
                .iter()
                .map(|p| Report {
                    article: ArticleRef {
                        id: ArticleId(i64::from(*p)),
                        url: String::new(),
                        outlet: String::new(),
                        title: String::new(),
                        published: noon(NaiveDate::from_ymd_opt(2024, 5, *p).unwrap()),
                    },
                    evidence: ev.clone(),
                })
                .collect(),
        }
    }

    #[test]
    fn background_is_a_held_meeting_long_before_its_first_report() {
        assert_eq!(
            freshness(&dev(MeetingStatus::Held, Some(20), &[21])),
            Freshness::News
        );
        assert_eq!(
            freshness(&dev(MeetingStatus::Held, Some(1), &[30])),
            Freshness::Background
        );
        assert_eq!(
            freshness(&dev(MeetingStatus::Held, None, &[30])),
            Freshness::Undated
        );
        assert_eq!(
            freshness(&dev(MeetingStatus::Planned, Some(1), &[30])),
            Freshness::News
        );
    }

    #[test]
    fn the_latest_held_meeting_is_a_dated_one_before_an_undated_recollection() {
        let met = vec![
            dev(MeetingStatus::Held, Some(20), &[21]),
            dev(MeetingStatus::Held, None, &[30]),
            dev(MeetingStatus::Planned, Some(29), &[28]),
            dev(MeetingStatus::Held, Some(2), &[30]),
        ];
        let day = |d: Option<&Development<Meeting>>| d.and_then(|d| d.item.date);
        assert_eq!(day(latest_held(&met)), NaiveDate::from_ymd_opt(2024, 5, 20));
        assert_eq!(
            latest_held(&met[1..2]).map(|d| d.item.date),
            Some(None),
            "with nothing dated, the undated meeting is the latest"
        );
        assert!(latest_held(&met[2..3]).is_none(), "planned is not held");
    }

    #[test]
    fn lines_rank_by_freshness_then_own_date_then_sources() {
        let mut met = vec![
            dev(MeetingStatus::Held, Some(1), &[30]),
            dev(MeetingStatus::Held, None, &[29]),
            dev(MeetingStatus::Held, Some(20), &[21]),
            dev(MeetingStatus::Held, Some(25), &[26]),
            dev(MeetingStatus::Held, Some(20), &[21, 22]),
            dev(MeetingStatus::Planned, Some(28), &[27]),
        ];
        rank_meetings(&mut met);
        let got: Vec<(MeetingStatus, Option<u32>, usize)> = met
            .iter()
            .map(|d| {
                use chrono::Datelike;
                (d.item.status, d.item.date.map(|x| x.day()), d.reports.len())
            })
            .collect();
        assert_eq!(
            got,
            [
                (MeetingStatus::Held, Some(25), 1),
                (MeetingStatus::Held, Some(20), 2),
                (MeetingStatus::Held, Some(20), 1),
                (MeetingStatus::Planned, Some(28), 1),
                (MeetingStatus::Held, None, 1),
                (MeetingStatus::Held, Some(1), 1),
            ]
        );
    }
}
