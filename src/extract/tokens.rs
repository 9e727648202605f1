//! Words with their byte positions. Every rule works on these, so each rule sees the
//! same idea of a word and spans always fall on character boundaries.

/// One word or mark of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters and digits, with inner apostrophes, hyphens and dots ("U.S.",
    /// "Al-Harith", "Xi's").
    Word,
    /// Any other single character that is not white space.
    Punct,
}

impl Tok {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Abbreviations whose closing dot belongs to the word.
const DOTTED: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sen", "rep", "st", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sept", "sep", "oct", "nov", "dec", "prof", "gov", "maj", "capt", "adm",
    "sgt", "brig", "jr", "sr", "rev", "mt", "ft", "no", "vs", "etc", "inc", "co", "corp", "ltd",
    "amb", "cmdr",
];

/// Whether a word (without its final dot) is an abbreviation that keeps its dot.
pub fn is_abbreviation(word: &str) -> bool {
    let lower = word.to_lowercase();
    DOTTED.contains(&lower.as_str())
        || word.contains('.')
        || (word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase()))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '%'
}

/// Whether a comma after `before` (the word so far) and before `after` separates
/// thousands: digits on its left, exactly three digits on its right.
fn thousands_group(before: &str, after: &str) -> bool {
    let b = after.as_bytes();
    before.chars().all(|c| c.is_ascii_digit() || c == ',')
        && b.len() >= 3
        && b[..3].iter().all(u8::is_ascii_digit)
        && !b.get(3).is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Splits `text[start..end]` into tokens. Linear in the length.
pub fn tokenize(text: &str, start: usize, end: usize) -> Vec<Tok> {
    let s = &text[start..end];
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            out.push(Tok {
                start: start + i,
                end: start + i + c.len_utf8(),
                kind: TokKind::Punct,
            });
            continue;
        }
        let mut j = i + c.len_utf8();
        loop {
            match it.peek().copied() {
                Some((k, d)) if is_word_char(d) => {
                    j = k + d.len_utf8();
                    it.next();
                }
                // "1,200 kilograms": a thousands separator keeps the number whole.
                Some((k, ',')) if thousands_group(&s[i..k], &s[k + 1..]) => {
                    j = k + 4;
                    it.next();
                    for _ in 0..3 {
                        it.next();
                    }
                }
                Some((k, d)) if matches!(d, '\'' | '’' | '-' | '.' | '‑') => {
                    // Inner joiners stay when a letter follows.
                    let after = s[k + d.len_utf8()..].chars().next();
                    if after.is_some_and(is_word_char) {
                        j = k + d.len_utf8();
                        it.next();
                    } else if d == '.' && is_abbreviation(&s[i..k]) {
                        j = k + 1;
                        it.next();
                        break;
                    } else {
                        break;
                    }
                }
                _ => break,
            }
        }
        out.push(Tok {
            start: start + i,
            end: start + j,
            kind: TokKind::Word,
        });
    }
    out
}

/// A word's text without a possessive ending or a final dot, for look-ups.
pub fn bare(word: &str) -> &str {
    let w = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    w.strip_suffix('\'')
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s, 0, s.len()).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn abbreviations_keep_their_dots_and_sentences_lose_theirs() {
        assert_eq!(
            words("The U.S. envoy met Gen. Ortiz."),
            ["The", "U.S.", "envoy", "met", "Gen.", "Ortiz", "."]
        );
    }

    #[test]
    fn a_thousands_separator_keeps_a_number_whole() {
        assert_eq!(
            words("return 1,200 detainees and 3,000,000 doses, 2023, 150 people"),
            [
                "return",
                "1,200",
                "detainees",
                "and",
                "3,000,000",
                "doses",
                ",",
                "2023",
                ",",
                "150",
                "people"
            ]
        );
        assert_eq!(
            words("items 1,20 and 1,2345"),
            ["items", "1", ",", "20", "and", "1", ",", "2345"]
        );
    }

    #[test]
    fn inner_apostrophes_and_hyphens_stay_in_the_word() {
        assert_eq!(
            words("Seoul’s long-range “plan”"),
            ["Seoul’s", "long-range", "“", "plan", "”"]
        );
        assert_eq!(bare("Seoul’s"), "Seoul");
    }

    #[test]
    fn multibyte_text_gives_char_boundary_spans() {
        let s = "Çavuşoğlu — Vučić.";
        for t in tokenize(s, 0, s.len()) {
            assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
        }
    }
}
