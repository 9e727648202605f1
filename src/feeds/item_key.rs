//! The identity of a feed item, so the same item is stored once however often the
//! feed is fetched: its guid, else its canonical link, else a hash of title + date
//! (+ its text, for an item with neither title nor date).

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use url::Url;

/// `guid:…`, `link:…` or `hash:…`: the prefix records which rule made the key, so
/// a guid that happens to look like a URL never collides with a link key.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemKey(String);

impl ItemKey {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Rebuilds a key read back from the store.
    pub fn from_stored(s: String) -> Self {
        ItemKey(s)
    }

    /// `text` counts only for an item with no title and no date: such items all
    /// shared one key before, so the second of them was dropped without a word.
    /// Keys of items with a title or a date are unchanged (a store keeps them).
    pub fn derive(
        guid: Option<&str>,
        link: Option<&str>,
        title: &str,
        date: Option<DateTime<Utc>>,
        text: &str,
    ) -> Self {
        if let Some(g) = guid.map(str::trim).filter(|g| !g.is_empty()) {
            return ItemKey(format!("guid:{g}"));
        }
        if let Some(l) = link.and_then(canonical_link) {
            return ItemKey(format!("link:{l}"));
        }
        let mut h = Sha256::new();
        h.update(title.trim().as_bytes());
        h.update([0]);
        h.update(date.map(|d| d.to_rfc3339()).unwrap_or_default().as_bytes());
        if title.trim().is_empty() && date.is_none() {
            h.update([0]);
            h.update(text.trim().as_bytes());
        }
        ItemKey(format!("hash:{}", hex::encode(&h.finalize()[..16])))
    }
}

/// Query parameters that identify a campaign or a click, not a page.
fn is_tracking_param(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.starts_with("utm_")
        || n.starts_with("ns_")
        || matches!(
            n.as_str(),
            "fbclid"
                | "gclid"
                | "dclid"
                | "msclkid"
                | "mc_cid"
                | "mc_eid"
                | "cmpid"
                | "ocid"
                | "ref"
                | "ref_src"
                | "smid"
                | "sr_share"
                | "taid"
                | "cid"
                | "at_medium"
                | "at_campaign"
                | "igshid"
                | "yclid"
        )
}

/// The link without fragment and tracking parameters, host lower-cased: the same
/// article shared with different campaign tags is one article. `None` when the
/// link is not an absolute http(s) URL.
pub fn canonical_link(link: &str) -> Option<String> {
    let mut url = Url::parse(link.trim()).ok()?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return None;
    }
    url.set_fragment(None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !is_tracking_param(k))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    Some(url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guid_wins_then_link_then_hash() {
        assert_eq!(
            ItemKey::derive(Some(" abc "), Some("https://x.org/a"), "t", None, "").as_str(),
            "guid:abc"
        );
        assert_eq!(
            ItemKey::derive(Some(""), Some("https://x.org/a"), "t", None, "").as_str(),
            "link:https://x.org/a"
        );
        let h = ItemKey::derive(None, None, "Title", None, "a");
        assert!(h.as_str().starts_with("hash:"));
        assert_eq!(
            h,
            ItemKey::derive(None, Some("not a url"), " Title ", None, "b")
        );
        assert_ne!(h, ItemKey::derive(None, None, "Other", None, "a"));
    }

    #[test]
    fn items_with_no_title_and_no_date_are_told_apart_by_their_text() {
        let a = ItemKey::derive(None, None, "", None, "Putin met Xi in Beijing.");
        let b = ItemKey::derive(None, None, " ", None, "Blinken met Lavrov.");
        assert_ne!(a, b);
        assert_eq!(
            a,
            ItemKey::derive(None, None, "", None, " Putin met Xi in Beijing. ")
        );
    }

    #[test]
    fn tracking_parameters_and_fragments_do_not_make_a_new_item() {
        let a = canonical_link("https://News.example.org/story?id=7&utm_source=rss&fbclid=x#top")
            .unwrap();
        assert_eq!(a, "https://news.example.org/story?id=7");
        assert_eq!(
            canonical_link("https://news.example.org/story?utm_medium=feed").unwrap(),
            "https://news.example.org/story"
        );
        assert!(canonical_link("javascript:alert(1)").is_none());
        assert!(canonical_link("/relative/path").is_none());
    }
}
