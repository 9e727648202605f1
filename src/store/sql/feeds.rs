//! Statements on feeds: adding and listing them, recording each fetch, and
//! handing back a lease.

use chrono::{DateTime, Utc};

use crate::store::statement::Statement;
use crate::store::{FeedId, FetchCommit};

/// The columns of a `FeedRow`.
pub(crate) const COLUMNS: &str = "id, url, title, added_at, etag, last_modified, body_hash, last_fetch_at, \
     last_success_at, last_error, failing_since, paused_reason, next_fetch_at, interval_secs, primed";

/// Adds a feed, due now, unless its URL is known.
pub(crate) fn insert(url: &str, now: DateTime<Utc>) -> Statement<'_> {
    Statement::new(
        "add feed",
        "INSERT INTO feeds (url, added_at, next_fetch_at) VALUES ($1, $2, $2) \
         ON CONFLICT (url) DO NOTHING",
    )
    .bind(url)
    .bind(now)
}

/// One feed by URL.
pub(crate) fn by_url(url: &str) -> Statement<'_> {
    Statement::new(
        "feed by url",
        format!("SELECT {COLUMNS} FROM feeds WHERE url = $1"),
    )
    .bind(url)
}

/// Every feed, oldest first.
pub(crate) fn all() -> Statement<'static> {
    Statement::new(
        "list feeds",
        format!("SELECT {COLUMNS} FROM feeds ORDER BY id"),
    )
}

/// A successful fetch with a body, inside `commit_fetch`'s transaction: the new
/// validators and schedule, errors and pause cleared, later items announced
/// (`primed`), the lease ended.
pub(crate) fn fetched(c: &FetchCommit) -> Statement<'_> {
    Statement::new(
        "update feed after fetch",
        "UPDATE feeds SET title = COALESCE($1, title), etag = $2, last_modified = $3, body_hash = $4, \
         last_fetch_at = $5, last_success_at = $5, last_error = NULL, failing_since = NULL, \
         paused_reason = NULL, next_fetch_at = $6, primed = TRUE, leased_by = NULL, lease_until = NULL \
         WHERE id = $7",
    )
    .bind(c.title.as_deref())
    .bind(c.validators.etag.as_deref())
    .bind(c.validators.last_modified.as_deref())
    .bind(c.body_hash.as_str())
    .bind(c.at)
    .bind(c.next_fetch_at)
    .bind(c.feed.0)
}

/// A 304 or an unchanged body: the schedule moves, errors clear, the lease ends.
pub(crate) fn unchanged(
    feed: FeedId,
    at: DateTime<Utc>,
    next_fetch_at: DateTime<Utc>,
) -> Statement<'static> {
    Statement::new(
        "record unchanged",
        "UPDATE feeds SET last_fetch_at = $1, last_success_at = $1, last_error = NULL, \
         failing_since = NULL, next_fetch_at = $2, leased_by = NULL, lease_until = NULL WHERE id = $3",
    )
    .bind(at)
    .bind(next_fetch_at)
    .bind(feed.0)
}

/// A failed fetch: the error, the time failures started (kept from the first),
/// a pause when given, the lease ended.
pub(crate) fn failed<'a>(
    feed: FeedId,
    at: DateTime<Utc>,
    error: &'a str,
    next_fetch_at: DateTime<Utc>,
    paused: Option<&'a str>,
) -> Statement<'a> {
    Statement::new(
        "record failure",
        "UPDATE feeds SET last_fetch_at = $1, last_error = $2, failing_since = COALESCE(failing_since, $1), \
         next_fetch_at = $3, paused_reason = COALESCE($4, paused_reason), leased_by = NULL, \
         lease_until = NULL WHERE id = $5",
    )
    .bind(at)
    .bind(error)
    .bind(next_fetch_at)
    .bind(paused)
    .bind(feed.0)
}

/// Clears a pause and makes the feed due now.
pub(crate) fn resume(feed: FeedId, now: DateTime<Utc>) -> Statement<'static> {
    Statement::new(
        "resume feed",
        "UPDATE feeds SET paused_reason = NULL, failing_since = NULL, next_fetch_at = $1 WHERE id = $2",
    )
    .bind(now)
    .bind(feed.0)
}

/// Ends `worker`'s lease on the feed, if it holds it.
pub(crate) fn release_lease(feed: FeedId, worker: &str) -> Statement<'_> {
    Statement::new(
        "release lease",
        "UPDATE feeds SET leased_by = NULL, lease_until = NULL WHERE id = $1 AND leased_by = $2",
    )
    .bind(feed.0)
    .bind(worker)
}
