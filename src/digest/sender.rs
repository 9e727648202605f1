//! The sender: claims posts from the outbox and delivers them to Discord.
//!
//! A post is marked sent only after Discord answered 2xx. Rate limits (429, with
//! Discord's `retry_after`) and server errors or lost answers are retried with
//! backoff, first within the pass and then on a later pass; every retry carries
//! the post's nonce, so a message that was created before its answer got lost is
//! not created again. A channel the bot cannot post to pauses its digest with a
//! reason the moderators see in `/digest list`; any other refusal fails the one
//! post. Only a refused token (401) stops the sender: the post goes back to the
//! outbox and the pass ends with [`DigestError::TokenRejected`].

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};

use super::DigestError;
use super::discord::{DiscordPoster, PostOutcome};
use super::failpoint::{self, Failpoint};
use crate::clock::Clock;
use crate::config::DigestSettings;
use crate::store::Store;
use crate::store::digest::{Delivery, OutboxPost};

/// Posts claimed per store query.
const BATCH: usize = 10;
/// A 429 asking for a longer wait than this puts the post back instead of
/// holding the pass.
const MAX_INLINE_WAIT: Duration = Duration::from_secs(15);
/// The longest backoff between attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(600);

/// What one pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeliveryReport {
    pub sent: usize,
    /// Posts put back for a later pass (rate limit or errors that persisted).
    pub deferred: usize,
    /// Posts Discord refused for good.
    pub failed: usize,
    /// Digests paused because their channel refused the bot.
    pub paused: usize,
    /// Attempts that were retried within the pass.
    pub retries: usize,
}

/// Delivers the outbox to Discord.
#[derive(Clone)]
pub struct Sender {
    pub store: Arc<dyn Store>,
    pub clock: Arc<dyn Clock>,
    pub poster: DiscordPoster,
    pub settings: DigestSettings,
}

/// `base * 2^attempt`, at most `MAX_BACKOFF`.
pub fn backoff(base: Duration, attempt: u32) -> Duration {
    base.saturating_mul(1u32 << attempt.min(16))
        .min(MAX_BACKOFF)
}

/// `now + wait`, rounded up to the store's whole seconds so a put-back post is
/// never due again within the same pass.
fn later(now: DateTime<Utc>, wait: Duration) -> DateTime<Utc> {
    let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    now + chrono::Duration::seconds(secs.max(1) as i64)
}

enum Done {
    Sent,
    Deferred,
    Failed,
    Paused,
}

impl Sender {
    /// One pass: claims due posts until none is left and delivers each.
    pub async fn deliver_outbox_once(&self) -> Result<DeliveryReport, DigestError> {
        let mut report = DeliveryReport::default();
        let lease =
            chrono::Duration::from_std(self.settings.lease).unwrap_or(chrono::Duration::minutes(2));
        loop {
            let now = self.clock.now();
            let posts = self.store.claim_outbox(now, now + lease, BATCH).await?;
            if posts.is_empty() {
                break;
            }
            for post in posts {
                match self.deliver(&post, &mut report).await {
                    Ok(Done::Sent) => report.sent += 1,
                    Ok(Done::Deferred) => report.deferred += 1,
                    Ok(Done::Failed) => report.failed += 1,
                    Ok(Done::Paused) => {
                        report.failed += 1;
                        report.paused += 1;
                    }
                    // No post can go out with this token: the pass stops.
                    Err(e @ DigestError::TokenRejected(_)) => return Err(e),
                    // The lease runs out and a later pass tries again.
                    Err(e) => {
                        tracing::error!(post = post.id, error = %e, "cannot record a delivery");
                        report.deferred += 1;
                    }
                }
            }
        }
        Ok(report)
    }

    /// A forum post, unless `retry` and the forum already has one with its title.
    async fn post_to_forum(&self, post: &OutboxPost, retry: bool) -> PostOutcome {
        let body: serde_json::Value = serde_json::from_str(&post.payload).unwrap_or_default();
        let title = body["name"].as_str().unwrap_or_default();
        if retry {
            match self
                .poster
                .find_forum_post(post.guild.0, post.channel, title)
                .await
            {
                Ok(Some(id)) => {
                    tracing::info!(post = post.id, thread = %id, "forum post found from an earlier attempt");
                    return PostOutcome::Sent {
                        message_id: Some(id),
                    };
                }
                Ok(None) => {}
                Err(e) => return PostOutcome::Transient(e),
            }
        }
        self.poster
            .start_forum_post(post.channel, &post.payload, post.attachment.as_deref())
            .await
    }

    async fn deliver(
        &self,
        post: &OutboxPost,
        report: &mut DeliveryReport,
    ) -> Result<Done, DigestError> {
        let attempts = self.settings.send_attempts.max(1);
        let mut last_error = String::new();
        for attempt in 0..attempts {
            let outcome = match post.delivery {
                Delivery::Message => {
                    self.poster
                        .post(post.channel, &post.payload, post.attachment.as_deref())
                        .await
                }
                // A claim before this one, or an attempt of this pass, may have
                // made the post already.
                Delivery::ForumPost => {
                    self.post_to_forum(post, post.attempts > 1 || attempt > 0)
                        .await
                }
            };
            let wait = match outcome {
                PostOutcome::Sent { message_id } => {
                    failpoint::reach(self.settings.failpoint, Failpoint::AfterSend).await;
                    let now = self.clock.now();
                    self.store
                        .mark_sent(post.id, message_id.as_deref(), now)
                        .await?;
                    tracing::info!(
                        post = post.id,
                        owner = ?post.owner,
                        channel = post.channel,
                        "digest posted"
                    );
                    return Ok(Done::Sent);
                }
                PostOutcome::RateLimited { retry_after } => {
                    last_error = format!("rate limited for {retry_after:?}");
                    if retry_after > MAX_INLINE_WAIT {
                        let at = later(self.clock.now(), retry_after);
                        self.store.retry_later(post.id, at, &last_error).await?;
                        return Ok(Done::Deferred);
                    }
                    retry_after
                }
                PostOutcome::Transient(e) => {
                    last_error = e;
                    backoff(self.settings.retry_base, attempt)
                }
                PostOutcome::ChannelRefused(reason) => {
                    tracing::warn!(post = post.id, owner = ?post.owner, guild = post.guild.0, %reason, "digest paused");
                    let now = self.clock.now();
                    self.store
                        .fail_post(post.id, &reason, Some(&reason), now)
                        .await?;
                    return Ok(Done::Paused);
                }
                PostOutcome::TokenRejected(status) => {
                    // Handed back untouched: it goes out once the token is replaced.
                    let now = self.clock.now();
                    let reason = format!("Discord rejected the token ({status})");
                    self.store.retry_later(post.id, now, &reason).await?;
                    return Err(DigestError::TokenRejected(status));
                }
                PostOutcome::Rejected(e) => {
                    tracing::error!(post = post.id, owner = ?post.owner, error = %e, "digest post refused");
                    let now = self.clock.now();
                    self.store.fail_post(post.id, &e, None, now).await?;
                    return Ok(Done::Failed);
                }
            };
            tracing::info!(post = post.id, attempt, error = %last_error, ?wait, "retrying digest post");
            if attempt + 1 < attempts {
                report.retries += 1;
                tokio::time::sleep(wait).await;
            }
        }
        let attempts_so_far = u32::try_from(post.attempts).unwrap_or(u32::MAX);
        let at = later(
            self.clock.now(),
            backoff(
                self.settings.retry_base,
                attempts_so_far.saturating_add(attempts),
            ),
        );
        self.store.retry_later(post.id, at, &last_error).await?;
        Ok(Done::Deferred)
    }
}
