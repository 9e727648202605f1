//! The brief as Discord embeds: pure functions, so every Discord limit is checked by
//! unit tests instead of by Discord refusing a message in production.
//!
//! Feed text is untrusted: it is markdown-escaped (a headline cannot turn into a
//! masked link or a spoiler) and mentions are broken with a zero-width space, on top
//! of the empty `allowed_mentions` the bot sends with every message. Anything too
//! long is cut with "…and N more" rather than failing the whole answer.

use chrono::{DateTime, NaiveDate, Utc};

use super::discord_opening as opening;
use super::{kind_label, participants, pending_label, status_label};
use crate::brief::Brief;
use crate::developments::{PendingState, Report};
use crate::model::Speech;

/// Discord's documented limits, in characters.
pub mod limits {
    pub const TITLE: usize = 256;
    pub const DESCRIPTION: usize = 4096;
    pub const FIELDS: usize = 25;
    pub const FIELD_NAME: usize = 256;
    pub const FIELD_VALUE: usize = 1024;
    pub const FOOTER: usize = 2048;
    pub const AUTHOR: usize = 256;
    /// Over all embeds of one message.
    pub const TOTAL: usize = 6000;
    pub const EMBEDS: usize = 10;
    pub const CONTENT: usize = 2000;
    /// Autocomplete choices per answer, and characters per choice name and value.
    pub const CHOICES: usize = 25;
    pub const CHOICE_NAME: usize = 100;
}

/// Embed colour (Readout blue).
pub const COLOR: u32 = 0x2B6CB0;

/// A Discord embed as plain data; the bot turns it into serenity's builder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Embed {
    pub title: String,
    pub url: Option<String>,
    pub description: Option<String>,
    pub fields: Vec<EmbedField>,
    pub footer: Option<String>,
    pub timestamp: Option<DateTime<Utc>>,
    pub color: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmbedField {
    pub name: String,
    pub value: String,
    pub inline: bool,
}

impl Embed {
    /// Characters Discord counts towards the 6000 total.
    pub fn char_count(&self) -> usize {
        let n = |s: &str| s.chars().count();
        n(&self.title)
            + self.description.as_deref().map_or(0, n)
            + self.footer.as_deref().map_or(0, n)
            + self
                .fields
                .iter()
                .map(|f| n(&f.name) + n(&f.value))
                .sum::<usize>()
    }

    /// Cuts every part to its limit (a last line of defence: the builders below
    /// already stay within them).
    pub fn clamped(mut self) -> Self {
        self.title = truncate(&self.title, limits::TITLE);
        self.description = self
            .description
            .map(|d| truncate(&d, limits::DESCRIPTION))
            .filter(|d| !d.is_empty());
        self.footer = self.footer.map(|f| truncate(&f, limits::FOOTER));
        self.fields.truncate(limits::FIELDS);
        for f in &mut self.fields {
            f.name = non_empty(truncate(&f.name, limits::FIELD_NAME));
            f.value = non_empty(truncate(&f.value, limits::FIELD_VALUE));
        }
        self
    }
}

/// Discord refuses empty field names and values.
fn non_empty(s: String) -> String {
    if s.trim().is_empty() {
        "\u{200B}".into()
    } else {
        s
    }
}

/// Keeps a message within the limits over all its embeds: at most 10, at most 6000
/// characters together. Embeds that do not fit are dropped and the last kept one
/// says how many were left out.
pub fn fit_message(embeds: Vec<Embed>) -> Vec<Embed> {
    let embeds: Vec<Embed> = embeds.into_iter().map(Embed::clamped).collect();
    let total = embeds.len();
    let mut out: Vec<Embed> = Vec::new();
    let mut used = 0;
    // Room kept for the footer note about dropped embeds.
    const NOTE_ROOM: usize = 40;
    for (i, e) in embeds.into_iter().enumerate() {
        let remaining_after = total - i - 1;
        let room = limits::TOTAL.saturating_sub(used + NOTE_ROOM);
        let e = if e.char_count() > room {
            shrink(e, room)
        } else {
            e
        };
        if e.char_count() > room {
            note_dropped(&mut out, total - i);
            return out;
        }
        used += e.char_count();
        out.push(e);
        if out.len() == limits::EMBEDS && remaining_after > 0 {
            note_dropped(&mut out, remaining_after);
            return out;
        }
    }
    out
}

fn note_dropped(out: &mut [Embed], n: usize) {
    if let Some(last) = out.last_mut() {
        let note = format!("…and {n} more not shown");
        last.footer = Some(match last.footer.take() {
            Some(f) => truncate(&format!("{f} · {note}"), limits::FOOTER),
            None => note,
        });
    }
}

/// Shrinks an embed towards `room` characters: fields are dropped from the end,
/// then the description is cut.
fn shrink(mut e: Embed, room: usize) -> Embed {
    let mut dropped = 0;
    while e.char_count() > room && !e.fields.is_empty() {
        e.fields.pop();
        dropped += 1;
    }
    if e.char_count() > room {
        let without = e.char_count() - e.description.as_deref().map_or(0, |d| d.chars().count());
        let keep = room.saturating_sub(without);
        e.description = e
            .description
            .map(|d| truncate(&d, keep))
            .filter(|d| !d.is_empty());
    }
    if dropped > 0 {
        let note = format!("…and {dropped} more sections");
        let footer = match &e.footer {
            Some(f) => format!("{f} · {note}"),
            None => note,
        };
        let old = e.footer.as_deref().map_or(0, |f| f.chars().count());
        if e.char_count() - old + footer.chars().count() <= room {
            e.footer = Some(truncate(&footer, limits::FOOTER));
        }
    }
    e
}

/// Cuts `s` to at most `max` characters, ending with "…" when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}

/// Escapes Discord markdown in untrusted text and breaks mentions, so an article can
/// neither format the message nor ping anyone (`@everyone` keeps its look but is
/// inert). Line breaks become spaces: a headline cannot start a quote or a heading.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '*' | '_' | '~' | '`' | '|' | '>' | '<' | '#' | '[' | ']' | '(' | ')' | ':' => {
                out.push('\\');
                out.push(c);
            }
            '@' => out.push_str("@\u{200B}"),
            '\r' | '\n' | '\t' => out.push(' '),
            c if super::hidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// A URL fit for a masked link: http(s) only, with the characters that would end
/// the markdown link percent-encoded. `None` for anything else.
pub fn link_target(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    Some(
        parsed
            .as_str()
            .replace('(', "%28")
            .replace(')', "%29")
            .replace(' ', "%20"),
    )
}

/// `[text](url)` with the text escaped, or just the escaped text.
pub fn masked_link(text: &str, url: &str) -> String {
    match link_target(url) {
        Some(u) => format!("[{}]({u})", escape(text)),
        None => escape(text),
    }
}

/// Discord timestamp styles: `d` short date, `f` date and time, `R` relative.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeStyle {
    Date,
    DateTime,
    Relative,
}

/// `<t:UNIX:d>`: every reader sees the time in their own time zone and language.
pub fn timestamp(t: DateTime<Utc>, style: TimeStyle) -> String {
    let s = match style {
        TimeStyle::Date => 'd',
        TimeStyle::DateTime => 'f',
        TimeStyle::Relative => 'R',
    };
    format!("<t:{}:{s}>", t.timestamp())
}

/// A calendar date as a timestamp at noon UTC, so it shows as the same day in
/// almost every time zone.
pub(super) fn date_stamp(d: NaiveDate) -> String {
    let noon = d.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
    timestamp(noon, TimeStyle::Date)
}

/// Lines joined up to `max` characters; what does not fit is counted in a last
/// "…and N more" line. `total` counts all items, including those not in `lines`.
pub fn bounded_list(lines: &[String], total: usize, max: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    let mut shown = 0;
    for (i, line) in lines.iter().enumerate() {
        let left_after = total - i - 1;
        // Keep room for the "more" line unless this is the last item.
        let reserve = if left_after > 0 {
            more_line(total).chars().count() + 1
        } else {
            0
        };
        let sep = usize::from(!out.is_empty());
        let budget = max.saturating_sub(used + sep + reserve);
        let line = if line.chars().count() > budget && shown == 0 {
            // Always show at least part of the first item.
            truncate(line, budget)
        } else {
            line.clone()
        };
        let n = line.chars().count();
        if n == 0 || n > budget {
            break;
        }
        if sep == 1 {
            out.push('\n');
        }
        out.push_str(&line);
        used += sep + n;
        shown += 1;
    }
    if shown < total {
        let more = format!("…and {} more", total - shown);
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&more);
    }
    truncate(&out, max)
}

fn more_line(total: usize) -> String {
    format!("…and {total} more")
}

/// Which part of a brief to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Met,
    Said,
    Pending,
}

impl Section {
    pub fn heading(self) -> &'static str {
        match self {
            Section::Met => "Who met",
            Section::Said => "What was said",
            Section::Pending => "What is pending",
        }
    }
    fn empty(self) -> &'static str {
        match self {
            Section::Met => "No meetings reported.",
            Section::Said => "No statements reported.",
            Section::Pending => "Nothing pending.",
        }
    }
}

/// The link to an item's newest source, named after the outlet.
fn source_link(reports: &[Report]) -> String {
    let Some(r) = reports.first() else {
        return String::new();
    };
    let mut s = masked_link(&r.article.outlet, &r.article.url);
    if reports.len() > 1 {
        s.push_str(&format!(" +{}", reports.len() - 1));
    }
    s
}

/// How long a quote may be in a line: the whole brief shares 6000 characters.
fn quote_room(detail: bool) -> usize {
    if detail { 600 } else { 200 }
}

/// One line per item of a section.
pub fn section_lines(brief: &Brief, section: Section, detail: bool) -> Vec<String> {
    match section {
        Section::Met => brief
            .met
            .iter()
            .map(|d| {
                let m = &d.item;
                let mut facts = vec![status_label(m.status).to_string()];
                facts.push(match m.date {
                    Some(date) => date_stamp(date),
                    None => timestamp(d.latest(), TimeStyle::Date),
                });
                if let Some(p) = &m.place {
                    facts.push(escape(p));
                }
                if let Some(k) = kind_label(m.kind) {
                    facts.push(k.to_string());
                }
                let mut line = format!(
                    "• **{}** · {} · {}",
                    escape(&participants(&m.participants)),
                    facts.join(" · "),
                    source_link(&d.reports)
                );
                if detail {
                    line.push_str(&format!(
                        "\n  > {}",
                        escape(&truncate(&m.evidence.sentence, quote_room(true)))
                    ));
                }
                line
            })
            .collect(),
        Section::Said => brief
            .said
            .iter()
            .map(|d| {
                let s = &d.item;
                let to = s
                    .audience
                    .as_deref()
                    .map(|a| format!(" to {}", escape(a)))
                    .unwrap_or_default();
                let quote = escape(&truncate(s.quote.trim(), quote_room(detail)));
                let words = match s.speech {
                    Speech::Direct => format!("“{quote}”"),
                    Speech::Reported => format!("(reported) {quote}"),
                };
                format!(
                    "• **{}**{to} ({}): {words} · {}",
                    escape(s.speaker.as_str()),
                    timestamp(d.latest(), TimeStyle::Date),
                    source_link(&d.reports)
                )
            })
            .collect(),
        Section::Pending => brief
            .pending
            .iter()
            .map(|p| {
                let item = &p.development.item;
                let who = super::actors(&item.actors)
                    .map(|w| format!(" — {}", escape(&w)))
                    .unwrap_or_default();
                let due = match &item.due {
                    Some(d) => match d.date {
                        Some(date) => format!(" — due {}", date_stamp(date)),
                        None => format!(" — due {}", escape(&d.text)),
                    },
                    None => String::new(),
                };
                let mut line = format!(
                    "• `{}` {}{who}{due} ({}) · {}",
                    pending_label(&p.state),
                    escape(&truncate(&item.what, quote_room(detail))),
                    timestamp(p.development.latest(), TimeStyle::Date),
                    source_link(&p.development.reports)
                );
                if let PendingState::Done { by } | PendingState::Abandoned { by } = &p.state {
                    line.push_str(&format!(
                        " → {} {}",
                        timestamp(by.article.published, TimeStyle::Date),
                        masked_link(&by.article.outlet, &by.article.url)
                    ));
                }
                line
            })
            .collect(),
    }
}

/// One line per source: outlet, title (linked), date.
pub fn source_lines(brief: &Brief) -> Vec<String> {
    brief
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            format!(
                "{}. {} — {} · {}",
                i + 1,
                escape(&s.outlet),
                masked_link(&truncate(&s.title, 150), &s.url),
                timestamp(s.published, TimeStyle::Date)
            )
        })
        .collect()
}

fn section_total(brief: &Brief, section: Section) -> usize {
    match section {
        Section::Met => brief.met.len(),
        Section::Said => brief.said.len(),
        Section::Pending => brief.pending.len(),
    }
}

/// "As of …, most recent developments" / "As of …, since …", and a second line
/// when the newest development is old.
fn window_line(brief: &Brief) -> String {
    let window = match brief.since {
        Some(s) => format!("since {}", timestamp(s, TimeStyle::DateTime)),
        None => "most recent developments, whatever their age".to_string(),
    };
    let mut line = format!(
        "As of {} · {window}",
        timestamp(brief.as_of, TimeStyle::DateTime)
    );
    if let Some(stale) = opening::stale_line(brief) {
        line.push('\n');
        line.push_str(&stale);
    }
    line
}

/// The window line and the bottom line: what opens a whole brief.
fn opening_text(brief: &Brief) -> String {
    format!(
        "{}\n\n{}",
        window_line(brief),
        opening::bottom_line(brief, opening::BOTTOM_LINE_ROOM)
    )
}

fn title_for(brief: &Brief, what: &str) -> String {
    truncate(
        &format!("{what}: {}", escape(brief.topic.as_str())),
        limits::TITLE,
    )
}

fn footer_for(brief: &Brief) -> String {
    format!(
        "Readout · {} source{}",
        brief.sources.len(),
        if brief.sources.len() == 1 { "" } else { "s" }
    )
}

/// The whole brief for `/status`: one embed with a field per section and the
/// sources, or with `detail` one embed per section (longer lists, evidence).
pub fn brief_embeds(brief: &Brief, detail: bool) -> Vec<Embed> {
    if let Some(e) =
        opening::empty_window_embed(brief, title_for(brief, "Brief"), window_line(brief))
    {
        return vec![e.clamped()];
    }
    if brief.is_empty() {
        return vec![Embed {
            title: title_for(brief, "Brief"),
            description: Some(format!(
                "{}\n\nNothing found for this topic yet. Try `/topics`, or another name.",
                window_line(brief)
            )),
            footer: Some(footer_for(brief)),
            timestamp: Some(brief.as_of),
            color: Some(COLOR),
            ..Default::default()
        }];
    }
    let embeds = if detail {
        detail_embeds(brief)
    } else {
        vec![compact_embed(brief)]
    };
    fit_message(embeds)
}

/// Room the opening (window line, bottom line, calendar) takes from a message.
const OPENING_ROOM: usize = 1400;

/// `/status detail:`: the opening and the calendar with the first section, then
/// an embed per section and the sources.
fn detail_embeds(brief: &Brief) -> Vec<Embed> {
    let room = limits::TOTAL - OPENING_ROOM;
    let mut embeds: Vec<Embed> = [Section::Met, Section::Said, Section::Pending]
        .iter()
        .map(|&s| section_embed(brief, s, true, room / 4))
        .collect();
    embeds[0].description = embeds[0]
        .description
        .take()
        .map(|d| format!("{}\n\n{d}", opening_text(brief)));
    embeds[0]
        .fields
        .insert(0, opening::calendar_field(brief, opening::CALENDAR_ROOM));
    embeds.push(Embed {
        title: "Sources".into(),
        description: Some(bounded_list(
            &source_lines(brief),
            brief.sources.len(),
            room / 5,
        )),
        footer: Some(footer_for(brief)),
        timestamp: Some(brief.as_of),
        color: Some(COLOR),
        ..Default::default()
    });
    embeds
}

/// `/status`: one embed, the opening in the description, the calendar, a field
/// per section and the sources. Five fields of at most 1024 (the calendar less)
/// and the opening stay under 6000.
fn compact_embed(brief: &Brief) -> Embed {
    let sections = [Section::Met, Section::Said, Section::Pending].map(|s| {
        let lines = section_lines(brief, s, false);
        let value = if lines.is_empty() {
            s.empty().to_string()
        } else {
            bounded_list(&lines, lines.len(), limits::FIELD_VALUE)
        };
        EmbedField {
            name: s.heading().into(),
            value,
            inline: false,
        }
    });
    let mut fields = vec![opening::calendar_field(brief, opening::CALENDAR_ROOM)];
    fields.extend(sections);
    fields.push(EmbedField {
        name: "Sources".into(),
        value: bounded_list(
            &source_lines(brief),
            brief.sources.len(),
            limits::FIELD_VALUE,
        ),
        inline: false,
    });
    Embed {
        title: title_for(brief, "Brief"),
        description: Some(opening_text(brief)),
        fields,
        footer: Some(footer_for(brief)),
        timestamp: Some(brief.as_of),
        color: Some(COLOR),
        ..Default::default()
    }
}

/// One section, longer (for `/met`, `/said`, `/pending`): the list in the
/// description, up to `max` characters.
pub fn section_embed(brief: &Brief, section: Section, detail: bool, max: usize) -> Embed {
    let lines = section_lines(brief, section, detail);
    let list = if lines.is_empty() {
        section.empty().to_string()
    } else {
        bounded_list(
            &lines,
            section_total(brief, section),
            max.min(limits::DESCRIPTION),
        )
    };
    Embed {
        title: title_for(brief, section.heading()),
        description: Some(list),
        footer: Some(footer_for(brief)),
        timestamp: Some(brief.as_of),
        color: Some(COLOR),
        ..Default::default()
    }
}

/// The one-section answer: the section with the window line, within the limits.
pub fn section_message(brief: &Brief, section: Section) -> Vec<Embed> {
    let mut e = section_embed(
        brief,
        section,
        true,
        limits::DESCRIPTION - window_line(brief).chars().count() - 2,
    );
    e.description = e
        .description
        .map(|d| format!("{}\n\n{d}", window_line(brief)));
    fit_message(vec![e])
}

/// Every limit a message must keep, as a list of violations (empty when fine).
/// The tests assert on it, and the bot logs any violation before sending.
pub fn limit_violations(content: Option<&str>, embeds: &[Embed]) -> Vec<String> {
    let mut v = Vec::new();
    let n = |s: &str| s.chars().count();
    if content.is_some_and(|c| n(c) > limits::CONTENT) {
        v.push("content over 2000".into());
    }
    if embeds.len() > limits::EMBEDS {
        v.push(format!("{} embeds", embeds.len()));
    }
    let total: usize = embeds.iter().map(Embed::char_count).sum();
    if total > limits::TOTAL {
        v.push(format!("{total} characters over all embeds"));
    }
    for e in embeds {
        if n(&e.title) > limits::TITLE {
            v.push("title".into());
        }
        if e.description
            .as_deref()
            .is_some_and(|d| n(d) > limits::DESCRIPTION)
        {
            v.push("description".into());
        }
        if e.footer.as_deref().is_some_and(|f| n(f) > limits::FOOTER) {
            v.push("footer".into());
        }
        if e.fields.len() > limits::FIELDS {
            v.push(format!("{} fields", e.fields.len()));
        }
        for f in &e.fields {
            if n(&f.name) > limits::FIELD_NAME || f.name.trim().is_empty() {
                v.push(format!("field name {:?}", truncate(&f.name, 20)));
            }
            if n(&f.value) > limits::FIELD_VALUE || f.value.trim().is_empty() {
                v.push(format!("field value of {:?}", truncate(&f.name, 20)));
            }
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::developments::ArticleRef;
    use crate::model::{
        ActorName, Due, Evidence, Extraction, Meeting, MeetingKind, MeetingStatus, Pending, Span,
        Statement, TopicName,
    };
    use crate::store::StoredArticle;

    fn ev(s: &str) -> Evidence {
        Evidence {
            sentence: s.into(),
            span: Span::new(0, s.len()),
        }
    }

    fn unique_words(i: usize, n: usize) -> String {
        (0..n)
            .map(|j| format!("w{i}x{j}"))
            .collect::<Vec<_>>()
            .join(" ")
    }

    fn huge_brief(n: usize) -> Brief {
        let long = "Word ".repeat(400);
        let material = (0..n)
            .map(|i| StoredArticle {
                contexts: Default::default(),
                article: ArticleRef {
                    id: format!("a{i}"),
                    url: format!("https://news.example/{i}/{}", "p".repeat(300)),
                    outlet: format!("Outlet {i} {}", "O".repeat(200)),
                    title: format!("@everyone Title {i} {long}"),
                    published: DateTime::from_timestamp(1_700_000_000 + i as i64 * 3600, 0)
                        .unwrap(),
                },
                extraction: Extraction {
                    meetings: vec![Meeting {
                        participants: vec![
                            ActorName::new(&format!("Person {i} {}", "N".repeat(300))).unwrap(),
                            ActorName::new("Other Side").unwrap(),
                        ],
                        status: MeetingStatus::Held,
                        date: None,
                        place: Some(long.clone()),
                        kind: MeetingKind::InPerson,
                        evidence: ev(&long),
                    }],
                    statements: vec![Statement {
                        speaker: ActorName::new(&format!("Speaker {i}")).unwrap(),
                        quote: format!("@everyone <@&123> **bold** {long}"),
                        speech: Speech::Direct,
                        audience: Some(long.clone()),
                        evidence: ev(&long),
                    }],
                    pending: vec![Pending {
                        // Words unique to each item: similar actions would be merged
                        // into one development.
                        what: unique_words(i, 80),
                        actors: vec![ActorName::new("Someone").unwrap()],
                        due: Some(Due {
                            text: long.clone(),
                            date: None,
                        }),
                        evidence: ev(&long),
                    }],
                    outcomes: vec![],
                },
            })
            .collect();
        crate::brief::assemble(
            TopicName::parse("ukraine").unwrap(),
            DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
            None,
            material,
        )
    }

    #[test]
    fn an_oversized_brief_stays_within_every_limit() {
        let b = huge_brief(80);
        for detail in [false, true] {
            let embeds = brief_embeds(&b, detail);
            assert!(!embeds.is_empty());
            assert_eq!(limit_violations(None, &embeds), Vec::<String>::new());
            let all: String = embeds
                .iter()
                .flat_map(|e| e.fields.iter().map(|f| f.value.clone()))
                .chain(embeds.iter().filter_map(|e| e.description.clone()))
                .collect();
            assert!(all.contains("more"), "cut lists say how many were left out");
        }
        for s in [Section::Met, Section::Said, Section::Pending] {
            let embeds = section_message(&b, s);
            assert_eq!(limit_violations(None, &embeds), Vec::<String>::new());
            assert!(embeds[0].description.as_deref().unwrap().contains("…and "));
        }
    }

    #[test]
    fn fit_message_caps_embed_count_and_total() {
        let big = Embed {
            title: "t".repeat(300),
            description: Some("d".repeat(5000)),
            fields: (0..30)
                .map(|i| EmbedField {
                    name: format!("f{i}"),
                    value: "v".repeat(2000),
                    inline: false,
                })
                .collect(),
            ..Default::default()
        };
        let out = fit_message(vec![big; 12]);
        assert_eq!(limit_violations(None, &out), Vec::<String>::new());
        assert!(out.len() <= limits::EMBEDS);
    }

    #[test]
    fn markdown_and_mentions_in_feed_text_are_inert() {
        let e = escape("@everyone **x** [a](http://evil) <@&1> `c`\n# h");
        assert!(!e.contains("@everyone"));
        assert!(e.contains("@\u{200B}everyone"));
        assert!(e.contains("\\*\\*x\\*\\*"));
        assert!(e.contains("\\[a\\]\\(http\\:"));
        assert!(e.contains("\\<@\u{200B}&1\\>"));
        assert!(!e.contains('\n'));
        assert_eq!(escape("plain words"), "plain words");
        assert_eq!(
            escape("Kyiv\u{202E}txt.exe\u{2066} \u{1b}[2Jtalks"),
            "Kyivtxt.exe \\[2Jtalks",
            "direction overrides and ESC are dropped, as on a terminal"
        );
    }

    #[test]
    fn links_are_http_only_and_cannot_break_out() {
        assert_eq!(
            masked_link("T", "https://x.org/a_(b)"),
            "[T](https://x.org/a_%28b%29)"
        );
        assert_eq!(masked_link("T", "javascript:alert(1)"), "T");
    }

    #[test]
    fn lists_count_what_they_leave_out() {
        let lines: Vec<String> = (0..100).map(|i| format!("line {i}")).collect();
        let s = bounded_list(&lines, 100, 60);
        assert!(s.chars().count() <= 60);
        assert!(s.ends_with("more"), "{s}");
        assert_eq!(bounded_list(&lines[..2], 2, 100), "line 0\nline 1");
        let one = vec!["x".repeat(5000)];
        assert!(bounded_list(&one, 1, 1024).chars().count() <= 1024);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        #[test]
        fn any_embeds_are_fitted_within_the_limits(
            parts in proptest::collection::vec(
                (".{0,300}", proptest::option::of(".{0,5000}"),
                 proptest::collection::vec((".{0,300}", ".{0,1500}"), 0..30)),
                0..14,
            )
        ) {
            let embeds: Vec<Embed> = parts
                .into_iter()
                .map(|(title, description, fields)| Embed {
                    title,
                    description,
                    fields: fields
                        .into_iter()
                        .map(|(name, value)| EmbedField { name, value, inline: false })
                        .collect(),
                    footer: Some("Readout".into()),
                    ..Default::default()
                })
                .collect();
            let out = fit_message(embeds);
            proptest::prop_assert_eq!(limit_violations(None, &out), Vec::<String>::new());
        }

        #[test]
        fn escaped_text_never_mentions_and_lists_stay_bounded(
            text in ".{0,200}",
            lines in proptest::collection::vec(".{0,400}", 0..40),
            max in 1usize..2000,
        ) {
            let e = escape(&format!("{text}@everyone{text}@here"));
            proptest::prop_assert!(!e.contains("@everyone") && !e.contains("@here"));
            proptest::prop_assert!(!e.contains('\n'));
            let list = bounded_list(&lines, lines.len(), max);
            proptest::prop_assert!(list.chars().count() <= max);
        }
    }

    #[test]
    fn timestamps_use_discord_syntax() {
        let t = DateTime::from_timestamp(1_642_953_600, 0).unwrap();
        assert_eq!(timestamp(t, TimeStyle::Date), "<t:1642953600:d>");
        assert_eq!(truncate("abcdef", 4), "abc…");
    }
}
