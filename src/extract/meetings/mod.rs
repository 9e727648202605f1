//! Who met whom. A meeting is a cue ("met", "held talks", "telephone call",
//! "summit", "on the sidelines of") with the actors of its clause around it. The
//! clause ends at words that start another event ("after", "when", "while", "that",
//! "who"), so one sentence can hold several meetings.
//!
//! Status comes from the words of the clause: a cancellation ("called off",
//! "refused") wins, then an offer or a condition ("ready to host", "could meet if"),
//! then a plan ("will meet", "next round"), then the past ("met", "held"). Pronouns,
//! "his Kazakh counterpart", "the two sides" and relative "who" are resolved, and the
//! date ("on Friday") is read against the publication date.
//!
//! Who took part is read from the language around the cue: "X met A and B
//! separately" and "met each leader separately" are one meeting per party; "a
//! fourth round" continues the last meeting; the subjects before "after talks
//! mediated by Z" took part; a country named beside the person who acts for it is
//! that person; "the Maduro government" is the country. An article that tells one
//! meeting twice, once with fewer parties ("the ministers ended talks in X"; "the
//! host joined them for the first session"), gives one meeting.
//!
//! Words that point back are read against the meetings told before: "the two
//! leaders" are the most-named parties of recent meetings with a leader's title,
//! "the two countries" the countries of one recent meeting, "a joint session" the
//! parties of the last sentence's meetings together. A sentence that only says who
//! "took part" adds them to the meeting just told.

mod context;
mod decide;

use decide::{Clause, decide};
pub use decide::{MEETING_MODELS, MeetingModels};

use crate::model::{ActorName, Meeting, MeetingKind, MeetingStatus};

use super::Doc;
use super::actors::ActorKind;
use super::dates;
use super::lexicon::{Known, LEXICON, MeetingCue, key, phrase_at, starts};
use super::tokens::is_capitalised;
use super::words::Words;

/// Words that close one event's clause and open another's.
/// "about", "regarding" and "concerning" open the topic of talks, "according" their
/// source: neither names a party.
const BOUNDARIES: &[&str] = &[
    ";",
    "after",
    "before",
    "when",
    "while",
    "where",
    "since",
    "but",
    "although",
    "that",
    "who",
    "which",
    "—",
    "about",
    "regarding",
    "concerning",
    "according",
];

/// Nouns of time a demonstrative "that" may stand before.
const TIME_UNITS: &[&str] = &[
    "year",
    "month",
    "week",
    "day",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "time",
];

/// Whether word `k` ends one event's clause: a boundary word, ", and", or a verb
/// of saying (what follows is what was said, not who said it).
fn is_boundary(words: Words, k: usize) -> bool {
    let w = words.key(k);
    // "in April of that year", "later that day": a demonstrative, no clause.
    let that_time = w == "that" && words.key_at(k + 1).is_some_and(|n| TIME_UNITS.contains(&n));
    (BOUNDARIES.contains(&w) && !that_time)
        || (words[k] == ","
            && words
                .get(k + 1)
                .is_some_and(|n| matches!(*n, "and" | "but"))
            && !appositive_list(words, k))
        || (words.starts(k, starts::REPORTED) && LEXICON.reported_that.contains(w))
}

/// "Serbia's prime minister, Ana Veld, and Kosovo's prime minister, Per Lund, …":
/// the comma at `k` closes a name set off by commas and ", and" goes on with
/// another "X's …": a list of people, not a new clause.
fn appositive_list(words: Words, k: usize) -> bool {
    // "X's envoy, A, and its minister, B": a possessive name or determiner.
    let possessive_next = words.get(k + 2).is_some_and(|n| {
        (is_capitalised(n) && (n.ends_with("'s") || n.ends_with("’s")))
            || matches!(*n, "its" | "his" | "her" | "their")
    });
    if !possessive_next {
        return false;
    }
    let mut j = k;
    while j > 0 && k - j < 5 && is_capitalised(words[j - 1]) {
        j -= 1;
    }
    j < k && j > 0 && words[j - 1] == ","
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
    &["they"],
    &["again"],
    &["next", "round"],
    &["another", "round"],
    &["next", "meeting"],
    &["the", "sides"],
    &["their", "next"],
    &["follow-up"],
];

/// Plural roles after which a country stands for its minister ("the foreign
/// ministers of A and B").
const ROLES: &[&str] = &[
    "ministers",
    "leaders",
    "presidents",
    "envoys",
    "negotiators",
    "counterparts",
    "commissioners",
];

pub fn meetings(doc: &Doc, subjects: &[Option<String>], models: &MeetingModels) -> Vec<Meeting> {
    let mut decided: Vec<(Meeting, bool, usize)> = candidates(doc, subjects)
        .into_iter()
        .filter_map(|c| {
            let mut m = decide(models, c.meeting, &c.features)?;
            if m.date.is_none() && m.status == MeetingStatus::Held {
                m.date = context::date_of_event(doc, c.sentence);
            }
            Some((m, c.split, c.sentence))
        })
        .collect();
    context::countries_told_by_their_people(doc, &mut decided);
    dedupe(
        decided
            .into_iter()
            .map(|(m, split, _)| (m, split))
            .collect(),
    )
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
pub fn candidates(doc: &Doc, subjects: &[Option<String>]) -> Vec<Candidate> {
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
        if cues.is_empty() {
            add_participants(doc, i, &mut out);
        }
        // Where the previous group's cues end: the next clause starts after it.
        let mut prev_end = 0;
        for (g, group) in cues.iter().enumerate() {
            let (first, last_end) = (
                group.first().map_or(0, |c| c.0),
                group.last().map_or(0, |c| c.0 + c.1),
            );
            let left = (prev_end..first)
                .rev()
                .find(|&k| is_boundary(words, k))
                .map_or(prev_end, |k| k);
            let next_cue = cues
                .get(g + 1)
                .and_then(|n| n.first())
                .map_or(words.len(), |c| c.0);
            let mut right = right_edge(words, last_end, next_cue);
            // A cue inside a quotation: its clause ends with the quotation; the
            // speaker outside it is not a party.
            let mut left = left;
            if let Some((a, b)) = doc.quote_words(i, first) {
                left = left.max(a).min(first);
                right = right.min(b).max(last_end);
            }
            prev_end = last_end;
            if let Some((m, callers, rule)) =
                meeting_in(doc, i, words, group, left, right, subjects, &out)
                    .filter(|(_, _, rule)| !unasserted(words, left, first, *rule))
            {
                let one_by_one = separately(words.slice(left..right));
                let parts = split(m, words, group, callers, one_by_one);
                let was_split = parts.len() > 1;
                let clause = Clause {
                    words,
                    group,
                    left,
                    right,
                };
                for m in parts
                    .into_iter()
                    .flat_map(|m| each_date(m, &words[left..right], doc))
                {
                    features.push(decide::features(doc, i, &clause, &m, rule));
                    out.push((m, was_split, i));
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

/// Adds the actors of sentence `i` to the meeting told in one of the two sentences
/// before, when `i` only says who took part ("Ministers from A and B took part";
/// "The X delegation was led by Y"; lexicon sections `took_part`, `will_take_part`). Countries stand for the person the
/// article introduced as acting for them ("Ministers from A and B").
fn add_participants(doc: &Doc, i: usize, history: &mut [(Meeting, bool, usize)]) {
    let Some((m, _, at)) = history.last_mut() else {
        return;
    };
    if *at + 2 < i || doc.in_quote(i, 0) || m.status == MeetingStatus::Cancelled {
        return;
    }
    // A past phrase adds to a meeting held, a future one to a meeting to come.
    let phrases = if m.status == MeetingStatus::Held {
        &LEXICON.took_part
    } else {
        &LEXICON.will_take_part
    };
    let words = doc.words(i);
    if phrases.find(words, 0..words.len()).is_none() {
        return;
    }
    for a in doc.mentions[i]
        .iter()
        .filter(|a| !a.possessive && !a.modifier)
    {
        let name = match a.kind {
            ActorKind::Person => a.name.as_str(),
            _ => doc.registry.of_country(&a.name).unwrap_or(&a.name),
        };
        let known = m.participants.iter().any(|p| same_name(p.as_str(), name));
        if !known && let Some(n) = ActorName::new(name) {
            m.participants.push(n);
        }
    }
}

/// Cues of a sentence grouped by clause: (position, length, cue).
fn find_cues(words: Words) -> Vec<Vec<(usize, usize, &'static MeetingCue)>> {
    let mut groups: Vec<Vec<(usize, usize, &'static MeetingCue)>> = Vec::new();
    let mut k = 0;
    let mut boundary_since_last = true;
    while k < words.len() {
        let lw = words.key(k);
        if is_boundary(words, k) {
            boundary_since_last = true;
        }
        let cues = if words.starts(k, starts::MEETING) {
            LEXICON.meeting_first.get(lw)
        } else {
            None
        };
        let found = cues
            .and_then(|c| {
                c.iter()
                    .map(|&n| &LEXICON.meeting[n])
                    .find(|c| phrase_at(words, k, &c.words))
            })
            .map(|c| (c.words.len(), c))
            .or_else(|| {
                // "spoke yesterday with", "spoke on Saturday by phone": a time
                // adverb between a verb of speaking and the rest of its cue.
                if !SPLIT_VERBS.contains(&lw) {
                    return None;
                }
                let j = adverbs_after(words, k + 1);
                if j == k + 1 {
                    return None;
                }
                cues?.iter().map(|&n| &LEXICON.meeting[n]).find_map(|c| {
                    (c.words.len() > 1 && phrase_at(words, j, &c.words[1..]))
                        .then(|| (j - k + c.words.len() - 1, c))
                })
            });
        match found {
            Some((len, c)) if !negated(words, k) && !false_call(words, k) => {
                if boundary_since_last || groups.is_empty() {
                    groups.push(Vec::new());
                }
                if let Some(g) = groups.last_mut() {
                    g.push((k, len, c));
                }
                boundary_since_last = false;
                k += len;
            }
            _ => k += 1,
        }
    }
    groups
}

/// Verbs whose cue may be interrupted by a time adverb ("spoke yesterday with").
const SPLIT_VERBS: &[&str] = &["spoke", "spoken", "speak", "speaks", "speaking"];

/// Time words that may stand inside a cue.
const TIME_ADVERBS: &[&str] = &[
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "again",
    "also",
    "then",
    "first",
    "on",
    "this",
    "last",
    "late",
    "early",
    "morning",
    "afternoon",
    "evening",
    "night",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The first word at or after `from` that is not a time adverb ("briefly",
/// "yesterday", "on Monday morning"), at most four words on.
fn adverbs_after(words: Words, from: usize) -> usize {
    let mut j = from;
    while j < words.len() && j < from + 4 {
        let w = words.key(j);
        if TIME_ADVERBS.contains(&w) || (w.len() > 4 && w.ends_with("ly")) {
            j += 1;
        } else {
            break;
        }
    }
    j
}

/// "Takeshi Iwaya, Minister for Foreign Affairs of Japan, held a Japan-China
/// Foreign Ministers' Meeting with Wang Yi": when two people or more meet, the
/// sides of a compound that names their meeting are the sides those people act
/// for, not further parties. (A broker, "Qatari-mediated talks", is no side and
/// stays; a country whose name has a hyphen, "Guinea-Bissau", is no compound.)
fn people_over_compounds(names: &mut Vec<String>, compounds: &[&str]) {
    let people = names.iter().filter(|n| LEXICON.lookup(n).is_none()).count();
    if people >= 2 {
        names.retain(|n| !compounds.contains(&n.as_str()));
    }
}

/// Whether the clause `left..` around the cue at `first` tells a meeting only to
/// deny it or to ask about it: "officials denied that A met B", "readers asked
/// whether A and B met". (A future asked about, "whether they will meet", stays
/// a meeting that may come.)
fn unasserted(words: Words, left: usize, first: usize, rule: Option<MeetingStatus>) -> bool {
    let denied = words.key_at(left) == Some("that")
        && (left.saturating_sub(4)..left).any(|k| LEXICON.denials.contains(words.key(k)));
    let asked =
        rule == Some(MeetingStatus::Held) && (left..first).any(|k| words.key(k) == "whether");
    denied || asked
}

/// Purpose clauses after a cue ("hosted X at the White House to reinforce the
/// partnership between A and B") tell why they met, not who met.
fn purpose_at(words: Words, k: usize) -> bool {
    words.key(k) == "to"
        && words.get(k + 1).is_some_and(|n| {
            n.chars().all(|c| c.is_ascii_lowercase())
                && n.len() > 2
                && !matches!(
                    *n,
                    "the" | "its" | "his" | "her" | "their" | "our" | "this" | "that"
                )
        })
}

/// ", and this morning with B" after "spoke by phone last night with A": the
/// same verb goes on with another party, so the clause goes on too.
fn another_with(words: Words, k: usize) -> bool {
    if words[k] != "," || words.key_at(k + 1) != Some("and") {
        return false;
    }
    let mut j = k + 2;
    while j < words.len()
        && j < k + 6
        && (TIME_ADVERBS.contains(&words.key(j))
            || matches!(words.key(j), "this" | "on" | "last" | "the"))
    {
        j += 1;
    }
    j > k + 2 && words.key_at(j) == Some("with")
}

/// Where the clause of a cue ends, looking right from `from`: at a boundary, but
/// past a parenthetical relative clause ("The round, which began on Monday, was
/// led by …").
fn right_edge(words: Words, from: usize, limit: usize) -> usize {
    let mut k = from;
    while k < limit {
        let w = words.key(k);
        if matches!(w, "which" | "who") && k > 0 && words[k - 1] == "," {
            match (k + 1..limit).find(|&j| words[j] == ",") {
                Some(c) => {
                    k = c + 1;
                    continue;
                }
                None => return k,
            }
        }
        if ((is_boundary(words, k) && !LEXICON.reported_that.contains(w)) || purpose_at(words, k))
            && !another_with(words, k)
        {
            return k;
        }
        k += 1;
    }
    limit
}

/// "have held three rounds: in Muscat on April 12, in Rome on April 19 …": one
/// meeting that took place per date listed.
fn each_date(m: Meeting, words: &[&str], doc: &Doc) -> Vec<Meeting> {
    if m.status != MeetingStatus::Held {
        return vec![m];
    }
    let mut dates = Vec::new();
    let mut k = 0;
    while let Some((d, at)) = words
        .get(k..)
        .and_then(|w| dates::find(w, doc.published, false))
    {
        if !dates.contains(&d) {
            dates.push(d);
        }
        k += at + 2;
    }
    if dates.len() < 2 {
        return vec![m];
    }
    dates
        .into_iter()
        .map(|d| Meeting {
            date: Some(d),
            ..m.clone()
        })
        .collect()
}

/// "called his counterpart" is a call; "called on", "called off", "called for" are not.
fn false_call(words: Words, k: usize) -> bool {
    words.key(k) == "called"
        && !words.get(k + 1).is_some_and(|n| {
            n.chars().next().is_some_and(char::is_uppercase)
                || matches!(*n, "his" | "her" | "their")
        })
}

fn negated(words: Words, k: usize) -> bool {
    // "did not meet face to face": the negation reaches past the verb.
    let past_verb = k > 1
        && matches!(words.key(k - 2), "not" | "never")
        && matches!(
            words.key(k - 1),
            "meet" | "met" | "sit" | "sat" | "speak" | "spoke" | "talk" | "hold" | "held"
        );
    past_verb
        || (k > 0
            && matches!(
                words.key(k - 1),
                "no" | "not" | "without" | "as" | "through" | "via"
            ))
}

/// The meeting a cue group tells, with how many of its parties were named before
/// the cue (the callers of a call) and the status the rules alone give it, if any
/// (the models weigh that verdict; `decide`).
#[allow(clippy::too_many_arguments)]
fn meeting_in(
    doc: &Doc,
    i: usize,
    words: Words,
    group: &[(usize, usize, &'static MeetingCue)],
    left: usize,
    right: usize,
    subjects: &[Option<String>],
    history: &[(Meeting, bool, usize)],
) -> Option<(Meeting, usize, Option<MeetingStatus>)> {
    let first = group.first()?.0;
    let last = history.last().map(|x| &x.0);
    // Parties named before the cue: the callers of a call.
    let callers = doc.mentions[i]
        .iter()
        .filter(|m| m.first >= left && m.last <= first && !m.possessive && !m.modifier)
        .count();
    let mut names: Vec<String> = Vec::new();
    let add = |n: &str, names: &mut Vec<String>| match names.iter().position(|x| same_name(x, n)) {
        // "Borg Camilleri" after "Petra Borg Camilleri": one person, the fuller name.
        Some(at) => {
            if n.len() > names[at].len() {
                names[at] = n.to_string();
            }
        }
        None => names.push(n.to_string()),
    };
    // "X, who met Y": X takes part.
    if left > 0 && words.key(left) == "who" {
        if let Some(m) = doc.mentions[i]
            .iter()
            .rfind(|m| m.last <= left && !m.possessive)
        {
            add(&m.name, &mut names);
        }
    }
    // "X and Y signed the accord after talks mediated by Z": the subjects of the
    // clause before "after talks" took part in them.
    if matches!(words.key(left), "after" | "following")
        && first == left + 1
        && words[first..right]
            .iter()
            .any(|w| matches!(*w, "by" | "with"))
        && !words[first..right].contains(&"between")
    {
        let start = (0..left)
            .rev()
            .find(|&k| is_boundary(words, k))
            .map_or(0, |k| k + 1);
        for m in doc.mentions[i]
            .iter()
            .filter(|m| m.first >= start && m.last <= left && !m.possessive && !m.modifier)
        {
            add(&m.name, &mut names);
        }
    }
    // "X and Y discussed Z": what follows a verb of discussing is the topic.
    // (A passive "negotiated by X and Y" names the parties after it.)
    let topic_verb = group.iter().all(|c| {
        matches!(c.2.words[0].as_str(), "discussed" | "negotiated")
            && words.get(c.0 + c.1) != Some(&"by")
    });
    let right_of_parties = if topic_verb { first } else { right };
    // Countries named through a group of their people ("the Indian commissioners").
    // Each country named through a group of its people, and whether they are officers.
    let mut groups: Vec<(&str, bool)> = Vec::new();
    // The sides of a compound naming the meeting ("a Japan-China ministers' meeting").
    let mut compounds: Vec<&str> = Vec::new();
    let mut role_unfilled = false;
    for m in doc.mentions[i]
        .iter()
        .filter(|m| m.first >= left && m.last <= right_of_parties)
    {
        // "Seoul's offer of talks": the possessor is a party.
        let offers = m.possessive
            && m.kind != ActorKind::Person
            && words.get(m.last).is_some_and(|w| {
                matches!(*w, "offer" | "proposal" | "invitation" | "request" | "plan")
            });
        if ((m.possessive || m.modifier) && !offers) || describes_next(doc, i, m) {
            continue;
        }
        if m.group {
            groups.push((&m.name, officers(words, m.last)));
        }
        // "the Maduro government": the country the person leads, when known.
        if m.kind == ActorKind::Person
            && words.key_at(m.last).is_some_and(|w| {
                matches!(w, "government" | "administration" | "regime" | "cabinet")
            })
            && let Some(c) = doc.registry.affiliation(&m.name)
        {
            add(c, &mut names);
            continue;
        }
        // "the foreign ministers of A and B" are the people, when the article names them.
        let role_before = (m.first.saturating_sub(5)..m.first)
            .rev()
            .find(|&k| ROLES.contains(&words.key(k)));
        if m.kind == ActorKind::Country
            && let Some(r) = role_before
        {
            match doc
                .registry
                .of_country_as(&m.name, role_filter(words.key(r)))
            {
                Some(p) => add(p, &mut names),
                // No one the article names holds that role for the country: it
                // stays the country, not whoever else acts for it.
                None => {
                    role_unfilled = true;
                    add(&m.name, &mut names);
                }
            }
            continue;
        }
        if m.side {
            compounds.push(&m.name);
        }
        add(&m.name, &mut names);
    }
    // Two countries meeting are, in practice, the people the article introduced as
    // acting for them ("Iran and the United States held talks").
    // A country named through its delegation or negotiators is not its head of
    // state or government.
    let mapped: Vec<String> = names
        .iter()
        .filter_map(|n| {
            let group = groups.iter().find(|(g, _)| *g == n.as_str());
            let officers = group.is_some_and(|(_, o)| *o);
            let role: Option<fn(&str) -> bool> =
                group.map(|_| if officers { military } else { not_a_leader });
            let p = doc.registry.of_country_as(n, role)?;
            // Officers are only those the article gives an officer's title.
            let officer = doc.registry.title_of(p).is_some_and(military);
            (!officers || officer).then(|| p.to_string())
        })
        .collect();
    let distinct = mapped
        .iter()
        .enumerate()
        .all(|(n, p)| !mapped[..n].contains(p));
    if names.len() >= 2 && mapped.len() == names.len() && distinct && !role_unfilled {
        names = mapped;
    }
    // A country named beside the person who acts for it ("X met China's foreign
    // minister Y") is that person: naming both counts one side twice.
    let represented: Vec<bool> = names
        .iter()
        .map(|c| {
            !groups.iter().any(|(g, _)| *g == c.as_str())
                && names
                    .iter()
                    .any(|p| p != c && doc.registry.affiliation(p) == Some(c.as_str()))
        })
        .collect();
    if represented.iter().any(|&r| r) {
        let mut r = represented.into_iter();
        names.retain(|_| !r.next().unwrap_or(false));
    }
    // Pronoun subjects and counterparts.
    let mut pronoun_subject = false;
    for k in left..right.min(words.len()) {
        let w = words.key(k);
        let possessive_before = (w == "his" || w == "her") && k + 1 == first;
        if ((w == "he" || w == "she") && k < first) || possessive_before {
            pronoun_subject = true;
            // "Ana Veld flew to Oslo, where he met …": the person the sentence
            // opened with; otherwise whom the text was about. The subject leads:
            // it is the caller of a call.
            // A person named after an earlier pronoun is that pronoun's object ("she
            // will meet A …, and she will join B"), not what the next one refers to.
            let first_pronoun = (0..words.len())
                .position(|x| matches!(words.key(x), "he" | "she" | "his" | "her"))
                .unwrap_or(k);
            let earlier = doc.mentions[i]
                .iter()
                .find(|m| {
                    m.kind == ActorKind::Person
                        && !m.possessive
                        && m.last <= k
                        && m.last <= first_pronoun
                })
                .map(|m| &m.name);
            if let Some(s) = earlier.or(subjects[i].as_ref())
                && !names.iter().any(|x| x.eq_ignore_ascii_case(s))
            {
                names.insert(0, s.clone());
            }
        }
        if w == "counterpart" && k >= 1 {
            let country = doc.mentions[i]
                .iter()
                .find(|m| m.last == k)
                .map(|m| m.name.clone());
            if let Some(p) = country.and_then(|c| doc.registry.of_country(&c).map(str::to_string)) {
                add(&p, &mut names);
            }
        }
    }
    // "met each leader separately", "met each side": the people the previous
    // sentence named, when none follows the cue.
    let after_cue = group.last().map_or(first, |c| c.0 + c.1);
    let each_after = words.key_at(after_cue) == Some("each");
    let named_after = doc.mentions[i]
        .iter()
        .any(|m| m.first >= after_cue && m.last <= right && !m.modifier);
    if each_after && !named_after && i > 0 {
        // The people the previous sentence named, or else the other parties of the
        // last meeting.
        let before = names.len();
        for m in doc.mentions[i - 1]
            .iter()
            .filter(|m| m.kind == ActorKind::Person && !m.possessive && !m.modifier)
        {
            add(&m.name, &mut names);
        }
        if names.len() == before
            && let Some(prev) = last
        {
            for p in &prev.participants {
                add(p.as_str(), &mut names);
            }
        }
    }
    // The clause in lower case, read once (a phrase may run a little past it).
    let ext = (right + 3).min(words.len());
    let lc: Vec<&str> = (left..ext).map(|k| words.key(k)).collect();
    let anaphoric = (0..right - left).any(|k| {
        ANAPHORA.iter().any(|a| {
            a.iter()
                .enumerate()
                .all(|(n, x)| lc.get(k + n).is_some_and(|w| w == x))
        }) || (ROUND_ORDINALS.contains(&lc[k])
            && lc
                .get(k + 1)
                .is_some_and(|w| matches!(*w, "round" | "rounds")))
    });
    // "the two" and "both sides" are the first two parties of the last meeting;
    // "they", all.
    let count = lc[..right - left].iter().find_map(|w| match *w {
        "two" | "both" => Some(2),
        "three" => Some(3),
        "four" => Some(4),
        _ => None,
    });
    // Inside a quotation "both sides", "they" or "the next round" are the speaker's:
    // the last meeting told is no safe guide to whom they mean. A counted "the two
    // leaders" still names the parties the article is about.
    // No status from the rules is still a candidate: the models decide it.
    let rule = status(words, group, left, right);
    let status = rule.unwrap_or(MeetingStatus::Proposed);
    let numbered = lc[..right - left]
        .iter()
        .any(|w| matches!(*w, "two" | "three" | "four"));
    if names.len() < 2 && anaphoric && (numbered || !doc.in_quote(i, first)) {
        let role = count.and_then(|_| {
            lc[..right - left]
                .iter()
                .skip_while(|w| !matches!(**w, "two" | "both" | "three" | "four"))
                .nth(1)
                .and_then(|w| role_filter(w))
        });
        // "the two countries' ministers": the countries the last parties act for.
        let of_countries = count.is_some()
            && lc[..right - left].iter().any(|w| {
                matches!(
                    w.trim_end_matches(['\'', '’']),
                    "countries" | "nations" | "governments" | "capitals"
                )
            });
        let referred = if of_countries {
            countries_of(doc, history, count.unwrap_or(2))
        } else {
            referents(doc, history, count, role)
        };
        for p in referred.iter().flatten() {
            add(p, &mut names);
        }
    }
    // "a joint session": the parties of the last sentence's meetings together
    // ("X met A and B separately. A joint session did not take place.").
    // A joint body ("a joint border commission") is of the countries those
    // parties act for.
    let joint = lc[..right - left].iter().position(|w| *w == "joint");
    if names.len() < 2
        && let Some(j) = joint
        && let Some(&(_, _, at)) = history.last()
    {
        let body = lc[j + 1..right - left].iter().take(3).any(|w| {
            matches!(
                *w,
                "commission" | "committee" | "body" | "group" | "council" | "force"
            )
        });
        for (m, _, _) in history.iter().rev().take_while(|x| x.2 == at) {
            for p in &m.participants {
                let p = p.as_str();
                let country = body.then(|| doc.registry.affiliation(p)).flatten();
                add(country.unwrap_or(p), &mut names);
            }
        }
    }
    people_over_compounds(&mut names, &compounds);
    // "the first foreign leader I spoke with": the writer, whom the text does not
    // name, is no name a reader can use.
    names.retain(|n| !matches!(n.as_str(), "I" | "We" | "Me" | "Us" | "we" | "me" | "us"));
    if names.len() < 2 {
        return None;
    }
    let kinds: Vec<MeetingKind> = group.iter().map(|c| c.2.kind).collect();
    let kind = [MeetingKind::Video, MeetingKind::Call, MeetingKind::InPerson]
        .into_iter()
        .find(|k| kinds.contains(k))
        .unwrap_or(MeetingKind::Unknown);
    // With no status from the rules, the cue's own tense tells which way a
    // weekday points ("signed ... on Monday" is the last Monday).
    let future = match rule {
        Some(s) => s != MeetingStatus::Held,
        None => !words.key(first).ends_with("ed"),
    };
    // Only the clause's own date: a date further on belongs to another event.
    let date = dates::find(&words[left..right], doc.published, future).map(|d| d.0);
    let place = place(words, left, right);
    let meeting = Meeting {
        participants: names.iter().filter_map(|n| ActorName::new(n)).collect(),
        status,
        date,
        place,
        kind,
        evidence: doc.evidence(i),
    };
    // "Before the round opened, X met each minister": the parties before the verb
    // of the distributive cue, not before the clause's first cue.
    let callers = if each_after {
        let verb = group.last().map_or(first, |c| c.0);
        doc.mentions[i]
            .iter()
            .filter(|m| m.first >= left && m.last <= verb && !m.possessive && !m.modifier)
            .count()
    } else {
        callers
    };
    Some((meeting, callers.max(usize::from(pronoun_subject)), rule))
}

fn not_a_leader(title: &str) -> bool {
    !is_leader(title)
}

/// An officer's title: "Thai and Cambodian army commanders" are the generals the
/// article names, not the countries' diplomats.
/// Ranks and services are whole words ("Lt. Gen.", "army commander"), and
/// "General" only as the first: a "secretary-general" or a "director general" is
/// no officer.
fn military(title: &str) -> bool {
    let mut words = title.split(' ').map(|w| w.trim_end_matches('.'));
    let first = words.clone().next();
    first == Some("general")
        || words.any(|w| {
            matches!(
                w,
                "gen"
                    | "lt"
                    | "maj"
                    | "brig"
                    | "col"
                    | "colonel"
                    | "admiral"
                    | "marshal"
                    | "commander"
                    | "army"
                    | "military"
            )
        })
}

/// Whether a country's group of people (starting at word `k`) are its officers
/// ("army commanders"): they stand for its officers, not its diplomats.
fn officers(words: Words, k: usize) -> bool {
    (k..(k + 3).min(words.len())).any(|j| {
        matches!(
            words.key(j),
            "army" | "military" | "commanders" | "generals" | "naval" | "navy"
        )
    })
}

/// Whether a title is a head of state's or government's.
fn is_leader(t: &str) -> bool {
    !t.starts_with("vice")
        && !t.starts_with("deputy")
        && [
            "president",
            "prime minister",
            "chancellor",
            "king",
            "emir",
            "premier",
            "supreme leader",
            "crown prince",
            "sultan",
        ]
        .iter()
        .any(|r| t.ends_with(r))
}

/// Which titles a plural role noun covers: "the two leaders" are heads of state
/// or government, "the two ministers" ministers and secretaries.
fn role_filter(noun: &str) -> Option<fn(&str) -> bool> {
    fn minister(t: &str) -> bool {
        (t.contains("minister") || t.contains("secretary")) && !is_leader(t)
    }
    match noun {
        "leaders" | "presidents" | "heads" => Some(is_leader),
        "ministers" | "foreign" => Some(minister),
        _ => None,
    }
}

/// The parties an anaphor ("the two leaders", "they", "the next round") refers
/// to: the last meeting's, the first `count` of them; a role noun picks the
/// parties with that role, looking further back when the last meeting has too
/// few, and falls back to the last meeting's when the role fits no one.
fn referents(
    doc: &Doc,
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

fn status(
    words: Words,
    group: &[(usize, usize, &'static MeetingCue)],
    left: usize,
    right: usize,
) -> Option<MeetingStatus> {
    let first = group.first()?.0;
    let last_end = group.last().map_or(first, |c| c.0 + c.1);
    let lx = &*LEXICON;
    // A cancellation may follow the clause ("a meeting that ... has been called off"),
    // but not past a new coordinated clause.
    let hard = (last_end..words.len())
        .find(|&k| {
            words[k] == ";"
                || (words[k] == ","
                    && words
                        .get(k + 1)
                        .is_some_and(|n| matches!(*n, "and" | "but")))
        })
        .unwrap_or(words.len());
    if lx.cancelled.find(words, left..hard).is_some() {
        return Some(MeetingStatus::Cancelled);
    }
    // Offers and plans are read before the cue and just after it ("meet again").
    let first_end = group.first().map_or(first, |c| c.0 + c.1);
    let around = left..(first_end + 3).min(right).max(first_end);
    if offer_in(words, around.clone()) {
        return Some(MeetingStatus::Proposed);
    }
    let past_verb = group
        .iter()
        .any(|c| c.2.past_status == Some(MeetingStatus::Held) && !is_modal_before(words, c.0));
    if !past_verb && lx.planned_cues.find(words, around).is_some() {
        return Some(MeetingStatus::Planned);
    }
    // A past tense in the clause ("accepted", "ended") dates a noun cue.
    let past_tense = (left..right).any(|k| {
        let w = words.key(k);
        w.len() > 4
            && w.ends_with("ed")
            && !is_modal_before(words, k)
            && !group.iter().any(|c| c.0 == k)
    });
    if past_verb || past_tense || lx.held_cues.find(words, left..right).is_some() {
        return Some(MeetingStatus::Held);
    }
    if group
        .iter()
        .any(|c| c.2.past_status == Some(MeetingStatus::Planned))
    {
        return Some(MeetingStatus::Planned);
    }
    None
}

/// "Republic of Norway (RN) Foreign Minister Ana Veld": a country or organisation
/// right before a titled person, only an abbreviation between, describes that person.
fn describes_next(doc: &Doc, i: usize, m: &super::actors::Mention) -> bool {
    if m.kind == ActorKind::Person {
        return false;
    }
    let toks = &doc.toks[i];
    let words = doc.words(i);
    doc.mentions[i]
        .iter()
        .find(|p| p.first >= m.last)
        .is_some_and(|p| {
            let title_start = toks.partition_point(|t| t.start < p.span.start);
            p.kind == ActorKind::Person
                && p.titled
                && title_start >= m.last
                && title_start < p.first
                && words[m.last..title_start].iter().all(|w| {
                    matches!(*w, "(" | ")")
                        || (w.len() > 1 && w.chars().all(|c| c.is_ascii_uppercase()))
                })
        })
}

/// Two forms of one name: equal, or one the other's ending ("Borg Camilleri",
/// "Petra Borg Camilleri").
fn same_name(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.len() >= short.len()
        && (long.eq_ignore_ascii_case(short)
            || (long.is_char_boundary(long.len() - short.len())
                && long[long.len() - short.len()..].eq_ignore_ascii_case(short)
                && long[..long.len() - short.len()].ends_with(' ')))
}

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

/// Whether word `k` of sentence `i` stands inside quotation marks.
/// An offer or condition in `words[range]`; "May" inside a sentence is the month
/// ("signed on May 11"), not the modal.
fn offer_in(words: Words, range: std::ops::Range<usize>) -> bool {
    let mut from = range.start;
    while let Some((p, _)) = LEXICON.proposed_cues.find(words, from..range.end) {
        if !(p > 0 && words[p] == "May") {
            return true;
        }
        from = p + 1;
    }
    false
}

fn is_modal_before(words: Words, k: usize) -> bool {
    (k.saturating_sub(2)..k).any(|j| {
        matches!(
            words.key(j),
            "will" | "would" | "to" | "could" | "may" | "might" | "should"
        )
    })
}

/// "in Geneva", "at Panmunjom": the capitalised words after the first such
/// preposition that are not a date.
fn place(words: Words, left: usize, right: usize) -> Option<String> {
    (left..right).find_map(|k| {
        if !matches!(words[k], "in" | "at") {
            return None;
        }
        let mut e = k + 1;
        if words.get(e) == Some(&"the") {
            e += 1;
        }
        let s = e;
        while e < right && is_capitalised(words[e]) && !LEXICON.function.contains(words.key(e)) {
            e += 1;
        }
        (e > s).then(|| words[s..e].join(" "))
    })
}

/// "met each leader separately", "saw them one by one": the parties after the
/// cue met those before it one at a time.
fn separately(clause: Words) -> bool {
    (0..clause.len()).any(|k| {
        let w = clause.key(k);
        matches!(w, "separately" | "individually")
            || (w == "one"
                && clause.get(k + 1) == Some(&"by")
                && clause.key_at(k + 2) == Some("one"))
    })
}

/// Splits a meeting whose parties met one by one: a call is between two sides, so
/// "X held calls with A and B" is two calls; "A and B each met X" is two meetings.
fn split(
    m: Meeting,
    words: Words,
    group: &[(usize, usize, &'static MeetingCue)],
    callers: usize,
    one_by_one: bool,
) -> Vec<Meeting> {
    let first = group.first().map_or(0, |c| c.0);
    let each = first > 0 && words.key(first - 1) == "each";
    let n = m.participants.len();
    // Only when one party stands before the cue: "X spoke with A and with B".
    if matches!(m.kind, MeetingKind::Call | MeetingKind::Video) && n >= 3 && !each && callers == 1 {
        let host = m.participants[0].clone();
        return m.participants[1..]
            .iter()
            .map(|p| Meeting {
                participants: vec![host.clone(), p.clone()],
                ..m.clone()
            })
            .collect();
    }
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

/// Merges meetings of one article that name the same parties with the same status,
/// and a meeting whose parties are all among those of another with that status, on
/// a compatible day and in a compatible place ("the ministers ended talks in X";
/// "the host sat in on the first session with both ministers"). Meetings to come
/// merge that way only on the same day: "a fourth round is expected" and "both
/// will meet the host in New York on the 24th" are two events.
fn dedupe(ms: Vec<(Meeting, bool)>) -> Vec<Meeting> {
    let keyset = |m: &Meeting| {
        let mut v: Vec<String> = m.participants.iter().map(|p| key(p.as_str())).collect();
        v.sort();
        v.dedup();
        v
    };
    let mut out: Vec<(Vec<String>, Meeting, bool)> = Vec::new();
    // A meeting split from a distributive one ("each met X") stays apart.
    for (m, one_of_split) in ms {
        let k = keyset(&m);
        let compatible = |o: &Meeting| {
            // Talks over two days are one meeting: "opened on Friday", "ended on Saturday".
            let close_dates = match (o.date, m.date) {
                (Some(a), Some(b)) => (a - b).num_days().abs() <= 1,
                _ => true,
            };
            // "X invited Y to visit, and they agreed to schedule the visit": an
            // offer and a plan in one sentence are one meeting to come.
            let future =
                |s: MeetingStatus| matches!(s, MeetingStatus::Planned | MeetingStatus::Proposed);
            let same_status = o.status == m.status
                || (future(o.status) && future(m.status) && o.evidence == m.evidence);
            same_status && close_dates
        };
        let kinds = |o: &Meeting| {
            o.kind == m.kind || o.kind == MeetingKind::Unknown || m.kind == MeetingKind::Unknown
        };
        // A later, smaller mention with a day of its own is a new event ("a second
        // day of meetings with X on Thursday"); without one it recalls the first.
        let recalls = |o: &Meeting| m.date.is_none() || m.date == o.date;
        let same_place = |o: &Meeting| match (&o.place, &m.place) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            _ => true,
        };
        let subset = |a: &[String], b: &[String]| a.iter().all(|x| b.binary_search(x).is_ok());
        let at = out
            .iter()
            .position(|(ok, o, _)| *ok == k && compatible(o))
            .or_else(|| {
                out.iter().position(|(ok, o, o_split)| {
                    compatible(o)
                        && !one_of_split
                        && !o_split
                        && kinds(o)
                        && same_place(o)
                        && (o.status == MeetingStatus::Held || o.date == m.date)
                        && ((subset(&k, ok) && recalls(o)) || subset(ok, &k))
                })
            });
        if let Some(at) = at {
            let (ok, o, _) = &mut out[at];
            if m.status == MeetingStatus::Planned {
                o.status = MeetingStatus::Planned;
            }
            if ok.len() < k.len() {
                *ok = k;
                o.participants = m.participants;
            }
            if o.date.is_none() || m.date.is_some_and(|d| o.date.is_some_and(|od| d < od)) {
                o.date = m.date;
            }
            if o.place.is_none() {
                o.place = m.place;
            }
            continue;
        }
        out.push((k, m, one_of_split));
    }
    out.into_iter().map(|(_, m, _)| m).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    pub(super) fn met(text: &str) -> Vec<(Vec<String>, MeetingStatus, Option<NaiveDate>)> {
        let doc = Doc::read(
            text,
            NaiveDate::from_ymd_opt(2030, 6, 12).unwrap_or_default(),
        );
        let said = super::super::speech::statements(&doc);
        meetings(&doc, &said.subjects, &MEETING_MODELS)
            .into_iter()
            .map(|m| {
                (
                    m.participants.iter().map(|p| p.to_string()).collect(),
                    m.status,
                    m.date,
                )
            })
            .collect()
    }

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn denied_and_questioned_meetings_are_none() {
        assert!(met("Officials denied that Ola Brek met Tam Ruen in Lima.").is_empty());
        assert!(met("Officials dismissed reports that Ola Brek had met Tam Ruen.").is_empty());
        assert!(met("Readers have asked whether Ola Brek and Tam Ruen met in Lima.").is_empty());
        assert_ne!(
            met("It is unclear whether Ola Brek will meet Tam Ruen.")[0].1,
            MeetingStatus::Held,
            "a meeting that may come"
        );
    }

    #[test]
    fn bodies_texts_and_sites_are_no_parties() {
        let v = met("Ola Brek met Tam Ruen at the Pituffik Space Base with the Political Bureau.");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"]);
        let v = met("Ola Brek and Tam Ruen signed A Common Understanding in Lima on Monday.");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"]);
    }

    #[test]
    fn countries_around_the_people_who_meet_are_not_parties_too() {
        let v = met(
            "Ola Brek, Minister of Norway, held a Norway-Chile ministerial \
             meeting in Oslo with Tam Ruen, head of the Chilean delegation.",
        );
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"]);
        let v = met("Ola Brek met officials at a Chile-Peru meeting in Lima.");
        assert_eq!(
            v[0].0,
            ["Ola Brek", "Chile", "Peru"],
            "one person: countries are parties"
        );
    }

    #[test]
    fn a_past_cue_dates_its_weekday_in_the_past() {
        let v =
            met("Ola Brek and Tam Ruen signed a memorandum of understanding in Lima on Monday.");
        assert_eq!(v[0].2, NaiveDate::from_ymd_opt(2030, 6, 10));
    }

    #[test]
    fn one_caller_calls_several_at_several_times() {
        let v = met(
            "Ola Brek spoke by phone last night with Tam Ruen, and this morning with Ana Veld.",
        );
        let parties: Vec<Vec<String>> = v.iter().map(|m| m.0.clone()).collect();
        assert_eq!(
            parties,
            [["Ola Brek", "Tam Ruen"], ["Ola Brek", "Ana Veld"]]
        );
    }

    #[test]
    fn officers_are_titled_by_rank_or_service() {
        assert!(military("lt. gen."));
        assert!(military("general"));
        assert!(military("army commander"));
        assert!(!military("secretary-general"));
        assert!(!military("director general"));
        assert!(!military("foreign minister"));
    }

    #[test]
    fn the_unnamed_writer_is_no_party() {
        let v = met("Tam Ruen arrived. He was the first foreign leader I spoke with.");
        assert!(v.iter().all(|m| m.0.iter().all(|p| p != "I")), "{v:?}");
    }

    #[test]
    fn a_purpose_clause_names_no_party() {
        let v = met(
            "Ola Brek hosted Tam Ruen at the palace to strengthen the partnership \
             between Norway and Chile.",
        );
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"]);
    }

    #[test]
    fn a_person_of_a_country_is_not_met_with_the_country_too() {
        let v = met("Ola Brek met President Tam Ruen of Chile in Lima on Monday.");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"]);
        let v = met("Ola Brek met Tam Ruen, the prime minister of Chile, on Monday.");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"]);
    }

    #[test]
    fn nationalities_through_their_officers_meet_as_countries() {
        let v = met("Thai and Cambodian army commanders met in Poipet on Monday.");
        assert_eq!(v[0].0, ["Thailand", "Cambodia"]);
        let v =
            met("Indian military officials held talks with Chinese foreign ministry officials.");
        assert_eq!(v[0].0, ["India", "China"]);
        let v = met(
            "Foreign Minister Ana Veld of Norway and Foreign Minister Per Lund of Chile spoke on Monday. \
             Norwegian and Chilean army commanders met in Oslo on Tuesday.",
        );
        assert_eq!(
            v.last().map(|m| m.0.clone()),
            Some(vec!["Norway".to_string(), "Chile".to_string()]),
            "officers are not the countries' diplomats"
        );
    }

    #[test]
    fn a_past_meeting_with_its_relative_date() {
        let v = met("Foreign Minister Ola Brek met Ruritanian envoy Tam Ruen in Oslo on Monday.");
        assert_eq!(
            v,
            [(
                vec!["Ola Brek".to_string(), "Tam Ruen".to_string()],
                MeetingStatus::Held,
                d("2030-06-10")
            )]
        );
    }

    #[test]
    fn plans_offers_and_cancellations() {
        assert_eq!(
            met("Ola Brek will meet Tam Ruen next Tuesday.")[0].1,
            MeetingStatus::Planned
        );
        assert_eq!(
            met("Ola Brek could meet Tam Ruen if the talks progress.")[0].1,
            MeetingStatus::Proposed
        );
        assert_eq!(
            met("A summit between Ola Brek and Tam Ruen was called off.")[0].1,
            MeetingStatus::Cancelled
        );
    }

    #[test]
    fn two_meetings_in_one_sentence_are_split_at_after() {
        let v =
            met("Ola Brek met Tam Ruen in Oslo, a week after Ana Veld held talks with Per Lund.");
        assert_eq!(v.len(), 2);
        assert_eq!(v[1].0, ["Ana Veld", "Per Lund"]);
    }

    #[test]
    fn calls_and_pronouns() {
        let v = met("Ola Brek arrived. He spoke by phone with Tam Ruen on Tuesday.");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"], "the caller comes first");
    }

    #[test]
    fn what_is_discussed_is_a_topic_not_a_party() {
        let v = met("Ola Brek and Tam Ruen discussed the mediation by Norway and Chile.");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"]);
    }

    #[test]
    fn each_listed_date_is_a_meeting_and_pronouns_take_the_sentence_subject() {
        let v = met(
            "Ola Brek and Tam Ruen have held two rounds: in Oslo on May 3 and in Lima on May 20.",
        );
        assert_eq!(
            v.iter().map(|m| m.2).collect::<Vec<_>>(),
            [d("2030-05-03"), d("2030-05-20")]
        );
        let v = met("Ana Veld spoke first. Ola Brek flew to Lima, where he met Tam Ruen.");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"]);
    }

    #[test]
    fn the_two_sides_refers_to_the_last_meeting() {
        let v =
            met("Ola Brek met Tam Ruen on Monday. The two sides agreed to meet again next month.");
        assert_eq!(v.len(), 2);
        assert_eq!(v[1].1, MeetingStatus::Planned);
    }
    #[test]
    fn a_country_beside_its_own_minister_is_one_party() {
        let v = met(
            "Ola Brek met in Lima on Monday with Republic of Norway (RN) Foreign Minister Tam Ruen.",
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"]);
    }

    #[test]
    fn a_numbered_round_continues_the_last_meeting() {
        let v = met(
            "Ola Brek and Tam Ruen held a second round of talks in Oslo on Monday, and a third round is expected next month.",
        );
        assert_eq!(v.len(), 2);
        assert_eq!(v[1].0, ["Ola Brek", "Tam Ruen"]);
        assert_eq!(v[1].1, MeetingStatus::Planned);
    }

    #[test]
    fn parties_met_separately_are_separate_meetings() {
        let v = met("Ola Brek received Tam Ruen and Ana Veld separately in Oslo on Monday.");
        let parts: Vec<_> = v.iter().map(|m| m.0.clone()).collect();
        assert_eq!(
            parts,
            [
                vec!["Ola Brek".to_string(), "Tam Ruen".to_string()],
                vec!["Ola Brek".to_string(), "Ana Veld".to_string()]
            ]
        );
        let v = met(
            "President Tam Ruen and Prime Minister Ana Veld arrived in Oslo on Monday. Foreign Minister Ola Brek met each leader separately.",
        );
        let parts: Vec<_> = v.iter().map(|m| m.0.clone()).collect();
        assert_eq!(
            parts,
            [
                vec!["Ola Brek".to_string(), "Tam Ruen".to_string()],
                vec!["Ola Brek".to_string(), "Ana Veld".to_string()]
            ]
        );
    }

    #[test]
    fn a_meeting_told_again_with_its_host_is_one_meeting() {
        let v = met(
            "Ola Brek and Tam Ruen ended two days of talks in Lima on Monday. Their host, Ana Veld, opened the first session with Brek and Ruen.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0.len(), 3);
        assert_eq!(v[0].2, d("2030-06-10"));
        // Not when the places differ.
        let v = met(
            "Ola Brek and Tam Ruen held talks in Lima on Monday. They had met in Oslo with Ana Veld.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
    }
    #[test]
    fn a_surname_pair_is_the_full_name_and_each_minister_the_last_parties() {
        assert!(same_name("Borg Camilleri", "Petra Borg Camilleri"));
        assert!(!same_name("Camilleri", "Petra Borg Camillerix"));
        let v = met(
            "Ola Brek and Tam Ruen held talks in Lima on Monday. Their host was Foreign Minister Ana Veld Sorensen. Before the session opened, Veld Sorensen met each minister separately.",
        );
        let parts: Vec<_> = v.iter().skip(1).map(|m| m.0.clone()).collect();
        assert_eq!(
            parts,
            [
                vec!["Ana Veld Sorensen".to_string(), "Ola Brek".to_string()],
                vec!["Ana Veld Sorensen".to_string(), "Tam Ruen".to_string()]
            ],
            "{v:?}"
        );
    }
    #[test]
    fn a_time_adverb_inside_a_cue_and_a_government_named_for_its_leader() {
        let v = met("Ola Brek spoke yesterday with Tam Ruen about the border.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"]);
        assert_eq!(v[0].2, d("2030-06-11"));
        let v = met("Ola Brek spoke on Monday by phone with Tam Ruen.");
        assert_eq!(v.len(), 1, "{v:?}");
        let v = met(
            "Norwegian President Tam Ruen spoke on Monday. Ola Brek held talks with the Ruen government in Lima.",
        );
        assert_eq!(v[0].0, ["Ola Brek", "Norway"], "{v:?}");
    }
    #[test]
    fn the_month_may_is_no_offer() {
        let v = met("Ola Brek and Tam Ruen met in Lima on May 11, 2029.");
        assert_eq!(v[0].1, MeetingStatus::Held);
        let v = met("Ola Brek may meet Tam Ruen in Lima.");
        assert_eq!(v[0].1, MeetingStatus::Proposed);
    }
    #[test]
    fn quoted_both_sides_and_dialogue_as_a_means_are_no_meetings() {
        let v = met(
            "Ola Brek met Tam Ruen in Lima on Monday. “Both sides will need another round soon,” said an analyst, Per Lund.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        let v = met("Ola Brek urged Tam Ruen to settle the dispute through dialogue.");
        assert!(v.is_empty(), "{v:?}");
    }
    #[test]
    fn a_meeting_that_did_not_take_place_is_cancelled() {
        let v =
            met("A meeting between Ola Brek and Tam Ruen planned for Monday did not take place.");
        assert_eq!(v[0].1, MeetingStatus::Cancelled, "{v:?}");
        let v = met("Talks between Ola Brek and Tam Ruen fell through in March.");
        assert_eq!(v[0].1, MeetingStatus::Cancelled, "{v:?}");
    }
    #[test]
    fn a_list_of_people_set_off_by_commas_is_one_clause() {
        let v = met(
            "The accord was negotiated by Norway's foreign minister, Ola Brek, and Chile's foreign minister, Tam Ruen, in Lima.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"]);
        // A new clause after ", and" still starts a new event.
        let v =
            met("Ola Brek met Tam Ruen in Lima, and Ana Veld held talks with Per Lund in Oslo.");
        assert_eq!(v.len(), 2, "{v:?}");
    }
    #[test]
    fn the_subjects_before_after_talks_took_part_in_them() {
        let v = met("Ola Brek and Tam Ruen signed the accord after talks mediated by Ana Veld.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen", "Ana Veld"]);
        assert_eq!(v[0].1, MeetingStatus::Held);
        // Not when the talks name their own parties.
        let v = met("Ola Brek resigned after talks between Tam Ruen and Ana Veld failed.");
        assert_eq!(v[0].0, ["Tam Ruen", "Ana Veld"], "{v:?}");
    }
    #[test]
    fn the_two_will_speak_again() {
        let v = met(
            "Ola Brek called his counterpart, Tam Ruen, on Sunday. The two men will speak again on Monday.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].0, ["Ola Brek", "Tam Ruen"]);
        assert_eq!(v[1].1, MeetingStatus::Planned);
    }
    #[test]
    fn the_speaker_of_a_quoted_meeting_is_no_party() {
        let v = met(
            "Ola Brek called his counterpart, Tam Ruen, on Sunday. “The two men will speak again on Monday,” Ana Veld said.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].0, ["Ola Brek", "Tam Ruen"]);
    }

    fn parties(v: &[(Vec<String>, MeetingStatus, Option<NaiveDate>)]) -> Vec<Vec<&str>> {
        v.iter()
            .map(|m| m.0.iter().map(String::as_str).collect())
            .collect()
    }

    #[test]
    fn a_pronoun_refers_past_the_object_of_an_earlier_one() {
        let v = met(
            "Foreign Minister Ola Brek flew to Lima on Sunday. In Lima she will meet Tam Ruen on Monday, and on Tuesday she will join Ana Veld and Per Lund for a trilateral meeting.",
        );
        assert_eq!(
            parties(&v),
            [
                vec!["Ola Brek", "Tam Ruen"],
                vec!["Ola Brek", "Ana Veld", "Per Lund"]
            ],
            "{v:?}"
        );
    }

    #[test]
    fn people_set_off_by_commas_after_its_are_one_subject() {
        let v = met(
            "President Ana Veld and Prime Minister Per Lund arrived in Oslo on Monday. The EU's envoy, Ola Brek, and its foreign policy chief, Tam Ruen, met each leader separately.",
        );
        assert_eq!(
            parties(&v),
            [
                vec!["Ola Brek", "Tam Ruen", "Ana Veld"],
                vec!["Ola Brek", "Tam Ruen", "Per Lund"]
            ],
            "{v:?}"
        );
    }

    #[test]
    fn what_an_office_is_of_is_no_party() {
        let v = met(
            "Norway's Director General of Military Operations, Major General Ola Brek, called his Chilean counterpart, Lieutenant General Tam Ruen, on Monday.",
        );
        assert_eq!(parties(&v), [vec!["Ola Brek", "Tam Ruen"]], "{v:?}");
    }

    #[test]
    fn hyphenated_nationalities_name_both_sides_and_a_broker() {
        let v = met("A Chilean-Peruvian meeting of border commanders was postponed.");
        assert_eq!(parties(&v), [vec!["Chile", "Peru"]], "{v:?}");
        assert_eq!(v[0].1, MeetingStatus::Cancelled);
        let v = met("Ola Brek and Tam Ruen signed the accord at Qatari-mediated talks in Doha.");
        assert!(v[0].0.iter().any(|p| p == "Qatar"), "{v:?}");
    }

    #[test]
    fn the_two_leaders_are_the_parties_with_a_leaders_title() {
        let v = met(
            "Envoys Ola Brek and Tam Ruen met Norwegian President Ana Veld and Chilean President Per Lund in Oslo on Monday. The two leaders will meet again in May.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].0, ["Ana Veld", "Per Lund"]);
        assert_eq!(v[1].1, MeetingStatus::Planned);
    }

    #[test]
    fn the_north_and_a_rejected_offer_of_talks() {
        let v = met(
            "South Korea proposed talks with North Korea on Monday. The North has rejected Seoul's offer of military talks.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].0, ["North Korea", "South Korea"]);
        assert_eq!(v[1].1, MeetingStatus::Cancelled);
    }

    #[test]
    fn a_joint_body_is_of_the_parties_countries() {
        let v = met(
            "Chile's foreign minister, Ola Brek, spoke by phone with his Peruvian counterpart, Tam Ruen, on Monday. The two ministers agreed that a joint border commission would meet in Arica next week.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].0, ["Chile", "Peru"]);
        assert_eq!(v[1].1, MeetingStatus::Planned);
    }

    #[test]
    fn those_who_took_part_join_the_meeting_told_before() {
        let v = met(
            "Ministers from Chile and Peru ended two days of talks in Lima on Monday. The Chilean delegation was led by Ola Brek. Ana Veld and Per Lund also took part. A meeting of experts from both sides was cancelled.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        // The Chilean delegation's leader stands for Chile.
        assert_eq!(
            v[0].0,
            ["Ola Brek", "Peru", "Ana Veld", "Per Lund"],
            "{v:?}"
        );
        assert_eq!(v[1].0, ["Ola Brek", "Peru"], "both sides: the first two");
        assert_eq!(v[1].1, MeetingStatus::Cancelled);
        // Not a meeting that was called off, nor one more than two sentences back.
        let v = met(
            "Ola Brek met Tam Ruen in Lima on Monday. The talks were long. The talks were tense. Ana Veld took part in a vote.",
        );
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"], "{v:?}");
    }

    #[test]
    fn an_invitation_and_a_plan_in_one_sentence_are_one_meeting() {
        let v = met(
            "Ola Brek invited Tam Ruen to visit Oslo, and they agreed to schedule the visit at a suitable time.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].1, MeetingStatus::Planned);
    }

    #[test]
    fn what_talks_are_about_and_who_reports_them_are_no_parties() {
        let v = met("Ola Brek spoke by phone with Tam Ruen about reopening the Per Lund crossing.");
        assert_eq!(parties(&v), [vec!["Ola Brek", "Tam Ruen"]], "{v:?}");
        let v = met("Ola Brek and Tam Ruen will meet in Oslo on Friday, according to Ana Veld.");
        assert_eq!(parties(&v), [vec!["Ola Brek", "Tam Ruen"]], "{v:?}");
    }

    #[test]
    fn an_idea_of_speaking_with_someone_is_proposed() {
        let v =
            met("Ola Brek and Tam Ruen have floated the idea of speaking directly with Ana Veld.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0.len(), 3);
        assert_eq!(v[0].1, MeetingStatus::Proposed);
    }

    #[test]
    fn the_two_countries_are_those_of_the_last_meeting_whose_parties_all_have_one() {
        let v = met(
            "Chile's foreign minister, Ola Brek, hosted his Peruvian counterpart, Tam Ruen, in Santiago on Monday. President Ana Veld and Peruvian President Per Lund will meet in July. A meeting of the two countries' finance ministers was postponed.",
        );
        assert_eq!(v.len(), 3, "{v:?}");
        assert_eq!(
            v[2].0,
            ["Chile", "Peru"],
            "Ana Veld has no country: not mixed in"
        );
        assert_eq!(v[2].1, MeetingStatus::Cancelled);
    }

    /// The person named after a pronoun subject is acted on: the next "she" is
    /// still the one the text was about.
    #[test]
    fn a_pronoun_subject_keeps_whom_the_text_is_about() {
        let v = met(
            "Ana Veld flew to Lima on Monday. Later she met General Tam Ruen, the army chief. On the same day she held a video call with Per Lund.",
        );
        assert_eq!(
            parties(&v),
            [["Ana Veld", "Tam Ruen"], ["Ana Veld", "Per Lund"]]
        );
    }

    #[test]
    fn that_before_a_time_noun_opens_no_clause() {
        let v = met(
            "Envoy Lara Voss held talks in Quito in May of that year with Dan Ruiz, the rebel commander.",
        );
        assert_eq!(parties(&v), [["Lara Voss", "Dan Ruiz"]]);
    }

    #[test]
    fn not_reaches_past_the_verb_of_a_cue() {
        let v = met("Ola Brek and Tam Ruen did not meet face to face.");
        assert!(v.is_empty(), "{v:?}");
        let v = met("Ola Brek and Tam Ruen met face to face on Monday.");
        assert_eq!(v[0].1, MeetingStatus::Held, "{v:?}");
    }
}
