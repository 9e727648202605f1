//! Quotation spans. Curly and straight double marks open and close quotations; a
//! quotation still open at the end of a paragraph runs on (news style opens each
//! paragraph of a long quote again and closes only the last). Marks inside an open
//! quotation of the other style, or single marks, are quotations within it.
//!
//! Which quotations are statements (and not scare quotes or titles) is decided in
//! `speech`, which sees the words around them.

use crate::model::Span;

/// One quotation: where its words are and where its marks are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quote {
    /// The words inside the marks.
    pub inner: Span,
    /// From the opening mark to the closing mark (or the end of the paragraph).
    pub outer: Span,
    /// Whether the closing mark was found in the same paragraph.
    pub closed: bool,
    /// Inside another quotation.
    pub nested: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Curly,
    Straight,
    Single,
}

/// Finds quotations in `text`, paragraph by paragraph. Linear in the length.
pub fn find(text: &str) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split('\n') {
        scan_line(text, line_start, line_start + line.len(), &mut out);
        line_start += line.len() + 1;
    }
    out
}

fn scan_line(text: &str, start: usize, end: usize, out: &mut Vec<Quote>) {
    let line = &text[start..end];
    // Open quotations, outermost first: (mark, position after the opening mark).
    let mut stack: Vec<(Mark, usize, usize)> = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        let at = start + i;
        let after = at + c.len_utf8();
        let next = line[i + c.len_utf8()..].chars().next();
        match c {
            '“' => stack.push((Mark::Curly, at, after)),
            '”' => close(&mut stack, Mark::Curly, at, after, out),
            '"' => {
                if stack.last().is_some_and(|m| m.0 == Mark::Straight) {
                    close(&mut stack, Mark::Straight, at, after, out);
                } else {
                    stack.push((Mark::Straight, at, after));
                }
            }
            // A single mark opens only inside a quotation, after a space or dash,
            // so apostrophes ("Xi’s") never open one.
            '‘' if !stack.is_empty() => stack.push((Mark::Single, at, after)),
            '’' | '\''
                if stack.last().is_some_and(|m| m.0 == Mark::Single)
                    && !next.is_some_and(char::is_alphanumeric) =>
            {
                close(&mut stack, Mark::Single, at, after, out)
            }
            '\'' if !stack.is_empty()
                && prev.is_none_or(|p| p.is_whitespace() || p == '—')
                && next.is_some_and(char::is_alphanumeric) =>
            {
                stack.push((Mark::Single, at, after))
            }
            _ => {}
        }
        prev = Some(c);
    }
    // Quotations open at the end of the paragraph run to its end; only the outermost
    // double one is kept, as an unclosed quotation.
    if let Some(&(m, open, inner_start)) = stack.first()
        && m != Mark::Single
    {
        let trimmed_end = start + line.trim_end().len();
        if inner_start < trimmed_end {
            out.push(Quote {
                inner: Span::new(inner_start, trimmed_end),
                outer: Span::new(open, trimmed_end),
                closed: false,
                nested: false,
            });
        }
    }
}

fn close(
    stack: &mut Vec<(Mark, usize, usize)>,
    mark: Mark,
    at: usize,
    after: usize,
    out: &mut Vec<Quote>,
) {
    // Close the innermost quotation of this mark; any opened inside it and still
    // open were stray marks and are dropped.
    let Some(pos) = stack.iter().rposition(|m| m.0 == mark) else {
        return;
    };
    let (_, open, inner_start) = stack[pos];
    stack.truncate(pos);
    if inner_start < at {
        out.push(Quote {
            inner: Span::new(inner_start, at),
            outer: Span::new(open, after),
            closed: true,
            nested: !stack.is_empty(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inner(s: &str) -> Vec<(&str, bool, bool)> {
        let mut q = find(s);
        q.sort_by_key(|q| q.outer.start);
        q.iter()
            .map(|q| (&s[q.inner.start..q.inner.end], q.closed, q.nested))
            .collect()
    }

    #[test]
    fn curly_and_straight_quotations_are_found() {
        assert_eq!(
            inner("“One,” she said. \"Two.\""),
            [("One,", true, false), ("Two.", true, false)]
        );
    }

    #[test]
    fn a_quotation_within_a_quotation_is_marked_nested() {
        let s = "“He told me ‘never again’, and meant it,” she said.";
        assert_eq!(
            inner(s),
            [
                ("He told me ‘never again’, and meant it,", true, false),
                ("never again", true, true)
            ]
        );
    }

    #[test]
    fn apostrophes_do_not_open_quotations() {
        assert_eq!(
            inner("“Seoul’s plan isn’t dead,” he said."),
            [("Seoul’s plan isn’t dead,", true, false)]
        );
    }

    #[test]
    fn a_quotation_open_at_the_end_of_a_paragraph_runs_to_its_end() {
        let s = "She said: “First part.\n\n“Second part.”";
        assert_eq!(
            inner(s),
            [("First part.", false, false), ("Second part.", true, false)]
        );
    }

    #[test]
    fn stray_closing_marks_are_ignored() {
        assert_eq!(inner("odd ” mark and “fine”"), [("fine", true, false)]);
    }
}
