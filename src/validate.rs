//! The one check every extraction passes before it is stored, whichever engine made
//! it: a claim the brief shows must be verifiable in its article. An item whose
//! evidence is not in the text (an LLM paraphrase, a rule bug) is dropped, and spans
//! are recomputed from the text so `&text[span] == evidence` always holds.

use crate::model::{Article, Evidence, Extraction, Span};

/// Evidence longer than this is no longer "the sentence" a reader can check.
pub const MAX_EVIDENCE_CHARS: usize = 1200;

/// What validation dropped, for logs and metrics.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rejected {
    pub meetings: usize,
    pub statements: usize,
    pub pending: usize,
    pub outcomes: usize,
}

impl Rejected {
    pub fn total(&self) -> usize {
        self.meetings + self.statements + self.pending + self.outcomes
    }
}

/// Finds `evidence` in the text: at its span when that still matches, else at its
/// first occurrence. `None` when it is not in the text or is too long.
fn locate(text: &str, e: &Evidence) -> Option<Evidence> {
    let sentence = e.sentence.trim();
    if sentence.is_empty() || sentence.chars().count() > MAX_EVIDENCE_CHARS {
        return None;
    }
    if text.get(e.span.start..e.span.end) == Some(sentence) {
        return Some(Evidence {
            sentence: sentence.to_string(),
            span: e.span,
        });
    }
    let start = text.find(sentence)?;
    Some(Evidence {
        sentence: sentence.to_string(),
        span: Span::new(start, start + sentence.len()),
    })
}

/// Keeps what can be verified in the article and reports what was dropped.
pub fn validate(article: &Article, x: Extraction) -> (Extraction, Rejected) {
    let text = article.text.as_str();
    let mut rejected = Rejected::default();
    let mut out = Extraction::default();
    for mut m in x.meetings {
        let mut seen = Vec::new();
        m.participants.retain(|p| {
            let fresh = !seen.contains(p);
            seen.push(p.clone());
            fresh
        });
        match locate(text, &m.evidence) {
            Some(e) if m.participants.len() >= 2 => {
                m.evidence = e;
                out.meetings.push(m);
            }
            _ => rejected.meetings += 1,
        }
    }
    for mut s in x.statements {
        match locate(text, &s.evidence) {
            Some(e) if !s.quote.trim().is_empty() && text.contains(s.quote.trim()) => {
                s.evidence = e;
                out.statements.push(s);
            }
            _ => rejected.statements += 1,
        }
    }
    for mut p in x.pending {
        match locate(text, &p.evidence) {
            Some(e) if !p.what.trim().is_empty() => {
                p.evidence = e;
                out.pending.push(p);
            }
            _ => rejected.pending += 1,
        }
    }
    for mut o in x.outcomes {
        match locate(text, &o.evidence) {
            Some(e) => {
                o.evidence = e;
                out.outcomes.push(o);
            }
            None => rejected.outcomes += 1,
        }
    }
    (out, rejected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorName, Meeting, MeetingKind, MeetingStatus, Speech, Statement};

    fn article(text: &str) -> Article {
        Article {
            id: "a".into(),
            feed: None,
            outlet: "o".into(),
            url: "u".into(),
            title: "t".into(),
            published: chrono::Utc::now(),
            text: text.into(),
        }
    }

    fn ev(s: &str, start: usize, end: usize) -> Evidence {
        Evidence {
            sentence: s.into(),
            span: Span::new(start, end),
        }
    }

    #[test]
    fn claims_not_in_the_text_are_dropped_and_spans_repaired() {
        let a = article("Ann Lee met Bo Park in Oslo. \u{201c}We agreed,\u{201d} Lee said.");
        let name = |n: &str| ActorName::new(n).unwrap();
        let meeting = |evidence: Evidence, participants: Vec<ActorName>| Meeting {
            participants,
            status: MeetingStatus::Held,
            date: None,
            place: None,
            kind: MeetingKind::InPerson,
            evidence,
        };
        let statement = |quote: &str| Statement {
            speaker: name("Ann Lee"),
            quote: quote.into(),
            speech: Speech::Direct,
            audience: None,
            evidence: ev("\u{201c}We agreed,\u{201d} Lee said.", 0, 3),
        };
        let x = Extraction {
            meetings: vec![
                meeting(
                    ev("Ann Lee met Bo Park in Oslo.", 99, 120),
                    vec![name("Ann Lee"), name("Bo Park")],
                ),
                meeting(
                    ev("Ann Lee met Bo Park in Oslo.", 0, 28),
                    vec![name("Ann Lee"), name("Ann Lee")],
                ),
                meeting(
                    ev("Lee and Park met in Paris.", 0, 10),
                    vec![name("Ann Lee"), name("Bo Park")],
                ),
            ],
            statements: vec![statement("We agreed"), statement("We disagreed")],
            ..Default::default()
        };
        let (ok, rejected) = validate(&a, x);
        assert_eq!(ok.meetings.len(), 1);
        assert_eq!(
            &a.text[ok.meetings[0].evidence.span.start..ok.meetings[0].evidence.span.end],
            ok.meetings[0].evidence.sentence
        );
        assert_eq!(ok.statements.len(), 1);
        let s = &ok.statements[0].evidence;
        assert_eq!(&a.text[s.span.start..s.span.end], s.sentence);
        assert_eq!(
            rejected,
            Rejected {
                meetings: 2,
                statements: 1,
                pending: 0,
                outcomes: 0
            }
        );
    }
}
