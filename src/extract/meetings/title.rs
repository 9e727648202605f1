//! What a record's title tells the meeting rules. Official transcripts are titled
//! by the meeting they were spoken at ("Remarks by President X and Prime Minister
//! Y of Z Before Bilateral Meeting", "Secretary X and Foreign Minister Y before
//! Their Meeting"), and their text seldom tells it again: the speakers greet each
//! other and go on to their subject. Such a meeting was held on the day the
//! remarks were published. Statements and speeches are titled by their author
//! ("Statement from President X on …"), whose "I" the text then uses.

use crate::model::{ActorName, Evidence, Meeting, MeetingKind, MeetingStatus};

use super::super::Doc;
use super::super::actors::{ActorKind, Mention};
use super::participants::add;

/// Words that put the text at a meeting: at its opening ("before", "prior to",
/// "ahead of", "at the start of"), in it ("during", "in", "at") or right after it
/// ("after", "following": "Joint Statement Following the Meeting Between …").
const OPENINGS: &[&[&str]] = &[
    &["before"],
    &["prior", "to"],
    &["ahead", "of"],
    &["at", "the", "start", "of"],
    &["at", "the", "top", "of"],
    &["during"],
    &["in"],
    &["at"],
    &["after"],
    &["following"],
];

/// Words after "meeting" that open the names of the others at it ("Following
/// Meeting with Prime Minister Y") or of all at it ("Meeting Between X and Y",
/// "Meeting of X and Y": the title's head, "Joint Statement", is then no one).
const THE_OTHERS: &[&str] = &["between", "with", "of"];

/// What may stand between the opening words and "meeting": "their", "a",
/// "bilateral", "expanded bilateral".
const QUALIFIERS: &[&str] = &[
    "their",
    "a",
    "the",
    "an",
    "bilateral",
    "trilateral",
    "multilateral",
    "expanded",
    "restricted",
    "virtual",
];

/// The held meeting `title` names, with the first sentence of the text that names
/// one of its parties as evidence (a claim must be checkable in the text); none
/// when the title names no meeting opening, fewer than two parties, or the text
/// is empty.
pub fn meeting_of_title(title: &str, doc: &Doc) -> Option<Meeting> {
    // The names are read before the opening words and after the words naming the
    // others, each part alone: in a title's capitals "Kishida Before Bilateral
    // Meeting" would read as one name.
    let (cut, others) = opening(title)?;
    let head_text = if others.is_some_and(|(_, only_others)| !only_others) {
        String::new()
    } else {
        small_words(&title[..cut])
    };
    let head = Doc::read(&head_text, doc.published);
    let tail_text = others.map(|(at, _)| small_words(&title[at..]));
    let tail = tail_text.as_deref().map(|t| Doc::read(t, doc.published));
    // The others are people by name: a meeting "with Leaders of Caribbean
    // Nations" or "of the Advisory Council" names no one to meet, and the people
    // before it are then one side.
    let others: Vec<&Mention> = tail
        .iter()
        .flat_map(|t| t.mentions.iter().flatten())
        .filter(|m| m.kind == ActorKind::Person)
        .collect();
    if tail.is_some() && others.is_empty() {
        return None;
    }
    let virtual_meeting = title.to_lowercase().contains("virtual");
    let mentions: Vec<&Mention> = head.mentions.iter().flatten().chain(others).collect();
    let people = mentions
        .iter()
        .filter(|m| m.kind == ActorKind::Person)
        .count();
    let mut names: Vec<String> = Vec::new();
    for m in mentions {
        // Countries are those of the people named ("Prime Minister Y of Z"), unless
        // the title names no two people.
        if m.kind == ActorKind::Person || people < 2 {
            add(&m.name, &mut names);
        }
    }
    if names.len() < 2 {
        return None;
    }
    // The remarks themselves are the record: their first sentence, when they
    // name no one ("Mr. President, welcome").
    let evidence = evidence_naming(doc, &names)
        .or_else(|| (!doc.sentences.is_empty()).then(|| doc.evidence(0)))?;
    Some(Meeting {
        participants: names.iter().filter_map(|n| ActorName::new(n)).collect(),
        status: MeetingStatus::Held,
        date: Some(doc.published),
        place: None,
        kind: if virtual_meeting {
            MeetingKind::Video
        } else {
            MeetingKind::InPerson
        },
        evidence,
    })
}

/// Title words that open the name of the one who wrote or spoke the text
/// ("Statement from President X on …", "Remarks by X at …", "Op-Ed by X").
const AUTHORED: &[&str] = &[
    "statement",
    "remarks",
    "op-ed",
    "letter",
    "message",
    "address",
];

/// Words after the author's name that open what the text is about or where it was
/// given.
const AFTER_AUTHOR: &[&str] = &[
    "on",
    "at",
    "to",
    "in",
    "regarding",
    "about",
    "for",
    "before",
    "after",
    "following",
    "marking",
];

/// The one person a title names as the text's author: "I" in the text, outside
/// anyone's quotation, is that person ("Statement from President X on Y": "I spoke
/// to him yesterday"). None when the title names several speakers ("Remarks by X
/// and Y") or no person.
pub fn author(title: &str, published: chrono::NaiveDate) -> Option<String> {
    let words: Vec<&str> = title.split_whitespace().collect();
    let lower = |k: usize| words[k].trim_end_matches(':').to_lowercase();
    let kind = (0..words.len()).find(|&k| AUTHORED.contains(&lower(k).as_str()))?;
    let from = (kind + 1..words.len().min(kind + 3))
        .find(|&k| matches!(lower(k).as_str(), "from" | "by"))?;
    let end = (from + 1..words.len())
        .find(|&k| AFTER_AUTHOR.contains(&lower(k).as_str()) || words[k].ends_with(':'))
        .unwrap_or(words.len());
    let name = small_words(&words[from + 1..end].join(" "));
    if name.split_whitespace().any(|w| w == "and") {
        return None;
    }
    let head = Doc::read(&name, published);
    let mut people = head
        .mentions
        .iter()
        .flatten()
        .filter(|m| m.kind == ActorKind::Person);
    match (people.next(), people.next()) {
        (Some(m), None) => Some(m.name.clone()),
        _ => None,
    }
}

/// The people a title names with their titles ("Readout of President X's Call
/// with Prime Minister Y of Z"): name, the country they act for, title. A
/// readout's text then says "the President" and "the Prime Minister".
pub fn titled_people(
    title: &str,
    published: chrono::NaiveDate,
) -> Vec<(String, Option<String>, String)> {
    if title.trim().is_empty() {
        return Vec::new();
    }
    let text = small_words(title);
    let head = Doc::read(&text, published);
    head.mentions
        .iter()
        .flatten()
        .filter(|m| m.kind == ActorKind::Person)
        .filter_map(|m| {
            let t = m.title.clone()?;
            let aff = m
                .affiliation
                .clone()
                .or_else(|| head.registry.affiliation(&m.name).map(str::to_string));
            Some((m.name.clone(), aff, t))
        })
        .collect()
}

/// Words a title capitalises that are no part of a name ("Secretary X And
/// Foreign Minister Y", "Prime Minister Z Of Italy", "President X Before Marine
/// One Departure", "Readout of Vice President X Call with Y"), in lower case.
fn small_words(title: &str) -> String {
    title
        .split(' ')
        .map(|w| match w {
            "And" | "Of" | "The" | "With" | "For" | "By" | "On" | "In" | "To" | "Before"
            | "After" | "During" | "At" | "From" | "Following" | "Upon" | "Ahead" | "Prior"
            | "Regarding" | "About" | "Into" | "Amid" | "Between" | "Via" | "As" | "Call"
            | "Calls" | "Meeting" | "Meetings" | "Visit" | "Trip" | "Travel" | "Conversation" => {
                w.to_lowercase()
            }
            _ => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The byte offset where the title's words put the text at a meeting ("Before
/// Bilateral Meeting", "Prior to Their Meeting", "Following the Meeting"), if
/// they do; and where the names of the others at it begin, if the title goes on
/// to name them ("… Meeting Between X and Y"), with whether they are only the
/// others ("with") or all.
fn opening(title: &str) -> Option<(usize, Option<(usize, bool)>)> {
    let words: Vec<(usize, String)> = title
        .split_whitespace()
        .map(|w| {
            let at = w.as_ptr() as usize - title.as_ptr() as usize;
            (at, w.to_lowercase())
        })
        .collect();
    let key = |j: usize| words.get(j).map(|(_, w)| w.as_str());
    (0..words.len()).find_map(|k| {
        OPENINGS.iter().find_map(|o| {
            let end = k + o.len();
            if !(k..end).all(|j| key(j) == Some(o[j - k])) {
                return None;
            }
            let mut j = end;
            while key(j).is_some_and(|w| QUALIFIERS.contains(&w)) {
                j += 1;
            }
            if !matches!(key(j), Some("meeting" | "meetings")) {
                return None;
            }
            let others = key(j + 1)
                .filter(|w| THE_OTHERS.contains(w))
                .and_then(|w| Some((words.get(j + 2)?.0, w == "with")));
            Some((words[k].0, others))
        })
    })
}

/// The first sentence of the text naming one of `names` by any word of the name
/// (transcripts greet by first name, "Thank you, Tony"; their speaker labels are
/// not sentences).
fn evidence_naming(doc: &Doc, names: &[String]) -> Option<Evidence> {
    let parts: Vec<String> = names
        .iter()
        .flat_map(|n| n.split_whitespace())
        .map(|s| s.trim_end_matches(['.', ',']).to_lowercase())
        .filter(|s| s.chars().count() > 2)
        .collect();
    (0..doc.sentences.len())
        .find(|&i| {
            let words = doc.words(i);
            (0..words.len()).any(|k| parts.iter().any(|s| words.key(k) == s))
        })
        .map(|i| doc.evidence(i))
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;

    fn of_title(title: &str, text: &str) -> Option<Meeting> {
        let doc = Doc::read(
            text,
            NaiveDate::from_ymd_opt(2030, 6, 12).unwrap_or_default(),
        );
        meeting_of_title(title, &doc)
    }

    /// Class: remarks titled by the meeting they open ("… Before Bilateral
    /// Meeting"): held that day, between the people the title names.
    #[test]
    fn remarks_before_a_meeting_record_it_as_held() {
        let text = "PRESIDENT RUEN: Welcome, Ola. It is good to see Prime Minister Brek here.";
        let m = of_title(
            "Remarks by President Tam Ruen and Prime Minister Ola Brek of Norway Before Bilateral Meeting",
            text,
        )
        .expect("a meeting");
        let names: Vec<&str> = m.participants.iter().map(|p| p.as_str()).collect();
        assert_eq!(names, ["Tam Ruen", "Ola Brek"]);
        assert_eq!(m.status, MeetingStatus::Held);
        assert_eq!(m.date, NaiveDate::from_ymd_opt(2030, 6, 12));
        assert_eq!(m.evidence.sentence, "Welcome, Ola.");
        // Title case: "And", "Of" are no part of the names.
        let m = of_title(
            "Secretary Ana Veld And Prime Minister Per Lund Of Chile Before Their Meeting",
            "SECRETARY VELD: Welcome, Per.",
        )
        .expect("a meeting");
        let names: Vec<&str> = m.participants.iter().map(|p| p.as_str()).collect();
        assert_eq!(names, ["Ana Veld", "Per Lund"]);
        let m = of_title(
            "Minister Ana Veld and Foreign Minister Per Lund Prior to Their Meeting",
            "MINISTER VELD: Thank you, Per.",
        );
        assert!(m.is_some());
    }

    /// Class: texts titled by the meeting they were spoken in or issued after
    /// ("… During Bilateral Meeting", "Joint Statement Following the Meeting
    /// Between X and Y", "… Following Meeting with Y"): held that day, between the
    /// people named before the meeting and after "between", "with" or "of".
    #[test]
    fn texts_from_during_or_after_a_meeting_record_it_as_held() {
        let text = "The two leaders spoke of the harvest.";
        let names = |title: &str| -> Vec<String> {
            let m = of_title(title, text).expect("a meeting");
            assert_eq!(m.status, MeetingStatus::Held);
            assert_eq!(m.date, NaiveDate::from_ymd_opt(2030, 6, 12));
            m.participants
                .iter()
                .map(|p| p.as_str().to_string())
                .collect()
        };
        assert_eq!(
            names(
                "Remarks by President Tam Ruen and Prime Minister Ola Brek During Bilateral Meeting"
            ),
            ["Tam Ruen", "Ola Brek"]
        );
        assert_eq!(
            names(
                "Joint Statement Following the Meeting Between President Tam Ruen and Prime Minister Ola Brek"
            ),
            ["Tam Ruen", "Ola Brek"]
        );
        assert_eq!(
            names(
                "Remarks by Vice President Ana Veld Following Meeting with Prime Minister Per Lund of Chile"
            ),
            ["Ana Veld", "Per Lund"]
        );
        // A meeting with a group names no one to meet: the two before it are one side.
        assert!(
            of_title(
                "Remarks by President Tam Ruen and Vice President Ana Veld During Meeting with Leaders of Island Nations",
                text
            )
            .is_none()
        );
        assert!(
            of_title(
                "Remarks by President Tam Ruen at a Meeting of the National Harvest Council",
                text
            )
            .is_none()
        );
    }

    #[test]
    fn the_author_is_the_one_person_after_from_or_by() {
        let day = NaiveDate::from_ymd_opt(2030, 6, 12).unwrap_or_default();
        let a = |t: &str| author(t, day);
        assert_eq!(
            a("Statement from President Tam Ruen on the Passing of Ola Brek").as_deref(),
            Some("Tam Ruen")
        );
        assert_eq!(
            a("Remarks by Secretary Ana Veld at the Opening of the Forum").as_deref(),
            Some("Ana Veld")
        );
        assert_eq!(
            a("Remarks by Tam Ruen and Ola Brek Before Their Meeting"),
            None
        );
        assert_eq!(
            a("Readout of President Tam Ruen's Call with Ola Brek"),
            None
        );
    }

    /// A title that names no meeting's opening, or one with no text to point to,
    /// gives none.
    #[test]
    fn other_titles_give_no_meeting() {
        let text = "President Tam Ruen thanked Prime Minister Ola Brek.";
        assert!(
            of_title(
                "Statement by President Tam Ruen on Prime Minister Ola Brek",
                text
            )
            .is_none()
        );
        assert!(of_title("Tam Ruen and Ola Brek to meet before talks on trade", text).is_none());
        assert!(of_title("Remarks by Tam Ruen and Ola Brek Before Their Meeting", "").is_none());
    }
}
