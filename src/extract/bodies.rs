//! Organisations the word lists do not know. A desk follows far more armed
//! groups, parties and coalitions than any list holds ("the M23", "the SDF",
//! "the DEM Party", "the Polisario Front"), and they sit at tables as parties.
//! Two shapes name one: an acronym in capitals, and a capitalised run that ends
//! in a noun for a body of people acting together ("… Forces", "… Front").
//! Forums and organs of a government ("… Commission", "… Council") are left
//! out: they are where parties meet, or part of one, more often than a party.

use super::tokens::{Tok, bare};

/// Last words of a capitalised run that make it a body of people.
const HEADS: &[&str] = &[
    "forces",
    "front",
    "party",
    "movement",
    "alliance",
    "coalition",
    "army",
    "brigades",
    "organisation",
    "organization",
    "league",
    "congress",
    "group",
    "militia",
];

/// Fighters of a body: "M23 rebels", "PKK militants". (After a nationality they
/// are no one the country acts through: "Syrian rebels".)
const ARMED: &[&str] = &[
    "rebels",
    "fighters",
    "militants",
    "insurgents",
    "guerrillas",
];

/// Short words in capitals that name no body of people.
const NOT_BODIES: &[&str] = &[
    "AM", "PM", "TV", "CEO", "GDP", "UTC", "GMT", "OK", "ID", "PDF", "COVID", "AI", "LNG", "HIV",
    "AIDS", "DNA", "USD", "EUR", "FDI", "IT", "VIP", "MP", "FM", "DC", "ET", "EST", "CET", "BST",
    "KM", "MW", "GW", "BPD", "SMS", "URL", "FAQ", "PS", "NB", "RE", "FYI", "ASAP",
];

/// An acronym in capitals ("SDF", "M23", "TPLF"): two to six capitals and
/// digits with at least two capitals, or one beside a digit. Roman numerals
/// ("III") and units or abbreviations of the trade ("GDP", "PM") are no body.
pub fn acronym(word: &str) -> bool {
    let capitals = word.chars().filter(char::is_ascii_uppercase).count();
    let digits = word.chars().filter(char::is_ascii_digit).count();
    (2..=6).contains(&word.len())
        && capitals + digits == word.len()
        && (capitals >= 2 || (capitals == 1 && digits > 0))
        && !word.chars().all(|c| "IVXLCDM".contains(c))
        && !NOT_BODIES.contains(&word)
}

/// Whether the capitalised words `first..end` of a sentence name a body the
/// lists do not know: two words or more ending in a head noun ("Syrian
/// Democratic Forces"), or one acronym beside its people (`people_after`: "SDF
/// negotiators", "representatives of the TPLF"; or "M23 rebels"). An acronym
/// alone is more often a forum, a programme or an agency ("the TTC", "COP30")
/// than a party.
pub fn names_a_body(
    text: &str,
    toks: &[Tok],
    first: usize,
    end: usize,
    people_after: impl FnOnce() -> bool,
) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    let one_of = |w: &str, list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
    if end == first + 1 {
        return acronym(word(first)) && (people_after() || one_of(word(end), ARMED));
    }
    end > first + 1 && one_of(bare(word(end - 1)), HEADS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_capitals_with_digits_at_most_beside_one() {
        for yes in ["SDF", "M23", "TPLF", "PKK", "ELN", "COP30", "P5"] {
            assert!(acronym(yes), "{yes}");
        }
        for no in ["III", "GDP", "PM", "Sdf", "A", "ABCDEFG", "123", "U.S."] {
            assert!(!acronym(no), "{no}");
        }
    }

    fn parties(text: &str) -> Vec<Vec<String>> {
        crate::extract::meetings::tests::met(text)
            .into_iter()
            .map(|m| m.0)
            .collect()
    }

    #[test]
    fn bodies_the_lists_do_not_know_take_part_under_their_own_name() {
        assert_eq!(
            parties("Ola Brek held talks with the Syrian Democratic Forces."),
            [["Ola Brek", "Syrian Democratic Forces"]]
        );
        assert_eq!(
            parties("SDF commanders held talks with Ola Brek."),
            [["SDF", "Ola Brek"]]
        );
        assert_eq!(
            parties("The M23 rebels held talks with Ola Brek."),
            [["M23", "Ola Brek"]]
        );
        // Class: the people of an acronym named before it ("representatives of
        // the TPLF", "the leader of the SDF").
        assert_eq!(
            parties("Ola Brek met representatives of the TPLF in Oslo on Monday."),
            [["Ola Brek", "TPLF"]]
        );
        assert_eq!(
            parties("Ola Brek held talks with the leader of the SDF in Oslo."),
            [["Ola Brek", "SDF"]]
        );
        // A forum in capitals is where they meet; the body a leader heads is his.
        assert!(parties("Ola Brek met the TTC in Paris.").is_empty());
        assert_eq!(
            parties(
                "Ola Brek met the commander of the Kurdish-led Syrian Democratic Forces, \
                 Mazloum Abdi, in Oslo."
            ),
            [["Ola Brek", "Mazloum Abdi"]]
        );
    }
}
