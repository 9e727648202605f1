//! The status the rules give a meeting from the words of its clause: a
//! cancellation ("called off", "refused") wins, then an offer or a condition
//! ("ready to host", "could meet if"), then a plan ("will meet", "next round"),
//! then the past ("met", "held"). A cue that is negated ("did not meet") or no
//! meeting at all ("called for talks", "meet the deadline") is no cue; a meeting
//! told only to be denied or asked about is none.

use crate::model::MeetingStatus;

use super::super::lexicon::{LEXICON, MeetingCue};
use super::super::tokens::is_capitalised;
use super::super::words::Words;
use super::candidates::opens_a_stay;
use super::said_or_agreed;

/// "cancelled her trip to Stockholm, where she was to meet X", "postponed his
/// visit to Oslo, during which he was due to see X": the meetings of a journey
/// called off, told in the clause that opens with its "where" (at `left`), are
/// called off with it.
fn journey_called_off(words: Words, left: usize) -> bool {
    const JOURNEYS: &[&str] = &["trip", "visit", "journey", "tour", "travel"];
    let opens = opens_a_stay(words, left);
    let Some(noun) = (left.saturating_sub(6)..left)
        .rev()
        .find(|&k| JOURNEYS.contains(&words.key(k)))
    else {
        return false;
    };
    opens
        && (noun.saturating_sub(4)..noun).any(|k| {
            LEXICON
                .cancelled
                .at(words, k)
                .is_some_and(|n| k + n <= noun)
        })
}

pub fn status(
    words: Words,
    group: &[(usize, usize, &'static MeetingCue)],
    left: usize,
    right: usize,
) -> Option<MeetingStatus> {
    let first = group.first()?.0;
    if journey_called_off(words, left) {
        return Some(MeetingStatus::Cancelled);
    }
    let last_end = group.last().map_or(first, |c| c.0 + c.1);
    let lx = &*LEXICON;
    // A cancellation may follow the clause ("a meeting that ... has been called off"),
    // but not past a new coordinated clause.
    // Nor past a clause that tells another event: "their first call since Y
    // declined to rule out sanctions".
    let hard = (last_end..words.len())
        .find(|&k| {
            words[k] == ";"
                || (words[k] == ","
                    && words
                        .get(k + 1)
                        .is_some_and(|n| matches!(*n, "and" | "but")))
                || matches!(words.key(k), "since" | "because" | "although" | "while")
        })
        .unwrap_or(words.len());
    if lx.cancelled.find(words, left..hard).is_some() || plan_overtaken(words, left, right) {
        return Some(MeetingStatus::Cancelled);
    }
    if let Some(s) = journey_to_meet(words, left, first) {
        return Some(s);
    }
    // Offers and plans are read before the cue and just after it ("meet again").
    let first_end = group.first().map_or(first, |c| c.0 + c.1);
    if held_after_the_noun(words, first_end) {
        return Some(MeetingStatus::Held);
    }
    if let Some(s) = said_or_agreed::status_of_infinitive(words, left, first) {
        return Some(s);
    }
    let around = left..(first_end + 3).min(right).max(first_end);
    if offer_in(words, around.clone()) {
        return Some(MeetingStatus::Proposed);
    }
    let past_verb = group.iter().any(|c| {
        c.2.past_status == Some(MeetingStatus::Held)
            && !is_modal_before(words, c.0)
            && !reduced_passive(words, c.0, c.0 + c.1)
    });
    if !past_verb
        && (lx.planned_cues.find(words, around).is_some()
            || planned_predicate(words, first_end, right))
    {
        return Some(MeetingStatus::Planned);
    }
    if let Some(s) = modal_passive(words, left, right) {
        return Some(s);
    }
    // A past tense in the clause ("accepted", "ended") dates a noun cue.
    let past_tense = (left..right).any(|k| {
        let w = words.key(k);
        w.len() > 4
            && w.ends_with("ed")
            && !is_modal_before(words, k)
            && !reduced_passive(words, k, k + 1)
            && !group.iter().any(|c| c.0 == k)
    });
    if past_verb || past_tense || lx.held_cues.find(words, left..right).is_some() {
        return Some(MeetingStatus::Held);
    }
    if group
        .iter()
        .any(|c| c.2.past_status == Some(MeetingStatus::Planned))
    {
        return Some(MeetingStatus::Planned);
    }
    None
}

/// "We welcome the meeting held today in Lima", "the talks convened on Monday":
/// a participle of taking place right after the meeting noun, then a time or a
/// place, tells that it took place, whatever the clause says of it (welcoming
/// it is no offer). With an agent ("talks hosted by Oman will resume") it only
/// describes the meeting; a date after publication is left to the models.
fn held_after_the_noun(words: Words, end: usize) -> bool {
    matches!(words.key_at(end), Some("held" | "convened"))
        && matches!(
            words.key_at(end + 1),
            Some("today" | "yesterday" | "on" | "in" | "at" | "last" | "earlier" | "this")
        )
}

/// "A meeting between A and B is scheduled for 3 June", "talks are expected on
/// Friday": a noun cue whose predicate, after a form of "be", puts it ahead. (The
/// participle would otherwise read as a past tense.) A relative clause ("which
/// was scheduled for Monday, went ahead") is a side note on the plan.
fn planned_predicate(words: Words, from: usize, right: usize) -> bool {
    (from..right.min(words.len())).any(|k| {
        !matches!(words.key_at(k.wrapping_sub(1)), Some("which" | "that"))
            && matches!(
                words.key(k),
                "is" | "are" | "was" | "were" | "remains" | "remain"
            )
            && [k, k + 1].iter().any(|&at| {
                at < words.len()
                    && words.key(at) != "again"
                    && LEXICON.planned_cues.at(words, at).is_some()
            })
    })
}

/// "Talks could be held in Vienna", "the summit will be hosted by Oman": a modal
/// before a passive is no past ("held" would read as one). "could", "may" and
/// "might" offer a possibility; "will", "would", "is to" tell a plan.
fn modal_passive(words: Words, left: usize, right: usize) -> Option<MeetingStatus> {
    (left..right.min(words.len()).saturating_sub(1)).find_map(|k| {
        let participle = words.key(k + 1).ends_with("ed") || words.key(k + 1) == "held";
        if words.key(k) != "be" || !participle {
            return None;
        }
        match words.key_at(k.wrapping_sub(1))? {
            "could" | "may" | "might" => Some(MeetingStatus::Proposed),
            "will" | "would" | "to" | "'ll" => Some(MeetingStatus::Planned),
            _ => None,
        }
    })
}

/// "X traveled to Lima on Monday to meet Y", "flew to Oslo for talks with Y":
/// the purpose of a journey told in the past was carried out, as readouts of
/// trips tell it ("will travel to … to meet", "is traveling to …" stay plans);
/// "travels to Lima on Monday for talks with Y", "heads to Oslo to meet Y": a
/// journey told in the present simple, as news announces a trip, is to come,
/// and so is the meeting it is made for; "is in Lima for talks with Y" is a
/// stay under way.
fn journey_to_meet(words: Words, left: usize, first: usize) -> Option<MeetingStatus> {
    const TRAVELLED: &[&str] = &[
        "traveled",
        "travelled",
        "flew",
        "went",
        "came",
        "arrived",
        "headed",
        "returned",
    ];
    const TRAVELS: &[&str] = &["travels", "flies", "heads", "goes", "comes", "returns"];
    let purpose = first > left + 1
        && (matches!(words.key(first - 1), "to" | "for")
            || (matches!(words.key(first - 1), "a" | "an" | "the")
                && words.key(first - 2) == "for"));
    if !purpose {
        return None;
    }
    (left..first - 1).find_map(|k| {
        let w = words.key(k);
        let told_as_done = || {
            (k.saturating_sub(2)..k)
                .all(|j| !matches!(words.key(j), "will" | "would" | "to" | "is" | "be"))
        };
        if TRAVELLED.contains(&w) && told_as_done() {
            Some(MeetingStatus::Held)
        } else if TRAVELS.contains(&w) && words.key_at(k + 1) == Some("to") {
            Some(MeetingStatus::Planned)
        } else if matches!(w, "is" | "are" | "was" | "were")
            && words.key_at(k + 1) == Some("in")
            && words.get(k + 2).is_some_and(|n| is_capitalised(n))
        {
            // "X is in Lima for talks with Y": the stay is under way.
            Some(MeetingStatus::Held)
        } else {
            None
        }
    })
}

/// "Ola Brek had been due to receive Tam Ruen", "the meeting had been set for 3
/// May", "Ola Brek had planned to meet Tam Ruen": a plan told in the past
/// perfect was overtaken by events; the meeting did not take place as planned.
/// (Not in a relative clause: "talks, which had been expected for weeks,
/// opened on Monday".)
fn plan_overtaken(words: Words, left: usize, right: usize) -> bool {
    (left..right.saturating_sub(2)).any(|k| {
        let passive = words.key_at(k + 1) == Some("been")
            && words.key_at(k + 2).is_some_and(|w| {
                matches!(
                    w,
                    "due" | "expected" | "scheduled" | "set" | "supposed" | "meant"
                )
            });
        // "had planned to", "had been planning to": the planner's own plan.
        let intended = |w: &str| {
            matches!(
                w,
                "planned" | "intended" | "hoped" | "planning" | "intending" | "hoping"
            )
        };
        let planned = words.key_at(k + 1).is_some_and(intended)
            || (words.key_at(k + 1) == Some("been") && words.key_at(k + 2).is_some_and(intended));
        !matches!(words.key_at(k.wrapping_sub(1)), Some("which" | "that"))
            && words.key(k) == "had"
            && (passive || planned)
    })
}

/// Whether the clause `left..` around the cue at `first` tells a meeting only to
/// deny it or to ask about it: "officials denied that A met B", "readers asked
/// whether A and B met". (A future asked about, "whether they will meet", stays
/// a meeting that may come.)
pub fn unasserted(words: Words, left: usize, first: usize, rule: Option<MeetingStatus>) -> bool {
    let denied = words.key_at(left) == Some("that")
        && (left.saturating_sub(4)..left).any(|k| LEXICON.denials.contains(words.key(k)));
    let asked =
        rule == Some(MeetingStatus::Held) && (left..first).any(|k| words.key(k) == "whether");
    denied || asked || denied_report(words, first)
}

/// "rejected reports of a secret meeting between A and B", "denied rumours of
/// talks": the meeting a denied report tells is no meeting, and the one who
/// denies it no party (a refusal, "rejected a meeting with B", is a meeting
/// called off).
fn denied_report(words: Words, first: usize) -> bool {
    (first.saturating_sub(10)..first).any(|r| {
        matches!(
            words.key(r),
            "reports" | "report" | "claims" | "rumours" | "rumors" | "speculation" | "suggestions"
        ) && (r.saturating_sub(4)..r).any(|k| LEXICON.denials.contains(words.key(k)))
            && (r + 1..first).any(|k| words.key(k) == "of")
            && (r + 1..first).all(|k| !matches!(words[k], "," | ";" | "." | "—"))
    })
}

/// An offer or condition in `words[range]`; "May" inside a sentence is the month
/// ("signed on May 11"), not the modal; "I wanted to follow up on your meeting"
/// is a speaker's courtesy, no wish for one.
fn offer_in(words: Words, range: std::ops::Range<usize>) -> bool {
    let mut from = range.start;
    while let Some((p, _)) = LEXICON.proposed_cues.find(words, from..range.end) {
        let month = p > 0 && words[p] == "May";
        let courtesy = p > 0
            && words.key(p) == "wanted"
            && matches!(words.key(p - 1), "i" | "we" | "just" | "really" | "also");
        if !month && !courtesy {
            return true;
        }
        from = p + 1;
    }
    false
}

/// "The talks, co-hosted by A and B, are due to open", "talks mediated by Qatar
/// will resume": a participle with its agent after a noun or a comma describes
/// the meeting; it tells no past ("were hosted by", "had been mediated by" do).
fn reduced_passive(words: Words, start: usize, end: usize) -> bool {
    let by = words.key_at(end) == Some("by");
    let finite = start.checked_sub(1).is_some_and(|k| {
        matches!(
            words.key(k),
            "was"
                | "were"
                | "is"
                | "are"
                | "be"
                | "been"
                | "being"
                | "had"
                | "has"
                | "have"
                | "got"
        )
    });
    by && start > 0 && !finite
}

fn is_modal_before(words: Words, k: usize) -> bool {
    (k.saturating_sub(2)..k).any(|j| {
        matches!(
            words.key(j),
            "will" | "would" | "to" | "could" | "may" | "might" | "should"
        )
    })
}

/// "called his counterpart" is a call; "called on", "called off", "called for" are not;
/// "spoke with one voice" is agreement, not a conversation.
fn false_call(words: Words, k: usize) -> bool {
    if matches!(words.key(k), "spoke" | "speak" | "speaks" | "speaking")
        && words.key_at(k + 1) == Some("with")
        && words.key_at(k + 2) == Some("one")
        && words.key_at(k + 3) == Some("voice")
    {
        return true;
    }
    if matches!(words.key(k), "called" | "calls" | "call") && words.key_at(k + 1) == Some("on") {
        return appeal_on(words, k + 2);
    }
    words.key(k) == "called"
        && !words.get(k + 1).is_some_and(|n| {
            n.chars().next().is_some_and(char::is_uppercase)
                || matches!(*n, "his" | "her" | "their")
        })
}

/// "called on X to release the detainees", "calls on both sides for
/// restraint": after "called on", an appeal, not the visit "called on X at his
/// office" tells. (A purpose of talking, "called on X to discuss the crisis",
/// is the visit's.)
fn appeal_on(words: Words, from: usize) -> bool {
    const TALKING: &[&str] = &[
        "discuss", "talk", "review", "brief", "exchange", "present", "pay",
    ];
    (from..(from + 10).min(words.len()))
        .take_while(|&j| !matches!(words[j], ";" | "."))
        .any(|j| match words.key(j) {
            "for" => true,
            "to" => words.key_at(j + 1).is_some_and(|v| {
                v.chars().all(|c| c.is_ascii_lowercase()) && !TALKING.contains(&v)
            }),
            _ => false,
        })
}

/// Verbs of meeting whose negation reaches the cues after them.
const MEETING_VERBS: &[&str] = &[
    "meet", "met", "sit", "sat", "speak", "spoke", "talk", "hold", "held",
];

/// Words that may stand between a negated verb of meeting and a noun cue in its
/// adverbial: "did not meet during the summit", "did not meet on the sidelines
/// of the talks".
const TO_AN_ADVERBIAL: &[&str] = &[
    "during",
    "at",
    "on",
    "in",
    "the",
    "a",
    "an",
    "their",
    "its",
    "his",
    "her",
    "sidelines",
    "of",
    "margins",
    "face",
    "to",
    "again",
    "this",
    "last",
    "week's",
    "year's",
];

fn negated(words: Words, k: usize) -> bool {
    // "did not meet face to face": the negation reaches past the verb.
    let past_verb = k > 1
        && matches!(words.key(k - 2), "not" | "never")
        && MEETING_VERBS.contains(&words.key(k - 1));
    let reaching = (k.saturating_sub(8)..k.saturating_sub(1)).any(|j| {
        matches!(words.key(j), "not" | "never")
            && MEETING_VERBS.contains(&words.key(j + 1))
            && (j + 2..k).all(|m| {
                // "will not meet Ola Brek during the visit": the one not met
                // stands between, written in capitals.
                TO_AN_ADVERBIAL.contains(&words.key(m)) || is_capitalised(words[m])
            })
    });
    past_verb
        || reaching
        || no_plan(words, k)
        || (k > 0
            && matches!(
                words.key(k - 1),
                "no" | "not" | "without" | "as" | "through" | "via"
            ))
}

/// "There are no plans for A to meet B", "A has no intention of meeting B", "A
/// is not expected to meet B": a plan denied is no meeting.
fn no_plan(words: Words, k: usize) -> bool {
    (k.saturating_sub(8)..k).any(|j| {
        let next = words.key_at(j + 1);
        (words.key(j) == "no" && matches!(next, Some("plans" | "plan" | "intention" | "immediate")))
            || (words.key(j) == "not"
                && matches!(
                    next,
                    Some("planning" | "planned" | "scheduled" | "expected")
                ))
    }) && (k.saturating_sub(8)..k).all(|j| words[j] != "," && words.key(j) != "but")
}

/// A cue read as no meeting: negated, a call that is no call, an appeal for
/// talks, "meet" as satisfying a standard.
pub fn no_meeting(words: Words, k: usize) -> bool {
    negated(words, k)
        || false_call(words, k)
        || appeal_for(words, k)
        || meets_a_standard(words, k)
        || welcomed_a_thing(words, k)
        || hosts_no_meeting(words, k)
        || rounds_of_something_else(words, k)
        || a_subject_of_study(words, k)
        || discussed_as_a_modifier(words, k)
}

/// "the issues discussed at the summit", "the security environment discussed in
/// the recent Chile-Peru summits": "discussed" straight after a noun and straight
/// before "in", "at" or "during" is a participle that qualifies the noun (the
/// active verb takes its object first: "the leaders discussed trade"). It tells
/// no meeting of its own; the meeting noun after it does.
fn discussed_as_a_modifier(words: Words, k: usize) -> bool {
    let (Some(before), Some(after)) = (k.checked_sub(1).map(|j| words[j]), words.get(k + 1)) else {
        return false;
    };
    words.key(k) == "discussed"
        && matches!(*after, "in" | "at" | "during")
        && !matches!(
            words.key_at(k + 2),
            Some("detail" | "depth" | "length" | "regards" | "particular" | "person")
        )
        && before.chars().all(|c| c.is_ascii_lowercase())
        && !NOT_A_NOUN.contains(&before)
}

/// Words before a verb that make it a verb: auxiliaries, pronouns, relatives and
/// adverbs ("was discussed at", "they discussed in", "also discussed in").
const NOT_A_NOUN: &[&str] = &[
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "also",
    "further",
    "we",
    "they",
    "i",
    "you",
    "he",
    "she",
    "it",
    "who",
    "which",
    "that",
    "and",
    "then",
    "jointly",
    "extensively",
    "both",
    "all",
    "briefly",
    "not",
    "never",
];

/// "the author of a history of the Nile negotiations", "an expert on the talks":
/// talks someone writes or knows about are a subject, no meeting of the names
/// around them.
fn a_subject_of_study(words: Words, k: usize) -> bool {
    (k.saturating_sub(5)..k).any(|j| {
        matches!(
            words.key(j),
            "history"
                | "histories"
                | "book"
                | "books"
                | "study"
                | "studies"
                | "expert"
                | "experts"
                | "scholar"
                | "author"
        ) && matches!(words.key_at(j + 1), Some("of" | "on"))
            && (j + 2..k).all(|x| !matches!(words[x], "," | ";" | "."))
    })
}

/// "after several rounds of voting", "a new round of sanctions", "rounds of
/// shelling": a round of anything but talks is no meeting.
fn rounds_of_something_else(words: Words, k: usize) -> bool {
    matches!(words.key(k), "round" | "rounds")
        && words.key_at(k + 1) == Some("of")
        && words.key_at(k + 2).is_some_and(|n| {
            matches!(
                n,
                "voting"
                    | "votes"
                    | "ballots"
                    | "balloting"
                    | "elections"
                    | "fighting"
                    | "clashes"
                    | "strikes"
                    | "airstrikes"
                    | "shelling"
                    | "attacks"
                    | "sanctions"
                    | "tariffs"
                    | "cuts"
                    | "protests"
                    | "applause"
                    | "funding"
                    | "tests"
                    | "testing"
                    | "inspections"
                    | "layoffs"
            )
        })
}

/// What a country hosts that is no meeting: troops, bases, refugees.
const HOSTED_THINGS: &[&str] = &[
    "troops",
    "forces",
    "servicemembers",
    "soldiers",
    "personnel",
    "base",
    "bases",
    "refugees",
    "migrants",
    "asylum",
    "missiles",
    "weapons",
    "headquarters",
];

/// "grateful to Germany for hosting U.S. servicemembers", "hosts American
/// bases": hosting troops, bases or refugees is no meeting with anyone. The
/// object's head is the first of a few words after the verb that is one of
/// [`HOSTED_THINGS`], with only modifiers (capitalised names, "the", numbers)
/// before it.
fn hosts_no_meeting(words: Words, k: usize) -> bool {
    if !matches!(words.key(k), "hosting" | "hosted" | "hosts" | "host") {
        return false;
    }
    (k + 1..(k + 5).min(words.len()))
        .take_while(|&j| {
            HOSTED_THINGS.contains(&words.key(j))
                || is_capitalised(words[j])
                || matches!(
                    words.key(j),
                    "the" | "some" | "thousands" | "of" | "more" | "than"
                )
                || words[j].chars().all(|c| c.is_ascii_digit() || c == ',')
        })
        .any(|j| HOSTED_THINGS.contains(&words.key(j)))
}

/// "The leaders welcomed the progress", "welcomed a decision": welcoming a thing
/// is a speech act; only a guest ("welcomed the Prime Minister", "welcomed Tam
/// Ruen to Oslo") is met.
fn welcomed_a_thing(words: Words, k: usize) -> bool {
    if !matches!(words.key(k), "welcomed" | "welcomes") {
        return false;
    }
    let mut at = k + 1;
    if matches!(
        words.key_at(at),
        Some("the" | "a" | "an" | "this" | "that" | "their" | "its" | "his" | "her" | "our")
    ) {
        at += 1;
    }
    // "welcomed the ROK's plan", "welcomed Iran's decision": a possessive name
    // qualifies the thing welcomed.
    // The name may run over several words: "welcomed Mr. Tam Ruen's
    // reaffirmation".
    let genitive = |w: &str| matches!(w, "'s" | "’s" | "'" | "’");
    let mut end = at;
    while words.get(end).is_some_and(|w| is_capitalised(w)) && end < at + 4 {
        if words
            .get(end)
            .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"))
        {
            at = end + 1;
            break;
        }
        if words.get(end + 1).is_some_and(|w| genitive(w)) {
            at = end + 2;
            break;
        }
        end += 1;
    }
    at > k + 1 && words.get(at).is_some_and(|w| !is_capitalised(w))
}

/// What one meets by satisfying it, not by sitting down with it.
const STANDARDS: &[&str] = &[
    "timetable",
    "deadline",
    "deadlines",
    "target",
    "targets",
    "demand",
    "demands",
    "requirement",
    "requirements",
    "condition",
    "conditions",
    "criteria",
    "criterion",
    "expectations",
    "expectation",
    "goal",
    "goals",
    "obligations",
    "obligation",
    "needs",
    "standard",
    "standards",
    "commitments",
    "commitment",
    "threshold",
    "benchmarks",
    "benchmark",
    "terms",
    "costs",
    "cost",
    "challenge",
    "challenges",
    "schedule",
    "quota",
    "responsibilities",
    "responsibility",
];

/// "both sides would meet the timetable", "failed to meet the deadline", "meets
/// NATO's spending target": "meet" as satisfying a standard is no meeting.
fn meets_a_standard(words: Words, k: usize) -> bool {
    matches!(words.key(k), "meet" | "meets" | "met" | "meeting")
        && ((k + 1..(k + 5).min(words.len()))
            .take_while(|&j| !matches!(words.key(j), "with" | "," | "." | "in" | "on"))
            .any(|j| STANDARDS.contains(&words.key(j)))
            || standard_before(words, k))
}

/// "the responsibilities Chile and Peru must meet", "targets both sides failed
/// to meet": the standard stands before, as the object of a relative clause
/// without "that", whose verb "meet" ends its clause.
fn standard_before(words: Words, k: usize) -> bool {
    let ends = words
        .get(k + 1)
        .is_none_or(|n| matches!(*n, "," | "." | ";" | "—" | "in" | "by" | "and"))
        || words.key_at(k + 1) == Some("them");
    // the relative's subject follows the standard at once
    let subject = |j: usize| {
        words.get(j).is_some_and(|w| is_capitalised(w))
            || matches!(
                words.key_at(j),
                Some("it" | "they" | "we" | "both" | "the" | "that" | "which" | "he" | "she")
            )
    };
    ends && (k.saturating_sub(6)..k)
        .rev()
        .take_while(|&j| !matches!(words[j], "," | ";"))
        .any(|j| STANDARDS.contains(&words.key(j)) && subject(j + 1))
}

/// "called for talks with Y", "urged a new round of talks", "pressing for direct
/// negotiations": an appeal for a meeting is no meeting (nor one to come).
fn appeal_for(words: Words, k: usize) -> bool {
    const APPEALS: &[&str] = &[
        "call", "calls", "called", "calling", "urge", "urges", "urged", "urging", "press",
        "pressed", "pressing", "push", "pushed", "pushing", "appealed", "appeals",
    ];
    let from = k.saturating_sub(5);
    (from..k).rev().any(|j| {
        let after_for = words.key(j) == "for" && j > 0 && APPEALS.contains(&words.key(j - 1));
        let urged = matches!(words.key(j), "urged" | "urges" | "urging")
            && (j + 1..k).all(|m| !is_capitalised(words[m]));
        (after_for || urged)
            && (j + 1..k).all(|m| {
                matches!(
                    words.key(m),
                    "a" | "an"
                        | "the"
                        | "new"
                        | "direct"
                        | "further"
                        | "fresh"
                        | "round"
                        | "of"
                        | "urgent"
                        | "immediate"
                        | "peace"
                        | "more"
                        | "renewed"
                )
            })
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{d, meetings_of, met};
    use crate::model::MeetingStatus::{Held, Planned};

    /// Class: a journey told in the present simple, as news announces a trip
    /// ("travels", "flies", "heads", "goes" to a place to meet or for talks), is
    /// to come, and its destination is where they meet; "heads" there is a verb,
    /// not an office that the name before it describes. A trip told in the past
    /// took place.
    #[test]
    fn a_trip_told_in_the_present_is_to_come() {
        for text in [
            "Ana Veld heads to Lima on Monday to meet Per Lund.",
            "Ana Veld flies to Lima on Monday for talks with Per Lund.",
            "Ana Veld goes to Lima on Monday for a meeting with Per Lund.",
        ] {
            let v = meetings_of(text);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!(v[0].participants.len(), 2, "{text}: {v:?}");
            assert_eq!(
                (v[0].status, v[0].date),
                (Planned, d("2030-06-17")),
                "{text}"
            );
            assert_eq!(v[0].place.as_deref(), Some("Lima"), "{text}");
        }
        let v = met("Ana Veld flew to Lima on Monday for talks with Per Lund.");
        assert_eq!(v.first().map(|m| (m.1, m.2)), Some((Held, d("2030-06-10"))));
        // Class: a stay told under way ("is in Lima for talks with Y") is held
        // there; "will be in Lima for talks" is to come.
        let v = meetings_of("Ana Veld is in Lima for talks with Per Lund.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(
            (v[0].status, v[0].place.as_deref()),
            (Held, Some("Lima")),
            "{v:?}"
        );
        let v = met("Ana Veld will be in Lima next week for talks with Per Lund.");
        assert_eq!(v.first().map(|m| m.1), Some(Planned), "{v:?}");
    }

    /// A noun cue whose predicate is "is scheduled / planned / set / expected"
    /// is a plan, dated ahead; the same words in a relative clause are not the
    /// predicate ("which was scheduled for Monday, went ahead").
    #[test]
    fn a_meeting_scheduled_by_its_predicate_is_ahead() {
        let v = met("A meeting between Ola Brek and Tam Ruen is scheduled for 3 July in Geneva.");
        assert_eq!((v[0].1, v[0].2), (Planned, d("2030-07-03")));
        let v = met("Talks between Ola Brek and Tam Ruen are expected on Friday.");
        assert_eq!((v[0].1, v[0].2), (Planned, d("2030-06-14")));
        let v = met(
            "The meeting between Ola Brek and Tam Ruen, which was scheduled for Monday, went ahead.",
        );
        assert_eq!((v[0].1, v[0].2), (Held, d("2030-06-10")));
    }

    /// Class: a meeting noun whose predicate is an irregular past of how talks
    /// went ("broke down", "ran late", "got under way", "dragged on") took place,
    /// on the last such weekday, as a regular past ("collapsed") already did.
    #[test]
    fn talks_that_broke_down_or_ran_late_took_place() {
        for text in [
            "Talks between Ola Brek and Tam Ruen broke down in Vienna on Monday.",
            "Talks between Ola Brek and Tam Ruen ran late into the night on Monday.",
            "Talks between Ola Brek and Tam Ruen got under way in Vienna on Monday.",
            "Talks between Ola Brek and Tam Ruen dragged on in Vienna on Monday.",
        ] {
            let v = met(text);
            assert_eq!(v.len(), 1, "{text}: {v:?}");
            assert_eq!((v[0].1, v[0].2), (Held, d("2030-06-10")), "{text}");
        }
    }

    /// A modal before a passive is a possibility or a plan, not a past; a plan
    /// in the past perfect after its noun was overtaken; a negated verb of
    /// meeting reaches the cue in its adverbial; a plan denied is no meeting.
    #[test]
    fn modality_and_negation_after_the_cue_decide_the_status() {
        use crate::model::MeetingStatus::{Cancelled, Proposed};
        let v = met("Talks between Ola Brek and Tam Ruen could be held in Vienna.");
        assert_eq!(v[0].1, Proposed);
        let v = met("Talks between Ola Brek and Tam Ruen will be held in Vienna on Friday.");
        assert_eq!((v[0].1, v[0].2), (Planned, d("2030-06-14")));
        let v = met("The meeting between Ola Brek and Tam Ruen had been set for 3 May.");
        assert_eq!(v[0].1, Cancelled);
        assert!(met("Ola Brek and Tam Ruen did not meet during the summit.").is_empty());
        assert!(met("Ola Brek will not meet Tam Ruen during the visit.").is_empty());
        assert!(met("Ola Brek did not meet President Tam Ruen at the summit.").is_empty());
        assert!(met("There are no plans for Ola Brek to meet Tam Ruen.").is_empty());
        assert!(met("Ola Brek is not expected to meet Tam Ruen this year.").is_empty());
    }

    /// A participle with its agent describes the meeting; the predicate dates it.
    #[test]
    fn a_participle_with_its_agent_tells_no_past() {
        let v = met("The talks, co-hosted by Norway and Chile, are due to open on Wednesday.");
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].1, crate::model::MeetingStatus::Planned);
        let v = met("The talks, hosted by Norway and Chile, ended on Sunday.");
        assert_eq!(v[0].1, crate::model::MeetingStatus::Held);
        let v = met("The summit was hosted by Norway and attended by Chile.");
        assert_eq!(v[0].1, crate::model::MeetingStatus::Held);
    }

    /// Welcoming a thing is no meeting; welcoming a guest is.
    /// Class: a meeting noun followed by "held" or "convened" and a time or
    /// place took place, though the clause welcomes it.
    #[test]
    fn a_meeting_held_today_is_held_though_welcomed() {
        let v = met(
            "Chile welcomed the meeting held today in Lima between senior officials of \
             Peru, Bolivia and Ecuador.",
        );
        assert_eq!(v.len(), 1, "{v:?}");
        assert_eq!(v[0].1, crate::model::MeetingStatus::Held, "{v:?}");
        let v = met("Chile would welcome a meeting between Peru and Bolivia.");
        assert_ne!(
            v.first().map(|m| m.1),
            Some(crate::model::MeetingStatus::Held),
            "{v:?}"
        );
    }

    #[test]
    fn a_welcome_meets_a_guest_not_a_thing() {
        assert!(met("Ola Brek and Tam Ruen welcomed the progress made by both sides.").is_empty());
        assert!(met("Ola Brek welcomed the ROK’s plan to test no missiles.").is_empty());
        assert!(
            met("Ola Brek and Tam Ruen welcomed Mr. Ari Vos’s reaffirmation of the accord.")
                .is_empty()
        );
        let v = met("Ola Brek welcomed the Prime Minister, Tam Ruen, to Oslo on Monday.");
        assert_eq!(v.len(), 1);
    }
}
