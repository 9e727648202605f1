//! The PostgreSQL store, for deployments where several processes (watchers, bots)
//! share one database. Same tables and behaviour as the SQLite store (the
//! conformance suite in `tests/it/store_conformance.rs` runs both), with three
//! differences that only PostgreSQL can offer:
//!
//! - topic search is PostgreSQL full-text search: stored `tsvector` columns with
//!   GIN indexes, one phrase query per alias OR-ed together (see the migration for
//!   how tokens are made to match SQLite's FTS5);
//! - due feeds and outbox posts are claimed with `FOR UPDATE SKIP LOCKED`, so
//!   concurrent workers never claim the same row;
//! - connections come from a bounded pool, and every operation is retried on
//!   transient errors (dropped connection, restart, deadlock), which is safe because
//!   every operation is idempotent (`commit_fetch` skips what it already stored, a
//!   replayed `commit_run` finds its run taken).
//!
//! The store's traits are implemented once for every backend (`store::common`);
//! this module connects and provides what `Backend` asks (see `backend.rs`).
//!
//! Migrations run under sqlx's PostgreSQL advisory lock, on a connection of their
//! own, so processes starting together apply each migration once.

mod backend;
mod commit;
mod extraction;
mod retry;
mod search;

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use sqlx::{ConnectOptions, Connection};

use super::StoreError;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

/// How many connections one process may hold, and how long it waits for one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolLimits {
    /// Upper bound per process: PostgreSQL's own `max_connections` (100 by default)
    /// is shared by every watcher and bot process.
    pub max_connections: u32,
    /// How long an operation waits for a free connection before failing.
    pub acquire_timeout: Duration,
    /// Server-side limit on one statement, so a runaway query cannot hold a
    /// connection (and its locks) forever.
    pub statement_timeout: Duration,
}

impl Default for PoolLimits {
    fn default() -> Self {
        PoolLimits {
            max_connections: 8,
            acquire_timeout: Duration::from_secs(10),
            statement_timeout: Duration::from_secs(60),
        }
    }
}

#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    /// Connects to a `postgres://` URL with the default pool limits and applies
    /// pending migrations.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        Self::open_with(url, PoolLimits::default()).await
    }

    /// Connects with explicit pool limits and applies pending migrations.
    pub async fn open_with(url: &str, limits: PoolLimits) -> Result<Self, StoreError> {
        let open_err = |source| StoreError::Open {
            url: crate::config::redacted_url(url),
            source,
        };
        let opts = PgConnectOptions::from_str(url)
            .map_err(open_err)?
            .application_name("readout")
            .options([
                (
                    "statement_timeout",
                    format!("{}ms", limits.statement_timeout.as_millis()),
                ),
                // The server's NOTICEs ("relation already exists, skipping" on
                // every start) would reach the log at INFO level.
                ("client_min_messages", "warning".to_string()),
            ]);
        migrate(&opts).await.map_err(|e| match e {
            MigrateFailure::Connect(source) => open_err(source),
            MigrateFailure::Migrate(m) => StoreError::Migrate(m),
        })?;
        let pool = PgPoolOptions::new()
            .max_connections(limits.max_connections)
            .min_connections(0)
            .acquire_timeout(limits.acquire_timeout)
            // A connection killed by a restart is found dead here and replaced,
            // instead of failing the caller's first query.
            .test_before_acquire(true)
            .idle_timeout(Duration::from_secs(300))
            .max_lifetime(Duration::from_secs(1800))
            .connect_lazy_with(opts);
        // One line per pool: a process that opened its store twice shows here.
        tracing::debug!(store = %crate::config::redacted_url(url), "opened the store");
        Ok(PostgresStore { pool })
    }

    /// The pool, for adapters that add their own tables (bot settings, digests).
    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// The migration versions applied to this database, oldest first, for
    /// `readout migrate`.
    pub async fn applied_migrations(&self) -> Result<Vec<(i64, String)>, StoreError> {
        super::common::applied_migrations(self).await
    }
}

enum MigrateFailure {
    Connect(sqlx::Error),
    Migrate(sqlx::migrate::MigrateError),
}

/// Applies pending migrations on a connection of its own. sqlx's migrator holds a
/// session advisory lock while it works, so concurrent starts wait for each other
/// and apply each version once; a dedicated connection guarantees the lock dies
/// with it even when a migration fails halfway (a pooled connection would be
/// returned to the pool still holding the lock).
async fn migrate(opts: &PgConnectOptions) -> Result<(), MigrateFailure> {
    let mut conn = opts.connect().await.map_err(MigrateFailure::Connect)?;
    // `run_direct` rather than `run`: `run` over `&mut PgConnection` makes the
    // future not `Send` (a higher-ranked `Acquire` bound), and `open` must be
    // spawnable.
    let result = MIGRATOR.run_direct(&mut conn).await;
    // The migrations are applied (or failed) either way; closing only tidies up.
    let _ = conn.close().await;
    result.map_err(MigrateFailure::Migrate)
}
