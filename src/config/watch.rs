//! How the watcher polls: `READOUT_POLL_INTERVAL_SECS`, `READOUT_PAUSE_AFTER_HOURS`,
//! `READOUT_FETCH_CONCURRENCY`, `READOUT_FETCH_PER_HOST`, `READOUT_FEED_LEASE_SECS`.

use std::time::Duration;

use super::vars::Vars;

/// Settings of the polling loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchConfig {
    /// How often a feed is polled when it says nothing longer.
    pub default_interval: Duration,
    /// Continuous failure after which a feed is paused until a moderator retries it.
    pub pause_after: Duration,
    /// Fetches in flight at once, overall and per host.
    pub concurrency: usize,
    pub per_host: usize,
    /// How long a claimed feed stays with the process that claimed it: well past
    /// the longest fetch, short enough that a dead process's feeds come back soon.
    pub feed_lease: Duration,
}

impl Default for WatchConfig {
    fn default() -> Self {
        WatchConfig {
            default_interval: Duration::from_secs(600),
            pause_after: Duration::from_secs(3 * 24 * 3600),
            concurrency: 32,
            per_host: 2,
            feed_lease: Duration::from_secs(300),
        }
    }
}

impl WatchConfig {
    pub(super) fn read(vars: &mut Vars) -> Self {
        let mut watch = WatchConfig::default();
        if let Some(v) = vars.num::<u64>("READOUT_POLL_INTERVAL_SECS") {
            if v < 60 {
                vars.problem(
                    "READOUT_POLL_INTERVAL_SECS must be at least 60 (be polite to feed servers)",
                );
            }
            watch.default_interval = Duration::from_secs(v);
        }
        if let Some(v) = vars.num::<u64>("READOUT_PAUSE_AFTER_HOURS") {
            watch.pause_after = Duration::from_secs(v * 3600);
        }
        if let Some(v) = vars.num::<usize>("READOUT_FETCH_CONCURRENCY") {
            watch.concurrency = v.max(1);
        }
        if let Some(v) = vars.num::<usize>("READOUT_FETCH_PER_HOST") {
            watch.per_host = v.max(1);
        }
        if let Some(v) = vars.num::<u64>("READOUT_FEED_LEASE_SECS") {
            if v == 0 {
                vars.problem(
                    "READOUT_FEED_LEASE_SECS must be at least 1 (a zero lease lets every watcher take every feed)",
                );
            }
            watch.feed_lease = Duration::from_secs(v.max(1));
        }
        watch
    }
}
