//! The main text of an article page, for feed items that carry only a summary.
//! rs-trafilatura was chosen by measurement on `../shared/feeds/articles/` (see
//! README, "Article text"); this module is the one place that knows it.

mod depth;

use std::sync::{Arc, LazyLock};
use std::time::Duration;

use thiserror::Error;
use tokio::sync::Semaphore;

#[derive(Debug, Error)]
pub enum ArticleTextError {
    #[error("the page has no recognisable article text")]
    Empty,
    #[error("cannot extract the article text: {0}")]
    Extract(String),
    #[error("the page is larger than {limit} bytes (counted after decompression)")]
    TooLarge { limit: u64 },
    #[error("reading the article text took longer than {0:?}")]
    TimedOut(Duration),
}

/// Pages read at once: one per core, so a burst of heavy pages queues here
/// instead of taking every thread of the blocking pool.
static READERS: LazyLock<Arc<Semaphore>> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    Arc::new(Semaphore::new(cores))
});

/// [`main_text`] of a fetched page, read on a blocking thread and given up after
/// `budget`. Reading is CPU work: on the async runtime it would stop every other
/// feed of the round, so it runs beside it, and a page that is still being read
/// when the budget runs out costs its item the full text, nothing more.
pub async fn main_text_off_runtime(
    page: Vec<u8>,
    budget: Duration,
) -> Result<String, ArticleTextError> {
    let read = async {
        let permit = READERS
            .clone()
            .acquire_owned()
            .await
            .map_err(|e| ArticleTextError::Extract(e.to_string()))?;
        tokio::task::spawn_blocking(move || {
            let _permit = permit; // held until the reading ends, budget or not
            main_text(&String::from_utf8_lossy(&page))
        })
        .await
        .map_err(|e| ArticleTextError::Extract(e.to_string()))?
    };
    tokio::time::timeout(budget, read)
        .await
        .map_err(|_| ArticleTextError::TimedOut(budget))?
}

/// Plain text of the page's main content, paragraphs separated by a blank line.
/// Nesting is bounded first (see [`depth`]), so the time this takes grows with the
/// page's size, not with the square of its depth.
pub fn main_text(html: &str) -> Result<String, ArticleTextError> {
    let html = depth::bound_depth(html);
    let options = rs_trafilatura::Options {
        include_comments: false,
        include_tables: false,
        ..Default::default()
    };
    let result = rs_trafilatura::extract_with_options(&html, &options)
        .map_err(|e| ArticleTextError::Extract(e.to_string()))?;
    let text = normalise_paragraphs(&result.content_text);
    if text.is_empty() {
        Err(ArticleTextError::Empty)
    } else {
        Ok(text)
    }
}

/// Main text of a saved page, plain or gzip-compressed (`.gz`), refused when it
/// holds more than `limit` bytes once decompressed: the limit HTTP fetches apply,
/// so a small file that inflates to gigabytes stops at the limit.
pub fn main_text_of_file(path: &std::path::Path, limit: u64) -> Result<String, ArticleTextError> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| ArticleTextError::Extract(e.to_string()))?;
    let reader: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(flate2::read::GzDecoder::new(std::io::BufReader::new(file)))
    } else {
        Box::new(file)
    };
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| ArticleTextError::Extract(format!("not gzip: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(ArticleTextError::TooLarge { limit });
    }
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

    /// 850 KB of unclosed inline tags: before nesting was bounded, reading it did
    /// not finish within a minute.
    #[test]
    fn a_page_nested_fifty_thousand_deep_is_read_within_seconds() {
        let para = "Secretary of State Antony Blinken met Russian Foreign Minister Sergei Lavrov in Geneva on Friday.";
        let html = format!(
            "<html><body>{}<p>{para}</p>",
            "<div><span><b><i>".repeat(50_000)
        );
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || tx.send(main_text(&html)));
        let text = rx
            .recv_timeout(Duration::from_secs(20))
            .expect("read within 20 s")
            .unwrap();
        assert!(text.contains(para), "{text}");
    }

    #[tokio::test]
    async fn reading_past_the_budget_is_a_named_error() {
        let page = "<html><body><p>x</p></body></html>".repeat(20_000);
        let r = main_text_off_runtime(page.into_bytes(), Duration::ZERO).await;
        assert!(matches!(r, Err(ArticleTextError::TimedOut(_))), "{r:?}");
    }

    /// A file that inflates far past the limit stops at it: before, the whole
    /// inflated page was read (2 GiB reached 4.4 GB and a panic in tendril).
    #[test]
    fn a_gzip_bomb_stops_at_the_limit_with_a_named_error() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bomb.html.gz");
        let mut gz = flate2::write::GzEncoder::new(
            std::fs::File::create(&path).unwrap(),
            flate2::Compression::best(),
        );
        gz.write_all(b"<html><body><article><p>Blinken met Lavrov.</p>")
            .unwrap();
        for _ in 0..64 {
            gz.write_all(&[b' '; 1 << 16]).unwrap();
        }
        gz.finish().unwrap();
        let limit = 1 << 20;
        assert!(std::fs::metadata(&path).unwrap().len() < limit);
        let r = main_text_of_file(&path, limit);
        assert!(
            matches!(r, Err(ArticleTextError::TooLarge { limit: l }) if l == limit),
            "{r:?}"
        );
        assert!(main_text_of_file(&path, 8 << 20).is_ok());
    }

    #[test]
    fn an_empty_page_is_a_named_error() {
        assert!(main_text("<html><body></body></html>").is_err());
    }
}
