//! What a backend (SQLite, PostgreSQL) provides so that the store's traits are
//! implemented once, in `common`: a way to run the shared statements of `sql`,
//! and the operations whose SQL the two dialects write differently.
//!
//! # What stays per backend, and why
//!
//! - **Known item keys, renewing leases, loading extractions** (`IN (...)` vs
//!   `= ANY($1)`): SQLite has no array type, so a list of ids or keys is spelled
//!   out as placeholders, in chunks under SQLite's limit on bound parameters;
//!   PostgreSQL binds the list as one array.
//! - **Committing a fetch**: SQLite writes row by row under `BEGIN IMMEDIATE`
//!   (taking the write lock up front) and links an item to an article it meets
//!   again through `ON CONFLICT DO NOTHING RETURNING id`; PostgreSQL locks the
//!   feed row (`FOR UPDATE`) and writes each table with one `UNNEST` insert,
//!   whatever the number of items.
//! - **Claiming due feeds and outbox posts**: PostgreSQL claims with
//!   `FOR UPDATE SKIP LOCKED`, so concurrent claimers pass over each other's rows;
//!   SQLite has no row locks and claims in one `UPDATE ... RETURNING`, which its
//!   single writer makes atomic.
//! - **Topic search**: FTS5 `MATCH` (with a plan chosen by how common the topic
//!   is) against `tsvector` columns and `phraseto_tsquery` (widening windows).
//! - **Following a feed**: PostgreSQL tells an inserted row from an updated one
//!   with `RETURNING (xmax = 0)`, which SQLite lacks; SQLite looks first, inside
//!   its single writer. The upsert itself is shared text.
//! - **Known actors**: JSON arrays are read with `json_each` against
//!   `jsonb_array_elements_text`; case-insensitive matching is `LIKE` against
//!   `ILIKE`, and PostgreSQL needs `COLLATE "C"` for SQLite's code-point order.
//! - **Size on disk**: `pragma_page_count` against `pg_database_size`.
//! - **Transactions**: SQLite begins writes with `BEGIN IMMEDIATE`; PostgreSQL
//!   retries a whole transaction on transient errors (`postgres::retry`).

use std::collections::HashSet;

use async_trait::async_trait;

use super::guild::GuildId;
use super::rows::{ArticleRow, ExtractionRows, FeedRow, OutboxRow, StoredRow};
use super::statement::Statement;
use super::stored::StoredTime;
use super::{ArticleId, FeedId, FetchCommit, IngestReport, ItemKinds, StoreError, Window};
use crate::feeds::ItemKey;

/// A database the store runs on (see the module doc).
#[async_trait]
pub(crate) trait Backend: Send + Sync {
    /// Runs a statement; returns how many rows it changed.
    async fn execute(&self, s: &Statement<'_>) -> Result<u64, StoreError>;

    /// Runs a query; returns every row.
    async fn fetch_all<R: StoredRow>(&self, s: &Statement<'_>) -> Result<Vec<R>, StoreError>;

    /// Runs a query; returns its first row, if any.
    async fn fetch_optional<R: StoredRow>(
        &self,
        s: &Statement<'_>,
    ) -> Result<Option<R>, StoreError>;

    /// Runs `guard` and then `then` in one write transaction. When `guard` does
    /// not change exactly one row, the transaction is rolled back, `then` does
    /// not run, and the answer is false: another writer got there first.
    async fn write_guarded(
        &self,
        what: &'static str,
        guard: &Statement<'_>,
        then: &[Statement<'_>],
    ) -> Result<bool, StoreError>;

    /// The subset of `keys` the feed already has.
    async fn select_known_keys(
        &self,
        feed: FeedId,
        keys: &[ItemKey],
    ) -> Result<HashSet<ItemKey>, StoreError>;

    /// `ContentStore::commit_fetch`.
    async fn write_fetch(&self, commit: &FetchCommit) -> Result<IngestReport, StoreError>;

    /// Leases up to `limit` due feeds that no live lease holds to `worker` until
    /// `until`.
    async fn lease_due_feeds(
        &self,
        worker: &str,
        now: StoredTime,
        until: StoredTime,
        limit: i64,
    ) -> Result<Vec<FeedRow>, StoreError>;

    /// Moves the end of `worker`'s leases on `feeds` to `until`; returns how many
    /// it moved.
    async fn extend_leases(
        &self,
        worker: &str,
        feeds: &[FeedId],
        until: StoredTime,
    ) -> Result<u64, StoreError>;

    /// Articles whose title or text holds any alias (each searchable, none
    /// empty) as a phrase, newest first, within the window.
    async fn search(
        &self,
        aliases: &[String],
        window: Window,
    ) -> Result<Vec<ArticleRow>, StoreError>;

    /// The extraction rows of these articles, of the kinds asked for.
    async fn load_extraction_rows(
        &self,
        ids: &[ArticleId],
        kinds: ItemKinds,
    ) -> Result<ExtractionRows, StoreError>;

    /// Bytes the database takes on disk.
    async fn size_on_disk(&self) -> Result<i64, StoreError>;

    /// Runs `upsert`, the shared follow-feed statement (`sql::guild::follow_feed`)
    /// of `guild` and `feed`; true when the row is new.
    async fn upsert_guild_feed(
        &self,
        guild: GuildId,
        feed: FeedId,
        upsert: Statement<'_>,
    ) -> Result<bool, StoreError>;

    /// Names of speakers, participants and pending actors matching the LIKE
    /// `pattern` (with `\` escapes) regardless of case, most mentioned first.
    async fn select_known_actors(
        &self,
        pattern: &str,
        limit: i64,
    ) -> Result<Vec<String>, StoreError>;

    /// Leases up to `limit` pending posts due at `now` whose lease ran out until
    /// `lease_until`, counting an attempt on each.
    async fn lease_outbox(
        &self,
        now: StoredTime,
        lease_until: StoredTime,
        limit: i64,
    ) -> Result<Vec<OutboxRow>, StoreError>;
}
