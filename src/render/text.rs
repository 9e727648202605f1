//! The brief as plain text for a terminal: four sections, each item with its date
//! and a `[n]` reference to the numbered sources at the end.

use std::fmt::Write;

use super::{kind_label, participants, pending_label, status_label, terminal_safe};
use crate::brief::Brief;
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
    if brief.is_empty() {
        let _ = writeln!(out, "\nNothing found for this topic yet.");
        return out;
    }

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
            participants(m),
            facts.join(" · "),
            refs(brief, &d.reports)
        );
    }
    more(&mut out, brief.met.len());

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
    more(&mut out, brief.said.len());

    let _ = writeln!(out, "\nWhat is pending");
    if brief.pending.is_empty() {
        let _ = writeln!(out, "  (nothing pending)");
    }
    for p in brief.pending.iter().take(ITEMS_PER_SECTION) {
        let item = &p.development.item;
        let who = if item.actors.is_empty() {
            String::new()
        } else {
            format!(
                " — {}",
                item.actors
                    .iter()
                    .map(|a| a.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
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
    more(&mut out, brief.pending.len());

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
    out
}
