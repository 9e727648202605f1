//! The article pages of one feed's new items, fetched together within one time
//! budget.
//!
//! Before, pages were fetched one after another, each allowed the whole fetch
//! deadline: six 4-second pages held a feed for 24 s, past its lease, and a
//! second watcher fetched them all again. Now they are fetched concurrently (at
//! most [`PagePolicy::per_host`] at once per host, shared by every feed of the
//! process), and whatever has not finished, fetch and text extraction, when the
//! feed's budget runs out keeps the feed's own text, as a failed page already did.

use std::time::Duration;

use futures::StreamExt;
use tokio::time::Instant;

use super::SUMMARY_MAX_CHARS;
use crate::article_text;
use crate::feeds::FeedItem;
use crate::feeds::fetch::{Expect, Fetched, Fetcher, Validators};
use crate::feeds::hosts::HostGates;

/// Pages of one feed in flight at once, whatever their hosts: a feed linking to
/// many sites does not open as many connections.
const MAX_PAGES_IN_FLIGHT: usize = 8;

/// How article pages are fetched.
#[derive(Debug, Clone)]
pub struct PagePolicy {
    /// Page fetches in flight per host across the process (the watcher's
    /// `READOUT_FETCH_PER_HOST`).
    pub hosts: HostGates,
    /// All the pages of one feed finish within this, from the first request to
    /// the last text extracted (the fetch deadline by default).
    pub budget: Duration,
}

impl PagePolicy {
    pub fn new(per_host: usize, budget: Duration) -> Self {
        PagePolicy {
            hosts: HostGates::new(per_host),
            budget,
        }
    }
}

impl Default for PagePolicy {
    /// The defaults of `WatchConfig::per_host` and `FetchConfig::timeout`.
    fn default() -> Self {
        PagePolicy::new(2, Duration::from_secs(30))
    }
}

/// The page link of an item whose feed text is only a teaser.
fn page_wanted(item: &FeedItem) -> Option<&str> {
    let teaser = item.best_text().unwrap_or("").chars().count() < SUMMARY_MAX_CHARS;
    item.link
        .as_deref()
        .filter(|l| teaser && l.starts_with("http"))
}

/// The main text of each item's page, in `items`' order: `None` where no page is
/// wanted, or it failed, or it did not finish within `policy.budget`.
pub async fn page_texts(
    fetcher: &Fetcher,
    policy: &PagePolicy,
    items: &[&FeedItem],
) -> Vec<Option<String>> {
    let deadline = Instant::now() + policy.budget;
    // Collected first: a closure inside the stream would make the watcher's
    // future not `Send` (a higher-ranked lifetime the compiler cannot prove).
    let jobs: Vec<_> = items
        .iter()
        .map(|item| page_within(fetcher, policy, item, deadline))
        .collect();
    futures::stream::iter(jobs)
        .buffered(MAX_PAGES_IN_FLIGHT)
        .collect()
        .await
}

/// One item's page text, given up at `deadline`.
async fn page_within(
    fetcher: &Fetcher,
    policy: &PagePolicy,
    item: &FeedItem,
    deadline: Instant,
) -> Option<String> {
    let link = page_wanted(item)?;
    let text = page_text(fetcher, policy, link, deadline);
    match tokio::time::timeout_at(deadline, text).await {
        Ok(text) => text,
        Err(_) => {
            tracing::info!(link, budget = ?policy.budget, "article page not read within the feed's budget; keeping the feed summary");
            None
        }
    }
}

/// One page's main text, once its host has a free slot. Failures are logged and
/// give `None`: the item keeps its teaser, a short article being better than none.
async fn page_text(
    fetcher: &Fetcher,
    policy: &PagePolicy,
    link: &str,
    deadline: Instant,
) -> Option<String> {
    let gate = policy.hosts.gate(link);
    let _slot = gate.acquire().await.ok()?;
    let bytes = match fetcher
        .fetch(link, Expect::Page, &Validators::default())
        .await
    {
        Ok(Fetched::Body { bytes, .. }) => bytes,
        Ok(Fetched::NotModified { .. }) => return None,
        Err(e) => {
            tracing::info!(link, error = %e, "article page not fetched; keeping the feed summary");
            return None;
        }
    };
    let left = deadline.saturating_duration_since(Instant::now());
    match article_text::main_text_off_runtime(bytes, left).await {
        Ok(text) => Some(text),
        Err(e) => {
            tracing::debug!(link, error = %e, "keeping the feed summary");
            None
        }
    }
}
