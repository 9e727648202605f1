//! The brief: for a topic and a window, a bottom line and the dates ahead, then
//! who met, what was said, what is pending, and the sources behind every item.
//! `assemble` is a pure function of the store's contents and the clock;
//! `brief_for` only fetches the material ([`material`]) and applies the window.
//!
//! # Layout
//! - [`material`]: what a brief reads from the store, newest first, a kind of
//!   item only until it has enough.
//! - [`calendar`]: the meetings and due dates ahead ("Next on the calendar").
//! - [`bottom_line`]: the three opening sentences, from the items by a template.
//! - [`recency`]: each development's own date, the `since` window by it, and
//!   the stale header.
//! - [`said`]: the order of the quotes (the speaker's part in the brief's
//!   events, at most a few per article before the others).

pub mod bottom_line;
pub mod calendar;
pub mod material;
pub mod recency;
pub mod said;

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::developments::{
    ArticleRef, Development, PendingDevelopment, PendingState, Reported, merge_meetings,
    merge_statements, track_pending,
};
use crate::model::{Meeting, Statement, TopicName};
use crate::quotes;
use crate::ranking;
use crate::store::{Scope, Store, StoreError, StoredArticle};
use crate::topics;

pub use bottom_line::BottomLine;
pub use calendar::{CalendarEntry, Upcoming};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Brief {
    pub topic: TopicName,
    pub as_of: DateTime<Utc>,
    /// `None`: the most recent developments whatever their age.
    pub since: Option<DateTime<Utc>>,
    /// Opening sentences made from the items below, and the facts behind them.
    pub bottom_line: BottomLine,
    /// Meetings not yet held and open items due on or after `as_of`, by date.
    pub calendar: Vec<CalendarEntry>,
    /// The own date of the newest development in the brief.
    pub latest: Option<DateTime<Utc>>,
    /// "14 months ago" when `latest` is old (see [`recency::STALE_AFTER`]), so
    /// the header warns the reader.
    pub stale: Option<String>,
    /// When the `since` window holds nothing: the own date of the newest
    /// development before it, so the reader learns where to look.
    pub latest_before_window: Option<DateTime<Utc>>,
    pub met: Vec<Development<Meeting>>,
    pub said: Vec<Development<Statement>>,
    pub pending: Vec<PendingDevelopment>,
    /// Every article an item cites, newest first.
    pub sources: Vec<ArticleRef>,
}

impl Brief {
    pub fn is_empty(&self) -> bool {
        self.met.is_empty() && self.said.is_empty() && self.pending.is_empty()
    }

    /// 1-based number of an article in `sources`, for `[n]` references.
    pub fn source_number(&self, article: &ArticleRef) -> Option<usize> {
        self.sources
            .iter()
            .position(|s| s.id == article.id)
            .map(|i| i + 1)
    }

    /// Whether the window holds nothing though the topic has developments
    /// before it: the renderings then say when the last one was.
    pub fn window_is_empty(&self) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        match (self.since, self.latest_before_window) {
            (Some(since), Some(latest)) if self.is_empty() => Some((since, latest)),
            _ => None,
        }
    }
}

/// The ranked lines of a brief, before the parts made from them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lines {
    pub met: Vec<Development<Meeting>>,
    pub said: Vec<Development<Statement>>,
    pub pending: Vec<PendingDevelopment>,
}

/// Loads the topic's material from the store, keeps the items that are about the
/// topic themselves (not merely in an article that mentions it), keeps the
/// developments whose own date is in the window, and assembles the brief.
pub async fn brief_for(
    store: &dyn Store,
    scope: Scope,
    topic: &TopicName,
    since: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<Brief, StoreError> {
    let started = std::time::Instant::now();
    let t = topics::resolve(store, scope, topic).await?;
    let material = material::read(store, &t.aliases, since).await?;
    let mut lines = lines_of(material, now);
    if let Some(since) = since {
        recency::keep_since(&mut lines, since);
    }
    let mut brief = finish(topic.clone(), now, since, lines);
    if since.is_some() && brief.is_empty() {
        // Only for an empty window: the second read costs a brief without `since`.
        let material = material::read(store, &t.aliases, None).await?;
        brief.latest_before_window = recency::latest(&lines_of(material, now));
    }
    crate::metrics::METRICS
        .brief_seconds
        .observe(started.elapsed());
    Ok(brief)
}

/// Builds the brief from articles (any order) and their extractions, every item
/// taken as on topic and in the window (the digest reads `since` as its own
/// window and keeps what is new itself).
pub fn assemble(
    topic: TopicName,
    as_of: DateTime<Utc>,
    since: Option<DateTime<Utc>>,
    material: Vec<StoredArticle>,
) -> Brief {
    finish(topic, as_of, since, lines_of(material, as_of))
}

/// Merges and ranks the items of the material into lines; pending items are
/// tracked up to `as_of`.
pub fn lines_of(mut material: Vec<StoredArticle>, as_of: DateTime<Utc>) -> Lines {
    // Oldest first, so a later article can close an earlier pending item.
    material.sort_by(|a, b| {
        a.article
            .published
            .cmp(&b.article.published)
            .then(a.article.id.cmp(&b.article.id))
    });
    let mut meetings = Vec::new();
    let mut statements = Vec::new();
    let mut pending = Vec::new();
    let mut outcomes = Vec::new();
    for m in material {
        let a = m.article;
        let x = m.extraction;
        meetings.extend(x.meetings.into_iter().map(|item| Reported {
            item,
            article: a.clone(),
        }));
        statements.extend(x.statements.into_iter().map(|item| Reported {
            item,
            article: a.clone(),
        }));
        pending.extend(x.pending.into_iter().map(|item| Reported {
            item,
            article: a.clone(),
        }));
        outcomes.extend(x.outcomes.into_iter().map(|item| Reported {
            item,
            article: a.clone(),
        }));
    }

    let mut met = merge_meetings(meetings);
    ranking::rank_meetings(&mut met);
    statements.retain(|r| !quotes::is_housekeeping(&r.item.quote));
    let mut said = merge_statements(statements);
    said::rank(&mut said, &met);
    let mut pending = track_pending(pending, &outcomes, as_of.date_naive());
    // Open and overdue items first, newest first; closed ones after.
    pending.sort_by_key(|p| {
        let closed = matches!(
            p.state,
            PendingState::Done { .. } | PendingState::Abandoned { .. }
        );
        (closed, std::cmp::Reverse(p.development.latest()))
    });
    Lines { met, said, pending }
}

/// Every article the lines cite, newest first.
fn sources_of(lines: &Lines) -> Vec<ArticleRef> {
    cited_sources(&lines.met, &lines.said, &lines.pending)
}

/// Every article these lines cite, a closing report included, newest first: the
/// numbered sources a rendering refers to.
pub(crate) fn cited_sources(
    met: &[Development<Meeting>],
    said: &[Development<Statement>],
    pending: &[PendingDevelopment],
) -> Vec<ArticleRef> {
    let mut sources: Vec<ArticleRef> = Vec::new();
    let cited = met
        .iter()
        .flat_map(|d| &d.reports)
        .chain(said.iter().flat_map(|d| &d.reports))
        .chain(pending.iter().flat_map(|p| &p.development.reports))
        .chain(pending.iter().filter_map(|p| match &p.state {
            PendingState::Done { by } | PendingState::Abandoned { by } => Some(by),
            _ => None,
        }));
    for r in cited {
        if !sources.iter().any(|s| s.id == r.article.id) {
            sources.push(r.article.clone());
        }
    }
    sources.sort_by(|a, b| b.published.cmp(&a.published).then(a.id.cmp(&b.id)));
    sources
}

/// The brief of the lines: the sources they cite, and the parts made from them
/// (calendar, bottom line, the newest development's date).
pub fn finish(
    topic: TopicName,
    as_of: DateTime<Utc>,
    since: Option<DateTime<Utc>>,
    lines: Lines,
) -> Brief {
    let sources = sources_of(&lines);
    let calendar = calendar::calendar(&lines.met, &lines.pending, as_of.date_naive());
    let bottom_line = bottom_line::bottom_line(&lines.met, &lines.pending, &calendar);
    let latest = recency::latest(&lines);
    Brief {
        topic,
        as_of,
        since,
        bottom_line,
        calendar,
        latest,
        stale: latest.and_then(|l| recency::stale_age(l, as_of)),
        latest_before_window: None,
        met: lines.met,
        said: lines.said,
        pending: lines.pending,
        sources,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        ActorName, ArticleId, Evidence, Extraction, MeetingKind, MeetingStatus, Span, Speech,
    };
    use chrono::NaiveDate;

    fn article(id: i64, day: u32) -> ArticleRef {
        ArticleRef {
            id: ArticleId(id),
            url: format!("https://news.example/{id}"),
            outlet: "Example".into(),
            title: format!("Story {id}"),
            published: NaiveDate::from_ymd_opt(2024, 3, day)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap()
                .and_utc(),
        }
    }

    fn ev(s: &str) -> Evidence {
        Evidence {
            sentence: s.into(),
            span: Span::new(0, s.len()),
        }
    }

    fn meeting(a: &str, b: &str, status: MeetingStatus, day: Option<u32>) -> Meeting {
        Meeting {
            participants: vec![ActorName::new(a).unwrap(), ActorName::new(b).unwrap()],
            status,
            date: day.map(|d| NaiveDate::from_ymd_opt(2024, 3, d).unwrap()),
            place: None,
            kind: MeetingKind::InPerson,
            evidence: ev(&format!("{a} met {b}.")),
        }
    }

    #[test]
    fn the_same_meeting_from_two_outlets_is_one_item_with_two_sources() {
        let x = |m: Meeting| Extraction {
            meetings: vec![m],
            ..Default::default()
        };
        let material = vec![
            StoredArticle {
                contexts: Default::default(),
                article: article(1, 2),
                extraction: x(meeting("Ann Lee", "Bo Park", MeetingStatus::Held, Some(1))),
            },
            StoredArticle {
                contexts: Default::default(),
                article: article(2, 3),
                extraction: x(meeting("Bo Park", "Ann Lee", MeetingStatus::Held, None)),
            },
            StoredArticle {
                contexts: Default::default(),
                article: article(3, 4),
                extraction: x(meeting(
                    "Cy Moe",
                    "Ann Lee",
                    MeetingStatus::Planned,
                    Some(9),
                )),
            },
        ];
        let b = assemble(
            TopicName::parse("x").unwrap(),
            article(26, 5).published,
            None,
            material,
        );
        assert_eq!(b.met.len(), 2);
        assert_eq!(b.met[0].item.status, MeetingStatus::Held);
        assert_eq!(b.met[0].reports.len(), 2);
        assert_eq!(
            b.met[0].reports[0].article.id,
            ArticleId(2),
            "newest report first"
        );
        assert_eq!(
            b.sources.iter().map(|s| s.id).collect::<Vec<_>>(),
            [ArticleId(3), ArticleId(2), ArticleId(1)]
        );
        assert_eq!(b.source_number(&article(2, 3)), Some(2));
    }

    #[test]
    fn housekeeping_quotes_are_not_shown() {
        let st = |q: &str| Statement {
            speaker: ActorName::new("Ann Lee").unwrap(),
            quote: q.into(),
            speech: Speech::Direct,
            audience: None,
            evidence: ev(q),
        };
        let material = vec![StoredArticle {
            contexts: Default::default(),
            article: article(20, 1),
            extraction: Extraction {
                statements: vec![
                    st("Thank you all."),
                    st("Talks resume on Monday."),
                    st("Yeah."),
                ],
                ..Default::default()
            },
        }];
        let b = assemble(
            TopicName::parse("x").unwrap(),
            article(26, 9).published,
            None,
            material,
        );
        let said: Vec<&str> = b.said.iter().map(|d| d.item.quote.as_str()).collect();
        assert_eq!(said, ["Talks resume on Monday."]);
    }

    #[test]
    fn statements_rank_newest_first() {
        let st = |q: &str| Statement {
            speaker: ActorName::new("Ann Lee").unwrap(),
            quote: q.into(),
            speech: Speech::Direct,
            audience: None,
            evidence: ev(q),
        };
        let material = vec![
            StoredArticle {
                contexts: Default::default(),
                article: article(21, 1),
                extraction: Extraction {
                    statements: vec![st("Old words.")],
                    ..Default::default()
                },
            },
            StoredArticle {
                contexts: Default::default(),
                article: article(22, 8),
                extraction: Extraction {
                    statements: vec![st("New words.")],
                    ..Default::default()
                },
            },
        ];
        let b = assemble(
            TopicName::parse("x").unwrap(),
            article(26, 9).published,
            None,
            material,
        );
        assert_eq!(b.said[0].item.quote, "New words.");
        assert!(!b.is_empty());
    }

    fn with_meetings(id: i64, day: u32, meetings: Vec<Meeting>) -> StoredArticle {
        StoredArticle {
            contexts: Default::default(),
            article: article(id, day),
            extraction: Extraction {
                meetings,
                ..Default::default()
            },
        }
    }

    /// Article 10 was stored after article 9: as text its id would sort first.
    #[test]
    fn articles_of_the_same_second_are_cited_in_the_order_they_were_stored() {
        let material = vec![
            with_meetings(
                10,
                2,
                vec![meeting("Ann Lee", "Bo Park", MeetingStatus::Held, Some(1))],
            ),
            with_meetings(
                9,
                2,
                vec![meeting("Cy Moe", "Dee Roe", MeetingStatus::Held, Some(1))],
            ),
        ];
        let b = assemble(
            TopicName::parse("x").unwrap(),
            article(26, 5).published,
            None,
            material,
        );
        assert_eq!(
            b.sources.iter().map(|s| s.id).collect::<Vec<_>>(),
            [ArticleId(9), ArticleId(10)]
        );
    }

    #[test]
    fn the_brief_opens_with_a_bottom_line_and_the_dates_ahead() {
        let material = vec![
            with_meetings(
                1,
                2,
                vec![meeting("Ann Lee", "Bo Park", MeetingStatus::Held, Some(1))],
            ),
            with_meetings(
                2,
                4,
                vec![
                    meeting("Cy Moe", "Ann Lee", MeetingStatus::Planned, Some(9)),
                    meeting("Dee Roe", "Ann Lee", MeetingStatus::Planned, Some(3)),
                ],
            ),
        ];
        let b = assemble(
            TopicName::parse("x").unwrap(),
            article(26, 5).published,
            None,
            material,
        );
        assert_eq!(
            b.calendar.len(),
            1,
            "the meeting planned for the 3rd is past"
        );
        assert_eq!(
            b.calendar[0].date,
            NaiveDate::from_ymd_opt(2024, 3, 9).unwrap()
        );
        assert_eq!(b.calendar[0].reports[0].article.id, ArticleId(2));
        assert_eq!(
            b.bottom_line.sentences,
            [
                "Latest meeting: Ann Lee and Bo Park met on 2024-03-01.",
                "Next: Cy Moe and Ann Lee, planned for 2024-03-09.",
                "Nothing pending is open or overdue.",
            ]
        );
        assert_eq!(b.latest, Some(article(2, 4).published));
        assert_eq!(b.stale, None);
        let v = serde_json::to_value(&b).unwrap();
        assert_eq!(v["calendar"][0]["kind"], "meeting");
        assert_eq!(v["bottom_line"]["sentences"][1], b.bottom_line.sentences[1]);
    }

    #[test]
    fn an_old_newest_development_makes_the_brief_stale() {
        let material = vec![with_meetings(
            1,
            2,
            vec![meeting("Ann Lee", "Bo Park", MeetingStatus::Held, Some(1))],
        )];
        let as_of = NaiveDate::from_ymd_opt(2025, 5, 1)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
            .and_utc();
        let b = assemble(TopicName::parse("x").unwrap(), as_of, None, material);
        assert_eq!(b.stale.as_deref(), Some("14 months ago"));
    }

    #[test]
    fn the_window_keeps_developments_by_their_own_date() {
        let mut recalled = meeting("Ann Lee", "Bo Park", MeetingStatus::Held, None);
        recalled.date = NaiveDate::from_ymd_opt(2023, 5, 15);
        let material = vec![
            with_meetings(
                21,
                3,
                vec![meeting("Ann Lee", "Cy Moe", MeetingStatus::Held, Some(3))],
            ),
            with_meetings(
                22,
                8,
                vec![
                    meeting("Ann Lee", "Dee Roe", MeetingStatus::Held, Some(7)),
                    recalled,
                ],
            ),
        ];
        let mut lines = lines_of(material, article(26, 9).published);
        assert_eq!(lines.met.len(), 3);
        recency::keep_since(&mut lines, article(27, 6).published);
        let kept: Vec<&str> = lines
            .met
            .iter()
            .map(|d| d.item.participants[1].as_str())
            .collect();
        assert_eq!(
            kept,
            ["Dee Roe"],
            "a meeting the article recalls is not in the window"
        );
    }
}
