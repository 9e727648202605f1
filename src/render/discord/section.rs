//! One section of a brief (who met, what was said, what is pending): a line per
//! item, and the longer one-section answer of `/met`, `/said`, `/pending`.

use super::brief::{footer_for, title_for};
use super::embed::{Embed, fit_message};
use super::markdown::bounded_list;
use super::opening::window_line;
use super::{COLOR, limits, met, pending, said};
use crate::brief::Brief;

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
    /// What the section says when it has no item.
    pub(super) fn empty(self) -> &'static str {
        match self {
            Section::Met => "No meetings reported.",
            Section::Said => "No statements reported.",
            Section::Pending => "Nothing pending.",
        }
    }
}

/// One line per item of a section.
pub fn section_lines(brief: &Brief, section: Section, detail: bool) -> Vec<String> {
    match section {
        Section::Met => brief.met.iter().map(|d| met::line(d, detail)).collect(),
        Section::Said => brief.said.iter().map(|d| said::line(d, detail)).collect(),
        Section::Pending => brief
            .pending
            .iter()
            .map(|p| pending::line(p, detail))
            .collect(),
    }
}

fn section_total(brief: &Brief, section: Section) -> usize {
    match section {
        Section::Met => brief.met.len(),
        Section::Said => brief.said.len(),
        Section::Pending => brief.pending.len(),
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
