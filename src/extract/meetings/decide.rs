//! Is a candidate meeting a meeting, and did it take place?
//!
//! The rules find every group of parties around a contact cue; the language of
//! the clause then says whether it is a meeting at all ("dialogue between A and B
//! is essential", "a letter handed to B") and whether it happened ("could meet
//! if", "would refuse any contact", "had been set for 3 May", "are due to open").
//! Those marks are many and they interact, so they are features weighed by two
//! small models (`weights/meetings_keep.tsv`, `weights/meetings_held.tsv`) trained
//! on the gold, with the rules' own status as one feature among them.

use std::sync::LazyLock;

use crate::model::{Meeting, MeetingStatus};

use super::super::Doc;
use super::super::lexicon::{LEXICON, MeetingCue};
use super::super::linear::LinearModel;
use super::super::words::Words;

/// The two decisions, as shipped in the crate.
#[derive(Debug)]
pub struct MeetingModels {
    /// Is the candidate a meeting the text reports (held, planned or cancelled)?
    pub keep: LinearModel,
    /// Of a kept one: did it take place?
    pub held: LinearModel,
}

pub static MEETING_MODELS: LazyLock<MeetingModels> = LazyLock::new(|| MeetingModels {
    keep: LinearModel::parse(include_str!("../weights/meetings_keep.tsv"))
        .expect("weights/meetings_keep.tsv parses (a unit test reads it)"),
    held: LinearModel::parse(include_str!("../weights/meetings_held.tsv"))
        .expect("weights/meetings_held.tsv parses (a unit test reads it)"),
});

/// The clause a candidate was read from.
pub struct Clause<'w, 'd, 'a> {
    pub words: Words<'d, 'a>,
    pub group: &'w [(usize, usize, &'static MeetingCue)],
    pub left: usize,
    pub right: usize,
}

impl Clause<'_, '_, '_> {
    /// Where the clause's first cue stands.
    pub fn first(&self) -> usize {
        self.group.first().map_or(0, |c| c.0)
    }
}

/// The meeting as the models decide it, or `None` when it is no meeting.
///
/// The rules stay the fallback: a candidate they gave a status keeps it unless the
/// held model is confident of the opposite; one they gave none (the broad
/// candidates) is kept and given its status by the models alone.
pub fn decide(models: &MeetingModels, mut m: Meeting, features: &[String]) -> Option<Meeting> {
    let ruled = !features.iter().any(|f| f == "rule=none");
    if !ruled && !models.keep.accepts(features) {
        return None;
    }
    let p = models.held.probability(features);
    let held = if ruled {
        match m.status {
            MeetingStatus::Held => p >= CONFIDENT_NOT,
            // A meeting called off is told by words the models weigh little
            // against the past tense around them ("was postponed").
            MeetingStatus::Cancelled => false,
            _ => p >= CONFIDENT,
        }
    } else {
        p >= 0.5
    };
    // A meeting dated after the article was published has not taken place,
    // whatever the words around it weigh.
    let held = held && !features.iter().any(|f| f == "date=future");
    m.status = match (held, m.status) {
        (true, _) => MeetingStatus::Held,
        (false, MeetingStatus::Held) => MeetingStatus::Planned,
        (false, s) => s,
    };
    Some(m)
}

/// How sure the held model must be to overrule the rules' status.
const CONFIDENT: f32 = 0.85;
const CONFIDENT_NOT: f32 = 0.15;

/// Modal and aspect words whose presence near the cue the models weigh.
const MARKS: &[&str] = &[
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "must",
    "shall",
    "to",
    "not",
    "never",
    "no",
    "without",
    "if",
    "unless",
    "after",
    "before",
    "had",
    "has",
    "have",
    "was",
    "were",
    "is",
    "are",
    "been",
    "be",
    "again",
    "next",
    "last",
    "previous",
    "earlier",
    "first",
    "since",
    "ago",
    "once",
    "possible",
    "ready",
    "willing",
    "refuse",
    "refused",
    "rejected",
    "declined",
    "essential",
    "needed",
    "called",
    "urged",
    "proposed",
    "offered",
    "invited",
    "expected",
    "due",
    "set",
    "scheduled",
    "planned",
    "postponed",
    "cancelled",
    "letter",
    "message",
    "between",
    "both",
    "each",
    "separately",
    "also",
    "later",
    "yet",
    "still",
];

/// The features of one candidate meeting: the rules' verdict, the cue, the marks
/// of modality, negation and tense in its clause, and its date against the
/// article's.
pub fn features(
    doc: &Doc,
    i: usize,
    c: &Clause,
    m: &Meeting,
    rule: Option<MeetingStatus>,
) -> Vec<String> {
    let w = c.words;
    let first = c.group.first().map_or(c.left, |g| g.0);
    let mut f = vec![
        "b".to_string(),
        format!("rule={}", rule.map_or("none", MeetingStatus::as_str)),
        format!("cue={}", w.key(first)),
        format!("kind={}", m.kind.as_str()),
        format!("np={}", m.participants.len().min(4)),
    ];
    if let Some(cue) = c.group.first() {
        f.push(format!(
            "cue_past={}",
            cue.2.past_status.map_or("none", MeetingStatus::as_str)
        ));
    }
    // Marks just before the cue, and anywhere in the clause.
    for k in first.saturating_sub(4)..first {
        if MARKS.contains(&w.key(k)) {
            f.push(format!("near={}", w.key(k)));
        }
    }
    // The cue's own words are no marks of it: "called" marks a call for talks
    // ("called for a meeting"), not the call "X called Y on Sunday" tells.
    let in_cue = |k: usize| c.group.iter().any(|g| (g.0..g.0 + g.1).contains(&k));
    for k in (c.left..c.right.min(w.len())).filter(|&k| !in_cue(k)) {
        let key = w.key(k);
        if MARKS.contains(&key) {
            f.push(format!("in={key}"));
        } else if key.len() > 4
            && key.ends_with("ed")
            && key.chars().all(|ch| ch.is_ascii_lowercase())
        {
            f.push("in_past_ed".to_string());
        }
    }
    let lx = &*LEXICON;
    let span = c.left..c.right.min(w.len());
    for (list, name) in [
        (&lx.cancelled, "cancel_cue"),
        (&lx.proposed_cues, "offer_cue"),
        (&lx.planned_cues, "plan_cue"),
        (&lx.held_cues, "held_cue"),
        (&lx.future, "future_cue"),
    ] {
        if list.find(w, span.clone()).is_some() {
            f.push(name.to_string());
        }
    }
    f.push(
        match m.date {
            None => "date=none",
            Some(d) if d > doc.published => "date=future",
            Some(d) if (doc.published - d).num_days() > 60 => "date=old",
            Some(_) => "date=recent",
        }
        .to_string(),
    );
    if m.place.is_some() {
        f.push("place".into());
    }
    if doc.in_quote(i, first) {
        f.push("inq".into());
    }
    if w.raw().last() == Some(&"?") {
        f.push("question".into());
    }
    f
}
