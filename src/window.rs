//! The start of a brief's window, as people type it: a span back from now
//! (`90m`, `12h`, `7d`, `2w`) or a date (`2024-08-01`).
//!
//! Both adapters take it (`readout status --since`, `/status since:`), so it is
//! parsed here once and each adapter words the error for its own users: the CLI
//! names its flag, the bot its option. The errors never echo anything but the
//! trimmed input.

use chrono::{DateTime, NaiveDate, Utc};
use thiserror::Error;

/// Why a `since` value was refused; the message quotes the input and says what
/// would be accepted, without naming the flag or option it came from.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SinceError {
    /// Shaped like a date (`2024-02-30`) but not one: said as such, not as a bad unit.
    #[error("{0:?} is not a date (YYYY-MM-DD)")]
    NotADate(String),
    /// No number in front of the unit (`d`, `soon`).
    #[error("{0:?}: expected e.g. 12h, 7d, 2w or 2024-08-01")]
    NoNumber(String),
    /// A number with an unknown unit (`7x`).
    #[error("{0:?}: the unit must be m, h, d or w")]
    BadUnit(String),
    /// A span too long to represent (`99999999999999w`).
    #[error("{0:?} is too far back")]
    TooFarBack(String),
}

/// Parses a `since` value into the earliest time of the window; spans count
/// back from `now`, dates start at midnight UTC.
pub fn parse_since(raw: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, SinceError> {
    let raw = raw.trim();
    if let Ok(d) = NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        return Ok(d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc());
    }
    if raw.len() == 10 && raw.chars().filter(|c| *c == '-').count() == 2 {
        return Err(SinceError::NotADate(raw.to_string()));
    }
    let split = raw.find(|c: char| !c.is_ascii_digit()).unwrap_or(raw.len());
    let (num, unit) = raw.split_at(split);
    let n: i64 = num
        .parse()
        .map_err(|_| SinceError::NoNumber(raw.to_string()))?;
    let span = match unit {
        "m" | "min" => chrono::Duration::try_minutes(n),
        "h" => chrono::Duration::try_hours(n),
        "d" => chrono::Duration::try_days(n),
        "w" => chrono::Duration::try_weeks(n),
        _ => return Err(SinceError::BadUnit(raw.to_string())),
    };
    span.and_then(|span| now.checked_sub_signed(span))
        .ok_or_else(|| SinceError::TooFarBack(raw.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2024-08-10T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn spans_count_back_from_now_and_dates_start_at_midnight() {
        assert_eq!(
            parse_since("90m", now()).unwrap().to_rfc3339(),
            "2024-08-10T10:30:00+00:00"
        );
        assert_eq!(
            parse_since(" 2w ", now()).unwrap().to_rfc3339(),
            "2024-07-27T12:00:00+00:00"
        );
        assert_eq!(
            parse_since("2024-08-01", now()).unwrap().to_rfc3339(),
            "2024-08-01T00:00:00+00:00"
        );
    }

    #[test]
    fn each_refusal_quotes_the_input_and_says_what_is_accepted() {
        let message = |raw: &str| parse_since(raw, now()).unwrap_err().to_string();
        assert_eq!(
            message("2024-02-30"),
            "\"2024-02-30\" is not a date (YYYY-MM-DD)"
        );
        assert_eq!(
            message("soon"),
            "\"soon\": expected e.g. 12h, 7d, 2w or 2024-08-01"
        );
        assert_eq!(message("7x"), "\"7x\": the unit must be m, h, d or w");
        assert_eq!(
            message("99999999999999w"),
            "\"99999999999999w\" is too far back"
        );
        assert_eq!(
            parse_since("d", now()),
            Err(SinceError::NoNumber("d".into()))
        );
    }
}
