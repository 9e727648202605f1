//! Sentence splitting for news copy. A full stop ends a sentence unless it closes an
//! abbreviation ("Gen.", "U.S."), an initial ("Antony J. Blinken") or sits inside a
//! quotation that goes on. Lines are hard breaks; datelines, live-blog times and
//! transcript speaker labels are cut off the front of their line and remembered.

use crate::model::Span;

use super::tokens::is_abbreviation;

/// One sentence: its span in the text and what its line told us.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Index of the line (paragraph) the sentence is in.
    pub para: usize,
    /// The transcript speaker label of the line ("MR. PRICE"), if any.
    pub label: Option<String>,
    /// A short line without closing punctuation: a heading, not prose.
    pub heading: bool,
}

/// Words that start a new sentence after a dotted abbreviation ("... in the U.S. The
/// talks ..."); any other word after "U.S." continues the sentence.
const STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "In",
    "On",
    "This",
    "That",
    "There",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "After",
    "Before",
    "While",
    "When",
    "Asked",
    "Officials",
    "Both",
];

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–')
}

/// Length of a dateline ("GENEVA (Wire) — ", "Astana, 21 June 2024 – ") at the start
/// of a line, or 0. A dateline is short, ends in a dash and starts with a word in
/// capitals or holds a digit or a bracket.
fn dateline_len(line: &str) -> usize {
    let limit = line.len().min(90);
    // A dash, or a hyphen standing alone between spaces ("NEW DELHI, Sept 12 (Wire) - ").
    let Some((dash_at, dash)) =
        line.char_indices()
            .take_while(|(i, _)| *i < limit)
            .find(|&(i, c)| {
                is_dash(c)
                    || (c == '-' && line[..i].ends_with(' ') && line[i + 1..].starts_with(' '))
            })
    else {
        return 0;
    };
    let head = line[..dash_at].trim_end();
    if head.is_empty() || head.contains(". ") {
        return 0;
    }
    let first = head
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let caps = first.chars().count() >= 2 && first.chars().all(|c| c.is_uppercase());
    let marked = head.contains('(') || head.chars().any(|c| c.is_ascii_digit());
    if !(caps || marked) {
        return 0;
    }
    let rest = &line[dash_at + dash.len_utf8()..];
    dash_at + dash.len_utf8() + (rest.len() - rest.trim_start().len())
}

/// Length of a live-blog time stamp ("06:30 — ") at the start of a line, or 0.
fn timestamp_len(line: &str) -> usize {
    let b = line.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&digits) || b.get(digits) != Some(&b':') {
        return 0;
    }
    let mins = b[digits + 1..]
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    if mins != 2 {
        return 0;
    }
    let after = &line[digits + 3..];
    let trimmed = after.trim_start();
    match trimmed.chars().next() {
        Some(c) if is_dash(c) || c == '-' => {
            let rest = &trimmed[c.len_utf8()..];
            line.len() - rest.trim_start().len()
        }
        _ => 0,
    }
}

/// A transcript label ("MR. HOLLAND:", "QUESTION:") at the start of a line: the label
/// and the length to cut.
fn label_len(line: &str) -> Option<(String, usize)> {
    let colon = line.char_indices().take(40).find(|(_, c)| *c == ':')?.0;
    let label = &line[..colon];
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let ok = letters >= 2
        && label
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '-' | '’'))
        && label.chars().next().is_some_and(char::is_uppercase);
    if !ok {
        return None;
    }
    let rest = &line[colon + 1..];
    Some((
        label.trim().to_string(),
        colon + 1 + (rest.len() - rest.trim_start().len()),
    ))
}

/// Splits `text` into sentences. Linear in the length of the text.
pub fn split(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut line_start = 0;
    let mut para = 0;
    for line in text.split('\n') {
        let start = line_start;
        line_start += line.len() + 1;
        if line.trim().is_empty() {
            continue;
        }
        let mut skip = line.len() - line.trim_start().len();
        let body = &line[skip..];
        let mut label = None;
        if let Some((l, n)) = label_len(body) {
            label = Some(l);
            skip += n;
        } else {
            let t = timestamp_len(body);
            skip += if t > 0 { t } else { dateline_len(body) };
        }
        let s = start + skip;
        let e = start + line.trim_end().len();
        if s < e {
            let heading = label.is_none() && is_heading(&text[s..e]);
            let mut spans = split_line(text, s, e, true);
            if spans.is_empty() {
                spans = split_line(text, s, e, false);
            }
            for span in spans.into_iter().flat_map(|sp| cap(text, sp)) {
                out.push(Sentence {
                    span,
                    para,
                    label: label.clone(),
                    heading,
                });
            }
        }
        para += 1;
    }
    out
}

/// Longest sentence in bytes. Real sentences are far shorter; a longer run (a wall
/// of text without a stop) is cut at white space, so that every rule does bounded
/// work per sentence and the whole stays linear in the length of the text.
pub const MAX_SENTENCE: usize = 1_500;

fn cap(text: &str, span: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = span.start;
    while span.end - start > MAX_SENTENCE {
        let mut cut = start + MAX_SENTENCE;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let at_space = text[start..cut]
            .rfind(char::is_whitespace)
            .map(|k| start + k)
            .filter(|&k| k > start);
        let end = at_space.unwrap_or(cut);
        out.push(Span::new(start, end));
        start = end;
        while start < span.end && text[start..].starts_with(char::is_whitespace) {
            start += text[start..].chars().next().map_or(1, char::len_utf8);
        }
    }
    if start < span.end {
        out.push(Span::new(start, span.end));
    }
    out
}

fn is_heading(line: &str) -> bool {
    let last = line.trim_end().chars().last();
    line.len() < 120
        && !matches!(
            last,
            Some('.' | '!' | '?' | '"' | '”' | ':' | ')' | '’' | '\'')
        )
}

/// Splits one line. With `respect_quotes`, never inside a double quotation; returns
/// nothing when a quotation stays open to the end of the line, so the caller can
/// split it again without.
fn split_line(text: &str, start: usize, end: usize, respect_quotes: bool) -> Vec<Span> {
    let line = &text[start..end];
    let mut out = Vec::new();
    let mut sent_start = 0;
    let mut depth: u32 = 0;
    let mut straight_open = false;
    let mut word_start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        match c {
            '“' => depth = depth.saturating_add(1),
            '”' => depth = depth.saturating_sub(1),
            '"' => straight_open = !straight_open,
            _ => {}
        }
        if c.is_whitespace() {
            word_start = at + c.len_utf8();
        }
        let inside = respect_quotes && (depth > 0 || straight_open);
        if matches!(c, '.' | '!' | '?') && !inside {
            // Take closing marks after the stop into the sentence.
            let mut j = i + 1;
            while j < chars.len() && matches!(chars[j].1, '”' | '"' | '’' | '\'' | ')' | ']') {
                match chars[j].1 {
                    '”' => depth = depth.saturating_sub(1),
                    '"' => straight_open = !straight_open,
                    _ => {}
                }
                j += 1;
            }
            let stop_end = if j < chars.len() {
                chars[j].0
            } else {
                line.len()
            };
            let next_word = line[stop_end..].trim_start();
            let has_gap = j < chars.len() && chars[j].1.is_whitespace();
            let bullet = bullet_len(next_word);
            if has_gap
                && (starts_sentence(next_word) || bullet > 0)
                && !(c == '.' && protects(&line[word_start..at], next_word))
            {
                out.push(Span::new(start + sent_start, start + stop_end));
                sent_start = stop_end
                    + (next_word.as_ptr() as usize - line[stop_end..].as_ptr() as usize)
                    + bullet;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if respect_quotes && (depth > 0 || straight_open) {
        return Vec::new();
    }
    if sent_start < line.len() {
        let tail = line[sent_start..].trim_end();
        if !tail.is_empty() {
            out.push(Span::new(
                start + sent_start,
                start + sent_start + tail.len(),
            ));
        }
    }
    out
}

/// "observers. - The agreement was signed …": a list item run into the line
/// before it (a feed's HTML joins the lines of a paragraph) starts a sentence
/// after its mark. The length of the mark and the space after it, or 0.
fn bullet_len(next: &str) -> usize {
    let mut chars = next.char_indices();
    let Some((_, mark)) = chars.next() else {
        return 0;
    };
    if !matches!(mark, '-' | '–' | '—' | '•' | '*') {
        return 0;
    }
    let rest = &next[mark.len_utf8()..];
    let item = rest.trim_start();
    let gap = rest.len() - item.len();
    if gap > 0 && starts_sentence(item) {
        mark.len_utf8() + gap
    } else {
        0
    }
}

fn starts_sentence(next: &str) -> bool {
    next.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '‘' | '(')
    })
}

/// Whether the dot after `word` belongs to an abbreviation, given the next word.
fn protects(word: &str, next: &str) -> bool {
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    if word.is_empty() || !is_abbreviation(word) {
        return false;
    }
    // "No. 10" is a number; "No. Nobody met him." is an answer and a sentence.
    if word.eq_ignore_ascii_case("no") {
        return next.trim_start().starts_with(|c: char| c.is_ascii_digit());
    }
    // "U.S." or "a.m." may end a sentence: only a typical opener shows it.
    if word.contains('.') {
        let nw = next
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        return !STARTERS.contains(&nw);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        split(s)
            .into_iter()
            .map(|x| &s[x.span.start..x.span.end])
            .collect()
    }

    #[test]
    fn list_items_run_into_one_line_are_sentences() {
        assert_eq!(
            texts(
                "They attended as observers. - The accord was signed on June 27. • Talks resume."
            ),
            [
                "They attended as observers.",
                "The accord was signed on June 27.",
                "Talks resume."
            ]
        );
    }

    /// "No." is an abbreviation before a number only: as an answer it ends a
    /// sentence.
    #[test]
    fn no_before_a_number_is_an_abbreviation_and_otherwise_an_answer() {
        assert_eq!(
            texts("Did they meet? No. Nobody met him. He lives at No. 10 Downing Street."),
            [
                "Did they meet?",
                "No.",
                "Nobody met him.",
                "He lives at No. 10 Downing Street."
            ]
        );
    }

    /// Class: every month's short form with a dot ("Mar. 3", "Apr. 12", "Jun.
    /// 5", "Jul. 9", as well as AP's "Jan.", "Aug.") is part of a date, not the
    /// end of a sentence.
    #[test]
    fn a_short_month_with_its_dot_ends_no_sentence() {
        for m in ["Jan.", "Mar.", "Apr.", "Jun.", "Jul.", "Sept."] {
            let text = format!("They met on {m} 3 in Oslo. Talks resume.");
            assert_eq!(texts(&text).len(), 2, "{text}");
        }
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        let s = "Mr. Dorn met Gen. Abiola on Jan. 4 in the U.S. capital. Harriet K. Lowe said so. He left.";
        assert_eq!(
            texts(s),
            [
                "Mr. Dorn met Gen. Abiola on Jan. 4 in the U.S. capital.",
                "Harriet K. Lowe said so.",
                "He left."
            ]
        );
    }

    #[test]
    fn a_dotted_abbreviation_ends_a_sentence_before_a_typical_opener() {
        assert_eq!(
            texts("The envoy flew to the U.S. The talks begin soon."),
            ["The envoy flew to the U.S.", "The talks begin soon."]
        );
    }

    #[test]
    fn quotations_stay_in_one_sentence_with_their_attribution() {
        let s = "“We came. We talked,” the envoy said. “Next time.”";
        assert_eq!(
            texts(s),
            ["“We came. We talked,” the envoy said.", "“Next time.”"]
        );
    }

    #[test]
    fn an_unclosed_quotation_is_split_as_plain_text() {
        let s = "“We came. We talked.\n\n“Then we left.”";
        assert_eq!(texts(s), ["“We came.", "We talked.", "“Then we left.”"]);
    }

    #[test]
    fn datelines_timestamps_and_labels_are_cut_off() {
        let s = "OSLO, Norway (Fjord Wire) — Talks began.\n\n14:05 — A truce held.\n\nMS. DALE: We agree.\n\nLIMA, May 2 (Wire) - Talks ended.";
        let v = split(s);
        assert_eq!(
            texts(s),
            ["Talks began.", "A truce held.", "We agree.", "Talks ended."]
        );
        assert_eq!(v[2].label.as_deref(), Some("MS. DALE"));
        assert!(v.iter().all(|x| !x.heading));
    }

    #[test]
    fn walls_of_text_are_cut_at_white_space() {
        let s = "word ".repeat(1_000);
        let v = split(&s);
        assert!(v.len() > 1);
        assert!(
            v.iter()
                .all(|x| x.span.len() <= MAX_SENTENCE
                    && !s[x.span.start..x.span.end].starts_with(' '))
        );
    }

    #[test]
    fn short_lines_without_a_stop_are_headings() {
        let v = split("TRADE | Ports reopen\n\nThe ports reopened.");
        assert!(v[0].heading);
        assert!(!v[1].heading);
    }
}
