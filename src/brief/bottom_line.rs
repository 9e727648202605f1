//! The bottom line: the three things a desk asks first (when did they last meet,
//! what comes next, how much is still open) in three sentences made from the
//! brief's own items by a fixed template. A template rather than a model, so every
//! name and date in it is one of the items, and the same store always reads the
//! same.

use chrono::NaiveDate;
use serde::Serialize;

use super::calendar::{CalendarEntry, Upcoming};
use crate::developments::{Development, PendingDevelopment, PendingState, QUIET_AFTER_DAYS};
use crate::model::{ActorName, Meeting, MeetingStatus};
use crate::ranking;

/// The latest held meeting as the bottom line names it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LastMeeting {
    pub participants: Vec<ActorName>,
    /// The day it was held, when an article gives it.
    pub date: Option<NaiveDate>,
    /// The day of its newest report: said instead of a date it lacks.
    pub reported: NaiveDate,
    pub place: Option<String>,
}

/// The bottom line's facts, and the sentences made from them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BottomLine {
    /// The sentences, in order: latest meeting, what is next, what is open.
    pub sentences: Vec<String>,
    pub last_meeting: Option<LastMeeting>,
    /// The first calendar entry.
    pub next: Option<CalendarEntry>,
    /// Pending items still open (due date not passed, or none).
    pub open: usize,
    /// Pending items past their due date with no report either way.
    pub overdue: usize,
}

/// The bottom line of a brief's lines and calendar.
pub fn bottom_line(
    met: &[Development<Meeting>],
    pending: &[PendingDevelopment],
    calendar: &[CalendarEntry],
) -> BottomLine {
    let last_meeting = ranking::latest_held(met).map(|d| LastMeeting {
        participants: d.item.participants.clone(),
        date: d.item.date,
        reported: d.latest().date_naive(),
        place: d.item.place.clone(),
    });
    let next = calendar.first().cloned();
    let count = |want: &PendingState| pending.iter().filter(|p| &p.state == want).count();
    let (open, overdue) = (count(&PendingState::Open), count(&PendingState::Overdue));
    let quiet = pending
        .iter()
        .filter(|p| p.state == PendingState::Open && p.no_follow_up_since.is_some())
        .count();
    let sentences = vec![
        meeting_sentence(last_meeting.as_ref()),
        next_sentence(next.as_ref()),
        pending_sentence(open, quiet, overdue),
    ];
    BottomLine {
        sentences,
        last_meeting,
        next,
        open,
        overdue,
    }
}

/// "Ann Lee", "Ann Lee and Bo Park", "Ann Lee, Bo Park and Cy Moe".
fn names(actors: &[ActorName]) -> String {
    match actors {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!(
            "{} and {last}",
            rest.iter()
                .map(ActorName::as_str)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn place(p: Option<&String>) -> String {
    p.map(|p| format!(" in {p}")).unwrap_or_default()
}

fn meeting_sentence(m: Option<&LastMeeting>) -> String {
    let Some(m) = m else {
        return "No meeting reported held.".into();
    };
    let who = names(&m.participants);
    let at = place(m.place.as_ref());
    match m.date {
        Some(d) => format!("Latest meeting: {who} met on {}{at}.", d.format("%Y-%m-%d")),
        None => format!(
            "Latest meeting: {who} met{at} (reported {}).",
            m.reported.format("%Y-%m-%d")
        ),
    }
}

fn next_sentence(e: Option<&CalendarEntry>) -> String {
    let Some(e) = e else {
        return "Nothing dated ahead.".into();
    };
    let day = e.date.format("%Y-%m-%d");
    match &e.item {
        Upcoming::Meeting {
            participants,
            status,
            place: p,
        } => {
            let how = if *status == MeetingStatus::Proposed {
                "proposed"
            } else {
                "planned"
            };
            format!(
                "Next: {}, {how} for {day}{}.",
                names(participants),
                place(p.as_ref())
            )
        }
        Upcoming::Due { what, actors, .. } => {
            let by = if actors.is_empty() {
                String::new()
            } else {
                format!(" ({})", names(actors))
            };
            format!("Next: “{}”{by}, due {day}.", what.trim())
        }
    }
}

/// How many items are open (`quiet` of them without news for a quarter) and overdue.
fn pending_sentence(open: usize, quiet: usize, overdue: usize) -> String {
    let items = |n: usize| format!("{n} item{}", if n == 1 { "" } else { "s" });
    let open_part = match quiet {
        0 => format!("{} open", items(open)),
        1 if open == 1 => format!("1 item open (without news for {QUIET_AFTER_DAYS} days)"),
        q if q == open => format!(
            "{} open (all without news for {QUIET_AFTER_DAYS} days)",
            items(open)
        ),
        q => format!(
            "{} open ({q} without news for {QUIET_AFTER_DAYS} days)",
            items(open)
        ),
    };
    match (open, overdue) {
        (0, 0) => "Nothing pending is open or overdue.".into(),
        (_, 0) => format!("Pending: {open_part}, none overdue."),
        (0, d) => format!("Pending: {} overdue, none open.", items(d)),
        (_, d) => format!("Pending: {open_part}, {d} overdue."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::calendar::calendar;
    use crate::developments::{ArticleRef, Report};
    use crate::model::ArticleId;
    use crate::model::{Due, Evidence, MeetingKind, Pending, Span};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 3, d).unwrap()
    }

    fn report(published: u32) -> Report {
        Report {
            article: ArticleRef {
                id: ArticleId(published.into()),
                url: String::new(),
                outlet: "Example".into(),
                title: String::new(),
                published: day(published).and_hms_opt(9, 0, 0).unwrap().and_utc(),
            },
            evidence: Evidence {
                sentence: "x".into(),
                span: Span::new(0, 1),
            },
        }
    }

    fn meeting(
        who: &[&str],
        status: MeetingStatus,
        date: Option<u32>,
        place: Option<&str>,
        published: u32,
    ) -> Development<Meeting> {
        Development {
            item: Meeting {
                participants: who.iter().map(|w| ActorName::new(w).unwrap()).collect(),
                status,
                date: date.map(day),
                place: place.map(String::from),
                kind: MeetingKind::Unknown,
                evidence: report(published).evidence,
            },
            reports: vec![report(published)],
        }
    }

    fn pending(what: &str, due: Option<u32>, state: PendingState) -> PendingDevelopment {
        PendingDevelopment {
            development: Development {
                item: Pending {
                    what: what.into(),
                    actors: vec![ActorName::new("Bo Park").unwrap()],
                    due: due.map(|d| Due {
                        text: "soon".into(),
                        date: Some(day(d)),
                    }),
                    evidence: report(1).evidence,
                },
                reports: vec![report(1)],
            },
            state,
            no_follow_up_since: None,
        }
    }

    #[test]
    fn three_sentences_from_the_items() {
        let met = vec![
            meeting(
                &["Ann Lee", "Bo Park"],
                MeetingStatus::Held,
                Some(4),
                Some("Geneva"),
                5,
            ),
            meeting(
                &["Ann Lee", "Cy Moe"],
                MeetingStatus::Held,
                Some(2),
                None,
                3,
            ),
            meeting(
                &["Ann Lee", "Bo Park", "Cy Moe"],
                MeetingStatus::Planned,
                Some(20),
                Some("Rome"),
                5,
            ),
        ];
        let items = vec![
            pending("reply to the offer", Some(12), PendingState::Open),
            pending("name an envoy", None, PendingState::Open),
            pending("sign the deal", Some(3), PendingState::Overdue),
            pending("hold a vote", None, PendingState::Done { by: report(4) }),
        ];
        let b = bottom_line(&met, &items, &calendar(&met, &items, day(10)));
        assert_eq!(
            b.sentences,
            [
                "Latest meeting: Ann Lee and Bo Park met on 2024-03-04 in Geneva.",
                "Next: “reply to the offer” (Bo Park), due 2024-03-12.",
                "Pending: 2 items open, 1 overdue.",
            ]
        );
        let b = bottom_line(&met, &items[1..2], &calendar(&met, &[], day(10)));
        assert_eq!(
            b.sentences[1..],
            [
                "Next: Ann Lee, Bo Park and Cy Moe, planned for 2024-03-20 in Rome.",
                "Pending: 1 item open, none overdue.",
            ]
        );
        // Open items without news for a quarter are counted as such.
        let mut stale = items.clone();
        stale[1].no_follow_up_since = Some(day(1));
        let b = bottom_line(&met, &stale, &calendar(&met, &stale, day(10)));
        assert_eq!(
            b.sentences[2],
            "Pending: 2 items open (1 without news for 90 days), 1 overdue."
        );
        let b = bottom_line(&met, &stale[1..2], &calendar(&met, &[], day(10)));
        assert_eq!(
            b.sentences[2],
            "Pending: 1 item open (without news for 90 days), none overdue."
        );
    }

    #[test]
    fn what_is_missing_is_said_and_an_undated_meeting_gives_its_report() {
        let met = vec![meeting(
            &["Ann Lee", "Bo Park"],
            MeetingStatus::Held,
            None,
            None,
            6,
        )];
        let b = bottom_line(&met, &[], &[]);
        assert_eq!(
            b.sentences,
            [
                "Latest meeting: Ann Lee and Bo Park met (reported 2024-03-06).",
                "Nothing dated ahead.",
                "Nothing pending is open or overdue.",
            ]
        );
        assert_eq!(
            bottom_line(&[], &[], &[]).sentences[0],
            "No meeting reported held."
        );
    }
}
