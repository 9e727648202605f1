//! Names in a meeting's clause that are no parties to it: a government named as a
//! span of time, the sides of a relation the parties talk about, the members a
//! body is described by, the leader of a delegation already counted, a name
//! that describes the next one; and the one possessive that is a party, the
//! holder of the meeting ("X's talks with Y").

use super::super::Doc;
use super::super::actors::{AGENT_PARTICIPLES, ActorKind, Mention};
use super::super::lexicon::{MeetingCue, starts};
use super::super::tokens::is_capitalised;
use super::super::words::Words;
use super::cues::own_between;

/// "thanked him for his partnership throughout the Biden-Harris Administration",
/// "during the Obama presidency": a government named as a span of time is no
/// party.
pub(super) fn names_a_period(words: Words, first: usize) -> bool {
    let before = |n: usize| first.checked_sub(n).map(|k| words.key(k));
    let period = |w: Option<&str>| matches!(w, Some("throughout" | "during"));
    period(before(1)) || (before(1) == Some("the") && period(before(2)))
}

/// "met Y on the margins of the G20", "on the sidelines of NATO": the gathering
/// a meeting was held at is its occasion, no party to it.
pub(super) fn the_occasion(words: Words, first: usize) -> bool {
    let before = |n: usize| first.checked_sub(n).map(|k| words.key(k));
    let edge = |w: Option<&str>| {
        matches!(
            w,
            Some("sidelines" | "margins" | "margin" | "sideline" | "occasion")
        )
    };
    (before(1) == Some("of") && edge(before(2)))
        || (before(1) == Some("the") && before(2) == Some("of") && edge(before(3)))
}

/// "Chile had no seat at the talks between A and B", "was not invited to",
/// "was excluded from", "boycotted", "skipped": the one named before words of
/// absence (up to the meeting's cue at `first`) kept away from the meeting; so
/// did the one named after it in "opened without a delegation from X", "went
/// ahead in the absence of X".
pub(super) fn kept_away(words: Words, m: &Mention, first: usize) -> bool {
    if m.first > first {
        return (m.first.saturating_sub(5)..m.first)
            .rev()
            .take_while(|&k| !matches!(words[k], "," | ";"))
            .any(|k| matches!(words.key(k), "without" | "absence"));
    }
    if m.last >= first || first - m.last > 7 {
        return false;
    }
    let not_before = |k: usize| {
        (k.saturating_sub(2)..k).any(|j| matches!(words.key(j), "not" | "n't" | "never" | "no"))
    };
    (m.last..first).any(|k| match words.key(k) {
        "excluded" | "absent" | "boycotted" | "boycotting" | "skipped" | "shunned" => true,
        "seat" | "invited" | "attend" | "attended" | "part" => not_before(k),
        "out" => matches!(words.key(k.saturating_sub(1)), "left" | "kept"),
        "away" => matches!(words.key(k.saturating_sub(1)), "stayed" | "kept"),
        _ => false,
    })
}

/// Verbs by which a relative clause says what someone is.
const ROLE_VERBS: &[&str] = &[
    "heads",
    "headed",
    "leads",
    "led",
    "represents",
    "represented",
    "chairs",
    "chaired",
    "commands",
    "commanded",
    "runs",
    "ran",
    "oversees",
    "is",
    "was",
    "serves",
    "served",
    "became",
    "founded",
    "succeeded",
    "replaced",
];

/// "families of hostages held by Hamas", "areas controlled by Russia": the agent
/// of a participle that describes a thing or people who are not a meeting is
/// named for what it did, not as present. The agent of a meeting's participle
/// ("talks hosted by Oman") takes part.
pub(super) fn agent_of_a_description(words: Words, first: usize) -> bool {
    // The agent may follow its group noun: "held by Hamas terrorists".
    let by = (first.saturating_sub(2)..first)
        .rev()
        .find(|&k| words.key(k) == "by");
    let Some(by) = by else { return false };
    // "observers led by X", "a team accompanied by Y": those who lead or come
    // along are there.
    let present = |w: &str| {
        matches!(
            w,
            "led"
                | "headed"
                | "accompanied"
                | "joined"
                | "chaired"
                | "hosted"
                | "attended"
                | "represented"
                | "co-chaired"
                | "co-hosted"
        )
    };
    let participle = by.checked_sub(1).filter(|&p| {
        let w = words.key(p);
        (w.ends_with("ed") || matches!(w, "held" | "taken" | "run" | "kept")) && !present(w)
    });
    let Some(p) = participle else { return false };
    // "currently held by": an adverb may stand between the noun and its participle.
    let noun = (p.saturating_sub(2)..p)
        .rev()
        .find(|&k| !words.key(k).ends_with("ly"));
    noun.is_some_and(|n| {
        let w = words.key(n);
        w.chars().all(|c| c.is_lowercase())
            && w.len() > 2
            && !words.starts(n, starts::MEETING)
            && !matches!(
                w,
                "was" | "were" | "is" | "are" | "been" | "be" | "being" | "and" | "talks"
            )
    })
}

/// "X praised Chile's facilitation of talks between A and B", "X spoke with Y
/// about the talks in Lima between A and B": a meeting noun followed by its own
/// "between" names its parties there. A name before it takes part only as the
/// one who brings the talks about or is there: the subject of a verb of
/// hosting, mediating or taking part ("X hosted talks between", "X took part in
/// the talks between"), or a possessive or modifier of the noun's mediation
/// ("Qatar's facilitation of talks", "Turkish-mediated talks").
pub(super) fn outside_its_own_between(
    words: Words,
    group: &[(usize, usize, &'static MeetingCue)],
    m: &Mention,
) -> bool {
    let [(cue, len, c)] = group else { return false };
    if m.last > *cue || !own_between(words, *cue, *len, c) {
        return false;
    }
    // The first word after the name that is not a determiner, an auxiliary or
    // an adverb: its verb, or the noun it possesses.
    let next = (m.last..*cue)
        .map(|k| words.key(k))
        .find(|w| !PASSED_OVER.contains(w) && !w.ends_with("ly"));
    !next.is_some_and(|w| BRINGS_ABOUT.contains(&w))
        && !broker_compound(words.key(m.last.saturating_sub(1)))
}

/// Words between a name and its verb or noun that say nothing of its part.
const PASSED_OVER: &[&str] = &[
    "'s", "’s", "-", "the", "a", "an", "has", "have", "had", "was", "were", "is", "are", "will",
    "would", "also", "again", "which", "who",
];

/// Verbs and nouns of bringing talks about or being at them: hosting,
/// mediating, chairing, convening, taking part.
const BRINGS_ABOUT: &[&str] = &[
    "hosted",
    "hosts",
    "host",
    "hosting",
    "mediated",
    "mediates",
    "mediate",
    "mediating",
    "mediation",
    "brokered",
    "brokers",
    "broker",
    "brokering",
    "facilitated",
    "facilitates",
    "facilitate",
    "facilitation",
    "chaired",
    "chairs",
    "chair",
    "co-chaired",
    "convened",
    "convenes",
    "convene",
    "organised",
    "organized",
    "sponsored",
    "sponsorship",
    "led",
    "leads",
    "oversaw",
    "oversees",
    "moderated",
    "attended",
    "joined",
    "opened",
    "took",
    "takes",
    "participated",
    "participates",
    "sat",
];

/// "Turkish-mediated", "Qatari-brokered": a compound that names the one who
/// brings the talks about.
fn broker_compound(word: &str) -> bool {
    word.rsplit_once(['-', '‑'])
        .is_some_and(|(_, p)| AGENT_PARTICIPLES.contains(&p))
}

/// "held talks with X and handed over the written message from A to B",
/// "brought a letter from A": the sender and the addressee of a message are
/// named for what was carried, not as present.
pub(super) fn of_a_message(words: Words, first: usize) -> bool {
    const MESSAGES: &[&str] = &[
        "message",
        "messages",
        "letter",
        "letters",
        "note",
        "invitation",
        "greetings",
        "condolences",
        "regards",
        "greeting",
    ];
    // The preposition before the name and its titles ("from Supreme Leader").
    let Some(p) = (first.saturating_sub(5)..first)
        .rev()
        .find(|&k| !is_capitalised(words[k]))
    else {
        return false;
    };
    if !matches!(words.key(p), "from" | "to") {
        return false;
    }
    let Some(m) = (p.saturating_sub(10)..p)
        .rev()
        .take_while(|&k| !matches!(words[k], "," | ";" | "(" | ")"))
        .find(|&k| MESSAGES.contains(&words.key(k)))
    else {
        return false;
    };
    // "accepted an invitation from X to visit Oslo", "extended an invitation to
    // X to visit Oslo": who invites to a meeting hosts it, and who is invited
    // comes to it.
    let to_meet = (first..(first + 6).min(words.len())).any(|k| {
        words.key(k) == "to"
            && matches!(
                words.key_at(k + 1),
                Some("visit" | "meet" | "attend" | "come" | "travel")
            )
    });
    // (One handing over the invitation carries a message: "handed over an
    // invitation from X to attend the summit".)
    let answered = (m.saturating_sub(3)..m).any(|k| {
        matches!(
            words.key(k),
            "accepted" | "accepts" | "accepting" | "extended" | "extends" | "issued" | "renewed"
        )
    });
    !(words.key(m) == "invitation" && answered && to_meet)
}

/// "with Mr. Wang Yi, Member of the Political Bureau of the Communist Party of
/// China Central Committee": a body named in the title set off after a person
/// is where that person sits, not a party beside them.
pub(super) fn in_a_persons_title(doc: &Doc, i: usize, words: Words, m: &Mention) -> bool {
    // Back over the title's words ("Member of the Political Bureau of the") to
    // the comma that sets it off.
    let comma = (m.first.saturating_sub(12)..m.first).rev().find(|&k| {
        !(is_capitalised(words[k]) || matches!(words.key(k), "of" | "the" | "and" | "for"))
    });
    let Some(comma) = comma.filter(|&k| words[k] == ",") else {
        return false;
    };
    // The body follows "of (the)"; a name after a title of its own ("Chief of
    // Staff Laura Sarabia") is the next person of a list.
    let before = m.first.checked_sub(1).map(|k| {
        if words.key(k) == "the" {
            k.saturating_sub(1)
        } else {
            k
        }
    });
    let titled = before.is_some_and(|k| k > comma && words.key(k) == "of");
    titled
        && doc.mentions[i]
            .iter()
            .any(|p| p.kind == ActorKind::Person && p.last == comma)
}

/// "met Y, who heads the Russian delegation, in Oslo": a name in a relative
/// clause set off by a comma that says what someone is describes that person;
/// it is no party of its own. Unless the relative tells the meeting itself: "X,
/// who is due to visit Lima in April" (a cue of `group` stands in it).
pub(super) fn in_a_description(
    words: Words,
    group: &[(usize, usize, &MeetingCue)],
    first: usize,
) -> bool {
    let Some(comma) = (0..first)
        .rev()
        .find(|&k| words[k] == "," || words[k] == ";")
    else {
        return false;
    };
    // "who was accompanied by Z": Z came along.
    let passive = words.key_at(comma + 3).is_some_and(|w| w.ends_with("ed"));
    let tells_the_meeting = group.iter().any(|c| c.0 > comma && c.0 < first);
    !tells_the_meeting
        && words[comma] == ","
        && words.key_at(comma + 1) == Some("who")
        && words
            .key_at(comma + 2)
            .is_some_and(|v| ROLE_VERBS.contains(&v))
        && !passive
}

/// "hosted Y at the Naval Observatory", "met at the Lakeside Pavilion": a name
/// the article does not know, read as a person's, right after "at" is where the
/// parties met. (A country or body there is a modifier already, and its
/// adjective a broker: "at Qatari-mediated talks".) A possessive is someone's
/// ("at President X's invitation"), read elsewhere.
pub(super) fn a_venue(words: Words, m: &Mention) -> bool {
    let before = |n: usize| m.first.checked_sub(n).map(|k| words.key(k));
    m.kind == ActorKind::Person
        && !m.possessive
        && (before(1) == Some("at") || (before(1) == Some("the") && before(2) == Some("at")))
}

/// "Per Lund left Oslo on Thursday after talks with Ana Veld", "departed Sweden
/// after meeting X", "flew out of Oslo", "toured Norway and met X": the city or
/// country a party leaves, or goes through, is where the talks were (or where
/// the journey began), not a party to them. ("reached X" may be by phone: a
/// party.)
pub(super) fn a_place_left(words: Words, m: &Mention) -> bool {
    let before = |n: usize| m.first.checked_sub(n).map(|k| words.key(k));
    let moved = before(1).is_some_and(|w| {
        matches!(
            w,
            "left"
                | "leaving"
                | "leaves"
                | "departed"
                | "departing"
                | "departs"
                | "quit"
                | "toured"
                | "touring"
                | "entered"
                | "entering"
        )
    });
    let out_of = before(2) == Some("out") && before(1) == Some("of");
    m.kind == ActorKind::Country && !m.possessive && (moved || out_of)
}

/// Nouns of a standing relation between countries: who stands in one is what the
/// parties talk about, not who talks.
const RELATIONS: &[&str] = &[
    "alliance",
    "relationship",
    "relations",
    "ties",
    "partnership",
    "cooperation",
    "border",
    "war",
    "conflict",
    "dispute",
    "rivalry",
    "trade",
];

/// "They reaffirmed the alliance between the United States and the Philippines
/// and discussed …": the names after a relation noun and "between" are its sides,
/// no parties to the meeting (which "they" tells); so is the country a border
/// is "with".
pub(super) fn a_side_of_a_relation(words: Words, first: usize) -> bool {
    let between = (first.saturating_sub(10)..first).rev().find(|&k| {
        words.key(k) == "between"
            || !(is_capitalised(words[k]) || matches!(words.key(k), "and" | "," | "the" | "of"))
    });
    // "an armed group active along the border with Ecuador": the country a
    // border is shared with is a place, not a party.
    let border_with = first >= 2
        && words.key(first - 1) == "with"
        && matches!(
            words.key(first - 2),
            "border" | "borders" | "frontier" | "frontiers" | "boundary"
        );
    border_with
        || between.is_some_and(|k| {
            words.key(k) == "between" && k > 0 && RELATIONS.contains(&words.key(k - 1))
        })
}

/// "Per Lund, Chief National Security Advisor, to President Ola Brek of Chile":
/// the one an adviser or aide serves, and that one's country, are named for who
/// the adviser is, not as present.
pub(super) fn served_by_an_adviser(words: Words, at: usize) -> bool {
    const SERVING: &[&str] = &[
        "advisor",
        "adviser",
        "advisors",
        "advisers",
        "aide",
        "aides",
        "counselor",
        "counsellor",
    ];
    (at.saturating_sub(7)..at).any(|k| {
        let before = if k > 0 && words[k - 1] == "," {
            k - 1
        } else {
            k
        };
        words.key(k) == "to"
            && before > 0
            && SERVING.contains(&words.key(before - 1))
            && (k + 1..at).all(|j| matches!(words.key(j), "the" | "of") || is_capitalised(words[j]))
    })
}

/// "talks with the Alliance of Sahel States, the confederation formed by Mali,
/// Burkina Faso and Niger": the members a body is described by are no parties
/// beside it.
pub(super) fn a_member(words: Words, left: usize, at: usize) -> bool {
    (left..at).any(|k| {
        matches!(
            (words.key(k), words.key_at(k + 1)),
            (
                "formed" | "made" | "composed" | "founded",
                Some("by" | "up" | "of")
            ) | ("comprising" | "grouping", _)
        )
    })
}

/// "A team of ASEAN observers led by Gen. Ola Brek": a body or country whose
/// people someone named leads is on that person's side, not a party beside them.
pub(super) fn led_by_someone(doc: &Doc, i: usize, words: Words, m: &Mention) -> bool {
    m.kind != ActorKind::Person
        && doc.mentions[i].iter().any(|p| {
            p.kind == ActorKind::Person
                && p.first > m.last
                && p.first <= m.last + 8
                && (m.last..p.first)
                    .any(|k| words.key(k) == "led" && words.key_at(k + 1) == Some("by"))
        })
}

/// "Antony Blinken's meeting with Sergei Lavrov", "Russia's first talks with
/// Ukraine": a name in the possessive right before the cue (a word or two of
/// description between) holds the meeting, so it takes part.
pub(super) fn holds_the_meeting(
    words: Words,
    group: &[(usize, usize, &MeetingCue)],
    m: &Mention,
) -> bool {
    let Some(&(cue, _, _)) = group.first() else {
        return false;
    };
    m.possessive
        && !m.modifier
        && cue >= m.last
        && cue - m.last <= 2
        && (m.last..cue).all(|k| words[k].chars().all(|c| c.is_lowercase() || c == '-'))
}

/// "Norway's government and the NLF held talks", "Colombia's negotiators met
/// the group": a country in the possessive before the body that acts for it
/// (its government, delegation, negotiators) takes part as the country.
pub(super) fn acts_through_its_body(words: Words, m: &Mention) -> bool {
    const BODIES: &[&str] = &[
        "government",
        "delegation",
        "negotiators",
        "negotiating",
        "authorities",
        "leadership",
        "envoys",
        "representatives",
    ];
    m.possessive
        && m.kind == ActorKind::Country
        && words.key_at(m.last).is_some_and(|w| BODIES.contains(&w))
}

/// "Republic of Norway (RN) Foreign Minister Ana Veld": a country or organisation
/// right before a titled person, only an abbreviation between, describes that person.
pub(super) fn describes_next(doc: &Doc, i: usize, m: &Mention) -> bool {
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

#[cfg(test)]
mod tests {
    use super::super::tests::met;

    fn parties(text: &str) -> Vec<Vec<String>> {
        met(text).into_iter().map(|m| m.0).collect()
    }

    #[test]
    fn a_country_takes_part_through_its_government_or_delegation() {
        assert_eq!(
            parties("Norway's government and the Northern Liberation Front held talks in Oslo."),
            [["Norway", "Northern Liberation Front"]]
        );
        assert_eq!(
            parties("Sweden's delegation met Ana Veld in Oslo on Monday."),
            [["Sweden", "Ana Veld"]]
        );
    }

    #[test]
    fn a_relative_clause_that_says_who_someone_is_names_no_party() {
        assert_eq!(
            parties("Ola Brek met Tam Ruen, who heads the Norwegian delegation, in Oslo."),
            [["Ola Brek", "Tam Ruen"]]
        );
        assert_eq!(
            parties("Ola Brek met Tam Ruen, who was accompanied by Ari Vos, in Oslo."),
            [["Ola Brek", "Tam Ruen", "Ari Vos"]]
        );
    }
}
