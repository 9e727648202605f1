//! The scheduler: finds digests that are due, builds each, and commits the post
//! to the outbox together with the schedule's next run ([`crate::store::digest::DigestStore::commit_run`]).
//!
//! After downtime a digest may have missed several due times; it then gets one
//! catch-up post for the whole gap (bounded by the catch-up limit), not one per
//! missed time, and its next run is the first one still ahead.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};

use super::DigestError;
use super::build::digest_topics;
use super::build::{BuiltDigest, Coverage, build_with_briefs};
use super::failpoint::{self, Failpoint};
use super::outbox::{forum_post_body, message_body, nonce, with_attachment};
use super::schedule::{latest_due, next_after, period};
use crate::clock::Clock;
use crate::config::DigestSettings;
use crate::store::Store;
use crate::store::digest::{Delivery, DigestRun, DigestSchedule, NewPost};

/// Digests handled per store query; the pass repeats until none is due.
const BATCH: usize = 50;
/// Due times counted at most when catching up (the window is bounded anyway).
const MAX_COUNTED_RUNS: usize = 10_000;

/// What one pass did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScheduleReport {
    /// Posts written to the outbox.
    pub queued: usize,
    /// Runs with nothing new on a skip-when-empty digest.
    pub skipped_empty: usize,
    /// Schedules seen for the first time (given a next run, nothing posted).
    pub initialised: usize,
    /// Runs another scheduler (or a moderator's change) took first.
    pub lost_races: usize,
    /// Digests that could not be handled (bad zone, bad cron, store error).
    pub failed: usize,
}

/// The timeline picture a digest asked for, drawn off the async threads; none
/// when nothing of its topics has a date. A picture that cannot be drawn is
/// logged and left out: the digest still goes. (`/digest preview` shows it too.)
pub async fn timeline_picture(
    d: &DigestSchedule,
    briefs: Vec<crate::brief::Brief>,
) -> Option<Vec<u8>> {
    if !d.spec.timeline {
        return None;
    }
    let drawn =
        tokio::task::spawn_blocking(move || crate::render::timeline::render_stacked_png(&briefs))
            .await;
    match drawn {
        Ok(Ok(png)) => png,
        Ok(Err(e)) => {
            tracing::warn!(digest = d.id.0, error = %e, "timeline not drawn; digest sent without it");
            None
        }
        Err(e) => {
            tracing::warn!(digest = d.id.0, error = %e, "timeline drawing failed; digest sent without it");
            None
        }
    }
}

/// Schedules digests on a store, with a clock.
#[derive(Clone)]
pub struct Scheduler {
    pub store: Arc<dyn Store>,
    pub clock: Arc<dyn Clock>,
    pub settings: DigestSettings,
}

/// The window the digest of `d` would cover if built at `now`, and the due time it
/// answers: the latest one passed, or (for a preview before it is due) the next.
pub fn coverage_at(
    d: &DigestSchedule,
    now: DateTime<Utc>,
    max_catchup: Duration,
) -> Result<(Coverage, DateTime<Utc>), DigestError> {
    let zone = d.spec.timezone;
    let next = match d.next_run_at {
        Some(n) => n,
        None => next_after(&d.spec.cadence, zone, now)?,
    };
    let (run_at, runs) = if next <= now {
        latest_due(&d.spec.cadence, zone, next, now, MAX_COUNTED_RUNS)?
    } else {
        (next, 1)
    };
    let start = match d.covered_until {
        Some(c) => c,
        None => run_at - period(&d.spec.cadence, zone, run_at)?,
    };
    let limit = now - max_catchup;
    Ok((
        Coverage {
            from: start.max(limit).min(now),
            until: now,
            runs,
            clipped: start < limit,
        },
        run_at,
    ))
}

impl Scheduler {
    fn max_catchup(&self) -> Duration {
        Duration::from_std(self.settings.max_catchup).unwrap_or(Duration::hours(48))
    }

    /// One pass: every digest due now is built and queued (or skipped), and moved
    /// to its next run. Errors on one digest are logged and counted; the others go
    /// on.
    pub async fn schedule_due_digests_once(&self) -> Result<ScheduleReport, DigestError> {
        let mut report = ScheduleReport::default();
        let now = self.clock.now();
        let mut seen = std::collections::HashSet::new();
        loop {
            let due = self.store.due_digests(now, BATCH).await?;
            let fresh: Vec<DigestSchedule> =
                due.into_iter().filter(|d| seen.insert(d.id)).collect();
            if fresh.is_empty() {
                break;
            }
            for d in fresh {
                if let Err(e) = self.run_one(&d, now, &mut report).await {
                    report.failed += 1;
                    tracing::error!(digest = d.id.0, guild = d.guild.0, error = %e, "cannot schedule digest");
                }
            }
        }
        Ok(report)
    }

    /// A forum post's title: the digest's topics and its run's local date
    /// ("ukraine, iran — 6 Dec 2026"), one title per run.
    async fn forum_title(
        store: &dyn Store,
        d: &DigestSchedule,
        run_at: DateTime<Utc>,
    ) -> Result<String, DigestError> {
        let topics: Vec<String> = digest_topics(store, d)
            .await?
            .iter()
            .map(|t| t.to_string())
            .collect();
        let day = run_at.with_timezone(&d.spec.timezone).format("%-d %b %Y");
        // The date always fits: the topics give way.
        let what = if topics.is_empty() {
            "Readout digest".to_string()
        } else {
            crate::render::discord::truncate(&topics.join(", "), 80)
        };
        Ok(format!("{what} — {day}"))
    }

    /// The post of one run: its body for the digest's delivery, its nonce, and
    /// the timeline picture when the digest asks for one.
    async fn post_of(
        &self,
        d: &DigestSchedule,
        run_at: DateTime<Utc>,
        built: BuiltDigest,
        briefs: Vec<crate::brief::Brief>,
    ) -> Result<NewPost, DigestError> {
        let BuiltDigest {
            content, embeds, ..
        } = built;
        let nonce = nonce(d.id, run_at);
        let ping = d.spec.ping;
        let payload = match d.spec.delivery {
            Delivery::Message => message_body(&content, &embeds, &nonce, ping),
            Delivery::ForumPost => {
                let title = Self::forum_title(self.store.as_ref(), d, run_at).await?;
                forum_post_body(&title, &content, &embeds, ping)
            }
        };
        let attachment = timeline_picture(d, briefs).await;
        let payload = match &attachment {
            Some(_) => with_attachment(payload, "Timeline of the digest's topics"),
            None => payload,
        };
        Ok(NewPost {
            nonce,
            delivery: d.spec.delivery,
            payload: payload.to_string(),
            attachment,
        })
    }

    async fn run_one(
        &self,
        d: &DigestSchedule,
        now: DateTime<Utc>,
        report: &mut ScheduleReport,
    ) -> Result<(), DigestError> {
        let zone = d.spec.timezone;
        let next_run_at = next_after(&d.spec.cadence, zone, now)?;
        if d.next_run_at.is_none() {
            // A row from before scheduling existed (or set without one): schedule it.
            let run = DigestRun {
                digest: d.id,
                guild: d.guild,
                channel: d.spec.channel,
                expected_next_run: None,
                run_at: next_run_at,
                next_run_at,
                covers_from: d.covered_until.unwrap_or(now),
                covers_until: d.covered_until.unwrap_or(now),
                post: None,
            };
            if self.store.commit_run(&run, now).await? {
                report.initialised += 1;
            } else {
                report.lost_races += 1;
            }
            return Ok(());
        }
        let (coverage, run_at) = coverage_at(d, now, self.max_catchup())?;
        let (built, briefs) = build_with_briefs(self.store.as_ref(), d, coverage).await?;
        let post = if built.empty && d.spec.skip_empty {
            None
        } else {
            Some(self.post_of(d, run_at, built, briefs).await?)
        };
        let queued = post.is_some();
        let run = DigestRun {
            digest: d.id,
            guild: d.guild,
            channel: d.spec.channel,
            expected_next_run: d.next_run_at,
            run_at,
            next_run_at,
            covers_from: coverage.from,
            covers_until: coverage.until,
            post,
        };
        if !self.store.commit_run(&run, now).await? {
            report.lost_races += 1;
            tracing::info!(digest = d.id.0, "digest run taken by another scheduler");
            return Ok(());
        }
        if queued {
            report.queued += 1;
            tracing::info!(digest = d.id.0, guild = d.guild.0, channel = d.spec.channel, runs = coverage.runs, %run_at, "digest queued");
            failpoint::reach(self.settings.failpoint, Failpoint::AfterEnqueue).await;
        } else {
            report.skipped_empty += 1;
            tracing::info!(digest = d.id.0, "nothing new; digest skipped");
        }
        Ok(())
    }
}
