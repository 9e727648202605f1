//! A statement both backends run: its SQL text, written once with numbered
//! placeholders (`$1`, `$2`, ...), and its arguments.
//!
//! PostgreSQL takes `$n` placeholders, and sqlx's SQLite driver takes them too
//! (it binds a parameter named `$n` to the n-th argument, see `SqliteArguments::bind`
//! in sqlx-sqlite), so one text serves both, and a value used twice is bound once
//! (`VALUES ($1, $2, $2)`). The arguments are kept as [`Value`]s rather than bound
//! straight away, because sqlx's query builders are typed per database: a
//! statement is built once, here, and each backend turns it into its own query
//! ([`Statement::arguments`]), again on every retry.

use std::borrow::Cow;

use sqlx::types::Json;
use sqlx::{Arguments, Database, Encode, Type};

use super::stored::{ClockTime, StoredTime};
use super::{QueryContext, StoreError};

/// SQL text with its arguments and the name its errors carry.
#[derive(Debug, Clone)]
pub(crate) struct Statement<'a> {
    what: &'static str,
    sql: Cow<'static, str>,
    args: Vec<Value<'a>>,
}

/// One argument, in a type both backends can bind (see `stored` for how times
/// are kept on each side).
#[derive(Debug, Clone)]
pub(crate) enum Value<'a> {
    Int(Option<i64>),
    /// A small integer: `smallint` in PostgreSQL (a digest's weekday), `INTEGER`
    /// in SQLite.
    SmallInt(Option<i16>),
    Bool(bool),
    Text(Option<&'a str>),
    Time(Option<StoredTime>),
    Clock(ClockTime),
    /// JSON: `jsonb` in PostgreSQL, its text in SQLite.
    Json(serde_json::Value),
    /// Bytes: `bytea` in PostgreSQL, `BLOB` in SQLite (a post's picture).
    Bytes(Option<&'a [u8]>),
}

impl<'a> Statement<'a> {
    /// `what` names the statement in errors ("store query failed (what): ...").
    pub(crate) fn new(what: &'static str, sql: impl Into<Cow<'static, str>>) -> Self {
        Statement {
            what,
            sql: sql.into(),
            args: Vec::new(),
        }
    }

    /// Adds the next argument: `$1` is the first one added.
    pub(crate) fn bind(mut self, value: impl Into<Value<'a>>) -> Self {
        self.args.push(value.into());
        self
    }

    /// The same statement with `tail` added to its text, for a backend that can
    /// say more (`RETURNING ...`).
    pub(crate) fn with_tail(mut self, tail: &str) -> Self {
        self.sql = Cow::Owned(format!("{} {tail}", self.sql));
        self
    }

    pub(crate) fn what(&self) -> &'static str {
        self.what
    }

    pub(crate) fn sql(&self) -> &str {
        &self.sql
    }

    /// The arguments bound for `DB`, in order.
    pub(crate) fn arguments<'q, DB: Database>(&'q self) -> Result<DB::Arguments<'q>, StoreError>
    where
        Option<i64>: Encode<'q, DB> + Type<DB>,
        Option<i16>: Encode<'q, DB> + Type<DB>,
        bool: Encode<'q, DB> + Type<DB>,
        Option<&'q str>: Encode<'q, DB> + Type<DB>,
        Option<StoredTime>: Encode<'q, DB> + Type<DB>,
        ClockTime: Encode<'q, DB> + Type<DB>,
        Json<&'q serde_json::Value>: Encode<'q, DB> + Type<DB>,
        Option<&'q [u8]>: Encode<'q, DB> + Type<DB>,
    {
        let mut args = DB::Arguments::default();
        for value in &self.args {
            match value {
                Value::Int(v) => args.add(*v),
                Value::SmallInt(v) => args.add(*v),
                Value::Bool(v) => args.add(*v),
                Value::Text(v) => args.add(*v),
                Value::Time(v) => args.add(*v),
                Value::Clock(v) => args.add(*v),
                Value::Json(v) => args.add(Json(v)),
                Value::Bytes(v) => args.add(*v),
            }
            .map_err(sqlx::Error::Encode)
            .ctx(self.what)?;
        }
        Ok(args)
    }
}

impl Value<'_> {
    /// A value stored as JSON (a list of names).
    pub(crate) fn json(value: &impl serde::Serialize) -> Self {
        Value::Json(serde_json::to_value(value).unwrap_or_else(|_| serde_json::json!([])))
    }
}

impl From<i64> for Value<'_> {
    fn from(v: i64) -> Self {
        Value::Int(Some(v))
    }
}

impl From<Option<i64>> for Value<'_> {
    fn from(v: Option<i64>) -> Self {
        Value::Int(v)
    }
}

impl From<Option<i16>> for Value<'_> {
    fn from(v: Option<i16>) -> Self {
        Value::SmallInt(v)
    }
}

impl From<bool> for Value<'_> {
    fn from(v: bool) -> Self {
        Value::Bool(v)
    }
}

impl<'a> From<Option<&'a [u8]>> for Value<'a> {
    fn from(v: Option<&'a [u8]>) -> Self {
        Value::Bytes(v)
    }
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(v: &'a str) -> Self {
        Value::Text(Some(v))
    }
}

impl<'a> From<Option<&'a str>> for Value<'a> {
    fn from(v: Option<&'a str>) -> Self {
        Value::Text(v)
    }
}

impl From<StoredTime> for Value<'_> {
    fn from(v: StoredTime) -> Self {
        Value::Time(Some(v))
    }
}

impl From<Option<StoredTime>> for Value<'_> {
    fn from(v: Option<StoredTime>) -> Self {
        Value::Time(v)
    }
}

/// A time is bound as the store keeps it, to the whole second.
impl From<chrono::DateTime<chrono::Utc>> for Value<'_> {
    fn from(v: chrono::DateTime<chrono::Utc>) -> Self {
        Value::Time(Some(v.into()))
    }
}

impl From<Option<chrono::DateTime<chrono::Utc>>> for Value<'_> {
    fn from(v: Option<chrono::DateTime<chrono::Utc>>) -> Self {
        Value::Time(v.map(StoredTime::from))
    }
}

impl From<ClockTime> for Value<'_> {
    fn from(v: ClockTime) -> Self {
        Value::Clock(v)
    }
}
