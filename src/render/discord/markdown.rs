//! Discord markdown: untrusted text escaped, masked links, timestamps every
//! reader sees in their own zone, and lists cut with "…and N more".

use chrono::{DateTime, NaiveDate, Utc};

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
            c if crate::render::hidden(c) => {}
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
