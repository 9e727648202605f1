//! `spawn_app`: the app as `readout` builds it ([`App::build_with`]), on a fresh
//! SQLite store and a clock the test sets, with the fetch, watch, Discord and
//! digest settings the test asks for. Tests then drive its one-step methods (a
//! watcher round, a digest pass) or start the bot on it; nothing runs until they
//! do.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use readout::app::{App, Overrides};
use readout::clock::FixedClock;
use readout::config::{Config, DigestSettings, DiscordConfig, FetchConfig, WatchConfig};
use readout::store::Store;
use readout::store::sqlite::SqliteStore;

/// How the app under test differs from a default deployment.
#[derive(Clone)]
pub struct AppOptions {
    /// Where the test clock starts.
    pub now: DateTime<Utc>,
    pub fetch: FetchConfig,
    pub watch: WatchConfig,
    /// No token by default; `FakeDiscord::discord_config` points at a fake.
    pub discord: DiscordConfig,
    pub digests: DigestSettings,
    /// Keep the feed's text of summary-only items instead of fetching pages.
    pub offline: bool,
}

impl AppOptions {
    /// A default deployment with its clock at `now`.
    pub fn at(now: DateTime<Utc>) -> Self {
        AppOptions {
            now,
            fetch: FetchConfig::default(),
            watch: WatchConfig::default(),
            discord: DiscordConfig {
                token: None,
                guild_id: None,
                api_base: None,
                shards: None,
            },
            digests: DigestSettings::default(),
            offline: false,
        }
    }
}

/// The app and the handles a test checks it through: its store (the concrete
/// SQLite one the app shares, so a test can query or close its pool) and its
/// clock. Derefs to the [`App`].
pub struct TestApp {
    pub app: Arc<App>,
    pub store: Arc<SqliteStore>,
    pub clock: Arc<FixedClock>,
    /// The store's file, for a `readout` process sharing it.
    pub db: PathBuf,
    _dir: tempfile::TempDir,
}

impl std::ops::Deref for TestApp {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

/// Builds the app on a fresh SQLite file in a temporary directory.
pub async fn spawn_app(options: AppOptions) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("app.db");
    let url = format!("sqlite://{}", db.display());
    let store = Arc::new(SqliteStore::open(&url).await.expect("open store"));
    let clock = Arc::new(FixedClock::new(options.now));
    let mut cfg =
        Config::from_lookup(|k| (k == "DATABASE_URL").then(|| url.clone())).expect("test config");
    cfg.fetch = options.fetch;
    cfg.watch = options.watch;
    cfg.discord = options.discord;
    cfg.digests = options.digests;
    let overrides = Overrides {
        store: Some(store.clone() as Arc<dyn Store>),
        clock: Some(clock.clone()),
        offline: options.offline,
    };
    let app = App::build_with(&cfg, overrides)
        .await
        .expect("build the app");
    TestApp {
        app: Arc::new(app),
        store,
        clock,
        db,
        _dir: dir,
    }
}

impl TestApp {
    /// Another process on the same store and clock, with its own settings (its
    /// own HTTP client, page budget and feed leases).
    pub async fn another(&self, fetch: FetchConfig, watch: WatchConfig) -> App {
        let mut cfg = self.config().clone();
        cfg.fetch = fetch;
        cfg.watch = watch;
        let overrides = Overrides {
            store: Some(self.store.clone() as Arc<dyn Store>),
            clock: Some(self.clock.clone()),
            offline: false,
        };
        App::build_with(&cfg, overrides)
            .await
            .expect("build another app")
    }
}
