//! The main text of an article page, for feed items that carry only a summary.
//! rs-trafilatura was chosen by measurement on `../shared/feeds/articles/` (see
//! README, "Article text"); this module is the one place that knows it.

use thiserror::Error;

#[derive(Debug, Error)]
pub enum ArticleTextError {
    #[error("the page has no recognisable article text")]
    Empty,
    #[error("cannot extract the article text: {0}")]
    Extract(String),
}

/// Plain text of the page's main content, paragraphs separated by a blank line.
pub fn main_text(html: &str) -> Result<String, ArticleTextError> {
    let options = rs_trafilatura::Options {
        include_comments: false,
        include_tables: false,
        ..Default::default()
    };
    let result = rs_trafilatura::extract_with_options(html, &options)
        .map_err(|e| ArticleTextError::Extract(e.to_string()))?;
    let text = normalise_paragraphs(&result.content_text);
    if text.is_empty() {
        Err(ArticleTextError::Empty)
    } else {
        Ok(text)
    }
}

/// Main text of a saved page, plain or gzip-compressed (`.gz`).
pub fn main_text_of_file(path: &std::path::Path) -> Result<String, ArticleTextError> {
    use std::io::Read;
    let raw = std::fs::read(path).map_err(|e| ArticleTextError::Extract(e.to_string()))?;
    let bytes = if path.extension().is_some_and(|e| e == "gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(raw.as_slice())
            .read_to_end(&mut out)
            .map_err(|e| ArticleTextError::Extract(format!("not gzip: {e}")))?;
        out
    } else {
        raw
    };
    main_text(&String::from_utf8_lossy(&bytes))
}

/// One blank line between paragraphs, folded spaces inside them: the layout the
/// extractor's sentence splitter expects.
fn normalise_paragraphs(text: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_body_is_kept_and_navigation_dropped() {
        let para = "The foreign ministers met in Vienna on Tuesday and agreed to continue the talks next month, officials said.";
        let html = format!(
            "<html><head><title>T</title></head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>\
             <article><h1>Ministers meet</h1><p>{para}</p><p>{para}</p><p>{para}</p></article>\
             <footer>Copyright Example News</footer></body></html>"
        );
        let text = main_text(&html).unwrap();
        assert!(text.contains("agreed to continue the talks"), "{text}");
        assert!(!text.contains("Copyright Example News"), "{text}");
    }

    #[test]
    fn an_empty_page_is_a_named_error() {
        assert!(main_text("<html><body></body></html>").is_err());
    }
}
