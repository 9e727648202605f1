//! From per-article extractions to developments: the same meeting reported by five
//! outlets is one development with five reports; the same quote in two articles is
//! one statement; a pending item stays open until a later article reports it done.
//!
//! Pure functions over extracted items and the articles they came from, so the brief
//! (from the store) and `readout extract` on a story file (from JSON) share them.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use crate::model::{
    ActorName, ArticleId, Evidence, Meeting, MeetingStatus, Outcome, OutcomeKind, Pending,
    Statement,
};

/// The article a claim links to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleRef {
    pub id: ArticleId,
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
    /// Flattened in JSON: `"state": "done", "by": {...}` beside `development`.
    #[serde(flatten)]
    pub state: PendingState,
    /// Still awaited, but past its due date or without news for
    /// [`QUIET_AFTER_DAYS`]: the day of its newest report, shown as "no follow-up
    /// reported since …" so a desk does not read a stale promise as live business.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub no_follow_up_since: Option<NaiveDate>,
}

fn report_of<T>(r: &Reported<T>, evidence: &Evidence) -> Report {
    Report {
        article: r.article.clone(),
        evidence: evidence.clone(),
    }
}

/// A name or a text folded for comparison: letters, digits and single spaces,
/// lower case.
pub(crate) fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two folded names are one actor: the same name, or the same surname
/// (last word) when one name is a shorter form of the other ("Vučić" and
/// "Aleksandar Vučić").
fn same_actor(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    !short.contains(' ') && short.len() >= 3 && long.rsplit(' ').next() == Some(short)
}

/// A meeting's participants folded once: a brief over years of texts compares
/// every meeting with every development, so nothing is folded per comparison.
struct Folks(Vec<String>);

impl Folks {
    fn of(m: &Meeting) -> Self {
        Folks(m.participants.iter().map(|p| fold(p.as_str())).collect())
    }

    /// How many of these participants are also in `other`.
    fn shared_with(&self, other: &Folks) -> usize {
        (self.0.iter())
            .filter(|x| other.0.iter().any(|y| same_actor(x, y)))
            .count()
    }
}

/// Whether two reports of meetings are one event. Meetings on different dates
/// never are. Two outlets name the same meeting's participants differently (one
/// adds the host, the other the bloc), so on the same date two shared
/// participants are enough; otherwise the participants must be the same, or share
/// two within one article: an article coming back to its meeting need not repeat
/// its date ("Todd joined the discussions"), nor tell an offer from a plan the
/// same way twice ("ready to host a further round", "the next round is planned").
fn same_meeting(
    (a, a_folks): (&Reported<Meeting>, &Folks),
    (b, b_folks): (&Development<Meeting>, &Folks),
) -> bool {
    let (x, y) = (&a.item, &b.item);
    if let (Some(d), Some(e)) = (x.date, y.date)
        && d != e
    {
        return false;
    }
    let same_article = || b.reports.iter().any(|r| r.article.id == a.article.id);
    let not_yet = |s: MeetingStatus| matches!(s, MeetingStatus::Planned | MeetingStatus::Proposed);
    if x.status != y.status && !(not_yet(x.status) && not_yet(y.status) && same_article()) {
        return false;
    }
    let shared = a_folks.shared_with(b_folks);
    let same_set = shared == a_folks.0.len() && shared == b_folks.0.len();
    match (x.date, y.date) {
        (Some(_), Some(_)) => same_set || shared >= 2,
        _ => same_set || (shared >= 2 && same_article()),
    }
}

/// Merges meetings that are the same event (`same_meeting`): one development with
/// a report per article.
pub fn merge_meetings(items: Vec<Reported<Meeting>>) -> Vec<Development<Meeting>> {
    let mut out: Vec<Development<Meeting>> = Vec::new();
    // The folded participants of each development of `out`, in the same order.
    let mut folks: Vec<Folks> = Vec::new();
    for r in items {
        let report = report_of(&r, &r.item.evidence);
        let mine = Folks::of(&r.item);
        let found = (out.iter().zip(&folks)).position(|(d, f)| same_meeting((&r, &mine), (d, f)));
        match found {
            Some(at) => {
                let d = &mut out[at];
                if d.item.date.is_none() {
                    d.item.date = r.item.date;
                }
                if d.item.place.is_none() {
                    d.item.place = r.item.place.clone();
                }
                d.reports.push(report);
            }
            None => {
                out.push(Development {
                    item: r.item,
                    reports: vec![report],
                });
                folks.push(mine);
            }
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
    // Folded (quote, speaker) of each development, read once: a brief over years
    // of texts holds thousands of quotes.
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    for r in items {
        let key = (fold(&r.item.quote), fold(r.item.speaker.as_str()));
        let report = report_of(&r, &r.item.evidence);
        match seen.get(&key) {
            Some(&at) => out[at].reports.push(report),
            None => {
                seen.insert(key, out.len());
                out.push(Development {
                    item: r.item,
                    reports: vec![report],
                });
            }
        }
    }
    for d in &mut out {
        d.reports
            .sort_by_key(|r| std::cmp::Reverse(r.article.published));
    }
    out
}

/// Words too common to tell two actions apart.
const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "our",
    "to",
    "of",
    "on",
    "in",
    "at",
    "for",
    "with",
    "from",
    "by",
    "and",
    "or",
    "this",
    "that",
    "next",
    "week",
    "month",
    "year",
    "days",
    "weeks",
    "before",
    "after",
    "within",
    "until",
    "end",
    "first",
    "new",
    "whether",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "said",
    "would",
    "will",
    "not",
    "has",
    "had",
    "have",
    "was",
    "were",
];

/// Actions a refusal answers: an awaited answer or decision that came back "no".
const ANSWERS: &[&str] = &[
    "answer", "respond", "reply", "decide", "give", "accept", "attend", "join",
];

/// A word crudely stemmed ("crossed" = "cross", "responses" = "respons").
fn stem(w: &str) -> &str {
    let w = w.strip_suffix("ed").filter(|r| r.len() >= 4).unwrap_or(w);
    let w = w.strip_suffix('s').filter(|r| r.len() >= 4).unwrap_or(w);
    w.strip_suffix('e').filter(|r| r.len() >= 4).unwrap_or(w)
}

/// Content words of an action description, stemmed, so "cross at Adre" and
/// "crossed at Adre on Tuesday" share words.
fn content(s: &str) -> Vec<String> {
    fold(s)
        .split(' ')
        .filter(|w| w.len() >= 3 && !STOP.contains(w))
        .map(|w| stem(w).to_string())
        .collect()
}

/// An action description ("base-verb object…") read once: tracking compares
/// every item with every other and with every outcome, so nothing is folded or
/// stemmed per comparison.
struct Action {
    folded: String,
    /// Content words, the verb first.
    words: Vec<String>,
    /// For a refusal ("refuse …") or a plan given up ("give up …"), the content
    /// words of what was refused.
    refused: Option<Vec<String>>,
    /// A plan given up ("shelved", "postponed indefinitely") rather than refused.
    given_up: bool,
    /// The verb is one a refusal can answer ("respond", "attend").
    answerable: bool,
    /// A bit per word of `words`, `refused` and the thing the verb hands over
    /// ("report" for "respond"): two actions with no bit in common cannot be the
    /// same action, so most pairs are told apart without comparing a word.
    mask: u64,
}

/// "a response", "a reply", "an answer": one thing handed back, whichever noun
/// names it ("deliver a written response" is kept by "handed over its reply").
const ANSWER_NOUNS: &[&str] = &[
    "response",
    "responses",
    "reply",
    "replies",
    "answer",
    "answers",
];

impl Action {
    fn read(what: &str) -> Self {
        let mut words = content(what);
        // The verb stays as written: "reply" and "answer" are verbs first.
        for w in words.iter_mut().skip(1) {
            if ANSWER_NOUNS.iter().any(|n| stem(n) == w.as_str()) {
                *w = stem("response").to_string();
            }
        }
        let given_up = what.starts_with("give up ");
        let refused = what
            .strip_prefix("refuse ")
            .or_else(|| what.strip_prefix("give up "))
            .map(content);
        let handed_over = words.first().into_iter().flat_map(|verb| {
            (DELIVERABLES.iter())
                .filter(move |(v, _)| stem(v) == verb)
                .map(|(_, noun)| stem(noun))
        });
        let mask = (words.iter().chain(refused.iter().flatten()))
            .map(String::as_str)
            .chain(handed_over)
            .fold(0, |m, w| m | word_bit(w));
        Action {
            folded: fold(what),
            words,
            refused,
            given_up,
            answerable: ANSWERS.contains(&what.split(' ').next().unwrap_or_default()),
            mask,
        }
    }
}

/// One of 64 bits for a word (FNV-1a of its bytes).
fn word_bit(w: &str) -> u64 {
    let h = (w.bytes()).fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
    });
    1 << (h % 64)
}

/// Promised actions and the thing handed over when they are done: "report its
/// findings" is done when a team "delivered its report", "respond" when a
/// government "sent its response".
const DELIVERABLES: &[(&str, &str)] = &[
    ("report", "report"),
    ("respond", "response"),
    ("reply", "reply"),
    ("answer", "answer"),
    ("decide", "decision"),
    ("propose", "proposal"),
    ("submit", "submission"),
    ("recommend", "recommendation"),
    ("assess", "assessment"),
    ("rule", "ruling"),
    ("plan", "plan"),
    ("list", "list"),
    ("draft", "draft"),
];

/// Verbs of handing something over.
const HANDED: &[&str] = &[
    "deliver", "send", "sent", "submit", "hand", "present", "give", "publish", "release", "issue",
    "transmit", "share", "provide",
];

/// "report its findings" and "deliver its report to both governments": the
/// promise's verb is the noun of what was handed over.
fn delivered(promise: &[String], done: &[String]) -> bool {
    handed_over(promise, done) || handed_over(done, promise)
}

/// One way of `delivered`: `action` names by its verb what `handing` hands over
/// ("respond" and "send its response"; "deliver a written response" and, the
/// other way, "responded to the proposal").
fn handed_over(action: &[String], handing: &[String]) -> bool {
    let (Some(verb), Some(handed)) = (action.first(), handing.first()) else {
        return false;
    };
    HANDED.iter().any(|h| stem(h) == handed)
        && DELIVERABLES
            .iter()
            .any(|(v, noun)| stem(v) == verb && handing[1..].iter().any(|w| w == stem(noun)))
}

/// Verbs that report one action in other words: a promise to "release"
/// detainees is kept when they are "freed", one to "set up" a commission when it
/// is "established".
const SAME_VERBS: &[&[&str]] = &[
    &["release", "free"],
    &["deliver", "send", "submit", "hand", "transmit"],
    &["set", "establish", "create", "form"],
    &["name", "appoint", "designate"],
    &["open", "reopen"],
    &["respond", "reply", "answer"],
    &["withdraw", "pull"],
    &["sign", "conclude"],
    // A vote on an accord is held when the accord is approved, adopted or
    // ratified (its rejection closes it as refused).
    &["vote", "approve", "adopt", "ratify", "endorse"],
];

/// Whether two stemmed verbs are one, or of one group of [`SAME_VERBS`].
fn one_verb(a: &str, b: &str) -> bool {
    a == b
        || SAME_VERBS
            .iter()
            .any(|group| group.iter().any(|v| stem(v) == a) && group.iter().any(|v| stem(v) == b))
}

/// Whether two action descriptions name the same action: the same verb and a
/// shared content word, or two shared content words, or a promise and the
/// handing over of what it promised.
fn same_action(a: &Action, b: &Action) -> bool {
    if a.mask & b.mask == 0 {
        return false;
    }
    if delivered(&a.words, &b.words) {
        return true;
    }
    if let Some(refused) = &b.refused {
        // An answer refused closes what awaited it; a plan given up closes the
        // promise whose object it names ("reopen its consulate in Arica" and
        // "postponed the reopening of its consulate in Arica indefinitely").
        let shared = a
            .words
            .iter()
            .skip(1)
            .filter(|w| refused.contains(w))
            .count();
        return (a.answerable && shared >= 1) || (b.given_up && shared >= 2);
    }
    let (ca, cb) = (&a.words, &b.words);
    let shared = ca
        .iter()
        .skip(1)
        .filter(|w| cb.iter().skip(1).any(|x| x == *w))
        .count();
    let same_verb = ca
        .first()
        .zip(cb.first())
        .is_some_and(|(v, w)| one_verb(v, w));
    let all_shared = ca.iter().filter(|w| cb.contains(w)).count();
    (same_verb && shared >= 1) || all_shared >= 2
}

/// "Chile has until March 14 to reply" and "Chile replied to the proposal on
/// Thursday": a response awaited with no object names nothing to share; the
/// same verb by the same actor answers it.
fn answered_by(a: &Action, b: &Action, awaited: &[ActorName], by: &[ActorName]) -> bool {
    bare_answer_in(a, b) && awaited.iter().any(|x| by.iter().any(|y| x == y))
}

/// Whether `a` awaits an answer with no object ("reply") and `b`'s verb is
/// one verb with it ("replied to the proposal", "respond").
fn bare_answer_in(a: &Action, b: &Action) -> bool {
    let [verb] = a.words.as_slice() else {
        return false;
    };
    a.answerable && b.words.first().is_some_and(|w| one_verb(verb, w))
}

/// "name a special envoy for the Sahel" and, later in the same article, "name a
/// special envoy": the same verb, and every content word of the shorter in the
/// longer. (Sharing one word is not enough within one article: "present a report"
/// and "present a list" are two items.)
fn told_again(a: &Action, b: &Action) -> bool {
    let (short, long) = if a.words.len() <= b.words.len() {
        (&a.words, &b.words)
    } else {
        (&b.words, &a.words)
    };
    short.len() >= 2 && short.first() == long.first() && short.iter().all(|w| long.contains(w))
}

/// "would finish before the March 16 deadline", "the rest will follow before the
/// March 16 deadline": an action of one content word, due on the very day an
/// item already tracked is due, tells how that item is going; alone it says
/// nothing a reader could follow.
fn follows_up(action: &Action, due: Option<NaiveDate>, d: &PendingDevelopment) -> bool {
    action.words.len() <= 1
        && due.is_some()
        && d.development.item.due.as_ref().and_then(|x| x.date) == due
}

/// "Somalia promised to give a written response to the Turkish paper before
/// the third round" and, a later article, "the response would be delivered to
/// Ankara before the third round": one promise told again, in other words and
/// another voice. Two items due at the same time (the same day, or the same
/// words when no day is known) that share a content word are one.
fn due_alike(a: &Pending, b: &Pending) -> bool {
    match (&a.due, &b.due) {
        (Some(x), Some(y)) => match (x.date, y.date) {
            (Some(dx), Some(dy)) => dx == dy,
            (None, None) => fold(&x.text) == fold(&y.text),
            _ => false,
        },
        _ => false,
    }
}

/// Whether two actions share a content word, the verb included.
fn shares_a_word(a: &Action, b: &Action) -> bool {
    a.mask & b.mask != 0 && a.words.iter().any(|w| b.words.contains(w))
}

/// Whether item `r` (its action `action`) is development `d` (its action
/// `other`) told again: the same words, the same action told again in one
/// article, a follow-up due the same day, or from another article the same
/// action or the same due with a word in common.
fn one_item(
    d: &PendingDevelopment,
    other: &Action,
    r: &Reported<Pending>,
    action: &Action,
) -> bool {
    let reports = &d.development.reports;
    let apart = reports.iter().all(|x| x.article.id != r.article.id);
    // A promise told again a year on is a new one ("will decide whether to
    // extend it", of this year's opening and of last year's): another article
    // joins an item only within a quarter of one of its reports.
    let near = |x: &Report| {
        (x.article.published - r.article.published).num_days().abs() <= QUIET_AFTER_DAYS
    };
    if apart && !reports.iter().any(near) {
        return false;
    }
    let due = r.item.due.as_ref().and_then(|d| d.date);
    other.folded == action.folded
        || told_again(other, action)
        || follows_up(action, due, d)
        || (apart && same_action(other, action))
        || (apart && due_alike(&r.item, &d.development.item) && shares_a_word(other, action))
        || one_answer_awaited(
            other,
            action,
            (&d.development.item.actors, &r.item.actors),
            apart,
        )
}

/// "Cambodia has until March 27 to respond" and "Phnom Penh … would reply before
/// the deadline": an answer with no object awaited from the same party, told
/// twice, is one answer awaited, whatever verb of answering tells it. Within
/// one article a telling whose party went unread is of the answer already told.
fn one_answer_awaited(
    a: &Action,
    b: &Action,
    (by_a, by_b): (&[ActorName], &[ActorName]),
    apart: bool,
) -> bool {
    let same_party =
        by_a.iter().any(|p| by_b.contains(p)) || (!apart && (by_a.is_empty() || by_b.is_empty()));
    b.answerable && b.words.len() == 1 && bare_answer_in(a, b) && same_party
}

/// Days after its newest report that an item still open is marked as having no
/// follow-up: a promise nobody has written about for a quarter is history to a
/// desk (a brief over years of texts otherwise shows 2021's "will respond" as live).
pub const QUIET_AFTER_DAYS: i64 = 90;

/// The day of the newest report of an item still awaited that is overdue or has
/// had no news for [`QUIET_AFTER_DAYS`] by `today`; `None` otherwise.
fn quiet_since(p: &PendingDevelopment, today: NaiveDate) -> Option<NaiveDate> {
    let newest = p.development.latest().date_naive();
    let quiet = match p.state {
        PendingState::Overdue => true,
        PendingState::Open => (today - newest).num_days() > QUIET_AFTER_DAYS,
        _ => false,
    };
    quiet.then_some(newest)
}

/// Tracks pending items through later outcomes. An outcome closes a pending item
/// when it comes from a later article and says the same thing was done; the same
/// item announced again by a later article is one development.
pub fn track_pending(
    pending: Vec<Reported<Pending>>,
    outcomes: &[Reported<Outcome>],
    today: NaiveDate,
) -> Vec<PendingDevelopment> {
    let mut out: Vec<PendingDevelopment> = Vec::new();
    // The actions of each development of `out`, in the same order: that of its
    // first report, then those of the reports that told it again ("destroy two
    // tonnes of explosives", then "destroy the remaining 1,200 kilograms", which
    // a third article's "the remaining 500 kilograms" continues).
    let mut actions: Vec<Vec<Action>> = Vec::new();
    for r in pending {
        let report = report_of(&r, &r.item.evidence);
        let action = Action::read(&r.item.what);
        let same = out
            .iter()
            .zip(&actions)
            .position(|(d, others)| others.iter().any(|other| one_item(d, other, &r, &action)));
        match same {
            Some(at) => {
                out[at].development.reports.push(report);
                actions[at].push(action);
            }
            None => {
                out.push(PendingDevelopment {
                    state: match r.item.due.as_ref().and_then(|d| d.date) {
                        Some(due) if due < today => PendingState::Overdue,
                        _ => PendingState::Open,
                    },
                    development: Development {
                        item: r.item,
                        reports: vec![report],
                    },
                    no_follow_up_since: None,
                });
                actions.push(vec![action]);
            }
        }
    }
    let done: Vec<Action> = outcomes
        .iter()
        .map(|o| Action::read(&o.item.what))
        .collect();
    for (d, told) in out.iter_mut().zip(&actions) {
        let action = &told[0];
        let first = d
            .development
            .reports
            .iter()
            .map(|r| r.article.published)
            .min();
        let closing = outcomes
            .iter()
            .zip(&done)
            .filter(|(o, _)| first.is_some_and(|f| o.article.published > f))
            .filter(|(o, outcome)| {
                told.iter().any(|action| same_action(action, outcome))
                    || answered_by(action, outcome, &d.development.item.actors, &o.item.actors)
            })
            .map(|(o, _)| o)
            .min_by_key(|o| o.article.published);
        if let Some(o) = closing {
            let by = report_of(o, &o.item.evidence);
            d.state = match o.item.kind {
                OutcomeKind::Done => PendingState::Done { by },
                OutcomeKind::Abandoned => PendingState::Abandoned { by },
            };
        }
        d.no_follow_up_since = quiet_since(d, today);
        // Oldest report first stays last: newest first, as for the other
        // developments; of one article, the sentence told first stays last.
        d.development.reports.reverse();
        d.development
            .reports
            .sort_by_key(|r| std::cmp::Reverse(r.article.published));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Due, Span};
    use chrono::TimeZone;

    /// An article named in base 36 ("a", "b2"), so the tests read by name.
    fn art(name: &str, day: u32) -> ArticleRef {
        ArticleRef {
            id: ArticleId::named(name),
            url: String::new(),
            outlet: "t".into(),
            title: "t".into(),
            published: Utc
                .with_ymd_and_hms(2030, 6, day, 12, 0, 0)
                .single()
                .unwrap_or_default(),
        }
    }

    fn ev(s: &str) -> Evidence {
        Evidence {
            sentence: s.into(),
            span: Span::new(0, s.len()),
        }
    }

    fn pend(what: &str, a: &str, day: u32) -> Reported<Pending> {
        Reported {
            item: Pending {
                what: what.into(),
                actors: vec![],
                due: None,
                evidence: ev(what),
            },
            article: art(a, day),
        }
    }

    fn outcome(what: &str, a: &str, day: u32) -> Reported<Outcome> {
        Reported {
            item: Outcome {
                kind: OutcomeKind::Done,
                actors: vec![],
                what: what.into(),
                evidence: ev(what),
            },
            article: art(a, day),
        }
    }

    fn meeting(
        who: &[&str],
        status: MeetingStatus,
        day: Option<u32>,
        a: &str,
    ) -> Reported<Meeting> {
        Reported {
            item: Meeting {
                participants: who
                    .iter()
                    .filter_map(|n| crate::model::ActorName::new(n))
                    .collect(),
                status,
                date: day.and_then(|d| NaiveDate::from_ymd_opt(2030, 6, d)),
                place: None,
                kind: crate::model::MeetingKind::InPerson,
                evidence: ev(&who.join(" ")),
            },
            article: art(a, 20),
        }
    }

    /// An article comes back to its meeting without its date, or tells a plan as
    /// an offer; another article's undated meeting of two of the parties may be
    /// another event, and a held meeting is never the plan.
    #[test]
    fn an_article_coming_back_to_its_meeting_is_one_line() {
        use MeetingStatus::{Held, Planned, Proposed};
        let merged = merge_meetings(vec![
            meeting(
                &["Irfaan Ali", "Marco Rubio", "Hugh Todd"],
                Held,
                Some(3),
                "a",
            ),
            meeting(&["Hugh Todd", "Marco Rubio"], Held, None, "a"),
            meeting(&["Hugh Todd", "Marco Rubio"], Held, None, "b"),
            meeting(&["Armenia", "Azerbaijan", "Kazakhstan"], Planned, None, "a"),
            meeting(
                &["Kazakhstan", "Armenia", "Azerbaijan", "Ararat Mirzoyan"],
                Proposed,
                None,
                "a",
            ),
            meeting(&["Armenia", "Azerbaijan"], Held, None, "a"),
        ]);
        let lines: Vec<(usize, usize)> = merged
            .iter()
            .map(|d| (d.item.participants.len(), d.reports.len()))
            .collect();
        assert_eq!(lines, [(3, 2), (2, 1), (3, 2), (2, 1)]);
    }

    /// Class: a vague follow-up ("would finish", "the rest will follow") due on
    /// the day an item is due is news of that item, not an item of its own; with
    /// another day, or told in full, it stays apart.
    #[test]
    fn a_vague_follow_up_due_the_same_day_joins_its_item() {
        let today = NaiveDate::from_ymd_opt(2030, 6, 20).unwrap_or_default();
        let due = |what: &str, a: &str, day: u32, by: u32| {
            let mut p = pend(what, a, day);
            p.item.due = Some(crate::model::Due {
                text: format!("by June {by}"),
                date: NaiveDate::from_ymd_opt(2030, 6, by),
            });
            p
        };
        let t = track_pending(
            vec![
                due("pull heavy artillery back from the frontier", "a", 1, 16),
                due("finish", "b", 5, 16),
                due("follow", "b", 5, 28),
                due("release the detained fishermen", "b", 5, 16),
            ],
            &[],
            today,
        );
        let reports: Vec<usize> = t.iter().map(|p| p.development.reports.len()).collect();
        assert_eq!(reports, [2, 1, 1]);
    }

    #[test]
    fn a_later_outcome_closes_the_pending_item() {
        let today = NaiveDate::from_ymd_opt(2030, 6, 20).unwrap_or_default();
        let t = track_pending(
            vec![
                pend("send its formal reply to the border proposal", "a", 1),
                pend("publish a report on ports", "a", 1),
            ],
            &[
                outcome("send the reply to the border proposal on Friday", "b", 5),
                outcome("publish a report on ports", "a", 1),
            ],
            today,
        );
        assert!(matches!(t[0].state, PendingState::Done { .. }));
        assert!(
            matches!(t[1].state, PendingState::Open),
            "an outcome in the same article does not close it"
        );
    }

    #[test]
    fn a_promise_told_again_in_one_article_is_one_item() {
        let today = NaiveDate::from_ymd_opt(2030, 6, 20).unwrap_or_default();
        let t = track_pending(
            vec![
                pend("name a special envoy for the Sahel", "a", 1),
                pend("name a special envoy", "a", 1),
                pend("present a report on the fund", "a", 1),
                pend("present a list of posts", "a", 1),
            ],
            &[],
            today,
        );
        let whats: Vec<&str> = t.iter().map(|d| d.development.item.what.as_str()).collect();
        assert_eq!(
            whats,
            [
                "name a special envoy for the Sahel",
                "present a report on the fund",
                "present a list of posts"
            ]
        );
    }

    /// A promise to link or connect by something is kept when a later article
    /// says the thing was set up (in place).
    #[test]
    fn a_thing_set_up_closes_the_promise_to_connect_by_it() {
        let today = NaiveDate::from_ymd_opt(2030, 6, 20).unwrap_or_default();
        let t = track_pending(
            vec![pend("border posts to be connected by radio links", "a", 1)],
            &[outcome(
                "set up radio links between the border posts",
                "b",
                5,
            )],
            today,
        );
        assert!(matches!(t[0].state, PendingState::Done { .. }), "{t:?}");
    }

    /// Class: a promise told again in other words ("destroy the remaining 1,200
    /// kilograms of explosives") is continued by what a later article says of
    /// those words ("the remaining 500 kilograms"), though that shares nothing
    /// with the first telling; an outcome in those words closes it.
    #[test]
    fn a_promise_continues_in_the_words_of_any_of_its_tellings() {
        let today = NaiveDate::from_ymd_opt(2030, 6, 20).unwrap_or_default();
        let t = track_pending(
            vec![
                pend("destroy two tonnes of explosives", "a", 1),
                pend(
                    "destroy the remaining 1,200 kilograms of explosives",
                    "b",
                    5,
                ),
                pend("destroy the remaining 500 kilograms", "c", 10),
            ],
            &[outcome("destroy the last 500 kilograms", "d", 15)],
            today,
        );
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(t[0].development.reports.len(), 3);
        assert!(matches!(t[0].state, PendingState::Done { .. }), "{t:?}");
    }

    #[test]
    fn handing_over_what_was_promised_closes_the_promise() {
        let today = NaiveDate::from_ymd_opt(2030, 6, 20).unwrap_or_default();
        let t = track_pending(
            vec![
                pend("report its findings", "a", 1),
                pend("respond to the proposal", "a", 1),
                pend("respond to the proposal", "c", 1),
            ],
            &[
                outcome("deliver its report to both governments", "b", 5),
                outcome("send its response to Bangkok", "b", 5),
            ],
            today,
        );
        assert!(matches!(t[0].state, PendingState::Done { .. }));
        assert!(matches!(t[1].state, PendingState::Done { .. }));
        let t = track_pending(
            vec![pend("respond to the proposal", "a", 1)],
            &[outcome("send troops to the border", "b", 5)],
            today,
        );
        assert!(
            matches!(t[0].state, PendingState::Open),
            "troops are no response"
        );
    }

    /// Class: an answer awaited, told twice in other verbs of answering ("has
    /// until March 27 to respond", "would reply before the deadline"), is one
    /// item; its first telling stays its source.
    #[test]
    fn one_answer_awaited_told_twice_is_one_item() {
        let today = NaiveDate::from_ymd_opt(2030, 6, 20).unwrap_or_default();
        let chile = crate::model::ActorName::new("Chile")
            .into_iter()
            .collect::<Vec<_>>();
        let mut first = pend("respond", "a", 1);
        first.item.actors = chile.clone();
        let t = track_pending(vec![first, pend("reply", "a", 1)], &[], today);
        assert_eq!(t.len(), 1, "{t:?}");
        let source = t[0]
            .development
            .reports
            .last()
            .map(|r| r.evidence.sentence.as_str());
        assert_eq!(source, Some("respond"));
        // From another article, by another party, a reply is another item.
        let mut first = pend("respond", "a", 1);
        first.item.actors = chile;
        let mut other = pend("reply", "b", 3);
        other.item.actors = crate::model::ActorName::new("Peru").into_iter().collect();
        let t = track_pending(vec![first, other], &[], today);
        assert_eq!(t.len(), 2, "{t:?}");
    }

    /// Class: a response awaited with no object ("Chile has until March 14 to
    /// reply") is answered by the same verb from the same actor ("Chile replied
    /// to the proposal"); from another actor it stays open.
    #[test]
    fn a_bare_reply_is_answered_by_the_same_actor() {
        let today = NaiveDate::from_ymd_opt(2030, 6, 20).unwrap_or_default();
        let by = |who: &str| {
            crate::model::ActorName::new(who)
                .into_iter()
                .collect::<Vec<_>>()
        };
        let mut p = pend("reply", "a", 1);
        p.item.actors = by("Chile");
        for (who, done) in [("Chile", true), ("Peru", false)] {
            let mut o = outcome("reply to the Peruvian proposal", "b", 5);
            o.item.actors = by(who);
            let t = track_pending(vec![p.clone()], &[o], today);
            assert_eq!(
                matches!(t[0].state, PendingState::Done { .. }),
                done,
                "{who}: {t:?}"
            );
        }
    }

    /// Class: a plan given up ("shelved", "postponed indefinitely") closes the
    /// promise whose object it names, whatever the promised verb; one shared
    /// word is not enough.
    #[test]
    fn a_plan_given_up_closes_the_promise_it_names() {
        let today = NaiveDate::from_ymd_opt(2030, 6, 20).unwrap_or_default();
        let given_up = |what: &str| {
            let mut o = outcome(what, "b", 5);
            o.item.kind = OutcomeKind::Abandoned;
            o
        };
        let t = track_pending(
            vec![pend("reopen its consulate in Arica", "a", 1)],
            &[given_up(
                "give up Peru has postponed the reopening of its consulate in Arica indefinitely .",
            )],
            today,
        );
        assert!(
            matches!(t[0].state, PendingState::Abandoned { .. }),
            "{:?}",
            t[0].state
        );
        let t = track_pending(
            vec![pend("reopen its consulate in Arica", "a", 1)],
            &[given_up("give up Peru has shelved its plans for Arica .")],
            today,
        );
        assert!(matches!(t[0].state, PendingState::Open), "{:?}", t[0].state);
    }

    #[test]
    fn the_same_item_from_two_articles_is_one_development() {
        let today = NaiveDate::from_ymd_opt(2030, 6, 20).unwrap_or_default();
        let t = track_pending(
            vec![
                pend("decide whether to trigger the snapback", "a", 1),
                pend(
                    "decide whether to trigger the snapback before October",
                    "b",
                    3,
                ),
            ],
            &[],
            today,
        );
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].development.reports.len(), 2);
    }
    /// Class: the same words promised in articles more than a quarter apart
    /// are two promises (this year's decision on an extension is not last
    /// year's); within a quarter they are one.
    /// Class: one promise told again by a later article in other words and
    /// another voice ("the response would be delivered … before the third
    /// round"), due at the same time and sharing a word, is one item; the same
    /// word with another due is another item.
    #[test]
    fn a_promise_retold_with_the_same_due_is_one_item() {
        let today = NaiveDate::from_ymd_opt(2030, 6, 20).unwrap_or_default();
        let due = |p: &mut Reported<Pending>, text: &str| {
            p.item.due = Some(Due {
                text: text.into(),
                date: None,
            });
        };
        let mut first = pend("give a written response to the Turkish paper", "a", 1);
        due(&mut first, "before the third round");
        let mut again = pend("response to be delivered to Ankara", "b", 5);
        due(&mut again, "before the third round");
        let mut other = pend("response to the envoy's letter", "c", 6);
        due(&mut other, "by the end of June");
        let t = track_pending(vec![first, again, other], &[], today);
        assert_eq!(t.len(), 2, "{t:?}");
        assert_eq!(t[0].development.reports.len(), 2, "{t:?}");
    }

    #[test]
    fn a_promise_told_again_a_year_on_is_a_new_item() {
        let today = NaiveDate::from_ymd_opt(2031, 6, 20).unwrap_or_default();
        let mut later = pend("decide whether to extend the crossing", "b", 10);
        later.article.published += chrono::Duration::days(365);
        let t = track_pending(
            vec![pend("decide whether to extend the crossing", "a", 1), later],
            &[],
            today,
        );
        assert_eq!(t.len(), 2, "{t:?}");
    }

    /// A promise nobody has written about for a quarter reads "no follow-up
    /// reported since" its last report, as an overdue one does.
    #[test]
    fn an_item_without_news_for_a_quarter_is_quiet() {
        let june = |d: u32| NaiveDate::from_ymd_opt(2030, 6, d).unwrap_or_default();
        let items = || vec![pend("send its formal reply to the border proposal", "a", 1)];
        let fresh = track_pending(items(), &[], june(30));
        assert_eq!(fresh[0].state, PendingState::Open);
        assert_eq!(fresh[0].no_follow_up_since, None);
        let later = june(1) + chrono::Duration::days(QUIET_AFTER_DAYS + 1);
        let quiet = track_pending(items(), &[], later);
        // Still open: a later report may yet close it.
        assert_eq!(quiet[0].state, PendingState::Open);
        assert_eq!(quiet[0].no_follow_up_since, Some(june(1)));
        // Reported done before the quarter is out: closed, whatever the date.
        let done = track_pending(
            items(),
            &[outcome("send the reply to the border proposal", "b", 3)],
            later,
        );
        assert!(
            matches!(done[0].state, PendingState::Done { .. }),
            "{:?}",
            done[0].state
        );
        assert_eq!(done[0].no_follow_up_since, None);
    }

    /// A promise told done in other words closes: "release" by "free", "set up"
    /// by "establish"; a different action does not.
    #[test]
    fn an_action_told_done_in_other_words_closes_the_item() {
        let day = NaiveDate::from_ymd_opt(2030, 6, 20).unwrap_or_default();
        let tracked = track_pending(
            vec![
                pend("release 40 detainees", "a", 1),
                pend("set up a joint border commission", "a", 1),
                pend("reopen its embassy", "a", 1),
            ],
            &[
                outcome("free 40 detainees on Tuesday", "b", 9),
                outcome("establish joint border commission", "b", 9),
                outcome("withdraw its ambassador", "b", 9),
            ],
            day,
        );
        let done: Vec<bool> = tracked
            .iter()
            .map(|p| matches!(p.state, PendingState::Done { .. }))
            .collect();
        assert_eq!(done, [true, true, false]);
    }

    /// Class: a promise to hand over a response is kept by responding or by
    /// handing over a reply or an answer (one thing, three nouns); a vote on an
    /// accord is held when the accord is approved or ratified.
    #[test]
    fn a_response_or_a_vote_told_done_in_other_words_closes_the_item() {
        let day = NaiveDate::from_ymd_opt(2030, 6, 20).unwrap_or_default();
        for done in [
            "respond to the Norwegian proposal",
            "deliver its reply",
            "send its answer to Oslo",
        ] {
            let t = track_pending(
                vec![pend("deliver a written response to the proposal", "a", 1)],
                &[outcome(done, "b", 9)],
                day,
            );
            assert!(
                matches!(t[0].state, PendingState::Done { .. }),
                "{done}: {t:?}"
            );
        }
        let t = track_pending(
            vec![
                pend("vote on the accord", "a", 1),
                pend("vote on the budget", "a", 1),
            ],
            &[outcome("approve the accord", "b", 9)],
            day,
        );
        let done: Vec<bool> = t
            .iter()
            .map(|p| matches!(p.state, PendingState::Done { .. }))
            .collect();
        assert_eq!(done, [true, false]);
    }
}
