//! HTML fragments (feed summaries, `content:encoded`) to plain text with paragraph
//! breaks, which is what the extractor reads.

use dom_query::Document;

/// Plain text of an HTML fragment: block elements become paragraphs separated by a
/// blank line, white space inside a paragraph is folded, entities are decoded.
/// Text without any markup comes back folded the same way.
pub fn html_to_text(html: &str) -> String {
    if !html.contains('<') && !html.contains('&') {
        return fold_paragraphs(html);
    }
    let doc = Document::fragment(html);
    // Scripts and styles carry no prose.
    doc.select("script, style, noscript").remove();
    fold_paragraphs(&doc.formatted_text())
}

/// Folds runs of spaces inside paragraphs and keeps exactly one blank line between
/// paragraphs.
fn fold_paragraphs(text: &str) -> String {
    let mut paragraphs = Vec::new();
    let mut current = Vec::new();
    for line in text.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_survive_and_markup_goes() {
        let t = html_to_text(
            "<p>First  <b>bold</b> line.</p><p>Second &amp; last.</p><script>x()</script>",
        );
        assert_eq!(t, "First bold line.\n\nSecond & last.");
    }

    #[test]
    fn plain_text_is_folded() {
        assert_eq!(html_to_text("  one\n two\n\n\n three "), "one two\n\nthree");
    }
}
