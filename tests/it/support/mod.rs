//! Helpers every area of the integration tests shares, each in one place:
//!
//! - [`app`]: `spawn_app(options)`, the app as `readout` builds it, on a fresh
//!   store and a test clock.
//! - [`db`]: a fresh SQLite file or PostgreSQL database per test.
//! - [`feed_server`]: a real HTTP server on loopback serving feeds and pages.
//! - [`rss`]: hand-written RSS documents, built the same way everywhere.
//! - [`fake_discord`]: a fake Discord (REST + gateway) and the real bot against it.
//! - [`process`]: the built `readout` binary as a child process with a clean
//!   environment, for what needs a process of its own (crashes, failpoints,
//!   several processes on one store).
//!
//! and, here, the small things several areas need: literal times and names, a
//! time limit for a whole test, the repository's own files.

pub mod app;
pub mod db;
pub mod fake_discord;
pub mod feed_server;
pub mod process;
pub mod rss;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use readout::feeds::ItemKey;
use readout::ingest::ArticleKey;
use readout::model::ActorName;
use readout::store::{FeedId, IngestItem};

/// How long a whole test that talks over sockets may take: long enough for a
/// debug build on a loaded 2-core machine, short enough that a lost message
/// fails the test instead of hanging the run.
pub const TEST_LIMIT: Duration = Duration::from_secs(40);

/// Runs `f`, failing the test if it takes longer than [`TEST_LIMIT`].
pub async fn within_limit<F: std::future::Future<Output = ()>>(f: F) {
    tokio::time::timeout(TEST_LIMIT, f)
        .await
        .expect("test exceeded its time limit");
}

/// A literal RFC 3339 time.
pub fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339)
        .expect("literal time")
        .to_utc()
}

/// A literal actor name.
pub fn actor(name: &str) -> ActorName {
    ActorName::new(name).expect("non-blank literal name")
}

/// The repository's own files (fixtures, demo feeds).
pub fn repo_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// An article key to build an item with before its feed is known; [`keyed_for`]
/// replaces it.
pub fn unkeyed() -> ArticleKey {
    ArticleKey::of(FeedId(0), &ItemKey::from_stored(String::new()), "")
}

/// The items with their article keys as ingest sets them for `feed` (from the
/// article's link, else the feed and the item key).
pub fn keyed_for(feed: FeedId, mut items: Vec<IngestItem>) -> Vec<IngestItem> {
    for item in &mut items {
        item.article_key = ArticleKey::of(feed, &item.key, &item.article.url);
    }
    items
}
