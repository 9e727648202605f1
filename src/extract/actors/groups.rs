//! Groups of people through whom a country or a body acts ("U.S. officials",
//! "Sudanese negotiators"), and the nouns after a name that make it a
//! modifier, not an actor ("the Iran talks").

use super::*;

/// Groups of people through whom a country acts ("U.S. officials").
pub(super) const GROUPS: &[&str] = &[
    "officials",
    "delegation",
    "delegations",
    "negotiators",
    "diplomats",
    "side",
    "team",
    "teams",
    "envoys",
    "commissioners",
    "ministers",
    "leaders",
    "representatives",
    "militaries",
    "governments",
    "commanders",
    "generals",
    "chiefs",
    "mediators",
    "lawmakers",
];

/// Institutions through which a state acts: "the Congolese government and the M23
/// signed …", "the Sudanese army and the RSF held talks" are the country's. (A
/// statement keeps the institution as its speaker: "according to the Thai army".)
pub(crate) const INSTITUTIONS: &[&str] =
    &["government", "authorities", "junta", "army", "military"];

/// Groups sent to talk for someone: "the negotiators for X" speak for X, where
/// "the envoy for X" or "officials for trade" name what they deal with.
pub(super) const SENT_TO_TALK: &[&str] =
    &["negotiators", "delegation", "delegations", "team", "teams"];

/// Whether a nationality at tokens ending before `k` names a group: "Indian and
/// Pakistani commissioners", "Saudi envoys".
pub(super) fn demonym_group(text: &str, toks: &[Tok], k: usize) -> bool {
    let mut k = k;
    // "Indian and Pakistani commissioners": look past the coordinated nationality.
    if toks.get(k).is_some_and(|t| t.text(text) == "and")
        && toks
            .get(k + 1)
            .is_some_and(|t| is_capitalised(t.text(text)))
    {
        k += 2;
    }
    group_at(text, toks, k)
}

/// Words of rank, service or field between a nationality and its group: "Thai
/// army commanders", "U.S. military officials", "Chinese foreign ministry
/// officials", "senior Russian diplomats".
pub(super) const GROUP_MODIFIERS: &[&str] = &[
    "army",
    "military",
    "defence",
    "defense",
    "foreign",
    "ministry",
    "security",
    "trade",
    "intelligence",
    "border",
    "naval",
    "navy",
    "senior",
    "top",
    "government",
    "technical",
    "health",
    "finance",
    "energy",
    "peace",
    "police",
    "coast",
    "guard",
];

/// Whether a group of people starts at token `k`, past at most two words of rank
/// or service ("army commanders", "foreign ministry officials").
pub(super) fn group_at(text: &str, toks: &[Tok], k: usize) -> bool {
    (k..k + 3)
        .take_while(|&j| {
            j == k
                || toks
                    .get(j - 1)
                    .is_some_and(|t| GROUP_MODIFIERS.contains(&t.text(text)))
        })
        .any(|j| {
            toks.get(j).is_some_and(|t| {
                GROUPS.contains(&t.text(text))
                    || (INSTITUTIONS.contains(&t.text(text)) && heads(text, toks, j + 1))
            })
        })
}

/// Whether an institution ends before token `next` as the head of its phrase:
/// "the Sudanese army and the RSF", "the Chilean government signed", not "army
/// trucks", "army chief X", "government troops".
fn heads(text: &str, toks: &[Tok], next: usize) -> bool {
    toks.get(next).is_none_or(|t| {
        let w = t.text(text);
        is_capitalised(w)
            || t.kind != TokKind::Word
            || !(LEXICON.titles.contains(&key(w))
                || NOUN_AFTER.contains(&w)
                || GROUPS.contains(&w)
                || (w.ends_with('s') && !LEXICON.speech.contains(w)))
    })
}

/// Nouns that make a country in front of them a modifier.
pub(super) const NOUN_AFTER: &[&str] = &[
    "climate",
    "conference",
    "summit",
    "talks",
    "meeting",
    "round",
    "rounds",
    "negotiations",
    "consultations",
    "process",
    "format",
    "peacekeeping",
    "mission",
    "agency",
    "resolution",
    "nuclear",
    "border",
    "election",
    "aide",
    "aides",
    "official",
    "officials",
    "troops",
    "forces",
    "army",
    "military",
    "government",
    "delegation",
    "delegations",
    "side",
    "negotiators",
    "diplomats",
    "diplomat",
    "team",
    "teams",
    "counterpart",
    "counterparts",
    "foreign",
    "ministry",
    "state",
    "embassy",
    "president",
    "leader",
    "leaders",
    "navy",
    "soldiers",
    "citizens",
    "people",
    "sanctions",
    "tariffs",
    "goods",
    "imports",
    "exports",
    "media",
    "television",
    "officers",
    "police",
    "lawmakers",
    "lawmaker",
    "proposal",
    "proposals",
    "plan",
    "offer",
    "response",
    "demand",
    "demands",
    "position",
    // People who do not act for their country: "met U.S. business leaders",
    // "will meet Chinese exchange students and alumni" meets no government.
    "business",
    "businesses",
    "companies",
    "firms",
    "executives",
    "investors",
    "industry",
    "students",
    "exchange",
    "alumni",
    "scholars",
    "experts",
    "academics",
    "journalists",
    "reporters",
    "tourists",
    "residents",
    "families",
    "workers",
    "farmers",
    "voters",
    "activists",
    "veterans",
    "nationals",
    "diaspora",
    "community",
    "civil",
];
