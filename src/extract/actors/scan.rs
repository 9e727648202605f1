//! The second pass over a sentence: each run of capitalised words read as a
//! person, a country, an organisation or a place, with what stands before it.

use super::*;

/// `mentions` with the sentence's word look-ups (`Lookups`) read once.
pub fn mentions_keyed(text: &str, toks: &[Tok], look: &Lookups, reg: &Registry) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if look.compound[i]
            && let Some((ms, n)) = compound(text, toks, i)
        {
            out.extend(ms);
            i += n;
            continue;
        }
        // "The North" opening a sentence: the article would read it as a name.
        let at = if toks[i].text(text) == "The" {
            i + 1
        } else {
            i
        };
        if at < toks.len()
            && let Some(m) = compass(text, toks, at, reg)
        {
            out.push(m);
            i = at + 1;
            continue;
        }
        if !look.name(i) && look.title(i) == 0 {
            i += 1;
            continue;
        }
        let (m, next) = run_at(text, toks, look, reg, i, &out);
        out.extend(m);
        i = next;
    }
    office_before_name(text, toks, look, &mut out);
    out
}

/// The run of titles, affiliations and capitalised words at `run_start`: the
/// actor it names, if any, and where the next run may start.
pub(super) fn run_at(
    text: &str,
    toks: &[Tok],
    look: &Lookups,
    reg: &Registry,
    run_start: usize,
    out: &[Mention],
) -> (Option<Mention>, usize) {
    if question_label(text, toks, run_start) {
        return (None, run_start + 1);
    }
    if asks_as_i(text, toks, run_start) {
        return (None, run_start + 2);
    }
    if opens_a_question(text, toks, run_start) {
        return (None, run_start + 1);
    }
    let before_name = front(text, toks, look, run_start);
    let j = before_name.j;
    let k = name_end(text, toks, look, j);
    if k == j {
        let next = j.max(run_start + 1);
        return (
            titles_alone(text, toks, reg, run_start, before_name, out),
            next,
        );
    }
    if let Some((n, found)) = look.known(j)
        && n >= k - j
    {
        let k = j + n;
        let mut m = known_mention(text, toks, j, k, found.canonical().to_string(), out);
        m.span = Span::new(toks[run_start].start, toks[k - 1].end);
        // A nationality is an actor only through a group of its people.
        let demonym = matches!(found, Known::Demonym(_));
        if demonym {
            m.group = true;
            m.modifier = false;
        }
        return ((!demonym || demonym_group(text, toks, k)).then_some(m), k);
    }
    let span = Span::new(toks[run_start].start, toks[k - 1].end);
    // "the Syrian Democratic Forces": a nationality opening a body's name is
    // part of it. Not who backs it: "the Kurdish-led Syrian Democratic Forces".
    let body_from = (run_start..k)
        .find(|&x| {
            let w = toks[x].text(text);
            !LEXICON.function.contains(lower(w).as_ref()) && !backer(w)
        })
        .unwrap_or(j);
    if !before_name.titled
        && bodies::names_a_body(text, toks, body_from, k, || {
            group_at(text, toks, k) || look.title(k) > 0 || people_of(text, toks, look, run_start)
        })
    {
        return (body(text, toks, body_from, k, span, out), k);
    }
    (person(text, toks, reg, run_start, before_name, k, span), k)
}

/// "representatives of the TPLF", "the leader of the SDF": people of the body
/// named right after them (a group or an office, "of", "the").
fn people_of(text: &str, toks: &[Tok], look: &Lookups, first: usize) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    let of = match first.checked_sub(1).map(word) {
        Some("the") => first.checked_sub(2),
        _ => first.checked_sub(1),
    };
    of.filter(|&k| word(k) == "of" && k > 0)
        .is_some_and(|k| GROUPS.contains(&word(k - 1)) || look.title(k - 1) > 0)
}

/// "Q Mr. President, …", "Q Yeah. …": a press briefing's question opens its
/// paragraph with a bare "Q", the questioner's label, not the first word of a
/// name ("Q John" met no one).
fn question_label(text: &str, toks: &[Tok], k: usize) -> bool {
    toks[k].text(text) == "Q" && {
        let before = text[..toks[k].start].trim_end_matches([' ', '\t']);
        before.is_empty() || before.ends_with('\n')
    }
}

/// Auxiliaries that open a question ("Can I ask …", "Will Germany …?", "Did
/// Lund meet Veld?").
const AUXILIARIES: &[&str] = &[
    "Can", "Could", "May", "Might", "Shall", "Should", "Will", "Would", "Must", "Do", "Does",
    "Did", "Is", "Are", "Was", "Were", "Has", "Have", "Had",
];

/// "Can I ask …", "Could I just say …", "May I add …": a question's auxiliary
/// before "I" is no first word of a name ("Can I" met no one, said nothing).
fn asks_as_i(text: &str, toks: &[Tok], k: usize) -> bool {
    AUXILIARIES.contains(&toks[k].text(text))
        && toks.get(k + 1).is_some_and(|t| t.text(text) == "I")
}

/// "Will Germany send troops?", "Is Dhaka ready?", "Did Ola Brek meet Tam
/// Ruen?": an auxiliary that opens a question is no first word of the name after
/// it. A statement keeps it ("Will Okafor met Tam Ruen.").
fn opens_a_question(text: &str, toks: &[Tok], k: usize) -> bool {
    if !AUXILIARIES.contains(&toks[k].text(text)) {
        return false;
    }
    let before = text[..toks[k].start].trim_end();
    let opens = before.is_empty() || before.ends_with(['.', '?', '!', ':', '"', '“', '—']);
    opens
        && toks[k + 1..]
            .iter()
            .map(|t| t.text(text))
            .find(|w| matches!(*w, "." | "?" | "!"))
            == Some("?")
}

/// Where the name proper that starts at `j` ends: capitalised words, up to a
/// title, a line break, a dateline or a possessive. An honorific between two
/// words of a name is part of it ("Hassan Sheikh Mohamud").
pub(super) fn name_end(text: &str, toks: &[Tok], look: &Lookups, j: usize) -> usize {
    let inside_name = |k: usize| honorific_in_name(text, toks, look, k);
    let mut k = j;
    while k < toks.len()
        && (look.name(k) || (k > j && inside_name(k)))
        && (k == j
            || ((look.title(k) == 0 || inside_name(k)) && !ends_the_name(text, toks, look, j, k)))
    {
        k += 1;
        if toks[k - 1].text(text).ends_with("'s") || toks[k - 1].text(text).ends_with("’s") {
            break;
        }
    }
    k
}

/// Whether word `k` of a name begun at `j` starts what follows instead: a new
/// line, a dateline, an abbreviated state, a headline's verb.
fn ends_the_name(text: &str, toks: &[Tok], look: &Lookups, j: usize, k: usize) -> bool {
    line_break_before(text, toks, k)
        || dateline_after_name(text, toks, look, j, k)
        || abbreviated_state(text, toks, look, k)
        || (k >= j + 2 && headline_verb(text, toks, k))
}

/// "Assistant Secretary Ana Veld Travels to Lima", "Secretary Veld Meets With
/// …": a headline's verb in title case after a name of two words or more,
/// before a lower-case word or a title-cased preposition, ends the name.
fn headline_verb(text: &str, toks: &[Tok], k: usize) -> bool {
    const VERBS: &[&str] = &[
        "Travels",
        "Meets",
        "Visits",
        "Hosts",
        "Leads",
        "Attends",
        "Delivers",
        "Joins",
        "Speaks",
        "Announces",
        "Participates",
        "Welcomes",
        "Receives",
    ];
    VERBS.contains(&toks[k].text(text))
        && toks.get(k + 1).is_some_and(|n| {
            let w = n.text(text);
            w.starts_with(char::is_lowercase) || matches!(w, "With" | "To" | "In" | "On" | "At")
        })
}

/// "discussed with President Abbas U.S. efforts to …": a country or body
/// abbreviated ("U.S.", "UK", "EU", "UN") after a name begins what follows; no
/// name goes on with one.
fn abbreviated_state(text: &str, toks: &[Tok], look: &Lookups, k: usize) -> bool {
    let w = toks[k].text(text);
    let abbreviated =
        w.contains('.') || (w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase()));
    abbreviated && look.known(k).is_some()
}

/// A body the lists do not know, named by words `first..end` (`bodies`). "The
/// Kurdistan Workers' Party (PKK)": the acronym in brackets is the body just
/// named, no second one.
pub(super) fn body(
    text: &str,
    toks: &[Tok],
    first: usize,
    end: usize,
    span: Span,
    out: &[Mention],
) -> Option<Mention> {
    let restated = first >= 2
        && toks[first - 1].text(text) == "("
        && out.last().is_some_and(|m| m.last == first - 1);
    if restated {
        return None;
    }
    let mut name: Vec<&str> = (first..end).map(|x| toks[x].text(text)).collect();
    if let Some(last) = name.last_mut() {
        *last = bare(last);
    }
    let mut m = known_mention(text, toks, first, end, name.join(" "), out);
    m.span = span;
    Some(m)
}

/// "the Line of Actual Control", "the Court of Human Rights": capitalised words
/// after "of" and a capitalised thing ("Line", "Court") go on with its name;
/// they name no one. (A country there is whose the thing is: "Minister of
/// Foreign Affairs of Finland Elina Valtonen".)
fn of_a_thing(text: &str, toks: &[Tok], run_start: usize) -> bool {
    run_start >= 2 && toks[run_start - 1].text(text) == "of" && {
        let w = toks[run_start - 2].text(text);
        is_capitalised(w) && LEXICON.thing.contains(&key(bare(w)))
    }
}

/// "the Incident Prevention and Response Mechanism", "the Trade and Technology
/// Council": after "the", capitalised words joined by "and" to a run that ends
/// in a thing are the first half of its name, no one's.
fn and_a_thing(text: &str, toks: &[Tok], run_start: usize, k: usize) -> bool {
    let word = |x: usize| toks.get(x).map_or("", |t| t.text(text));
    if word(k) != "and" || run_start == 0 || key(word(run_start - 1)) != "the" {
        return false;
    }
    let end = (k + 1..toks.len())
        .find(|&x| !is_capitalised(word(x)))
        .unwrap_or(toks.len());
    end > k + 1 && LEXICON.thing.contains(&key(bare(word(end - 1))))
}

/// A person the lists do not know, named by the capitalised words from
/// `before_name.j` to `k`, unless they name a thing or a place.
pub(super) fn person(
    text: &str,
    toks: &[Tok],
    reg: &Registry,
    run_start: usize,
    before_name: Front,
    k: usize,
    span: Span,
) -> Option<Mention> {
    let (mut j, mut titled) = (before_name.j, before_name.titled);
    let words: Vec<&str> = (j..k).map(|x| toks[x].text(text)).collect();
    let last_word = words.last().copied().unwrap_or_default();
    let possessive = bare(last_word) != last_word;
    let is_thing = words.iter().any(|w| LEXICON.thing.contains(&key(bare(w))))
        || (!titled
            && j == run_start
            && (of_a_thing(text, toks, run_start) || and_a_thing(text, toks, run_start, k)));
    let after_prep = run_start > 0
        && PLACE_PREPS.contains(&toks[run_start - 1].text(text))
        && !titled
        && !addressed(text, toks, run_start - 1);
    let full = as_written(&words);
    let mut name = full.join(" ");
    if is_thing {
        // "Commission Wang Yi": a body's name in front of a person's.
        let t = words
            .iter()
            .rposition(|w| LEXICON.thing.contains(&key(bare(w))))
            .unwrap_or(0);
        if full.len() - t - 1 < 2 {
            return None;
        }
        name = full[t + 1..].join(" ");
        j += t + 1;
        titled = true;
    }
    let full: Vec<&str> = name.split(' ').collect();
    let is_person = if full.len() >= 2 {
        (!after_prep || reg.full(full[full.len() - 1]).is_some())
            && !names_a_place(text, toks, run_start, k, titled)
    } else {
        // "the first foreign leader I spoke with": "I" after a title is no name.
        (titled || reg.full(full[0]).is_some() || bare_surname(text, toks, run_start, k))
            && full[0] != "I"
    };
    if !is_person {
        return None;
    }
    let resolved = if full.len() == 1 {
        reg.full(full[0]).map(str::to_string)
    } else {
        reg.fuller(&name)
            .or_else(|| reg.by_particled_surname(&name))
            .or_else(|| reg.first_spelling(&name))
            .map(str::to_string)
    };
    let name = resolved.unwrap_or(name);
    Some(Mention {
        first: j,
        last: k,
        span,
        affiliation: before_name
            .affiliation
            .or_else(|| reg.affiliation(&name).map(str::to_string)),
        name,
        kind: ActorKind::Person,
        titled,
        possessive,
        modifier: false,
        group: false,
        side: false,
        title: before_name.title,
    })
}

/// A follow-up article names people it does not introduce again by surname
/// alone: the one word of the run `run_start..k`, capitalised and unknown to the
/// lists, is one when it is joined by "and" to another such word before a verb
/// of meeting or saying ("Veld and Lund held talks on Monday"), or opens its
/// clause before one ("Lund said …", "“…,” Lund told reporters", "Lund met X").
fn bare_surname(text: &str, toks: &[Tok], run_start: usize, k: usize) -> bool {
    let word = |i: usize| toks.get(i).map_or("", |t| t.text(text));
    let surname = |i: usize| {
        let w = word(i);
        w.len() >= 3
            && is_capitalised(w)
            && w.chars().skip(1).all(char::is_lowercase)
            && LEXICON.lookup(w).is_none()
            && !LEXICON.function.contains(lower(w).as_ref())
            && !GROUPS.contains(&lower(w).as_ref())
            && !PEOPLE.contains(&lower(w).as_ref())
    };
    // A verb of meeting or saying, or an auxiliary before one ("Brexit and Covid
    // weighed on trade" names no one).
    let verb = |i: usize| {
        let w = word(i);
        LEXICON.meeting_first.contains_key(w)
            || LEXICON.speech.contains(w)
            || matches!(
                w,
                "will" | "would" | "are" | "were" | "have" | "had" | "agreed" | "also" | "last"
            )
    };
    let opens_clause =
        run_start == 0 || matches!(word(run_start - 1), "," | "”" | "\"" | "—" | "-" | "–");
    k == run_start + 1
        && surname(run_start)
        && ((word(k) == "and" && surname(k + 1) && verb(k + 2))
            || (run_start >= 2
                && word(run_start - 1) == "and"
                && surname(run_start - 2)
                && verb(k))
            || (opens_clause && (LEXICON.speech.contains(word(k)) || MET.contains(&word(k)))))
}

/// Verbs of meeting a surname opens its clause before: "Lund met Ana Veld".
const MET: &[&str] = &[
    "met",
    "hosted",
    "received",
    "held",
    "spoke",
    "called",
    "visited",
    "telephoned",
    "phoned",
    "welcomed",
    "will",
];

/// Plural nouns of people that open a sentence before a verb of saying
/// ("Participants acknowledged …", "Analysts said …"): no surnames.
const PEOPLE: &[&str] = &[
    "participants",
    "analysts",
    "critics",
    "experts",
    "sources",
    "residents",
    "witnesses",
    "observers",
    "activists",
    "protesters",
    "officers",
    "soldiers",
    "authorities",
    "organisers",
    "organizers",
    "investors",
    "traders",
    "economists",
    "scientists",
    "campaigners",
    "members",
    "others",
    "both",
    "many",
    "some",
];

/// The words of a name as a name is written: title case for words in capitals,
/// without the possessive at its end; a regnal number after the name ("King
/// Abdullah II") as it stands.
fn as_written(words: &[&str]) -> Vec<String> {
    words
        .iter()
        .enumerate()
        .map(|(n, w)| {
            let w = if n + 1 == words.len() { bare(w) } else { w };
            if n > 0 && regnal(w) {
                w.to_string()
            } else {
                title_case(w)
            }
        })
        .collect()
}

/// Whether `w` is a regnal number ("II", "IV", "XIV"): roman numerals only.
fn regnal(w: &str) -> bool {
    (2..=5).contains(&w.len()) && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// "the Minister of Foreign Affairs of the Republic of Chile, Ola Brek": a
/// country named through an office, set off by a comma before a person, is that
/// person's country, not a second party. Honorifics may stand between
/// ("…, Mr. Ola Brek"), or a second office of the same person ("the
/// Chairperson-in-Office of the OSCE, Minister for Foreign Affairs of Finland
/// Ola Brek": one person, who holds both).
pub(super) fn office_before_name(text: &str, toks: &[Tok], look: &Lookups, out: &mut [Mention]) {
    for n in 1..out.len() {
        // The person the office is set off before: the next mention, or the
        // first person after a chain of titles and the countries they are of.
        let to = (n..out.len())
            .find(|&q| out[q].kind == ActorKind::Person)
            .filter(|&q| {
                q == n
                    || title_chain(
                        text,
                        toks,
                        look,
                        &out[n..=q],
                        out[n - 1].last + 1,
                        out[q].first,
                    )
            })
            .unwrap_or(n);
        let (before, after) = out.split_at_mut(n);
        let (c, p) = (&mut before[n - 1], &mut after[to - n]);
        let gap = if to == n {
            p.first.saturating_sub(c.last)
        } else {
            1
        };
        // "the commander of the Syrian Democratic Forces, Mazloum Abdi": a body
        // after a title and "of" is an office too.
        let mut start = c.first;
        while start > 0 && backer(toks[start - 1].text(text)) {
            start -= 1;
        }
        let of = match start.checked_sub(1).map(|k| toks[k].text(text)) {
            Some("the") => start.checked_sub(2),
            _ => start.checked_sub(1),
        }
        .filter(|&k| toks[k].text(text) == "of");
        let title_of = of.is_some_and(|k| k > 0 && look.title(k - 1) > 0);
        let office =
            c.kind != ActorKind::Person && (look.title(c.first) > 0 || title_of) && !c.possessive;
        let apposed = toks.get(c.last).is_some_and(|t| t.text(text) == ",")
            && (1..=3).contains(&gap)
            && p.kind == ActorKind::Person;
        if office && apposed {
            c.modifier = true;
            if p.affiliation.is_none() {
                p.affiliation = Some(c.name.clone());
            }
        }
    }
}

/// Whether tokens `from..to` are only titles, the bodies and countries they
/// are of and the words joining them ("Minister for Foreign Affairs of
/// Finland", all in capitals or title words). Words inside the span of a
/// mention of `between` (the person's own titles included) are part of it.
fn title_chain(
    text: &str,
    toks: &[Tok],
    look: &Lookups,
    between: &[Mention],
    from: usize,
    to: usize,
) -> bool {
    let mut k = from;
    while k < to {
        if let Some(m) = between
            .iter()
            .find(|m| m.span.start <= toks[k].start && k < m.last)
        {
            k = m.last.max(k + 1);
        } else if look.title(k) > 0 {
            k += look.title(k);
        } else if matches!(toks[k].text(text), "of" | "for" | "the")
            || is_capitalised(toks[k].text(text))
        {
            // An office is written in capitals ("Foreign Affairs"), and the
            // country it is of may be told as the person's own.
            k += 1;
        } else {
            return false;
        }
    }
    to > from
}

/// "Kurdish-led", "Iranian-backed": who stands behind the body named next.
pub(super) fn backer(word: &str) -> bool {
    word.ends_with("-led") || word.ends_with("-backed")
}

/// Whether a line ends before token `k`. A name does not run over a line: a
/// briefing's header gives the speaker and the dateline on lines of their own
/// ("DEPUTY SPOKESPERSON TAM RUEN" / "WASHINGTON, D.C.").
pub(super) fn line_break_before(text: &str, toks: &[Tok], k: usize) -> bool {
    k > 0 && text[toks[k - 1].end..toks[k].start].contains('\n')
}

/// "SPOKESPERSON TAM RUEN LIMA, THURSDAY": in a header set in capitals, a
/// country or capital after a name of two words or more is the dateline, even
/// where the lines of the header were run together.
pub(super) fn dateline_after_name(
    text: &str,
    toks: &[Tok],
    look: &Lookups,
    j: usize,
    k: usize,
) -> bool {
    let caps = |x: usize| {
        let w = toks[x].text(text);
        w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
    };
    k >= j + 2 && (j..=k).all(caps) && matches!(look.known(k), Some((_, Known::Country(_))))
}

/// "the Fukushima Daiichi site", "the northern province of Cabo Delgado": an
/// untitled run that a noun of place follows, or that follows "province of",
/// names a place; "Cabo Delgado" is no one a reader could meet.
pub(super) fn names_a_place(
    text: &str,
    toks: &[Tok],
    first: usize,
    end: usize,
    titled: bool,
) -> bool {
    let place = |k: usize| {
        toks.get(k)
            .is_some_and(|t| LEXICON.place_noun.contains(&key(t.text(text))))
    };
    let of_place = first >= 2 && toks[first - 1].text(text) == "of" && place(first - 2);
    !titled && (place(end) || of_place || a_region(text, toks, first, end))
}

/// "South America", "Central Asia", "Sub-Saharan Africa", "Western Balkans", "South
/// Caucasus": a part of a continent or of a region (`region_word`), which no one
/// is named and which meets no one.
fn a_region(text: &str, toks: &[Tok], first: usize, end: usize) -> bool {
    if end != first + 2 {
        return false;
    }
    let part = matches!(
        bare(toks[first].text(text)),
        "North"
            | "South"
            | "Central"
            | "Latin"
            | "East"
            | "West"
            | "Eastern"
            | "Western"
            | "Northern"
            | "Southern"
            | "Southeast"
            | "Sub-Saharan"
            | "Northeast"
    );
    let whole = bare(toks[first + 1].text(text));
    part && (whole == "America" || region_word(whole))
}

/// "the North has rejected the offer": a compass point after "the", not followed
/// by a name, stands for the one country of the article named with it.
pub(super) fn compass(text: &str, toks: &[Tok], i: usize, reg: &Registry) -> Option<Mention> {
    let w = toks[i].text(text);
    if !matches!(w.as_bytes().first(), Some(b'N' | b'S' | b'E' | b'W')) {
        return None;
    }
    let point = bare(w);
    let after_the = i > 0 && toks[i - 1].text(text).eq_ignore_ascii_case("the");
    if !matches!(point, "North" | "South" | "East" | "West")
        || !after_the
        || toks
            .get(i + 1)
            .is_some_and(|n| n.kind == TokKind::Word && is_capitalised(n.text(text)))
    {
        return None;
    }
    let country = reg.by_compass(point)?;
    Some(Mention {
        first: i,
        last: i + 1,
        span: Span::new(toks[i].start, toks[i].end),
        name: country.to_string(),
        kind: ActorKind::Country,
        titled: false,
        affiliation: None,
        possessive: bare(w) != w,
        modifier: false,
        group: false,
        side: false,
        title: None,
    })
}

/// Participles after which a named first part acts: "Saudi-brokered talks".
pub(crate) const AGENT_PARTICIPLES: &[&str] = &[
    "brokered",
    "mediated",
    "hosted",
    "led",
    "backed",
    "sponsored",
    "organised",
    "organized",
    "chaired",
];

/// Characters that join the sides of a compound: a hyphen, a non-breaking hyphen
/// or an en dash written without spaces ("Norway–Sweden talks").
const JOINERS: &[char] = &['-', '‑', '–'];

/// Whether a word holds a joiner; asked of every capitalised word, so ASCII words
/// are searched as bytes.
pub(crate) fn has_joiner(w: &str) -> bool {
    if w.is_ascii() {
        w.as_bytes().contains(&b'-')
    } else {
        w.contains(JOINERS)
    }
}

/// The most words a compound of actors runs over ("United States–South Korea").
const COMPOUND_WORDS: usize = 6;

/// The actors of a compound starting at token `i`, and how many tokens it takes:
/// "Armenian-Azerbaijani talks" and "an India-EU summit" name both sides, "the
/// U.S.-China talks", "the United States–South Korea summit" (a side of several
/// words, an en dash, a dotted abbreviation before the hyphen) too; "Saudi-brokered
/// talks" names the broker. A compound the lists know whole ("Guinea-Bissau") or
/// with an unknown part ("Alma-Ata") is left to the rest of the reading.
pub(super) fn compound(text: &str, toks: &[Tok], i: usize) -> Option<(Vec<Mention>, usize)> {
    let t = toks[i];
    if t.kind != TokKind::Word || !is_capitalised(t.text(text)) {
        return None;
    }
    // Most capitalised words have no joiner near them: nothing to read.
    let window = &toks[i..toks.len().min(i + COMPOUND_WORDS)];
    if !window.iter().any(|w| has_joiner(w.text(text))) {
        return None;
    }
    // Tokens written together or one space apart, up to the last one a joiner
    // reaches: the longest span that reads as a compound wins.
    let mut end = i + 1;
    let mut joined = false;
    let mut best = None;
    while end <= toks.len() && end - i <= COMPOUND_WORDS {
        let last = toks[end - 1];
        let span = &text[t.start..last.end];
        let word = last.text(text);
        joined |= has_joiner(word);
        if last.kind == TokKind::Punct && !has_joiner(word) {
            break;
        }
        if joined && let Some(found) = compound_parts(span) {
            best = Some((found, end));
        }
        let Some(next) = toks.get(end) else { break };
        if next.start > last.end + 1 || text[last.end..next.start].contains('\n') {
            break;
        }
        end += 1;
    }
    let ((known, broker), end) = best?;
    let word = &text[t.start..toks[end - 1].end];
    let possessive = bare(word) != word;
    Some((
        known
            .into_iter()
            .map(|k| Mention {
                first: i,
                last: end,
                span: Span::new(t.start, toks[end - 1].end),
                name: k.canonical().to_string(),
                kind: if matches!(k, Known::Org(_)) {
                    ActorKind::Org
                } else {
                    ActorKind::Country
                },
                titled: false,
                affiliation: None,
                possessive,
                modifier: false,
                group: true,
                side: !broker,
                title: None,
            })
            .collect(),
        end - i,
    ))
}

/// The sides a span such as "U.S.-China" or "Saudi-brokered" names, and whether
/// its last part was the participle of a broker; `None` unless every part is
/// known and the whole is not.
fn compound_parts(span: &str) -> Option<(Vec<&'static Known>, bool)> {
    let span = bare(span);
    let joined_without_spaces = span
        .char_indices()
        .filter(|(_, c)| JOINERS.contains(c))
        .all(|(k, c)| {
            let after = span[k + c.len_utf8()..].chars().next();
            let before = span[..k].chars().next_back();
            after.is_some_and(|a| !a.is_whitespace()) && before.is_some_and(|b| !b.is_whitespace())
        });
    if !joined_without_spaces || LEXICON.lookup(span).is_some() {
        return None;
    }
    let mut parts: Vec<&str> = span.split(JOINERS).collect();
    let broker = parts
        .last()
        .is_some_and(|p| AGENT_PARTICIPLES.contains(&lower(p).as_ref()));
    if broker {
        parts.pop();
    } else if parts.len() < 2 {
        return None;
    }
    if parts.is_empty() || !parts.iter().all(|p| is_capitalised(p)) {
        return None;
    }
    let known = parts
        .iter()
        .map(|p| LEXICON.lookup(p))
        .collect::<Option<Vec<_>>>()?;
    Some((known, broker))
}

/// Whether a word such as "Chile-Peru" or "U.S.-China" joins the names of two or
/// more known actors: it says who a meeting is between, never where it is.
pub(crate) fn names_sides(word: &str) -> bool {
    compound_parts(word).is_some_and(|(_, broker)| !broker)
}

pub(super) fn known_mention(
    text: &str,
    toks: &[Tok],
    first: usize,
    last: usize,
    name: String,
    prev: &[Mention],
) -> Mention {
    let last_word = toks[last - 1].text(text);
    let possessive = bare(last_word) != last_word;
    // Every country is in the lists; a name they do not know is a body
    // (`bodies`).
    let kind = match LEXICON.lookup(&name) {
        Some(Known::Org(_)) | None => ActorKind::Org,
        _ => ActorKind::Country,
    };
    // A lower-case noun right after ("U.S. envoy", "Kremlin aide") makes it a modifier;
    // so does a place preposition before.
    let next_lower = toks.get(last).is_some_and(|t| {
        let w = t.text(text);
        t.kind == TokKind::Word
            && !is_capitalised(w)
            && (LEXICON.titles.contains(&key(w)) || NOUN_AFTER.contains(&w))
    });
    // "in Ohrid, North Macedonia": a country after a place is part of the place.
    // Not after a country named as itself: "from Chile, Peru and Bolivia" lists.
    let after_place = first >= 3
        && toks[first - 1].text(text) == ","
        && is_capitalised(toks[first - 2].text(text))
        && PLACE_PREPS.contains(&toks[first - 3].text(text))
        && !prev.last().is_some_and(|c| {
            c.last + 1 == first
                && c.kind == ActorKind::Country
                && text.get(c.span.start..c.span.end) == Some(c.name.as_str())
        });
    // "in Beirut", "to the United Nations": a place or an addressee, not a party.
    let before = if first > 0 && toks[first - 1].text(text).eq_ignore_ascii_case("the") {
        first - 1
    } else {
        first
    };
    // "a delegation from X" is X acting; "the envoy for X" describes the envoy.
    // "The negotiators for X" act on X's behalf, as a delegation or a team for X
    // does: "for" after a group sent to talk names whom it speaks for.
    let from_group = before >= 2 && {
        let group = lower(toks[before - 2].text(text));
        match toks[before - 1].text(text) {
            "from" => GROUPS.contains(&group.as_ref()),
            "for" => SENT_TO_TALK.contains(&group.as_ref()),
            _ => false,
        }
    };
    let prep = before > 0 && {
        let p = lower(toks[before - 1].text(text));
        PLACE_PREPS.contains(&p.as_ref()) || p == "for"
    };
    let after_prep = (prep && !from_group) || after_place;
    let group = group_at(text, toks, last);
    Mention {
        first,
        last,
        span: Span::new(toks[first].start, toks[last - 1].end),
        name,
        kind,
        titled: false,
        affiliation: None,
        possessive,
        modifier: (next_lower && !group) || after_prep,
        group,
        side: false,
        title: None,
    }
}
