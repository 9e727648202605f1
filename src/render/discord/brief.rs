//! The whole brief for `/status`: one compact embed (the opening, the calendar,
//! a field per section and the sources), or with `detail` an embed per section.

use super::embed::{Embed, EmbedField, fit_message};
use super::markdown::{bounded_list, escape, truncate};
use super::opening::{self, opening_text, window_line};
use super::section::{Section, section_embed, section_lines};
use super::sources::source_lines;
use super::{COLOR, limits};
use crate::brief::Brief;

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

/// "Brief: ukraine": the title of every embed of a brief.
pub(super) fn title_for(brief: &Brief, what: &str) -> String {
    truncate(
        &format!("{what}: {}", escape(brief.topic.as_str())),
        limits::TITLE,
    )
}

/// "Readout · 3 sources": the footer of every embed of a brief.
pub(super) fn footer_for(brief: &Brief) -> String {
    format!(
        "Readout · {} source{}",
        brief.sources.len(),
        if brief.sources.len() == 1 { "" } else { "s" }
    )
}
