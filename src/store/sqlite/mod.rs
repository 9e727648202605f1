//! The embedded store: one SQLite file in WAL mode, so the CLI, the watcher and the
//! bot can read while one of them writes. Topic search uses FTS5.
//!
//! The store's traits are implemented once for every backend (`store::common`);
//! this module opens the file and provides what `Backend` asks: running the shared
//! statements, and SQLite's own way with what the dialects write differently.

mod backend;
mod commit;
mod extraction;
mod search;
#[cfg(test)]
mod tests;

use std::str::FromStr;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

use super::StoreError;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");

#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
}

impl SqliteStore {
    /// Opens (creating if needed) the file a `sqlite://PATH` URL names and runs
    /// pending migrations.
    pub async fn open(url: &str) -> Result<Self, StoreError> {
        let opts = SqliteConnectOptions::from_str(url)
            .map_err(|source| StoreError::Open {
                url: url.to_string(),
                source,
            })?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            // A brief over a long window reads thousands of item rows: with the
            // driver's default of 50 buffered rows its thread waits on ours
            // every 50 rows.
            .row_buffer_size(4096);
        // Processes starting together on a new file can get "database is locked"
        // straight away (SQLite skips the busy handler where waiting could
        // deadlock, as when switching the new file to WAL): try again for a while.
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        loop {
            match Self::connect(url, opts.clone()).await {
                Err(e) if is_locked(&e) && std::time::Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                result => return result,
            }
        }
    }

    async fn connect(url: &str, opts: SqliteConnectOptions) -> Result<Self, StoreError> {
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(opts)
            .await
            .map_err(|source| StoreError::Open {
                url: url.to_string(),
                source,
            })?;
        migrate_exclusively(&pool).await?;
        // One line per pool: a process that opened its store twice shows here.
        tracing::debug!(store = url, "opened the store");
        Ok(SqliteStore { pool })
    }

    /// The pool, for adapters that add their own tables (bot settings, digests).
    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    /// The migration versions applied to this file, oldest first, for
    /// `readout migrate`.
    pub async fn applied_migrations(&self) -> Result<Vec<(i64, String)>, StoreError> {
        super::common::applied_migrations(self).await
    }
}

/// SQLITE_BUSY ("database is locked") when opening or migrating.
fn is_locked(e: &StoreError) -> bool {
    let source = match e {
        StoreError::Open { source, .. } => source,
        StoreError::Migrate(sqlx::migrate::MigrateError::Execute(source))
        | StoreError::Migrate(sqlx::migrate::MigrateError::ExecuteMigration(source, _)) => source,
        _ => return false,
    };
    matches!(source, sqlx::Error::Database(d) if d.code().as_deref() == Some("5"))
}

/// Runs pending migrations inside one `BEGIN IMMEDIATE` transaction: sqlx does not
/// lock SQLite while it migrates, so processes opening a new file together each
/// saw it empty and each tried to create the tables ("table feeds already
/// exists"). Holding the write lock from the check to the last migration makes the
/// others wait (the busy timeout) and then find the schema up to date.
async fn migrate_exclusively(pool: &SqlitePool) -> Result<(), StoreError> {
    let mut tx = pool
        .begin_with("BEGIN IMMEDIATE")
        .await
        .map_err(|e| StoreError::Migrate(e.into()))?;
    MIGRATOR.run(&mut *tx).await?;
    tx.commit()
        .await
        .map_err(|e| StoreError::Migrate(e.into()))?;
    Ok(())
}
