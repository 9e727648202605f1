//! What stands in front of a name: titles, offices and portfolios ("Minister
//! for Foreign Affairs"), affiliations and the function words a name follows.

use super::*;

/// What stands in front of a name: titles, affiliations and function words,
/// read from token `i`.
pub(super) struct Front {
    /// Where the name proper may start.
    pub(super) j: usize,
    pub(super) titled: bool,
    /// The last title read, lower case.
    pub(super) title: Option<String>,
    pub(super) affiliation: Option<String>,
}

/// Honorifics that Somali and Arab names carry inside them: "Hassan Sheikh
/// Mohamud" is one name, not "Hassan" and Sheikh Mohamud.
const NAME_HONORIFICS: &[&str] = &["sheikh", "shaikh", "sheik"];

/// Whether token `k` is such an honorific before a further word of the name.
pub(super) fn honorific_in_name(text: &str, toks: &[Tok], look: &Lookups, k: usize) -> bool {
    toks.get(k).is_some_and(|t| {
        let w = t.text(text);
        NAME_HONORIFICS.iter().any(|h| w.eq_ignore_ascii_case(h))
    }) && k + 1 < toks.len()
        && look.name(k + 1)
        && look.title(k + 1) == 0
}

/// A run of titles and affiliations with no name after them (`front` read from
/// `run_start`): "the Secretary" is the one person the article introduced with
/// that title; "the Pakistani commissioners" a country through a group of its
/// people; a known name standing alone is itself an actor.
pub(super) fn titles_alone(
    text: &str,
    toks: &[Tok],
    reg: &Registry,
    run_start: usize,
    front: Front,
    out: &[Mention],
) -> Option<Mention> {
    let Front {
        j,
        titled,
        title,
        affiliation,
    } = front;
    let by_title = title
        .as_deref()
        .filter(|_| affiliation.is_none())
        .and_then(|t| reg.by_title(t));
    let definite = |k: usize| toks[k].text(text).eq_ignore_ascii_case("the");
    // "Assistant to the President Tam Ruen": the end of another's title.
    let in_title = run_start >= 3
        && definite(run_start - 1)
        && toks[run_start - 2].text(text) == "to"
        && is_capitalised(toks[run_start - 3].text(text));
    if let Some(p) = by_title
        && (definite(run_start) || (run_start > 0 && definite(run_start - 1)))
        && !in_title
    {
        return Some(Mention {
            first: run_start,
            last: j,
            span: Span::new(toks[run_start].start, toks[j - 1].end),
            name: p.to_string(),
            kind: ActorKind::Person,
            titled: true,
            affiliation: reg.affiliation(p).map(str::to_string),
            possessive: bare(toks[j - 1].text(text)) != toks[j - 1].text(text),
            modifier: false,
            group: false,
            side: false,
            title,
        });
    }
    // "hosted the Swedish Prime Minister at the White House": an office of a
    // country whose holder goes unnamed (no name after it, nor set off by a
    // comma) stands for the country.
    let singular = titled && title.as_deref().is_some_and(|t| !t.ends_with('s'));
    let named_after = name_set_off_after(text, toks, j);
    // Nor one set off after a name ("Khaled bin Mohamed, the Crown Prince of
    // Abu Dhabi"): that names the holder too.
    let the = if definite(run_start) {
        Some(run_start)
    } else {
        run_start.checked_sub(1).filter(|&k| definite(k))
    };
    let after_a_name = the
        .and_then(|k| k.checked_sub(1))
        .is_some_and(|k| toks[k].text(text) == ",");
    let unnamed_office = singular && !named_after && the.is_some() && !after_a_name;
    let a = affiliation.filter(|_| !singular || unnamed_office)?;
    let mut m = known_mention(text, toks, run_start, j, a, out);
    if titled {
        m.group = !unnamed_office;
        m.modifier = false;
    }
    Some(m)
}

/// "the Egyptian foreign minister, Badr Abdelatty", "the U.S. Special Envoy to
/// the Middle East, Steve Witkoff": a name set off by a comma after an office,
/// past what the office is of or to.
fn name_set_off_after(text: &str, toks: &[Tok], j: usize) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    let comma = (j..(j + 8).min(toks.len()))
        .take_while(|&k| {
            let w = word(k);
            w == "," || matches!(w, "to" | "for" | "of" | "the" | "and") || is_capitalised(w)
        })
        .find(|&k| word(k) == ",");
    comma.is_some_and(|k| is_capitalised(word(k + 1)))
}

/// "Minister of Foreign Affairs of the Republic of Kazakhstan": the "of"
/// phrases after a formal title at `j`, read to where the name may start, with
/// the country the office is of. "Director General of Military Operations, Major
/// General X": capitalised words that end before a comma or a lower-case word are
/// what the office is of, not a name.
pub(super) fn office_of(
    text: &str,
    toks: &[Tok],
    look: &Lookups,
    mut j: usize,
) -> (usize, Option<String>) {
    let mut affiliation = None;
    // "for" leads to a portfolio, never to the country the office is of: the
    // "Special Representative for North Korea" is no North Korean.
    while let Some(prep) = toks
        .get(j)
        .map(|t| t.text(text))
        .filter(|p| matches!(*p, "of" | "for"))
    {
        let of = prep == "of";
        let mut k = j + 1;
        while toks
            .get(k)
            .is_some_and(|t| matches!(t.text(text), "the" | "Republic" | "State" | "of"))
        {
            k += 1;
        }
        // "Minister of State for Europe": the "for" of the portfolio goes on.
        if of && k > j + 1 && toks.get(k).is_some_and(|t| t.text(text) == "for") {
            j = k;
            continue;
        }
        if of && let Some((n, found)) = look.known(k) {
            affiliation = Some(found.canonical().to_string());
            j = k + n;
            continue;
        }
        let mut e = k;
        while toks
            .get(e)
            .is_some_and(|t| t.kind == TokKind::Word && is_capitalised(t.text(text)))
        {
            e += 1;
        }
        let closed = toks
            .get(e)
            .is_none_or(|t| matches!(t.text(text), "," | ")" | ";" | "."));
        // "Deputy Prime Minister for Reintegration Oleg Serebrian": a name may
        // close the run; the portfolio is what comes before it.
        let portfolio = (k..e)
            .take_while(|&x| portfolio_word(toks[x].text(text)) || region_word(toks[x].text(text)))
            .count();
        if portfolio > 0 && e - (k + portfolio) >= 2 {
            j = k + portfolio;
            break;
        }
        if !of && let Some(name_at) = after_fields(text, toks, k) {
            j = name_at;
            break;
        }
        // "Director of the Policy Council Ana Veld, as well as …": a body's name
        // may close the office too, and the name after it the run.
        let body = (k..e).rfind(|&x| LEXICON.thing.contains(&key(toks[x].text(text))));
        if let Some(b) = body.filter(|&b| e - (b + 1) >= 2) {
            j = b + 1;
            break;
        }
        // "Minister of the International Liaison Department of the Central
        // Committee of … Liu Jianchao": a body's name before a further "of" is
        // what the office is of too.
        let body_of = e > k
            && toks.get(e).is_some_and(|t| t.text(text) == "of")
            && LEXICON.thing.contains(&key(toks[e - 1].text(text)));
        if of && e > k && (closed || body_of) && !(k..e).any(|x| look.title(x) > 0) {
            j = e;
            continue;
        }
        break;
    }
    (j, affiliation)
}

/// "Under Secretary for Economic Growth, Energy, and the Environment Jose W.
/// Fernandez", "Special Advisor for International Disability Rights Sara
/// Minkara", "Minister of State for Europe and North America James Cleverly": a
/// portfolio of several fields or regions after "for" (at `k`), joined by
/// commas and "and"; the name is the capitalised words after its last field
/// word, when there are two or more. Where that name starts.
fn after_fields(text: &str, toks: &[Tok], k: usize) -> Option<usize> {
    let word = |x: usize| toks.get(x).map(|t| t.text(text));
    let mut e = k;
    while let Some(w) = word(e) {
        let joint = matches!(w, "," | "and" | "the" | "&");
        if !(joint || (toks[e].kind == TokKind::Word && is_capitalised(w))) {
            break;
        }
        e += 1;
    }
    let last_field = (k..e)
        .rev()
        .find(|&x| word(x).is_some_and(|w| field_word(w) || region_word(w) || w == "America"))?;
    let name = (last_field + 1..e)
        .take_while(|&x| toks[x].kind == TokKind::Word && word(x).is_some_and(is_capitalised))
        .count();
    (name >= 2).then_some(last_field + 1)
}

/// Words of a portfolio that no ending gives away ("Energy", "Human Rights",
/// "Foreign Affairs"), and those [`portfolio_word`] knows by their ending.
fn field_word(word: &str) -> bool {
    const FIELDS: &[&str] = &[
        "affairs",
        "rights",
        "energy",
        "growth",
        "environment",
        "democracy",
        "security",
        "policy",
        "trade",
        "health",
        "climate",
        "cyber",
        "technology",
        "technologies",
        "labor",
        "labour",
        "freedom",
        "issues",
        "diplomacy",
        "control",
        "nonproliferation",
        "resources",
        "intelligence",
        "operations",
        "science",
        "innovation",
        "research",
        "women",
        "youth",
        "finance",
        "defense",
        "defence",
        "justice",
        "peace",
        "reconstruction",
        "reform",
        "process",
    ];
    FIELDS.iter().any(|f| word.eq_ignore_ascii_case(f)) || portfolio_word(word)
}

/// A word of a region an office may be for ("Senior Advisor for Africa X",
/// "Minister for Europe X", "Special Envoy for the Sahel X"): a portfolio, not
/// the first word of the name after it.
pub(super) fn region_word(word: &str) -> bool {
    const REGIONS: &[&str] = &[
        "africa",
        "europe",
        "asia",
        "eurasia",
        "americas",
        "latin",
        "middle",
        "east",
        "sahel",
        "balkans",
        "caucasus",
        "arctic",
        "pacific",
        "indo-pacific",
        "atlantic",
        "gulf",
        "mediterranean",
        "levant",
        "maghreb",
        "caribbean",
        "oceania",
    ];
    REGIONS.iter().any(|r| word.eq_ignore_ascii_case(r))
}

/// A word that names a field of government rather than a person: "Reintegration",
/// "Development", "Security", "Affairs". Names do not end so.
pub(super) fn portfolio_word(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "tion", "sion", "ment", "ity", "ence", "ance", "ics", "ure", "ism", "ship", "ness",
        "affairs",
    ];
    word.len() > 4
        && ENDINGS.iter().any(|e| {
            (word.len().checked_sub(e.len()))
                .and_then(|at| word.get(at..))
                .is_some_and(|end| end.eq_ignore_ascii_case(e))
        })
}

/// A known country or body at `j` with a name or a title after it ("Kazakh
/// Foreign Minister X", "Norway's X" is not one: a possessive owns, it does not
/// affiliate): where the name may go on, and the affiliation it gives unless the
/// country is the post ("Special Envoy for Sudan X", "Ambassador to Norway X").
fn known_before_name(
    text: &str,
    toks: &[Tok],
    look: &Lookups,
    j: usize,
) -> Option<(usize, Option<String>)> {
    let (n, found) = look.known(j)?;
    let after = j + n;
    let next_is_name = toks
        .get(after)
        .is_some_and(|_| look.name(after) || look.title(after) > 0);
    let possessive = bare(toks[after - 1].text(text)) != toks[after - 1].text(text);
    if !next_is_name || possessive {
        return None;
    }
    let post = j > 0 && matches!(toks[j - 1].text(text), "for" | "to");
    Some((after, (!post).then(|| found.canonical().to_string())))
}

/// Strips function words, titles and affiliations from the front of a run of
/// capitalised words at `i` ("Minister of Foreign Affairs of the Republic of
/// Kazakhstan", "Parliament Speaker", "Russian Foreign Minister").
/// Whether the title word at `k` titles someone: not "heads", "chairs" or
/// "leads" as a verb ("Ana Veld heads to Lima", "Per Lund chairs the session"),
/// whose name before it is its subject, not words describing an office.
fn titles_someone(text: &str, toks: &[Tok], look: &Lookups, k: usize) -> bool {
    let verb = matches!(toks[k].text(text), "heads" | "chairs" | "leads");
    let object = toks.get(k + look.title(k)).is_some_and(|t| {
        matches!(
            t.text(text),
            "to" | "the" | "a" | "an" | "for" | "back" | "home" | "into" | "talks"
        )
    });
    !(verb && object)
}

pub(super) fn front(text: &str, toks: &[Tok], look: &Lookups, i: usize) -> Front {
    let mut titled = false;
    let mut title: Option<String> = None;
    let mut affiliation: Option<String> = None;
    let mut j = i;
    while let Some(t) = toks.get(j) {
        if t.kind != TokKind::Word {
            break;
        }
        let w = t.text(text);
        let tl = look.title(j);
        if tl > 0 {
            titled = true;
            // "the Vice President's meetings": the title without its possessive
            title = Some(
                (j..j + tl)
                    .map(|x| bare(toks[x].text(text)).to_lowercase())
                    .collect::<Vec<_>>()
                    .join(" "),
            );
            j += tl;
            // A role in lower case ("the ministers of A and B") leaves the country
            // an actor.
            if is_capitalised(toks[j - tl].text(text)) {
                let (end, of) = office_of(text, toks, look, j);
                j = end;
                affiliation = of.or(affiliation);
            }
            continue;
        }
        if !titled && is_capitalised(w) && LEXICON.function.contains(lower(bare(w)).as_ref()) {
            j += 1;
            continue;
        }
        if let Some((after, country)) = known_before_name(text, toks, look, j) {
            affiliation = country.or(affiliation);
            j = after;
            continue;
        }
        // "SDF commander Mazloum Abdi", "PKK leaders": an acronym in front of a
        // title is the body the person serves.
        if bodies::acronym(w) && look.title(j + 1) > 0 {
            affiliation = Some(w.to_string());
            j += 1;
            continue;
        }
        // An unknown word in front of a title describes the person ("Parliament
        // Speaker", "Ruritanian Foreign Minister"); not a first name before an
        // honorific inside the name ("Hassan Sheikh Mohamud"), nor a name before
        // a verb that is also a title ("Ana Veld heads to Lima").
        if is_capitalised(w)
            && bare(w) == w
            && look.title(j + 1) > 0
            && !honorific_in_name(text, toks, look, j + 1)
            && titles_someone(text, toks, look, j + 1)
        {
            j += 1;
            continue;
        }
        // Two such words: "Vice Unification Minister".
        if is_capitalised(w)
            && toks
                .get(j + 1)
                .is_some_and(|t| is_capitalised(t.text(text)) && bare(t.text(text)) == t.text(text))
            && look.title(j + 2) > 0
            && look.title(j + 1) == 0
            && titles_someone(text, toks, look, j + 2)
        {
            j += 2;
            continue;
        }
        break;
    }
    Front {
        j,
        titled,
        title,
        affiliation,
    }
}
