//! "Next on the calendar": what a reader can plan around. A desk asks what is
//! coming before it asks what happened, so the brief lists the planned or
//! proposed meetings and the pending items whose dates lie ahead, nearest first,
//! apart from the ranked lines (which put what happened first).

use chrono::NaiveDate;
use serde::Serialize;

use crate::developments::{Development, PendingDevelopment, PendingState, Report};
use crate::model::{ActorName, Meeting, MeetingStatus};

/// How many entries the calendar keeps: the next few dates, not a schedule.
pub const CALENDAR_LEN: usize = 5;

/// One date ahead and what falls on it, with the reports behind it so every
/// rendering can cite its sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalendarEntry {
    pub date: NaiveDate,
    #[serde(flatten)]
    pub item: Upcoming,
    /// Newest first, as in the development the entry comes from.
    pub reports: Vec<Report>,
}

/// What is expected on a calendar date.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Upcoming {
    /// A meeting announced (planned) or offered (proposed) for that date.
    Meeting {
        participants: Vec<ActorName>,
        status: MeetingStatus,
        place: Option<String>,
    },
    /// A pending item due that day; `due` is the wording of the article.
    Due {
        what: String,
        actors: Vec<ActorName>,
        due: String,
    },
}

/// The calendar of a brief: meetings not yet held with a date on or after
/// `today`, and open items due on or after it, by date (meetings before items on
/// the same day, then in the brief's order), at most [`CALENDAR_LEN`].
pub fn calendar(
    met: &[Development<Meeting>],
    pending: &[PendingDevelopment],
    today: NaiveDate,
) -> Vec<CalendarEntry> {
    let meetings = met.iter().filter_map(|d| {
        let m = &d.item;
        let ahead = matches!(m.status, MeetingStatus::Planned | MeetingStatus::Proposed);
        let date = m.date.filter(|day| ahead && *day >= today)?;
        Some(CalendarEntry {
            date,
            item: Upcoming::Meeting {
                participants: m.participants.clone(),
                status: m.status,
                place: m.place.clone(),
            },
            reports: d.reports.clone(),
        })
    });
    let dues = pending.iter().filter_map(|p| {
        if p.state != PendingState::Open {
            return None;
        }
        let item = &p.development.item;
        let due = item.due.as_ref()?;
        let date = due.date.filter(|day| *day >= today)?;
        Some(CalendarEntry {
            date,
            item: Upcoming::Due {
                what: item.what.clone(),
                actors: item.actors.clone(),
                due: due.text.clone(),
            },
            reports: p.development.reports.clone(),
        })
    });
    let mut out: Vec<CalendarEntry> = meetings.chain(dues).collect();
    // Stable: on one day, meetings (chained first) stay before items.
    out.sort_by_key(|e| e.date);
    out.truncate(CALENDAR_LEN);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::developments::ArticleRef;
    use crate::model::ArticleId;
    use crate::model::{Due, Evidence, MeetingKind, Pending, Span};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 3, d).unwrap()
    }

    fn report() -> Report {
        Report {
            article: ArticleRef {
                id: ArticleId(1),
                url: "https://news.example/a".into(),
                outlet: "Example".into(),
                title: "A".into(),
                published: day(1).and_hms_opt(9, 0, 0).unwrap().and_utc(),
            },
            evidence: Evidence {
                sentence: "x".into(),
                span: Span::new(0, 1),
            },
        }
    }

    fn meeting(status: MeetingStatus, date: Option<u32>) -> Development<Meeting> {
        Development {
            item: Meeting {
                participants: vec![ActorName::new("Ann Lee").unwrap()],
                status,
                date: date.map(day),
                place: None,
                kind: MeetingKind::Unknown,
                evidence: report().evidence,
            },
            reports: vec![report()],
        }
    }

    fn due(what: &str, date: Option<u32>, state: PendingState) -> PendingDevelopment {
        PendingDevelopment {
            development: Development {
                item: Pending {
                    what: what.into(),
                    actors: vec![],
                    due: Some(Due {
                        text: "by then".into(),
                        date: date.map(day),
                    }),
                    evidence: report().evidence,
                },
                reports: vec![report()],
            },
            state,
            no_follow_up_since: None,
        }
    }

    fn dates(c: &[CalendarEntry]) -> Vec<u32> {
        use chrono::Datelike;
        c.iter().map(|e| e.date.day()).collect()
    }

    #[test]
    fn only_dates_ahead_of_meetings_not_held_and_of_open_items_by_date() {
        let met = vec![
            meeting(MeetingStatus::Held, Some(20)),
            meeting(MeetingStatus::Planned, Some(18)),
            meeting(MeetingStatus::Proposed, Some(12)),
            meeting(MeetingStatus::Planned, Some(9)),
            meeting(MeetingStatus::Planned, None),
            meeting(MeetingStatus::Cancelled, Some(15)),
        ];
        let report = report();
        let pending = vec![
            due("vote", Some(12), PendingState::Open),
            due("reply", Some(14), PendingState::Done { by: report }),
            due("draft", None, PendingState::Open),
            due("sign", Some(5), PendingState::Overdue),
        ];
        let c = calendar(&met, &pending, day(10));
        assert_eq!(dates(&c), [12, 12, 18]);
        assert!(
            matches!(
                c[0].item,
                Upcoming::Meeting {
                    status: MeetingStatus::Proposed,
                    ..
                }
            ),
            "on one day the meeting comes first"
        );
        assert!(matches!(&c[1].item, Upcoming::Due { what, .. } if what == "vote"));
        assert_eq!(
            dates(&calendar(&met, &pending, day(9))),
            [9, 12, 12, 18],
            "today is on the calendar"
        );
    }

    #[test]
    fn the_calendar_is_short() {
        let met: Vec<_> = (11..20)
            .rev()
            .map(|d| meeting(MeetingStatus::Planned, Some(d)))
            .collect();
        assert_eq!(dates(&calendar(&met, &[], day(10))), [11, 12, 13, 14, 15]);
    }
}
