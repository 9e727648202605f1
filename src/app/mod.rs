//! The one way in: [`App::build`] opens the store once and wires the ingest
//! pipeline, the watcher, the digests, the bot and the metrics server from one
//! [`Config`] (the zero-to-production `Application::build` shape). `readout run`,
//! `watch`, `digests` and `ingest`, and the integration tests, all start here.
//!
//! Adapters start whole processes through here rather than through each other:
//! `readout run` is the command line asking this module for the bot, so the CLI
//! never calls into the Discord adapter and the bot never into the CLI.
//!
//! - [`services`]: the long-running services ([`Service`]), each until its
//!   [`Shutdown`].
//! - [`shutdown`]: Ctrl-C, listened for from the start of a process.

pub mod services;
pub mod shutdown;

use std::net::SocketAddr;
use std::sync::Arc;

use thiserror::Error;

use crate::bot::{self, RunError};
use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::digest::{DigestError, Digests, clock_for};
use crate::extract::{Extractor, RuleExtractor};
use crate::feeds::fetch::{FetchError, Fetcher};
use crate::ingest::{Ingestor, PagePolicy};
use crate::llm::{LlmError, LlmExtractor};
use crate::store::{self, Store, StoreError};
use crate::watch::Watcher;

pub use services::Service;
pub use shutdown::Shutdown;

/// Why a process could not start or stopped with an error; the adapter prints it
/// and exits with [`StartError::exit_code`].
#[derive(Debug, Error)]
pub enum StartError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Fetcher(#[from] FetchError),
    #[error(transparent)]
    Llm(#[from] LlmError),
    #[error("cannot serve metrics on {addr}: {source}")]
    Metrics {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error(transparent)]
    Bot(#[from] RunError),
    #[error(transparent)]
    Digests(#[from] DigestError),
}

impl StartError {
    /// 2 for configuration problems (like clap's usage errors), 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            StartError::Bot(e) => e.exit_code(),
            StartError::Digests(DigestError::MissingToken | DigestError::Http(_)) => 2,
            _ => 1,
        }
    }
}

/// What a test (or another embedding) starts differently from a deployment; the
/// default changes nothing.
#[derive(Clone, Default)]
pub struct Overrides {
    /// A store the caller opened, used instead of opening `DATABASE_URL` (a test
    /// keeps its concrete type, e.g. to close its pool midway).
    pub store: Option<Arc<dyn Store>>,
    /// One clock for everything, instead of the wall clock (and `READOUT_NOW`
    /// for the digests).
    pub clock: Option<Arc<dyn Clock>>,
    /// Keep the feed's own text of summary-only items instead of fetching their
    /// pages (offline runs).
    pub offline: bool,
}

/// The process's parts, built once from the configuration and shared by every
/// service it runs.
pub struct App {
    config: Config,
    store: Arc<dyn Store>,
    /// The watcher's, the ingest pipeline's and the bot's.
    clock: Arc<dyn Clock>,
    /// The digests': the wall clock, or `READOUT_NOW` in tests of the binary.
    digest_clock: Arc<dyn Clock>,
    ingestor: Ingestor,
}

impl App {
    /// Builds the process from the deployment's configuration: the HTTP client
    /// and the extractor (the LLM one when configured, the rules otherwise), then
    /// the store, opened and migrated once for every service.
    pub async fn build(cfg: &Config) -> Result<App, StartError> {
        Self::build_with(cfg, Overrides::default()).await
    }

    /// [`App::build`] for a `service`, whose needs (the Discord token) are checked
    /// before anything is opened: without a token nothing starts.
    pub async fn build_for(cfg: &Config, service: Service) -> Result<App, StartError> {
        service.check(cfg)?;
        Self::build(cfg).await
    }

    /// [`App::build`] with `overrides` (tests).
    pub async fn build_with(cfg: &Config, overrides: Overrides) -> Result<App, StartError> {
        let fetcher = Fetcher::new(cfg.fetch.clone())?;
        let extractor: Arc<dyn Extractor> = match &cfg.llm {
            Some(llm) => Arc::new(LlmExtractor::new(llm.clone(), cfg.fetch.timeout * 4)?),
            None => Arc::new(RuleExtractor::new()),
        };
        let store = match overrides.store {
            Some(store) => store,
            None => store::open(&cfg.database_url).await?,
        };
        let (clock, digest_clock) = match overrides.clock {
            Some(clock) => (clock.clone(), clock),
            None => (
                Arc::new(SystemClock) as Arc<dyn Clock>,
                clock_for(&cfg.digests),
            ),
        };
        let ingestor = Ingestor {
            store: store.clone(),
            extractor,
            fetcher,
            clock: clock.clone(),
            fetch_pages: !overrides.offline,
            pages: PagePolicy::new(cfg.watch.per_host, cfg.fetch.timeout),
        };
        Ok(App {
            config: cfg.clone(),
            store,
            clock,
            digest_clock,
            ingestor,
        })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The one store every service shares.
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// The ingest pipeline (`readout ingest`, and the watcher's).
    pub fn ingestor(&self) -> &Ingestor {
        &self.ingestor
    }

    /// A watcher over the store's feeds; `seed` fixes its schedule jitter.
    pub fn watcher(&self, seed: Option<u64>) -> Watcher {
        Watcher::new(self.ingestor.clone(), self.config.watch.clone(), seed)
    }

    /// The digest scheduler and sender; they post as the bot, so they need its
    /// token.
    pub fn digests(&self) -> Result<Digests, StartError> {
        Ok(Digests::new(
            &self.config,
            self.store.clone(),
            self.digest_clock.clone(),
        )?)
    }

    /// What every bot command needs, on the app's store, fetcher and clock.
    pub fn bot_data(&self) -> bot::Data {
        bot::Data {
            store: self.store.clone(),
            fetcher: self.ingestor.fetcher.clone(),
            clock: self.clock.clone(),
            digest_catchup: chrono::Duration::from_std(self.config.digests.max_catchup)
                .unwrap_or(chrono::Duration::hours(48)),
        }
    }

    /// Serves `/metrics` and `/healthz` in the background when configured; the
    /// address is bound before returning, so a taken port stops the start.
    pub async fn serve_metrics(&self) -> Result<(), StartError> {
        let Some(addr) = self.config.metrics_addr else {
            return Ok(());
        };
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| StartError::Metrics { addr, source })?;
        let store = self.store.clone();
        tokio::spawn(async move {
            if let Err(e) = crate::metrics::serve(listener, store).await {
                tracing::error!(error = %e, "the metrics server stopped");
            }
        });
        Ok(())
    }
}
