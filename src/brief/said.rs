//! The order of the brief's "what was said" lines. Newest first, as the other
//! sections; among the quotes of one article, those of a party to the brief's
//! meetings first, then named speakers, then described ones ("officials", "the
//! Ukrainian delegation", "a resident"); and no article opens the section with
//! more than [`QUOTES_PER_ARTICLE`] quotes, so one long transcript does not hide
//! what every other article reports.

use std::cmp::Reverse;
use std::collections::{HashMap, HashSet};

use crate::developments::{Development, fold};
use crate::model::{ArticleId, Meeting, Statement};

/// How many quotes of one article come before the other articles' quotes run
/// out; the rest follow, in the same order.
pub const QUOTES_PER_ARTICLE: usize = 3;

/// Lower-case words that may stand inside a person's name ("Ursula von der
/// Leyen", "Mohammed bin Salman").
const NAME_PARTICLES: &[&str] = &[
    "bin", "al", "el", "de", "del", "da", "do", "das", "dos", "du", "van", "von", "der", "la",
    "le", "e", "y", "ibn",
];

/// What a speaker is to the events of the brief, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Role {
    /// Takes part in one of the brief's meetings.
    Party,
    /// Named: a person, a government, a body.
    Named,
    /// Described, not named: "officials", "a senior diplomat", "residents".
    Described,
}

/// The parties to the meetings, folded as the meeting merge folds names and
/// looked up by its rule (`developments::same_actor`): the same name, or a
/// one-word name that is the other's last word ("Rubio" and "Marco Rubio").
struct Parties {
    /// Every party's folded name.
    names: HashSet<String>,
    /// The last word of each party named in several words.
    surnames: HashSet<String>,
}

impl Parties {
    fn of(met: &[Development<Meeting>]) -> Self {
        let mut names = HashSet::new();
        let mut surnames = HashSet::new();
        for p in met.iter().flat_map(|d| &d.item.participants) {
            let folded = fold(p.as_str());
            if let Some((_, last)) = folded.rsplit_once(' ') {
                surnames.insert(last.to_string());
            }
            names.insert(folded);
        }
        Parties { names, surnames }
    }

    fn include(&self, speaker: &str) -> bool {
        let s = fold(speaker);
        self.names.contains(&s)
            || (!s.contains(' ') && s.len() >= 3 && self.surnames.contains(&s))
            || s.rsplit_once(' ')
                .is_some_and(|(_, last)| last.len() >= 3 && self.names.contains(last))
    }
}

/// A speaker is described rather than named when a word of it is written in
/// lower case ("Thai officials", "the delegation"), name particles aside.
fn described(speaker: &str) -> bool {
    speaker
        .split_whitespace()
        .any(|w| w.chars().next().is_some_and(char::is_lowercase) && !NAME_PARTICLES.contains(&w))
}

fn role(speaker: &str, parties: &Parties) -> Role {
    if described(speaker) {
        Role::Described
    } else if parties.include(speaker) {
        Role::Party
    } else {
        Role::Named
    }
}

/// Sorts the quotes (see the module doc): by the newest report, then by how
/// many articles report the quote, then by the speaker's role; then every
/// article's quotes beyond the first [`QUOTES_PER_ARTICLE`] move after the
/// others.
pub fn rank(said: &mut Vec<Development<Statement>>, met: &[Development<Meeting>]) {
    let parties = Parties::of(met);
    said.sort_by_cached_key(|d| {
        (
            Reverse(d.latest()),
            Reverse(d.reports.len()),
            role(d.item.speaker.as_str(), &parties),
        )
    });
    let mut per_article: HashMap<Option<ArticleId>, usize> = HashMap::new();
    let (first, rest): (Vec<_>, Vec<_>) = said.drain(..).partition(|d| {
        let newest = d.reports.first().map(|r| r.article.id);
        let n = per_article.entry(newest).or_default();
        *n += 1;
        *n <= QUOTES_PER_ARTICLE
    });
    said.extend(first);
    said.extend(rest);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::developments::{ArticleRef, Report};
    use crate::model::{ActorName, Evidence, MeetingKind, MeetingStatus, Span, Speech};
    use chrono::{TimeZone, Utc};

    fn report(article: &str, day: u32) -> Report {
        Report {
            article: ArticleRef {
                id: ArticleId::named(article),
                url: format!("https://example.org/{article}"),
                outlet: "Wire".into(),
                title: String::new(),
                published: Utc.with_ymd_and_hms(2026, 5, day, 9, 0, 0).unwrap(),
            },
            evidence: Evidence {
                sentence: "x".into(),
                span: Span::new(0, 1),
            },
        }
    }

    fn quote(speaker: &str, article: &str, day: u32) -> Development<Statement> {
        Development {
            item: Statement {
                speaker: ActorName::new(speaker).unwrap(),
                quote: format!("{speaker} spoke in {article}"),
                speech: Speech::Direct,
                audience: None,
                evidence: report(article, day).evidence,
            },
            reports: vec![report(article, day)],
        }
    }

    fn meeting(parties: &[&str]) -> Development<Meeting> {
        Development {
            item: Meeting {
                participants: parties.iter().map(|p| ActorName::new(p).unwrap()).collect(),
                status: MeetingStatus::Held,
                date: None,
                place: None,
                kind: MeetingKind::Unknown,
                evidence: report("m", 1).evidence,
            },
            reports: vec![report("m", 1)],
        }
    }

    fn speakers(said: &[Development<Statement>]) -> Vec<&str> {
        said.iter().map(|d| d.item.speaker.as_str()).collect()
    }

    /// A transcript of many turns and a short readout of the same day: the
    /// readout's quote is shown among the first lines, the transcript's fourth
    /// and later turns after it.
    #[test]
    fn one_article_opens_the_section_with_at_most_a_few_quotes() {
        let mut said: Vec<_> = (0..6)
            .map(|k| quote(&format!("Ola Brek{k}"), "transcript", 10))
            .collect();
        said.push(quote("Tam Ruen", "readout", 9));
        rank(&mut said, &[]);
        assert_eq!(said.len(), 7, "no quote is dropped");
        assert_eq!(
            speakers(&said)[..4],
            ["Ola Brek0", "Ola Brek1", "Ola Brek2", "Tam Ruen"]
        );
        assert_eq!(speakers(&said)[6], "Ola Brek5");
    }

    /// A party is found by its full name or by a one-word name that is its last
    /// word, as the meeting merge matches names; a namesake is not a party.
    #[test]
    fn a_party_is_found_as_the_merge_finds_one() {
        let parties = Parties::of(&[meeting(&["Ola Brek", "Ruen"])]);
        assert!(parties.include("OLA BREK"));
        assert!(parties.include("Brek"));
        assert!(parties.include("Tam Ruen"));
        assert!(!parties.include("Ann Brek"));
        assert!(!parties.include("Ola"));
    }

    /// Within one article: a party to a meeting of the brief (by surname
    /// too), then a named speaker, then a described source; newer articles
    /// still come first.
    #[test]
    fn parties_then_named_then_described_speakers() {
        let mut said = vec![
            quote("Thai officials", "a", 10),
            quote("Meas Sophea", "a", 10),
            quote("Brek", "a", 10),
            quote("Ursula von der Leyen", "a", 10),
            quote("Tam Ruen", "b", 11),
        ];
        rank(&mut said, &[meeting(&["Ola Brek", "Cambodia"])]);
        assert_eq!(
            speakers(&said),
            [
                "Tam Ruen",
                "Brek",
                "Meas Sophea",
                "Ursula von der Leyen",
                "Thai officials"
            ]
        );
    }
}
