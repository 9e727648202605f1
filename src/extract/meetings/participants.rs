//! Who took part in a meeting: the actors its clause names, with countries
//! read as the people the article introduced as acting for them, pronouns and
//! "his counterpart" resolved, and anaphors ("the two leaders", "a fourth round",
//! "a joint session") read against the meetings told before (`anaphora`). A sentence that only
//! says who "took part" adds them to the meeting just told; "met A and B
//! separately" is one meeting per party (`split`).

use crate::model::{ActorName, Meeting, MeetingStatus};

use super::super::Doc;
use super::super::actors::{ActorKind, Mention};
use super::super::lexicon::{Known, LEXICON};
use super::super::speech::Said;
use super::super::tokens::is_capitalised;
use super::super::words::Words;
use super::anaphora;
use super::attendance;
use super::decide::Clause;
use super::no_party::{
    a_member, a_place_left, a_side_of_a_relation, a_venue, acts_through_its_body,
    agent_of_a_description, describes_next, holds_the_meeting, in_a_description,
    in_a_persons_title, kept_away, led_by_someone, names_a_period, of_a_message,
    outside_its_own_between, served_by_an_adviser, the_occasion,
};
use super::roles::{ROLES, military, not_a_leader, officers, role_filter};
use super::subjects;

/// The parties one clause names, as `parties` reads them.
pub struct Parties {
    /// One entry per party, the fullest form of each name.
    pub names: Vec<String>,
    /// A pronoun ("he met …", "his call with …") stands for the clause's subject,
    /// who leads: the caller of a call.
    pub pronoun_subject: bool,
    /// "met each leader": the parties are the people told before.
    pub each_after: bool,
}

/// Who takes part in the meeting of one clause: the people and countries it
/// names, the subject a pronoun or relative "who" stands for, countries read as
/// the people acting for them, and the parties an anaphor ("the two leaders",
/// "a joint session") points back to.
pub fn parties(
    doc: &Doc,
    i: usize,
    clause: &Clause,
    said: &Said,
    history: &[(Meeting, bool, usize)],
) -> Parties {
    let mut names: Vec<String> = Vec::new();
    subjects::subject_of_relative(doc, i, clause, &mut names);
    subjects::subject_of_first_verb(doc, i, clause, &mut names);
    subjects::subjects_of_mediated_talks(doc, i, clause, &mut names);
    let named = named_in_clause(doc, i, clause, &mut names);
    attendance::body_attended(doc, i, clause, &mut names);
    countries_as_their_people(doc, &named, &mut names);
    drop_represented_countries(doc, &named.groups, &mut names);
    let pronoun_subject = pronouns_and_counterparts(doc, i, clause, &said.subjects, &mut names)
        | first_person(doc, i, clause, said, &mut names);
    anaphora::object_pronoun(doc, i, clause, &mut names);
    let each_after = each_party(doc, i, clause, history, &mut names);
    let keys = anaphora::lower_case(clause);
    anaphora::referred_back(doc, i, clause, &keys, history, &mut names);
    anaphora::we_again(doc, i, clause, said, history, &mut names);
    anaphora::joint_session(doc, clause, &keys, history, &mut names);
    anaphora::listed_meeting(doc, i, clause, &mut names);
    people_over_compounds(&mut names, &named.compounds);
    // "the first foreign leader I spoke with": the writer, whom the text does not
    // name, is no name a reader can use.
    names.retain(|n| !matches!(n.as_str(), "I" | "We" | "Me" | "Us" | "we" | "me" | "us"));
    Parties {
        names,
        pronoun_subject,
        each_after,
    }
}

/// Adds a party unless a form of its name is there already; "Borg Camilleri"
/// after "Petra Borg Camilleri" is one person, under the fuller name.
pub fn add(n: &str, names: &mut Vec<String>) {
    match names.iter().position(|x| same_name(x, n)) {
        Some(at) => {
            if n.len() > names[at].len() {
                names[at] = n.to_string();
            }
        }
        None => names.push(n.to_string()),
    }
}

/// What the names of a clause say beyond the names themselves.
struct Named<'d> {
    /// Each country named through a group of its people ("the Indian
    /// commissioners"), and whether they are its officers.
    groups: Vec<(&'d str, bool)>,
    /// The sides of a compound naming the meeting ("a Japan-China ministers' meeting").
    compounds: Vec<&'d str>,
    /// "the foreign ministers of A and B" where the article names no such minister.
    role_unfilled: bool,
}

/// The actors the clause names as parties: not possessors or modifiers ("Iran's
/// capital"), except one whose offer it is ("Seoul's offer of talks"); "the Maduro
/// government" is the country; "the foreign ministers of A and B" are the people,
/// when the article names them. After a verb of discussing ("X and Y discussed
/// Z") what follows is the topic.
fn named_in_clause<'d>(
    doc: &'d Doc,
    i: usize,
    clause: &Clause,
    names: &mut Vec<String>,
) -> Named<'d> {
    let Clause {
        words, group, left, ..
    } = *clause;
    let in_parties = party_span(clause);
    let mut named = Named {
        groups: Vec::new(),
        compounds: Vec::new(),
        role_unfilled: false,
    };
    // "a summit on Somalia and South Sudan", "talks on Syria": what follows "on"
    // right after the cue is the subject of the meeting, and so is the list it
    // opens. ("The envoy on Myanmar" is a title: its country may be a party.)
    let on_after_cue = |k: usize| group.iter().any(|c| c.0 + c.1 == k);
    let mut topic_end = None;
    for m in doc.mentions[i]
        .iter()
        .filter(|m| m.first >= left && in_parties(m))
    {
        let before = m.first.checked_sub(1).map(|k| words.key(k));
        let listed = topic_end
            .is_some_and(|e: usize| m.first <= e + 2 && matches!(before, Some("and" | "," | "or")));
        let topic = before == Some("on") && on_after_cue(m.first - 1);
        if m.kind != ActorKind::Person && (topic || listed) {
            topic_end = Some(m.last);
            continue;
        }
        if !no_party(doc, i, clause, m) {
            add_party(doc, words, m, &mut named, names);
        }
    }
    named
}

/// Where the clause names its parties: all of it, but after a verb of discussing
/// ("X and Y discussed Z") only before the cue, and after the "with" that follows
/// the topic ("X discussed the border with Y"); "with respect to" and "with
/// regard to" go on with the topic. A passive "negotiated by X and Y"
/// names them after it.
fn party_span<'c>(clause: &'c Clause) -> impl Fn(&Mention) -> bool + 'c {
    let Clause {
        words,
        group,
        right,
        ..
    } = *clause;
    let topic_verb = group.iter().all(|c| {
        matches!(c.2.words[0].as_str(), "discussed" | "negotiated")
            && words.get(c.0 + c.1) != Some(&"by")
    });
    let right_of_parties = if topic_verb { clause.first() } else { right };
    let with_after_topic = topic_verb
        .then(|| {
            (clause.first()..right).find(|&k| {
                words.key(k) == "with"
                    && !matches!(
                        words.key_at(k + 1),
                        Some("respect" | "regard" | "reference")
                    )
            })
        })
        .flatten();
    move |m: &Mention| {
        m.last <= right_of_parties
            || with_after_topic.is_some_and(|w| m.first > w && m.last <= right)
    }
}

/// A name in the clause that is no party (the families of `no_party.rs`): a delegation's
/// leader, a member, a period, a side of a relation, a venue; a possessive or
/// modifier that neither offers nor holds the meeting; a name describing the next.
fn no_party(doc: &Doc, i: usize, clause: &Clause, m: &Mention) -> bool {
    let (words, left) = (clause.words, clause.left);
    if led_by_someone(doc, i, words, m)
        || a_member(words, left, m.first)
        || served_by_an_adviser(words, m.first)
        || agent_of_a_description(words, m.first)
        || names_a_period(words, m.first)
        || the_occasion(words, m.first)
        || a_side_of_a_relation(words, m.first)
        || a_venue(words, m)
        || a_place_left(words, m)
        || in_a_description(words, clause.group, m.first)
        || kept_away(words, m, clause.first())
        || quoted_apart(doc, i, m, clause.first())
        || outside_its_own_between(words, clause.group, m)
        || of_a_message(words, m.first)
        || in_a_persons_title(doc, i, words, m)
    {
        return true;
    }
    if acts_through_its_body(words, m) {
        return false;
    }
    let offers = m.possessive
        && m.kind != ActorKind::Person
        && words.get(m.last).is_some_and(|w| {
            matches!(*w, "offer" | "proposal" | "invitation" | "request" | "plan")
        });
    ((m.possessive || m.modifier)
        && !offers
        && !holds_the_meeting(words, clause.group, m)
        && office_after(words, m).is_none())
        || describes_next(doc, i, m)
}

/// "Guterres, addressing the opening session: “The conflict in eastern DRC
/// …”": a name inside a quotation (of a sentence's length, not a scare-quoted
/// title) is what someone says, no party to a meeting told outside it.
fn quoted_apart(doc: &Doc, i: usize, m: &Mention, cue: usize) -> bool {
    doc.quote_words(i, m.first)
        .is_some_and(|(a, b)| b - a >= 6 && !(a..b).contains(&cue))
}

/// Adds a party as named: "the Maduro government" is the country; "the foreign
/// minister of X" is the person the article names in that role for X, or the
/// country when it names none; a group of a country's people and a side of a
/// compound are noted for the mappings that follow.
fn add_party<'d>(
    doc: &Doc,
    words: Words,
    m: &'d Mention,
    named: &mut Named<'d>,
    names: &mut Vec<String>,
) {
    if m.group {
        named.groups.push((&m.name, officers(words, m.last)));
    }
    if let Some(title) = office_after(words, m) {
        add(
            doc.registry.holder_of(&m.name, &title).unwrap_or(&m.name),
            names,
        );
        return;
    }
    if m.kind == ActorKind::Person
        && words
            .key_at(m.last)
            .is_some_and(|w| matches!(w, "government" | "administration" | "regime" | "cabinet"))
        && let Some(c) = doc.registry.affiliation(&m.name)
    {
        add(c, names);
        return;
    }
    let role_before = (m.first.saturating_sub(5)..m.first)
        .rev()
        .find(|&k| ROLES.contains(&words.key(k)));
    if m.kind == ActorKind::Country
        && let Some(r) = role_before
    {
        match doc
            .registry
            .of_country_as(&m.name, role_filter(words.key(r)))
        {
            Some(p) => add(p, names),
            // No one the article names holds that role for the country: it
            // stays the country, not whoever else acts for it.
            None => {
                named.role_unfilled = true;
                add(&m.name, names);
            }
        }
        return;
    }
    if m.side {
        named.compounds.push(&m.name);
    }
    add(&m.name, names);
}

/// "Chile's foreign minister met …", "hosted Chile's president": a country's
/// office named after its possessive, with no name after it, is the person the
/// article introduced in it, else the country. Returns the office.
fn office_after(words: Words, m: &Mention) -> Option<String> {
    if !m.possessive || m.kind != ActorKind::Country {
        return None;
    }
    let (n, title) = (1..=3).rev().find_map(|n| {
        let lower = m.last + n <= words.len()
            && (m.last..m.last + n).all(|k| words[k].starts_with(char::is_lowercase));
        let title = words
            .slice(m.last..(m.last + n).min(words.len()))
            .phrase_key();
        (lower && LEXICON.titles.contains(&title)).then_some((n, title))
    })?;
    let named_after = words.get(m.last + n).is_some_and(|w| is_capitalised(w));
    (!named_after && !title.ends_with('s')).then_some(title)
}

/// Two countries meeting are, in practice, the people the article introduced as
/// acting for them ("Iran and the United States held talks"). A country named
/// through its delegation or negotiators is not its head of state or government,
/// and one named through its officers only an officer the article gives a title.
fn countries_as_their_people(doc: &Doc, named: &Named, names: &mut Vec<String>) {
    let mapped: Vec<String> = names
        .iter()
        .filter_map(|n| {
            let group = named.groups.iter().find(|(g, _)| *g == n.as_str());
            let officers = group.is_some_and(|(_, o)| *o);
            let role: Option<fn(&str) -> bool> =
                group.map(|_| if officers { military } else { not_a_leader });
            let p = doc.registry.of_country_as(n, role)?;
            let officer = doc.registry.title_of(p).is_some_and(military);
            (!officers || officer).then(|| p.to_string())
        })
        .collect();
    let distinct = mapped
        .iter()
        .enumerate()
        .all(|(n, p)| !mapped[..n].contains(p));
    if names.len() >= 2 && mapped.len() == names.len() && distinct && !named.role_unfilled {
        *names = mapped;
    }
}

/// A country named beside the person who acts for it ("X met China's foreign
/// minister Y") is that person: naming both counts one side twice.
fn drop_represented_countries(doc: &Doc, groups: &[(&str, bool)], names: &mut Vec<String>) {
    let represented: Vec<bool> = names
        .iter()
        .map(|c| {
            !groups.iter().any(|(g, _)| *g == c.as_str())
                && names
                    .iter()
                    .any(|p| p != c && doc.registry.affiliation(p) == Some(c.as_str()))
        })
        .collect();
    if represented.iter().any(|&r| r) {
        let mut r = represented.into_iter();
        names.retain(|_| !r.next().unwrap_or(false));
    }
}

/// "I met X", "my call with X" inside a quotation or a transcript turn: the
/// speaker is a party, and leads as the caller of a call.
fn first_person(
    doc: &Doc,
    i: usize,
    clause: &Clause,
    said: &Said,
    names: &mut Vec<String>,
) -> bool {
    let (words, first) = (clause.words, clause.first());
    let speaker = (clause.left..first.min(words.len()))
        .filter(|&k| words[k] == "I" || (words.key(k) == "my" && k + 1 == first))
        .find_map(|k| said.voice_at(doc.toks[i][k].start));
    match speaker {
        Some(s) if !names.iter().any(|x| x.eq_ignore_ascii_case(s)) && !anonymous(s) => {
            names.insert(0, s.to_string());
            true
        }
        _ => false,
    }
}

/// A speaker a transcript labels by role only ("SENIOR ADMINISTRATION
/// OFFICIAL:", "MODERATOR:"): the reader cannot tell who met whom.
fn anonymous(speaker: &str) -> bool {
    let last = speaker.rsplit(' ').next().unwrap_or(speaker);
    ["official", "officials", "moderator", "participant", "staff"]
        .iter()
        .any(|w| last.eq_ignore_ascii_case(w))
}

/// Pronoun subjects ("he met …", "his call with …") and "his Kazakh
/// counterpart". Returns whether a pronoun stood for the subject.
fn pronouns_and_counterparts(
    doc: &Doc,
    i: usize,
    clause: &Clause,
    subjects: &[Option<String>],
    names: &mut Vec<String>,
) -> bool {
    let Clause {
        words, left, right, ..
    } = *clause;
    let first = clause.first();
    // "During the visit she will meet X": a pronoun right before a later cue of
    // the group is that cue's subject, though a noun cue opened the clause.
    let subject_of_a_cue =
        |k: usize| k < first || clause.group.iter().any(|c| c.0 > k && c.0 <= k + 4);
    let mut pronoun_subject = false;
    for k in left..right.min(words.len()) {
        let w = words.key(k);
        let possessive_before = (w == "his" || w == "her") && k + 1 == first;
        if ((w == "he" || w == "she") && subject_of_a_cue(k)) || possessive_before {
            pronoun_subject = true;
            // "Ana Veld flew to Oslo, where he met …": the person the sentence
            // opened with; otherwise whom the text was about. The subject leads:
            // it is the caller of a call.
            // A person named after an earlier pronoun is that pronoun's object ("she
            // will meet A …, and she will join B"), not what the next one refers to.
            let first_pronoun = (0..words.len())
                .position(|x| matches!(words.key(x), "he" | "she" | "his" | "her"))
                .unwrap_or(k);
            let earlier = doc.mentions[i]
                .iter()
                .find(|m| {
                    m.kind == ActorKind::Person
                        && (!m.possessive || speaks_through_staff(words, m.last))
                        && m.last <= k
                        && m.last <= first_pronoun
                })
                .map(|m| &m.name);
            if let Some(s) = earlier.or(subjects[i].as_ref())
                && !names.iter().any(|x| x.eq_ignore_ascii_case(s))
            {
                names.insert(0, s.clone());
            }
        }
        if w == "counterpart" && k >= 1 {
            let country = doc.mentions[i]
                .iter()
                .find(|m| m.last == k)
                .map(|m| m.name.clone());
            if let Some(p) = country.and_then(|c| doc.registry.of_country(&c).map(str::to_string)) {
                add(&p, names);
            } else if let Some(c) = unnamed_counterpart(doc, i, k) {
                add(&c, names);
            }
        }
    }
    pronoun_subject
}

/// "Ana Veld's office said she would meet Y", "Per Lund's spokesman said he
/// …": the person whose office, spokesperson or aides speak is whom the pronoun
/// after stands for (the office is no one who meets). `at` is the word after
/// the possessive name.
fn speaks_through_staff(words: Words, at: usize) -> bool {
    words.key_at(at).is_some_and(|w| {
        matches!(
            w,
            "office" | "spokesman" | "spokeswoman" | "spokesperson" | "aide" | "aides" | "staff"
        )
    })
}

/// "her Rwandan counterpart" that no name follows, in an article that names no one
/// for Rwanda: the minister is left unnamed, so the country is the party. ("his
/// Peruvian counterpart, Tam Ruen" is Tam Ruen, read as a name of the clause; with
/// several people named for the country, which one is meant is unknown.)
fn unnamed_counterpart(doc: &Doc, i: usize, k: usize) -> Option<String> {
    let words = doc.words(i);
    let Some(Known::Demonym(country)) = LEXICON.lookup(words[k - 1]) else {
        return None;
    };
    let named_after = doc.mentions[i]
        .iter()
        .any(|m| m.kind == ActorKind::Person && m.first > k && m.first <= k + 4);
    // "met Ana Veld, his Norwegian counterpart,": the counterpart is the name the
    // phrase is set off after.
    let opens = k.saturating_sub(2);
    let named_before = opens > 0
        && words[opens - 1] == ","
        && matches!(words.key(opens), "his" | "her" | "its" | "their" | "the")
        && doc.mentions[i]
            .iter()
            .any(|m| m.kind == ActorKind::Person && m.last + 1 == opens);
    (!named_after && !named_before && !doc.registry.names_someone_of(country))
        .then(|| country.clone())
}

/// "met each leader separately", "met each side": the people the previous
/// sentence named, when none follows the cue, or else the other parties of the
/// last meeting. Returns whether "each" follows the cue.
fn each_party(
    doc: &Doc,
    i: usize,
    clause: &Clause,
    history: &[(Meeting, bool, usize)],
    names: &mut Vec<String>,
) -> bool {
    let Clause {
        words,
        group,
        right,
        ..
    } = *clause;
    let after_cue = group.last().map_or(clause.first(), |c| c.0 + c.1);
    let each_after = words.key_at(after_cue) == Some("each");
    let named_after = doc.mentions[i]
        .iter()
        .any(|m| m.first >= after_cue && m.last <= right && !m.modifier);
    if each_after && !named_after && i > 0 {
        let before = names.len();
        for m in doc.mentions[i - 1]
            .iter()
            .filter(|m| m.kind == ActorKind::Person && !m.possessive && !m.modifier)
        {
            add(&m.name, names);
        }
        if names.len() == before
            && let Some((prev, _, _)) = history.last()
        {
            for p in &prev.participants {
                add(p.as_str(), names);
            }
        }
    }
    each_after
}

/// Adds the actors of sentence `i` to the meeting told in one of the two sentences
/// before, when `i` only says who took part ("Ministers from A and B took part";
/// "The X delegation was led by Y"; lexicon sections `took_part`, `will_take_part`). Countries stand for the person the
/// article introduced as acting for them ("Ministers from A and B").
pub fn add_participants(
    doc: &Doc,
    i: usize,
    before: usize,
    history: &mut [(Meeting, bool, usize)],
) {
    let Some((m, _, at)) = history.last_mut() else {
        return;
    };
    if *at + 2 < i || doc.in_quote(i, 0) || m.status == MeetingStatus::Cancelled {
        return;
    }
    // A past phrase adds to a meeting held, a future one to a meeting to come.
    let phrases = if m.status == MeetingStatus::Held {
        &LEXICON.took_part
    } else {
        &LEXICON.will_take_part
    };
    let words = doc.words(i);
    let Some((at_phrase, _)) = phrases
        .find(words, 0..words.len())
        .filter(|(at, _)| *at <= before)
    else {
        return;
    };
    // Only those named before a meeting the sentence tells of its own: "X joined
    // the talks and afterwards signed an accord with Y" adds X, not Y.
    let named_before = if before < words.len() {
        at_phrase
    } else {
        words.len()
    };
    for a in doc.mentions[i]
        .iter()
        .filter(|a| !a.possessive && !a.modifier && a.last <= named_before)
    {
        let name = match a.kind {
            ActorKind::Person => a.name.as_str(),
            _ => doc.registry.of_country(&a.name).unwrap_or(&a.name),
        };
        let known = m.participants.iter().any(|p| same_name(p.as_str(), name));
        if !known && let Some(n) = ActorName::new(name) {
            m.participants.push(n);
        }
    }
    people_for_their_countries(doc, m);
}

/// "Talks between Chile and Peru ended on Tuesday. Chile's foreign minister, A,
/// also took part": a person added to a meeting of countries stands for the
/// country the article ties them to, as in a meeting's own clause
/// (`drop_represented_countries`); the country goes.
fn people_for_their_countries(doc: &Doc, m: &mut Meeting) {
    let mut names: Vec<String> = m.participants.iter().map(|p| p.to_string()).collect();
    drop_represented_countries(doc, &[], &mut names);
    m.participants
        .retain(|p| names.iter().any(|n| n == p.as_str()));
}

/// "Takeshi Iwaya, Minister for Foreign Affairs of Japan, held a Japan-China
/// Foreign Ministers' Meeting with Wang Yi": when two people or more meet, the
/// sides of a compound that names their meeting are the sides those people act
/// for, not further parties. (A broker, "Qatari-mediated talks", is no side and
/// stays; a country whose name has a hyphen, "Guinea-Bissau", is no compound.)
fn people_over_compounds(names: &mut Vec<String>, compounds: &[&str]) {
    let people = names.iter().filter(|n| LEXICON.lookup(n).is_none()).count();
    if people >= 2 {
        names.retain(|n| !compounds.contains(&n.as_str()));
    }
}

/// Two forms of one name: equal, or one the other's ending ("Borg Camilleri",
/// "Petra Borg Camilleri").
pub fn same_name(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.len() >= short.len()
        && (long.eq_ignore_ascii_case(short)
            || (long.is_char_boundary(long.len() - short.len())
                && long[long.len() - short.len()..].eq_ignore_ascii_case(short)
                && long[..long.len() - short.len()].ends_with(' '))
            || same_core(a, b))
}

/// "Ferdinand R. Marcos" and "Ferdinand Marcos Jr.": one name written with and
/// without a middle initial or a generational suffix. Asked of every pair of
/// names a meeting gathers, so it compares words in place.
fn same_core(a: &str, b: &str) -> bool {
    fn core(n: &str) -> impl Iterator<Item = &str> {
        n.split(' ').map(|w| w.trim_end_matches(',')).filter(|w| {
            let initial = w.len() == 2 && w.ends_with('.');
            let suffix = matches!(*w, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV");
            !initial && !suffix && !w.is_empty()
        })
    }
    let (mut x, mut y) = (core(a), core(b));
    let mut n = 0;
    loop {
        match (x.next(), y.next()) {
            (None, None) => return n >= 2,
            (Some(p), Some(q)) if p.eq_ignore_ascii_case(q) => n += 1,
            _ => return false,
        }
    }
}
