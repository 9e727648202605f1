//! The statements both backends run, each written once with `$n` placeholders
//! (see `statement` for why SQLite takes them too), one function per statement.
//! What the dialects write differently stays in `sqlite` and `postgres`; the
//! list, with the reasons, is in `backend`.

pub(crate) mod alerts;
pub(crate) mod articles;
pub(crate) mod digests;
pub(crate) mod feeds;
pub(crate) mod guild;
pub(crate) mod topics;

use super::statement::Statement;

/// `columns` (a comma-separated list) each qualified by a table alias, for a
/// join or an `UPDATE ... FROM`.
pub(crate) fn qualified(alias: &str, columns: &str) -> String {
    columns
        .split(", ")
        .map(|c| format!("{alias}.{}", c.trim()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The applied migrations (version, description), oldest first.
pub(crate) fn applied_migrations() -> Statement<'static> {
    Statement::new(
        "applied migrations",
        "SELECT version, description FROM _sqlx_migrations WHERE success ORDER BY version",
    )
}

/// How many rows `table` holds (one of `COUNTED_TABLES`, never user input).
pub(crate) fn count_rows(table: &'static str) -> Statement<'static> {
    Statement::new("count rows", format!("SELECT COUNT(*) FROM {table}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_qualified_one_by_one() {
        assert_eq!(qualified("f", "id, url,  title"), "f.id, f.url, f.title");
    }
}
