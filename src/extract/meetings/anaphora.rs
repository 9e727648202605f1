//! Words that point back at parties told before: "the two leaders" are the
//! most-named parties of recent meetings with a leader's title, "the two
//! countries" the countries of one recent meeting, "they" and "the next round"
//! the last meeting's parties, and "a joint session" the parties of the last
//! sentence's meetings together.

use crate::model::Meeting;

use super::super::Doc;
use super::super::actors::{ActorKind, Mention};
use super::super::lexicon::{Known, LEXICON};
use super::super::speech::Said;
use super::decide::Clause;
use super::participants::{add, same_name};
use super::roles::role_filter;

/// The clause in lower case, read once for both readings here; a phrase may run
/// a little past it.
pub fn lower_case<'d>(clause: &Clause<'_, 'd, '_>) -> Vec<&'d str> {
    let ext = (clause.right + 3).min(clause.words.len());
    (clause.left..ext).map(|k| clause.words.key(k)).collect()
}

/// The people sentence `i` names as actors before `clause` opens.
fn people_before<'d>(
    doc: &'d Doc,
    i: usize,
    clause: &Clause,
) -> impl Iterator<Item = &'d Mention> + use<'d> {
    let left = clause.left;
    doc.mentions[i].iter().filter(move |m| {
        m.kind == ActorKind::Person && !m.possessive && !m.modifier && m.last <= left
    })
}

/// "the commitments Ola Brek and Tam Ruen made when they met in Lima": "they"
/// in a clause that follows two people joined by "and" (or by "with": "A raised
/// it with B when they met") in the same sentence are those two, not the parties
/// of the last meeting told.
fn pair_before<'d>(doc: &'d Doc, i: usize, clause: &Clause) -> Option<[&'d str; 2]> {
    let words = clause.words;
    let people: Vec<_> = people_before(doc, i, clause).collect();
    people.windows(2).rev().find_map(|w| {
        let (a, b) = (w[0], w[1]);
        let joined =
            (a.last..b.first).any(|k| words.key(k) == "and") && b.first.saturating_sub(a.last) <= 4;
        // "A raised the matter with B when they met": the two the verb joins.
        let with = b.first >= 1 && words.key(b.first - 1) == "with";
        (joined || with).then_some([a.name.as_str(), b.name.as_str()])
    })
}

/// "A urged B to show restraint when the two spoke", "A thanked B when the two
/// men met": "the two" in a clause of time after a main clause that names two
/// people, and only two, are those two, whatever the verb between them.
fn the_two_of_the_sentence<'d>(doc: &'d Doc, i: usize, clause: &Clause) -> Option<[&'d str; 2]> {
    let words = clause.words;
    let time = matches!(
        words.key(clause.left),
        "when" | "after" | "before" | "as" | "while"
    );
    let two = words.key_at(clause.left + 1) == Some("the")
        && words.key_at(clause.left + 2) == Some("two");
    // "the two" or "the two men" right before the verb: people, not "the two
    // sides" or "the two countries", which the people named may only speak for.
    let noun = matches!(
        words.key_at(clause.left + 3),
        Some("men" | "women" | "leaders" | "ministers" | "presidents")
    );
    if !(time && two && clause.first() == clause.left + 3 + usize::from(noun)) {
        return None;
    }
    let mut people: Vec<&str> = Vec::new();
    for m in people_before(doc, i, clause) {
        if !people.iter().any(|p| same_name(p, &m.name)) {
            people.push(&m.name);
        }
    }
    match people.as_slice() {
        [a, b] => Some([a, b]),
        _ => None,
    }
}

/// `n` people, or `n` countries (`countries`), that sentence `j` lists, no more
/// and no fewer ("A and B", "A, B and C"; "A and his counterpart B" not
/// included), the last such list.
fn list_in_sentence(doc: &Doc, j: usize, n: usize, countries: bool) -> Option<Vec<String>> {
    let words = doc.words(j);
    let named: Vec<_> = doc.mentions[j]
        .iter()
        .filter(|m| !m.possessive && !m.modifier)
        .filter(|m| !countries || m.kind == ActorKind::Country)
        .collect();
    let joined = |a: &Mention, b: &Mention| {
        let gap: Vec<&str> = (a.last..b.first).map(|k| words.key(k)).collect();
        a.kind == b.kind && matches!(gap.as_slice(), ["and"] | [","] | [",", "and"])
    };
    (0..named.len().saturating_sub(n - 1)).rev().find_map(|s| {
        let w = &named[s..s + n];
        let last_and = words.key_at(w[n - 1].first.wrapping_sub(1)) == Some("and");
        let longer = (s > 0 && joined(named[s - 1], w[0]))
            || named.get(s + n).is_some_and(|x| joined(w[n - 1], x));
        (last_and && !longer && w.windows(2).all(|p| joined(p[0], p[1])))
            .then(|| w.iter().map(|m| m.name.clone()).collect())
    })
}

/// "the two leaders", "both sides", "they", "a fourth round": the parties of the
/// meetings told before, when the clause names fewer than two or opens with a
/// counted subject ("the two leaders met …, hosted by X"). Inside a quotation
/// "both sides" or "they" are the speaker's: the last meeting told is no safe
/// guide to whom they mean. A counted "the two leaders" still names the parties
/// the article is about, and a numbered round ("the second round", "the next
/// round") continues the series the article told.
pub fn referred_back(
    doc: &Doc,
    i: usize,
    clause: &Clause,
    full: &[&str],
    history: &[(Meeting, bool, usize)],
    names: &mut Vec<String>,
) {
    let lc = &full[..clause.right - clause.left];
    let pair = if lc.contains(&"they") {
        pair_before(doc, i, clause)
    } else {
        the_two_of_the_sentence(doc, i, clause)
    };
    if names.len() < 2
        && let Some(pair) = pair
    {
        for p in pair {
            add(p, names);
        }
        return;
    }
    let round = (0..lc.len()).any(|k| {
        (ROUND_ORDINALS.contains(&lc[k]) || lc[k] == "next")
            && full
                .get(k + 1)
                .is_some_and(|w| matches!(*w, "round" | "rounds"))
    });
    let anaphoric = round
        || (0..lc.len()).any(|k| {
            ANAPHORA.iter().any(|a| {
                a.iter()
                    .enumerate()
                    .all(|(n, x)| full.get(k + n).is_some_and(|w| w == x))
            })
        });
    // "the two" and "both sides" are the first two parties of the last meeting;
    // "they", all.
    let count = lc.iter().find_map(|w| match *w {
        "two" | "both" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        _ => None,
    });
    let numbered = lc.iter().any(|w| matches!(*w, "two" | "three" | "four"));
    if (names.len() >= 2 && !counted_subject(lc, clause.first().saturating_sub(clause.left)))
        || !anaphoric
        // Inside a quotation "they" may be anyone the speaker means; "the two
        // men" and "the second round" still point back to the last meeting.
        || (!numbered && !round && doc.in_quote(i, clause.first()))
    {
        return;
    }
    let role = count.and_then(|_| {
        lc.iter()
            .skip_while(|w| !matches!(**w, "two" | "both" | "three" | "four"))
            .nth(1)
            .and_then(|w| role_filter(w))
    });
    // "the two countries' ministers": the countries the last parties act for.
    let of_countries = count.is_some()
        && lc.iter().any(|w| {
            matches!(
                w.trim_end_matches(['\'', '’']),
                "countries" | "nations" | "governments" | "capitals"
            )
        });
    let referred = if of_countries {
        countries_of(doc, history, count.unwrap_or(2))
    } else {
        referents(doc, i, history, count, role)
    };
    // "A and B have clashed for months. The two met on Monday", "A, B and C
    // disagree … X hosted the ministers of the three countries": with no
    // meeting told before, those counted are the ones a sentence before (up to
    // three back) listed.
    let referred = referred.or_else(|| {
        let n = count?;
        (i.saturating_sub(3)..i)
            .rev()
            .find_map(|j| list_in_sentence(doc, j, n, of_countries))
    });
    for p in referred.iter().flatten() {
        add(p, names);
    }
}

/// "The two leaders met on 14 December, in a meeting hosted by X with Y present":
/// a counted subject right before the cue (at `cue` in the clause's lower-case
/// words) refers back, whoever the clause names after it.
fn counted_subject(lc: &[&str], cue: usize) -> bool {
    cue >= 3
        && lc.get(cue - 3) == Some(&"the")
        && matches!(lc.get(cue - 2), Some(&("two" | "three" | "four")))
}

/// Words after an object "her" that end the noun phrase: "met her at the
/// palace", "called her yesterday". Any other word makes "her" possessive ("met
/// her counterpart").
const AFTER_OBJECT: &[&str] = &[
    ",",
    ".",
    ";",
    "at",
    "in",
    "on",
    "for",
    "to",
    "and",
    "yesterday",
    "today",
    "last",
    "this",
    "during",
    "over",
    "by",
    "after",
    "before",
    "again",
    "twice",
    "briefly",
    "when",
    "while",
    "as",
    "about",
    "earlier",
    "later",
];

/// "President Ola Brek met him at the palace", "I spoke with her yesterday": an
/// object pronoun after the cue is the person named last before it, in the
/// sentence or up to two sentences back, who is not a party already. Only when
/// the clause names fewer than two parties: a named party is never displaced.
pub fn object_pronoun(doc: &Doc, i: usize, clause: &Clause, names: &mut Vec<String>) {
    let words = clause.words;
    let first = clause.first();
    let end = clause.right.min(words.len());
    let object = (first + 1..end).any(|k| match words.key(k) {
        "him" => true,
        "her" => k + 1 >= words.len() || AFTER_OBJECT.contains(&words.key(k + 1)),
        _ => false,
    });
    if !object || names.len() >= 2 {
        return;
    }
    let before = |j: usize| {
        doc.mentions[j]
            .iter()
            .rev()
            .filter(move |m| m.kind == ActorKind::Person && (j < i || m.last <= first))
            .map(|m| m.name.as_str())
            .find(|n| !names.iter().any(|x| same_name(x, n)))
    };
    if let Some(p) = (i.saturating_sub(2)..=i).rev().find_map(before) {
        let p = p.to_string();
        add(&p, names);
    }
}

/// "a joint session": the parties of the last sentence's meetings together ("X
/// met A and B separately. A joint session did not take place."). A joint body
/// ("a joint border commission") is of the countries those parties act for.
pub fn joint_session(
    doc: &Doc,
    clause: &Clause,
    full: &[&str],
    history: &[(Meeting, bool, usize)],
    names: &mut Vec<String>,
) {
    let lc = &full[..clause.right - clause.left];
    let joint = lc.iter().position(|w| *w == "joint");
    if names.len() < 2
        && let Some(j) = joint
        && let Some(&(_, _, at)) = history.last()
    {
        let body = lc[j + 1..].iter().take(3).any(|w| {
            matches!(
                *w,
                "commission" | "committee" | "body" | "group" | "council" | "force"
            )
        });
        for (m, _, _) in history.iter().rev().take_while(|x| x.2 == at) {
            for p in &m.participants {
                let p = p.as_str();
                let country = body.then(|| doc.registry.affiliation(p)).flatten();
                add(country.unwrap_or(p), names);
            }
        }
    }
}

/// "builds on their previous meetings, including: the Vice President's visit to
/// Manila in November 2022; a bilateral meeting on the margins of the summit in
/// Jakarta; and a trilateral meeting with Prime Minister Z": each item of a list
/// set off by semicolons after "including" is a meeting of the pair the sentence
/// named before the list, with whomever the item names besides.
pub fn listed_meeting(doc: &Doc, i: usize, clause: &Clause, names: &mut Vec<String>) {
    let words = clause.words;
    if names.len() >= 2 {
        return;
    }
    let Some(including) = (0..clause.left.min(words.len()))
        .rev()
        .find(|&k| words.key(k) == "including")
    else {
        return;
    };
    let listed = (including..words.len()).any(|k| words[k] == ";");
    let head = Clause {
        left: including,
        ..*clause
    };
    if listed && let Some(pair) = pair_before(doc, i, &head) {
        for p in pair {
            add(p, names);
        }
    }
}

/// Words that refer back to the parties of the last meeting.
const ANAPHORA: &[&[&str]] = &[
    &["the", "two"],
    &["the", "three"],
    &["the", "four"],
    &["the", "parties"],
    &["the", "ministers"],
    &["the", "leaders"],
    &["the", "commissions"],
    &["the", "delegations"],
    &["their"],
    &["both", "sides"],
    &["both", "leaders"],
    &["both", "delegations"],
    &["they"],
    &["again"],
    &["next", "round"],
    &["another", "round"],
    &["next", "meeting"],
    &["the", "sides"],
    &["their", "next"],
    &["follow-up"],
];

/// Words that number or renew a round ("a fourth round", "a fresh round"): the
/// round continues a series between parties already named.
const ROUND_ORDINALS: &[&str] = &[
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "new",
    "fresh",
    "further",
    "follow-up",
];

/// The parties an anaphor ("the two leaders", "they", "the next round") refers
/// to: the last meeting's, the first `count` of them; a role noun picks the
/// parties with that role, looking further back when the last meeting has too
/// few, and falls back to the last meeting's when the role fits no one.
fn referents(
    doc: &Doc,
    i: usize,
    history: &[(Meeting, bool, usize)],
    count: Option<usize>,
    role: Option<fn(&str) -> bool>,
) -> Option<Vec<String>> {
    let last_parties = || {
        let m = &history.last()?.0;
        Some(
            m.participants
                .iter()
                .take(count.unwrap_or(usize::MAX))
                .map(|p| p.as_str().to_string())
                .collect(),
        )
    };
    let Some(role) = role else {
        return last_parties();
    };
    let eligible = history.iter().rev().map(|x| &x.0);
    // Of the people with that role in the last few meetings, the ones the article
    // names most: "the two leaders" are the two it is about, even when a meeting
    // with two other leaders was told last.
    let want = count.unwrap_or(2);
    let mut found: Vec<&str> = Vec::new();
    for m in eligible.take(4) {
        for p in &m.participants {
            let fits = doc.registry.title_of(p.as_str()).is_some_and(role);
            if fits && !found.contains(&p.as_str()) {
                found.push(p.as_str());
            }
        }
    }
    if found.len() < want {
        // "President A and President B have clashed for months. … The two
        // presidents met in Doha": those the article named in that role lately,
        // though in no meeting told yet.
        for j in (i.saturating_sub(3)..=i).rev() {
            for m in doc.mentions[j]
                .iter()
                .filter(|m| m.kind == ActorKind::Person)
            {
                let fits = doc.registry.title_of(&m.name).is_some_and(role);
                if fits && !found.contains(&m.name.as_str()) {
                    found.push(m.name.as_str());
                }
            }
        }
    }
    if found.len() < want {
        return last_parties();
    }
    found.sort_by_key(|p| std::cmp::Reverse(doc.registry.mentions_of(p)));
    Some(found.into_iter().take(want).map(str::to_string).collect())
}

/// The countries the parties of a recent meeting are or act for: the last of the
/// last few meetings whose every party has a known country, when they make
/// `count` countries. Countries are never pieced together from two meetings.
fn countries_of(
    doc: &Doc,
    history: &[(Meeting, bool, usize)],
    count: usize,
) -> Option<Vec<String>> {
    history.iter().rev().take(4).find_map(|(m, _, _)| {
        let mut found: Vec<String> = Vec::new();
        for p in &m.participants {
            let p = p.as_str();
            let c = match LEXICON.lookup(p) {
                Some(k @ (Known::Country(_) | Known::Demonym(_))) => k.canonical(),
                _ => doc.registry.affiliation(p)?,
            };
            if !found.iter().any(|f| f == c) {
                found.push(c.to_string());
            }
        }
        (found.len() >= count).then(|| found.into_iter().take(count).collect())
    })
}

/// "“We will meet again in Oslo on Monday,” Ana Veld said": "we" in the words of
/// a party of the last meeting, meeting again, are that meeting's parties. (Said
/// by anyone else, "we" is the speaker's own side, which the text does not name.)
pub fn we_again(
    doc: &Doc,
    i: usize,
    clause: &Clause,
    said: &Said,
    history: &[(Meeting, bool, usize)],
    names: &mut Vec<String>,
) {
    let (words, first) = (clause.words, clause.first());
    let Some(we) = (clause.left..first).find(|&k| words.key(k) == "we") else {
        return;
    };
    let Some((last, _, _)) = history.last() else {
        return;
    };
    let again = || (first..clause.right.min(words.len())).any(|k| words.key(k) == "again");
    let speaker_took_part = || {
        said.voice_at(doc.toks[i][we].start)
            .is_some_and(|s| last.participants.iter().any(|p| same_name(p.as_str(), s)))
    };
    if names.len() < 2 && again() && speaker_took_part() {
        for p in &last.participants {
            add(p.as_str(), names);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{met, parties};

    /// "him" and "her" after the cue are the person named last before them, in
    /// the sentence or the ones before; a possessive "her" is no party.
    #[test]
    fn an_object_pronoun_is_the_person_named_before() {
        let v = met(
            "Prime Minister Tam Ruen landed on Monday. President Ola Brek met him at the palace.",
        );
        assert_eq!(parties(&v), [["Ola Brek", "Tam Ruen"]]);
        let v =
            met("Ana Veld arrived in Lima. Foreign Minister Tam Ruen received her at the airport.");
        assert_eq!(parties(&v), [["Tam Ruen", "Ana Veld"]]);
        let v = met("Ana Veld arrived in Lima. Tam Ruen met her deputy, Per Lund, on Monday.");
        assert_eq!(parties(&v), [["Tam Ruen", "Per Lund"]]);
    }

    /// With no meeting told before, "the two" are the pair the sentence before
    /// joins by "and"; with no such pair, no one.
    #[test]
    fn the_two_with_no_meeting_before_are_the_pair_just_named() {
        let v =
            met("Ola Brek and Tam Ruen have clashed for months. The two met on Monday in Geneva.");
        assert_eq!(parties(&v), [["Ola Brek", "Tam Ruen"]]);
        assert!(met("Ola Brek spoke to reporters. The two leaders met on Monday.").is_empty());
    }

    /// Class: "the three countries" with no meeting told before are the three a
    /// recent sentence listed ("Egypt, Sudan and Ethiopia disagree …"); a list of
    /// another length is not them.
    #[test]
    fn the_three_countries_are_the_three_just_listed() {
        let v = met(
            "Egypt, Sudan and Ethiopia disagree over the dam. The dispute has dragged on \
             for years. Ola Brek hosted the foreign ministers of the three countries in \
             Geneva on Monday.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        for c in ["Ola Brek", "Egypt", "Sudan", "Ethiopia"] {
            assert!(v[0].0.iter().any(|p| p == c), "{c}: {v:?}");
        }
        let v = met(
            "Egypt, Sudan, Kenya and Ethiopia disagree over the dam. Ola Brek hosted the \
             foreign ministers of the three countries in Geneva on Monday.",
        );
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn an_item_of_a_list_of_meetings_is_of_the_pair_named_before_the_list() {
        let v = met(
            "This is the fifth meeting between Ola Brek and Tam Ruen, and builds on \
             their previous meetings, including: a state dinner in Lima in May 2023; \
             and a trilateral meeting with Prime Minister Ari Vos in Jakarta in \
             September 2023.",
        );
        assert!(
            v.iter().any(|m| m.0.len() == 3
                && ["Ola Brek", "Tam Ruen", "Ari Vos"]
                    .iter()
                    .all(|p| m.0.iter().any(|q| q == p))),
            "{v:?}"
        );
    }

    #[test]
    fn the_two_presidents_are_those_named_in_that_role_though_in_no_meeting() {
        let v = met(
            "President Ari Vos of Chile and President Per Lund of Peru have clashed \
             for months. Secretary Ola Brek met Foreign Minister Tam Ruen on Monday. \
             He recalled that the two presidents met in Doha on March 18.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].0, ["Ari Vos", "Per Lund"], "{v:?}");
    }
}
