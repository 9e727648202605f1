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
            rows_if(kinds.meetings, pool, MEETINGS, chunk),
            rows_if(kinds.statements, pool, STATEMENTS, chunk),
            rows_if(kinds.pending, pool, PENDING, chunk),
            rows_if(kinds.outcomes, pool, OUTCOMES, chunk),
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

/// One table's rows of a few hundred articles when `wanted`, else none.
async fn rows_if<R>(
    wanted: bool,
    pool: &SqlitePool,
    table: ItemTable,
    ids: &[ArticleId],
) -> Result<Vec<R>, StoreError>
where
    R: for<'r> FromRow<'r, SqliteRow> + Send + Unpin,
{
    if wanted {
        rows(pool, table, ids).await
    } else {
        Ok(Vec::new())
    }
}

/// One table's rows of a few hundred articles.
async fn rows<R>(
    pool: &SqlitePool,
    table: ItemTable,
    ids: &[ArticleId],
) -> Result<Vec<R>, StoreError>
where
    R: for<'r> FromRow<'r, SqliteRow> + Send + Unpin,
{
    let sql = table.select(&format!("IN ({})", placeholders(1, ids.len())));
    let mut q = sqlx::query_as(&sql);
    for id in ids {
        q = q.bind(*id);
    }
    q.fetch_all(pool).await.ctx(table.what)
}
