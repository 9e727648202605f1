//! Topic search on PostgreSQL: the stored `tsvector` columns of titles and texts
//! (GIN indexes), one `phraseto_tsquery` per alias OR-ed together, tokens made
//! to match SQLite's FTS5 (see the first migration).

use chrono::{DateTime, Utc};
use sqlx::PgPool;

use crate::store::rows::ArticleRow;
use crate::store::stored::StoredTime;
use crate::store::{QueryContext, SINCE_LIMIT, StoreError, Window};

/// The windows `search` tries before searching everything, in days back from
/// the newest article.
const SEARCH_WINDOWS_DAYS: [i64; 3] = [7, 60, 365];

/// Articles whose title or text contains any alias as a phrase, newest first,
/// within the window.
///
/// A common topic matches thousands of articles, and fetching every match to
/// sort them costs tens of milliseconds; so the search starts with the most
/// recent week and widens (two months, a year, everything) only while it finds
/// fewer than `limit`. The answer is the same: when a window holds `limit`
/// matches, no older article can be among the newest `limit`.
pub(super) async fn search(
    pool: &PgPool,
    aliases: &[String],
    window: Window,
) -> Result<Vec<ArticleRow>, StoreError> {
    let (since, limit) = match window {
        Window::Since(t) => (Some(t), SINCE_LIMIT),
        Window::Latest(n) => (None, i64::try_from(n).unwrap_or(i64::MAX)),
    };
    let Some(newest) = newest_published(pool).await? else {
        return Ok(Vec::new());
    };
    let mut cutoffs: Vec<Option<DateTime<Utc>>> = SEARCH_WINDOWS_DAYS
        .iter()
        .map(|d| newest - chrono::Duration::days(*d))
        .filter(|c| since.is_none_or(|s| *c > s))
        .map(Some)
        .collect();
    cutoffs.push(since);
    let mut found = Vec::new();
    for cutoff in cutoffs {
        found = search_window(pool, aliases, cutoff, limit).await?;
        if found.len() as i64 >= limit {
            break;
        }
    }
    Ok(found)
}

/// The publication time of the newest article: where search windows start.
async fn newest_published(pool: &PgPool) -> Result<Option<DateTime<Utc>>, StoreError> {
    sqlx::query_scalar("SELECT max(published) FROM articles")
        .fetch_one(pool)
        .await
        .ctx("newest article")
}

/// One window of `search`. Each alias becomes one `phraseto_tsquery`, OR-ed
/// together; the placeholders are numbered, so aliases never become SQL.
async fn search_window(
    pool: &PgPool,
    aliases: &[String],
    since: Option<DateTime<Utc>>,
    limit: i64,
) -> Result<Vec<ArticleRow>, StoreError> {
    let tsquery = (1..=aliases.len())
        .map(|i| format!("phraseto_tsquery('readout_search', readout_search_text(${i}))"))
        .collect::<Vec<_>>()
        .join(" || ");
    let limit_at = aliases.len() + 1;
    let since_clause = match since {
        Some(_) => format!("AND a.published >= ${}", limit_at + 1),
        None => String::new(),
    };
    let sql = format!(
        "SELECT a.id, a.url, a.outlet, a.title, a.published FROM articles a \
         WHERE (a.title_search @@ ({tsquery}) OR a.text_search @@ ({tsquery})) {since_clause} \
         ORDER BY a.published DESC, a.id DESC LIMIT ${limit_at}"
    );
    let mut q = sqlx::query_as(&sql);
    for a in aliases {
        q = q.bind(a);
    }
    q = q.bind(limit);
    if let Some(t) = since {
        q = q.bind(StoredTime::from(t));
    }
    q.fetch_all(pool).await.ctx("topic search")
}
