//! When to poll a feed next. Pure functions of the clock and what the server said,
//! so politeness (never before the publisher's TTL or cache lifetime), jitter and
//! backoff can be tested without waiting.

use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::feeds::fetch::CacheHints;

/// First retry after a failure.
pub const BACKOFF_MIN: Duration = Duration::from_secs(5 * 60);
/// Retries never wait longer than this.
pub const BACKOFF_MAX: Duration = Duration::from_secs(12 * 3600);
/// Cache lifetimes longer than this are capped: a feed that says "cache for a
/// month" is still looked at daily.
pub const CACHE_CAP: Duration = Duration::from_secs(24 * 3600);

fn chrono(d: Duration) -> chrono::Duration {
    chrono::Duration::from_std(d).unwrap_or(chrono::Duration::MAX)
}

/// The wait after a successful fetch: our interval, or longer when the publisher
/// asks for it (`Cache-Control: max-age`, `Expires`, RSS `<ttl>`), plus jitter so
/// hundreds of feeds added together do not stay in lockstep. `jitter` is a fraction
/// in 0..1 drawn by the caller from a seedable source.
pub fn next_after_success(
    now: DateTime<Utc>,
    interval: Duration,
    cache: &CacheHints,
    ttl: Option<Duration>,
    jitter: f64,
) -> DateTime<Utc> {
    let mut wait = interval;
    if let Some(age) = cache.max_age {
        wait = wait.max(age.min(CACHE_CAP));
    }
    if let Some(exp) = cache.expires.and_then(|e| (e - now).to_std().ok()) {
        wait = wait.max(exp.min(CACHE_CAP));
    }
    if let Some(ttl) = ttl {
        wait = wait.max(ttl.min(CACHE_CAP));
    }
    let jitter = interval.mul_f64(jitter.clamp(0.0, 1.0) * 0.1);
    now + chrono(wait + jitter)
}

/// The wait after a failure: exponential backoff without a counter. The wait is
/// the time the feed has been failing, between 5 minutes and 12 hours, so each
/// failure roughly doubles it (5, 5, 10, 20, 40 min ...).
pub fn next_after_failure(
    now: DateTime<Utc>,
    failing_since: Option<DateTime<Utc>>,
) -> DateTime<Utc> {
    let failing_for = failing_since
        .and_then(|s| (now - s).to_std().ok())
        .unwrap_or_default();
    now + chrono(failing_for.clamp(BACKOFF_MIN, BACKOFF_MAX))
}

/// The next poll after a failure: the backoff, or later when the server asked
/// for a longer wait (`Retry-After` on a 429 or 503), which a polite client honours.
pub fn next_after_error(
    now: DateTime<Utc>,
    failing_since: Option<DateTime<Utc>>,
    retry_after: Option<Duration>,
) -> DateTime<Utc> {
    let backoff = next_after_failure(now, failing_since);
    match retry_after {
        Some(wait) => backoff.max(now + chrono(wait)),
        None => backoff,
    }
}

/// Whether a feed failing since `failing_since` has failed long enough to pause.
pub fn should_pause(
    now: DateTime<Utc>,
    failing_since: Option<DateTime<Utc>>,
    pause_after: Duration,
) -> bool {
    failing_since
        .and_then(|s| (now - s).to_std().ok())
        .is_some_and(|d| d >= pause_after)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }
    const TEN_MIN: Duration = Duration::from_secs(600);

    #[test]
    fn the_publisher_can_only_lengthen_the_interval() {
        let now = t("2024-01-01T00:00:00Z");
        let none = CacheHints::default();
        assert_eq!(
            next_after_success(now, TEN_MIN, &none, None, 0.0),
            t("2024-01-01T00:10:00Z")
        );
        let long = CacheHints {
            max_age: Some(Duration::from_secs(3600)),
            expires: None,
        };
        assert_eq!(
            next_after_success(now, TEN_MIN, &long, None, 0.0),
            t("2024-01-01T01:00:00Z")
        );
        let short = CacheHints {
            max_age: Some(Duration::from_secs(60)),
            expires: None,
        };
        assert_eq!(
            next_after_success(now, TEN_MIN, &short, None, 0.0),
            t("2024-01-01T00:10:00Z")
        );
        let expires = CacheHints {
            max_age: None,
            expires: Some(t("2024-01-01T00:30:00Z")),
        };
        assert_eq!(
            next_after_success(now, TEN_MIN, &expires, None, 0.0),
            t("2024-01-01T00:30:00Z")
        );
        let ttl = Some(Duration::from_secs(7200));
        assert_eq!(
            next_after_success(now, TEN_MIN, &none, ttl, 0.0),
            t("2024-01-01T02:00:00Z")
        );
        let month = CacheHints {
            max_age: Some(Duration::from_secs(30 * 86400)),
            expires: None,
        };
        assert_eq!(
            next_after_success(now, TEN_MIN, &month, None, 0.0),
            t("2024-01-02T00:00:00Z")
        );
    }

    #[test]
    fn jitter_adds_at_most_a_tenth_of_the_interval() {
        let now = t("2024-01-01T00:00:00Z");
        let n = next_after_success(now, TEN_MIN, &CacheHints::default(), None, 1.0);
        assert_eq!(n, t("2024-01-01T00:11:00Z"));
        let n = next_after_success(now, TEN_MIN, &CacheHints::default(), None, 5.0);
        assert_eq!(n, t("2024-01-01T00:11:00Z"), "clamped");
    }

    #[test]
    fn backoff_doubles_from_five_minutes_up_to_twelve_hours() {
        let start = t("2024-01-01T00:00:00Z");
        let mut now = start;
        let mut waits = Vec::new();
        for _ in 0..12 {
            let next = next_after_failure(now, Some(start));
            waits.push((next - now).num_minutes());
            now = next;
        }
        assert_eq!(&waits[..6], &[5, 5, 10, 20, 40, 80]);
        assert_eq!(*waits.last().unwrap(), 720);
        assert_eq!(
            next_after_failure(start, None) - start,
            chrono::Duration::minutes(5)
        );
    }

    #[test]
    fn feeds_pause_after_the_configured_time_of_failure() {
        let start = t("2024-01-01T00:00:00Z");
        let three_days = Duration::from_secs(3 * 86400);
        assert!(!should_pause(
            t("2024-01-03T23:59:00Z"),
            Some(start),
            three_days
        ));
        assert!(should_pause(
            t("2024-01-04T00:00:00Z"),
            Some(start),
            three_days
        ));
        assert!(!should_pause(t("2024-01-09T00:00:00Z"), None, three_days));
    }
}
