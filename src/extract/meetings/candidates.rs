//! Where a meeting is told: the cues of a sentence ("met", "held talks",
//! "telephone call"), grouped by clause, and the clause around each group, which
//! ends at words that start another event. Each clause gives one candidate
//! meeting, its parties read by `participants` and its status by `status`.

use chrono::NaiveDate;

use crate::model::{ActorName, Meeting, MeetingKind, MeetingStatus};

use super::super::Doc;
use super::super::actors::{ActorKind, PARTICLES, names_sides};
use super::super::clauses::relative_opener;
use super::super::dates;
use super::super::lexicon::{Known, LEXICON, MeetingCue, STATE_FORMS};
use super::super::speech::Said;
use super::super::tokens::{bare, is_capitalised};
use super::super::words::Words;
use super::boundaries::{closed_relative, is_boundary};
use super::context;
use super::cues::{find_cues, right_edge, told_during};
use super::decide::{self, Clause};
use super::participants;
use super::said_or_agreed;
use super::split;
use super::status;

/// "discussed the border by phone with Y", "held talks by video link": the means
/// named beside a cue that does not name one.
fn means_of_contact(words: Words, left: usize, right: usize) -> Option<MeetingKind> {
    (left..right).find_map(|k| {
        let means = words.key_at(k + 1)?;
        match (words.key(k), means) {
            ("by" | "over", "phone" | "telephone") => Some(MeetingKind::Call),
            ("over", "the") if matches!(words.key_at(k + 2), Some("phone" | "telephone")) => {
                Some(MeetingKind::Call)
            }
            ("by" | "via", "video" | "videoconference" | "videolink") => Some(MeetingKind::Video),
            _ => None,
        }
    })
}

/// A meeting as the rules read it, before the models decide it.
pub struct Candidate {
    pub meeting: Meeting,
    /// Split from a distributive meeting ("each met X"): kept apart by `dedupe`.
    pub split: bool,
    pub features: Vec<String>,
    /// The sentence it was read from.
    pub sentence: usize,
}

/// Every candidate meeting of the article, in order.
pub fn candidates(doc: &Doc, said: &Said) -> Vec<Candidate> {
    // Each meeting with whether it was split from a distributive one, and the
    // sentence it was read from; its features alongside.
    let mut out: Vec<(Meeting, bool, usize)> = Vec::new();
    let mut features: Vec<Vec<String>> = Vec::new();
    for i in 0..doc.sentences.len() {
        if doc.sentences[i].heading {
            continue;
        }
        let words = doc.words(i);
        let cues = find_cues(words);
        // Who "took part" or "joined the talks" before any meeting of their own.
        let first_cue = cues
            .first()
            .and_then(|g| g.first())
            .map_or(words.len(), |c| c.0);
        participants::add_participants(doc, i, first_cue, &mut out);
        // Where the previous group's cues end: the next clause starts after it.
        let mut prev_end = 0;
        for (g, group) in cues.iter().enumerate() {
            let (first, last_end) = (
                group.first().map_or(0, |c| c.0),
                group.last().map_or(0, |c| c.0 + c.1),
            );
            let next_cue = cues
                .get(g + 1)
                .and_then(|n| n.first())
                .map_or(words.len(), |c| c.0);
            let (left, right) = clause_edges(doc, i, &cues, g, prev_end, next_cue);
            prev_end = last_end;
            let clause = Clause {
                words,
                group,
                left,
                right,
            };
            let back = refers_back(words, group);
            if let Some((m, callers, rule)) = meeting_in(doc, i, &clause, said, &out)
                .filter(|(m, _, _)| !(back && told_just_before(m, &out, i)))
                .filter(|(_, _, rule)| !status::unasserted(words, left, first, *rule))
                .filter(|(m, _, _)| !a_stay_told_after(doc, i, &clause, m, next_cue))
            {
                let one_by_one = split::separately(words.slice(left..right))
                    || split::several_calls(m.kind, words.slice(left..right));
                let parts = match split::each_on_its_day(doc, i, &m, callers, (last_end, right))
                    .or_else(|| split::pair_by_pair(doc, i, &m, left, group))
                {
                    Some(parts) => parts,
                    None => split::split(m, words, group, callers, one_by_one),
                };
                let was_split = parts.len() > 1;
                for m in parts
                    .into_iter()
                    .flat_map(|m| each_date(m, words.slice(left..right), doc))
                {
                    features.push(decide::features(doc, i, &clause, &m, rule));
                    out.push((on_the_stay(m, doc, words, left), was_split, i));
                }
            }
        }
    }
    out.into_iter()
        .zip(features)
        .map(|((meeting, split, sentence), features)| Candidate {
            meeting,
            split,
            features,
            sentence,
        })
        .collect()
}

/// Where the clause of cue group `g` of sentence `i` starts and ends: from the
/// last boundary before its first cue (past a relative clause between subject
/// and verb) to the right edge before the next group, inside the quotation the
/// cue stands in, if any.
fn clause_edges(
    doc: &Doc,
    i: usize,
    cues: &[Vec<(usize, usize, &'static MeetingCue)>],
    g: usize,
    prev_end: usize,
    next_cue: usize,
) -> (usize, usize) {
    let words = doc.words(i);
    let group = &cues[g];
    let (first, last_end) = (
        group.first().map_or(0, |c| c.0),
        group.last().map_or(0, |c| c.0 + c.1),
    );
    let left = (prev_end..first)
        .rev()
        .find(|&k| is_boundary(words, k) && !told_during(words, k, first))
        .map_or(prev_end, |k| k);
    // "X, who said …, met Y": the cue's clause goes on after the relative.
    // Not when the relative tells of the meeting itself ("The round, which
    // opened on Monday, brought together …").
    let of_a_meeting = |who: usize| cues.iter().flatten().any(|c| c.0 + c.1 + 1 == who);
    let mut left = closed_relative(words, left, first)
        .filter(|&(_, who)| who >= prev_end && !of_a_meeting(who))
        .map_or(left, |(close, _)| close);
    let mut right = right_edge(words, last_end, next_cue);
    // "X, who met Y on Monday, will fly to Quito on Friday": a meeting told in
    // a relative clause ends with it.
    if relative_opener(words, first) == Some(left)
        && let Some(close) = (last_end..right).find(|&k| words[k] == ",")
    {
        right = close;
    }
    // A cue inside a quotation: its clause ends with the quotation; the speaker
    // outside it is not a party.
    if let Some((a, b)) = doc.quote_words(i, first) {
        left = left.max(a).min(first);
        right = right.min(b).max(last_end);
    }
    (left, right)
}

/// The meeting a cue group tells, with how many of its parties were named before
/// the cue (the callers of a call) and the status the rules alone give it, if any
/// (the models weigh that verdict; `decide`).
fn meeting_in(
    doc: &Doc,
    i: usize,
    clause: &Clause,
    said: &Said,
    history: &[(Meeting, bool, usize)],
) -> Option<(Meeting, usize, Option<MeetingStatus>)> {
    let Clause {
        words,
        group,
        left,
        right,
    } = *clause;
    let first = group.first()?.0;
    // What rules a clause out without its parties is asked first: reading the
    // parties is the costly part, and "spoke" alone is a common word.
    if alternatives(doc, i, left, right)
        || respective(words, left, right)
        || spoken_of(doc, i, clause)
    {
        return None;
    }
    let mut parties = participants::parties(doc, i, clause, said, history);
    let visited = visited_place(doc, i, clause, &mut parties.names);
    if parties.names.len() < 2 + companions(doc, i, clause, &parties.names) {
        return None;
    }
    let rule = rule_status(doc, clause);
    let kind = kind_of(clause);
    let date = date_of(doc, i, clause, rule);
    let meeting = Meeting {
        participants: parties
            .names
            .iter()
            .filter_map(|n| ActorName::new(n))
            .collect(),
        status: rule.unwrap_or(MeetingStatus::Proposed),
        date,
        place: if only_discussed(group) {
            None
        } else {
            place(words, left, right, first).or(visited)
        },
        kind,
        evidence: doc.evidence(i),
    };
    // Parties named before the cue are the callers of a call; "Before the round
    // opened, X met each minister": those before the verb of the distributive cue.
    let verb = if parties.each_after {
        group.last().map_or(first, |c| c.0)
    } else {
        first
    };
    let callers = doc.mentions[i]
        .iter()
        .filter(|m| m.first >= left && m.last <= verb && !m.possessive && !m.modifier)
        .count();
    Some((
        meeting,
        callers.max(usize::from(parties.pronoun_subject)),
        rule,
    ))
}

/// "During the meeting, Mr. X thanked Colombia …", "In the meeting, they
/// discussed …", "This meeting was part of ongoing efforts …": a meeting noun
/// after a definite determiner, with no "with" or "between" of its own, is the
/// meeting just told (the caller asks that one was), not another.
fn refers_back(words: Words, group: &[(usize, usize, &'static MeetingCue)]) -> bool {
    let [(k, len, c)] = group else {
        return false;
    };
    let noun = c.words.len() == 1
        && matches!(
            c.words[0].as_str(),
            "meeting" | "meetings" | "talks" | "session" | "discussions" | "consultations"
        );
    let before = |n: usize| k.checked_sub(n).map(|j| words.key(j));
    // "During the meeting, …", "In the meeting, …", "This meeting was …"
    let framed = before(1) == Some("the")
        && matches!(before(2), Some("during" | "in" | "at" | "after"))
        && words.get(k + len) == Some(&",");
    let this = matches!(before(1), Some("this" | "that" | "these"));
    let own_parties = (k + len..(k + len + 3).min(words.len()))
        .any(|j| matches!(words.key(j), "with" | "between"));
    noun && (framed || this) && !own_parties
}

/// Whether a meeting of the two sentences before sentence `i`, or of `i`
/// itself, shares a party with `m`: the one "during the meeting" points back to.
/// Unless `m` names all its parties and more ("During the meeting, C joined A
/// and B"), which tells who took part.
fn told_just_before(m: &Meeting, out: &[(Meeting, bool, usize)], i: usize) -> bool {
    let named = |p: &str| m.participants.iter().any(|q| q.as_str() == p);
    out.iter().any(|(o, _, j)| {
        *j + 2 >= i
            && o.participants.iter().any(|p| named(p.as_str()))
            && !o.participants.iter().all(|p| named(p.as_str()))
    })
}

/// "will visit Sweden next month for talks with X", "invited X to visit Oslo":
/// the country or city visited, in a clause that names the people met, is where
/// they meet, not a party besides them (alone, "will visit Sweden" is a meeting
/// with Sweden, held there). Takes it out of `names` when people are named, and
/// returns it as written.
fn visited_place(doc: &Doc, i: usize, clause: &Clause, names: &mut Vec<String>) -> Option<String> {
    let words = clause.words;
    let m = doc.mentions[i].iter().find(|m| {
        let before = m.first.checked_sub(1).map(|k| words.key(k));
        let visit_to =
            m.first >= 2 && before == Some("to") && VISIT.contains(&words.key(m.first - 2));
        m.first >= clause.left
            && m.last <= clause.right
            && m.kind == ActorKind::Country
            && (visit_to || before.is_some_and(|w| VISIT.contains(&w)))
    })?;
    let at = names.iter().position(|n| *n == m.name)?;
    // "paid a state visit to Beijing and met President Xi": the country of a
    // visit told with a person met there is where, not whom, the visitor met.
    if names.len() >= 3 {
        let people = people_named(doc, i, clause);
        if people >= 2 || (m.modifier && people >= 1) {
            names.remove(at);
        }
    }
    Some(words[m.first..m.last].join(" "))
}

/// "The Secretary, accompanied by Under Secretary X, will meet business
/// leaders": those who come along with a party before the cue are on that
/// party's side. How many of the parties they are: a meeting needs two sides
/// besides them.
fn companions(doc: &Doc, i: usize, clause: &Clause, names: &[String]) -> usize {
    let (words, first) = (clause.words, clause.first());
    doc.mentions[i]
        .iter()
        .filter(|m| {
            // "accompanied by Under Secretary X", "by his deputy minister, X",
            // "by Under Secretary for Economic Growth, Energy, and the
            // Environment X": titles, written in capitals or not, may stand
            // between, but no other name.
            let by = (m.first.saturating_sub(14)..m.first)
                .rev()
                .take_while(|&k| !doc.mentions[i].iter().any(|o| o.last == k))
                .find(|&k| words.key(k) == "by");
            m.last <= first
                && by.is_some_and(|k| {
                    k >= 1 && matches!(words.key(k - 1), "accompanied" | "joined" | "flanked")
                })
                && names.iter().any(|n| n == &m.name)
        })
        .count()
}

/// "Ana Veld spoke highly of Per Lund", "talked about Peru": after a bare
/// "spoke" or "talked" (no "with", "to" or "by phone"), a name is what was
/// spoken of; only those named before it ("X and Y spoke on Monday", "when the
/// two talked") held a conversation, and only as one subject of several: "on
/// Peru, something Ana Veld has talked about is …" is one speaker, and a name
/// elsewhere before the verb is no one she spoke with.
fn spoken_of(doc: &Doc, i: usize, clause: &Clause) -> bool {
    let [(k, 1, cue)] = clause.group else {
        return false;
    };
    if !matches!(cue.words[0].as_str(), "spoke" | "talked") {
        return false;
    }
    let words = clause.words;
    let several = (clause.left..*k).any(|j| {
        matches!(
            words.key(j),
            "and" | "both" | "two" | "three" | "they" | "we" | "leaders" | "ministers" | "sides"
        )
    });
    !several
        || doc.mentions[i]
            .iter()
            .any(|m| m.first > *k && m.last <= clause.right && !m.modifier)
}

/// "The leaders discussed their respective conversations with A and B": each
/// had talks of their own; the names after "with" did not meet each other, and
/// which leader met which is not told.
fn respective(words: Words, left: usize, right: usize) -> bool {
    (left..right.min(words.len())).any(|k| words.key(k) == "respective")
}

/// "Earlier rounds were hosted by Oman, Qatar or Egypt", "a meeting in Doha or
/// Cairo": names joined by "or" are alternatives, not parties who met together;
/// a list of them tells no one meeting.
fn alternatives(doc: &Doc, i: usize, left: usize, right: usize) -> bool {
    let words = doc.words(i);
    let named_at = |k: usize, before: bool| {
        doc.mentions[i]
            .iter()
            .any(|m| if before { m.last == k } else { m.first == k } && !m.modifier)
    };
    (left + 1..right.min(words.len()).saturating_sub(1)).any(|k| {
        words.key(k) == "or"
            && named_at(k, true)
            && (named_at(k + 1, false) || (words.key(k + 1) == "the" && named_at(k + 2, false)))
    })
}

/// "X visited Oslo on Monday, where he met Y": a clause opened by "where" (or
/// "during which", or "and" after a journey) tells what happened on the stay
/// the clause before it tells, on that stay's date and at its place when it
/// gives none of its own. Read after the candidate's features: the stay says
/// when and where, not whether, which the models judge from the clause's own
/// words.
fn on_the_stay(mut m: Meeting, doc: &Doc, words: Words, left: usize) -> Meeting {
    let opener = (left.saturating_sub(1)..(left + 2).min(words.len())).find(|&k| {
        opens_a_stay(words, k)
            // "flew to Asmara on July 8, and was welcomed by X": the journey's
            // clause before "and" tells the stay.
            || (words.key(k) == "and" && (0..k).any(|j| JOURNEY.contains(&words.key(j))))
    });
    let Some(stay) = opener else { return m };
    if m.date.is_none() {
        let future = m.status != MeetingStatus::Held;
        m.date = dates::find(&words[..stay], doc.published, future).map(|d| d.0);
    }
    if m.place.is_none() {
        m.place = if words.key(stay) == "and" {
            // After "and", only where the journey went: "returned from Oslo and
            // met X" met X at home.
            (1..stay)
                .rev()
                .filter(|&k| words[k] == "to" && JOURNEY.contains(&words.key(k - 1)))
                .find_map(|k| place_after(words, k, stay))
        } else {
            stay_place(words, stay)
        };
    }
    m
}

/// "X visited Stockholm on Monday, where she met Y", "after a visit to Beijing,
/// where he met Y": a visit whose stay the next clause tells by the people met
/// there is where they met (`on_the_stay`), not a meeting of its own with the
/// country visited. True for the visit's meeting (two parties, fewer than two
/// people named in its clause) when the next cue's clause opens with "where" or
/// "during which".
fn a_stay_told_after(doc: &Doc, i: usize, clause: &Clause, m: &Meeting, next_cue: usize) -> bool {
    let words = clause.words;
    // Asked of every candidate: the cheap tests first.
    let visit =
        || (clause.group.iter()).all(|c| c.2.words.iter().any(|w| VISIT.contains(&w.as_str())));
    let opens_stay = || {
        (clause.right.saturating_sub(1)..next_cue.min(words.len())).any(|k| opens_a_stay(words, k))
    };
    m.participants.len() == 2
        && next_cue < words.len()
        && visit()
        && opens_stay()
        && people_named(doc, i, clause) < 2
}

/// How many people the clause names.
fn people_named(doc: &Doc, i: usize, clause: &Clause) -> usize {
    doc.mentions[i]
        .iter()
        .filter(|x| x.first >= clause.left && x.last <= clause.right && x.kind == ActorKind::Person)
        .count()
}

/// Whether word `k` opens the telling of a stay: "where", "during which".
pub(super) fn opens_a_stay(words: Words, k: usize) -> bool {
    words.key(k) == "where" || (words.key(k) == "during" && words.key_at(k + 1) == Some("which"))
}

/// The place "where" stands for: the one named last before it ("met A in Lima,
/// then travelled to Quito, where she met B": Quito; "flew to Rome from Moscow,
/// where he held talks": Moscow), whether a journey's destination or origin or a
/// place "in" or "at" which something happened.
fn stay_place(words: Words, stay: usize) -> Option<String> {
    let journey = (0..stay).any(|k| JOURNEY.contains(&words.key(k)));
    (0..stay).rev().find_map(|k| match words[k] {
        "in" | "at" => place_after(words, k, stay),
        "to" if k > 0
            && (JOURNEY.contains(&words.key(k - 1)) || VISIT.contains(&words.key(k - 1))) =>
        {
            place_after(words, k, stay)
        }
        // "visited Stockholm on Monday, where": the place visited.
        _ if VISIT.contains(&words.key(k)) => place_after(words, k, stay),
        "from" if journey => place_after(words, k, stay),
        _ => None,
    })
}

/// The status the rules give the clause's meeting, if any: no status is still a
/// candidate, which the models decide.
fn rule_status(doc: &Doc, clause: &Clause) -> Option<MeetingStatus> {
    let Clause {
        words,
        group,
        left,
        right,
    } = *clause;
    match status::status(words, group, left, right) {
        // "the President's visit to Manila in November 2022": told as to come by
        // its cue, dated before the article by its words.
        Some(MeetingStatus::Planned) | None
            if dates::told_as_past(&words[left..right], doc.published) =>
        {
            Some(MeetingStatus::Held)
        }
        r => r,
    }
}

/// How the parties met: the cues' own means (a video call before a call before
/// a verb of meeting in person), else the means named beside them ("discussed
/// the summit by phone", "held talks by video link"), else in person when a
/// meeting noun says so.
fn kind_of(clause: &Clause) -> MeetingKind {
    let kinds: Vec<MeetingKind> = clause.group.iter().map(|c| c.2.kind).collect();
    let met_in_person = clause
        .group
        .iter()
        .any(|c| c.2.kind == MeetingKind::InPerson && c.2.past_status.is_some());
    [MeetingKind::Video, MeetingKind::Call]
        .into_iter()
        .find(|k| kinds.contains(k))
        .or_else(|| met_in_person.then_some(MeetingKind::InPerson))
        .or_else(|| means_of_contact(clause.words, clause.left, clause.right))
        .or_else(|| {
            kinds
                .contains(&MeetingKind::InPerson)
                .then_some(MeetingKind::InPerson)
        })
        .unwrap_or(MeetingKind::Unknown)
}

/// The clause's own date (a date further on belongs to another event), read
/// the way the status points: a day it tells by reference to a date told before
/// ("the next day") first, then a date of its own, then the dates its
/// surroundings give it (a relative clause after it, the clause a ", when"
/// clause hangs on).
fn date_of(doc: &Doc, i: usize, clause: &Clause, rule: Option<MeetingStatus>) -> Option<NaiveDate> {
    let Clause {
        words, left, right, ..
    } = *clause;
    // With no status from the rules, the cue's own tense tells which way a
    // weekday points ("signed ... on Monday" is the last Monday).
    let future = match rule {
        Some(s) => s != MeetingStatus::Held,
        None => !words.key(clause.first()).ends_with("ed"),
    };
    // "agreed on Tuesday to meet": the day is when they agreed.
    let from = said_or_agreed::own_time_from(words, left, clause.first());
    let find = |future| dates::find(&words[from..right], doc.published, future).map(|d| d.0);
    if rule == Some(MeetingStatus::Cancelled) {
        // A meeting called off may have been due before the telling or after it:
        // the nearer reading of "Dec. 15".
        return match (find(false), find(true)) {
            (Some(a), Some(b)) => {
                let away = |d: NaiveDate| (d - doc.published).num_days().abs();
                Some(if away(a) <= away(b) { a } else { b })
            }
            (a, b) => a.or(b),
        };
    }
    context::day_referred(doc, i, left, future)
        .or_else(|| find(future).map(|d| first_day(doc, i, (from, right), d)))
        .or_else(|| just_now(words, clause.first()).then_some(doc.published))
        .or_else(|| dated_by_its_relative(doc, i, left, right))
        .or_else(|| context::date_of_when(doc, i, left, future))
        .or_else(|| (rule == Some(MeetingStatus::Held)).then(|| opening_date(doc, words, left))?)
}

/// "On Aug. 14, a day after the round ended, A and B signed …": a date that
/// opens the sentence, set off by its comma, dates what took place in the main
/// clause however many clauses stand between.
fn opening_date(doc: &Doc, words: Words, left: usize) -> Option<NaiveDate> {
    let comma = (1..left.min(6)).find(|&k| words[k] == ",")?;
    if !matches!(words.key(0), "on" | "in" | "by") && dates::month(words[0]).is_none() {
        return None;
    }
    dates::find(&words[0..comma], doc.published, false).map(|d| d.0)
}

/// "held two days of talks in Geneva that ended on Tuesday", "the meeting, which
/// took place on Monday": a relative clause right after the clause, telling when
/// its meeting ended, began or took place, dates it (by its first day).
fn dated_by_its_relative(doc: &Doc, i: usize, left: usize, right: usize) -> Option<NaiveDate> {
    let words = doc.words(i);
    let opener = (right..(right + 2).min(words.len()))
        .find(|&k| matches!(words.key(k), "that" | "which"))?;
    let told = (opener + 1..(opener + 3).min(words.len())).any(|k| {
        matches!(
            words.key(k),
            "ended" | "began" | "opened" | "concluded" | "took" | "lasted" | "closed"
        )
    });
    if !told {
        return None;
    }
    let end = (opener + 1..words.len())
        .find(|&k| matches!(words[k], "," | ";" | "."))
        .unwrap_or(words.len());
    let (d, _) = dates::find(&words[opener..end], doc.published, false)?;
    Some(first_day(doc, i, (left, end), d))
}

/// "I have just spoken with X", "has just met Y", "I just got off the phone with
/// X", "the two are now meeting": a present perfect with "just", or a meeting going
/// on as it is told, took place on the day of the telling.
fn just_now(words: Words, cue: usize) -> bool {
    let before = |n: usize| cue.checked_sub(n).map(|k| words.key(k));
    (before(1) == Some("just") && matches!(before(2), Some("have" | "has" | "'ve")))
        || (before(1) == Some("got") && before(2) == Some("just"))
        || (matches!(before(1), Some("now" | "currently"))
            && matches!(before(2), Some("is" | "are")))
}

/// "ended a week of negotiations on Friday", "concluded two days of talks on
/// Thursday", "the two-day talks ended on Tuesday", "ended on Tuesday after
/// three days of negotiations": a meeting over several days is dated by its
/// first, the day the clause gives being its last. The length may also come
/// from the sentence after ("… ended on Tuesday. The round ran over two days.").
fn first_day(doc: &Doc, i: usize, (left, right): (usize, usize), day: NaiveDate) -> NaiveDate {
    let words = doc.words(i);
    let ends = (left..right).any(|k| {
        matches!(
            words.key(k),
            "ended" | "concluded" | "closed" | "wrapped" | "finished"
        )
    });
    let told_after = || {
        let next = (i + 1 < doc.sentences.len() && !doc.sentences[i + 1].heading)
            .then(|| doc.words(i + 1))
            .filter(|next| of_the_meeting(*next))?;
        days_spanned(next, 0, next.len())
    };
    // "ended on Tuesday after three days of talks": the length closes the clause.
    let after = || {
        (words.key_at(right) == Some("after"))
            .then(|| days_spanned(words, right, right + 6))
            .flatten()
    };
    let span = days_spanned(words, left, right)
        .or_else(after)
        .or_else(|| ends.then(told_after).flatten());
    match span {
        Some(n) if ends => day - chrono::Days::new(n - 1),
        _ => day,
    }
}

/// How many days the words from `left` to `right` say a meeting took: "two
/// days of talks", "a week of negotiations", "the three-day round", "ran over
/// two days", "lasted four days".
fn days_spanned(words: Words, left: usize, right: usize) -> Option<u64> {
    (left..right.min(words.len())).find_map(|k| {
        let w = words.key(k);
        if let Some(n) = w.strip_suffix("-day").and_then(count) {
            return Some(n);
        }
        let of = words.key_at(k + 2) == Some("of");
        let lasted = (k > 0 && matches!(words.key(k - 1), "over" | "lasted" | "spanned"))
            || (k > 1 && words.key(k - 1) == "for" && words.key(k - 2) == "ran");
        match (w, words.key_at(k + 1)) {
            ("a", Some("week")) if of => Some(5),
            (n, Some("days")) if of || lasted => count(n),
            _ => None,
        }
    })
}

/// A count of days from two to five, in words.
fn count(n: &str) -> Option<u64> {
    match n {
        "two" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        "five" => Some(5),
        _ => None,
    }
}

/// Whether a sentence is about the meeting just told: it opens with "The
/// round", "The talks", "The meeting" and the like (after at most a word).
fn of_the_meeting(words: Words) -> bool {
    words.key_at(0) == Some("the")
        && (1..3).any(|k| words.key_at(k).is_some_and(|w| MEETING_NOUNS.contains(&w)))
}

/// Nouns that name a meeting itself, after a place ("the Geneva talks") or as
/// the subject of what is told of it ("The round ran over two days").
const MEETING_NOUNS: &[&str] = &[
    "talks",
    "round",
    "summit",
    "meeting",
    "negotiations",
    "conference",
];

/// "have held three rounds: in Muscat on April 12, in Rome on April 19 …": one
/// meeting that took place per date listed, each where the text puts it ("met X
/// in Oslo on Monday and again in Bergen on Wednesday"). Only dates a round is
/// held "on" count: "yesterday" dates the telling, and a date inside a name
/// ("the Commission on October 7 Crimes") dates nothing.
fn each_date(m: Meeting, clause: Words, doc: &Doc) -> Vec<Meeting> {
    if m.status != MeetingStatus::Held {
        return vec![m];
    }
    let words = &clause[0..clause.len()];
    let mut dates: Vec<(NaiveDate, usize)> = Vec::new();
    let mut k = 0;
    while let Some((d, at)) = words
        .get(k..)
        .and_then(|w| dates::find(w, doc.published, false))
    {
        let at = k + at;
        let on = at > 0 && words[at - 1].eq_ignore_ascii_case("on");
        let in_name = words.get(at + 2).is_some_and(|w| {
            is_capitalised(w) && !LEXICON.function.contains(&super::super::lexicon::key(w))
        });
        if on && !in_name && !dates.iter().any(|x| x.0 == d) {
            dates.push((d, at - 1));
        }
        k = at + 2;
    }
    if dates.len() < 2 {
        return vec![m];
    }
    // The place named between the date before (past its "on", its day and the
    // word after) and this one, else the one right after this date ("on Monday
    // in Oslo and on Wednesday in Bergen").
    let places: Vec<Option<String>> = (0..dates.len())
        .map(|n| {
            let since = n.checked_sub(1).map_or(0, |p| dates[p].1 + 3);
            let until = dates.get(n + 1).map_or(clause.len(), |x| x.1);
            place(clause, since.min(dates[n].1), dates[n].1, usize::MAX)
                .or_else(|| place(clause, dates[n].1, until, usize::MAX))
        })
        .collect();
    let mut named = places.iter().flatten();
    let own_places = named.next().is_some_and(|a| named.any(|b| b != a));
    dates
        .into_iter()
        .zip(places)
        .map(|((d, _), p)| Meeting {
            date: Some(d),
            place: if own_places { p } else { m.place.clone() },
            ..m.clone()
        })
        .collect()
}

/// "in Geneva", "at Panmunjom": the capitalised words after the first such
/// preposition that are not a date. `cue` is where the meeting's cue stands:
/// a journey's destination counts only before it.
fn place(words: Words, left: usize, right: usize, cue: usize) -> Option<String> {
    (left..right)
        .filter(|&k| matches!(words[k], "in" | "at") && !of_the_event_ahead(words, left, k))
        .find_map(|k| place_after(words, k, right))
        .or_else(|| {
            // "will travel to Juba on Monday for talks with X", "travelled to
            // Oslo and was received by X", "during her visit to Oslo, X met Y": the
            // meeting is where the journey or the visit goes. A journey told
            // after the meeting goes on from it ("Following his meeting with X,
            // Y flew to Quito").
            (left.max(1)..right)
                .filter(|&k| {
                    words[k] == "to"
                        && ((JOURNEY.contains(&words.key(k - 1)) && k < cue)
                            || on_a_visit(words, k - 1))
                })
                .find_map(|k| place_after(words, k, right))
        })
        .or_else(|| city_before_the_noun(words, cue))
}

/// "met X on Monday ahead of next week's talks in Geneva", "in preparation for
/// the summit in Lima": the place after an event the meeting prepares is that
/// event's, not the meeting's.
fn of_the_event_ahead(words: Words, left: usize, k: usize) -> bool {
    (left.max(k.saturating_sub(6))..k)
        .take_while(|&j| !matches!(words[j], "," | ";"))
        .any(|j| {
            matches!(
                (words.key(j), words.key_at(j + 1)),
                ("ahead", Some("of"))
                    | ("preparation" | "prepare", Some("for"))
                    | ("run-up", Some("to"))
            )
        })
}

/// "the Geneva talks", "the Santiago round", "the Doha summit": a city named
/// in front of the meeting noun is where the meeting is. A country's own name
/// there is what the talks are about or between ("the Iran talks").
fn city_before_the_noun(words: Words, cue: usize) -> Option<String> {
    // `place` is also asked with no cue (`usize::MAX`)
    let noun = MEETING_NOUNS.contains(&words.key_at(cue)?);
    if !noun || cue < 2 || words.key(cue - 2) != "the" {
        return None;
    }
    let city = words[cue - 1];
    let own_name = LEXICON
        .lookup(city)
        .is_some_and(|k| !matches!(k, Known::Country(c) if c != city));
    (is_capitalised(city) && bare(city) == city && !own_name).then(|| city.to_string())
}

/// The capitalised run after the preposition at `k` ("in the Hague", "to Oslo"),
/// if it names a place rather than qualifies a noun.
fn place_after(words: Words, k: usize, right: usize) -> Option<String> {
    let mut e = k + 1;
    if words.get(e) == Some(&"the") {
        e += 1;
    }
    let s = e;
    while e < right
        && ((is_capitalised(words[e]) && !LEXICON.function.contains(words.key(e)))
            || (e > s && name_particle(words, e))
            || (e > s && office_building(words, e))
            || (e > s && state_of(words, e, right)))
    {
        e += 1;
        // "at the Republic of Korea's embassy": the place ends at its
        // possessive, which qualifies what follows.
        if bare(words[e - 1]) != words[e - 1] {
            break;
        }
    }
    let mut run: Vec<&str> = words[s..e].to_vec();
    if let Some(last) = run.last_mut() {
        *last = bare(last);
    }
    (e > s && !a_modifier(&run)).then(|| run.join(" "))
}

/// Verbs of a journey, whose "to" names its destination ("travelled to Oslo,
/// where she met Y": the meetings of the stay took place there).
const JOURNEY: &[&str] = &[
    "traveled",
    "travelled",
    "traveling",
    "travelling",
    "flew",
    "flying",
    "went",
    "going",
    "came",
    "coming",
    "headed",
    "heading",
    "returned",
    "returning",
    "moved",
    "travels",
    "flies",
    "goes",
    "comes",
    "heads",
    "returns",
    "travel",
    "fly",
    "go",
    "come",
    "head",
    "return",
];

/// "during her visit", "on a two-day visit", "on his trip": the visit at `k`
/// is the occasion of what the clause tells, not its purpose ("met Y to prepare
/// a visit to Oslo").
fn on_a_visit(words: Words, k: usize) -> bool {
    VISIT.contains(&words.key(k))
        && (k.saturating_sub(4)..k).any(|j| matches!(words.key(j), "during" | "on" | "while"))
}

/// Words of a visit, whose object or "to" names the place visited.
const VISIT: &[&str] = &["visit", "visited", "visiting", "visits", "trip"];

/// "They discussed the fighting in Sudan": a place in a clause told by
/// "discussed" alone is what was discussed, not where.
fn only_discussed(group: &[(usize, usize, &'static crate::extract::lexicon::MeetingCue)]) -> bool {
    group.iter().all(|c| c.2.words == ["discussed"])
}

/// "Rio de Janeiro", "Dar es Salaam", "Sharm el-Sheikh": a name particle inside
/// a place name, before a capital, read as in people's names.
fn name_particle(words: Words, e: usize) -> bool {
    let w = words[e];
    match w.split_once('-') {
        Some((head, tail)) => PARTICLES.contains(&head) && is_capitalised(tail),
        None => PARTICLES.contains(&w) && words.get(e + 1).is_some_and(|n| is_capitalised(n)),
    }
}

/// "in the Republic of Korea", "in the Kingdom of Saudi Arabia": "of" after the
/// form of a state, before a capital, goes on with the place's name.
fn state_of(words: Words, e: usize, right: usize) -> bool {
    words.key(e) == "of"
        && e + 1 < right
        && is_capitalised(words[e + 1])
        && STATE_FORMS.contains(&words.key(e - 1))
}

/// "at the State Department", "in the Oval Office": a capitalised "Department"
/// or "Office" ends the name of the building a place run names (the words are
/// otherwise no part of a name, since they open headings such as "Office of ...").
fn office_building(words: Words, e: usize) -> bool {
    is_capitalised(words[e]) && matches!(words.key(e), "department" | "office")
}

/// "in Turkish-mediated talks", "at the Kenyan embassy", "in AU-led talks", "at
/// the Chile-Peru summit": a nationality, a compound modifier or the sides of a
/// compound describe what follows; they name no place.
fn a_modifier(run: &[&str]) -> bool {
    let last = run[run.len() - 1];
    let compound = last
        .rsplit_once('-')
        .is_some_and(|(_, tail)| tail.chars().next().is_some_and(char::is_lowercase));
    let whole = run.join(" ");
    compound || names_sides(&whole) || matches!(LEXICON.lookup(&whole), Some(Known::Demonym(_)))
}
