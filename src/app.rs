//! Wiring for the long-running commands: the ingest pipeline, the metrics
//! server, and the bot with the watcher beside it, each built from the one
//! [`Config`].
//!
//! Adapters start whole processes through here rather than through each other:
//! `readout run` is the command line asking this module for the bot, so the CLI
//! never calls into the Discord adapter and the bot never into the CLI.

use std::net::SocketAddr;
use std::sync::Arc;

use thiserror::Error;

use crate::bot::RunError;
use crate::clock::SystemClock;
use crate::config::Config;
use crate::extract::{Extractor, RuleExtractor};
use crate::feeds::fetch::{FetchError, Fetcher};
use crate::ingest::{Ingestor, PagePolicy};
use crate::llm::{LlmError, LlmExtractor};
use crate::store::{self, Store, StoreError};
use crate::watch::Watcher;

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
}

impl StartError {
    /// The bot's own status for its errors (2 for configuration), 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            StartError::Bot(e) => e.exit_code(),
            _ => 1,
        }
    }
}

/// The ingest pipeline on the configured store, with the LLM extractor when one
/// is configured and the rules otherwise.
pub async fn ingestor(cfg: &Config) -> Result<Ingestor, StartError> {
    let store = store::open(&cfg.database_url).await?;
    let fetcher = Fetcher::new(cfg.fetch.clone())?;
    let extractor: Arc<dyn Extractor> = match &cfg.llm {
        Some(llm) => Arc::new(LlmExtractor::new(llm.clone(), cfg.fetch.timeout * 4)?),
        None => Arc::new(RuleExtractor::new()),
    };
    Ok(Ingestor {
        store,
        extractor,
        fetcher,
        clock: Arc::new(SystemClock),
        fetch_pages: true,
        pages: PagePolicy::new(cfg.watch.per_host, cfg.fetch.timeout),
    })
}

/// Serves `/metrics` and `/healthz` in the background when configured; the
/// address is bound before returning, so a taken port stops the start.
pub async fn start_metrics(cfg: &Config, store: Arc<dyn Store>) -> Result<(), StartError> {
    let Some(addr) = cfg.metrics_addr else {
        return Ok(());
    };
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| StartError::Metrics { addr, source })?;
    tokio::spawn(async move {
        if let Err(e) = crate::metrics::serve(listener, store).await {
            tracing::error!(error = %e, "the metrics server stopped");
        }
    });
    Ok(())
}

/// The bot until Ctrl-C, with the watcher polling feeds beside it in the same
/// process (stopped after the bot, finishing the feeds in flight). The store is
/// opened once, here, and shared by the watcher, the bot and its digests: one
/// pool and one migration run per process. Without a token nothing starts: the
/// error says what is missing.
pub async fn run_bot(cfg: &Config) -> Result<(), StartError> {
    let token = cfg.discord.token.clone().ok_or(RunError::MissingToken)?;
    let ingestor = ingestor(cfg).await?;
    let store = ingestor.store.clone();
    start_metrics(cfg, store.clone()).await?;
    let watcher = Watcher::new(ingestor, cfg.watch.clone(), None);
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let polling = tokio::spawn(async move { watcher.run(stopped).await });
    let result = crate::bot::run(cfg, &token, store).await;
    let _ = stop.send(true);
    let _ = polling.await;
    Ok(result?)
}
