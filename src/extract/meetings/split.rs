//! "X met A and B separately", "A and B each met X", "X held calls with A and
//! B", "X met A on Monday and B on Tuesday": one meeting per party where the
//! parties met one at a time.

use crate::model::{Meeting, MeetingKind, MeetingStatus};

use super::super::Doc;
use super::super::dates;
use super::super::lexicon::MeetingCue;
use super::super::words::Words;

/// "met each leader separately", "saw them one by one", "held separate meetings
/// with A and B", "bilateral meetings with A and B": the parties after the cue
/// met those before it one at a time.
pub fn separately(clause: Words) -> bool {
    (0..clause.len()).any(|k| {
        let w = clause.key(k);
        // "met with officials from the Governments of A, B and C": each
        // government's officials, on a tour, met apart.
        let officials_of = matches!(w, "officials" | "representatives")
            && matches!(clause.key_at(k + 1), Some("from" | "of"))
            && (k + 2..clause.len()).any(|j| clause.key(j) == "governments");
        // "held separate meetings with A and B", "in separate calls".
        let separate = matches!(w, "separate" | "individual" | "bilateral")
            && matches!(
                clause.key_at(k + 1),
                Some("meetings" | "talks" | "calls" | "phone" | "telephone" | "conversations")
            )
            && !(w == "bilateral" && clause.key_at(k + 1) == Some("talks"));
        officials_of
            || separate
            || matches!(w, "separately" | "individually")
            || (w == "one"
                && clause.get(k + 1) == Some(&"by")
                && clause.key_at(k + 2) == Some("one"))
    })
}

/// "X held calls with A and B", "in phone conversations with A and B", "spoke
/// with A and with B": the clause tells several calls, one with each party. One
/// verb or one call with a list ("spoke with A and B", "held a video call with
/// A, B and C") tells one conversation of them all, as a readout lists the
/// leaders on one line; separate calls are told as such ("separately").
pub fn several_calls(kind: MeetingKind, clause: Words) -> bool {
    if !matches!(kind, MeetingKind::Call | MeetingKind::Video) {
        return false;
    }
    let withs = (0..clause.len())
        .filter(|&k| clause.key(k) == "with")
        .count();
    withs >= 2
        || (0..clause.len())
            .any(|k| matches!(clause.key(k), "calls" | "conversations" | "conferences"))
}

/// Splits a meeting whose parties met one by one: "X met A and B separately" and
/// "X held calls with A and B" are two meetings; so is "A and B each met X".
pub fn split(
    m: Meeting,
    words: Words,
    group: &[(usize, usize, &'static MeetingCue)],
    callers: usize,
    one_by_one: bool,
) -> Vec<Meeting> {
    let first = group.first().map_or(0, |c| c.0);
    let each = first > 0 && words.key(first - 1) == "each";
    let n = m.participants.len();
    // "Tam Ruen, who met A and B separately": the one a relative clause is about
    // is its subject, the first party named.
    let who = first > 0 && matches!(words.key(first - 1), "who" | "which");
    let callers = if callers == 0 && who { 1 } else { callers };
    if each && n >= 3 {
        // The parties before the cue met the others separately.
        let subjects = callers;
        if subjects >= 1 && subjects < n {
            let (subj, rest) = m.participants.split_at(subjects.min(n - 1));
            return subj
                .iter()
                .map(|s| {
                    let mut p = vec![s.clone()];
                    p.extend(rest.iter().cloned());
                    Meeting {
                        participants: p,
                        ..m.clone()
                    }
                })
                .collect();
        }
    }
    // "X met A and B separately": one meeting per party after the cue, each with
    // all the parties before it.
    if one_by_one && !each && callers >= 1 && n >= callers + 2 {
        let (subj, rest) = m.participants.split_at(callers);
        return rest
            .iter()
            .map(|o| {
                let mut p = subj.to_vec();
                p.push(o.clone());
                Meeting {
                    participants: p,
                    ..m.clone()
                }
            })
            .collect();
    }
    vec![m]
}

/// "X met A on Monday and B on Tuesday", "X spoke last night with A, and this
/// morning with B": after the cue (`after..right`), each party named with a
/// time of its own, just before it or after it, met the caller then, apart
/// from the others. None unless two or more parties each have a different day.
pub fn each_on_its_day(
    doc: &Doc,
    i: usize,
    m: &Meeting,
    callers: usize,
    (after, right): (usize, usize),
) -> Option<Vec<Meeting>> {
    if callers != 1 || m.participants.len() < 3 {
        return None;
    }
    let words = doc.words(i);
    let future = m.status != MeetingStatus::Held;
    let named: Vec<_> = doc.mentions[i]
        .iter()
        .filter(|x| x.first >= after && x.last <= right && !x.possessive && !x.modifier)
        .filter(|x| m.participants[1..].iter().any(|p| p.as_str() == x.name))
        .collect();
    let mut parts: Vec<Meeting> = Vec::new();
    for (n, x) in named.iter().enumerate() {
        // The time before the name, since the "and" or comma after the party
        // before it ("A, and this morning with B"), or after it, before the
        // next name ("A on Monday").
        let since = n.checked_sub(1).map_or(after, |p| {
            let last = named[p].last;
            (last..x.first)
                .find(|&k| matches!(words.key(k), "and" | ","))
                .map_or(last, |k| k + 1)
        });
        // A compound names two sides in one word ("the Chile-Peru conference"):
        // the name before may end after this one starts.
        let before = (since < x.first)
            .then(|| dates::find(&words[since..x.first], doc.published, future))
            .flatten()
            .map(|d| d.0);
        let end = named.get(n + 1).map_or(right, |y| y.first).min(x.last + 6);
        let on_after = || {
            let on = (x.last..end).find(|&k| words.key(k) == "on")?;
            let (day, at) = dates::find(&words[on + 1..end], doc.published, future)?;
            (at == 0).then_some(day)
        };
        let day = before.or_else(on_after)?;
        if parts.iter().any(|p| p.date == Some(day)) {
            return None;
        }
        let party = m.participants.iter().find(|p| p.as_str() == x.name)?;
        parts.push(Meeting {
            participants: vec![m.participants[0].clone(), party.clone()],
            date: Some(day),
            ..m.clone()
        });
    }
    (parts.len() >= 2).then_some(parts)
}

/// "the recent Norway-Sweden, Norway-Finland and Sweden-Finland summits": a list
/// of compounds right before a meeting noun of the clause, each naming two sides,
/// tells one meeting per compound, whoever else the clause names. None unless
/// two compounds or more stand there.
pub fn pair_by_pair(
    doc: &Doc,
    i: usize,
    m: &Meeting,
    left: usize,
    group: &[(usize, usize, &'static MeetingCue)],
) -> Option<Vec<Meeting>> {
    group
        .iter()
        .find_map(|c| pairs_before(doc, i, m, (left, c.0)))
}

/// `pair_by_pair` for the cue at `cue`.
fn pairs_before(
    doc: &Doc,
    i: usize,
    m: &Meeting,
    (left, cue): (usize, usize),
) -> Option<Vec<Meeting>> {
    let mut pairs: Vec<(usize, usize, Vec<&str>)> = Vec::new();
    for x in doc.mentions[i]
        .iter()
        .filter(|x| x.first >= left && x.last <= cue && x.group && x.side)
    {
        match pairs.iter_mut().find(|(at, _, _)| *at == x.first) {
            Some((_, _, sides)) => sides.push(&x.name),
            None => pairs.push((x.first, x.last, vec![&x.name])),
        }
    }
    pairs.retain(|(_, _, sides)| sides.len() == 2);
    if pairs.len() < 2 || pairs.last().is_none_or(|p| p.1 != cue) {
        return None;
    }
    let side = |name: &str| m.participants.iter().find(|p| p.as_str() == name).cloned();
    pairs
        .iter()
        .map(|(_, _, sides)| {
            Some(Meeting {
                participants: vec![side(sides[0])?, side(sides[1])?],
                ..m.clone()
            })
        })
        .collect()
}
