//! An embed as plain data, and a message kept within Discord's limits: every
//! part cut to its own, at most 10 embeds and 6000 characters together.

use chrono::{DateTime, Utc};

use super::limits;
use super::markdown::truncate;

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
