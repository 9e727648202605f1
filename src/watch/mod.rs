//! The watcher: polls every due feed, politely and safely, for months on end.
//!
//! One step, [`Watcher::poll_due_feeds_once`], does a whole round (tests and the
//! benchmark call it directly); [`Watcher::run`] repeats it until shutdown, which
//! stops taking work: the feeds in flight are finished and recorded, and those
//! claimed but not started are handed back to the store for another process. Each feed
//! URL is one row in the store however many servers follow it, so it is fetched once.
//! Fetches run with bounded concurrency overall and per host; each result is written
//! in one transaction with the feed's new validators, so a kill at any moment loses
//! nothing and repeats nothing.

pub mod schedule;

use std::sync::Mutex;
use std::time::Duration;

use futures::StreamExt;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use crate::config::WatchConfig;
use crate::developments::ArticleRef;
use crate::feeds::fetch::{Expect, FetchError, Fetched};
use crate::feeds::hosts::HostGates;
use crate::ingest::{FetchResult, IngestError, Ingestor};
use crate::metrics::{METRICS, Poll};
use crate::store::{FeedId, FeedRecord, StoreError};

/// What one round did, for logs, metrics and tests.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoundReport {
    /// Feeds that were due and polled.
    pub polled: usize,
    pub ingested: usize,
    /// 304 or an unchanged body.
    pub unchanged: usize,
    pub failed: usize,
    /// Feeds paused in this round after failing for too long.
    pub paused: usize,
    pub new_items: usize,
    /// New articles of feeds past their first fetch: what may be announced.
    pub announced: Vec<ArticleRef>,
}

enum PollOutcome {
    Ingested {
        new_items: usize,
        announced: Vec<ArticleRef>,
    },
    Unchanged,
    Failed {
        paused: bool,
    },
}

pub struct Watcher {
    ingestor: Ingestor,
    /// Names this process in feed leases.
    worker: String,
    cfg: WatchConfig,
    /// Jitter source; seeded in tests so schedules are reproducible.
    rng: Mutex<StdRng>,
    /// Feed fetches in flight per host (article pages have their own, in the
    /// ingestor: a feed holding its host's only slot must still get its pages).
    hosts: HostGates,
}

impl Watcher {
    pub fn new(ingestor: Ingestor, cfg: WatchConfig, seed: Option<u64>) -> Self {
        let rng = seed.map_or_else(StdRng::from_entropy, StdRng::seed_from_u64);
        let worker = format!(
            "{}-{}-{:08x}",
            std::env::var("HOSTNAME").unwrap_or_else(|_| "readout".into()),
            std::process::id(),
            rand::random::<u32>()
        );
        Watcher {
            ingestor,
            worker,
            rng: Mutex::new(rng),
            hosts: HostGates::new(cfg.per_host),
            cfg,
        }
    }

    /// Polls every feed that is due and not paused. Feeds are claimed from the store
    /// in batches with a lease, so several processes share one store's feeds: each
    /// due feed goes to one of them, and the feeds of a process that dies come back
    /// when its lease runs out.
    pub async fn poll_due_feeds_once(&self) -> Result<RoundReport, StoreError> {
        // Kept alive for the round, so the round is never told to stop.
        let (_never, shutdown) = tokio::sync::watch::channel(false);
        self.poll_round(&shutdown).await
    }

    /// One round, stopping early once `shutdown` turns true: no batch is claimed
    /// after that, the feeds in flight are finished, and the rest of the batch
    /// is handed back (see [`Watcher::hand_back`]).
    async fn poll_round(
        &self,
        shutdown: &tokio::sync::watch::Receiver<bool>,
    ) -> Result<RoundReport, StoreError> {
        let mut report = RoundReport::default();
        let batch = self.cfg.concurrency.max(1) * 4;
        loop {
            if *shutdown.borrow() {
                return Ok(report);
            }
            let now = self.ingestor.clock.now();
            let due = self
                .ingestor
                .store
                .claim_due_feeds(&self.worker, now, self.cfg.feed_lease, batch)
                .await?;
            if due.is_empty() {
                return Ok(report);
            }
            let ids: Vec<FeedId> = due.iter().map(|f| f.id).collect();
            let batch_done = self.poll_batch(due, &mut report, shutdown.clone());
            // The leases stop being renewed before any is handed back: a renewal
            // racing the hand-back could otherwise lease a feed again.
            let unstarted = tokio::select! {
                unstarted = batch_done => unstarted,
                never = self.renew_leases(&ids) => match never {},
            };
            self.hand_back(&unstarted).await;
        }
    }

    /// Polls one claimed batch, `concurrency` feeds at a time, into `report`.
    /// Once `shutdown` turns true no further feed is started; returns the feeds
    /// that were not.
    async fn poll_batch(
        &self,
        due: Vec<FeedRecord>,
        report: &mut RoundReport,
        mut shutdown: tokio::sync::watch::Receiver<bool>,
    ) -> Vec<FeedId> {
        let mut unstarted: Vec<FeedId> = due.iter().map(|f| f.id).collect();
        let stop = async move {
            if shutdown.wait_for(|stop| *stop).await.is_err() {
                // Nobody can ask any more: the batch runs to its end.
                std::future::pending::<()>().await;
            }
        };
        let mut results = std::pin::pin!(
            futures::stream::iter(due)
                .take_until(stop)
                .map(|f| {
                    let id = f.id;
                    async move { (id, self.poll_one(f).await) }
                })
                .buffer_unordered(self.cfg.concurrency.max(1))
        );
        while let Some((id, outcome)) = results.next().await {
            unstarted.retain(|f| *f != id);
            report.polled += 1;
            match outcome {
                PollOutcome::Ingested {
                    new_items,
                    announced,
                } => {
                    report.ingested += 1;
                    report.new_items += new_items;
                    report.announced.extend(announced);
                }
                PollOutcome::Unchanged => report.unchanged += 1,
                PollOutcome::Failed { paused } => {
                    report.failed += 1;
                    report.paused += usize::from(paused);
                }
            }
        }
        unstarted
    }

    /// Hands feeds claimed but never started back to the store at shutdown, so
    /// another process polls them now rather than when their lease runs out. A
    /// feed that cannot be handed back is only late: its lease still runs out.
    async fn hand_back(&self, feeds: &[FeedId]) {
        for &feed in feeds {
            if let Err(e) = self.ingestor.store.release_lease(feed, &self.worker).await {
                tracing::warn!(error = %e, feed = feed.0, "cannot hand a feed back; it returns when its lease runs out");
            }
        }
        if !feeds.is_empty() {
            tracing::info!(
                feeds = feeds.len(),
                "shutting down: handed back the feeds not yet polled"
            );
        }
    }

    /// Keeps the batch's leases alive while it is polled: every third of a lease,
    /// the leases of the feeds not yet recorded are extended by a whole lease.
    /// A feed's time is bounded (its fetch deadline, then one budget for all its
    /// article pages) but a batch waits for free slots and hosts, so a lease sized
    /// once at the claim could still run out, and a second watcher would fetch
    /// the same feed and pages again. Runs until dropped; a failed renewal is
    /// logged and tried again at the next beat.
    async fn renew_leases(&self, ids: &[FeedId]) -> std::convert::Infallible {
        let beat = (self.cfg.feed_lease / 3).max(Duration::from_millis(100));
        loop {
            tokio::time::sleep(beat).await;
            let now = self.ingestor.clock.now();
            if let Err(e) = self
                .ingestor
                .store
                .renew_leases(&self.worker, ids, now, self.cfg.feed_lease)
                .await
            {
                tracing::warn!(error = %e, "cannot renew the feed leases; retrying at the next beat");
            }
        }
    }

    /// Repeats rounds until `shutdown` turns true. The feeds in flight then are
    /// finished first, so nothing is left half-done; those claimed but not yet
    /// started are handed back.
    pub async fn run(&self, mut shutdown: tokio::sync::watch::Receiver<bool>) {
        loop {
            match self.poll_round(&shutdown).await {
                Ok(r) if r.polled > 0 => tracing::info!(
                    polled = r.polled,
                    ingested = r.ingested,
                    unchanged = r.unchanged,
                    failed = r.failed,
                    new_items = r.new_items,
                    "poll round"
                ),
                Ok(_) => {}
                Err(e) => tracing::error!(error = %e, "poll round failed; retrying shortly"),
            }
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_secs(15)) => {}
                _ = shutdown.changed() => {}
            }
            if *shutdown.borrow() {
                break;
            }
        }
    }

    fn jitter(&self) -> f64 {
        self.rng
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .r#gen::<f64>()
    }

    async fn poll_one(&self, feed: FeedRecord) -> PollOutcome {
        let gate = self.hosts.gate(&feed.url);
        let _permit = gate.acquire().await;
        let started = std::time::Instant::now();
        let interval = self.cfg.default_interval;
        let jitter = self.jitter();
        let clock = self.ingestor.clock.clone();
        let fetched = self.fetch(&feed).await;
        let result = match fetched {
            Ok(f) => {
                let next = move |cache: &_, ttl| {
                    schedule::next_after_success(clock.now(), interval, cache, ttl, jitter)
                };
                self.ingestor.store_fetched(&feed, f, &next).await
            }
            Err(e) => Err(IngestError::Fetch(e)),
        };
        METRICS.fetch_seconds.observe(started.elapsed());
        match result {
            Ok(FetchResult::Unchanged) => {
                METRICS.poll(Poll::Unchanged);
                PollOutcome::Unchanged
            }
            Ok(FetchResult::Ingested(r)) => PollOutcome::Ingested {
                new_items: r.new_items,
                announced: if r.announced {
                    r.new_articles
                } else {
                    Vec::new()
                },
            },
            Err(e) => {
                METRICS.poll(Poll::Failed);
                self.record_failure(&feed, &e).await
            }
        }
    }

    /// Fetches over http(s); re-reads `file://` feeds (added with `readout ingest
    /// PATH`) from disk. Any other scheme is an error, which pauses the feed in time.
    async fn fetch(&self, feed: &FeedRecord) -> Result<Fetched, FetchError> {
        if let Some(path) = feed.url.strip_prefix("file://") {
            return match tokio::fs::read(path).await {
                Ok(bytes) => Ok(Fetched::Body {
                    bytes,
                    final_url: feed.url.clone(),
                    validators: Default::default(),
                    cache: Default::default(),
                }),
                Err(e) => Err(FetchError::Unreachable(format!("{path}: {e}"))),
            };
        }
        self.ingestor
            .fetcher
            .fetch(&feed.url, Expect::Feed, &feed.validators)
            .await
    }

    async fn record_failure(&self, feed: &FeedRecord, e: &IngestError) -> PollOutcome {
        let now = self.ingestor.clock.now();
        let failing_since = feed.failing_since.or(Some(now));
        let paused = schedule::should_pause(now, failing_since, self.cfg.pause_after);
        let reason = e.reason();
        tracing::warn!(feed = %feed.url, error = %e, paused, "feed fetch failed");
        let next = schedule::next_after_error(now, failing_since, e.retry_after());
        if let Err(se) = self
            .ingestor
            .store
            .record_failure(
                feed.id,
                now,
                &reason,
                next,
                paused.then_some(reason.as_str()),
            )
            .await
        {
            tracing::error!(feed = %feed.url, error = %se, "cannot record the failure");
        }
        if paused {
            METRICS.feeds_paused.inc();
        }
        PollOutcome::Failed { paused }
    }
}
