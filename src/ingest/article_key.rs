//! Which stored article an item is.

use crate::feeds::ItemKey;
use crate::feeds::item_key::canonical_link;
use crate::store::FeedId;

/// The identity of an item's article in the store: its canonical link (without
/// tracking parameters or fragment), so that the same article reached through
/// two feeds, or twice through one, is stored and extracted once; without a
/// usable link, the feed and the item's key, so that link-less items of two
/// feeds never meet.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ArticleKey(String);

impl ArticleKey {
    /// The key of the article behind item `item` of `feed`, which links to `link`.
    pub fn of(feed: FeedId, item: &ItemKey, link: &str) -> Self {
        ArticleKey(
            canonical_link(link).unwrap_or_else(|| format!("feed:{}:{}", feed.0, item.as_str())),
        )
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_are_their_canonical_link_else_the_feed_and_item() {
        let item = ItemKey::from_stored("guid:7".to_string());
        let a = ArticleKey::of(
            FeedId(1),
            &item,
            "https://News.example/x?utm_source=rss#top",
        );
        let b = ArticleKey::of(FeedId(2), &item, "https://news.example/x");
        assert_eq!(a, b);
        assert_eq!(
            ArticleKey::of(FeedId(3), &item, "").as_str(),
            "feed:3:guid:7"
        );
    }
}
