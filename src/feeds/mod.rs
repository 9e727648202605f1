//! Feeds: fetching them safely over HTTP, parsing RSS, Atom and JSON Feed into
//! `FeedItem`s, and giving each item a stable key.

pub mod feed_url;
pub mod fetch;
pub mod guard;
pub mod hosts;
pub mod html_text;
pub mod item_key;
pub mod parse;

pub use feed_url::{FeedUrl, FeedUrlError};
pub use item_key::ItemKey;
pub use parse::{FeedItem, ParsedFeed, parse_feed};
