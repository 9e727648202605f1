//! Roles and titles a clause names people by: which titles are a leader's or an
//! officer's, and which title a plural role noun ("the two leaders", "the foreign
//! ministers") covers.

use super::super::words::Words;

/// Plural roles after which a country stands for its minister ("the foreign
/// ministers of A and B").
pub(super) const ROLES: &[&str] = &[
    "ministers",
    "leaders",
    "presidents",
    "envoys",
    "negotiators",
    "counterparts",
    "commissioners",
];

pub(super) fn not_a_leader(title: &str) -> bool {
    !is_leader(title)
}

/// An officer's title: "Thai and Cambodian army commanders" are the generals the
/// article names, not the countries' diplomats.
/// Ranks and services are whole words ("Lt. Gen.", "army commander"), and
/// "General" only as the first: a "secretary-general" or a "director general" is
/// no officer.
pub(super) fn military(title: &str) -> bool {
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
pub(super) fn officers(words: Words, k: usize) -> bool {
    (k..(k + 3).min(words.len())).any(|j| {
        matches!(
            words.key(j),
            "army" | "military" | "commanders" | "generals" | "naval" | "navy"
        )
    })
}

/// Whether a title is a head of state's or government's.
pub(super) fn is_leader(t: &str) -> bool {
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
pub(super) fn role_filter(noun: &str) -> Option<fn(&str) -> bool> {
    fn minister(t: &str) -> bool {
        (t.contains("minister") || t.contains("secretary")) && !is_leader(t)
    }
    match noun {
        "leaders" | "presidents" | "heads" => Some(is_leader),
        "ministers" | "foreign" => Some(minister),
        _ => None,
    }
}
