//! Values as the two backends keep them, so that one row type and one statement
//! serve both.
//!
//! The SQLite schema predates the PostgreSQL one and keeps times as unix seconds
//! (`INTEGER`) and a digest's time of day as `'HH:MM'` text; PostgreSQL keeps
//! `timestamptz` and `time`. The types here encode and decode the right column
//! type on each side, so the code above them binds and reads one Rust type.

use chrono::{DateTime, NaiveTime, Timelike, Utc};
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::postgres::{PgArgumentBuffer, PgHasArrayType, PgTypeInfo, PgValueRef};
use sqlx::sqlite::{SqliteArgumentValue, SqliteTypeInfo, SqliteValueRef};
use sqlx::{Decode, Encode, Postgres, Sqlite, Type};

/// A point in time as the store keeps it: to the whole second, unix seconds in
/// SQLite and `timestamptz` in PostgreSQL. Built from a `DateTime<Utc>`, it drops
/// the fraction, so both stores give back the same value for what they were given
/// (and an announcement shows the time a later brief shows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct StoredTime(DateTime<Utc>);

impl StoredTime {
    /// The time as the rest of the crate uses it.
    pub(crate) fn utc(self) -> DateTime<Utc> {
        self.0
    }

    fn from_seconds(seconds: i64) -> Self {
        StoredTime(DateTime::from_timestamp(seconds, 0).unwrap_or_default())
    }
}

impl From<DateTime<Utc>> for StoredTime {
    fn from(t: DateTime<Utc>) -> Self {
        StoredTime::from_seconds(t.timestamp())
    }
}

impl From<StoredTime> for DateTime<Utc> {
    fn from(t: StoredTime) -> Self {
        t.0
    }
}

impl Type<Sqlite> for StoredTime {
    fn type_info() -> SqliteTypeInfo {
        <i64 as Type<Sqlite>>::type_info()
    }

    fn compatible(ty: &SqliteTypeInfo) -> bool {
        <i64 as Type<Sqlite>>::compatible(ty)
    }
}

impl<'q> Encode<'q, Sqlite> for StoredTime {
    fn encode_by_ref(&self, buf: &mut Vec<SqliteArgumentValue<'q>>) -> Result<IsNull, BoxDynError> {
        <i64 as Encode<'q, Sqlite>>::encode(self.0.timestamp(), buf)
    }
}

impl<'r> Decode<'r, Sqlite> for StoredTime {
    fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
        Ok(StoredTime::from_seconds(<i64 as Decode<Sqlite>>::decode(
            value,
        )?))
    }
}

impl Type<Postgres> for StoredTime {
    fn type_info() -> PgTypeInfo {
        <DateTime<Utc> as Type<Postgres>>::type_info()
    }

    fn compatible(ty: &PgTypeInfo) -> bool {
        <DateTime<Utc> as Type<Postgres>>::compatible(ty)
    }
}

impl PgHasArrayType for StoredTime {
    fn array_type_info() -> PgTypeInfo {
        <DateTime<Utc> as PgHasArrayType>::array_type_info()
    }
}

impl Encode<'_, Postgres> for StoredTime {
    fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        <DateTime<Utc> as Encode<Postgres>>::encode_by_ref(&self.0, buf)
    }
}

impl<'r> Decode<'r, Postgres> for StoredTime {
    /// As stored: every write goes through `From<DateTime<Utc>>`.
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        Ok(StoredTime(<DateTime<Utc> as Decode<Postgres>>::decode(
            value,
        )?))
    }
}

/// A local time of day to the minute (a digest's hour): `'HH:MM'` text in
/// SQLite, `time` in PostgreSQL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ClockTime(NaiveTime);

impl ClockTime {
    /// The time as the rest of the crate uses it.
    pub(crate) fn time(self) -> NaiveTime {
        self.0
    }

    /// The `'HH:MM'` text SQLite keeps.
    fn text(self) -> String {
        self.0.format(CLOCK_FORMAT).to_string()
    }
}

const CLOCK_FORMAT: &str = "%H:%M";

impl From<NaiveTime> for ClockTime {
    /// Seconds are dropped: the column keeps minutes.
    fn from(t: NaiveTime) -> Self {
        ClockTime(NaiveTime::from_hms_opt(t.hour(), t.minute(), 0).unwrap_or(t))
    }
}

impl Type<Sqlite> for ClockTime {
    fn type_info() -> SqliteTypeInfo {
        <String as Type<Sqlite>>::type_info()
    }

    fn compatible(ty: &SqliteTypeInfo) -> bool {
        <String as Type<Sqlite>>::compatible(ty)
    }
}

impl<'q> Encode<'q, Sqlite> for ClockTime {
    fn encode_by_ref(&self, buf: &mut Vec<SqliteArgumentValue<'q>>) -> Result<IsNull, BoxDynError> {
        <String as Encode<'q, Sqlite>>::encode(self.text(), buf)
    }
}

impl<'r> Decode<'r, Sqlite> for ClockTime {
    fn decode(value: SqliteValueRef<'r>) -> Result<Self, BoxDynError> {
        let text = <&str as Decode<Sqlite>>::decode(value)?;
        NaiveTime::parse_from_str(text, CLOCK_FORMAT)
            .map(ClockTime)
            .map_err(|e| format!("time of day {text:?}: {e}").into())
    }
}

impl Type<Postgres> for ClockTime {
    fn type_info() -> PgTypeInfo {
        <NaiveTime as Type<Postgres>>::type_info()
    }

    fn compatible(ty: &PgTypeInfo) -> bool {
        <NaiveTime as Type<Postgres>>::compatible(ty)
    }
}

impl Encode<'_, Postgres> for ClockTime {
    fn encode_by_ref(&self, buf: &mut PgArgumentBuffer) -> Result<IsNull, BoxDynError> {
        <NaiveTime as Encode<Postgres>>::encode_by_ref(&self.0, buf)
    }
}

impl<'r> Decode<'r, Postgres> for ClockTime {
    fn decode(value: PgValueRef<'r>) -> Result<Self, BoxDynError> {
        Ok(ClockTime::from(<NaiveTime as Decode<Postgres>>::decode(
            value,
        )?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_kept_to_the_second_and_the_minute() {
        let t = DateTime::parse_from_rfc3339("2024-03-01T08:30:15.750Z")
            .unwrap()
            .to_utc();
        assert_eq!(
            StoredTime::from(t).utc(),
            DateTime::parse_from_rfc3339("2024-03-01T08:30:15Z")
                .unwrap()
                .to_utc()
        );
        let clock = ClockTime::from(NaiveTime::from_hms_opt(8, 30, 15).unwrap());
        assert_eq!(clock.time(), NaiveTime::from_hms_opt(8, 30, 0).unwrap());
        assert_eq!(clock.text(), "08:30");
    }
}
