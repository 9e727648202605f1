//! "The two sides agreed to exchange drafts", "both commanders will pull back
//! their guns": a commitment told of the sides of a meeting, with no name of
//! its own, is theirs. Its actors are the parties of the meeting told last
//! before it, by their countries where the article gives them (a desk follows
//! a promise by who made it, and a brief places it by its actors).

use crate::model::{ActorName, Meeting, Pending};

use super::super::Doc;
use super::super::words::Words;

/// Gives each commitment without actors whose sentence speaks of "the two
/// sides" (or "both countries", "the two ministers", …) the two sides of the
/// meeting told last before it.
pub fn sides_of_the_meeting(doc: &Doc, meetings: &[Meeting], items: &mut [Pending]) {
    for item in items.iter_mut().filter(|p| p.actors.is_empty()) {
        let at = item.evidence.span.start;
        // The sentence the item was read from: its evidence starts there.
        let Some(i) = (doc.sentences)
            .partition_point(|s| s.span.start <= at)
            .checked_sub(1)
        else {
            continue;
        };
        // A name after the sides is the subject of the commitment ("the two
        // sides agreed that Chile would reply"): not theirs.
        let Some(end) = speaks_of_sides(doc.words(i)) else {
            continue;
        };
        if doc.mentions[i]
            .iter()
            .any(|m| m.first >= end && !m.modifier)
        {
            continue;
        }
        let told_last = meetings
            .iter()
            .filter(|m| m.evidence.span.start <= at && m.participants.len() >= 2)
            .max_by_key(|m| m.evidence.span.start);
        // "The two sides", "both": a meeting of more sides (observers, a
        // mediator) does not say which two.
        if let Some(sides) = told_last.map(|m| sides(doc, m)).filter(|s| s.len() == 2) {
            item.actors = sides;
        }
    }
}

/// The parties of a meeting as the sides a commitment binds: each person by
/// their country where the article gives it, each side once.
fn sides(doc: &Doc, m: &Meeting) -> Vec<ActorName> {
    let mut out: Vec<ActorName> = Vec::new();
    for p in &m.participants {
        let side = (doc.registry.affiliation(p.as_str()))
            .and_then(ActorName::new)
            .unwrap_or_else(|| p.clone());
        if !out.contains(&side) {
            out.push(side);
        }
    }
    out
}

/// Nouns for the sides of a meeting after "the two" or "both".
const SIDES: &[&str] = &[
    "sides",
    "parties",
    "countries",
    "governments",
    "delegations",
    "leaders",
    "ministers",
    "presidents",
    "commanders",
    "generals",
    "teams",
    "negotiators",
    "men",
    "women",
    "neighbours",
    "neighbors",
    "capitals",
];

/// Where the words first speak of the sides of a meeting ("the two sides",
/// "both countries", "the two foreign ministers"): the end of that phrase.
fn speaks_of_sides(words: Words) -> Option<usize> {
    (0..words.len()).find_map(|k| {
        let opens =
            (words.key(k) == "two" && k > 0 && words.key(k - 1) == "the") || words.key(k) == "both";
        if !opens {
            return None;
        }
        (k + 1..(k + 3).min(words.len()))
            .take_while(|&j| words[j].chars().all(|c| c.is_lowercase() || c == '-'))
            .find(|&j| SIDES.contains(&words.key(j)))
            .map(|j| j + 1)
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::article;
    use crate::extract::{Extractor, RuleExtractor};

    fn actors(text: &str) -> Vec<Vec<String>> {
        RuleExtractor::new()
            .extract(&article(text))
            .pending
            .iter()
            .map(|p| p.actors.iter().map(|a| a.to_string()).collect())
            .collect()
    }

    /// Class: a commitment told of "the two sides", "both ministers" belongs to
    /// the parties of the meeting told before it; one that names its own
    /// actors keeps them.
    #[test]
    fn the_sides_of_the_meeting_told_before_are_the_actors() {
        let text = "Foreign Minister Ana Veld of Chile met Foreign Minister Per Lund of \
                    Peru in Lima on Monday.\n\nThe two ministers agreed that their experts \
                    would exchange draft texts by the end of May.";
        assert_eq!(actors(text), [["Chile", "Peru"]]);
        let text = "Ana Veld met Per Lund in Lima on Monday. Both sides pledged to \
                    exchange draft texts by the end of May.";
        assert_eq!(actors(text), [["Ana Veld", "Per Lund"]]);
        let text = "Ana Veld met Per Lund in Lima on Monday. The two sides agreed that \
                    Chile would send its reply by the end of May.";
        assert!(
            actors(text).iter().flatten().all(|a| a != "Ana Veld"),
            "{:?}",
            actors(text)
        );
        let text = "Ana Veld met Per Lund in Lima on Monday. Experts will exchange draft \
                    texts by the end of May.";
        assert_eq!(actors(text), [Vec::<String>::new()]);
        // Three at the table: which two "both sides" are is not told.
        let text = "Ana Veld hosted Per Lund and Tam Ruen in Lima on Monday. Both sides \
                    pledged to exchange draft texts by the end of May.";
        assert_eq!(actors(text), [Vec::<String>::new()]);
    }
}
