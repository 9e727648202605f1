//! When a digest falls due: daily or weekly at a local time, or a cron
//! expression, always in the digest's IANA zone and never as a fixed UTC offset,
//! so an 08:00 Europe/Kyiv digest stays at 08:00 local across daylight saving.
//!
//! Two rules for local times that do not map to one instant: a time skipped by a
//! spring-forward change runs when the clocks have moved past the gap (02:30 on the
//! change day runs at 03:30), and a time that happens twice on the fall-back day
//! runs at its first occurrence only.

use chrono::{DateTime, Datelike, Duration, NaiveDateTime, NaiveTime, TimeZone, Utc, Weekday};
use chrono_tz::Tz;
use croner::Cron;
use thiserror::Error;

use crate::store::digest::Cadence;

/// Cron digests may not fall due more often than this: a digest is a summary,
/// and a mistyped `* * * * *` must not post every minute.
pub const MIN_CRON_GAP: Duration = Duration::hours(1);

#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ScheduleError {
    #[error("{expr:?} is not a cron expression ({reason})")]
    BadCron { expr: String, reason: String },
    #[error("{expr:?} would post more often than once an hour")]
    TooFrequent { expr: String },
    #[error("{expr:?} never falls due")]
    Never { expr: String },
}

/// Parses a 5-field cron expression (minute granularity; `@daily` and friends,
/// names of days and months, and croner's `L`, `#`, `W` are accepted) and checks it
/// falls due at most once an hour.
pub fn parse_cron(expr: &str) -> Result<Cron, ScheduleError> {
    let expr = expr.trim();
    let cron = Cron::new(expr)
        .parse()
        .map_err(|e| ScheduleError::BadCron {
            expr: expr.to_string(),
            reason: e.to_string(),
        })?;
    // Check the gaps between the next few occurrences from a fixed instant.
    let start = Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).single();
    let mut prev: Option<DateTime<Utc>> = None;
    for t in start
        .into_iter()
        .flat_map(|s| cron.clone().iter_after(s).take(24))
    {
        if prev.is_some_and(|p| t - p < MIN_CRON_GAP) {
            return Err(ScheduleError::TooFrequent {
                expr: expr.to_string(),
            });
        }
        prev = Some(t);
    }
    if prev.is_none() {
        return Err(ScheduleError::Never {
            expr: expr.to_string(),
        });
    }
    Ok(cron)
}

/// The instant a local date and time means in `zone`: the first of two on a
/// fall-back day; after a spring-forward gap, the same distance past its start.
fn resolve_local(zone: Tz, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    if let Some(t) = zone.from_local_datetime(&local).earliest() {
        return Some(t.with_timezone(&Utc));
    }
    // In a gap: most gaps are an hour; try that first, then find the gap's end.
    if let Some(t) = zone
        .from_local_datetime(&(local + Duration::hours(1)))
        .earliest()
    {
        return Some(t.with_timezone(&Utc));
    }
    (1..=180)
        .map(|m| local + Duration::minutes(m))
        .find_map(|l| zone.from_local_datetime(&l).earliest())
        .map(|t| t.with_timezone(&Utc))
}

/// The first due time strictly after `after`.
pub fn next_after(
    cadence: &Cadence,
    zone: Tz,
    after: DateTime<Utc>,
) -> Result<DateTime<Utc>, ScheduleError> {
    match cadence {
        Cadence::Daily { time } => Ok(next_local(zone, after, *time, None)),
        Cadence::Weekly { weekday, time } => Ok(next_local(zone, after, *time, Some(*weekday))),
        Cadence::Cron(expr) => next_cron(&parse_cron(expr)?, expr, zone, after),
    }
}

fn next_local(
    zone: Tz,
    after: DateTime<Utc>,
    time: NaiveTime,
    weekday: Option<Weekday>,
) -> DateTime<Utc> {
    // Start a day early: `after` in UTC may be "yesterday" locally.
    let start = after.with_timezone(&zone).date_naive() - Duration::days(1);
    for days in 0..10 {
        let day = start + Duration::days(days);
        if weekday.is_some_and(|w| day.weekday() != w) {
            continue;
        }
        if let Some(at) = resolve_local(zone, day.and_time(time)).filter(|at| *at > after) {
            return at;
        }
    }
    // Unreachable for real zones; a day later keeps the scheduler moving.
    after + Duration::days(1)
}

fn next_cron(
    cron: &Cron,
    expr: &str,
    zone: Tz,
    after: DateTime<Utc>,
) -> Result<DateTime<Utc>, ScheduleError> {
    // croner walks local wall time; on a fall-back day it can return the first
    // occurrence of a repeated time that is already past. Step on until later.
    let mut from = after.with_timezone(&zone);
    for _ in 0..4 {
        let t = cron
            .find_next_occurrence(&from, false)
            .map_err(|_| ScheduleError::Never {
                expr: expr.to_string(),
            })?
            .with_timezone(&Utc);
        if t > after {
            return Ok(t);
        }
        from += Duration::hours(1);
    }
    Err(ScheduleError::Never {
        expr: expr.to_string(),
    })
}

/// The latest due time at or before `now`, starting from the scheduled
/// `next_run`, and how many due times passed (more than one after downtime).
/// Counting stops after `limit` due times; the catch-up window is bounded anyway.
pub fn latest_due(
    cadence: &Cadence,
    zone: Tz,
    next_run: DateTime<Utc>,
    now: DateTime<Utc>,
    limit: usize,
) -> Result<(DateTime<Utc>, usize), ScheduleError> {
    let mut slot = next_run;
    let mut passed = 1;
    while passed < limit {
        let n = next_after(cadence, zone, slot)?;
        if n > now {
            break;
        }
        slot = n;
        passed += 1;
    }
    Ok((slot, passed))
}

/// Roughly how long one period is: what the first digest of a new schedule
/// covers.
pub fn period(
    cadence: &Cadence,
    zone: Tz,
    around: DateTime<Utc>,
) -> Result<Duration, ScheduleError> {
    Ok(match cadence {
        Cadence::Daily { .. } => Duration::days(1),
        Cadence::Weekly { .. } => Duration::weeks(1),
        Cadence::Cron(_) => {
            let a = next_after(cadence, zone, around)?;
            next_after(cadence, zone, a)? - a
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }
    fn hm(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }
    fn kyiv() -> Tz {
        "Europe/Kyiv".parse().unwrap()
    }

    #[test]
    fn daily_stays_at_local_time_across_daylight_saving() {
        let c = Cadence::Daily { time: hm(8, 0) };
        // Before 2024-03-31 Kyiv is UTC+2, after it UTC+3.
        let a = next_after(&c, kyiv(), at("2024-03-30T06:00:00Z")).unwrap();
        assert_eq!(a, at("2024-03-31T05:00:00Z"));
        // Autumn: 2024-10-27 back to UTC+2.
        let b = next_after(&c, kyiv(), at("2024-10-26T05:00:00Z")).unwrap();
        assert_eq!(b, at("2024-10-27T06:00:00Z"));
    }

    #[test]
    fn daily_is_due_today_until_its_time_then_tomorrow() {
        let paris: Tz = "Europe/Paris".parse().unwrap();
        let next = |time, now| next_after(&Cadence::Daily { time }, paris, now).unwrap();
        // Summer: 08:00 Paris is 06:00 UTC.
        assert_eq!(
            next(hm(8, 0), at("2024-07-01T05:00:00Z")).to_rfc3339(),
            "2024-07-01T06:00:00+00:00"
        );
        // Past today's time: tomorrow.
        assert_eq!(
            next(hm(8, 0), at("2024-07-01T07:00:00Z")).to_rfc3339(),
            "2024-07-02T06:00:00+00:00"
        );
        // Skipped local time (02:30 on 2024-03-31 does not exist): an hour later.
        assert_eq!(
            next(hm(2, 30), at("2024-03-30T23:00:00Z")).to_rfc3339(),
            "2024-03-31T01:30:00+00:00"
        );
    }

    #[test]
    fn gap_moves_forward_and_repeat_takes_the_first() {
        let paris: Tz = "Europe/Paris".parse().unwrap();
        let c = Cadence::Daily { time: hm(2, 30) };
        assert_eq!(
            next_after(&c, paris, at("2024-03-30T23:00:00Z")).unwrap(),
            at("2024-03-31T01:30:00Z")
        );
        // 02:30 happens twice on 2024-10-27 (00:30Z and 01:30Z): only the first.
        let first = next_after(&c, paris, at("2024-10-26T23:00:00Z")).unwrap();
        assert_eq!(first, at("2024-10-27T00:30:00Z"));
        assert_eq!(
            next_after(&c, paris, first).unwrap(),
            at("2024-10-28T01:30:00Z")
        );
        // The same with cron.
        let c = Cadence::Cron("30 2 * * *".into());
        let first = next_after(&c, paris, at("2024-10-26T23:00:00Z")).unwrap();
        assert_eq!(first, at("2024-10-27T00:30:00Z"));
        assert_eq!(
            next_after(&c, paris, first).unwrap(),
            at("2024-10-28T01:30:00Z")
        );
    }

    #[test]
    fn weekly_and_cron() {
        let c = Cadence::Weekly {
            weekday: Weekday::Mon,
            time: hm(9, 0),
        };
        // 2024-07-03 is a Wednesday; the next Monday is 07-08, 09:00 Paris = 07:00Z.
        let paris: Tz = "Europe/Paris".parse().unwrap();
        assert_eq!(
            next_after(&c, paris, at("2024-07-03T12:00:00Z")).unwrap(),
            at("2024-07-08T07:00:00Z")
        );
        let c = Cadence::Cron("0 8 * * 1-5".into());
        // Friday 2024-07-05 08:00 passed: Monday.
        assert_eq!(
            next_after(&c, paris, at("2024-07-05T07:00:00Z")).unwrap(),
            at("2024-07-08T06:00:00Z")
        );
        assert!(matches!(
            parse_cron("*/5 * * * *"),
            Err(ScheduleError::TooFrequent { .. })
        ));
        assert!(matches!(
            parse_cron("not cron"),
            Err(ScheduleError::BadCron { .. })
        ));
    }

    #[test]
    fn downtime_counts_the_missed_runs() {
        let c = Cadence::Daily { time: hm(8, 0) };
        let (slot, passed) = latest_due(
            &c,
            kyiv(),
            at("2024-07-01T05:00:00Z"),
            at("2024-07-03T12:00:00Z"),
            1000,
        )
        .unwrap();
        assert_eq!(slot, at("2024-07-03T05:00:00Z"));
        assert_eq!(passed, 3);
    }
}
