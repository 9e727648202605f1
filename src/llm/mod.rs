//! The optional LLM extractor: any OpenAI-compatible chat-completions endpoint,
//! asked with the prompt in `prompts/extract.md` for the same items the rules find.
//!
//! The model's answer is parsed into the same types and then passes the same
//! validation as the rules (`validate`), so a paraphrased quote or an invented
//! sentence never reaches a brief. When the endpoint is down, slow or answers
//! nonsense, the article is read by the rules instead: an LLM outage degrades
//! quality, never availability.

use std::time::Duration;

use chrono::NaiveDate;
use serde::Deserialize;
use thiserror::Error;

use crate::config::LlmConfig;
use crate::extract::{Extractor, RuleExtractor};
use crate::model::{
    ActorName, Article, Due, Evidence, Extraction, Meeting, MeetingKind, MeetingStatus, Outcome,
    OutcomeKind, Pending, Span, Speech, Statement,
};
use crate::validate::validate;

/// The instructions sent with every article.
pub const PROMPT: &str = include_str!("../../prompts/extract.md");

/// Articles are cut to this many characters before they are sent, to bound cost.
const MAX_ARTICLE_CHARS: usize = 24_000;

#[derive(Debug, Error)]
pub enum LlmError {
    #[error("LLM endpoint unreachable: {0}")]
    Unreachable(String),
    #[error("LLM endpoint answered HTTP {0}")]
    Status(u16),
    #[error("LLM answer is not the expected JSON: {0}")]
    BadAnswer(String),
}

pub struct LlmExtractor {
    http: reqwest::Client,
    cfg: LlmConfig,
    fallback: RuleExtractor,
}

impl LlmExtractor {
    pub fn new(cfg: LlmConfig, timeout: Duration) -> Result<Self, LlmError> {
        let http = reqwest::Client::builder()
            .timeout(timeout)
            .build()
            .map_err(|e| LlmError::Unreachable(e.to_string()))?;
        Ok(LlmExtractor {
            http,
            cfg,
            fallback: RuleExtractor::new(),
        })
    }

    /// Asks the model; the answer is parsed but not yet validated.
    pub async fn ask(&self, article: &Article) -> Result<Extraction, LlmError> {
        let text: String = article.text.chars().take(MAX_ARTICLE_CHARS).collect();
        let user = serde_json::json!({
            "published": article.published.to_rfc3339(),
            "title": article.title,
            "outlet": article.outlet,
            "text": text,
        });
        let body = serde_json::json!({
            "model": self.cfg.model,
            "temperature": 0,
            "response_format": {"type": "json_object"},
            "messages": [
                {"role": "system", "content": PROMPT},
                {"role": "user", "content": user.to_string()},
            ],
        });
        let url = format!(
            "{}/chat/completions",
            self.cfg.base_url.trim_end_matches('/')
        );
        let mut req = self.http.post(url).json(&body);
        if let Some(key) = &self.cfg.api_key {
            req = req.bearer_auth(key.expose());
        }
        let resp = req
            .send()
            .await
            .map_err(|e| LlmError::Unreachable(e.to_string()))?;
        if !resp.status().is_success() {
            return Err(LlmError::Status(resp.status().as_u16()));
        }
        let completion: Completion = resp
            .json()
            .await
            .map_err(|e| LlmError::BadAnswer(e.to_string()))?;
        let content = completion
            .choices
            .into_iter()
            .next()
            .map(|c| c.message.content)
            .ok_or_else(|| LlmError::BadAnswer("no choices".into()))?;
        let answer: Answer = serde_json::from_str(strip_fences(&content))
            .map_err(|e| LlmError::BadAnswer(e.to_string()))?;
        Ok(answer.into_extraction())
    }
}

impl Extractor for LlmExtractor {
    fn extract(&self, article: &Article) -> Extraction {
        match block_on(self.ask(article)) {
            Ok(x) => {
                let (x, rejected) = validate(article, x);
                if rejected.total() > 0 {
                    tracing::info!(article = %article.url, ?rejected, "LLM items not found in the text were dropped");
                }
                x
            }
            Err(e) => {
                tracing::warn!(article = %article.url, error = %e, "LLM extraction failed; using the rules");
                self.fallback.extract(article)
            }
        }
    }
}

/// Runs a future to completion from synchronous code, whatever runtime (if any)
/// the caller is on: `Extractor` is synchronous so the rules stay simple.
fn block_on<F>(fut: F) -> F::Output
where
    F: std::future::Future + Send,
    F::Output: Send,
{
    use tokio::runtime::{Handle, RuntimeFlavor};
    match Handle::try_current() {
        Ok(h) if h.runtime_flavor() == RuntimeFlavor::MultiThread => {
            tokio::task::block_in_place(|| h.block_on(fut))
        }
        // On a current-thread runtime (or none) the call gets a thread of its own.
        _ => std::thread::scope(|s| {
            s.spawn(|| {
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("a current-thread runtime can always be built")
                    .block_on(fut)
            })
            .join()
            .expect("the LLM call thread does not panic")
        }),
    }
}

/// Models sometimes wrap JSON in a Markdown fence despite being asked not to.
fn strip_fences(s: &str) -> &str {
    let t = s.trim();
    let t = t
        .strip_prefix("```json")
        .or_else(|| t.strip_prefix("```"))
        .unwrap_or(t);
    t.strip_suffix("```").unwrap_or(t).trim()
}

#[derive(Deserialize)]
struct Completion {
    choices: Vec<Choice>,
}

#[derive(Deserialize)]
struct Choice {
    message: Message,
}

#[derive(Deserialize)]
struct Message {
    content: String,
}

/// The JSON the prompt asks for. Everything optional or defaulted: a missing field
/// drops the item, never the whole answer.
#[derive(Deserialize, Default)]
#[serde(default)]
struct Answer {
    meetings: Vec<AMeeting>,
    statements: Vec<AStatement>,
    pending: Vec<APending>,
    outcomes: Vec<AOutcome>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AMeeting {
    participants: Vec<String>,
    status: String,
    date: Option<String>,
    place: Option<String>,
    kind: Option<String>,
    evidence: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AStatement {
    speaker: String,
    quote: String,
    direct: bool,
    audience: Option<String>,
    evidence: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct APending {
    what: String,
    actors: Vec<String>,
    due: Option<String>,
    evidence: String,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct AOutcome {
    kind: String,
    actors: Vec<String>,
    what: String,
    evidence: String,
}

fn names(v: &[String]) -> Vec<ActorName> {
    v.iter().filter_map(|n| ActorName::new(n)).collect()
}

/// Evidence without a span yet: `validate` finds it in the text.
fn unplaced(sentence: String) -> Evidence {
    Evidence {
        sentence,
        span: Span::new(0, 0),
    }
}

impl Answer {
    fn into_extraction(self) -> Extraction {
        Extraction {
            meetings: self
                .meetings
                .into_iter()
                .filter_map(|m| {
                    Some(Meeting {
                        participants: names(&m.participants),
                        status: MeetingStatus::parse(&m.status)?,
                        date: m
                            .date
                            .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                        place: m.place.filter(|p| !p.trim().is_empty()),
                        kind: m
                            .kind
                            .as_deref()
                            .and_then(MeetingKind::parse)
                            .unwrap_or(MeetingKind::Unknown),
                        evidence: unplaced(m.evidence),
                    })
                })
                .collect(),
            statements: self
                .statements
                .into_iter()
                .filter_map(|s| {
                    Some(Statement {
                        speaker: ActorName::new(&s.speaker)?,
                        quote: s.quote.trim().to_string(),
                        speech: if s.direct {
                            Speech::Direct
                        } else {
                            Speech::Reported
                        },
                        audience: s.audience.filter(|a| !a.trim().is_empty()),
                        evidence: unplaced(s.evidence),
                    })
                })
                .collect(),
            pending: self
                .pending
                .into_iter()
                .map(|p| Pending {
                    what: p.what,
                    actors: names(&p.actors),
                    due: p
                        .due
                        .filter(|d| !d.trim().is_empty())
                        .map(|text| Due { text, date: None }),
                    evidence: unplaced(p.evidence),
                })
                .collect(),
            outcomes: self
                .outcomes
                .into_iter()
                .filter_map(|o| {
                    Some(Outcome {
                        kind: match o.kind.as_str() {
                            "done" => OutcomeKind::Done,
                            "abandoned" => OutcomeKind::Abandoned,
                            _ => return None,
                        },
                        actors: names(&o.actors),
                        what: o.what,
                        evidence: unplaced(o.evidence),
                    })
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fenced_answers_are_unwrapped() {
        assert_eq!(strip_fences("```json\n{\"a\":1}\n```"), "{\"a\":1}");
        assert_eq!(strip_fences(" {} "), "{}");
    }

    #[test]
    fn unknown_statuses_and_blank_speakers_drop_only_their_item() {
        let a: Answer = serde_json::from_str(
            r#"{"meetings":[{"participants":["A B","C D"],"status":"maybe","evidence":"x"},
                            {"participants":["A B","C D"],"status":"held","date":"2024-02-30","evidence":"x"}],
                "statements":[{"speaker":" ","quote":"q","evidence":"x"},{"speaker":"A B","quote":"q","direct":true,"evidence":"x"}]}"#,
        )
        .unwrap();
        let x = a.into_extraction();
        assert_eq!(x.meetings.len(), 1);
        assert_eq!(
            x.meetings[0].date, None,
            "an impossible date is dropped, not the meeting"
        );
        assert_eq!(x.statements.len(), 1);
    }
}
