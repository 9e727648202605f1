//! Reading extractions back on SQLite: each table once per few hundred articles,
//! their ids spelled out as an `IN (...)` list (SQLite has no arrays).

use sqlx::sqlite::SqliteRow;
use sqlx::{FromRow, SqlitePool};

use super::backend::{LIST_CHUNK, placeholders};
use crate::store::rows::ExtractionRows;
use crate::store::sql::articles::{ItemTable, MEETINGS, OUTCOMES, PENDING, STATEMENTS};
use crate::store::{ArticleId, QueryContext, StoreError};

/// The extraction rows of these articles, four queries per chunk of ids.
pub(super) async fn load(
    pool: &SqlitePool,
    ids: &[ArticleId],
) -> Result<ExtractionRows, StoreError> {
    let mut out = ExtractionRows::default();
    for chunk in ids.chunks(LIST_CHUNK) {
        out.extend(ExtractionRows {
            meetings: rows(pool, MEETINGS, chunk).await?,
            statements: rows(pool, STATEMENTS, chunk).await?,
            pending: rows(pool, PENDING, chunk).await?,
            outcomes: rows(pool, OUTCOMES, chunk).await?,
        });
    }
    Ok(out)
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
