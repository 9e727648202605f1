//! The events an alert posts, read from a topic's brief lines: a meeting held,
//! newly planned or called off; a pending item reported done or dropped, or past
//! its due date with no such report.
//!
//! Each event has a key that names the event rather than the article: the
//! status, the parties' surnames and the day for a meeting; the state and the
//! words for a pending item. Five outlets reporting one meeting give one key
//! (the brief already merges them into one development), and a later report that
//! spells a name in full or adds the day the first one lacked is the same event
//! (see [`is_new`]).

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::brief::Lines;
use crate::developments::{ArticleRef, Development, PendingDevelopment, PendingState, fold};
use crate::model::{Meeting, MeetingStatus};
use crate::store::alert::AlertScope;

/// Only events reported this recently are posted: an article recalling an old
/// meeting, or a backlog read after downtime, is taken in without a card.
pub const FRESH_FOR: Duration = Duration::hours(48);

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    Held,
    Planned,
    Cancelled,
    Done,
    Dropped,
    Overdue,
}

impl EventKind {
    fn key(self) -> &'static str {
        match self {
            EventKind::Held => "held",
            EventKind::Planned => "planned",
            EventKind::Cancelled => "cancelled",
            EventKind::Done => "done",
            EventKind::Dropped => "dropped",
            EventKind::Overdue => "overdue",
        }
    }

    /// The card's word for it.
    pub fn label(self) -> &'static str {
        match self {
            EventKind::Held => "Met",
            EventKind::Planned => "Planned",
            EventKind::Cancelled => "Called off",
            EventKind::Done => "Done",
            EventKind::Dropped => "Dropped",
            EventKind::Overdue => "Overdue",
        }
    }

    fn is_meeting(self) -> bool {
        matches!(
            self,
            EventKind::Held | EventKind::Planned | EventKind::Cancelled
        )
    }
}

/// One development as a card line.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub kind: EventKind,
    pub key: String,
    /// "Antony Blinken – Sergei Lavrov, Geneva" or the pending item's words.
    pub what: String,
    /// The meeting's day, or the item's due day.
    pub day: Option<NaiveDate>,
    /// The report the card links to (the newest).
    pub source: ArticleRef,
    /// When the event became news: its newest report, or the due day passing.
    pub reported: DateTime<Utc>,
}

fn surnames(m: &Meeting) -> String {
    let mut names: Vec<String> = m
        .participants
        .iter()
        .filter_map(|p| {
            fold(p.as_str())
                .split_whitespace()
                .last()
                .map(str::to_string)
        })
        .collect();
    names.sort();
    names.dedup();
    names.join(",")
}

fn meeting_event(d: &Development<Meeting>) -> Option<Event> {
    let m = &d.item;
    let kind = match m.status {
        MeetingStatus::Held => EventKind::Held,
        MeetingStatus::Planned => EventKind::Planned,
        MeetingStatus::Cancelled => EventKind::Cancelled,
        MeetingStatus::Proposed => return None,
    };
    let day = m.date.map_or("undated".to_string(), |d| d.to_string());
    let newest = d.reports.iter().max_by_key(|r| r.article.published)?;
    let mut what = crate::render::participants(&m.participants);
    if let Some(place) = &m.place {
        what.push_str(&format!(", {place}"));
    }
    Some(Event {
        kind,
        key: format!("{}|{}|{day}", kind.key(), surnames(m)),
        what,
        day: m.date,
        source: newest.article.clone(),
        reported: newest.article.published,
    })
}

fn pending_event(p: &PendingDevelopment, now: DateTime<Utc>) -> Option<Event> {
    let item = &p.development.item;
    let due = item.due.as_ref().and_then(|d| d.date);
    let (kind, source, reported) = match &p.state {
        PendingState::Done { by } => (EventKind::Done, by.article.clone(), by.article.published),
        PendingState::Abandoned { by } => {
            (EventKind::Dropped, by.article.clone(), by.article.published)
        }
        // Overdue is news on the day after the due day, not before a report.
        PendingState::Overdue => {
            let newest = p
                .development
                .reports
                .iter()
                .max_by_key(|r| r.article.published)?;
            let passed = (due? + Duration::days(1)).and_hms_opt(0, 0, 0)?.and_utc();
            (EventKind::Overdue, newest.article.clone(), passed.min(now))
        }
        PendingState::Open => return None,
    };
    let words: String = fold(&item.what).chars().take(80).collect();
    Some(Event {
        kind,
        key: format!("{}|{words}", kind.key()),
        what: item.what.clone(),
        day: due,
        source,
        reported,
    })
}

/// The events among a topic's lines that an alert of `scope` follows.
pub fn events(lines: &Lines, scope: AlertScope, now: DateTime<Utc>) -> Vec<Event> {
    let meetings = lines.met.iter().filter_map(meeting_event);
    let pending = lines.pending.iter().filter_map(|p| pending_event(p, now));
    meetings
        .chain(pending)
        .filter(|e| match scope {
            AlertScope::Meetings => e.kind.is_meeting(),
            AlertScope::Pending => !e.kind.is_meeting(),
            AlertScope::All => true,
        })
        .collect()
}

/// Whether `event` is new to an alert that has taken in `seen`: its key is not
/// there, nor a meeting key of the same status and parties whose day is the
/// same, within two days, or missing on either side (a report that adds the
/// day, or gives one a day off, is the same meeting).
pub fn is_new(event: &Event, seen: &std::collections::HashSet<String>) -> bool {
    if seen.contains(&event.key) {
        return false;
    }
    if !event.kind.is_meeting() {
        return true;
    }
    let (head, day) = event.key.rsplit_once('|').unwrap_or((&event.key, ""));
    let day = day.parse::<NaiveDate>().ok();
    !seen.iter().any(|k| {
        let Some((h, d)) = k.rsplit_once('|') else {
            return false;
        };
        h == head
            && match (day, d.parse::<NaiveDate>().ok()) {
                (Some(a), Some(b)) => (a - b).num_days().abs() <= 2,
                _ => true,
            }
    })
}

/// Whether an event is recent enough to post (see [`FRESH_FOR`]).
pub fn is_fresh(event: &Event, now: DateTime<Utc>) -> bool {
    event.reported >= now - FRESH_FOR
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::developments::Report;
    use crate::model::{ActorName, ArticleId, Due, Evidence, MeetingKind, Pending, Span};

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        NaiveDate::from_ymd_opt(2024, 7, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
            .and_utc()
    }

    fn report(id: i64, published: DateTime<Utc>) -> Report {
        Report {
            article: ArticleRef {
                id: ArticleId(id),
                url: format!("https://news.example/{id}"),
                outlet: "Example".into(),
                title: "t".into(),
                published,
            },
            evidence: Evidence {
                sentence: "s".into(),
                span: Span::new(0, 1),
            },
        }
    }

    fn meeting(names: &[&str], status: MeetingStatus, day: Option<u32>) -> Development<Meeting> {
        Development {
            item: Meeting {
                participants: names.iter().map(|n| ActorName::new(n).unwrap()).collect(),
                status,
                date: day.map(|d| NaiveDate::from_ymd_opt(2024, 7, d).unwrap()),
                place: None,
                kind: MeetingKind::Unknown,
                evidence: report(1, at(1, 9)).evidence,
            },
            reports: vec![report(1, at(3, 9)), report(2, at(3, 11))],
        }
    }

    fn lines(met: Vec<Development<Meeting>>, pending: Vec<PendingDevelopment>) -> Lines {
        Lines {
            met,
            said: vec![],
            pending,
        }
    }

    #[test]
    fn a_meeting_is_one_event_keyed_by_status_surnames_and_day() {
        let l = lines(
            vec![
                meeting(&["Ana Veld", "Per Lund"], MeetingStatus::Held, Some(2)),
                meeting(&["Tam Ruen", "Ola Brek"], MeetingStatus::Proposed, None),
            ],
            vec![],
        );
        let e = events(&l, AlertScope::All, at(3, 12));
        assert_eq!(e.len(), 1, "a proposal is no event");
        assert_eq!(e[0].key, "held|lund,veld|2024-07-02");
        assert_eq!(e[0].source.id, ArticleId(2), "the newest report");
        assert_eq!(e[0].reported, at(3, 11));
        assert!(events(&l, AlertScope::Pending, at(3, 12)).is_empty());
        assert!(is_fresh(&e[0], at(5, 10)) && !is_fresh(&e[0], at(5, 12)));
    }

    #[test]
    fn a_later_report_that_adds_the_day_or_a_full_name_is_the_same_event() {
        let seen: std::collections::HashSet<String> = ["held|lund,veld|undated".to_string()].into();
        let full = meeting(&["Ms Ana Veld", "Per Lund"], MeetingStatus::Held, Some(2));
        let e = &events(&lines(vec![full], vec![]), AlertScope::All, at(3, 12))[0];
        assert!(!is_new(e, &seen));
        let seen: std::collections::HashSet<String> =
            ["held|lund,veld|2024-07-01".to_string()].into();
        assert!(!is_new(e, &seen), "a day off is the same meeting");
        let seen: std::collections::HashSet<String> = [
            "held|lund,veld|2024-06-20".to_string(),
            "planned|lund,veld|2024-07-02".to_string(),
        ]
        .into();
        assert!(is_new(e, &seen), "another round, and the plan before it");
    }

    #[test]
    fn pending_items_are_events_when_closed_or_overdue_not_while_open() {
        let item = |what: &str, state: PendingState| PendingDevelopment {
            development: Development {
                item: Pending {
                    what: what.into(),
                    actors: vec![],
                    due: Some(Due {
                        text: "by 2 July".into(),
                        date: NaiveDate::from_ymd_opt(2024, 7, 2),
                    }),
                    evidence: report(1, at(1, 9)).evidence,
                },
                reports: vec![report(1, at(1, 9))],
            },
            state,
            no_follow_up_since: None,
        };
        let l = lines(
            vec![],
            vec![
                item("send its reply", PendingState::Open),
                item("publish the draft", PendingState::Overdue),
                item(
                    "release the detainees",
                    PendingState::Done {
                        by: report(5, at(4, 8)),
                    },
                ),
            ],
        );
        let e = events(&l, AlertScope::Pending, at(4, 12));
        let kinds: Vec<(EventKind, &str)> = e.iter().map(|e| (e.kind, e.what.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (EventKind::Overdue, "publish the draft"),
                (EventKind::Done, "release the detainees")
            ]
        );
        assert_eq!(e[0].reported, at(3, 0), "news the day after the due day");
        assert_eq!(e[1].source.id, ArticleId(5), "the report that closed it");
        assert!(events(&l, AlertScope::Meetings, at(4, 12)).is_empty());
    }
}
