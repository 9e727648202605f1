//! Fresh stores for tests: a SQLite file in a temporary directory, or a new
//! PostgreSQL database (`readout_test_<random>`) created from `TEST_DATABASE_URL`
//! and dropped when the handle goes out of scope, even when the test panics.
//! Without `TEST_DATABASE_URL` the PostgreSQL variants are skipped with a notice.

use std::path::Path;
use std::sync::{Arc, Once};

use rand::Rng;
use readout::store::postgres::PostgresStore;
use readout::store::sqlite::SqliteStore;
use readout::store::{ContentStore, Store, StoreError};
use sqlx::{Connection, Executor, PgConnection};

/// The variable naming a PostgreSQL server the tests may create databases on.
pub const TEST_DATABASE_URL: &str = "TEST_DATABASE_URL";

/// A store backend under test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// One empty database, and the means to open more handles on it (another
/// "process").
pub struct TestDb {
    /// The URL `readout::store::open` takes.
    pub url: String,
    /// The first handle, opened (and migrated) at creation.
    pub store: Arc<dyn Store>,
    _dir: Option<tempfile::TempDir>,
    _drop: Option<DropDatabase>,
}

impl TestDb {
    /// Creates an empty database for `backend`; `None` when it is PostgreSQL and
    /// no server is configured.
    pub async fn new(backend: Backend) -> Option<TestDb> {
        match backend {
            Backend::Sqlite => Some(sqlite().await),
            Backend::Postgres => postgres().await,
        }
    }

    /// Another independent handle (own pool) on the same database.
    pub async fn open_another(&self) -> Result<Arc<dyn Store>, StoreError> {
        open(&self.url).await
    }
}

/// Opens the store `url` names as `readout` does: the scheme checked by
/// `DatabaseUrl`, then the store opened and migrated.
pub async fn open(url: &str) -> Result<Arc<dyn Store>, StoreError> {
    readout::store::open(&url.parse()?).await
}

pub async fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let url = format!("sqlite://{}", dir.path().join("test.db").display());
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&url).await.expect("open SQLite"));
    TestDb {
        url,
        store,
        _dir: Some(dir),
        _drop: None,
    }
}

/// The server URL, or `None` after printing (once) that PostgreSQL tests are
/// skipped.
pub fn server_url() -> Option<String> {
    static NOTICE: Once = Once::new();
    match std::env::var(TEST_DATABASE_URL) {
        Ok(u) if !u.trim().is_empty() => Some(u),
        _ => {
            NOTICE.call_once(|| {
                eprintln!(
                    "note: {TEST_DATABASE_URL} is not set; skipping the PostgreSQL half of the store tests \
                     (e.g. {TEST_DATABASE_URL}=postgres://postgres@127.0.0.1:5432/postgres)"
                )
            });
            None
        }
    }
}

/// A new empty PostgreSQL database on the test server, not yet migrated, and the
/// guard that drops it.
pub async fn empty_postgres() -> Option<(String, DropDatabase)> {
    let server = server_url()?;
    let name = format!("readout_test_{:016x}", rand::thread_rng().r#gen::<u64>());
    let mut admin = PgConnection::connect(&server)
        .await
        .expect("connect to TEST_DATABASE_URL");
    admin
        .execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .expect("create a test database");
    let _ = admin.close().await;
    let mut url = url::Url::parse(&server).expect("TEST_DATABASE_URL is a URL");
    url.set_path(&name);
    Some((url.to_string(), DropDatabase { server, name }))
}

pub async fn postgres() -> Option<TestDb> {
    let (url, guard) = empty_postgres().await?;
    let store: Arc<dyn Store> = Arc::new(PostgresStore::open(&url).await.expect("open PostgreSQL"));
    Some(TestDb {
        url,
        store,
        _dir: None,
        _drop: Some(guard),
    })
}

/// The repository's migrations for `backend` up to `version`, copied to a folder
/// of their own: a schema as an older release left it, for a test of a later
/// migration.
fn migrations_up_to(backend: Backend, version: u32) -> tempfile::TempDir {
    let from = super::repo_path(match backend {
        Backend::Sqlite => "migrations/sqlite",
        Backend::Postgres => "migrations/postgres",
    });
    let dir = tempfile::tempdir().expect("a temporary directory");
    for entry in std::fs::read_dir(&from).expect("the migrations folder") {
        let path = entry.expect("a migration").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let number = name.split('_').next().and_then(|v| v.parse::<u32>().ok());
        if number.is_some_and(|n| n <= version) {
            std::fs::copy(&path, dir.path().join(name)).expect("copy a migration");
        }
    }
    dir
}

/// A SQLite file in `dir` migrated up to `version` only, and its URL; opening
/// it as a store then applies the later migrations.
pub async fn sqlite_at_version(dir: &Path, version: u32) -> (String, sqlx::SqlitePool) {
    let url = format!("sqlite://{}", dir.join("old.db").display());
    let pool = sqlx::SqlitePool::connect(&format!("{url}?mode=rwc"))
        .await
        .expect("open SQLite");
    let migrations = migrations_up_to(Backend::Sqlite, version);
    sqlx::migrate::Migrator::new(migrations.path())
        .await
        .expect("read migrations")
        .run(&pool)
        .await
        .expect("migrate to the old version");
    (url, pool)
}

/// A new PostgreSQL database migrated up to `version` only (`None` without a
/// test server), its URL, a pool on it and the guard that drops it.
pub async fn postgres_at_version(version: u32) -> Option<(String, sqlx::PgPool, DropDatabase)> {
    let (url, guard) = empty_postgres().await?;
    let pool = sqlx::PgPool::connect(&url).await.expect("connect");
    let migrations = migrations_up_to(Backend::Postgres, version);
    sqlx::migrate::Migrator::new(migrations.path())
        .await
        .expect("read migrations")
        .run(&pool)
        .await
        .expect("migrate to the old version");
    Some((url, pool, guard))
}

/// Drops a test database when dropped. Runs on a thread of its own with its own
/// runtime, since `Drop` cannot await and may run while a test unwinds.
pub struct DropDatabase {
    server: String,
    name: String,
}

impl Drop for DropDatabase {
    fn drop(&mut self) {
        let server = self.server.clone();
        let sql = format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name);
        let done = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            rt.block_on(async {
                let mut admin = PgConnection::connect(&server).await.ok()?;
                admin.execute(sql.as_str()).await.ok()?;
                admin.close().await.ok()
            })
        })
        .join();
        if !matches!(done, Ok(Some(()))) {
            eprintln!("note: could not drop test database {}", self.name);
        }
    }
}

/// Rows in `table`, from the store's own statistics.
pub async fn rows(store: &(impl ContentStore + ?Sized), table: &str) -> i64 {
    row_count(&store.stats().await.expect("store statistics"), table)
}

/// Rows of `table` in a statistics snapshot.
pub fn row_count(stats: &[(String, i64)], table: &str) -> i64 {
    stats
        .iter()
        .find(|(t, _)| t == table)
        .map(|(_, n)| *n)
        .unwrap_or_else(|| panic!("stats has no {table}"))
}

/// Row counts of the SQLite store at `db`, read directly.
pub async fn sqlite_counts(db: &Path) -> Vec<(String, i64)> {
    let store = SqliteStore::open(&format!("sqlite://{}", db.display()))
        .await
        .expect("open SQLite");
    store.stats().await.expect("store statistics")
}
