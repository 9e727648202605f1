//! The brief as plain text for a terminal: the bottom line, the calendar, then
//! four sections, each item with its date and a `[n]` reference to the numbered
//! sources at the end.

use std::fmt::Write;

use super::{actors, kind_label, participants, pending_label, status_label, terminal_safe};
use crate::brief::{Brief, CalendarEntry, Upcoming};
use crate::developments::{PendingState, Report};
use crate::model::Speech;

/// At most this many items per section; the rest are counted.
pub const ITEMS_PER_SECTION: usize = 12;

fn refs(brief: &Brief, reports: &[Report]) -> String {
    let mut nums: Vec<usize> = reports
        .iter()
        .filter_map(|r| brief.source_number(&r.article))
        .collect();
    nums.sort_unstable();
    nums.dedup();
    nums.iter()
        .map(|n| format!("[{n}]"))
        .collect::<Vec<_>>()
        .join("")
}

fn more(out: &mut String, total: usize) {
    if total > ITEMS_PER_SECTION {
        let _ = writeln!(out, "  …and {} more", total - ITEMS_PER_SECTION);
    }
}

/// The brief as terminal text. Titles, quotes and outlets come from feeds, so the
/// whole text is passed through [`terminal_safe`] once, at the end.
pub fn render(brief: &Brief) -> String {
    terminal_safe(&render_unfiltered(brief), true)
}

fn render_unfiltered(brief: &Brief) -> String {
    let mut out = header(brief);
    if let Some((since, latest)) = brief.window_is_empty() {
        let _ = writeln!(
            out,
            "\nNothing since {}. The latest development is from {}; run without --since to see it.",
            since.format("%Y-%m-%d"),
            latest.format("%Y-%m-%d")
        );
        return out;
    }
    if brief.is_empty() {
        let _ = writeln!(out, "\nNothing found for this topic yet.");
        return out;
    }
    opening(&mut out, brief);
    sections(&mut out, brief);
    out
}

/// The title line, and a warning line when the newest development is old.
fn header(brief: &Brief) -> String {
    let mut out = String::new();
    let window = match brief.since {
        Some(s) => format!("since {}", s.format("%Y-%m-%d %H:%M UTC")),
        None => "most recent developments".to_string(),
    };
    let _ = writeln!(
        out,
        "Brief: {} — as of {} ({window})",
        brief.topic,
        brief.as_of.format("%Y-%m-%d %H:%M UTC")
    );
    if let (Some(age), Some(latest)) = (&brief.stale, brief.latest) {
        let _ = writeln!(
            out,
            "Latest development: {age} ({})",
            latest.format("%Y-%m-%d")
        );
    }
    out
}

/// The bottom line and "Next on the calendar".
fn opening(out: &mut String, brief: &Brief) {
    let _ = writeln!(out, "\nBottom line");
    for s in &brief.bottom_line.sentences {
        let _ = writeln!(out, "  {s}");
    }
    let _ = writeln!(out, "\nNext on the calendar");
    if brief.calendar.is_empty() {
        let _ = writeln!(out, "  (nothing dated ahead)");
    }
    for e in &brief.calendar {
        let _ = writeln!(out, "  • {} {}", calendar_line(e), refs(brief, &e.reports));
    }
}

/// "Sat 2024-03-09 · Ann Lee – Bo Park · planned · Rome" or
/// "Tue 2024-03-12 · due: submit the report — Ann Lee (by Tuesday)".
fn calendar_line(e: &CalendarEntry) -> String {
    let day = e.date.format("%a %Y-%m-%d");
    match &e.item {
        Upcoming::Meeting {
            participants,
            status,
            place,
        } => {
            let mut facts = vec![
                super::participants(participants),
                status_label(*status).to_string(),
            ];
            facts.extend(place.clone());
            format!("{day} · {}", facts.join(" · "))
        }
        Upcoming::Due { what, actors, due } => {
            let who = super::actors(actors)
                .map(|w| format!(" — {w}"))
                .unwrap_or_default();
            format!("{day} · due: {what}{who} ({due})")
        }
    }
}

/// Who met, what was said, what is pending, and the sources.
fn sections(out: &mut String, brief: &Brief) {
    met(out, brief);
    said(out, brief);
    pending(out, brief);
    sources(out, brief);
}

fn met(out: &mut String, brief: &Brief) {
    let _ = writeln!(out, "\nWho met");
    if brief.met.is_empty() {
        let _ = writeln!(out, "  (no meetings reported)");
    }
    for d in brief.met.iter().take(ITEMS_PER_SECTION) {
        let m = &d.item;
        let mut facts = vec![status_label(m.status).to_string()];
        facts.push(match m.date {
            Some(date) => date.format("%a %Y-%m-%d").to_string(),
            None => format!("reported {}", d.latest().format("%Y-%m-%d")),
        });
        if let Some(p) = &m.place {
            facts.push(p.clone());
        }
        if let Some(k) = kind_label(m.kind) {
            facts.push(k.to_string());
        }
        let _ = writeln!(
            out,
            "  • {} · {} {}",
            participants(&m.participants),
            facts.join(" · "),
            refs(brief, &d.reports)
        );
    }
    more(out, brief.met.len());
}

fn said(out: &mut String, brief: &Brief) {
    let _ = writeln!(out, "\nWhat was said");
    if brief.said.is_empty() {
        let _ = writeln!(out, "  (no statements reported)");
    }
    for d in brief.said.iter().take(ITEMS_PER_SECTION) {
        let s = &d.item;
        let to = s
            .audience
            .as_deref()
            .map(|a| format!(" to {a}"))
            .unwrap_or_default();
        let words = match s.speech {
            Speech::Direct => format!("“{}”", s.quote.trim()),
            Speech::Reported => format!("(reported) {}", s.quote.trim()),
        };
        let _ = writeln!(
            out,
            "  • {}{} ({}): {} {}",
            s.speaker,
            to,
            d.latest().format("%Y-%m-%d"),
            words,
            refs(brief, &d.reports)
        );
    }
    more(out, brief.said.len());
}

fn pending(out: &mut String, brief: &Brief) {
    let _ = writeln!(out, "\nWhat is pending");
    if brief.pending.is_empty() {
        let _ = writeln!(out, "  (nothing pending)");
    }
    for p in brief.pending.iter().take(ITEMS_PER_SECTION) {
        let item = &p.development.item;
        let who = actors(&item.actors)
            .map(|w| format!(" — {w}"))
            .unwrap_or_default();
        let due = item
            .due
            .as_ref()
            .map(|d| format!(" — due {}", d.text))
            .unwrap_or_default();
        let mut line = format!(
            "  • [{}] {}{}{} ({}) {}",
            pending_label(&p.state),
            item.what,
            who,
            due,
            p.development.latest().format("%Y-%m-%d"),
            refs(brief, &p.development.reports)
        );
        if let Some(since) = p.no_follow_up_since {
            let _ = write!(line, " — no follow-up reported since {since}");
        }
        if let PendingState::Done { by } | PendingState::Abandoned { by } = &p.state {
            let _ = write!(
                line,
                " → {} {}",
                by.article.published.format("%Y-%m-%d"),
                refs(brief, std::slice::from_ref(by))
            );
        }
        let _ = writeln!(out, "{line}");
    }
    more(out, brief.pending.len());
}

fn sources(out: &mut String, brief: &Brief) {
    let _ = writeln!(out, "\nSources");
    for (i, s) in brief.sources.iter().enumerate() {
        let _ = writeln!(
            out,
            "  [{}] {} — {} ({}) {}",
            i + 1,
            s.outlet,
            s.title,
            s.published.format("%Y-%m-%d"),
            s.url
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::developments::ArticleRef;
    use crate::model::ArticleId;
    use crate::model::TopicName;
    use crate::model::{
        ActorName, Evidence, Extraction, Meeting, MeetingKind, MeetingStatus, Span,
    };
    use crate::store::StoredArticle;
    use chrono::{NaiveDate, TimeZone, Utc};

    fn brief(as_of: chrono::DateTime<Utc>) -> Brief {
        let meeting = |status, day| Meeting {
            participants: vec![
                ActorName::new("Ann Lee").unwrap(),
                ActorName::new("Bo Park").unwrap(),
            ],
            status,
            date: NaiveDate::from_ymd_opt(2024, 6, day),
            place: Some("Rome".into()),
            kind: MeetingKind::Unknown,
            evidence: Evidence {
                sentence: "x".into(),
                span: Span::new(0, 1),
            },
        };
        let material = vec![StoredArticle {
            contexts: Default::default(),
            article: ArticleRef {
                id: ArticleId(1),
                url: "https://news.example/a".into(),
                outlet: "Wire".into(),
                title: "Talks".into(),
                published: Utc.with_ymd_and_hms(2024, 6, 3, 9, 0, 0).unwrap(),
            },
            extraction: Extraction {
                meetings: vec![
                    meeting(MeetingStatus::Held, 2),
                    meeting(MeetingStatus::Planned, 20),
                ],
                pending: vec![crate::model::Pending {
                    what: "reply to the border proposal".into(),
                    actors: vec![ActorName::new("Bo Park").unwrap()],
                    due: None,
                    evidence: Evidence {
                        sentence: "x".into(),
                        span: Span::new(0, 1),
                    },
                }],
                ..Default::default()
            },
        }];
        crate::brief::assemble(TopicName::parse("x").unwrap(), as_of, None, material)
    }

    #[test]
    fn the_text_opens_with_the_bottom_line_and_the_calendar() {
        let out = render(&brief(Utc.with_ymd_and_hms(2024, 6, 4, 0, 0, 0).unwrap()));
        let expected = "\nBottom line\n  Latest meeting: Ann Lee and Bo Park met on 2024-06-02 in Rome.\n  \
                        Next: Ann Lee and Bo Park, planned for 2024-06-20 in Rome.\n  \
                        Pending: 1 item open, none overdue.\n\nNext on the calendar\n  \
                        • Thu 2024-06-20 · Ann Lee – Bo Park · planned · Rome [1]\n\nWho met\n";
        assert!(out.contains(expected), "{out}");
        assert!(!out.contains("Latest development:"), "fresh: {out}");
    }

    #[test]
    fn an_old_brief_says_so_and_an_empty_window_says_where_to_look() {
        let mut b = brief(Utc.with_ymd_and_hms(2025, 8, 3, 0, 0, 0).unwrap());
        assert!(
            render(&b).contains("\nLatest development: 14 months ago (2024-06-03)\n"),
            "{}",
            render(&b)
        );
        b.since = Some(Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap());
        b.latest_before_window = b.latest;
        b.met.clear();
        b.pending.clear();
        assert!(render(&b).contains(
            "Nothing since 2025-01-01. The latest development is from 2024-06-03; run without --since to see it."
        ));
    }
    #[test]
    fn a_promise_without_news_for_months_says_since_when() {
        let fresh = render(&brief(Utc.with_ymd_and_hms(2024, 6, 4, 0, 0, 0).unwrap()));
        assert!(
            fresh.contains("  • [open] reply to the border proposal — Bo Park (2024-06-03)"),
            "{fresh}"
        );
        assert!(!fresh.contains("no follow-up"), "{fresh}");
        let old = render(&brief(Utc.with_ymd_and_hms(2025, 8, 3, 0, 0, 0).unwrap()));
        assert!(
            old.contains("  • [open] reply to the border proposal — Bo Park (2024-06-03) [1] — no follow-up reported since 2024-06-03"),
            "{old}"
        );
    }
}
