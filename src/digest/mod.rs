//! Scheduled digests, posted exactly once.
//!
//! ```text
//! scheduler ──tick──▶ build ──▶ outbox row + next run (one transaction) ──▶ sender ──▶ Discord
//! ```
//!
//! - [`schedule`]: when a digest falls due (daily, weekly, cron; IANA zones, DST).
//! - [`build`]: what is new since the previous digest, as one message within
//!   Discord's limits (also what `/digest preview` shows).
//! - [`outbox`]: the stored body and its nonce.
//! - [`scheduler`]: due digests → outbox, guarded so two schedulers cannot both
//!   take a run; one catch-up after downtime.
//! - [`sender`] and [`discord`]: outbox → Discord, marked sent only after a 2xx,
//!   retried with backoff, pausing a digest whose channel refuses the bot.
//! - [`failpoint`]: test-only crash points.
//!
//! [`Digests::run`] runs both loops until shutdown; tests call the one-pass steps
//! [`scheduler::Scheduler::schedule_due_digests_once`] and
//! [`sender::Sender::deliver_outbox_once`] directly.

pub mod build;
pub mod discord;
pub mod failpoint;
pub mod outbox;
pub mod schedule;
pub mod scheduler;
pub mod sender;

use std::sync::Arc;

use thiserror::Error;

use crate::clock::{Clock, FixedClock, SystemClock};
use crate::config::{Config, DigestSettings};
use crate::store::{Store, StoreError};

pub use scheduler::{ScheduleReport, Scheduler};
pub use sender::{DeliveryReport, Sender};

#[derive(Debug, Error)]
pub enum DigestError {
    #[error("digest store: {0}")]
    Store(#[from] StoreError),
    #[error("digest schedule: {0}")]
    Schedule(#[from] schedule::ScheduleError),
    #[error(
        "DISCORD_TOKEN is not set: digests are posted as the bot (see the README, section Scheduled digests)"
    )]
    MissingToken,
    #[error("cannot build the HTTP client for Discord: {0}")]
    Http(#[from] reqwest::Error),
    /// Discord answered 401 or 403 to the bot's own token: no post can succeed
    /// until the token is replaced, so the digests stop instead of failing every
    /// post for good.
    #[error("{}", crate::config::token_rejected(.0))]
    TokenRejected(String),
}

/// The scheduler, the alert scanner and the sender over one store.
#[derive(Clone)]
pub struct Digests {
    pub scheduler: Scheduler,
    pub alerts: crate::alerts::Scanner,
    pub sender: Sender,
}

/// The clock digests run on: the wall clock, or `READOUT_NOW` in tests.
pub fn clock_for(settings: &DigestSettings) -> Arc<dyn Clock> {
    match settings.fixed_now {
        Some(t) => Arc::new(FixedClock::new(t)),
        None => Arc::new(SystemClock),
    }
}

impl Digests {
    /// Both halves from the deployment's configuration.
    pub fn new(
        cfg: &Config,
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
    ) -> Result<Self, DigestError> {
        let token = cfg.discord.token.clone().ok_or(DigestError::MissingToken)?;
        let poster = discord::DiscordPoster::new(cfg.discord.api_base.as_deref(), token)?;
        Ok(Digests {
            scheduler: Scheduler {
                store: store.clone(),
                clock: clock.clone(),
                settings: cfg.digests.clone(),
            },
            alerts: crate::alerts::Scanner {
                store: store.clone(),
                clock: clock.clone(),
                batch: chrono::Duration::from_std(cfg.digests.alert_batch)
                    .unwrap_or(chrono::Duration::minutes(3)),
            },
            sender: Sender {
                store,
                clock,
                poster,
                settings: cfg.digests.clone(),
            },
        })
    }

    /// One scheduler pass, one alert scan, then one delivery pass.
    pub async fn run_once(&self) -> Result<(ScheduleReport, DeliveryReport), DigestError> {
        let s = self.scheduler.schedule_due_digests_once().await?;
        self.alerts.scan_once().await?;
        let d = self.sender.deliver_outbox_once().await?;
        Ok((s, d))
    }

    /// Asks Discord who the token belongs to, so a rejected token stops the
    /// start with [`DigestError::TokenRejected`]; any other failure is left to
    /// the sender's retries.
    pub async fn check_token(&self) -> Result<(), DigestError> {
        self.sender.poster.check_token().await
    }

    /// Runs passes every `tick` until `shutdown` turns true. A pass in flight
    /// finishes first; a post claimed and not finished is taken again after its
    /// lease by the next process. A rejected token ends the loop with its error;
    /// any other failed pass is tried again next tick.
    pub async fn run(
        &self,
        mut shutdown: tokio::sync::watch::Receiver<bool>,
    ) -> Result<(), DigestError> {
        loop {
            if *shutdown.borrow() {
                break;
            }
            match self.run_once().await {
                Ok(_) => {}
                Err(e @ DigestError::TokenRejected(_)) => return Err(e),
                Err(e) => {
                    tracing::error!(error = %e, "digest pass failed; trying again next tick")
                }
            }
            tokio::select! {
                _ = tokio::time::sleep(self.scheduler.settings.tick) => {}
                changed = shutdown.changed() => {
                    if changed.is_err() {
                        break;
                    }
                }
            }
        }
        tracing::info!("digest scheduler stopped");
        Ok(())
    }
}
