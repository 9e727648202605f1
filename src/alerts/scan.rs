//! The scanner: for each alert, the topic's developments now, against what the
//! alert has taken in; new events become one card in the outbox.
//!
//! - The first scan of an alert records what is already there and posts
//!   nothing: a new alert does not replay the topic's history.
//! - An event reported longer ago than [`super::events::FRESH_FOR`] is taken in without a card:
//!   a bot that comes back to a backlog, or an article recalling an old meeting,
//!   posts no old news.
//! - A burst waits: after a card, the next one goes no sooner than the batch
//!   window, and lists every event that came in meanwhile.
//! - The card, the events and the alert's next state are one guarded commit
//!   (see `store::alert`), and the card is sent by the digests' sender, marked
//!   sent only after Discord accepted it, with a nonce: exactly once.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use super::card;
use super::events::{Event, events, is_fresh, is_new};
use crate::brief::{Lines, brief_for};
use crate::clock::Clock;
use crate::model::TopicName;
use crate::store::alert::{Alert, AlertScan};
use crate::store::digest::NewPost;
use crate::store::guild::GuildId;
use crate::store::{Scope, Store, StoreError};

/// What one pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlertReport {
    /// Cards queued.
    pub cards: usize,
    /// Events in those cards.
    pub events: usize,
    /// Events taken in without a card (a new alert's start, old news).
    pub quiet: usize,
    /// Events held back by the batch window.
    pub waiting: usize,
    /// Scans another scanner (or a moderator) committed first.
    pub lost_races: usize,
}

/// Scans every active alert.
#[derive(Clone)]
pub struct Scanner {
    pub store: Arc<dyn Store>,
    pub clock: Arc<dyn Clock>,
    /// At most one card per alert in this window.
    pub batch: Duration,
}

impl Scanner {
    /// One pass over every alert that is not paused. Alerts of one server on one
    /// topic (in several channels) read its brief once.
    pub async fn scan_once(&self) -> Result<AlertReport, StoreError> {
        let mut report = AlertReport::default();
        let mut briefs: HashMap<(GuildId, TopicName), Lines> = HashMap::new();
        for alert in self.store.active_alerts().await? {
            let now = self.clock.now();
            let key = (alert.guild, alert.spec.topic.clone());
            let lines = match briefs.entry(key) {
                Entry::Occupied(e) => e.into_mut(),
                Entry::Vacant(e) => match self.lines(&alert, now).await {
                    Ok(lines) => e.insert(lines),
                    Err(err) => {
                        tracing::error!(alert = alert.id.0, error = %err, "cannot read the alert's topic");
                        continue;
                    }
                },
            };
            if let Err(e) = self.scan(&alert, lines, now, &mut report).await {
                tracing::error!(alert = alert.id.0, error = %e, "cannot scan alert");
            }
        }
        Ok(report)
    }

    /// The topic's meeting and pending lines, as the server's `/status` reads them.
    async fn lines(&self, alert: &Alert, now: DateTime<Utc>) -> Result<Lines, StoreError> {
        let scope = Scope::Guild(alert.guild.0);
        let brief = brief_for(self.store.as_ref(), scope, &alert.spec.topic, None, now).await?;
        Ok(Lines {
            met: brief.met,
            said: Vec::new(),
            pending: brief.pending,
        })
    }

    async fn scan(
        &self,
        alert: &Alert,
        lines: &Lines,
        now: DateTime<Utc>,
        report: &mut AlertReport,
    ) -> Result<(), StoreError> {
        let seen: HashSet<String> = self
            .store
            .seen_events(alert.id)
            .await?
            .into_iter()
            .collect();
        let mut new: Vec<Event> = Vec::new();
        for e in events(lines, alert.spec.scope, now) {
            if is_new(&e, &seen) && !new.iter().any(|n| n.key == e.key) {
                new.push(e);
            }
        }
        let (fresh, old): (Vec<Event>, Vec<Event>) = new
            .into_iter()
            .partition(|e| alert.primed && is_fresh(e, now));
        let waiting = alert.next_post_at.is_some_and(|t| t > now);
        let posted: Vec<Event> = if waiting { Vec::new() } else { fresh.clone() };
        if waiting {
            report.waiting += fresh.len();
        }
        if old.is_empty() && posted.is_empty() && alert.primed {
            return Ok(());
        }
        let post = (!posted.is_empty()).then(|| {
            let (nonce, body) = card::body(alert.id, &alert.spec, &posted, now);
            NewPost {
                nonce,
                delivery: alert.spec.delivery,
                payload: body.to_string(),
                attachment: None,
            }
        });
        let scan = AlertScan {
            alert: alert.id,
            guild: alert.guild,
            channel: alert.spec.channel,
            expected_seq: alert.scan_seq,
            seen: old.iter().chain(&posted).map(|e| e.key.clone()).collect(),
            next_post_at: post.as_ref().map(|_| now + self.batch),
            post,
        };
        if !self.store.commit_scan(&scan, now).await? {
            report.lost_races += 1;
            return Ok(());
        }
        report.quiet += old.len();
        if !posted.is_empty() {
            report.cards += 1;
            report.events += posted.len();
            tracing::info!(
                alert = alert.id.0,
                events = posted.len(),
                "alert card queued"
            );
        }
        Ok(())
    }
}
