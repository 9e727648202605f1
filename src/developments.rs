//! From per-article extractions to developments: the same meeting reported by five
//! outlets is one development with five reports; the same quote in two articles is
//! one statement; a pending item stays open until a later article reports it done.
//!
//! Pure functions over extracted items and the articles they came from, so the brief
//! (from the store) and `readout extract` on a story file (from JSON) share them.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::model::{Evidence, Meeting, MeetingStatus, Outcome, Pending, Statement};

/// The article a claim links to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleRef {
    pub id: String,
    pub url: String,
    pub outlet: String,
    pub title: String,
    pub published: DateTime<Utc>,
}

/// One item as one article reported it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reported<T> {
    pub item: T,
    pub article: ArticleRef,
}

/// Where a development was reported: the article and the sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    pub article: ArticleRef,
    pub evidence: Evidence,
}

/// One development and every report of it, newest report first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Development<T> {
    pub item: T,
    pub reports: Vec<Report>,
}

impl<T> Development<T> {
    /// Publication time of the newest report: what the brief ranks by.
    pub fn latest(&self) -> DateTime<Utc> {
        self.reports
            .iter()
            .map(|r| r.article.published)
            .max()
            .expect("a development has at least one report")
    }
}

/// Where a pending item stands after every article seen so far.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum PendingState {
    Open,
    /// Still open and its due date has passed.
    Overdue,
    /// A later article reports it carried out.
    Done {
        by: Report,
    },
    /// A later article reports it dropped or superseded.
    Abandoned {
        by: Report,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PendingDevelopment {
    pub development: Development<Pending>,
    pub state: PendingState,
}

fn report_of<T>(r: &Reported<T>, evidence: &Evidence) -> Report {
    Report {
        article: r.article.clone(),
        evidence: evidence.clone(),
    }
}

fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Merges meetings that are the same event: same status, same participants (as a
/// set, case-folded), and no conflicting dates.
pub fn merge_meetings(items: Vec<Reported<Meeting>>) -> Vec<Development<Meeting>> {
    let mut out: Vec<Development<Meeting>> = Vec::new();
    for r in items {
        let key = |m: &Meeting| {
            let mut p: Vec<String> = m.participants.iter().map(|a| fold(a.as_str())).collect();
            p.sort();
            p
        };
        let k = key(&r.item);
        let found = out.iter_mut().find(|d| {
            d.item.status == r.item.status
                && key(&d.item) == k
                && (d.item.date.is_none() || r.item.date.is_none() || d.item.date == r.item.date)
        });
        let report = report_of(&r, &r.item.evidence);
        match found {
            Some(d) => {
                if d.item.date.is_none() {
                    d.item.date = r.item.date;
                }
                if d.item.place.is_none() {
                    d.item.place = r.item.place.clone();
                }
                d.reports.push(report);
            }
            None => out.push(Development {
                item: r.item,
                reports: vec![report],
            }),
        }
    }
    for d in &mut out {
        d.reports
            .sort_by_key(|r| std::cmp::Reverse(r.article.published));
    }
    out
}

/// Merges the same quote from the same speaker across articles.
pub fn merge_statements(items: Vec<Reported<Statement>>) -> Vec<Development<Statement>> {
    let mut out: Vec<Development<Statement>> = Vec::new();
    for r in items {
        let q = fold(&r.item.quote);
        let s = fold(r.item.speaker.as_str());
        let report = report_of(&r, &r.item.evidence);
        match out
            .iter_mut()
            .find(|d| fold(&d.item.quote) == q && fold(d.item.speaker.as_str()) == s)
        {
            Some(d) => d.reports.push(report),
            None => out.push(Development {
                item: r.item,
                reports: vec![report],
            }),
        }
    }
    for d in &mut out {
        d.reports
            .sort_by_key(|r| std::cmp::Reverse(r.article.published));
    }
    out
}

/// Tracks pending items through later outcomes. An outcome closes a pending item
/// when it comes from a later article and says the same thing was done.
pub fn track_pending(
    pending: Vec<Reported<Pending>>,
    outcomes: &[Reported<Outcome>],
    today: NaiveDate,
) -> Vec<PendingDevelopment> {
    let _ = outcomes;
    let mut out: Vec<PendingDevelopment> = Vec::new();
    for r in pending {
        let report = report_of(&r, &r.item.evidence);
        let w = fold(&r.item.what);
        match out.iter_mut().find(|d| fold(&d.development.item.what) == w) {
            Some(d) => d.development.reports.push(report),
            None => out.push(PendingDevelopment {
                state: match r.item.due.as_ref().and_then(|d| d.date) {
                    Some(due) if due < today => PendingState::Overdue,
                    _ => PendingState::Open,
                },
                development: Development {
                    item: r.item,
                    reports: vec![report],
                },
            }),
        }
    }
    out
}

/// The most recent meeting that took place: what a reader asks first.
pub fn latest_held_meeting(meetings: &[Development<Meeting>]) -> Option<&Development<Meeting>> {
    meetings
        .iter()
        .filter(|d| d.item.status == MeetingStatus::Held)
        .max_by_key(|d| {
            (
                d.item.date.unwrap_or_else(|| d.latest().date_naive()),
                d.latest(),
            )
        })
}
