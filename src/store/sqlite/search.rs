//! Topic search on SQLite: FTS5 over titles and texts (`articles_fts`, diacritics
//! folded), with one of two plans chosen by how common the topic is.

use sqlx::SqlitePool;

use crate::store::rows::ArticleRow;
use crate::store::{QueryContext, SINCE_LIMIT, StoreError, Window, searchable_aliases};

/// Above this many matches a topic search walks the articles newest first and
/// keeps those in the match set (cost: the articles walked until `limit` are
/// found) instead of fetching every match to sort them (cost: every match). A
/// common topic (thousands of matches among a million articles) takes ~1 ms
/// the first way and tens of ms the second; a rare one the reverse.
const SCAN_BY_DATE_ABOVE: i64 = 1000;

/// Articles matching any alias as a phrase, newest first, within the window.
pub(super) async fn search(
    pool: &SqlitePool,
    aliases: &[String],
    window: Window,
) -> Result<Vec<ArticleRow>, StoreError> {
    let Some(query) = fts_any_phrase(aliases) else {
        return Ok(Vec::new());
    };
    let (since, limit) = match window {
        // Unix seconds, as `published` is stored.
        Window::Since(t) => (t.timestamp(), SINCE_LIMIT),
        Window::Latest(n) => (i64::MIN, n as i64),
    };
    let plan = if count_matches(pool, &query, SCAN_BY_DATE_ABOVE).await? > SCAN_BY_DATE_ABOVE {
        (BY_DATE, "topic search by date")
    } else {
        (BY_MATCH, "topic search")
    };
    search_with(pool, plan, &query, since, limit).await
}

/// Builds an FTS query that matches any alias as a phrase. Aliases are user input:
/// quotes are doubled and everything else stays inside the phrase, so no alias can
/// inject FTS operators.
fn fts_any_phrase(aliases: &[String]) -> Option<String> {
    let phrases: Vec<String> = searchable_aliases(aliases)
        .into_iter()
        .map(|a| format!("\"{}\"", a.replace('"', "\"\"")))
        .collect();
    (!phrases.is_empty()).then(|| phrases.join(" OR "))
}

/// How many articles match the FTS query, counting no further than `cap + 1`.
async fn count_matches(pool: &SqlitePool, query: &str, cap: i64) -> Result<i64, StoreError> {
    sqlx::query_scalar(
        "SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)",
    )
    .bind(query)
    .bind(cap + 1)
    .fetch_one(pool)
    .await
    .ctx("count topic matches")
}

/// Topic search for a rare topic: every match, looked up and sorted.
const BY_MATCH: &str = "SELECT a.id, a.url, a.outlet, a.title, a.published \
     FROM articles_fts f JOIN articles a ON a.id = f.rowid \
     WHERE articles_fts MATCH $1 AND a.published >= $2 ORDER BY a.published DESC, a.id DESC LIMIT $3";

/// Topic search for a common topic: the publication index walked newest
/// first, each article kept when its id is in the match set. `INDEXED BY` and
/// the `+` (which stops `id` from driving the lookup) pin this plan, which the
/// planner would otherwise not choose without statistics.
const BY_DATE: &str = "SELECT a.id, a.url, a.outlet, a.title, a.published \
     FROM articles a INDEXED BY articles_published \
     WHERE +a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH $1) AND a.published >= $2 \
     ORDER BY a.published DESC, a.id DESC LIMIT $3";

/// Runs one of the two plans.
async fn search_with(
    pool: &SqlitePool,
    (plan, what): (&str, &'static str),
    query: &str,
    since: i64,
    limit: i64,
) -> Result<Vec<ArticleRow>, StoreError> {
    sqlx::query_as(plan)
        .bind(query)
        .bind(since)
        .bind(limit)
        .fetch_all(pool)
        .await
        .ctx(what)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_queries_quote_every_alias() {
        let q = fts_any_phrase(&["Ukraine".into(), "Kyiv \"x\" OR y".into(), "  ".into()]).unwrap();
        assert_eq!(q, "\"Ukraine\" OR \"Kyiv \"\"x\"\" OR y\"");
        assert!(fts_any_phrase(&["***".into()]).is_none());
    }
}
