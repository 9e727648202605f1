//! The long-running services a process runs from its [`App`], each until its
//! [`Shutdown`]: the bot with the watcher and the digests beside it (`readout
//! run`), the watcher alone (`readout watch`), the digests alone (`readout
//! digests`). All three listen for Ctrl-C from their start ([`App::serve`]).

use std::time::Duration;

use super::{App, Shutdown, StartError};
use crate::bot::{self, RunError};
use crate::config::Config;
use crate::digest::{DeliveryReport, DigestError, ScheduleReport};

/// How long the digest pass in flight may take to finish once the bot stopped.
const DIGEST_GRACE: Duration = Duration::from_secs(30);

/// A long-running service.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Service {
    /// `readout run`: the bot, with the watcher polling feeds and the digests
    /// posting beside it, and the metrics server.
    Bot,
    /// `readout watch`: the watcher and the metrics server; `seed` fixes the
    /// schedule jitter.
    Watcher { seed: Option<u64> },
    /// `readout digests`: the digest scheduler and sender, without the gateway.
    Digests,
}

impl Service {
    /// What the service needs from the configuration before anything is opened:
    /// the bot and the digests need the Discord token.
    pub fn check(self, cfg: &Config) -> Result<(), StartError> {
        match (self, &cfg.discord.token) {
            (Service::Bot, None) => Err(RunError::MissingToken.into()),
            (Service::Digests, None) => Err(DigestError::MissingToken.into()),
            _ => Ok(()),
        }
    }
}

impl App {
    /// What `readout run`, `watch` and `digests` do: listen for Ctrl-C, build the
    /// app for `service`, and run it until Ctrl-C.
    pub async fn serve(cfg: &Config, service: Service) -> Result<(), StartError> {
        let shutdown = Shutdown::on_ctrl_c();
        App::build_for(cfg, service)
            .await?
            .run(service, shutdown)
            .await
    }

    /// Runs `service` until `shutdown`, finishing the work in flight.
    pub async fn run(&self, service: Service, shutdown: Shutdown) -> Result<(), StartError> {
        match service {
            Service::Bot => self.run_bot(shutdown).await,
            Service::Watcher { seed } => {
                self.serve_metrics().await?;
                self.watcher(seed).run(shutdown.receiver()).await;
                Ok(())
            }
            Service::Digests => {
                let digests = self.digests()?;
                digests.check_token().await?;
                Ok(digests.run(shutdown.receiver()).await?)
            }
        }
    }

    /// One scheduler pass and one delivery pass (`readout digests --once`), after
    /// checking that Discord accepts the token.
    pub async fn post_digests_once(&self) -> Result<(ScheduleReport, DeliveryReport), StartError> {
        let digests = self.digests()?;
        digests.check_token().await?;
        Ok(digests.run_once().await?)
    }

    /// The bot alone until `shutdown` (then every shard closes its connection).
    pub async fn start_bot(&self, shutdown: Shutdown) -> Result<(), StartError> {
        let token = self
            .config
            .discord
            .token
            .clone()
            .ok_or(RunError::MissingToken)?;
        let stop = async move { shutdown.wait().await };
        Ok(bot::start(&token, &self.config.discord, self.bot_data(), stop).await?)
    }

    /// The bot until `shutdown`, with the watcher and the digests beside it on the
    /// same store: one pool and one migration run per process. Both stop once the
    /// bot has stopped, after the feeds and the digest pass in flight. A token
    /// Discord rejects while digests are posted stops the bot as well.
    async fn run_bot(&self, shutdown: Shutdown) -> Result<(), StartError> {
        self.serve_metrics().await?;
        let digests = self.digests()?;
        let beside = Shutdown::new();
        let watcher = self.watcher(None);
        let polling = tokio::spawn({
            let stop = beside.receiver();
            async move { watcher.run(stop).await }
        });
        let posting = tokio::spawn({
            let (stop, bot) = (beside.receiver(), shutdown.clone());
            async move {
                let posted = digests.run(stop).await;
                if posted.is_err() {
                    bot.trigger();
                }
                posted
            }
        });
        let served = self.start_bot(shutdown).await;
        beside.trigger();
        let _ = polling.await;
        let posted = match tokio::time::timeout(DIGEST_GRACE, posting).await {
            Ok(Ok(posted)) => posted,
            Ok(Err(e)) => {
                tracing::error!(error = %e, "the digest task failed");
                Ok(())
            }
            Err(_) => {
                tracing::warn!("the digest pass in flight did not finish within 30 s");
                Ok(())
            }
        };
        served?;
        Ok(posted?)
    }
}
