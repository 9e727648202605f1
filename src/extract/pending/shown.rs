//! How a kept item reads and whether it is news: its description and due
//! phrase end on a word that closes them, and an item due in a year before its
//! article's is history the article recalls.

use crate::model::Pending;

use super::DANGLING;

/// Further words an item as shown (its description, its due phrase) cannot end
/// on: ending there, it was cut inside a clause ("send troops to a mission that
/// is due", "a heavy price for every missile they fire at our"). Not read while
/// the object is found, whose length says which items lie inside another.
const CUT_INSIDE: &[&str] = &[
    "our", "my", "your", "which", "who", "but", "is", "are", "was", "were", "be", "rather", "than",
    "due",
];

/// "… was to be done in February of 2022", told in 2024: an item due in a year
/// before the article's is history the article recalls, not something it
/// reports as awaited.
pub(super) fn due_in_an_earlier_year(p: &Pending, published: chrono::NaiveDate) -> bool {
    use chrono::Datelike;
    let Some(due) = p.due.as_ref() else {
        return false;
    };
    // "in February of 2022": a month and a year are no day, but the year tells.
    let years: Vec<i32> = due
        .text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .filter(|y| (1900..2200).contains(y))
        .collect();
    // A day without a year ("by April 30") may be read into the wrong year:
    // only a year the text writes out is taken as said.
    !years.is_empty() && years.iter().all(|&y| y < published.year())
}

/// The phrase without the dangling words at its end; unchanged when nothing
/// else would be left.
fn trimmed(s: &str) -> &str {
    let mut end = s.trim_end().len();
    while let Some((head, last)) = s[..end].rsplit_once(' ') {
        let last = last.trim_end_matches([',', ';', ':']).to_lowercase();
        let dangles = DANGLING.contains(&last.as_str()) || CUT_INSIDE.contains(&last.as_str());
        if !dangles || head.trim().is_empty() {
            break;
        }
        end = head.trim_end().len();
    }
    &s[..end]
}

/// The item with its description and due phrase ending on a word that closes
/// them (see [`DANGLING`] and [`CUT_INSIDE`]).
pub(super) fn without_dangling_ends(mut p: Pending) -> Pending {
    p.what = trimmed(&p.what).to_string();
    if let Some(d) = p.due.as_mut() {
        d.text = trimmed(&d.text).to_string();
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An item cut inside a clause ends on a word that closes it; a phrase of
    /// dangling words only is left as it is.
    #[test]
    fn descriptions_and_dues_end_on_a_closing_word() {
        assert_eq!(
            trimmed("send troops to a new mission that is due"),
            "send troops to a new mission"
        );
        assert_eq!(
            trimmed("next session of consultations in 2026 in"),
            "next session of consultations in 2026"
        );
        assert_eq!(trimmed("hand over 40 rifles by"), "hand over 40 rifles");
        assert_eq!(trimmed("reply"), "reply");
        assert_eq!(trimmed("the"), "the");
        let p = |t: &str| {
            super::super::tests::read(t)
                .0
                .into_iter()
                .map(|p| p.what)
                .collect::<Vec<_>>()
        };
        let v = p("Ruritania will send troops to a new mission that is due in January.");
        assert_eq!(v, ["send troops to a new mission"]);
        assert!(
            v.iter()
                .all(|w| !w.ends_with(" due") && !w.ends_with(" that")),
            "{v:?}"
        );
    }

    /// A deadline in a year before the article's is history; one ahead, or
    /// just gone (overdue), is awaited.
    #[test]
    fn an_item_due_in_an_earlier_year_is_history() {
        let (p, _) =
            super::super::tests::read("Ruritania was to hand over the 40 rifles by February 2028.");
        assert!(p.is_empty(), "{p:?}");
        let (p, _) =
            super::super::tests::read("Ruritania will hand over the 40 rifles by June 20.");
        assert_eq!(p.len(), 1, "{p:?}");
    }
}
