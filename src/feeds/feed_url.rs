//! `FeedUrl`: a feed's address, parsed and normalised once where it comes in (a
//! command-line argument, a moderator's `/feeds add`), so the same feed typed two
//! ways is one feed, fetched once.
//!
//! Before, the bot stored `url::Url`'s serialisation and the command line stored
//! what was typed: `https://Example.org/feed` and `https://example.org/feed`
//! became two rows, each polled on its own. Migration 0006 merged the rows this
//! left behind.

use std::fmt;
use std::str::FromStr;

use thiserror::Error;

/// Longest feed URL accepted, in characters.
pub const MAX_URL_CHARS: usize = 2048;

/// How much of a refused input an error repeats: enough to recognise it.
const SHOWN_CHARS: usize = 100;

/// An http(s) feed URL in the one form the store keeps: scheme and host in lower
/// case, the default port left out, an empty path written `/`, no fragment (a
/// fragment never reaches the server, so it cannot name another feed). The rest
/// is `url::Url`'s serialisation, which the bot has stored since its first day.
///
/// ```
/// use readout::feeds::FeedUrl;
/// let url = FeedUrl::parse(" HTTPS://Example.org:443/feed#latest ").unwrap();
/// assert_eq!(url.as_str(), "https://example.org/feed");
/// assert!(FeedUrl::parse("ftp://example.org/feed").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FeedUrl(url::Url);

/// Why a string is not a feed URL; each says which input it refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FeedUrlError {
    #[error("{input:?} is too long for a feed URL (at most {MAX_URL_CHARS} characters)")]
    TooLong { input: String },
    #[error("{input:?} is not a URL ({reason})")]
    Unparsable {
        input: String,
        reason: url::ParseError,
    },
    #[error("{input:?} is not an http(s) URL")]
    NotHttp { input: String },
    #[error("{input:?} names no host")]
    NoHost { input: String },
}

impl FeedUrl {
    /// Parses and normalises `raw` (surrounding white space ignored).
    pub fn parse(raw: &str) -> Result<Self, FeedUrlError> {
        let raw = raw.trim();
        if raw.chars().count() > MAX_URL_CHARS {
            return Err(FeedUrlError::TooLong { input: shown(raw) });
        }
        let mut url = url::Url::parse(raw).map_err(|reason| FeedUrlError::Unparsable {
            input: shown(raw),
            reason,
        })?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(FeedUrlError::NotHttp { input: shown(raw) });
        }
        if url.host().is_none() {
            return Err(FeedUrlError::NoHost { input: shown(raw) });
        }
        url.set_fragment(None);
        Ok(FeedUrl(url))
    }

    /// Whether a command-line argument means a URL rather than a file path: it
    /// starts with `http://` or `https://`, in any case.
    pub fn looks_like_one(arg: &str) -> bool {
        let arg = arg.trim_start().as_bytes();
        ["http://", "https://"]
            .iter()
            .any(|p| arg.len() >= p.len() && arg[..p.len()].eq_ignore_ascii_case(p.as_bytes()))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    pub fn as_url(&self) -> &url::Url {
        &self.0
    }
}

/// The start of a refused input, for an error message.
fn shown(raw: &str) -> String {
    if raw.chars().count() <= SHOWN_CHARS {
        raw.to_string()
    } else {
        raw.chars().take(SHOWN_CHARS).chain(['…']).collect()
    }
}

impl FromStr for FeedUrl {
    type Err = FeedUrlError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        FeedUrl::parse(s)
    }
}

impl fmt::Display for FeedUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl AsRef<str> for FeedUrl {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(raw: &str) -> String {
        FeedUrl::parse(raw).unwrap().to_string()
    }

    #[test]
    fn one_feed_is_written_one_way() {
        let same = [
            "https://Example.org/feed",
            "https://example.org/feed",
            "HTTPS://EXAMPLE.ORG:443/feed",
            "https://example.org/feed#top",
            "  https://example.org/feed\n",
        ];
        for raw in same {
            assert_eq!(norm(raw), "https://example.org/feed", "{raw:?}");
        }
        assert_eq!(norm("http://example.org:80"), "http://example.org/");
        assert_eq!(
            norm("http://example.org:8080/a"),
            "http://example.org:8080/a"
        );
        // The path and query are the server's business: their case is kept.
        assert_eq!(norm("https://x.org/Feed?A=1"), "https://x.org/Feed?A=1");
    }

    #[test]
    fn errors_name_the_input() {
        let e = FeedUrl::parse("ftp://example.org/feed").unwrap_err();
        assert!(matches!(e, FeedUrlError::NotHttp { .. }));
        assert!(e.to_string().contains("ftp://example.org/feed"), "{e}");
        let e = FeedUrl::parse("not a url").unwrap_err();
        assert!(e.to_string().contains("\"not a url\""), "{e}");
        let long = format!("https://x.org/{}", "a".repeat(MAX_URL_CHARS));
        let e = FeedUrl::parse(&long).unwrap_err();
        assert!(matches!(e, FeedUrlError::TooLong { .. }));
        assert!(e.to_string().starts_with("\"https://x.org/aaa"), "{e}");
        assert!(e.to_string().len() < 300, "{e}");
    }

    #[test]
    fn urls_are_told_from_paths_in_any_case() {
        assert!(FeedUrl::looks_like_one("HTTPS://Example.org/feed"));
        assert!(FeedUrl::looks_like_one("http://x"));
        assert!(!FeedUrl::looks_like_one("feeds/a.xml"));
        assert!(!FeedUrl::looks_like_one("http"));
        assert!(!FeedUrl::looks_like_one("file:///tmp/a.xml"));
    }
}
