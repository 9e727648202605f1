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

mod anaphora;
mod attendance;
mod boundaries;
mod called_off;
mod candidates;
mod context;
mod cues;
mod decide;
mod no_party;
mod participants;
mod roles;
mod said_or_agreed;
mod split;
mod status;
mod subjects;
mod title;

pub use candidates::candidates;
use decide::decide;
pub use decide::{MEETING_MODELS, MeetingModels};
pub use title::{author, titled_people};

use crate::model::{Meeting, MeetingKind, MeetingStatus};

use super::Doc;
use super::lexicon::{LEXICON, key};
use super::speech::Said;

/// The meetings of an article: those its text tells, and the one its title
/// names (`title`).
pub fn meetings(doc: &Doc, title: &str, said: &Said, models: &MeetingModels) -> Vec<Meeting> {
    let mut decided: Vec<(Meeting, bool, usize)> = candidates(doc, said)
        .into_iter()
        .filter_map(|c| {
            let mut m = decide(models, c.meeting, &c.features)?;
            if m.date.is_none() && m.status == MeetingStatus::Held {
                m.date = context::date_of_event(doc, c.sentence);
            }
            // "will travel on May 14 to attend X, and join the Y meeting": dated by
            // the journey or the sentence to a day after the article, the second
            // meeting is to come, as `decide` rules for one its own clause dates.
            if m.status == MeetingStatus::Held && m.date.is_some_and(|d| d > doc.published) {
                m.status = MeetingStatus::Planned;
            }
            Some((m, c.split, c.sentence))
        })
        .collect();
    context::countries_told_by_their_people(doc, &mut decided);
    context::rounds_of_their_negotiators(doc, &mut decided);
    called_off::called_off_after(doc, &mut decided);
    if let Some(m) = title::meeting_of_title(title, doc) {
        decided.insert(0, (m, false, 0));
    }
    let mut met = dedupe(
        decided
            .into_iter()
            .map(|(m, split, _)| (m, split))
            .collect(),
    );
    // A phone call has no venue: a place its sentences name is what was discussed
    // ("spoke about the fighting in X") or another event's ("plans for the summit
    // in Y").
    for m in &mut met {
        if m.kind == MeetingKind::Call {
            m.place = None;
        }
    }
    met
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
            .position(|(ok, o, _)| *ok == k && compatible(o) && !elsewhere(o, &m))
            .or_else(|| {
                out.iter().position(|(ok, o, o_split)| {
                    compatible(o)
                        && !one_of_split
                        && !o_split
                        && kinds(o)
                        && same_place(o)
                        && (o.status == MeetingStatus::Held || o.date == m.date)
                        && ((subset(&k, ok) && recalls(o) && !apart(&m, o))
                            || (subset(ok, &k) && !apart(o, &m)))
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
            // "discussed trade with Y when they spoke by phone": told twice, the
            // means is known once.
            if o.kind == MeetingKind::Unknown {
                o.kind = m.kind;
            }
            continue;
        }
        out.push((k, m, one_of_split));
    }
    out.into_iter().map(|(_, m, _)| m).collect()
}

/// "met in Oslo on Monday … they met in Bergen in January": the same parties in
/// two cities, each told in a sentence of its own, met twice. A place that names
/// the other ("Oslo" and "Oslo City Hall") is the same stay.
fn elsewhere(a: &Meeting, b: &Meeting) -> bool {
    let (Some(x), Some(y)) = (&a.place, &b.place) else {
        return false;
    };
    let (lx, ly) = (x.to_lowercase(), y.to_lowercase());
    a.evidence.sentence != b.evidence.sentence
        && !lx.contains(&ly)
        && !ly.contains(&lx)
        && !an_events_place(a, x)
        && !an_events_place(b, y)
}

/// "discussed the summit in Montevideo": a place its sentence gives to an event
/// named by a noun (a meeting cue of the lexicon with no tense: "summit",
/// "talks", "session"), which may be another event than the meeting told.
fn an_events_place(m: &Meeting, place: &str) -> bool {
    let s = &m.evidence.sentence;
    let event_noun = |w: &str| {
        LEXICON.meeting_first.get(&key(w)).is_some_and(|cues| {
            cues.iter().any(|&n| {
                let c = &LEXICON.meeting[n];
                c.words.len() == 1 && c.past_status.is_none()
            })
        })
    };
    ["in", "at"].iter().any(|prep| {
        s.match_indices(&format!(" {prep} {place}"))
            .chain(s.match_indices(&format!(" {prep} the {place}")))
            .any(|(at, _)| event_noun(s[..at].rsplit(' ').next().unwrap_or("")))
    })
}

/// Whether the smaller of two meetings is told, in a sentence of its own, as apart
/// from the larger one: "also held a bilateral meeting on the sidelines", "met
/// separately", "a one-on-one", "a Japan-China meeting" beside "the
/// Japan-China-ROK meeting": a second event among the same people, which a plain
/// smaller mention ("the two met for three hours") is not.
fn apart(smaller: &Meeting, larger: &Meeting) -> bool {
    if smaller.evidence.sentence == larger.evidence.sentence {
        return false;
    }
    // "a Japan-China Foreign Ministers' Meeting" and "the Japan-China-ROK
    // Foreign Ministers' Meeting": a format named by its sides is not one of
    // more sides.
    let widest = |s: &str| {
        s.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
            .filter(|w| w.contains('-'))
            .map(|w| {
                w.split('-')
                    .filter(|p| p.starts_with(char::is_uppercase))
                    .count()
            })
            .filter(|&n| n >= 2)
            .max()
    };
    let formats = widest(&smaller.evidence.sentence)
        .zip(widest(&larger.evidence.sentence))
        .is_some_and(|(a, b)| a == smaller.participants.len() && b > a);
    formats
        || smaller
            .evidence
            .sentence
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "bilateral"
                        | "sidelines"
                        | "margins"
                        | "separate"
                        | "separately"
                        | "one-on-one"
                        | "pull-aside"
                        | "tête-à-tête"
                )
            })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::participants::same_name;
    use super::roles::military;
    use super::*;
    use chrono::NaiveDate;

    /// The meetings of a text published on 2030-06-12 (a Wednesday).
    pub(super) fn meetings_of(text: &str) -> Vec<Meeting> {
        let doc = Doc::read(
            text,
            NaiveDate::from_ymd_opt(2030, 6, 12).unwrap_or_default(),
        );
        let said = super::super::speech::statements(&doc);
        meetings(&doc, "", &said, &MEETING_MODELS)
    }

    pub(crate) fn met(text: &str) -> Vec<(Vec<String>, MeetingStatus, Option<NaiveDate>)> {
        meetings_of(text)
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

    pub(super) fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    /// Class: a meeting its sentence marks as apart from a larger one ("a bilateral
    /// meeting on the sidelines", "met separately", "one-on-one") is an event of
    /// its own, not a recall of the larger meeting of the same parties.
    #[test]
    fn a_bilateral_on_the_sidelines_is_its_own_meeting() {
        let text = "Foreign ministers Ana Veld, Per Lund and Tam Ruen met in Lima on Monday. \
                    Ana Veld and Per Lund also held a bilateral meeting on the sidelines.";
        let v = met(text);
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(v.iter().any(|m| m.0 == ["Ana Veld", "Per Lund"]), "{v:?}");
        // Told again without such a mark, a smaller mention recalls the meeting.
        let v = met(
            "Foreign ministers Ana Veld, Per Lund and Tam Ruen met in Lima on Monday. \
                     Ana Veld and Per Lund met for three hours.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
    }

    /// Class: a second meeting predicate of one subject joined by "and later",
    /// "and then" or ", then" is a meeting of its own with the same subject.
    #[test]
    fn and_later_opens_a_second_meeting() {
        let v = met(
            "President Ana Veld held talks with Prime Minister Per Lund on Monday \
                     and later sat down with Foreign Minister Tam Ruen.",
        );
        assert!(v.iter().any(|m| m.0 == ["Ana Veld", "Per Lund"]), "{v:?}");
        assert!(v.iter().any(|m| m.0 == ["Ana Veld", "Tam Ruen"]), "{v:?}");
        assert!(v.iter().all(|m| m.0.len() == 2), "{v:?}");
        // The first meeting keeps its own means and place.
        let m = meetings_of(
            "President Ana Veld met Prime Minister Per Lund in Lima on Monday, then held a \
             phone call with Chancellor Ola Brek.",
        );
        let lund = m
            .iter()
            .find(|m| m.participants.iter().any(|p| p.as_str() == "Per Lund"));
        assert_eq!(lund.map(|m| m.kind), Some(MeetingKind::InPerson), "{m:?}");
        assert_eq!(lund.and_then(|m| m.place.as_deref()), Some("Lima"), "{m:?}");
    }

    /// Class: "where" after a journey stands for the place named last before it,
    /// the journey's destination, not an earlier stop of the sentence.
    #[test]
    fn where_is_the_place_named_last() {
        let m = meetings_of(
            "President Ana Veld met Prime Minister Per Lund in Lima on Monday before \
             travelling to Quito, where she met President Tam Ruen.",
        );
        let ruen = m
            .iter()
            .find(|m| m.participants.iter().any(|p| p.as_str() == "Tam Ruen"));
        assert_eq!(
            ruen.and_then(|m| m.place.as_deref()),
            Some("Quito"),
            "{m:?}"
        );
        let lund = m
            .iter()
            .find(|m| m.participants.iter().any(|p| p.as_str() == "Per Lund"));
        assert_eq!(lund.and_then(|m| m.place.as_deref()), Some("Lima"), "{m:?}");
    }

    /// Class: a building named by the department or office it houses ("at the
    /// State Department", "in the Oval Office") is one place name.
    #[test]
    fn an_office_building_is_one_place() {
        let m = meetings_of("Ana Veld hosted Per Lund at the State Department on Monday.");
        assert_eq!(m[0].place.as_deref(), Some("State Department"), "{m:?}");
        let m = meetings_of("Ana Veld received Per Lund in the Oval Office on Monday.");
        assert_eq!(m[0].place.as_deref(), Some("Oval Office"), "{m:?}");
    }

    /// Class: a meeting told only by a report that someone denies ("rejected
    /// reports of a secret meeting between A and B") is no meeting; a refusal of a
    /// meeting is one called off.
    #[test]
    fn a_denied_report_of_a_meeting_is_no_meeting() {
        let v = met(
            "Ana Veld rejected reports of a secret meeting between Per Lund and Tam Ruen \
             in Lima last week.",
        );
        assert!(v.is_empty(), "{v:?}");
        let v = met(
            "Ana Veld denied reports in the local press of talks between Per Lund and Tam \
             Ruen.",
        );
        assert!(v.is_empty(), "{v:?}");
        let v = met("Ana Veld rejected a meeting with Per Lund.");
        assert_eq!(
            v.first().map(|m| m.1),
            Some(MeetingStatus::Cancelled),
            "{v:?}"
        );
    }

    /// Class: the one named before words of absence ("had no seat at", "was not
    /// invited to", "was excluded from", "boycotted") is no party to the meeting
    /// of the others.
    #[test]
    fn one_kept_away_is_no_party() {
        for text in [
            "Chile had no seat at the talks in Lima at which Per Lund and Tam Ruen agreed a truce.",
            "Chile was not invited to the talks between Per Lund and Tam Ruen.",
            "Chile was excluded from the talks between Per Lund and Tam Ruen in Lima.",
            "Ana Veld boycotted the talks between Per Lund and Tam Ruen in Lima.",
        ] {
            let v = met(text);
            assert!(
                v.iter()
                    .all(|m| !m.0.iter().any(|p| p == "Chile" || p == "Ana Veld")),
                "{text}: {v:?}"
            );
        }
        // Class: absence told after the cue ("opened without a delegation from
        // X", "went ahead in the absence of X").
        for text in [
            "Talks between Per Lund and Tam Ruen opened in Lima on Monday without a delegation from Chile.",
            "The talks between Per Lund and Tam Ruen went ahead in the absence of the Chilean army.",
        ] {
            let v = met(text);
            assert!(
                v.iter().all(|m| !m.0.iter().any(|p| p == "Chile")),
                "{text}: {v:?}"
            );
        }
        // Taking part is no absence.
        let v = met("Chile took part in the talks between Per Lund and Tam Ruen in Lima.");
        assert!(
            v.iter().any(|m| m.0.contains(&"Chile".to_string())),
            "{v:?}"
        );
    }

    /// Class: a round of anything but talks ("rounds of voting", "a new round of
    /// sanctions") is no meeting of the names around it.
    #[test]
    fn a_round_of_voting_is_no_meeting() {
        let v = met(
            "Ana Veld was elected chair after several rounds of voting, beating Per Lund \
             and Tam Ruen.",
        );
        assert!(v.is_empty(), "{v:?}");
        let v = met("Ana Veld and Per Lund held a second round of talks in Lima on Monday.");
        assert_eq!(v.len(), 1, "{v:?}");
    }

    /// Class: a name inside a quotation is what someone says, no party to a
    /// meeting told outside it.
    #[test]
    fn a_name_quoted_is_no_party_of_a_meeting_outside() {
        let v = met(
            "Ana Veld, addressing the opening session: “The conflict in Sudan risks \
             spiralling into a wider regional war.”",
        );
        assert!(v.is_empty(), "{v:?}");
        let v = met("Ana Veld held talks with “Per Lund” in Lima on Monday.");
        assert_eq!(v.len(), 1, "{v:?}");
    }

    /// Class: the -ing form of an offer ("a letter proposing talks", "a note
    /// inviting him to meet") makes the meeting an offer, as "proposed" does.
    #[test]
    fn a_letter_proposing_talks_is_an_offer() {
        let v = met("Per Lund sent a letter to Tam Ruen proposing talks.");
        assert!(v.iter().all(|m| m.1 == MeetingStatus::Proposed), "{v:?}");
    }

    /// Class: "have taken place" tells talks held; a meeting that "never
    /// materialised" or "did not happen" was called off.
    #[test]
    fn taken_place_is_held_and_never_materialised_is_off() {
        let v = met("Talks between Ana Veld and Per Lund have taken place only once since 2023.");
        assert_eq!(v.first().map(|m| m.1), Some(MeetingStatus::Held), "{v:?}");
        let v = met("The planned meeting between Ana Veld and Per Lund never materialised.");
        assert_eq!(
            v.first().map(|m| m.1),
            Some(MeetingStatus::Cancelled),
            "{v:?}"
        );
    }

    /// Class: "met A on Monday and B on Tuesday": each party named with a day of
    /// its own met the caller on that day, apart from the other.
    #[test]
    fn each_party_on_its_own_day_is_its_own_meeting() {
        let v = met("Minister Ana Veld met Per Lund on Monday and Tam Ruen on Tuesday.");
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(
            v.contains(&(
                vec!["Ana Veld".into(), "Per Lund".into()],
                MeetingStatus::Held,
                d("2030-06-10")
            )),
            "{v:?}"
        );
        assert!(
            v.contains(&(
                vec!["Ana Veld".into(), "Tam Ruen".into()],
                MeetingStatus::Held,
                d("2030-06-11")
            )),
            "{v:?}"
        );
        // One day for all: one meeting.
        let v = met("Minister Ana Veld met Per Lund and Tam Ruen on Monday.");
        assert_eq!(v.len(), 1, "{v:?}");
    }

    /// Class: the name of a law, an order, a statement, a programme or an event
    /// ("the Safer Borders Act", "an Executive Order", "the Andes Leaders
    /// Meeting", "the Coalition for Resilient Infrastructure") is written in
    /// capitals like a person's, but no one meets it.
    #[test]
    fn names_of_laws_documents_and_events_are_no_parties() {
        for text in [
            "President Ana Veld signed the Safer Borders Act on Monday.",
            "Mr. Lund highlighted the importance of the second Andes Leaders Meeting.",
            "Per Lund welcomed the Coalition for Resilient Infrastructure.",
        ] {
            let v = met(text);
            assert!(v.is_empty(), "{text}: {v:?}");
        }
        let v = met("Ana Veld signed an Executive Order on Monday and met Per Lund.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ana Veld", "Per Lund"], "{v:?}");
    }

    /// Class: "and" before a verb of saying or a speech act after the meeting
    /// ("spoke with Y and reaffirmed the U.S. commitment to Peru") opens a second
    /// predicate of the subject: what it names was spoken of, no party.
    #[test]
    fn what_a_second_predicate_of_saying_names_is_no_party() {
        let v = met(
            "Vice President Ana Veld spoke today with President Per Lund and reaffirmed the \
             strong U.S. commitment to Peru.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ana Veld", "Per Lund"], "{v:?}");
        let v = met(
            "Secretary Veld discussed the coming NATO summit and reaffirmed U.S. support for NATO.",
        );
        assert!(v.is_empty(), "{v:?}");
        // A second verb of meeting is a meeting of its own.
        let v = met("Ana Veld met Per Lund on Monday and later held talks with Tam Ruen.");
        assert_eq!(v.len(), 2, "{v:?}");
    }

    /// Class: "the two" opening a clause of time after a main clause that names
    /// two people ("A urged B to show restraint when the two spoke") are those
    /// two, whatever verb joins them; "the two sides" or "the two countries"
    /// are what the people may only speak for.
    #[test]
    fn the_two_of_a_clause_of_time_are_the_two_the_sentence_names() {
        for text in [
            "President Ana Veld urged Prime Minister Per Lund to show restraint when the two \
             spoke by phone on Monday.",
            "Ana Veld thanked Per Lund for his support when the two men met in Lima on Monday.",
        ] {
            let v = met(text);
            assert_eq!(parties(&v), [["Ana Veld", "Per Lund"]], "{text}: {v:?}");
            assert_eq!(v[0].2, d("2030-06-10"), "{text}");
        }
        let v =
            met("Ana Veld, who met Tam Ruen on Friday, urged Per Lund to act when the two spoke.");
        assert!(!v.iter().any(|m| m.0 == ["Tam Ruen", "Per Lund"]), "{v:?}");
    }

    /// Class: talks that resume are told by "reconvene" ("the two sides will
    /// reconvene in Geneva"), and "both delegations" after a mediator's verb are
    /// the parties of the talks just told, as "both sides" are.
    #[test]
    fn delegations_that_reconvene_or_both_meet_a_mediator() {
        let v = met(
            "Negotiators for Chile and Peru held talks in Doha on Tuesday. The two sides will \
             reconvene in Geneva on June 20.",
        );
        assert!(
            v.contains(&(
                vec!["Chile".into(), "Peru".into()],
                MeetingStatus::Planned,
                d("2030-06-20")
            )),
            "{v:?}"
        );
        let v = met(
            "Negotiators for Chile and Peru held talks in Doha on Tuesday. Mediators from Qatar \
             met with both delegations on Sunday.",
        );
        assert!(
            v.iter()
                .any(|m| m.0 == ["Qatar", "Chile", "Peru"] && m.2 == d("2030-06-09")),
            "{v:?}"
        );
    }

    /// A compound that names two sides in one word ("the Chile-Peru
    /// conference") holds names that overlap: reading the days between them
    /// must not panic (an official text with "the United States-Ukraine …
    /// Conference" did).
    #[test]
    fn a_compound_of_two_sides_after_a_day_reads_without_panic() {
        let v = met(
            "Ana Veld signed the accord on December 6 at the Chile-Peru Conference in Lima, \
             to deepen ties between Chile and Peru.",
        );
        assert!(v.iter().all(|m| m.0.len() >= 2), "{v:?}");
    }

    /// Class: a counted subject ("the two leaders met …") refers back to the pair
    /// told before, even when the clause names a host or others after the cue.
    #[test]
    fn the_two_leaders_as_subject_refer_back_past_a_host() {
        let v = met(
            "Presidents Ana Veld and Per Lund have clashed for years. The two leaders met on \
             June 3 at the airport, in a meeting hosted by Prime Minister Tam Ruen, with \
             adviser Ola Brek present.",
        );
        assert!(
            v.iter().any(|m| m.0.contains(&"Ana Veld".to_string())
                && m.0.contains(&"Per Lund".to_string())
                && m.0.contains(&"Tam Ruen".to_string())),
            "{v:?}"
        );
    }

    /// Class: talks someone writes or knows about ("the author of a history of the
    /// Nile negotiations", "an expert on the talks") are a subject, no meeting.
    #[test]
    fn talks_as_a_subject_of_study_are_no_meeting() {
        let v = met(
            "“It is run badly,” said Ana Veld, a researcher in Lima and the author of a \
             history of the Peru negotiations.",
        );
        assert!(v.is_empty(), "{v:?}");
        let v = met("Ana Veld, an expert on the Chile talks, met Per Lund in Lima on Monday.");
        assert_eq!(v.len(), 1, "{v:?}");
    }

    /// Class: a participle that qualifies a noun ("the issues discussed at the
    /// summit") is no verb of meeting; the meeting noun after it is the meeting.
    #[test]
    fn a_topic_discussed_at_a_meeting_names_that_meeting() {
        let v = met(
            "Recalling the issues discussed in the recent Norway-Chile, Norway-Peru \
             and Chile-Peru summit meetings, the ministers reaffirmed their cooperation.",
        );
        assert_eq!(
            parties(&v),
            [["Norway", "Chile"], ["Norway", "Peru"], ["Chile", "Peru"]]
        );
        let v = met(
            "Recalling the issues discussed in the recent Norway-United States, Norway-Peru, \
             and United States-Peru summit meetings, the ministers reaffirmed their cooperation.",
        );
        assert_eq!(
            parties(&v),
            [
                ["Norway", "United States"],
                ["Norway", "Peru"],
                ["United States", "Peru"]
            ]
        );
        // The verb itself still tells a meeting.
        let v = met("Ana Veld and Per Lund discussed in detail the border in Lima on Monday.");
        assert_eq!(v.len(), 1, "{v:?}");
        let v = met("The trade deal was discussed at a meeting of Ana Veld and Per Lund.");
        assert_eq!(v.len(), 1, "{v:?}");
    }

    /// Class: "can" before a meeting tells a possibility, as "could" does ("talks
    /// can start once …", "she can meet him").
    #[test]
    fn can_meet_is_a_possibility() {
        for text in [
            "Once that happens, negotiations between Ana Veld and Per Lund can start \
             immediately, whether in Doha or in Cairo.",
            "Ana Veld said she can meet Per Lund in Lima.",
        ] {
            let v = met(text);
            assert!(
                v.iter().all(|m| m.1 == MeetingStatus::Proposed),
                "{text}: {v:?}"
            );
        }
    }

    /// Class: a phone call has no venue; "in X" in its sentence is what was
    /// discussed.
    #[test]
    fn a_call_has_no_place() {
        let m = meetings_of(
            "President Ana Veld discussed the latest developments in Sudan in a call \
             with Per Lund on Monday.",
        );
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].kind, MeetingKind::Call);
        assert_eq!(m[0].place, None);
        let m = meetings_of("Ola Brek met Tam Ruen in Lima on Monday.");
        assert_eq!(m[0].place.as_deref(), Some("Lima"));
    }

    /// Class: "I" in the turn of a speaker labelled by role only ("SENIOR
    /// ADMINISTRATION OFFICIAL:") is no party a reader can name.
    #[test]
    fn an_anonymous_speaker_is_no_party() {
        let m = meetings_of(
            "MODERATOR: Thanks.\n\nSENIOR ADMINISTRATION OFFICIAL: Thanks. I met with \
             President Ola Brek on Monday in Lima.",
        );
        assert!(
            m.iter()
                .all(|m| m.participants.iter().all(|p| p.as_str() != "Official")),
            "{m:?}"
        );
    }

    /// Class: a present perfect with "just" ("has just met"), "just got off the
    /// phone with" and a meeting going on ("are now meeting") took place on the
    /// day of the telling.
    #[test]
    fn just_met_is_today() {
        let v = met("Minister Ana Veld has just met Foreign Minister Tam Ruen.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].2, d("2030-06-12"));
        // "just got off the phone with": a call of the day; "are now meeting": a
        // meeting going on as it is told.
        let v = met("MINISTER VELD: I just got off the phone with Prime Minister Tam Ruen.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!((v[0].1, v[0].2), (MeetingStatus::Held, d("2030-06-12")));
        let v = met("Ana Veld and Foreign Minister Tam Ruen are now meeting behind closed doors.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!((v[0].1, v[0].2), (MeetingStatus::Held, d("2030-06-12")));
    }

    /// Class: a day told by reference to the date told just before ("that
    /// day", "the same day", "the next day", "a day later", "the day before"),
    /// however long ago that date was.
    #[test]
    fn a_day_told_by_reference_takes_the_date_before() {
        let v = met(
            "A ceasefire was agreed in Lima on May 7. Ana Veld and Per Lund sat down \
             that day with the envoy, Tam Ruen.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].2, d("2030-05-07"));
        let v = met("Ana Veld arrived in Lima on May 20. She met Per Lund the next day.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].2, d("2030-05-21"));
        let v = met("Ana Veld arrived in Lima on May 20. The following day she met Per Lund.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].2, d("2030-05-21"));
        let v = met("Ana Veld signed the accord on May 20, having met Per Lund the day before.");
        assert_eq!(v.first().map(|m| m.2), Some(d("2030-05-19")), "{v:?}");
        // "the day before the vote" refers to the vote, not to the date told before;
        // "on May 6, the day after the launch" is dated May 6.
        let v = met("Talks ended on May 20. Ana Veld met Per Lund the day before the vote.");
        assert_eq!(v.first().map(|m| m.2), Some(None), "{v:?}");
        let v = met("Ana Veld last spoke to Per Lund by phone on May 6, the day after the launch.");
        assert_eq!(v.first().map(|m| m.2), Some(d("2030-05-06")), "{v:?}");
    }

    /// Class: a relative clause set off by commas between the subject and its
    /// meeting verb ("X, who said …, met Y") tells nothing of the meeting's
    /// status or date, and a meeting told inside one ends with it.
    #[test]
    fn a_relative_clause_before_the_verb_is_set_aside() {
        for text in [
            "Ana Veld, who said the border must reopen, met Per Lund on Tuesday.",
            "Ana Veld, who wants the border to reopen, met Per Lund on Tuesday.",
            "Ana Veld, who arrived on Monday, met Per Lund on Tuesday.",
        ] {
            let v = met(text);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(v[0].0, ["Ana Veld", "Per Lund"], "{text}");
            assert_eq!(
                (v[0].1, v[0].2),
                (MeetingStatus::Held, d("2030-06-11")),
                "{text}"
            );
        }
        let v = met("Ana Veld, who met Per Lund on Monday, will fly to Quito on Friday.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].2, d("2030-06-10"));
        // the relative tells of the meeting itself: its date is the meeting's
        let v = met("The round, which opened on Monday, brought together Ana Veld and Per Lund.");
        assert_eq!(v.first().map(|m| m.2), Some(d("2030-06-10")), "{v:?}");
        // Class: a relative clause after an object that tells a meeting of its
        // own ("… Per Lund, who is due to visit Lima in April") names its
        // parties; "who heads …" only describes.
        let v = met("Ana Veld also spoke with Per Lund, who is due to visit Lima in April.");
        assert!(
            v.iter()
                .any(|m| m.0 == ["Per Lund", "Peru"] && m.1 == MeetingStatus::Planned),
            "{v:?}"
        );
        let v = met("Ana Veld met Per Lund, who heads the Peruvian delegation, in Lima.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ana Veld", "Per Lund"], "{v:?}");
    }

    /// Class: a relative clause that tells the meeting of the names joined by
    /// "and" before it ("X and Y, who met in Lima on Monday, agreed …"): "who"
    /// stands for all of them. Names only listed, without "and", are one name
    /// and its apposition.
    #[test]
    fn a_relative_clause_meets_for_the_names_joined_before_it() {
        for (text, want) in [
            (
                "Ana Veld and Per Lund, who met in Lima on Monday, agreed to reopen the border.",
                vec!["Ana Veld", "Per Lund"],
            ),
            (
                "Chilean Foreign Minister Ana Veld and Peruvian envoy Per Lund, who held talks \
                 in Lima on Monday, agreed to reopen the border.",
                vec!["Ana Veld", "Per Lund"],
            ),
            (
                "Ana Veld, Per Lund and Tam Ruen, who last met in Quito on Monday, will meet \
                 again in July.",
                vec!["Ana Veld", "Per Lund", "Tam Ruen"],
            ),
        ] {
            let v = met(text);
            assert!(
                v.iter()
                    .any(|m| m.0 == want && m.1 == MeetingStatus::Held && m.2 == d("2030-06-10")),
                "{text}: {v:?}"
            );
        }
        let v =
            met("Ana Veld and Per Lund, who are due to meet in Lima on Friday, spoke by phone.");
        assert!(
            v.iter()
                .any(|m| m.0 == ["Ana Veld", "Per Lund"] && m.1 == MeetingStatus::Planned),
            "{v:?}"
        );
    }

    /// Class: a city named in front of the meeting noun ("the Santiago round",
    /// "the Geneva talks", "the Moscow talks") is where the meeting is, not a
    /// party for the country it is the capital of.
    #[test]
    fn a_city_before_the_meeting_noun_is_its_place() {
        for (text, city) in [
            (
                "Ana Veld and Per Lund ended the Santiago round on Tuesday.",
                "Santiago",
            ),
            (
                "The Moscow talks ended on Tuesday with a joint statement by Ana Veld and Per Lund.",
                "Moscow",
            ),
            (
                "Ana Veld and Per Lund attended the Geneva talks on Monday.",
                "Geneva",
            ),
        ] {
            let v = meetings_of(text);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            let names: Vec<&str> = v[0].participants.iter().map(|p| p.as_str()).collect();
            assert_eq!(names, ["Ana Veld", "Per Lund"], "{text}");
            assert_eq!(v[0].place.as_deref(), Some(city), "{text}");
        }
    }

    /// Class: a meeting noun in the purpose of a meeting verb ("called X to
    /// discuss the summit", "met X to prepare the summit") is what was
    /// discussed: it does not make the call a meeting to come. The means named
    /// beside the verb ("discussed the summit by phone") is how they met. The
    /// place of an event the meeting prepares ("ahead of next week's talks in
    /// Geneva") is that event's.
    #[test]
    fn what_a_meeting_prepares_is_not_the_meeting() {
        for text in [
            "Ana Veld called Per Lund on Monday to discuss the summit.",
            "Ana Veld met Per Lund on Monday to prepare the summit.",
        ] {
            let v = met(text);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(
                (v[0].1, v[0].2),
                (MeetingStatus::Held, d("2030-06-10")),
                "{text}"
            );
        }
        let v =
            meetings_of("Ana Veld and Per Lund discussed the upcoming summit by phone on Monday.");
        assert_eq!(v.first().map(|m| m.kind), Some(MeetingKind::Call), "{v:?}");
        let v =
            meetings_of("Ana Veld met Per Lund on Monday ahead of next week's talks in Geneva.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].place, None, "{v:?}");
        let v =
            meetings_of("Ana Veld met Per Lund in Lima on Monday ahead of the summit in Quito.");
        assert_eq!(
            v.first().and_then(|m| m.place.as_deref()),
            Some("Lima"),
            "{v:?}"
        );
    }

    /// Classes, as official readouts write: "They also discussed …" after "A
    /// spoke today with B of Mexico" is the same call, though "they" read as
    /// the two countries; "the Vice President's meetings" are those of the one
    /// the article titled so, not of someone named "Vice President"; an
    /// abbreviated country after a name ("with President Per Lund U.S.
    /// efforts") is not part of the name; a part of a continent ("South
    /// America") is no one.
    #[test]
    fn a_readout_s_titles_pronouns_and_regions() {
        let v = met(
            "President Ana Veld spoke today with President Per Lund of Mexico. The two \
             leaders discussed enhancing cooperation between the United States and Mexico. \
             They also affirmed their shared commitment to the border accord and discussed \
             expanding our two nations' joint efforts.",
        );
        assert_eq!(parties(&v), [["Ana Veld", "Per Lund"]], "{v:?}");
        let v = met(
            "Vice President Ana Veld spoke today to President Per Lund of Chile. Building on \
             the Vice President's meetings in Dubai, the Vice President reiterated the \
             importance of planning.",
        );
        assert!(
            v.iter()
                .all(|m| !m.0.contains(&"Vice President".to_string())),
            "{v:?}"
        );
        let v = met("President Ana Veld discussed with President Per Lund U.S. efforts on trade.");
        assert!(
            v.iter().any(|m| m.0.contains(&"Per Lund".to_string())),
            "{v:?}"
        );
        let v = met(
            "Delegates from South America, Central America and North America met in Lima on \
             Monday.",
        );
        assert!(
            v.iter()
                .all(|m| !m.0.iter().any(|p| p.ends_with("America"))),
            "{v:?}"
        );
    }

    /// Classes: "During the meeting, X thanked Colombia …" points back to the
    /// meeting just told, and is no second meeting with Colombia (one that names
    /// more parties than the first still adds them); a standard met that stands
    /// before its verb ("the responsibilities Chile and Peru must meet") is no
    /// meeting; one person written with and without a middle initial or "Jr."
    /// is one party.
    #[test]
    fn back_references_standards_and_spellings() {
        let v = met(
            "Ana Veld hosted Acting Foreign Minister Per Lund of Colombia at the palace \
             today. During the meeting, Ms. Veld thanked Colombia for its leadership on \
             migration.",
        );
        assert_eq!(parties(&v), [["Ana Veld", "Per Lund"]], "{v:?}");
        let v = met("These are responsibilities Chile and Peru must meet in the years ahead.");
        assert!(v.is_empty(), "{v:?}");
        let v = met("Ana Veld and Per Lund set a deadline in May and will meet in Lima on Monday.");
        assert_eq!(v.len(), 1, "{v:?}");
        let v = met(
            "President Ana Veld met today with President Per R. Lund, Jr. of Peru. Veld and \
             President Per Lund Jr. discussed trade.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0.len(), 2, "{v:?}");
    }

    /// Class: a date that opens the sentence, set off by its comma, dates what
    /// took place in its main clause past a clause between ("On May 3, a day
    /// after the round ended, A and B signed …").
    #[test]
    fn an_opening_date_dates_the_main_clause() {
        let v = met(
            "On May 3, a day after the round ended, Ana Veld and Per Lund signed the accord in Lima.",
        );
        assert_eq!(
            v.first().map(|m| (m.1, m.2)),
            Some((MeetingStatus::Held, d("2030-05-03")))
        );
        let v = met("On Monday, after the round ended, Ana Veld met Per Lund in Lima.");
        assert_eq!(v.first().map(|m| m.2), Some(d("2030-06-10")), "{v:?}");
    }

    /// Class: a meeting told in a "when" clause takes the date of the clause it
    /// hangs on ("was settled on Saturday, when A and B met").
    #[test]
    fn a_when_clause_takes_the_date_of_its_main_clause() {
        let v = met(
            "The timetable was settled in Lima on Saturday, when the co-chairs, Ana Veld \
             and Per Lund, met for six hours.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].2, d("2030-06-08"));
        let v = met("The dispute began on May 3, when Ana Veld met Per Lund in Arica.");
        assert_eq!(v.first().map(|m| m.2), Some(d("2030-05-03")), "{v:?}");
    }

    /// Class: a pronoun that is the subject of a later cue of its clause,
    /// after an opening phrase that holds a cue noun ("During the visit she will
    /// meet X", "At the summit he met Y").
    #[test]
    fn a_pronoun_after_an_opening_cue_phrase_is_the_subject() {
        let v =
            met("Ana Veld will travel to Lima next week. During the visit she will meet Per Lund.");
        assert!(v.iter().any(|m| m.0 == ["Ana Veld", "Per Lund"]), "{v:?}");
        let v = met("Ana Veld flew to Lima on Monday. At the summit she met Per Lund.");
        assert!(v.iter().any(|m| m.0 == ["Ana Veld", "Per Lund"]), "{v:?}");
    }

    /// Class: a journey told after the meeting goes on from it: its
    /// destination is not where the meeting was ("Following his meeting with X
    /// on Monday, Y flew to Quito"); one told before leads to it.
    #[test]
    fn a_journey_after_the_meeting_is_not_its_place() {
        let v =
            meetings_of("Following his meeting with Ana Veld on Monday, Per Lund flew to Quito.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].place, None);
        let v = meetings_of("Per Lund flew to Quito on Monday for talks with Ana Veld.");
        assert_eq!(
            v.first().and_then(|m| m.place.clone()).as_deref(),
            Some("Quito"),
            "{v:?}"
        );
        let v = meetings_of("Per Lund met Ana Veld on Monday during his visit to Quito.");
        assert_eq!(
            v.first().and_then(|m| m.place.clone()).as_deref(),
            Some("Quito"),
            "{v:?}"
        );
    }

    /// Class: a readout's attribution ("The following is attributed to
    /// Spokesperson X:") tells the meeting after its colon; X is no party.
    #[test]
    fn an_attributed_readout_is_not_the_spokespersons_meeting() {
        let v = met(
            "The following is attributed to Spokesperson Tam Ruen: Deputy Secretary Ana \
             Veld met with Vice Minister Per Lund on June 3 in Lima.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ana Veld", "Per Lund"]);
    }

    /// Class: a pronoun subject inside what officials, a ministry or a country
    /// report ("She met X, officials said") stands for whom the text was about,
    /// never for the speaker, which no "he" or "she" can be.
    #[test]
    fn a_pronoun_in_what_officials_report_is_not_the_officials() {
        for teller in [
            "officials said",
            "the ministry said",
            "according to officials",
        ] {
            let v = met(&format!(
                "Ana Veld arrived in Lima on Monday. She met President Per Lund, {teller}."
            ));
            assert_eq!(v.len(), 1, "{v:?}");
            assert_eq!(v[0].0, ["Ana Veld", "Per Lund"], "{teller}");
        }
        // A person who speaks is whom the pronoun after means.
        let v = met("Ana Veld arrived in Lima. Tam Ruen said he met Per Lund on Monday.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Tam Ruen", "Per Lund"]);
    }

    /// Class: people introduced by their office before their name ("the
    /// commander of X's army, Name, and the head of Y's navy, Name, will meet")
    /// are one list of those who meet, as with "X's envoy, Name, and …".
    #[test]
    fn offices_set_before_names_are_one_list() {
        let v = met(
            "Under the plan, the commander of Chile's northern army, Gen. Ana Veld, and the \
             chief of Peru's border guard, Per Lund, will meet in Arica on Thursday.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ana Veld", "Per Lund"]);
        assert_eq!((v[0].1, v[0].2), (MeetingStatus::Planned, d("2030-06-13")));
        let v = met(
            "The foreign minister of Chile, Ana Veld, and the trade minister of Peru, \
             Per Lund, held talks in Geneva on Monday.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ana Veld", "Per Lund"]);
        let v = met(
            "Ana Veld sat down on Monday with the envoy for Chile, Tam Ruen, and the head \
             of the navy, Adm. Per Lund.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ana Veld", "Tam Ruen", "Per Lund"]);
        // Military ranks, abbreviated, are titles, not names.
        let v = met("Capt. Ana Veld met Cmdr. Per Lund and Lt. Col. Tam Ruen in Arica.");
        assert_eq!(
            v.first().map(|m| m.0.clone()),
            Some(vec![
                "Ana Veld".into(),
                "Per Lund".into(),
                "Tam Ruen".into()
            ]),
            "{v:?}"
        );
    }

    /// Class: names that each carry a title set off by commas, joined by ", and",
    /// are one list of counterparts.
    #[test]
    fn counterparts_with_their_titles_are_one_list() {
        let v = met(
            "Minister Tam Ruen met today with Ana Veld, Chief Foreign Policy Advisor, and \
             Per Lund, Chief National Security Advisor, to President Ola Brek of Chile.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Tam Ruen", "Ana Veld", "Per Lund"]);
        // What follows the last name may tell an event of its own.
        let v = met(
            "Minister Tam Ruen met Ana Veld, the envoy, and Per Lund, the minister, said \
             the talks went well.",
        );
        assert!(
            v.iter()
                .all(|m| m.0 != ["Tam Ruen", "Ana Veld", "Per Lund"]),
            "{v:?}"
        );
    }

    /// Class: the agent of a participle describing people or things that are
    /// not a meeting ("hostages held by Hamas", "areas controlled by Russia") is
    /// no party; a meeting's host ("talks hosted by Oman") is.
    #[test]
    fn the_agent_of_a_description_is_no_party() {
        let v = met(
            "Adviser Ana Veld met in Lima with Tam Ruen and families of hostages \
             currently held by Hamas terrorists.",
        );
        assert!(
            v.iter().all(|m| !m.0.contains(&"Hamas".to_string())),
            "{v:?}"
        );
        let v = met("Ana Veld met Tam Ruen in areas controlled by Russia on Monday.");
        assert_eq!(v[0].0, ["Ana Veld", "Tam Ruen"], "{v:?}");
        let v = met("Ana Veld met Tam Ruen at talks hosted by Oman on Monday.");
        assert!(v[0].0.contains(&"Oman".to_string()), "{v:?}");
    }

    /// Class: "their respective talks with A and B" are several meetings whose
    /// pairs the text does not tell; A and B did not meet.
    #[test]
    fn respective_talks_tell_no_meeting_of_those_named() {
        let v = met(
            "The leaders discussed their respective conversations with President Ola Brek \
             and President Per Lund.",
        );
        assert!(v.iter().all(|m| m.0 != ["Ola Brek", "Per Lund"]), "{v:?}");
    }

    /// Class: an office of a country whose holder goes unnamed ("hosted the
    /// Swedish Prime Minister", "will meet the Chilean foreign minister") is the
    /// country; named after it, or naming the person before it, the person is.
    #[test]
    fn an_unnamed_office_holder_is_the_country() {
        let v =
            met("President Ola Brek hosted the Swedish Prime Minister at the palace on Monday.");
        assert_eq!(parties(&v), [["Ola Brek", "Sweden"]]);
        let v = met("Ola Brek will meet the Chilean foreign minister in Lima next week.");
        assert_eq!(parties(&v), [["Ola Brek", "Chile"]]);
        let v =
            met("Ola Brek hosted the Swedish Prime Minister, Tam Ruen, at the palace on Monday.");
        assert_eq!(parties(&v), [["Ola Brek", "Tam Ruen"]]);
        let v = met("Ola Brek spoke on Monday with Tam Ruen, the Crown Prince of Sweden.");
        assert_eq!(parties(&v), [["Ola Brek", "Tam Ruen"]]);
        let v =
            met("Ola Brek spoke on Monday with the Swedish Special Envoy to the Arctic, Tam Ruen.");
        assert_eq!(parties(&v), [["Ola Brek", "Tam Ruen"]]);
    }

    /// Class: "with respect to", "with regard to" after the topic of
    /// "discussed" go on with the topic; a plain "with" names a party.
    #[test]
    fn a_topic_with_respect_to_a_country_is_no_party() {
        let v = met(
            "Ola Brek and Tam Ruen discussed regional challenges, including with respect \
             to the Andes, as well as Bolivia.",
        );
        assert_eq!(parties(&v), [["Ola Brek", "Tam Ruen"]]);
        let v = met("Ola Brek discussed the border with regard to Bolivia with Tam Ruen.");
        assert_eq!(parties(&v), [["Ola Brek", "Tam Ruen"]]);
    }

    /// Class: "discussed … in X" tells what was discussed, not where.
    #[test]
    fn what_was_discussed_is_no_place() {
        let m =
            meetings_of("Ola Brek met Tam Ruen on Monday. They discussed the fighting in Sudan.");
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].place, None);
    }

    /// A demonstrative "that" before a meeting noun opens no clause: the names
    /// before it hold the session.
    #[test]
    fn those_who_held_that_session_took_part_in_it() {
        let v = met("Ola Brek, Tam Ruen and Ana Veld held that session in Lima.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen", "Ana Veld"]);
        assert_eq!(v[0].1, MeetingStatus::Held);
    }

    /// Names set off by a pair of dashes are those of the words before them, in
    /// the clause of the cue.
    #[test]
    fn names_between_dashes_are_the_counterparts_hosted() {
        let v = met(
            "Foreign Minister Ola Brek hosted her two counterparts — Tam Ruen and \
             Ana Veld — in Lima on Monday.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen", "Ana Veld"]);
        // A dash that opens a clause of its own still ends the meeting's.
        let v = met("Ola Brek met Tam Ruen in Lima — Ana Veld said the talks went well.");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"], "{v:?}");
    }

    /// A nationality or a compound modifier after "in" or "at" describes the
    /// talks or the building; it is no place. A place named later is.
    #[test]
    fn a_modifier_after_in_is_no_place() {
        let place = |t: &str| meetings_of(t).first().and_then(|m| m.place.clone());
        assert_eq!(
            place("Ola Brek met Tam Ruen in Turkish-mediated talks."),
            None
        );
        assert_eq!(place("Ola Brek met Tam Ruen at the Kenyan embassy."), None);
        // A compound of parties says whom the summit was between.
        assert_eq!(
            place("Ola Brek met Tam Ruen at the Chile-Peru summit."),
            None
        );
        assert_eq!(
            place("Ola Brek met Tam Ruen at the United States-Mexico summit."),
            None
        );
        assert_eq!(
            place("Ola Brek met Tam Ruen in AU-led talks in Addis Ababa."),
            Some("Addis Ababa".to_string())
        );
        // Lower-case particles inside a place name keep it whole.
        assert_eq!(
            place("Ola Brek met Tam Ruen in Sharm el-Sheikh on Monday."),
            Some("Sharm el-Sheikh".to_string())
        );
        assert_eq!(
            place("Ola Brek met Tam Ruen in Dar es Salaam."),
            Some("Dar es Salaam".to_string())
        );
        // A state in its formal style is named whole.
        assert_eq!(
            place("Ola Brek met Tam Ruen in the Republic of Korea on Monday."),
            Some("Republic of Korea".to_string())
        );
        // A possessive ends the place: it qualifies what follows.
        assert_eq!(
            place("Ola Brek met Tam Ruen at the Republic of Korea's National Security Office."),
            Some("Republic of Korea".to_string())
        );
    }

    /// A meeting dated after the publication date is not yet held, however many
    /// parties a joint body brings back from the meeting told before.
    #[test]
    fn a_meeting_dated_after_publication_is_not_held() {
        let v = met(
            "Kenyan and Ugandan army commanders met on Monday in Busia. A team of \
             IGAD observers led by Brig. Gen. Ana Veld of Ghana sat in on the session.\n\n\
             The Joint Border Commission is scheduled to meet in Tororo on June 20.",
        );
        let tororo = v
            .iter()
            .find(|m| m.2 == d("2030-06-20"))
            .expect("the Tororo meeting");
        assert_eq!(tororo.1, MeetingStatus::Planned, "{v:?}");
    }

    /// ", but" before a predicate with no subject of its own goes on with the
    /// subject of the sentence, though no meeting verb came before.
    #[test]
    fn a_second_predicate_after_but_has_the_sentence_subject() {
        let v = met(
            "Ola Brek and Tam Ruen agreed on Tuesday to keep talking, but ended their \
             first session without a deal.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"]);
        let v = met(
            "Kenyan and Ugandan diplomats agreed to keep talking, but ended their \
             session without a deal.",
        );
        assert_eq!(
            v.first().map(|m| m.0.clone()),
            Some(vec!["Kenya".into(), "Uganda".into()]),
            "{v:?}"
        );
        // A subject of its own is not the first one's.
        let v = met("Ola Brek praised the accord, but the two envoys met Ana Veld on Monday.");
        assert!(
            v.iter().all(|m| !m.0.contains(&"Ola Brek".to_string())),
            "{v:?}"
        );
    }

    /// "talked with", "talked to", "talked by phone" and "sat down together" tell
    /// a contact as "spoke with" and "sat down with" do; talking about someone
    /// is none.
    #[test]
    fn talking_with_someone_is_a_contact() {
        let v = met("Ola Brek talked with Tam Ruen on Monday.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"]);
        assert_eq!(v[0].1, MeetingStatus::Held);
        let kind = meetings_of("Ola Brek talked to Tam Ruen by phone on Monday.")
            .first()
            .map(|m| m.kind);
        assert_eq!(kind, Some(MeetingKind::Call));
        assert_eq!(
            met("Ola Brek and Tam Ruen sat down together in Lima.").len(),
            1
        );
        assert!(met("Ola Brek talked about Tam Ruen on Monday.").is_empty());
    }

    /// Class: a meal taken together, an audience and a call told as speaking
    /// "on the phone" or "ringing" someone are contacts.
    #[test]
    fn meals_audiences_and_phone_phrasings_are_contacts() {
        for (text, kind) in [
            (
                "Ola Brek dined with Tam Ruen in Lima on Monday.",
                MeetingKind::InPerson,
            ),
            (
                "Ola Brek had lunch with Tam Ruen in Lima on Monday.",
                MeetingKind::InPerson,
            ),
            (
                "Ola Brek was granted an audience with Pope Tam Ruen on Monday.",
                MeetingKind::InPerson,
            ),
            (
                "Ola Brek and Tam Ruen spoke on the phone on Monday.",
                MeetingKind::Call,
            ),
            ("Ola Brek rang Tam Ruen on Monday.", MeetingKind::Call),
        ] {
            let v = meetings_of(text);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(
                (v[0].status, v[0].kind),
                (MeetingStatus::Held, kind),
                "{text}"
            );
        }
        let v = met("Ola Brek will dine with Tam Ruen in Lima on Friday.");
        assert_eq!(
            v.first().map(|m| m.1),
            Some(MeetingStatus::Planned),
            "{v:?}"
        );
    }

    /// Class: phrasal verbs of meeting with the parties as their subject, no
    /// "with" ("will sit down in Geneva", "sat down in Lima").
    #[test]
    fn sitting_down_together_is_a_meeting() {
        let v = met("Negotiators from Chile and Peru will sit down in Geneva on Friday.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Chile", "Peru"]);
        assert_eq!((v[0].1, v[0].2), (MeetingStatus::Planned, d("2030-06-14")));
        let v = met("Ola Brek and Tam Ruen sat down in Lima on Monday.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!((v[0].1, v[0].2), (MeetingStatus::Held, d("2030-06-10")));
    }

    /// An honorific inside a name keeps the name whole; one before the name is
    /// a title.
    #[test]
    fn an_honorific_inside_a_name_is_part_of_it() {
        let v = met("Ola Brek hosted President Hassan Sheikh Mohamud in Lima on Monday.");
        assert_eq!(
            v.first().map(|m| m.0.clone()),
            Some(vec![
                "Ola Brek".to_string(),
                "Hassan Sheikh Mohamud".to_string()
            ]),
            "{v:?}"
        );
        let v = met("Qatari Prime Minister Sheikh Tam Ruen met Ola Brek in Doha on Monday.");
        assert_eq!(
            v.first().map(|m| m.0.clone()),
            Some(vec!["Tam Ruen".to_string(), "Ola Brek".to_string()]),
            "{v:?}"
        );
    }

    /// A country in its formal style after a person ("of the Republic of
    /// Cyprus") is the country that person acts for, as "of Cyprus" is: not a
    /// party of its own.
    #[test]
    fn a_formal_state_name_after_a_person_is_their_country() {
        let v = met(
            "President Ola Brek met today with President Tam Ruen of the Republic of \
             Cyprus at the White House.",
        );
        assert_eq!(
            v.first().map(|m| m.0.clone()),
            Some(vec!["Ola Brek".to_string(), "Tam Ruen".to_string()]),
            "{v:?}"
        );
        let v = met(
            "Ola Brek spoke by phone with Prime Minister Tam Ruen of the Federal \
             Democratic Republic of Ethiopia.",
        );
        assert_eq!(
            v.first().map(|m| m.0.clone()),
            Some(vec!["Ola Brek".to_string(), "Tam Ruen".to_string()]),
            "{v:?}"
        );
    }

    /// Hosting troops, bases or refugees is no meeting; hosting talks is.
    #[test]
    fn hosting_troops_is_no_meeting() {
        assert!(met("Ola Brek thanked Ruritania for hosting U.S. troops.").is_empty());
        assert!(met("Ola Brek thanked Ruritania for hosting 5,000 refugees.").is_empty());
        let v = met("Ola Brek thanked Ruritania for hosting the talks with Tam Ruen.");
        assert_eq!(v.len(), 1, "{v:?}");
    }

    /// A party office in a list of one person's titles is no party of its own.
    #[test]
    fn a_politburo_member_is_a_title() {
        let v = met(
            "Ola Brek met on Monday with Politburo Member, Director of the Office of \
             the Foreign Affairs Commission, and Foreign Minister Tam Ruen in Bangkok.",
        );
        assert_eq!(
            v.first().map(|m| m.0.clone()),
            Some(vec!["Ola Brek".to_string(), "Tam Ruen".to_string()]),
            "{v:?}"
        );
    }

    /// A leader named by surname alone ("President Ruen of Chile") acts for the
    /// country after the name: one call between two people, not a second with
    /// the country.
    #[test]
    fn a_surname_alone_acts_for_the_country_after_it() {
        let v = met("President Brek spoke with President Ruen of Chile.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Brek", "Ruen"]);
    }

    #[test]
    fn rounds_are_split_by_the_days_they_were_held_on() {
        let v = met(
            "Ola Brek and Tam Ruen have held three rounds: in Lima on April 12, \
             in Quito on April 19 and again in Lima on April 26.",
        );
        assert_eq!(v.len(), 3, "{v:?}");
        let v = met(
            "Yesterday, Ola Brek met Tam Ruen, chair of the Commission on \
             October 7 Crimes.",
        );
        assert_eq!(v.len(), 1, "a date inside a name dates nothing: {v:?}");
    }

    #[test]
    fn a_speaker_who_closes_the_sentence_is_no_party() {
        let v = met(
            "A summit that Kenya was due to host on Thursday has been postponed, \
             the bloc's spokesperson, Ola Brek, announced on Monday.",
        );
        assert!(
            v.iter()
                .all(|(p, _, _)| !p.contains(&"Ola Brek".to_string())),
            "{v:?}"
        );
    }

    #[test]
    fn a_government_named_as_a_span_of_time_is_no_party() {
        let v = met(
            "Ola Brek spoke today with Chancellor Tam Ruen of Germany and thanked him \
             for his partnership throughout the Brek-Veld Administration.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, vec!["Ola Brek", "Tam Ruen"], "{v:?}");
    }

    #[test]
    fn one_who_joined_the_talks_took_part_in_them() {
        let v = met(
            "Ola Brek met Tam Ruen in Lima on Monday. Ana Veld joined the talks and \
             afterwards signed an accord with Brek.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0.len(), 3, "{v:?}");
    }

    #[test]
    fn they_after_two_people_joined_by_and_are_those_two() {
        let v = met(
            "Ana Veld met Per Lund on Monday. The deal builds on the commitments \
             Ola Brek and Tam Ruen made when they met in Lima last year.",
        );
        assert!(
            v.iter().any(|(p, _, _)| p == &vec!["Ola Brek", "Tam Ruen"]),
            "{v:?}"
        );
    }

    #[test]
    fn talks_over_several_days_are_dated_by_the_first() {
        let v = met("Ola Brek and Tam Ruen ended a week of negotiations in Lima on Friday.");
        assert_eq!(v[0].2, d("2030-06-03"), "{v:?}");
        let v = met("Ola Brek and Tam Ruen concluded two days of talks in Lima on Friday.");
        assert_eq!(v[0].2, d("2030-06-06"), "{v:?}");
    }

    #[test]
    fn a_refusal_in_a_later_clause_cancels_nothing() {
        let v = met(
            "Ola Brek and Tam Ruen had a phone conversation on Wednesday, their first \
             since Ruen again declined to rule out sanctions.",
        );
        assert_eq!(v[0].1, MeetingStatus::Held, "{v:?}");
        let v = met("President-elect Ola Brek met Tam Ruen on Wednesday.");
        assert_eq!(v[0].0, vec!["Ola Brek", "Tam Ruen"], "{v:?}");
    }

    #[test]
    fn members_describing_a_body_are_no_parties() {
        let v = met(
            "Ola Brek held talks with the Alliance of Sahel States, the \
             confederation formed by Mali, Burkina Faso and Niger.",
        );
        assert_eq!(
            v[0].0,
            vec!["Ola Brek", "Alliance of Sahel States"],
            "{v:?}"
        );
    }

    #[test]
    fn the_last_of_a_list_of_offices_and_names_is_a_party() {
        let v = met(
            "Foreign Minister Ola Brek held talks in Lima with Foreign Minister of \
             Mali Tam Ruen, Foreign Minister of Chad Ana Veld, and Foreign Minister of \
             Niger Per Lund.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0.len(), 4, "{v:?}");
        let v = met(
            "Ola Brek convened the envoys of France, Germany, Italy, and the United \
             Kingdom at the White House today.",
        );
        assert_eq!(v[0].0.len(), 5, "{v:?}");
        let v = met("Ola Brek met Tam Ruen in Lima, and Ana Veld flew home on Monday.");
        assert_eq!(v[0].0, vec!["Ola Brek", "Tam Ruen"], "a new clause: {v:?}");
    }

    #[test]
    fn a_plan_in_the_past_perfect_was_overtaken() {
        let v = met("Ola Brek had been due to receive Tam Ruen for the round.");
        assert_eq!(v[0].1, MeetingStatus::Cancelled, "{v:?}");
    }

    /// Class: a scheduling predicate told in the past tense ("was set for",
    /// "were slated for", "was fixed for") puts the meeting ahead of its date,
    /// not behind the telling: read forward, the date is the coming one.
    #[test]
    fn a_date_set_in_the_past_tense_is_still_ahead() {
        let v = met(
            "Talks between Per Lund and Ana Veld ended on Tuesday, and a new round \
                     was set for Sept. 17.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(
            (v[0].1, v[0].2),
            (MeetingStatus::Held, d("2030-06-11")),
            "{v:?}"
        );
        assert_eq!(
            (v[1].1, v[1].2),
            (MeetingStatus::Planned, d("2030-09-17")),
            "{v:?}"
        );
        let v = met("A meeting between Ola Brek and Tam Ruen was slated for July 2.");
        assert_eq!(
            (v[0].1, v[0].2),
            (MeetingStatus::Planned, d("2030-07-02")),
            "{v:?}"
        );
    }

    /// Class: a purpose after a meeting ("spoke with X to coordinate efforts,
    /// including talks between A and B") tells another event; its names are no
    /// parties of the call, and the call's parties none of those talks.
    #[test]
    fn a_purpose_opens_a_clause_of_its_own() {
        let v = met(
            "Ana Veld spoke by phone with Per Lund on Monday to coordinate efforts, \
                     including Chile's support for talks in Lima between Tam Ruen and Ola Brek.",
        );
        assert_eq!(parties(&v)[0], ["Ana Veld", "Per Lund"], "{v:?}");
        assert!(
            parties(&v)[1..].iter().all(|p| !p.contains(&"Ana Veld")),
            "{v:?}"
        );
    }

    /// Class: a meeting noun with its own "between" names its parties there; a
    /// name before it takes part only as the one who hosts, mediates or
    /// facilitates ("X hosted talks between", "Turkish-mediated talks between"),
    /// not as the one who praises, welcomes or discusses them.
    #[test]
    fn talks_between_some_are_theirs_and_their_brokers() {
        let v = met("Ana Veld welcomed the talks between Per Lund and Tam Ruen in Lima on Monday.");
        assert_eq!(parties(&v), [["Per Lund", "Tam Ruen"]], "{v:?}");
        let v = met(
            "Ana Veld praised Chile's facilitation of talks between the government \
                     and the rebels.",
        );
        assert!(v.is_empty(), "{v:?}");
        let v = met("Ana Veld hosted talks between Per Lund and Tam Ruen in Lima on Monday.");
        assert_eq!(parties(&v), [["Ana Veld", "Per Lund", "Tam Ruen"]], "{v:?}");
        let v = met("Chilean-mediated talks between Per Lund and Tam Ruen ended on Monday.");
        assert_eq!(parties(&v), [["Chile", "Per Lund", "Tam Ruen"]], "{v:?}");
    }

    #[test]
    fn a_body_led_by_a_party_is_on_that_partys_side() {
        let v = met("A team of ASEAN observers led by Gen. Ola Brek of Chile met Tam Ruen.");
        assert_eq!(v[0].0, vec!["Ola Brek", "Tam Ruen"], "{v:?}");
    }

    #[test]
    fn a_second_predicate_that_looks_ahead_is_another_meeting() {
        let v = met("Ola Brek met Tam Ruen in Lima on Monday and agreed to meet again next month.");
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!((v[0].1, v[0].2), (MeetingStatus::Held, d("2030-06-10")));
        assert_ne!(v[1].1, MeetingStatus::Held);
        assert_ne!(
            v[1].2,
            d("2030-06-10"),
            "Monday dates the first meeting only"
        );
        let v = met("Ola Brek met Tam Ruen on Monday and will meet Ana Veld on Friday.");
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].0, vec!["Ola Brek", "Ana Veld"]);
    }

    #[test]
    fn a_meeting_called_off_is_dated_to_the_nearer_day() {
        let v = met("A summit in Lima on March 3 between Ola Brek and Tam Ruen was called off.");
        assert_eq!(v[0].2, d("2030-03-03"), "{v:?}");
        let v = met("A summit in Lima on July 1 between Ola Brek and Tam Ruen was called off.");
        assert_eq!(v[0].2, d("2030-07-01"), "{v:?}");
    }

    #[test]
    fn an_office_to_the_president_is_no_president() {
        let v = met(
            "President Ola Brek arrived in Lima on Monday. Yesterday, Assistant \
             to the President and Director of the Policy Council Tam Ruen met with Ana Veld.",
        );
        assert_eq!(v[0].0, vec!["Tam Ruen", "Ana Veld"], "{v:?}");
    }

    #[test]
    fn what_a_meeting_is_on_is_no_party() {
        assert!(met("An emergency summit on Sudan and Chad was called off.").is_empty());
        let v = met("Ola Brek held talks on Syria and Iraq with Tam Ruen.");
        assert_eq!(v[0].0, vec!["Ola Brek", "Tam Ruen"]);
    }

    /// Class: a wish for a meeting ("still wanted a meeting between A and B",
    /// "seeks a meeting"), told in the past too, proposes it; it took no place.
    #[test]
    fn a_meeting_wished_for_is_proposed() {
        for text in [
            "The rebels still wanted a face-to-face meeting between Ola Brek and Tam Ruen, which Norway has offered to host.",
            "Norway seeks a meeting between Ola Brek and Tam Ruen.",
        ] {
            let v = met(text);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(v[0].1, MeetingStatus::Proposed, "{text}");
        }
        let v = met(
            "Ola Brek met Tam Ruen in Lima on Monday. I wanted to follow up on your meeting with Tam Ruen on Monday.",
        );
        assert!(
            v.iter().all(|m| m.1 == MeetingStatus::Held),
            "a courtesy: {v:?}"
        );
    }

    #[test]
    fn denied_and_questioned_meetings_are_none() {
        assert!(met("Officials denied that Ola Brek met Tam Ruen in Lima.").is_empty());
        assert!(met("Officials dismissed reports that Ola Brek had met Tam Ruen.").is_empty());
        assert!(met("Readers have asked whether Ola Brek and Tam Ruen met in Lima.").is_empty());
        // Class: an auxiliary that opens a question is no part of the name after
        // it ("Did Ola Brek meet …?" names Ola Brek).
        let v = met("Did Ola Brek meet Tam Ruen in Lima on Monday?");
        assert!(v.iter().all(|m| m.0 == ["Ola Brek", "Tam Ruen"]), "{v:?}");
        let v = met("Will Norway meet Sweden in Oslo next week?");
        assert_eq!(v[0].0, ["Norway", "Sweden"]);
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
        // Class: texts, lines on a map and sites of sport ("the Lund Protocols",
        // "Veld Square", "the Lund Cup"); the name of a thing after "of" ("the
        // Line of Actual Control") or joined to one by "and" ("the Border Watch
        // and Response Mechanism").
        for text in [
            "Ola Brek and Tam Ruen signed the Lund Protocols in Lima on Monday.",
            "Crowds filled Veld Square as Ola Brek met Tam Ruen in Lima on Monday.",
            "After the talks on the Line of Lasting Control, Ola Brek met Tam Ruen in Lima on Monday.",
            "Ola Brek met Tam Ruen in Lima on Monday under the Border Watch and Response Mechanism.",
        ] {
            let v = met(text);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"], "{text}");
        }
        // A country after an office and "of" is whose it is; the name after it
        // stays a person.
        let v = met(
            "Ola Brek spoke by phone on Monday with the Minister of Foreign Affairs of Norway Tam Ruen.",
        );
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
    fn a_means_of_contact_named_by_a_noun_takes_the_clause_s_tense() {
        // Published on a Wednesday: last Friday is the 7th, next Friday the 14th.
        // "video link", "phone call": nouns, no past tense of their own.
        let v = met("On Friday, Minister Tam Ruen will hold talks by video link with Per Lund.");
        assert_eq!(
            (v[0].1, v[0].2),
            (MeetingStatus::Planned, NaiveDate::from_ymd_opt(2030, 6, 14))
        );
        let v = met("On Friday, Minister Tam Ruen held talks by video link with Per Lund.");
        assert_eq!(
            (v[0].1, v[0].2),
            (MeetingStatus::Held, NaiveDate::from_ymd_opt(2030, 6, 7))
        );
        let v = met("Tam Ruen will hold a phone call with Per Lund on Friday.");
        assert_eq!(
            (v[0].1, v[0].2),
            (MeetingStatus::Planned, NaiveDate::from_ymd_opt(2030, 6, 14))
        );
        let v = met("Tam Ruen had a phone call with Per Lund on Friday.");
        assert_eq!(
            (v[0].1, v[0].2),
            (MeetingStatus::Held, NaiveDate::from_ymd_opt(2030, 6, 7))
        );
    }

    #[test]
    fn a_second_phrase_of_the_same_preposition_goes_on_with_the_parties() {
        let v = met(
            "The round brought together delegations led by Norway's chief negotiator, Ana Veld, and by Per Lund.",
        );
        assert_eq!(parties(&v), [["Ana Veld", "Per Lund"]]);
    }

    #[test]
    fn a_body_of_faith_is_no_person_and_its_adjective_no_party() {
        // "Church" makes the run a body, so "Catholic" alone is no short form of
        // a person named "Catholic Church".
        let v = met(
            "The Catholic Church mediates. The round opened on Monday at a Catholic seminary with delegations led by Ana Veld and by Per Lund.",
        );
        assert_eq!(parties(&v), [["Ana Veld", "Per Lund"]]);
    }

    #[test]
    fn a_call_told_in_the_past_took_place() {
        let v = met("Ola Brek called Tam Ruen on Sunday.");
        assert_eq!(
            (v[0].1, v[0].2),
            (MeetingStatus::Held, NaiveDate::from_ymd_opt(2030, 6, 9))
        );
        let v =
            met("Ola Brek called his counterpart, Tam Ruen, on Sunday to discuss the ceasefire.");
        assert_eq!(v[0].1, MeetingStatus::Held);
    }

    #[test]
    fn a_plan_told_in_the_past_perfect_was_overtaken() {
        let v =
            met("Ana Veld had planned to meet Per Lund on Monday, but the meeting was cancelled.");
        assert_eq!(
            (v[0].1, v[0].2),
            (
                MeetingStatus::Cancelled,
                NaiveDate::from_ymd_opt(2030, 6, 10)
            )
        );
        let v = met("Ana Veld had been hoping to visit Per Lund in Oslo.");
        assert_eq!(v[0].1, MeetingStatus::Cancelled);
    }

    #[test]
    fn the_destination_of_a_journey_is_where_its_stay_s_meetings_took_place() {
        let place = |text: &str| meetings_of(text)[0].place.clone();
        let v = place("Ana Veld traveled to Oslo, where she met Per Lund on Monday.");
        assert_eq!(v.as_deref(), Some("Oslo"));
        let v = place("Ana Veld will fly to Oslo next week, where she will meet Per Lund.");
        assert_eq!(v.as_deref(), Some("Oslo"));
    }

    /// Class: a visit whose stay a "where" clause tells by the people met there
    /// ("visited Stockholm on Monday, where she met Y", "after a visit to Beijing,
    /// where he met Y") is the place of that meeting, not a meeting of its own
    /// with the country visited.
    #[test]
    fn a_visit_told_by_whom_it_met_is_where_they_met() {
        for text in [
            "Ana Veld visited Stockholm on Monday, where she met Per Lund.",
            "Ana Veld arrived in Oslo after a visit to Stockholm, where she met Per Lund.",
            "Ana Veld will visit Stockholm next week, where she will meet Per Lund.",
        ] {
            let m = meetings_of(text);
            assert_eq!(m.len(), 1, "{text}: {m:?}");
            assert_eq!(m[0].participants.len(), 2, "{text}: {m:?}");
            assert_eq!(m[0].place.as_deref(), Some("Stockholm"), "{text}: {m:?}");
        }
        // Class: the meeting told within a visit took place where the visit went.
        let m = meetings_of("During her visit to Stockholm on Monday, Ana Veld met Per Lund.");
        assert_eq!(m[0].place.as_deref(), Some("Stockholm"), "{m:?}");
        // Alone, the visit is a meeting with the country.
        let m = meetings_of("Ana Veld visited Sweden on Monday.");
        assert_eq!(m.len(), 1, "{m:?}");
    }

    /// Class: a visit told alone is a meeting with the country visited, held
    /// where it went: the city the text names, not only the country it stands for.
    #[test]
    fn a_visit_alone_is_held_where_it_went() {
        for (text, city) in [
            ("Ana Veld visited Stockholm on Monday.", "Stockholm"),
            ("Ana Veld will visit Oslo next week.", "Oslo"),
            ("Ana Veld visited Sweden on Monday.", "Sweden"),
        ] {
            let m = meetings_of(text);
            assert_eq!(m.len(), 1, "{text}: {m:?}");
            assert_eq!(m[0].place.as_deref(), Some(city), "{text}: {m:?}");
        }
    }

    /// Class: the city or country a party leaves after the talks is where they
    /// were (or where the journey began), not a party.
    #[test]
    fn the_place_a_party_leaves_is_no_party() {
        for text in [
            "Per Lund left Oslo on Thursday after talks with Ana Veld.",
            "Per Lund departed Stockholm after meeting Ana Veld.",
            "Per Lund flew out of Oslo on Thursday after talks with Ana Veld.",
            "Per Lund toured Norway last week and met Ana Veld.",
        ] {
            let m = meetings_of(text);
            assert_eq!(m.len(), 1, "{text}: {m:?}");
            assert_eq!(m[0].participants.len(), 2, "{text}: {m:?}");
        }
    }

    /// Class: a relative clause right after the meeting that tells when it ended
    /// or took place dates it, by its first day.
    #[test]
    fn a_relative_clause_of_when_it_ended_dates_the_meeting() {
        let m = meetings_of(
            "Ana Veld and Per Lund held two days of talks in Geneva that ended on Tuesday.",
        );
        assert_eq!(m[0].date, NaiveDate::from_ymd_opt(2030, 6, 10), "{m:?}");
    }

    /// Class: the length of a meeting that ended on a day, told however the
    /// text tells it, dates it by its first day (publication Wednesday
    /// 2030-06-12; Tuesday is the 11th).
    #[test]
    fn a_meeting_over_days_is_dated_by_its_first() {
        let day = |t: &str| meetings_of(t).first().and_then(|m| m.date);
        for (text, first) in [
            (
                "The two-day talks between Chile and Peru ended in Lima on Tuesday.",
                10,
            ),
            (
                "Chile and Peru concluded a three-day round of talks in Lima on Tuesday.",
                9,
            ),
            (
                "Talks between Chile and Peru ended in Lima on Tuesday after three days of \
                 negotiations.",
                9,
            ),
            (
                "Talks between Chile and Peru ended in Lima on Tuesday. The round ran over \
                 two days.",
                10,
            ),
            // A length with no end told: the day given is the first.
            (
                "The two-day talks between Chile and Peru opened in Lima on Tuesday.",
                11,
            ),
        ] {
            assert_eq!(day(text), NaiveDate::from_ymd_opt(2030, 6, first), "{text}");
        }
    }

    #[test]
    fn paying_a_visit_or_a_courtesy_call_is_told_in_its_own_tense() {
        // "paid" is past without "-ed"; "visit" alone reads as a plan.
        let v = met("Ana Veld paid a visit to Foreign Minister Per Lund in Oslo on Monday.");
        assert_eq!(
            (v[0].1, v[0].2),
            (MeetingStatus::Held, NaiveDate::from_ymd_opt(2030, 6, 10))
        );
        let v = met("Ana Veld paid a courtesy call on Foreign Minister Per Lund on Monday.");
        assert_eq!(v[0].1, MeetingStatus::Held);
        let v = met("Ana Veld will pay a courtesy call on Foreign Minister Per Lund on Monday.");
        assert_eq!(
            (v[0].1, v[0].2),
            (MeetingStatus::Planned, NaiveDate::from_ymd_opt(2030, 6, 17))
        );
    }

    /// Class: contact told by a gesture or an appearance the parties made
    /// together: a handshake, an exchange of views, "a bilateral", a joint press
    /// conference.
    #[test]
    fn a_handshake_or_a_joint_appearance_is_a_meeting() {
        for text in [
            "Per Lund and Ana Veld shook hands in Lima on Monday.",
            "Ana Veld exchanged views with Per Lund on Monday.",
            "Ana Veld had a bilateral with Per Lund on Monday.",
            "Ana Veld addressed a joint press conference with Per Lund in Lima on Monday.",
        ] {
            let v = met(text);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(v[0].1, MeetingStatus::Held, "{text}: {v:?}");
            assert!(v[0].0.contains(&"Per Lund".to_string()), "{text}: {v:?}");
        }
        let v = met("Ana Veld will shake hands with Per Lund in Lima next week.");
        assert_eq!(
            v.first().map(|m| m.1),
            Some(MeetingStatus::Planned),
            "{v:?}"
        );
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
        // Each call on its own time: last night, then the morning of the telling.
        assert_eq!(
            (v[0].2, v[1].2),
            (d("2030-06-11"), d("2030-06-12")),
            "{v:?}"
        );
    }

    /// Class: "called on X" / "paid a call on X" is a visit, unless an appeal
    /// follows ("called on X to release the detainees", "calls on X for
    /// restraint").
    #[test]
    fn calling_on_someone_is_a_visit_unless_it_is_an_appeal() {
        let v = met("Ana Veld called on Per Lund at his office in Lima on Monday.");
        assert_eq!(
            v,
            [(
                vec!["Ana Veld".to_string(), "Per Lund".to_string()],
                MeetingStatus::Held,
                d("2030-06-10")
            )]
        );
        let v = met("Ana Veld will call on Per Lund in Lima on Friday.");
        assert_eq!(v[0].1, MeetingStatus::Planned, "{v:?}");
        for appeal in [
            "Ana Veld called on Per Lund and Tam Ruen to show restraint.",
            "Ana Veld calls on Per Lund for restraint.",
        ] {
            assert!(met(appeal).is_empty(), "{appeal}");
        }
    }

    /// Class: the sender and the addressee of a message carried to a meeting
    /// ("handed over the written message from A to B", "brought a letter from
    /// A") are no parties of it; "where" after a journey "from" a place is that
    /// place.
    #[test]
    fn a_message_names_no_party_and_where_is_the_origin() {
        let m = meetings_of(
            "Per Lund flew to Lima from Quito, where on Friday he held talks with Foreign \
             Minister Tam Ruen and handed over the written message from President Ana Veld \
             to Prime Minister Ola Brek.",
        );
        let who: Vec<&str> = m[0].participants.iter().map(|p| p.as_str()).collect();
        assert_eq!(who, ["Per Lund", "Tam Ruen"], "{m:?}");
        assert_eq!(m[0].place.as_deref(), Some("Quito"), "{m:?}");
        let v = met(
            "Tam Ruen received Per Lund, who brought a letter from President Ana Veld, \
                     in Lima on Monday.",
        );
        assert_eq!(parties(&v), [["Tam Ruen", "Per Lund"]], "{v:?}");
        // Class: an invitation accepted or extended to a meeting names who hosts
        // it and who comes; the city is where; one handed over is a message.
        for text in [
            "Per Lund accepted an invitation from Tam Ruen to visit Oslo in May.",
            "Tam Ruen extended an invitation to Per Lund to visit Oslo.",
        ] {
            let m = meetings_of(text);
            assert_eq!(m.len(), 1, "{text}: {m:?}");
            let mut who: Vec<&str> = m[0].participants.iter().map(|p| p.as_str()).collect();
            who.sort_unstable();
            assert_eq!(who, ["Per Lund", "Tam Ruen"], "{text}: {m:?}");
            assert_eq!(m[0].place.as_deref(), Some("Oslo"), "{text}: {m:?}");
        }
        let v =
            met("Per Lund handed over an invitation from Tam Ruen to attend the summit in Oslo.");
        assert!(v.is_empty(), "{v:?}");
    }

    /// Class: a meeting named by the format of its sides ("a Chile-Peru
    /// ministers' meeting") is apart from one of a wider format the same day
    /// ("the Chile-Peru-Bolivia meeting").
    #[test]
    fn a_format_of_two_sides_is_apart_from_one_of_three() {
        let v = met(
            "Ana Veld held a Chile-Peru ministers' meeting in Lima on Monday with Per \
                     Lund. Earlier that day, Ana Veld chaired a Chile-Peru-Bolivia ministers' \
                     meeting with Per Lund and Tam Ruen.",
        );
        assert_eq!(
            parties(&v),
            [
                vec!["Ana Veld", "Per Lund"],
                vec!["Ana Veld", "Per Lund", "Tam Ruen"]
            ],
            "{v:?}"
        );
    }

    /// Class: every sovereign state is a country ("the Maldives and Bhutan held
    /// talks"; "Prime Minister X of the Republic of Cabo Verde" is X, for Cabo
    /// Verde), not only the ones the sample mentioned.
    #[test]
    fn small_states_are_countries_too() {
        let v = met("The Maldives and Bhutan held talks in Malé on Monday.");
        assert_eq!(parties(&v), [["Maldives", "Bhutan"]], "{v:?}");
        let v = met(
            "Ana Veld met Prime Minister Per Lund of the Republic of Cabo Verde in \
                     Praia on Monday.",
        );
        assert_eq!(parties(&v), [["Ana Veld", "Per Lund"]], "{v:?}");
    }

    /// Class: the bodies named in the title set off after a person ("Per Lund,
    /// Chairman of the Executive Board of the African Union", "Member of the
    /// Political Bureau of the Communist Party") are where that person sits,
    /// no parties beside them.
    #[test]
    fn bodies_in_a_persons_title_are_no_parties() {
        let v = met(
            "Ana Veld met Per Lund, Chairman of the Executive Board of the African \
                     Union, in Lima on Monday.",
        );
        assert_eq!(parties(&v), [["Ana Veld", "Per Lund"]], "{v:?}");
    }

    /// Class: views exchanged by phone ("exchanged views by phone", "by
    /// telephone") are a call held.
    #[test]
    fn views_exchanged_by_phone_are_a_call() {
        let m = meetings_of("Ana Veld and Per Lund exchanged views by phone on Monday.");
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(
            (m[0].status, m[0].kind),
            (MeetingStatus::Held, MeetingKind::Call),
            "{m:?}"
        );
    }

    /// Class: the country a border or frontier is "with" is where something
    /// lies, not a party.
    #[test]
    fn the_country_a_border_is_with_is_no_party() {
        let v = met(
            "Chile's government and the Lund movement, an armed group active along \
                     the border with Peru, ended a round of talks in Lima on Thursday.",
        );
        assert!(
            v.iter().all(|m| !m.0.contains(&"Peru".to_string())),
            "{v:?}"
        );
    }

    /// Class: a country named before people who do not act for it ("U.S.
    /// exchange students", "Chinese business leaders", "Indian nationals") is no
    /// party: meeting them meets no government.
    #[test]
    fn a_country_before_private_people_is_no_party() {
        for text in [
            "Ana Veld will meet with U.S. exchange students and alumni in Zagreb.",
            "Ana Veld met Chinese business leaders in Oslo on Monday.",
            "Ana Veld met detained Indian nationals in Oslo on Monday.",
        ] {
            assert!(met(text).is_empty(), "{text}: {:?}", met(text));
        }
        // Those who act for it still make it a party.
        let v = met("Ana Veld met U.S. officials in Oslo on Monday.");
        assert!(
            v.iter().any(|m| m.0.contains(&"United States".to_string())),
            "{v:?}"
        );
    }

    /// Class: those who come along with a party ("accompanied by", "joined by",
    /// "flanked by") are on its side; with no one else named, nobody is met.
    #[test]
    fn a_companion_is_on_the_same_side() {
        let v = met(
            "Ana Veld, accompanied by Under Secretary Per Lund, will meet business \
                     and civil society stakeholders.",
        );
        assert!(v.is_empty(), "{v:?}");
        // A title in small letters, or after a comma, stands between as well.
        for text in [
            "Ana Veld, accompanied by deputy minister Tam Ruen, will meet with business \
             leaders in Oslo.",
            "Ana Veld, joined by her deputy, Tam Ruen, met students in Oslo on Monday.",
            "Ana Veld, accompanied by Under Secretary for Economic Growth, Energy, and the \
             Environment Tam Ruen, will meet with civil society stakeholders.",
        ] {
            assert!(met(text).is_empty(), "{:?}", met(text));
        }
        let v = met(
            "Ana Veld, accompanied by Under Secretary Per Lund, will meet Foreign \
                     Minister Tam Ruen on Friday.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(v[0].0.contains(&"Tam Ruen".to_string()), "{v:?}");
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

    /// Class: a verb of discussing with its topic first, then "with" and the other
    /// side, and the means of contact told apart from the cue ("by phone").
    #[test]
    fn discussing_a_topic_with_someone_is_a_meeting_by_its_means() {
        let v = met("Ola Brek discussed the border dispute with Tam Ruen on Monday.");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"]);
        let doc = Doc::read(
            "Ola Brek discussed the harvest over the phone with President Tam Ruen.",
            NaiveDate::from_ymd_opt(2030, 6, 12).unwrap_or_default(),
        );
        let said = super::super::speech::statements(&doc);
        let m = meetings(&doc, "", &said, &MEETING_MODELS);
        assert_eq!(m.len(), 1, "{m:?}");
        assert_eq!(m[0].kind, MeetingKind::Call);
        // What is discussed stays a topic.
        let v = met("Ola Brek and Tam Ruen discussed the offer by Norway and Chile.");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"]);
    }

    /// Class: a name right after "at" is the venue, even one the article does not
    /// know ("the Naval Observatory"); a meeting dated before the article by its
    /// own words was held, though its cue ("visit") tells one to come.
    #[test]
    fn a_venue_is_no_party_and_a_past_date_a_held_meeting() {
        let v = met("Ola Brek hosted Tam Ruen at the Lakeside Pavilion on Monday.");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"]);
        let v = met("This follows the trip of Ola Brek to visit Tam Ruen in Lima in May 2029.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].1, MeetingStatus::Held);
    }

    /// Class: a list of those who meet opens the sentence, its last item after
    /// ", and", before the cue; after a cue ", and" opens another meeting.
    #[test]
    fn a_list_of_subjects_with_a_serial_comma_meets_together() {
        let v = met(
            "Adviser Ola Brek of Norway, Adviser Tam Ruen of Chile, and Adviser Ana Veld \
             of Peru gathered for the first time in Lima on Monday.",
        );
        assert_eq!(
            parties(&v),
            [vec!["Ola Brek", "Tam Ruen", "Ana Veld"]],
            "{v:?}"
        );
        let v = met("Ola Brek met Tam Ruen on Monday, and Ana Veld met Per Lund on Tuesday.");
        assert_eq!(
            parties(&v),
            [vec!["Ola Brek", "Tam Ruen"], vec!["Ana Veld", "Per Lund"]]
        );
    }

    /// Class: an appeal for talks ("called for talks with Y", "urged direct
    /// talks") is no meeting; a gerund after "after" ("told reporters after
    /// meeting Y") is the main subject's meeting, past a verb of saying.
    #[test]
    fn an_appeal_for_talks_is_none_and_after_meeting_is_the_subjects() {
        let intro = "President Ola Brek spoke. Prime Minister Tam Ruen spoke. ";
        let v = met(&format!("{intro}Brek called for talks with Ruen."));
        assert!(v.is_empty(), "{v:?}");
        let v = met(&format!("{intro}Brek urged direct talks with Ruen."));
        assert!(v.is_empty(), "{v:?}");
        let v = met(&format!(
            "{intro}Brek told reporters after meeting Ruen that the talks went well."
        ));
        assert_eq!(parties(&v), [vec!["Ola Brek", "Tam Ruen"]], "{v:?}");
        assert_eq!(v[0].1, MeetingStatus::Held);
    }

    /// Class: "meet" as satisfying a standard ("meet the timetable", "failed to
    /// meet the deadline set by X") is no meeting.
    #[test]
    fn meeting_a_deadline_is_no_meeting() {
        assert!(met("Ola Brek said both sides would meet the timetable.").is_empty());
        assert!(met("Norway and Chile failed to meet the deadline set by Peru.").is_empty());
        let v = met("Ola Brek met Tam Ruen to discuss the deadline.");
        assert_eq!(parties(&v), [vec!["Ola Brek", "Tam Ruen"]]);
    }

    /// Class: shuttle diplomacy ("shuttled between the two delegations", "moved
    /// between delegations led by A and B") is one meeting of the mediator and
    /// both sides; moving between places is none.
    #[test]
    fn a_mediator_moving_between_delegations_meets_both() {
        let v =
            met("Envoy Ola Brek shuttled between the Chilean and Peruvian delegations in Quito.");
        assert_eq!(parties(&v), [vec!["Ola Brek", "Chile", "Peru"]], "{v:?}");
        assert_eq!(v[0].1, MeetingStatus::Held);
        assert!(met("Ola Brek moved between the villages on Monday.").is_empty());
    }

    /// Class: the purpose of a journey told in the past was carried out
    /// ("traveled to Lima on Monday to meet Y"); a journey to come stays a plan.
    #[test]
    fn a_past_journey_to_meet_someone_is_a_held_meeting() {
        let v = met("Ola Brek traveled to Lima on Monday to meet Tam Ruen.");
        assert_eq!(v[0].1, MeetingStatus::Held, "{v:?}");
        assert_eq!(v[0].2, NaiveDate::from_ymd_opt(2030, 6, 10));
        let v = met("Ola Brek will travel to Lima to meet Tam Ruen.");
        assert_eq!(v[0].1, MeetingStatus::Planned, "{v:?}");
    }

    /// Class: on a tour, "officials from the Governments of A and B" met the
    /// visitor government by government.
    #[test]
    fn officials_of_several_governments_are_met_apart() {
        let v = met("Ola Brek met with officials from the Governments of Chile and Peru in May.");
        assert_eq!(
            parties(&v),
            [vec!["Ola Brek", "Chile"], vec!["Ola Brek", "Peru"]],
            "{v:?}"
        );
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

    /// Class: a state acting through its institutions ("the Congolese government",
    /// "the Sudanese army", "the Malian junta", "the Chilean authorities") meets
    /// as the country, beside a body named by its own name.
    #[test]
    fn a_state_through_its_government_or_army_meets_as_the_country() {
        for (text, country) in [
            (
                "The Chilean government and the Lund Front signed a truce in Lima on Monday.",
                "Chile",
            ),
            (
                "The Peruvian army and the Lund Front held talks in Quito on Monday.",
                "Peru",
            ),
            (
                "Representatives of the Bolivian junta and the Lund Front met in Lima on Monday.",
                "Bolivia",
            ),
            (
                "The Chilean authorities met the Lund Front in Santiago on Monday.",
                "Chile",
            ),
        ] {
            let v = met(text);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert!(v[0].0.iter().any(|p| p == country), "{text}: {v:?}");
            assert!(v[0].0.iter().any(|p| p == "Lund Front"), "{text}: {v:?}");
        }
    }

    /// Class: a country's office named after its possessive with no name
    /// ("Chile's foreign minister met …", "hosted Chile's president") is the
    /// person the article introduced in that office, else the country.
    #[test]
    fn a_country_s_office_without_a_name_is_its_holder_or_the_country() {
        let v = met("Chile's foreign minister met Peru's foreign minister in Lima on Monday.");
        assert_eq!(parties(&v), [["Chile", "Peru"]], "{v:?}");
        let v = met("Peru's president hosted Chile's president in Lima on Monday.");
        assert_eq!(parties(&v), [["Peru", "Chile"]], "{v:?}");
        let v = met(
            "Chilean Foreign Minister Ana Veld arrived in Lima on Sunday. \
             On Monday, Chile's foreign minister met Per Lund.",
        );
        assert_eq!(parties(&v), [["Ana Veld", "Per Lund"]], "{v:?}");
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

    /// Class: a follow-up article that names the parties by their surnames only
    /// ("Veld and Lund held talks on Monday", "Lund met Ana Veld"): two
    /// capitalised words the lists do not know, joined by "and" before a verb of
    /// meeting or saying, are people, and so is one opening its clause before
    /// one. Not before another verb ("as Brexit and Covid weighed on trade").
    #[test]
    fn surnames_joined_before_a_meeting_verb_are_people() {
        let v = met("Veld and Lund held talks in Lima on Monday.");
        assert_eq!(parties(&v), [["Veld", "Lund"]], "{v:?}");
        let v = met("Veld and Lund will meet again in April.");
        assert_eq!(
            v.first().map(|m| m.1),
            Some(MeetingStatus::Planned),
            "{v:?}"
        );
        let v = met("Ana Veld met Per Lund as Brexit and Covid weighed on trade.");
        assert_eq!(parties(&v), [["Ana Veld", "Per Lund"]], "{v:?}");
        // One surname opening its clause before a verb of meeting.
        let v = met("Lund met Ana Veld in Lima on Monday.");
        assert_eq!(parties(&v), [["Lund", "Ana Veld"]], "{v:?}");
    }

    /// Class: "X and Y spoke" or "talked" with no "with", "to" or "by phone" is
    /// a conversation of those named before the verb; one named after it is what
    /// was spoken of, and "spoke with one voice" is agreement.
    #[test]
    fn a_joint_subject_that_spoke_held_a_conversation() {
        for text in [
            "Ana Veld and Per Lund spoke on Monday.",
            "Ana Veld and Per Lund last spoke in January.",
            "Ana Veld and Per Lund talked on Monday.",
        ] {
            let v = met(text);
            assert_eq!(parties(&v), [["Ana Veld", "Per Lund"]], "{text}: {v:?}");
            assert_eq!(v[0].1, MeetingStatus::Held, "{text}");
        }
        for text in [
            "Ana Veld spoke highly of Per Lund on Monday.",
            "Ana Veld spoke on Monday, a day after Per Lund warned of sanctions.",
            "Chile and Peru spoke with one voice on the border.",
            // One speaker, with a name elsewhere before the verb: no one spoke
            // with anyone.
            "On Peru, something Ana Veld has talked about is her gratitude for Chile.",
            "Per Lund said: I talked about this last week with reporters.",
        ] {
            assert!(met(text).is_empty(), "{text}: {:?}", met(text));
        }
        let v = met(
            "Presidents Ana Veld and Per Lund met in Lima on Monday. The two leaders last spoke in May.",
        );
        assert!(v.iter().all(|m| m.0 == ["Ana Veld", "Per Lund"]), "{v:?}");
        // A time between the verb and the rest of its cue keeps the cue.
        let v = meetings_of("Ana Veld spoke yesterday with Per Lund.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].kind, MeetingKind::Call, "{v:?}");
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
        // Two days of talks that ended on Monday began on Sunday: their first day.
        assert_eq!(v[0].2, d("2030-06-09"));
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

    /// Class: a round announced in a quotation ("“The second round will be held
    /// in Bergen on June 20,” X said"): the round is the last meeting's parties',
    /// as it is when the announcement is reported.
    #[test]
    fn a_round_announced_in_a_quotation_is_the_last_meetings() {
        for text in [
            "Ana Veld and Per Lund held talks in Oslo on Monday. “The second round will be held in Bergen on June 20,” Veld said.",
            "Ana Veld and Per Lund held talks in Oslo on Monday. \"The next round is due to open here in Oslo on June 20,\" Veld said.",
        ] {
            let v = met(text);
            assert_eq!(v.len(), 2, "{v:?}");
            assert_eq!(v[1].0, ["Ana Veld", "Per Lund"]);
            assert_eq!((v[1].1, v[1].2), (MeetingStatus::Planned, d("2030-06-20")));
        }
    }

    /// Class: "we … again" in the words of a party of the last meeting ("“We
    /// will meet again in Bergen on June 20,” Veld said") is that meeting's
    /// parties; in anyone else's words "we" is the speaker's side, no party
    /// the text names.
    #[test]
    fn we_meet_again_in_a_partys_words_is_the_last_meetings_parties() {
        let v = met(
            "Ana Veld and Per Lund held talks in Oslo on Monday. “We will meet again in Bergen on June 20,” Veld said.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[1].0, ["Ana Veld", "Per Lund"]);
        assert_eq!((v[1].1, v[1].2), (MeetingStatus::Planned, d("2030-06-20")));
        let v = met(
            "Ana Veld and Per Lund held talks in Oslo on Monday. “We will meet again in Bergen on June 20,” said Tam Ruen, a spokesman for the Lund Front.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
    }

    /// Class: two events of the same parties in one sentence, each by its own
    /// means or in its own place ("spoke with X by phone on Monday and met him in
    /// Bergen on Wednesday", "met X in Oslo on Monday and again in Bergen on
    /// Wednesday"): two meetings, each with its kind, day and place; "met X in
    /// Oslo and held talks on trade" stays one.
    #[test]
    fn two_events_of_one_sentence_keep_their_own_means_and_places() {
        let v = meetings_of(
            "Ana Veld spoke with Per Lund by phone on Monday and met him in Bergen on Wednesday.",
        );
        let got: Vec<_> = v
            .iter()
            .map(|m| (m.kind, m.place.as_deref(), m.date))
            .collect();
        assert_eq!(
            got,
            [
                (MeetingKind::Call, None, d("2030-06-10")),
                (MeetingKind::InPerson, Some("Bergen"), d("2030-06-12")),
            ]
        );
        let v = meetings_of(
            "Ana Veld met Per Lund in Oslo on Monday and again in Bergen on Wednesday.",
        );
        let got: Vec<_> = v.iter().map(|m| (m.place.as_deref(), m.date)).collect();
        assert_eq!(
            got,
            [
                (Some("Oslo"), d("2030-06-10")),
                (Some("Bergen"), d("2030-06-12"))
            ]
        );
        assert_eq!(
            met("Ana Veld met Per Lund in Oslo and held talks on trade.").len(),
            1
        );
    }

    /// Class: people described by an office set off after their names ("Per
    /// Lund, the Swedish foreign minister, and Ana Veld, his Norwegian
    /// counterpart, met"; "met Ana Veld, his Norwegian counterpart,"): the
    /// subject goes on past the description, and the counterpart is the name
    /// it follows, not a country besides it. Unnamed, the counterpart is still
    /// the country.
    #[test]
    fn offices_set_off_after_names_describe_them() {
        for text in [
            "Per Lund, the Swedish foreign minister, and Ana Veld, his Norwegian counterpart, met in Oslo on Tuesday.",
            "Per Lund, the Swedish foreign minister, and Ana Veld, the Norwegian foreign minister, met in Oslo on Tuesday.",
            "Per Lund, Sweden's foreign minister, and Ana Veld met in Oslo on Tuesday.",
            "Per Lund met Ana Veld, his Norwegian counterpart, in Oslo on Tuesday.",
        ] {
            assert_eq!(parties(&met(text)), [["Per Lund", "Ana Veld"]], "{text}");
        }
        let v = met("Per Lund met his Norwegian counterpart in Oslo on Tuesday.");
        assert_eq!(parties(&v), [["Per Lund", "Norway"]]);
    }

    /// Class: the country or city visited, in a clause that names the people
    /// met, is where they meet ("will visit Sweden next month for talks with Per
    /// Lund", "invited Per Lund to visit Oslo"); alone ("will visit Sweden") the
    /// visit is a meeting with the country.
    #[test]
    fn a_place_visited_to_meet_someone_is_no_party() {
        let names = |m: &Meeting| {
            m.participants
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
        };
        let v = meetings_of("Ana Veld will visit Sweden next month for talks with Per Lund.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(names(&v[0]), ["Ana Veld", "Per Lund"]);
        assert_eq!(v[0].place.as_deref(), Some("Sweden"));
        let v = meetings_of("Ana Veld invited Per Lund to visit Oslo.");
        assert_eq!(names(&v[0]), ["Ana Veld", "Per Lund"]);
        assert_eq!(v[0].place.as_deref(), Some("Oslo"));
        assert_eq!(
            parties(&met("Ana Veld will visit Sweden next month.")),
            [["Ana Veld", "Sweden"]]
        );
    }

    /// Class: the meetings of a journey called off, told in the clause of its
    /// "where" ("postponed her trip to Stockholm, where she was to meet Per
    /// Lund"), are called off with it; a journey begun keeps them to come.
    #[test]
    fn a_meeting_of_a_journey_called_off_is_called_off() {
        for text in [
            "Ana Veld postponed her trip to Stockholm, where she was to meet Per Lund on Friday.",
            "Ana Veld cancelled her trip to Stockholm, where she was due to meet Per Lund.",
        ] {
            let v = met(text);
            assert_eq!(v.len(), 1, "{v:?}");
            assert_eq!(v[0].1, MeetingStatus::Cancelled, "{text}");
        }
        let v =
            met("Ana Veld began her trip to Stockholm, where she will meet Per Lund on Friday.");
        assert_eq!(v[0].1, MeetingStatus::Planned);
    }

    pub(super) fn parties(v: &[(Vec<String>, MeetingStatus, Option<NaiveDate>)]) -> Vec<Vec<&str>> {
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

    /// Class: a second predicate under the sentence's future ("will travel on
    /// May 14 to attend X, and join the Y meeting"): dated by the journey or the
    /// sentence to a day after the article, no meeting of it has taken place.
    #[test]
    fn a_meeting_the_sentence_dates_after_the_article_is_to_come() {
        let mut found = 0;
        for text in [
            "Ana Veld will travel to Norway and Sweden July 14-16 to attend the summit of \
             Nordic ministers in Oslo, and join the Norway-Sweden council meeting in Bergen.",
            "Ana Veld will travel to Oslo on July 14 and join the talks between Per Lund and Tam Ruen.",
            "Ana Veld will fly to Oslo on July 14, and was received there by Per Lund.",
        ] {
            let v = met(text);
            found += v.len();
            let published = d("2030-06-12");
            assert!(
                v.iter()
                    .all(|m| m.1 != MeetingStatus::Held || m.2 <= published),
                "{text}: {v:?}"
            );
        }
        assert!(found >= 2, "{found}");
    }

    /// Class: the sides of a meeting written as one compound before its noun,
    /// whatever joins them and however long a side is: an en dash ("the
    /// Norway–Sweden summit"), a hyphen after a dotted abbreviation ("the
    /// U.S.-China talks"), a side of two words ("the Norway-South Korea talks").
    #[test]
    fn a_compound_of_sides_names_both_whatever_joins_them() {
        for (text, want) in [
            (
                "The Norway–Sweden summit was held in Oslo on Monday.",
                ["Norway", "Sweden"],
            ),
            (
                "The U.S.-Norway talks resumed in Oslo on Monday.",
                ["United States", "Norway"],
            ),
            (
                "The Norway-South Korea talks resumed in Oslo on Monday.",
                ["Norway", "South Korea"],
            ),
            (
                "The United States–Norway talks resumed in Oslo on Monday.",
                ["United States", "Norway"],
            ),
        ] {
            assert_eq!(parties(&met(text)), [want], "{text}");
        }
        // A list of compounds is one meeting per compound.
        let v =
            met("The Norway-Sweden, Norway-Finland and Sweden-Finland summits were held in June.");
        assert_eq!(
            parties(&v),
            [
                ["Norway", "Sweden"],
                ["Norway", "Finland"],
                ["Sweden", "Finland"]
            ]
        );
        let v = met(
            "Recalling the recent Norway-Sweden and Sweden-Finland summit meetings, the \
             ministers reaffirmed the cooperation among Norway, Sweden and Finland.",
        );
        assert_eq!(parties(&v), [["Norway", "Sweden"], ["Sweden", "Finland"]]);
        // Spaces around a dash make it the sentence's dash, no compound.
        assert!(met("Norway – Sweden talks are not the issue, Ana Veld said.").is_empty());
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
    fn i_in_a_quotation_or_a_turn_is_its_speaker() {
        // Language class: first-person accounts of a meeting in remarks,
        // transcripts and quoted speech ("I spoke with", "my call with").
        let v = met("“I spoke with President Tam Ruen on Monday about the border,” Ola Brek said.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ola Brek", "Tam Ruen"]);
        assert_eq!(v[0].1, MeetingStatus::Held);
        let v = met(
            "MINISTER OLA BREK: Good morning. Yesterday I met Prime Minister Tam Ruen in Lima.\n\nOn Friday I will speak with President Ana Veld.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        // A label in capitals gives the surname, as the transcript's statements do.
        assert_eq!(v[0].0, ["Brek", "Tam Ruen"]);
        assert_eq!(v[1].0, ["Brek", "Ana Veld"]);
        assert_eq!(v[1].1, MeetingStatus::Planned);
        // Outside anyone's words, "I" is the unnamed writer: no party.
        assert!(met("Yesterday I met Prime Minister Tam Ruen in Lima.").is_empty());
    }

    #[test]
    fn a_name_in_the_possessive_before_the_cue_holds_the_meeting() {
        // Language class: "X's meeting with Y", "X's first talks with Y".
        let v = met("Ana Veld's meeting with Tam Ruen on Monday was tense.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ana Veld", "Tam Ruen"]);
        let v = met("Chile's first talks with Peru in a decade ended without a deal on Monday.");
        assert_eq!(v[0].0, ["Chile", "Peru"], "{v:?}");
        // A possessive elsewhere in the clause describes something else.
        let v = met("Peru's border dominated the talks between Ana Veld and Tam Ruen on Monday.");
        assert_eq!(v[0].0, ["Ana Veld", "Tam Ruen"], "{v:?}");
    }

    #[test]
    fn the_sides_of_a_relation_are_no_parties() {
        // Language class: "the alliance / ties / border between A and B" told in a
        // readout of someone else's meeting.
        let v = met(
            "Ana Veld met Prime Minister Tam Ruen in Lima on Monday. They reaffirmed the alliance between Chile and Peru and discussed the border.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ana Veld", "Tam Ruen"]);
        // Talks between two sides are still a meeting of both.
        let v = met("The talks between Chile and Peru ended in Lima on Monday.");
        assert_eq!(v[0].0, ["Chile", "Peru"], "{v:?}");
    }

    #[test]
    fn a_second_predicate_after_and_has_the_first_subject() {
        // Language class: ", and later held a separate call with Z": one subject,
        // two meetings.
        let v = met(
            "Ana Veld received a phone call from President Tam Ruen on Monday, and later held a separate call with Per Lund.",
        );
        assert_eq!(v.len(), 2, "{v:?}");
        assert_eq!(v[0].0, ["Ana Veld", "Tam Ruen"]);
        assert_eq!(v[1].0, ["Ana Veld", "Per Lund"]);
        // A clause with a subject of its own keeps it.
        let v = met(
            "Ana Veld received a phone call from President Tam Ruen on Monday, and the two leaders later held a call with Per Lund.",
        );
        assert!(v.iter().all(|m| m.0 != ["Ana Veld", "Per Lund"]), "{v:?}");
    }

    #[test]
    fn a_call_from_a_name_is_from_a_person() {
        // Language class: "a call from X", "spoke to X": after a word of address,
        // "from" and "to" lead to a person, not a place.
        let v = met("Ana Veld received a phone call from Ola Brek on Monday.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ana Veld", "Ola Brek"]);
        let v = met("Ana Veld spoke to Ola Brek on Monday.");
        assert_eq!(v[0].0, ["Ana Veld", "Ola Brek"], "{v:?}");
        // A place after another preposition stays a place.
        let v = met("Ana Veld flew to Santa Cruz on Monday and met Ola Brek.");
        assert!(
            v.iter().all(|m| !m.0.iter().any(|p| p == "Santa Cruz")),
            "{v:?}"
        );
    }

    #[test]
    fn an_unnamed_counterpart_is_the_country() {
        // Language class: "her Rwandan counterpart" with no name given and nobody
        // named for that country elsewhere in the article.
        let v = met("Ana Veld met her Peruvian counterpart in Lima on Monday.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].0, ["Ana Veld", "Peru"]);
        let v = met("Ana Veld met her Peruvian counterpart, Tam Ruen, in Lima on Monday.");
        assert_eq!(v[0].0, ["Ana Veld", "Tam Ruen"]);
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
        // Class: people who led the delegations stand for the countries the
        // article ties them to.
        let v = met(
            "Chile and Peru held talks in Lima on Monday. Chile's foreign minister, Ola \
             Brek, also took part.",
        );
        assert_eq!(v[0].0, ["Peru", "Ola Brek"], "{v:?}");
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

    /// Class: a pronoun after "X's office / spokesman / aides said" stands for X,
    /// not for the office that speaks.
    #[test]
    fn a_pronoun_after_someone_s_office_is_that_someone() {
        for text in [
            "Ana Veld's office said she would meet Per Lund on Thursday.",
            "Ana Veld's spokesman said she would meet Per Lund on Thursday.",
        ] {
            let v = met(text);
            assert_eq!(parties(&v), [["Ana Veld", "Per Lund"]], "{text}");
        }
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

    /// "where he met …" tells what happened on the stay of the clause before it:
    /// that stay's day and place, unless the clause gives its own.
    #[test]
    fn a_where_clause_takes_the_day_and_place_of_the_stay() {
        let read = |text: &str| {
            meetings_of(text)
                .into_iter()
                .map(|m| (m.date, m.place))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            read("Tam Ruen arrived in Oslo on Monday, where he met Ola Brek."),
            [(d("2030-06-10"), Some("Oslo".to_string()))]
        );
        assert_eq!(
            read("Tam Ruen arrived in Oslo on Monday, where he will meet Ola Brek on Friday."),
            [(d("2030-06-14"), Some("Oslo".to_string()))]
        );
    }

    /// "X told Y during a phone call that …": the call is an adverbial of the
    /// telling, so teller and hearer are its parties; the content after "that"
    /// (or a call in which "X said that A met B") keeps its own parties.
    #[test]
    fn a_call_during_which_one_told_the_other_is_theirs() {
        let v = met("Ola Brek told Tam Ruen during a phone call on Monday that Norway would help.");
        assert_eq!(parties(&v), [["Ola Brek", "Tam Ruen"]]);
        assert_eq!(v[0].2, d("2030-06-10"));
        let v = met("Ola Brek said in a phone call that Tam Ruen met Per Lund.");
        assert_eq!(parties(&v), [["Tam Ruen", "Per Lund"]]);
    }

    /// "they" after "A … with B" in one sentence are A and B; a meeting told twice
    /// in one sentence keeps the means one of the tellings gives.
    #[test]
    fn they_after_a_with_are_the_two_it_joins() {
        let v = met("Ola Brek raised the detainees with Tam Ruen when they met in Oslo on Monday.");
        assert_eq!(parties(&v), [["Ola Brek", "Tam Ruen"]]);
        let v = meetings_of(
            "Ola Brek discussed trade with Tam Ruen when they spoke by phone on Monday.",
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].kind, MeetingKind::Call);
    }

    /// Names joined by "or" are alternatives ("hosted by Oman, Qatar or Egypt"):
    /// no meeting of them together.
    #[test]
    fn alternatives_joined_by_or_met_no_one() {
        assert!(met("Earlier rounds were hosted by Ruritania, Oman or Qatar.").is_empty());
        assert_eq!(
            parties(&met("Oman and Qatar hosted the round on Monday.")),
            [["Oman", "Qatar"]]
        );
    }

    /// The gathering a meeting was held on the margins of is no party; "received a
    /// call from" is a call; "led the delegation to the talks" tells them held.
    #[test]
    fn occasion_means_and_leading_a_delegation_are_read() {
        let v = met("Ola Brek held a bilateral meeting with Tam Ruen on the margins of the G20.");
        assert_eq!(parties(&v), [["Ola Brek", "Tam Ruen"]]);
        let v = meetings_of("Ola Brek received a call from Tam Ruen on Monday.");
        assert_eq!(v.first().map(|m| m.kind), Some(MeetingKind::Call));
        let v = met("Ola Brek led the delegation to the talks with Tam Ruen in Oslo on Monday.");
        assert_eq!((v[0].1, v[0].2), (MeetingStatus::Held, d("2030-06-10")));
    }

    /// "separate" or "bilateral" meetings with several parties are one meeting
    /// with each.
    #[test]
    fn separate_meetings_with_several_are_one_with_each() {
        let v = met("Ola Brek held separate meetings with Tam Ruen and Per Lund on Monday.");
        assert_eq!(
            parties(&v),
            [["Ola Brek", "Tam Ruen"], ["Ola Brek", "Per Lund"]]
        );
        let v = met("Ola Brek held bilateral meetings with Tam Ruen and Per Lund on Monday.");
        assert_eq!(v.len(), 2);
        // Class: the subject of a relative clause ("X, who met A and B
        // separately, said …") met each.
        let v = met(
            "Ola Brek, who met Tam Ruen and Per Lund separately on Monday, said more talks were needed.",
        );
        assert_eq!(
            parties(&v),
            [["Ola Brek", "Tam Ruen"], ["Ola Brek", "Per Lund"]]
        );
    }

    /// Class: one call with a list of parties is one conversation of them all
    /// ("held a video call with A, B and C", "spoke with A and B", as readouts
    /// list the leaders of a conference call); calls in the plural, "with A and
    /// with B" and "separately" are one call with each.
    #[test]
    fn one_call_with_a_list_is_one_call_of_them_all() {
        for text in [
            "Ola Brek held a video call on Monday with Tam Ruen, Per Lund and Ana Veld.",
            "Ola Brek spoke by phone on Monday with Tam Ruen, Per Lund and Ana Veld.",
        ] {
            assert_eq!(
                parties(&met(text)),
                [["Ola Brek", "Tam Ruen", "Per Lund", "Ana Veld"]],
                "{text}"
            );
        }
        for text in [
            "Ola Brek held phone calls on Monday with Tam Ruen, Per Lund and Ana Veld.",
            "Ola Brek spoke by phone on Monday with Tam Ruen and with Per Lund.",
            "Ola Brek spoke by phone with Tam Ruen and Per Lund separately on Monday.",
        ] {
            let v = met(text);
            assert!(v.len() >= 2, "{text}: {v:?}");
            assert!(v.iter().all(|m| m.0.len() == 2), "{text}: {v:?}");
        }
    }

    /// Class: a group sent to talk "for" a side ("the negotiators for Norway and
    /// the Lund Front", "delegations for Norway and Sweden") speaks for it: the
    /// sides are the parties; an envoy "for" a country names what the envoy
    /// deals with, no party.
    #[test]
    fn negotiators_for_a_side_act_for_it() {
        for text in [
            "The negotiators for Norway and the Lund Front met in Bergen on Monday.",
            "Delegations for Norway and the Lund Front held talks in Bergen on Monday.",
            "Negotiators for Norway and the Lund Front wrapped up a round of talks in Bergen on Monday.",
        ] {
            assert_eq!(parties(&met(text)), [["Norway", "Lund Front"]], "{text}");
        }
        let v = met("The envoy for Sweden, Ana Veld, met Per Lund in Oslo on Monday.");
        assert_eq!(parties(&v), [["Ana Veld", "Per Lund"]]);
    }

    /// Class: a meeting at the end of a journey ("will travel to Oslo on Monday
    /// for talks with X", "travelled to Oslo and was received by X") is held
    /// where the journey goes.
    #[test]
    fn a_meeting_after_a_journey_is_where_it_goes() {
        for text in [
            "Ana Veld will travel to Oslo on Monday for talks with Per Lund.",
            "Ana Veld travelled to Oslo on Monday and was received by Per Lund.",
            "Ana Veld flew to Oslo on July 8, 2018, and was welcomed at the airport by \
             Per Lund.",
        ] {
            let m = meetings_of(text);
            assert_eq!(m.len(), 1, "{m:?}");
            assert_eq!(m[0].place.as_deref(), Some("Oslo"), "{text}: {m:?}");
        }
    }

    /// Class: the same parties meeting in two places ("met in Oslo on Monday …
    /// they met in Bergen in January"): two meetings, not one told twice.
    #[test]
    fn the_same_parties_in_two_cities_met_twice() {
        let m = meetings_of(
            "Ana Veld met Per Lund in Oslo on Monday. It was the second meeting between \
             the two this year; they met in Bergen in January.",
        );
        let places: Vec<_> = m.iter().filter_map(|m| m.place.as_deref()).collect();
        assert!(
            places.contains(&"Oslo") && places.contains(&"Bergen"),
            "{m:?}"
        );
        // A place the sentence gives to another event is no second stay.
        let m = meetings_of(
            "Ana Veld met Per Lund in Oslo on Monday. The two ministers also discussed \
             the summit in Bergen, where the presidents are expected to meet.",
        );
        assert!(
            !m.iter()
                .any(|m| m.status == MeetingStatus::Held && m.place.as_deref() == Some("Bergen")),
            "{m:?}"
        );
        // Told again with the venue in the city, it is one meeting.
        let m = meetings_of(
            "Ana Veld met Per Lund in Oslo on Monday. The two met at Oslo City Hall for \
             three hours.",
        );
        assert_eq!(m.len(), 1, "{m:?}");
    }

    /// Class: a meeting put on a schedule by a raising verb ("are due to open",
    /// "is set to resume", "are expected to begin"): the place and day after the
    /// "to" are the meeting's, not those of a purpose.
    #[test]
    fn the_place_and_day_of_a_scheduled_meeting_follow_its_to() {
        for text in [
            "Talks between Ana Veld and Per Lund are due to open in Oslo on Thursday.",
            "Talks between Ana Veld and Per Lund are set to resume in Oslo on Thursday.",
        ] {
            let m = meetings_of(text);
            assert_eq!(m.len(), 1, "{m:?}");
            assert_eq!(m[0].status, MeetingStatus::Planned, "{m:?}");
            assert_eq!(m[0].place.as_deref(), Some("Oslo"), "{m:?}");
            assert_eq!(m[0].date, d("2030-06-13"), "{m:?}");
        }
        // A purpose after a meeting still tells why, not where the meeting was.
        let m = meetings_of("Ana Veld met Per Lund on Monday to prepare a visit to Oslo.");
        assert_eq!(m[0].place, None, "{m:?}");
    }
}
