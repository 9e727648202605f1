//! The digest scheduler and sender (`READOUT_DIGEST_*`), and the two test-only
//! variables of a `readout` process a test starts (`READOUT_NOW`,
//! `READOUT_FAILPOINT`).

use std::time::Duration;

use super::vars::Vars;
use crate::digest::failpoint::Failpoint;

/// Settings of the digest scheduler and sender (`readout digests`, `readout run`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestSettings {
    /// How far back a catch-up digest reaches after downtime: a bot down for a
    /// week posts one digest of the last two days, not a week's backlog.
    pub max_catchup: Duration,
    /// How often the scheduler looks for due digests and the sender for posts.
    pub tick: Duration,
    /// How long a sender holds a claimed post before another may take it.
    pub lease: Duration,
    /// Attempts at one post within one delivery pass before it is put back.
    pub send_attempts: u32,
    /// First wait after a 5xx or a network error; doubled on every attempt.
    pub retry_base: Duration,
    /// At most one alert card per alert in this window: a burst of news goes
    /// as one card listing every event.
    pub alert_batch: Duration,
    /// Test only (`READOUT_NOW`): a fixed "now" for a process a test starts, so it
    /// can run a scheduler at a chosen time.
    pub fixed_now: Option<chrono::DateTime<chrono::Utc>>,
    /// Test only (`READOUT_FAILPOINT`): a point at which the process prints a
    /// marker and blocks, so a crash test can SIGKILL it exactly there.
    pub failpoint: Option<Failpoint>,
}

impl Default for DigestSettings {
    fn default() -> Self {
        DigestSettings {
            max_catchup: Duration::from_secs(48 * 3600),
            tick: Duration::from_secs(30),
            lease: Duration::from_secs(120),
            send_attempts: 5,
            retry_base: Duration::from_secs(1),
            alert_batch: Duration::from_secs(180),
            fixed_now: None,
            failpoint: None,
        }
    }
}

impl DigestSettings {
    pub(super) fn read(vars: &mut Vars) -> Self {
        let mut digests = DigestSettings::default();
        if let Some(v) = vars.num::<u64>("READOUT_DIGEST_MAX_CATCHUP_HOURS") {
            if v == 0 {
                vars.problem("READOUT_DIGEST_MAX_CATCHUP_HOURS must be at least 1");
            }
            digests.max_catchup = Duration::from_secs(v.max(1) * 3600);
        }
        if let Some(v) = vars.num::<u64>("READOUT_DIGEST_TICK_SECS") {
            digests.tick = Duration::from_secs(v.max(1));
        }
        if let Some(v) = vars.num::<u64>("READOUT_DIGEST_RETRY_BASE_MS") {
            digests.retry_base = Duration::from_millis(v.max(1));
        }
        digests.fixed_now = vars.parsed("READOUT_NOW", |v| {
            chrono::DateTime::parse_from_rfc3339(v)
                .map(|t| t.to_utc())
                .map_err(|_| " is not an RFC 3339 time such as 2024-03-31T05:00:00Z".into())
        });
        digests.failpoint = vars.get("READOUT_FAILPOINT").and_then(|v| match v.parse() {
            Ok(point) => Some(point),
            Err(e) => {
                vars.problem(format!("{e}"));
                None
            }
        });
        digests
    }
}
