//! A meeting read against the sentences around it: the date its own sentence
//! leaves out, and the people who met for the countries it names.
//!
//! News copy dates an event once and then tells it: "The minister flew to Pasto on
//! Thursday. There she met the rebels' negotiator for two hours", or a dated lead
//! ("The two commanders met in Poipet on Thursday") followed by who hosted whom. A
//! held meeting with no date of its own takes the recent date of the sentence just
//! before it in its paragraph, or of the lead when it follows the lead closely
//! (the lead dates the day's news, told by a meeting or by what was said). Only a
//! recent past date is taken (news, not history), and never when the sentence
//! marks its meeting as an earlier one ("earlier", "previously", "in 2019") or
//! names its own time less closely than a day ("in May", "in 2023").
//! A day told by reference to a date told before ("sat down that day", "met
//! him the next day") and a meeting told in a ", when" clause ("was settled on
//! Saturday, when the co-chairs met") take that date, whatever its age: the
//! text itself ties them to it.
//! A meeting of countries told again a few sentences on by the people who met
//! that day is one event, of those people.

use chrono::NaiveDate;

use crate::model::{Meeting, MeetingStatus};

use super::super::Doc;
use super::super::dates;
use super::super::lexicon::LEXICON;
use super::super::tokens::is_capitalised;
use super::super::words::Words;

/// How far before publication an inherited date may lie: the news of the week.
const RECENT_DAYS: i64 = 8;

/// Words that set a meeting apart from the event told around it.
const EARLIER: &[&str] = &[
    "earlier",
    "previously",
    "previous",
    "last",
    "ago",
    "once",
    "first",
    "past",
    "former",
    "since",
    "then",
    "later",
    "before",
];

/// The date sentence `i`'s held meeting most likely took place on, read from the
/// sentences around it, or `None`.
pub fn date_of_event(doc: &Doc, i: usize) -> Option<NaiveDate> {
    let words = doc.words(i);
    if dates::find(words.raw(), doc.published, false).is_some()
        || dates::names_a_period(words.raw())
        || (0..words.len()).any(|k| EARLIER.contains(&words.key(k)) || a_recent_meeting(words, k))
    {
        return None;
    }
    let para = doc.sentences[i].para;
    let before = (i.saturating_sub(2)..i)
        .rev()
        .find(|&j| doc.sentences[j].para == para && !doc.sentences[j].heading)
        .and_then(|j| recent_date(doc, j));
    before.or_else(|| lead_date(doc, i))
}

/// "the recent talks between A and B", "the recent Japan-Chile and Chile-Peru
/// summit meetings", "the recent phone call": a meeting called recent is one
/// before the news the article tells, not of its day. "discussed recent
/// developments" is not: "recent" must qualify the meeting noun itself, across
/// no more than names and the words that describe a meeting.
fn a_recent_meeting(words: Words, k: usize) -> bool {
    if words.key(k) != "recent" {
        return false;
    }
    let noun = (k + 1..(k + 12).min(words.len())).find(|&j| {
        let w = words[j];
        !(is_capitalised(w)
            || matches!(w, "," | "and" | "-" | "–")
            || MEETING_MODIFIERS.contains(&words.key(j)))
    });
    noun.is_some_and(|j| {
        matches!(
            words.key(j),
            "talks"
                | "summit"
                | "summits"
                | "meeting"
                | "meetings"
                | "call"
                | "calls"
                | "visit"
                | "round"
                | "negotiations"
                | "consultations"
        )
    })
}

/// Words that describe a meeting between "recent" and its noun.
const MEETING_MODIFIERS: &[&str] = &[
    "phone",
    "telephone",
    "video",
    "bilateral",
    "trilateral",
    "high-level",
    "ministerial",
    "leaders",
    "state",
    "official",
];

/// The lead's date, when sentence `i` follows the lead closely (its paragraph or
/// the next). The lead dates the article's news, whether it tells the meeting or
/// what was said at it ("X warned Y on Thursday ... X was received by Z at State
/// House, where the two men held talks").
fn lead_date(doc: &Doc, i: usize) -> Option<NaiveDate> {
    let lead = (0..doc.sentences.len()).find(|&j| !doc.sentences[j].heading)?;
    let close = lead < i && doc.sentences[i].para <= doc.sentences[lead].para + 1;
    if !close {
        return None;
    }
    recent_date(doc, lead)
}

/// "A ceasefire was agreed on October 7. The two sat down that day", "She
/// arrived on Monday and met him the next day": a day told by reference to the
/// date told just before (in the sentence before the reference, or in one of
/// the two sentences before it), whatever its age. `from` is where the
/// meeting's clause starts; `future` reads that date as a meeting still to
/// come would.
pub fn day_referred(doc: &Doc, i: usize, from: usize, future: bool) -> Option<NaiveDate> {
    let words = doc.words(i);
    let (at, shift) = (from..words.len())
        .take_while(|&k| !matches!(words[k], ";" | ":"))
        .find_map(|k| referred_shift(words, k).map(|s| (k, s)))?;
    let told = last_date(&words.raw()[..at], doc.published, future).or_else(|| {
        (i.saturating_sub(2)..i)
            .rev()
            .filter(|&j| !doc.sentences[j].heading)
            .find_map(|j| last_date(doc.words(j).raw(), doc.published, future))
    })?;
    told.checked_add_signed(chrono::Duration::days(shift))
}

/// "The timetable was settled in Kuala Lumpur on Saturday, when the two
/// co-chairs met", "The dispute began on Jan. 1, when A and B signed": a clause
/// opened by "when" (at `left`) tells what happened on the date of the clause it
/// hangs on, the last date told before it in the sentence.
pub fn date_of_when(doc: &Doc, i: usize, left: usize, future: bool) -> Option<NaiveDate> {
    let words = doc.words(i);
    if words.key_at(left) != Some("when") || left == 0 || words[left - 1] != "," {
        return None;
    }
    last_date(&words.raw()[..left], doc.published, future)
}

/// The day words `k…` refer to, in days after the date told before: "that day",
/// "the same day" (0); "the next day", "the following day", "a day later" (1);
/// "the day before", "the previous day", "a day earlier" (-1).
///
/// "The day after" and "the day before" refer back only alone: followed by an
/// event ("the day after the inauguration") they date by that event, which is
/// another than the date told before.
fn referred_shift(words: Words, k: usize) -> Option<i64> {
    // Asked of every word of every candidate's clause: the look-up keys, no copy.
    let a = words.key_at(k)?;
    if !matches!(a, "that" | "the" | "a") {
        return None;
    }
    let (b, c) = (words.key_at(k + 1), words.key_at(k + 2));
    let alone = || {
        words
            .get(k + 3)
            .is_none_or(|n| !n.chars().next().is_some_and(char::is_alphanumeric))
    };
    match (a, b, c) {
        ("that", Some("day"), _) | ("that", Some("same"), Some("day")) => Some(0),
        ("the", Some("same"), Some("day")) => Some(0),
        ("the", Some("next" | "following"), Some("day")) => Some(1),
        ("a", Some("day"), Some("later")) => Some(1),
        ("the", Some("day"), Some("after")) if alone() => Some(1),
        ("the", Some("previous"), Some("day")) => Some(-1),
        ("a", Some("day"), Some("earlier")) => Some(-1),
        ("the", Some("day"), Some("before")) if alone() => Some(-1),
        _ => None,
    }
}

/// The last date expressed in `words`.
fn last_date(words: &[&str], published: NaiveDate, future: bool) -> Option<NaiveDate> {
    let mut from = 0;
    let mut last = None;
    while let Some((d, at)) = dates::find(&words[from..], published, future) {
        last = Some(d);
        from += at + 1;
    }
    last
}

/// A past date in sentence `j` no more than a week before publication.
fn recent_date(doc: &Doc, j: usize) -> Option<NaiveDate> {
    let (d, _) = dates::find(doc.words(j).raw(), doc.published, false)?;
    let age = (doc.published - d).num_days();
    (0..=RECENT_DAYS).contains(&age).then_some(d)
}

/// A meeting and where it was read: its parties, its split mark, its sentence.
type Decided = (Meeting, bool, usize);

/// Whether a party is one the lists know (a country or a body), not a person.
fn is_known(n: &str) -> bool {
    LEXICON.lookup(n).is_some()
}

/// What the two rules below share: a meeting whose parties are countries (and
/// perhaps people) and that `of_countries` picks takes the parties of the first
/// meeting of people that `tells` it, with the same people, none of them known
/// to act for another country.
/// `tells` sees the countries' meeting and the candidate, each with its index
/// in `decided` and its sentence.
fn countries_as_their_people(
    doc: &Doc,
    decided: &mut [Decided],
    of_countries: impl Fn(&Meeting) -> bool,
    tells: impl Fn((usize, &Meeting, usize), (usize, &Meeting, usize)) -> bool,
) {
    for at in 0..decided.len() {
        let (o, _, i) = &decided[at];
        // "The foreign ministers of China and Japan met", read as Wang Yi (whom
        // the lists know) and Japan: the people it names must be in the retelling.
        let (countries, named): (Vec<&str>, Vec<&str>) = o
            .participants
            .iter()
            .map(|p| p.as_str())
            .partition(|p| is_known(p));
        if !of_countries(o) || countries.is_empty() {
            continue;
        }
        let people = decided.iter().enumerate().find_map(|(k, (m, _, j))| {
            let theirs = m.participants.iter().all(|p| {
                named.contains(&p.as_str())
                    || doc
                        .registry
                        .affiliation(p.as_str())
                        .is_none_or(|c| countries.contains(&c))
            });
            let keeps_named = named
                .iter()
                .all(|n| m.participants.iter().any(|p| p.as_str() == *n));
            (theirs && keeps_named && tells((at, o, *i), (k, m, *j)))
                .then(|| m.participants.clone())
        });
        if let Some(people) = people {
            decided[at].0.participants = people;
        }
    }
}

/// "Thailand and Cambodia held talks in Poipet on Thursday. General A hosted
/// General B at a compound near the crossing": a meeting of countries and, a few
/// sentences on, one of as many people (and perhaps observers) on the same day
/// are one event told twice; its parties are the people. So in a readout's
/// order: "A spoke today with B of Mexico. They also discussed …", when "they"
/// were read as the two countries.
pub fn countries_told_by_their_people(doc: &Doc, decided: &mut [Decided]) {
    countries_as_their_people(
        doc,
        decided,
        |o| o.status == MeetingStatus::Held && o.date.is_some(),
        |(at, o, i), (k, m, j)| {
            // told after ("The two countries met on Monday. A and B …"), or just
            // before ("A spoke with B today. They also discussed …")
            ((k > at && j <= i + 3) || (k < at && i <= j + 2))
                && m.status == MeetingStatus::Held
                && m.date == o.date
                && m.participants
                    .iter()
                    .filter(|p| !is_known(p.as_str()))
                    .count()
                    >= o.participants.len()
        },
    );
}

/// "A fourth round of talks between Chile and Peru … has been postponed. Ola Brek
/// and Tam Ruen have held three rounds so far": a round to come (or called off)
/// between countries is one of the series their negotiators held; its parties
/// are those negotiators, as many as the countries.
pub fn rounds_of_their_negotiators(doc: &Doc, decided: &mut [Decided]) {
    let of_rounds = |m: &Meeting| {
        m.evidence
            .sentence
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| matches!(w, "round" | "rounds"))
    };
    countries_as_their_people(
        doc,
        decided,
        |o| o.status != MeetingStatus::Held && of_rounds(o),
        |(_, o, _), (_, m, _)| {
            m.status == MeetingStatus::Held
                && of_rounds(m)
                && m.participants.len() == o.participants.len()
                && m.participants.iter().all(|p| !is_known(p.as_str()))
        },
    );
}

#[cfg(test)]
mod tests {
    use super::super::tests::met;
    use chrono::NaiveDate;

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    /// Class: a round to come or called off between countries, in an article
    /// whose negotiators held the series' earlier rounds, is theirs.
    #[test]
    fn a_postponed_round_is_of_the_negotiators_of_the_series() {
        let v = met(
            "A fourth round of talks between Chile and Peru that had been expected in Lima \
             on Saturday has been postponed, officials said. Ola Brek and Tam Ruen have held \
             three rounds so far: in Lima on May 12, in Cusco on May 19 and again in Lima on \
             May 26.",
        );
        let called_off: Vec<_> = v
            .iter()
            .filter(|m| m.1 == crate::model::MeetingStatus::Cancelled)
            .collect();
        assert_eq!(called_off.len(), 1, "{v:?}");
        assert_eq!(called_off[0].0, ["Ola Brek", "Tam Ruen"]);
        // Negotiators of another country are not the round's.
        let v = met(
            "A fourth round of talks between Chile and Peru has been postponed. Bolivian \
             envoy Ola Brek and Tam Ruen have held three rounds so far.",
        );
        assert!(v.iter().any(|m| m.0 == ["Chile", "Peru"]), "{v:?}");
    }

    // Publication: Wednesday 2030-06-12.

    #[test]
    fn a_trip_dates_the_meeting_told_after_it() {
        let v = met("Foreign Minister Ola Brek flew to Lima on Monday. \
             There she met the rebel negotiator Tam Ruen for two hours.");
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].2, d("2030-06-10"));
    }

    #[test]
    fn a_dated_lead_dates_the_details_that_follow() {
        let v = met(
            "Army commanders of the two countries met in Poipet on Tuesday.\n\n\
             General Tam Ruen hosted General Ola Brek at a compound near the crossing.",
        );
        assert!(v.iter().any(|m| m.2 == d("2030-06-11")), "{v:?}");
        // Class: a lead that dates the day's news by what was said, not by a
        // meeting, dates the meeting the next paragraph tells of that day.
        let v = met(
            "Foreign Minister Ola Brek warned Sweden on Tuesday that the border was closed.\n\n\
             Brek was received by President Tam Ruen at the palace, where the two held talks.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].2, d("2030-06-11"), "{v:?}");
        // Class: "recent" sets a meeting before the news of the lead.
        let v = met(
            "Army commanders of Norway and Chile met in Poipet on Tuesday.\n\n\
             They recalled the recent Norway-Peru summit.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].2, None, "{v:?}");
        // Recent developments discussed at the lead's meeting leave its day.
        let v = met("Ola Brek met Tam Ruen in Poipet on Tuesday.\n\n\
             The two leaders discussed recent developments in the region.");
        assert!(v.iter().all(|m| m.2 == d("2030-06-11")), "{v:?}");
    }

    #[test]
    fn countries_are_the_people_who_met_for_them_that_day() {
        let v = met("Norway and Chile held talks in Lima on Monday. \
             Foreign Minister Ola Brek hosted Tam Ruen at the palace, with UN observers present.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen", "United Nations"]);
        let v = met("Norway and Chile held talks in Lima on Monday. \
             Chinese Foreign Minister Wang Yi met Tam Ruen there.");
        assert!(
            v.iter().any(|m| m.0 == ["Norway", "Chile"]),
            "a person of another country met apart: {v:?}"
        );
        // Class: a lead that names one side by its person and the other by its
        // country ("Ola Brek and Chile's foreign minister held talks"), retold
        // that day with both people, is one meeting of the people.
        let v = met(
            "Ola Brek and Chile's foreign minister held talks in Lima on Monday. \
             Brek and Chile's Tam Ruen met for an hour at a hotel near the venue.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"]);
    }

    #[test]
    fn history_keeps_no_date_it_was_not_given() {
        let v = met("Foreign Minister Ola Brek flew to Lima on Monday. \
             She had previously met the rebel negotiator Tam Ruen in secret.");
        assert_eq!(v[0].2, None);
        let v = met("Ola Brek signed the accord in Lima in March 2021. \
             Ana Veld met Per Lund there.");
        assert_eq!(v[0].2, None, "an old date is history, not this week's news");
    }

    #[test]
    fn a_month_or_a_year_of_its_own_is_no_date_to_inherit() {
        // Class: a sentence that times its meeting by a month or a year only
        // ("in May", "in January 2029", "in 2028") tells another event than the
        // dated one before it, and the text gives it no day.
        for second in [
            "Ana Veld met Per Lund in May.",
            "Ana Veld met Per Lund in Bergen in January 2029.",
            "Ana Veld and Per Lund held talks in 2028.",
        ] {
            let v = met(&format!(
                "Ola Brek met Tam Ruen in Lima on Monday. {second}"
            ));
            let veld = v.iter().find(|m| m.0.contains(&"Ana Veld".to_string()));
            assert_eq!(veld.map(|m| m.2), Some(None), "{second}: {v:?}");
        }
        let v = met("Ola Brek met Tam Ruen in Lima on Monday. Ana Veld met Per Lund there.");
        assert!(v.iter().all(|m| m.2 == d("2030-06-10")), "{v:?}");
    }
}
