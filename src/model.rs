//! Domain types shared by every stage: what an article is, and what the extractor
//! reads out of it. They are plain data with no I/O, so the store, the brief and the
//! adapters can all speak them without depending on each other.
//!
//! Construction goes through parsing functions where a bad value is possible
//! (`ActorName::new`, `TopicName::parse`), so a blank speaker or a topic with control
//! characters cannot exist past the edge.

use std::fmt;

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A stored article's row id, the name a brief cites it by. A number, not its text:
/// articles published in the same second are ordered by id, and as text article 10
/// would come before article 9. Written out as a string in JSON, where ids have
/// always been strings. The eval format, which stores nothing, numbers a story's
/// articles in their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, sqlx::Type)]
#[sqlx(transparent)]
pub struct ArticleId(pub(crate) i64);

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

#[cfg(test)]
impl ArticleId {
    /// An article a test names ("a", "b2"), read as a number in base 36.
    pub(crate) fn named(name: &str) -> Self {
        ArticleId(i64::from_str_radix(name, 36).expect("an alphanumeric name"))
    }
}

impl Serialize for ArticleId {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One article as the extractor sees it: the full text plus where and when it was
/// published. `published` anchors relative dates ("on Friday") in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identity within the store (the feed item key, or the eval file's id).
    pub id: String,
    /// URL of the feed the article came from, when it came from one.
    pub feed: Option<String>,
    /// Outlet name shown next to each claim ("Reuters"), or "unknown".
    pub outlet: String,
    /// Link to the article: every claim in a brief links here.
    pub url: String,
    pub title: String,
    pub published: DateTime<Utc>,
    /// Plain text, paragraphs separated by a blank line.
    pub text: String,
}

/// A byte range into `Article::text`. Always on UTF-8 character boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
}

/// The sentence (or sentences) a claim was read from, copied verbatim, with its
/// place in the article, so a reader can check every claim against its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub sentence: String,
    pub span: Span,
}

/// A person, country or organisation by the name the brief shows: the fullest form
/// the article gives ("Antony Blinken", "United States", "NATO").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ActorName(String);

impl ActorName {
    /// Trims and collapses white space; `None` for a blank name, which would make a
    /// meeting or quote without anyone behind it.
    pub fn new(name: &str) -> Option<Self> {
        let folded = name.split_whitespace().collect::<Vec<_>>().join(" ");
        (!folded.is_empty()).then_some(ActorName(folded))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ActorName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for ActorName {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        ActorName::new(&value).ok_or_else(|| "an actor name cannot be blank".to_string())
    }
}

impl From<ActorName> for String {
    fn from(value: ActorName) -> Self {
        value.0
    }
}

/// Where a meeting stands. Refused, called off and postponed-without-date are all
/// `Cancelled`: for a reader they mean the same thing, it is not happening.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    Held,
    Planned,
    Proposed,
    Cancelled,
}

impl MeetingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingStatus::Held => "held",
            MeetingStatus::Planned => "planned",
            MeetingStatus::Proposed => "proposed",
            MeetingStatus::Cancelled => "cancelled",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "held" => MeetingStatus::Held,
            "planned" => MeetingStatus::Planned,
            "proposed" => MeetingStatus::Proposed,
            "cancelled" => MeetingStatus::Cancelled,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    InPerson,
    Call,
    Video,
    Unknown,
}

impl MeetingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingKind::InPerson => "in_person",
            MeetingKind::Call => "call",
            MeetingKind::Video => "video",
            MeetingKind::Unknown => "unknown",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "in_person" => MeetingKind::InPerson,
            "call" => MeetingKind::Call,
            "video" => MeetingKind::Video,
            "unknown" => MeetingKind::Unknown,
            _ => return None,
        })
    }
}

/// Who met whom, or who is to meet. At least two participants: a meeting with one
/// side is not a meeting, and the extractor drops it rather than store it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub participants: Vec<ActorName>,
    pub status: MeetingStatus,
    pub date: Option<NaiveDate>,
    pub place: Option<String>,
    pub kind: MeetingKind,
    pub evidence: Evidence,
}

/// Inside quotation marks, or reported speech ("said that ...").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Speech {
    Direct,
    Reported,
}

/// Something a named actor said, to whom, and where the article says so.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    pub speaker: ActorName,
    /// The words, an exact substring of the article text.
    pub quote: String,
    pub speech: Speech,
    /// The outlet or audience the cue names ("ABC News", "reporters").
    pub audience: Option<String>,
    pub evidence: Evidence,
}

/// When a pending item falls due, as the article words it and, where the wording
/// allows, as a calendar date (so the brief can mark it overdue).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Due {
    pub text: String,
    pub date: Option<NaiveDate>,
}

/// A promised response, a deadline, a scheduled vote or talks: something a later
/// article may report done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    /// A short description of what is awaited.
    pub what: String,
    pub actors: Vec<ActorName>,
    pub due: Option<Due>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeKind {
    /// The article reports the action carried out ("delivered the message").
    Done,
    /// The article reports it dropped, refused or superseded.
    Abandoned,
}

impl OutcomeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            OutcomeKind::Done => "done",
            OutcomeKind::Abandoned => "abandoned",
        }
    }
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "done" => OutcomeKind::Done,
            "abandoned" => OutcomeKind::Abandoned,
            _ => return None,
        })
    }
}

/// A report that some action happened or was dropped. Outcomes are what close
/// pending items from earlier articles; on their own they are not shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    pub kind: OutcomeKind,
    pub actors: Vec<ActorName>,
    /// The clause that reports the action, used to match it to a pending item.
    pub what: String,
    pub evidence: Evidence,
}

/// Everything read out of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    pub meetings: Vec<Meeting>,
    pub statements: Vec<Statement>,
    pub pending: Vec<Pending>,
    pub outcomes: Vec<Outcome>,
}

/// A topic a brief is asked for ("ukraine"): lower case, 1 to 64 characters of
/// letters, digits, spaces and `-_'.`. Parsed once at the edge (CLI, slash command).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct TopicName(String);

impl TopicName {
    pub const MAX_LEN: usize = 64;

    /// Folds case and spaces; refuses what could not be a topic.
    ///
    /// ```
    /// use readout::model::TopicName;
    /// assert_eq!(TopicName::parse("  Iran  Nuclear talks").unwrap().as_str(), "iran nuclear talks");
    /// assert!(TopicName::parse("@everyone").is_err());
    /// ```
    pub fn parse(raw: &str) -> Result<Self, String> {
        let folded = raw
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase();
        if folded.is_empty() {
            return Err("a topic name cannot be empty".into());
        }
        if folded.chars().count() > Self::MAX_LEN {
            return Err(format!(
                "a topic name has at most {} characters",
                Self::MAX_LEN
            ));
        }
        if let Some(bad) = folded
            .chars()
            .find(|c| !(c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '\'' | '.')))
        {
            return Err(format!("a topic name cannot contain {bad:?}"));
        }
        Ok(TopicName(folded))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TopicName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_id_is_written_as_a_string_in_json() {
        assert_eq!(serde_json::to_string(&ArticleId(10)).unwrap(), "\"10\"");
    }

    #[test]
    fn actor_names_are_trimmed_and_never_blank() {
        assert_eq!(
            ActorName::new("  Antony\n Blinken ").unwrap().as_str(),
            "Antony Blinken"
        );
        assert!(ActorName::new(" \t").is_none());
        assert!(serde_json::from_str::<ActorName>("\"  \"").is_err());
    }

    #[test]
    fn topic_names_fold_case_and_refuse_odd_characters() {
        assert_eq!(TopicName::parse(" Ukraine ").unwrap().as_str(), "ukraine");
        assert_eq!(
            TopicName::parse("Iran  nuclear talks").unwrap().as_str(),
            "iran nuclear talks"
        );
        assert!(TopicName::parse("").is_err());
        assert!(TopicName::parse("a\u{0}b").is_err());
        assert!(TopicName::parse("@everyone").is_err());
        assert!(TopicName::parse(&"x".repeat(65)).is_err());
    }

    #[test]
    fn statuses_round_trip_through_their_names() {
        for s in [
            MeetingStatus::Held,
            MeetingStatus::Planned,
            MeetingStatus::Proposed,
            MeetingStatus::Cancelled,
        ] {
            assert_eq!(MeetingStatus::parse(s.as_str()), Some(s));
        }
        for k in [
            MeetingKind::InPerson,
            MeetingKind::Call,
            MeetingKind::Video,
            MeetingKind::Unknown,
        ] {
            assert_eq!(MeetingKind::parse(k.as_str()), Some(k));
        }
    }
}
