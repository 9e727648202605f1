//! Writing a fetch on SQLite: one `BEGIN IMMEDIATE` transaction (the write lock
//! taken up front: a transaction that starts as a reader and upgrades fails at
//! once when another writer is active, instead of waiting), row by row.

use sqlx::query::Query;
use sqlx::sqlite::SqliteArguments;
use sqlx::{Sqlite, SqlitePool, Transaction};

use super::backend::query;
use crate::model::{Article, Evidence, Extraction, Meeting, Outcome, Pending, Speech, Statement};
use crate::relevance::ArticleContext;
use crate::store::rows::{names_json, stored_article};
use crate::store::sql::feeds;
use crate::store::stored::StoredTime;
use crate::store::{ArticleId, FetchCommit, IngestItem, IngestReport, QueryContext, StoreError};

type Tx<'c> = Transaction<'c, Sqlite>;

/// `ContentStore::commit_fetch`: each item not stored yet, its article unless
/// another item (of this feed or another) brought it already, the article's
/// extraction, and the feed's new state.
pub(super) async fn write_fetch(
    pool: &SqlitePool,
    c: &FetchCommit,
) -> Result<IngestReport, StoreError> {
    let mut tx = pool
        .begin_with("BEGIN IMMEDIATE")
        .await
        .ctx("begin fetch")?;
    let primed: bool = sqlx::query_scalar("SELECT primed FROM feeds WHERE id = ?")
        .bind(c.feed.0)
        .fetch_one(&mut *tx)
        .await
        .ctx("feed primed")?;
    let mut report = IngestReport {
        announced: primed,
        ..Default::default()
    };
    for item in &c.items {
        if !insert_item(&mut tx, c, item, primed).await? {
            continue;
        }
        report.new_items += 1;
        let a = &item.article;
        let article_id = match insert_article(&mut tx, c, item).await? {
            Some(id) => {
                insert_extraction(&mut tx, id, a, &item.extraction).await?;
                report.new_articles.push(stored_article(id, a));
                id
            }
            // The same article through another feed, or twice in this one.
            None => sqlx::query_scalar("SELECT id FROM articles WHERE key = ?")
                .bind(item.article_key.as_str())
                .fetch_one(&mut *tx)
                .await
                .ctx("existing article")?,
        };
        sqlx::query("UPDATE items SET article_id = ? WHERE feed_id = ? AND item_key = ?")
            .bind(article_id)
            .bind(c.feed.0)
            .bind(item.key.as_str())
            .execute(&mut *tx)
            .await
            .ctx("link item")?;
    }
    query(&feeds::fetched(c))?
        .execute(&mut *tx)
        .await
        .ctx("update feed after fetch")?;
    tx.commit().await.ctx("commit fetch")?;
    Ok(report)
}

/// Records the item; false when the feed has it already (a replayed fetch).
async fn insert_item(
    tx: &mut Tx<'_>,
    c: &FetchCommit,
    item: &IngestItem,
    announced: bool,
) -> Result<bool, StoreError> {
    let done = sqlx::query(
        "INSERT INTO items (feed_id, item_key, seen_at, announced) VALUES (?, ?, ?, ?) \
         ON CONFLICT (feed_id, item_key) DO NOTHING",
    )
    .bind(c.feed.0)
    .bind(item.key.as_str())
    .bind(StoredTime::from(c.at))
    .bind(announced)
    .execute(&mut **tx)
    .await
    .ctx("insert item")?;
    Ok(done.rows_affected() > 0)
}

/// Stores the item's article; its id, or `None` when its key is stored already.
async fn insert_article(
    tx: &mut Tx<'_>,
    c: &FetchCommit,
    item: &IngestItem,
) -> Result<Option<ArticleId>, StoreError> {
    let a = &item.article;
    sqlx::query_scalar(
        "INSERT INTO articles (key, url, outlet, title, published, text, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?) \
         ON CONFLICT (key) DO NOTHING RETURNING id",
    )
    .bind(item.article_key.as_str())
    .bind(&a.url)
    .bind(&a.outlet)
    .bind(&a.title)
    .bind(StoredTime::from(a.published))
    .bind(&a.text)
    .bind(StoredTime::from(c.at))
    .fetch_optional(&mut **tx)
    .await
    .ctx("insert article")
}

/// Inserts every extracted item of one article, each with the paragraph of its
/// text that holds the evidence.
async fn insert_extraction(
    tx: &mut Tx<'_>,
    id: ArticleId,
    article: &Article,
    x: &Extraction,
) -> Result<(), StoreError> {
    let text = ArticleContext::new(&article.title, &article.text);
    let context = |e: &Evidence| text.of(e.span.start, e.span.end);
    for m in &x.meetings {
        insert_meeting(tx, id, m, context(&m.evidence)).await?;
    }
    for s in &x.statements {
        let quoted = text.of_quote(s.evidence.span.start, s.evidence.span.end);
        insert_statement(tx, id, s, quoted).await?;
    }
    for p in &x.pending {
        insert_pending(tx, id, p, context(&p.evidence)).await?;
    }
    // Outcomes are matched by action, never placed by topic: no paragraph.
    for o in &x.outcomes {
        insert_outcome(tx, id, o, String::new()).await?;
    }
    Ok(())
}

/// The insert `sql` into an extraction table with the five columns every one
/// has bound as `$1`..`$5`; the table's own columns follow from `$6`.
fn item_insert<'q>(
    sql: &'q str,
    id: ArticleId,
    evidence: &'q Evidence,
    context: String,
) -> Query<'q, Sqlite, SqliteArguments<'q>> {
    sqlx::query(sql)
        .bind(id)
        .bind(evidence.sentence.as_str())
        .bind(evidence.span.start as i64)
        .bind(evidence.span.end as i64)
        .bind(context)
}

async fn insert_meeting(
    tx: &mut Tx<'_>,
    id: ArticleId,
    m: &Meeting,
    context: String,
) -> Result<(), StoreError> {
    item_insert(
        "INSERT INTO meetings (article_id, evidence, span_start, span_end, context, \
         participants, status, date, place, kind) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        id,
        &m.evidence,
        context,
    )
    .bind(names_json(&m.participants))
    .bind(m.status.as_str())
    .bind(m.date)
    .bind(m.place.as_deref())
    .bind(m.kind.as_str())
    .execute(&mut **tx)
    .await
    .ctx("insert meeting")
    .map(drop)
}

async fn insert_statement(
    tx: &mut Tx<'_>,
    id: ArticleId,
    s: &Statement,
    context: String,
) -> Result<(), StoreError> {
    item_insert(
        "INSERT INTO statements (article_id, evidence, span_start, span_end, context, \
         speaker, quote, direct, audience) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        id,
        &s.evidence,
        context,
    )
    .bind(s.speaker.as_str())
    .bind(s.quote.as_str())
    .bind(s.speech == Speech::Direct)
    .bind(s.audience.as_deref())
    .execute(&mut **tx)
    .await
    .ctx("insert statement")
    .map(drop)
}

async fn insert_pending(
    tx: &mut Tx<'_>,
    id: ArticleId,
    p: &Pending,
    context: String,
) -> Result<(), StoreError> {
    item_insert(
        "INSERT INTO pending (article_id, evidence, span_start, span_end, context, \
         what, actors, due_text, due_date) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        id,
        &p.evidence,
        context,
    )
    .bind(p.what.as_str())
    .bind(names_json(&p.actors))
    .bind(p.due.as_ref().map(|d| d.text.as_str()))
    .bind(p.due.as_ref().and_then(|d| d.date))
    .execute(&mut **tx)
    .await
    .ctx("insert pending")
    .map(drop)
}

async fn insert_outcome(
    tx: &mut Tx<'_>,
    id: ArticleId,
    o: &Outcome,
    context: String,
) -> Result<(), StoreError> {
    item_insert(
        "INSERT INTO outcomes (article_id, evidence, span_start, span_end, context, kind, actors, what) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        id,
        &o.evidence,
        context,
    )
    .bind(o.kind.as_str())
    .bind(names_json(&o.actors))
    .bind(o.what.as_str())
    .execute(&mut **tx)
    .await
    .ctx("insert outcome")
    .map(drop)
}
