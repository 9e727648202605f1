//! RSS 0.9x/1.0/2.0, Atom and JSON Feed into one `ParsedFeed`, through feed-rs.
//! Bytes go in undecoded: feed-rs reads the XML prolog's encoding itself, so an
//! ISO-8859-1 feed is decoded right.

use std::time::Duration;

use chrono::{DateTime, Utc};
use thiserror::Error;

use super::html_text::html_to_text;
use super::item_key::ItemKey;

/// One entry of a feed, reduced to what ingest needs, with text already plain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedItem {
    pub key: ItemKey,
    pub title: String,
    /// Absolute link to the article page, when the feed gives one.
    pub link: Option<String>,
    pub published: Option<DateTime<Utc>>,
    /// The summary (`description`, Atom `summary`) as plain text.
    pub summary: Option<String>,
    /// The full body (`content:encoded`, Atom `content`) as plain text.
    pub content: Option<String>,
}

impl FeedItem {
    /// The longest text the feed itself carries for this item.
    pub fn best_text(&self) -> Option<&str> {
        match (&self.content, &self.summary) {
            (Some(c), Some(s)) if s.len() > c.len() => Some(s),
            (Some(c), _) => Some(c),
            (None, s) => s.as_deref(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedFeed {
    pub title: Option<String>,
    /// Link to the publisher's site, used to name the outlet.
    pub site: Option<String>,
    /// RSS `<ttl>`: the publisher asks not to be polled more often than this.
    pub ttl: Option<Duration>,
    pub items: Vec<FeedItem>,
}

#[derive(Debug, Error)]
pub enum ParseError {
    #[error("not a feed (no RSS, Atom or JSON Feed root)")]
    NotAFeed,
    #[error("malformed feed: {0}")]
    Malformed(String),
}

/// Parses a feed body. `base` (the feed's own URL) resolves relative links.
pub fn parse_feed(bytes: &[u8], base: Option<&str>) -> Result<ParsedFeed, ParseError> {
    // An empty id from the generator marks "the feed gave none", so the item key can
    // fall back to the canonical link instead of feed-rs's hash of it.
    let parser = feed_rs::parser::Builder::new()
        .base_uri(base)
        .id_generator(|_, _, _| String::new())
        .build();
    let feed = match read(&parser, bytes) {
        Ok(feed) => feed,
        Err(e) => match json_feed_without_bad_items(&parser, bytes) {
            Some(repaired) => read(&parser, &repaired)?,
            None => return Err(e),
        },
    };

    let items = feed
        .entries
        .into_iter()
        .map(|e| {
            let title = e
                .title
                .map(|t| html_to_text(&t.content))
                .unwrap_or_default();
            let link = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .map(|l| l.href.clone());
            let published = e.published.or(e.updated);
            let summary = e
                .summary
                .map(|s| html_to_text(&s.content))
                .filter(|s| !s.is_empty());
            let content = e
                .content
                .and_then(|c| c.body)
                .map(|b| html_to_text(&b))
                .filter(|s| !s.is_empty());
            let guid = (!e.id.is_empty()).then_some(e.id.as_str());
            let text = content.as_deref().or(summary.as_deref()).unwrap_or("");
            FeedItem {
                key: ItemKey::derive(guid, link.as_deref(), &title, published, text),
                title,
                link,
                published,
                summary,
                content,
            }
        })
        .collect();

    Ok(ParsedFeed {
        title: feed
            .title
            .map(|t| html_to_text(&t.content))
            .filter(|t| !t.is_empty()),
        site: feed
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .map(|l| l.href.clone()),
        ttl: feed.ttl.map(|m| Duration::from_secs(u64::from(m) * 60)),
        items,
    })
}

fn read(
    parser: &feed_rs::parser::Parser,
    bytes: &[u8],
) -> Result<feed_rs::model::Feed, ParseError> {
    parser.parse(bytes).map_err(|e| match e {
        feed_rs::parser::ParseFeedError::ParseError(
            feed_rs::parser::ParseErrorKind::NoFeedRoot,
        ) => ParseError::NotAFeed,
        other => ParseError::Malformed(other.to_string()),
    })
}

/// A JSON Feed that feed-rs refuses as a whole, read again item by item: feed-rs
/// is all or nothing, so one `null` item or one number where a string belongs cost
/// every good item. Each item it cannot read is skipped with a logged reason, and
/// so are feed-level fields it cannot read (a numeric title). `None` when the body
/// is not a JSON object, or is unreadable even without its items.
fn json_feed_without_bad_items(parser: &feed_rs::parser::Parser, bytes: &[u8]) -> Option<Vec<u8>> {
    use serde_json::Value;
    let Ok(Value::Object(mut feed)) = serde_json::from_slice::<Value>(bytes) else {
        return None;
    };
    let items = match feed.remove("items") {
        Some(Value::Array(items)) => items,
        None | Some(Value::Null) => Vec::new(),
        Some(_) => {
            tracing::warn!("JSON Feed \"items\" is not a list; no item read");
            Vec::new()
        }
    };
    let with = |feed: &serde_json::Map<String, Value>, items: Vec<Value>| {
        let mut f = feed.clone();
        f.insert("items".into(), Value::Array(items));
        serde_json::to_vec(&Value::Object(f)).unwrap_or_default()
    };
    if read(parser, &with(&feed, Vec::new())).is_err() {
        feed.retain(|k, v| {
            let keep = k == "version" || v.is_string();
            if !keep {
                tracing::warn!(field = %k, "JSON Feed field of the wrong type ignored");
            }
            keep
        });
        // feed-rs needs a title; an empty one names the outlet by its host.
        feed.entry("title")
            .or_insert_with(|| Value::String(String::new()));
        read(parser, &with(&feed, Vec::new())).ok()?;
    }
    let mut kept = Vec::new();
    for (i, item) in items.into_iter().enumerate() {
        match read(parser, &with(&feed, vec![item.clone()])) {
            Ok(_) => kept.push(item),
            Err(e) => tracing::warn!(item = i, reason = %e, "JSON Feed item skipped"),
        }
    }
    Some(with(&feed, kept))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><link>https://wire.example/</link><ttl>30</ttl>
<item><title>Talks &amp; more</title><link>https://wire.example/a?utm_source=rss</link><description>&lt;p&gt;Short.&lt;/p&gt;</description><pubDate>Sun, 23 Jan 2022 16:00:00 GMT</pubDate></item>
<item><guid>id-2</guid><title>Second</title></item></channel></rss>"#;

    #[test]
    fn rss_items_get_keys_text_and_dates() {
        let f = parse_feed(RSS.as_bytes(), None).unwrap();
        assert_eq!(f.title.as_deref(), Some("Wire"));
        assert_eq!(f.ttl, Some(Duration::from_secs(1800)));
        assert_eq!(f.items.len(), 2);
        let a = &f.items[0];
        assert_eq!(a.title, "Talks & more");
        assert_eq!(a.key.as_str(), "link:https://wire.example/a");
        assert_eq!(a.summary.as_deref(), Some("Short."));
        assert_eq!(
            a.published.unwrap().to_rfc3339(),
            "2022-01-23T16:00:00+00:00"
        );
        assert_eq!(f.items[1].key.as_str(), "guid:id-2");
    }

    /// Before, feed-rs refused the whole feed for one bad item or a numeric title.
    #[test]
    fn a_json_feed_keeps_its_good_items_when_some_are_bad() {
        let good = |id: &str| {
            serde_json::json!({"id": id, "url": format!("https://wire.example/{id}"),
                "content_text": "Blinken met Lavrov.", "date_published": "2022-01-21T10:00:00Z"})
        };
        let feed = serde_json::json!({
            "version": "https://jsonfeed.org/version/1.1", "title": 5,
            "items": [null, 5, "x", good("ok1"), {"id": 5, "content_text": 7}, good("ok2")]
        });
        let f = parse_feed(feed.to_string().as_bytes(), None).unwrap();
        let keys: Vec<&str> = f.items.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(keys, ["guid:ok1", "guid:ok2"]);
        assert_eq!(f.items[0].best_text(), Some("Blinken met Lavrov."));
        let empty =
            r#"{"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": {"a": 1}}"#;
        assert!(parse_feed(empty.as_bytes(), None).unwrap().items.is_empty());
    }

    #[test]
    fn garbage_is_not_a_feed_and_truncated_xml_is_malformed() {
        assert!(matches!(
            parse_feed(b"hello", None),
            Err(ParseError::NotAFeed)
        ));
        assert!(matches!(
            parse_feed(b"<html><body>x</body></html>", None),
            Err(ParseError::NotAFeed)
        ));
        assert!(parse_feed(b"<rss version=\"2.0\"><channel><item><title>x", None).is_err());
    }
}
