//! Reading extractions back on SQLite: each table once per few hundred articles,
//! their ids spelled out as an `IN (...)` list (SQLite has no arrays).

use sqlx::sqlite::SqliteRow;
use sqlx::{FromRow, SqlitePool};

use super::backend::{LIST_CHUNK, placeholders};
use crate::store::rows::ExtractionRows;
use crate::store::sql::articles::{ItemTable, MEETINGS, OUTCOMES, PENDING, STATEMENTS};
use crate::store::{ArticleId, ItemKinds, QueryContext, StoreError};

/// The extraction rows of these articles, one query per kind asked for and
/// chunk of ids.
pub(super) async fn load(
    pool: &SqlitePool,
    ids: &[ArticleId],
    kinds: ItemKinds,
) -> Result<ExtractionRows, StoreError> {
    let mut out = ExtractionRows::default();
    for chunk in ids.chunks(LIST_CHUNK) {
        let (meetings, statements, pending, outcomes) = futures::try_join!(
            rows(kinds.meetings, pool, MEETINGS, chunk),
            rows(kinds.statements, pool, STATEMENTS, chunk),
            rows(kinds.pending, pool, PENDING, chunk),
            rows(kinds.outcomes, pool, OUTCOMES, chunk),
        )?;
        out.extend(ExtractionRows {
            meetings,
            statements,
            pending,
            outcomes,
        });
    }
    Ok(out)
}

/// One table's rows of a few hundred articles, or none when not `wanted`.
async fn rows<R>(
    wanted: bool,
    pool: &SqlitePool,
    table: ItemTable,
    ids: &[ArticleId],
) -> Result<Vec<R>, StoreError>
where
    R: for<'r> FromRow<'r, SqliteRow> + Send + Unpin,
{
    if !wanted {
        return Ok(Vec::new());
    }
    let sql = table.select(&format!("IN ({})", placeholders(1, ids.len())));
    let mut q = sqlx::query_as(&sql);
    for id in ids {
        q = q.bind(*id);
    }
    q.fetch_all(pool).await.ctx(table.what)
}
