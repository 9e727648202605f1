//! Every construction that may announce an action, described for the model.
//!
//! A candidate is a future or obligation cue ("will", "would", "is due to", "has
//! to", "asks X to") and the word that follows it, whatever that word is: the old
//! rules asked for a verb from a fixed list of actions and so missed "will be ready
//! before the visit", "should go to the two presidents", "is due to elect". Whether
//! a candidate is a real commitment is then weighed from what surrounds it
//! (condition, negation, a meeting as subject, a quotation, a deadline, a date in
//! the past...) by the linear model, not decided by the order of the rules.

use chrono::NaiveDate;

use crate::model::{ActorName, Pending};

use super::super::Doc;
use super::super::dates;
use super::super::lexicon::{LEXICON, starts};
use super::super::tokens::is_capitalised;
use super::super::words::Words;
use super::{
    ADVERBS, AUXILIARIES, MEETING_NOUNS, OBJECT_CUES, action_at, action_clause_end, actors_of,
    awaited, before_due, clause_subject, describes, hypothetical, object, teller_of_passive,
};

/// One possible pending item: where its cue and verb are, what the rules make of
/// it, and the features the model weighs.
pub struct Candidate {
    pub sentence: usize,
    /// Word index of the action's first word.
    pub verb: usize,
    /// How many words the action and its object run from `verb`.
    pub reach: usize,
    pub item: Pending,
    pub features: Vec<String>,
    /// Told as refused: never shown, whatever the model weighs (`refused`).
    pub refused: bool,
}

/// "Is the U.S. prepared to go further?", "Q Will you meet him?": a question
/// commits no one. A question quoted inside a statement ends inside its quotation.
fn asks(doc: &Doc, i: usize) -> bool {
    let words = doc.words(i);
    let last = (0..words.len())
        .rev()
        .find(|&k| !matches!(words[k], "\"" | "”" | "’" | ")"));
    last.is_some_and(|k| words[k] == "?" && !doc.in_quote(i, k))
}

/// Whether the cue at `k` is no one's undertaking: the future inside an indirect
/// question ("to decide how the units will be folded into the army", "whether
/// talks will resume"), or the consequence a threat holds out ("…, or he would
/// propose cancelling the ceasefire").
fn not_undertaken(words: Words, k: usize) -> bool {
    let asked = (k.saturating_sub(5)..k)
        .rev()
        .take_while(|&j| !matches!(words[j], "," | ";"))
        .any(|j| matches!(words.key(j), "how" | "whether"));
    let threat =
        (k.saturating_sub(3)..k).any(|j| words.key(j) == "or" && j > 0 && words[j - 1] == ",");
    asked || threat
}

/// Subjects whose futures commit no government: the police, a sports team, a
/// market, a company's shares, the weather. A mixed digest's "police will reopen
/// the road in an hour" or "the team will play its next match on Sunday" is no
/// pending item of diplomacy, nor a briefing's "our next question will go to
/// X". (Markets, prices and companies stay: trade diplomacy speaks of them.)
const MUNDANE_SUBJECTS: &[&str] = &[
    "police",
    "team",
    "club",
    "squad",
    "players",
    "fans",
    "shares",
    "stocks",
    "weather",
    "traffic",
    "question",
    "questions",
];

/// Whether the cue at `k` has a mundane subject (see [`MUNDANE_SUBJECTS`]): the
/// head noun right before the cue, or before an auxiliary in front of it.
fn outside_diplomacy(words: Words, k: usize) -> bool {
    let start = (0..k)
        .rev()
        .find(|&j| matches!(words[j], "," | ";" | ":" | "“" | "\""))
        .map_or(0, |j| j + 1);
    let head = (start..k).rev().find(|&j| {
        !AUXILIARIES.contains(&words.key(j)) && !matches!(words.key(j), "also" | "then")
    });
    head.is_some_and(|j| MUNDANE_SUBJECTS.contains(&words.key(j)))
}

/// Whether the action of a cue is a meeting or a journey ("are due to attend
/// the G20 summit", "will hold their first meeting", "to pay an official visit
/// to Hungary", "will come to Maputo", "is due in Manila on Monday", "had been
/// due to receive his counterparts"): a meeting to come is `meetings`' to tell
/// rather than an item to follow, which the model weighs. ("will hold
/// elections", "a decision will come", "will receive $2 billion" are not such.)
fn a_meeting_to_come(words: Words, cue: &Cue) -> bool {
    let v = cue.verb;
    let after = |n: usize| words.key_at(v + n).unwrap_or_default();
    let capitalised_at = |j: usize| words.get(j).is_some_and(|w| is_capitalised(w));
    let object_is_a_meeting = (v + 1..(v + 6).min(words.len())).any(|j| {
        MEETING_NOUNS.contains(&words.key(j))
            || matches!(words.key(j), "visit" | "conference" | "dialogue" | "forum")
    });
    match words.key(v) {
        "attend" | "hold" | "host" | "pay" | "convene" => object_is_a_meeting,
        "visit" | "travel" | "meet" => true,
        "come" => after(1) == "to" && capitalised_at(v + 2),
        "receive" => {
            capitalised_at(v + 1)
                || (matches!(after(1), "his" | "her" | "their") && !object_is_money(words, v + 1))
        }
        "in" => words.key(cue.at) == "due" && capitalised_at(v + 1),
        _ => false,
    }
}

/// "receive their payments", "receive the funds": a sum or goods, not a guest.
fn object_is_money(words: Words, from: usize) -> bool {
    (from..(from + 4).min(words.len())).any(|j| {
        words[j].starts_with(['$', '€', '£'])
            || matches!(
                words.key(j),
                "funds" | "money" | "aid" | "payment" | "payments" | "billion" | "million"
            )
    })
}

/// The candidates of sentence `i`, at most one per action word, and one wait for
/// an answer: "has not answered calls …, and there was no response by Tuesday"
/// waits once.
pub fn of_sentence(doc: &Doc, i: usize, last: Option<&str>) -> Vec<Candidate> {
    let words = doc.words(i);
    let mut out: Vec<Candidate> = Vec::new();
    if asks(doc, i) {
        return out;
    }
    // Read once per sentence, and only when it has a candidate.
    let mut old_date: Option<bool> = None;
    let mut awaiting_seen = false;
    for k in 0..words.len() {
        let Some(cue) = cue_at(words, k) else {
            continue;
        };
        if out.iter().any(|c| c.verb == cue.verb)
            || not_undertaken(words, k)
            || outside_diplomacy(words, k)
        {
            continue;
        }
        if cue.awaiting && awaiting_seen {
            continue;
        }
        awaiting_seen |= cue.awaiting;
        let (item, base, reach) = if cue.awaiting {
            let Some((item, reach)) = awaited(doc, i, words, k, cue.end - k, last) else {
                continue;
            };
            (item, "respond".to_string(), reach)
        } else {
            action_item(doc, i, words, &cue, last)
        };
        let old = *old_date.get_or_insert_with(|| past_date(words, doc.published));
        let mut features = features(doc, i, words, &cue, &base, &item);
        if old {
            features.push("past_date".into());
        }
        // The model weighs the sentence's subject; the reader is told who acts.
        let mut item = item;
        if let Some(asked) = asked_to_act(doc, i, &cue) {
            item.actors = asked;
        } else if item.actors.is_empty() {
            item.actors.extend(teller_of_passive(doc, i, cue.at, last));
        }
        out.push(Candidate {
            sentence: i,
            verb: cue.verb,
            reach,
            item,
            features,
            refused: refused(words, &cue),
        });
    }
    out
}

/// The item an action cue announces: its verb and object, its actor and due
/// phrase; with the base form of its verb, and how many words the verb and object
/// run.
fn action_item(
    doc: &Doc,
    i: usize,
    words: Words,
    cue: &Cue,
    last: Option<&str>,
) -> (Pending, String, usize) {
    let base = match (&cue.act, cue.deadline) {
        (Some(base), _) => base.clone(),
        (None, true) => words.slice(cue.verb..cue.verb + cue.len).phrase_key(),
        (None, false) => words.key(cue.verb).to_string(),
    };
    let from = cue.verb + cue.len;
    let clause = words.slice(from.min(words.len())..action_clause_end(words, from).max(from));
    let (described, due) = before_due(doc, clause);
    // "has until March 31 to submit": the time stands before the action.
    let due = due.or_else(|| {
        let until = cue
            .end
            .checked_sub(1)
            .filter(|&u| cue.deadline && words.key(u) == "until")?;
        super::due(doc, words.slice(until..cue.verb))
    });
    let object = object(described, 0);
    let reach = cue.len + object.as_ref().map_or(0, |o| o.split(' ').count());
    let passive = cue.verb > 0 && words.key(cue.verb - 1) == "be";
    let subject = passive
        .then(|| {
            clause_subject(words, cue.at, cue.end, cue.object_cue)
                .or_else(|| appositive_subject(words, cue.at))
        })
        .flatten();
    // "The current authorisation expires on 15 March": a deadline of something's
    // own course names that thing, since "expire" alone says nothing.
    let lapses = cue.deadline && cue.act.is_none() && object.is_none();
    let lapsing = lapses
        .then(|| {
            clause_subject(words, cue.at, cue.end, false)
                .or_else(|| appositive_subject(words, cue.at))
        })
        .flatten();
    let verb = words[cue.verb..cue.verb + cue.len].join(" ");
    let what = match (subject, object, lapsing) {
        (Some(s), o, _) => {
            let o = o.map(|o| format!(" {o}")).unwrap_or_default();
            format!("{s} to be {verb}{o}")
        }
        (None, Some(o), _) => format!("{base} {o}"),
        (None, None, Some(s)) => format!("{s} {verb}"),
        (None, None, None) => base.clone(),
    };
    let item = Pending {
        what,
        actors: actors_of(doc, i, cue.at, last),
        due,
        evidence: doc.evidence(i),
    };
    (item, base, reach)
}

/// "The joint plan for 3,000 families, due by March 31, is still being drafted",
/// "the last 500 kilograms, due to be destroyed by March 15, …": a cue set off
/// by commas after a noun phrase is said of that noun phrase, which the item
/// must name (the clause after the comma has none).
fn appositive_subject(words: Words, at: usize) -> Option<String> {
    (at > 0 && words[at - 1] == ",")
        .then(|| clause_subject(words, at - 1, at - 1, false))
        .flatten()
}

/// "gave negotiators until mid-August to reach a deal", "granted the parties
/// until Friday to reply": a time granted to others is their deadline, as "has
/// until" is one's own. The cue is "until" (one word) after a verb of granting.
fn granted_until(words: Words, k: usize) -> Option<usize> {
    granter(words, k).map(|_| 1)
}

/// Where the verb granting the time that "until" at `k` ends stands.
fn granter(words: Words, k: usize) -> Option<usize> {
    const GRANTING: &[&str] = &[
        "gave", "give", "gives", "giving", "given", "granted", "grant", "grants", "granting",
    ];
    (words.key(k) == "until")
        .then(|| (k.saturating_sub(4)..k).find(|&j| GRANTING.contains(&words.key(j))))
        .flatten()
}

/// The cue that starts at word `k`, if one does: a future or obligation cue and
/// the verb after it, an awaited response, or a present-tense deadline.
fn cue_at(words: Words, k: usize) -> Option<Cue> {
    let plain = |end: usize, verb: usize, len: usize| Cue {
        at: k,
        end,
        verb,
        len,
        act: None,
        negated: false,
        object_cue: false,
        awaiting: false,
        deadline: false,
    };
    // "must decide … before the option expires in October": a deadline or a wait
    // in a clause of time is when another action is due, not an item of its own.
    let of_time = || {
        (k.saturating_sub(4)..k)
            .any(|j| matches!(words.key(j), "before" | "until" | "once" | "when" | "after"))
    };
    if (LEXICON.awaiting.at(words, k).is_some() || LEXICON.deadline.at(words, k).is_some())
        && of_time()
    {
        return None;
    }
    if let Some(n) = LEXICON.awaiting.at(words, k) {
        return Some(Cue {
            awaiting: true,
            ..plain(k + n, k, n)
        });
    }
    if let Some(n) = LEXICON
        .deadline
        .at(words, k)
        .or_else(|| granted_until(words, k))
    {
        // "has until Friday to send": the action is the verb after "to".
        if words.key(k + n - 1) == "until" {
            let to = (k + n..(k + n + 8).min(words.len())).find(|&j| words[j] == "to")?;
            let (v, negated) = verb_after(words, to + 1)?;
            return Some(with_action(
                words,
                Cue {
                    negated,
                    deadline: true,
                    ..plain(k + n, v, 1)
                },
            ));
        }
        return Some(Cue {
            deadline: true,
            ..plain(k + n, k, n)
        });
    }
    let (after, object_cue) = cue_end(words, k)?;
    let (v, negated) = verb_after(words, after)?;
    Some(with_action(
        words,
        Cue {
            negated,
            object_cue,
            ..plain(after, v, 1)
        },
    ))
}

/// The cue with its verb read as an action of the lexicon, where it is one.
fn with_action(words: Words, mut cue: Cue) -> Cue {
    if let Some((_, n, base)) = action_at(words, cue.verb) {
        cue.len = n;
        cue.act = Some(base);
    }
    cue
}

/// Where a cue at `k` ends (the word after it) and whether it was an
/// object-taking cue ("asks the envoy to").
fn cue_end(words: Words, k: usize) -> Option<(usize, bool)> {
    if let Some(n) = LEXICON.future.at(words, k) {
        return (!an_aim(words, k)).then_some((k + n, false));
    }
    // "called on X to", not "called off after X refused to".
    let called_off = words.key(k) == "called" && words.get(k + 1) != Some(&"on");
    if called_off || !OBJECT_CUES.contains(&words.key(k)) {
        return None;
    }
    (k + 1..(k + 13).min(words.len()))
        .find(|&j| words[j] == "to")
        .map(|j| (j + 1, true))
}

/// "Sweden asked Norway to submit its proposals", "urged the council to vote":
/// whom an object cue names between itself and its "to" is who must act, not
/// who asked; so is whom a verb of granting names before "until" ("has given
/// Peru until Friday to respond"). None when no actor stands there ("expects the
/// talks to resume").
fn asked_to_act(doc: &Doc, i: usize, cue: &Cue) -> Option<Vec<ActorName>> {
    let (from, to) = match granter(doc.words(i), cue.at) {
        Some(g) => (g, cue.at),
        None => (cue.at, cue.end.checked_sub(1).filter(|_| cue.object_cue)?),
    };
    let named: Vec<ActorName> = doc.mentions[i]
        .iter()
        .filter(|m| m.first > from && m.last <= to && !m.possessive && !m.modifier)
        .filter_map(|m| ActorName::new(&m.name))
        .collect();
    (!named.is_empty()).then_some(named)
}

/// Nouns of an aim: "the priority was to stop attacks", "the aim is to reduce
/// tensions" describe what someone wants, and commit no one to a step.
const AIMS: &[&str] = &[
    "priority",
    "priorities",
    "aim",
    "aims",
    "goal",
    "goals",
    "objective",
    "objectives",
    "purpose",
    "idea",
    "task",
    "challenge",
    "hope",
    "ambition",
    "mission",
    "point",
    "intention",
];

/// Whether the cue at `k` is "is to"/"was to" after a noun of aim.
fn an_aim(words: Words, k: usize) -> bool {
    matches!(words.key(k), "is" | "was" | "are" | "were")
        && k > 0
        && AIMS.contains(&words.key(k - 1))
}

/// The first word after the adverbs that follow a cue, if it can be a verb (a
/// lower-case word), and whether a negation stood before it.
fn verb_after(words: Words, mut v: usize) -> Option<(usize, bool)> {
    let mut negated = false;
    while v < words.len()
        && (ADVERBS.contains(&words.key(v)) || matches!(words.key(v), "not" | "never" | "no"))
    {
        negated |= matches!(words.key(v), "not" | "never" | "no");
        v += 1;
    }
    let w = words.get(v)?;
    let verb_like = w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
        && w.chars().next().is_some_and(|c| c.is_ascii_lowercase());
    verb_like.then_some((v, negated))
}

/// "the government would not respond to threats", "will never recognise",
/// "has no plans to reopen its embassy", "no intention to": an action negated
/// at its cue is refused, not pending, whatever its verb usually promises (the
/// model weighs "neg" against the verb and let "respond" through). "will not
/// only X but also Y" undertakes both.
fn refused(words: Words, c: &Cue) -> bool {
    let not_only =
        (c.at..c.verb).any(|k| words.key(k) == "not" && words.key_at(k + 1) == Some("only"));
    let no_plan = c.at >= 1
        && words.key(c.at - 1) == "no"
        && matches!(
            words.key(c.at),
            "plans" | "plan" | "intention" | "intentions"
        );
    (c.negated && !not_only) || no_plan
}

/// A cue as found: its span, its action and how it was read.
struct Cue {
    at: usize,
    /// The word after the cue.
    end: usize,
    /// The action's first word and length.
    verb: usize,
    len: usize,
    /// The action's base form, where the lexicon knows it.
    act: Option<String>,
    negated: bool,
    object_cue: bool,
    awaiting: bool,
    deadline: bool,
}

/// The features of one candidate: the cue and verb themselves, and the marks of
/// the language around them that make a commitment real or not.
fn features(doc: &Doc, i: usize, words: Words, c: &Cue, base: &str, item: &Pending) -> Vec<String> {
    let mut f = vec![
        "b".to_string(),
        // An object cue is named without its object: "asks to", not "asks the envoy to".
        if c.object_cue {
            format!("cue={} to", words.key(c.at))
        } else {
            format!("cue={}", words.slice(c.at..c.end).phrase_key())
        },
        format!("verb={base}"),
    ];
    let mut flag = |on: bool, name: &str| {
        if on {
            f.push(name.to_string());
        }
    };
    let hyp = hypothetical(words, c.at);
    let desc = describes(words, c.at);
    let passive = c.verb > 0 && words.key(c.verb - 1) == "be";
    let meeting_near = (0..c.at).any(|j| MEETING_NOUNS.contains(&words.key(j)));
    let intransitive = words.key_at(c.verb + c.len).is_none_or(|w| {
        matches!(
            w,
            "in" | "on" | "at" | "by" | "next" | "this" | "later" | "soon" | "." | ","
        )
    });
    // The models were trained on dates the text names; a span counted from the
    // article ("within 30 days") dates the item for the brief, not for them.
    let dated = item
        .due
        .as_ref()
        .filter(|d| !dates::counted_span(&d.text))
        .and_then(|d| d.date);
    // What the hand rules alone would have kept: a listed action, affirmative,
    // unconditional, not a description, not a meeting's own course.
    let rule = !(c.act.is_none()
        || c.negated
        || hyp
        || desc
        || (intransitive && meeting_near)
        || (passive && dated.is_none()));
    flag(rule, "rule");
    flag(c.act.is_some(), "act");
    flag(c.object_cue, "objcue");
    flag(c.awaiting, "await");
    flag(c.deadline, "deadline");
    flag(c.negated, "neg");
    flag(hyp, "hyp");
    flag(desc, "desc");
    flag(passive, "passive");
    // "will be destroyed by March 15", "is to be formed within 30 days": a passive
    // with a due date is a commitment, unlike "the talks will be held".
    flag(passive && item.due.is_some(), "passive_due");
    flag(intransitive && meeting_near, "meet_subj");
    flag(words.starts(c.verb, starts::MEETING), "meet_verb");
    flag(a_meeting_to_come(words, c), "meet_action");
    flag(item.due.is_some(), "due");
    flag(dated.is_some_and(|d| d >= doc.published), "due_future");
    flag(dated.is_some_and(|d| d < doc.published), "due_past");
    f.extend(surroundings(doc, i, words, c, item));
    f
}

/// The features of where a cue stands: its subject, a quotation or question
/// around it, a verb of saying or a first person before it, a past auxiliary,
/// and the words on either side.
fn surroundings(doc: &Doc, i: usize, words: Words, c: &Cue, item: &Pending) -> Vec<String> {
    let mut f = Vec::new();
    let mut flag = |on: bool, name: &str| {
        if on {
            f.push(name.to_string());
        }
    };
    flag(!item.actors.is_empty(), "subj");
    flag(doc.in_quote(i, c.at), "inq");
    flag(words.raw().last() == Some(&"?"), "question");
    // A verb of saying is written in lower case: "the United States will" says
    // nothing.
    flag(
        (0..c.at).any(|j| {
            LEXICON.speech.contains(words.key(j)) && words[j].starts_with(char::is_lowercase)
        }),
        "said_before",
    );
    flag(
        (0..c.at).any(|j| matches!(words.key(j), "we" | "i")),
        "first_person",
    );
    flag(
        (c.at.saturating_sub(3)..c.at).any(|j| matches!(words.key(j), "had" | "was" | "were")),
        "past_aux",
    );
    flag(
        item.actors.is_empty() && c.at > 0 && PRONOUNS.contains(&words.key(c.at - 1)),
        "pronoun_subject",
    );
    let k = c.at;
    f.push(format!(
        "next={}",
        words.key_at(c.verb + c.len).unwrap_or("$")
    ));
    f.push(format!(
        "prev={}",
        if k > 0 { words.key(k - 1) } else { "^" }
    ));
    let word = words.key(c.verb);
    if word.ends_with("ed") || word.ends_with("ing") {
        f.push("verb_inflected".into());
    }
    f
}

/// Subjects that stand for an actor named elsewhere.
const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "you"];

/// Whether the sentence names a date well before the article: background, not news.
fn past_date(words: Words, published: NaiveDate) -> bool {
    (0..words.len()).any(|j| {
        dates::find(&words.raw()[j..(j + 5).min(words.len())], published, false)
            .is_some_and(|(d, _)| (published - d).num_days() > 60)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    /// Whether the first candidate of a one-sentence text is marked as a meeting
    /// to come.
    fn marked(text: &str) -> bool {
        let doc = Doc::read(
            text,
            NaiveDate::from_ymd_opt(2030, 6, 12).unwrap_or_default(),
        );
        let c = of_sentence(&doc, 0, None);
        assert!(!c.is_empty(), "no candidate in {text}");
        c[0].features.iter().any(|f| f == "meet_action")
    }

    /// Class: a meeting or a journey told as a future action ("due to attend
    /// the summit", "will pay an official visit", "is due in Lima", "will come to
    /// Lima") is marked for the model as `meetings`' to tell; holding elections,
    /// a decision that "will come" and payments received are not.
    #[test]
    fn meetings_and_journeys_to_come_are_marked() {
        for text in [
            "Ana Veld and Per Lund are due to attend the G20 summit this weekend.",
            "Per Lund will pay an official visit to Chile in 2031.",
            "The two leaders are due to hold their first meeting in the coming weeks.",
            "Per Lund will come to Lima next month.",
        ] {
            assert!(marked(text), "{text}");
        }
        for text in [
            "Chile will hold elections on May 25.",
            "Per Lund will receive their payments by June.",
            "Per Lund will send his reply by Friday.",
        ] {
            assert!(!marked(text), "{text}");
        }
    }
}
