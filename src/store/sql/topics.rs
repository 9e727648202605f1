//! Statements on topics, the deployment's (`Scope::Global`) and each server's.

use crate::model::TopicName;
use crate::store::statement::{Statement, Value};
use crate::store::{Scope, Topic};

/// Inserts a topic or replaces its aliases.
pub(crate) fn upsert(scope: Scope, topic: &Topic) -> Statement<'_> {
    Statement::new(
        "upsert topic",
        "INSERT INTO topics (guild_id, name, aliases) VALUES ($1, $2, $3) \
         ON CONFLICT (guild_id, name) DO UPDATE SET aliases = excluded.aliases",
    )
    .bind(scope.id())
    .bind(topic.name.as_str())
    .bind(Value::json(&topic.aliases))
}

/// Deletes a topic.
pub(crate) fn remove(scope: Scope, name: &TopicName) -> Statement<'_> {
    Statement::new(
        "remove topic",
        "DELETE FROM topics WHERE guild_id = $1 AND name = $2",
    )
    .bind(scope.id())
    .bind(name.as_str())
}

/// A scope's topics, in no order: the caller sorts them by code point, which
/// SQLite's default collation gives but PostgreSQL's does not.
pub(crate) fn of_scope(scope: Scope) -> Statement<'static> {
    Statement::new(
        "list topics",
        "SELECT name, aliases FROM topics WHERE guild_id = $1",
    )
    .bind(scope.id())
}
