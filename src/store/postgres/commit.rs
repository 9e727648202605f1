//! Writing a fetch on PostgreSQL: the whole fetch in one transaction, in a fixed
//! number of statements however many items it carries (items, articles and each
//! extraction table are written as arrays with `UNNEST`).

use std::collections::{HashMap, HashSet};

use sqlx::{PgPool, Postgres, Transaction};

use super::backend::query;
use super::extraction::Batch;
use crate::store::rows::stored_article;
use crate::store::sql::feeds;
use crate::store::stored::StoredTime;
use crate::store::{ArticleId, FetchCommit, IngestItem, IngestReport, QueryContext, StoreError};

type Tx<'c> = Transaction<'c, Postgres>;

/// One attempt at `commit_fetch`. The feed row is locked first, so two processes
/// committing the same feed run one after the other and the second finds every
/// item already stored.
pub(super) async fn write_fetch(
    pool: &PgPool,
    c: &FetchCommit,
) -> Result<IngestReport, StoreError> {
    let mut tx = pool.begin().await.ctx("begin fetch")?;
    let primed: bool = sqlx::query_scalar("SELECT primed FROM feeds WHERE id = $1 FOR UPDATE")
        .bind(c.feed.0)
        .fetch_one(&mut *tx)
        .await
        .ctx("feed primed")?;
    let fresh = fresh_items(&mut tx, c).await?;
    let ids = insert_articles(&mut tx, &fresh, StoredTime::from(c.at)).await?;
    let mut report = IngestReport {
        announced: primed,
        new_items: fresh.len(),
        ..Default::default()
    };
    let mut extractions = Batch::default();
    let mut item_articles = Vec::with_capacity(fresh.len());
    let mut reported: HashSet<ArticleId> = HashSet::new();
    for item in &fresh {
        let key = item.article_key.as_str();
        let (id, new) = *ids.get(key).ok_or_else(|| StoreError::Corrupt {
            what: "article",
            detail: format!("{key} neither inserted nor found"),
        })?;
        item_articles.push(id);
        // Several items of this fetch may share a new article: one extraction.
        if new && reported.insert(id) {
            extractions.push(id, &item.article, &item.extraction);
            report.new_articles.push(stored_article(id, &item.article));
        }
    }
    insert_items(&mut tx, c, &fresh, &item_articles, primed).await?;
    extractions.insert(&mut tx).await?;
    query(&feeds::fetched(c))?
        .execute(&mut *tx)
        .await
        .ctx("update feed after fetch")?;
    tx.commit().await.ctx("commit fetch")?;
    Ok(report)
}

/// The items the feed does not have yet, in feed order, each key once.
async fn fresh_items<'c>(
    tx: &mut Tx<'_>,
    c: &'c FetchCommit,
) -> Result<Vec<&'c IngestItem>, StoreError> {
    let keys: Vec<&str> = c.items.iter().map(|i| i.key.as_str()).collect();
    let known: HashSet<String> =
        sqlx::query_scalar("SELECT item_key FROM items WHERE feed_id = $1 AND item_key = ANY($2)")
            .bind(c.feed.0)
            .bind(&keys)
            .fetch_all(&mut **tx)
            .await
            .ctx("stored items")?
            .into_iter()
            .collect();
    let mut taken: HashSet<&str> = HashSet::new();
    Ok(c.items
        .iter()
        .filter(|i| !known.contains(i.key.as_str()) && taken.insert(i.key.as_str()))
        .collect())
}

/// Records the new items, each linked to its article.
async fn insert_items(
    tx: &mut Tx<'_>,
    c: &FetchCommit,
    fresh: &[&IngestItem],
    articles: &[ArticleId],
    announced: bool,
) -> Result<(), StoreError> {
    let keys: Vec<&str> = fresh.iter().map(|i| i.key.as_str()).collect();
    sqlx::query(
        "INSERT INTO items (feed_id, item_key, article_id, seen_at, announced) \
         SELECT $1, k, a, $4, $5 FROM UNNEST($2::text[], $3::bigint[]) AS t(k, a) \
         ON CONFLICT (feed_id, item_key) DO NOTHING",
    )
    .bind(c.feed.0)
    .bind(&keys)
    .bind(articles.iter().map(|a| a.0).collect::<Vec<i64>>())
    .bind(StoredTime::from(c.at))
    .bind(announced)
    .execute(&mut **tx)
    .await
    .ctx("insert items")?;
    Ok(())
}

/// Inserts the articles of new items that are not stored yet, in feed order (so
/// ids follow it, as in the SQLite store), and returns every item's article id by
/// key with whether this call inserted it.
///
/// Each key is inserted once (the first item carrying it), and `WHERE NOT EXISTS`
/// skips known articles before an id is drawn, keeping the id sequence free of
/// gaps; `ON CONFLICT` still covers another process inserting the same article
/// meanwhile, which the final lookup then finds.
async fn insert_articles(
    tx: &mut Tx<'_>,
    fresh: &[&IngestItem],
    at: StoredTime,
) -> Result<HashMap<String, (ArticleId, bool)>, StoreError> {
    let mut once: HashSet<&str> = HashSet::new();
    let firsts: Vec<&IngestItem> = fresh
        .iter()
        .copied()
        .filter(|i| once.insert(i.article_key.as_str()))
        .collect();
    let column = |f: fn(&IngestItem) -> &str| firsts.iter().map(|i| f(i)).collect::<Vec<&str>>();
    let keys = column(|i| i.article_key.as_str());
    let published: Vec<StoredTime> = firsts
        .iter()
        .map(|i| StoredTime::from(i.article.published))
        .collect();
    let inserted: Vec<(ArticleId, String)> = sqlx::query_as(
        "INSERT INTO articles (key, url, outlet, title, published, text, ingested_at) \
         SELECT k, u, o, ti, p, tx, $7 FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], \
         $5::timestamptz[], $6::text[]) WITH ORDINALITY AS t(k, u, o, ti, p, tx, n) \
         WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.key = t.k) ORDER BY n \
         ON CONFLICT (key) DO NOTHING RETURNING id, key",
    )
    .bind(&keys)
    .bind(column(|i| i.article.url.as_str()))
    .bind(column(|i| i.article.outlet.as_str()))
    .bind(column(|i| i.article.title.as_str()))
    .bind(&published)
    .bind(column(|i| i.article.text.as_str()))
    .bind(at)
    .fetch_all(&mut **tx)
    .await
    .ctx("insert articles")?;
    let mut ids: HashMap<String, (ArticleId, bool)> = inserted
        .into_iter()
        .map(|(id, key)| (key, (id, true)))
        .collect();
    let missing: Vec<&str> = keys.into_iter().filter(|k| !ids.contains_key(*k)).collect();
    if !missing.is_empty() {
        // Already stored (through another feed): link to them.
        let existing: Vec<(ArticleId, String)> =
            sqlx::query_as("SELECT id, key FROM articles WHERE key = ANY($1)")
                .bind(&missing)
                .fetch_all(&mut **tx)
                .await
                .ctx("existing articles")?;
        ids.extend(existing.into_iter().map(|(id, key)| (key, (id, false))));
    }
    Ok(ids)
}
