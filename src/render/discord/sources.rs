//! Where items come from: the list of a brief's sources, and the link from an
//! item line to its newest source.

use super::markdown::{TimeStyle, escape, masked_link, timestamp, truncate};
use crate::brief::Brief;
use crate::developments::Report;

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

/// The link to an item's newest source, named after the outlet.
pub(super) fn source_link(reports: &[Report]) -> String {
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
pub(super) fn quote_room(detail: bool) -> usize {
    if detail { 600 } else { 200 }
}
