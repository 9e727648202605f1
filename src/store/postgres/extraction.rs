//! Writing and reading extractions in PostgreSQL, a whole batch of articles per
//! query: a fetch's extractions are written with one `UNNEST` insert per table,
//! and a brief's are read with one `= ANY($1)` query per table, instead of one
//! round trip per row or per article.

use chrono::NaiveDate;
use sqlx::postgres::{PgArguments, PgRow};
use sqlx::query::Query;
use sqlx::{FromRow, PgPool, Postgres, Transaction};

use crate::model::{Article, Evidence, Extraction, Speech};
use crate::relevance::ArticleContext;
use crate::store::rows::{ExtractionRows, names_json};
use crate::store::sql::articles::{ItemTable, MEETINGS, OUTCOMES, PENDING, STATEMENTS};
use crate::store::{ArticleId, ItemKinds, QueryContext, StoreError};

type Tx<'c> = Transaction<'c, Postgres>;

/// Column arrays for the extractions of several articles, filled by `push` and
/// written by `insert`.
#[derive(Default)]
pub(super) struct Batch {
    meetings: Rows<MeetingCols>,
    statements: Rows<StatementCols>,
    pending: Rows<PendingCols>,
    outcomes: Rows<OutcomeCols>,
}

/// One table's rows as parallel column vectors, the shape `UNNEST` takes.
#[derive(Default)]
struct Rows<C> {
    article_id: Vec<i64>,
    cols: C,
    evidence: Vec<String>,
    span_start: Vec<i64>,
    span_end: Vec<i64>,
    /// The paragraph of the article holding the evidence.
    context: Vec<String>,
}

impl<C> Rows<C> {
    /// The `UNNEST` insert `sql` with the five columns every table has bound as
    /// `$1`..`$5`, and the table's own columns, to bind from `$6` on.
    fn insert(self, sql: &str) -> (Query<'_, Postgres, PgArguments>, C) {
        let q = sqlx::query(sql)
            .bind(self.article_id)
            .bind(self.evidence)
            .bind(self.span_start)
            .bind(self.span_end)
            .bind(self.context);
        (q, self.cols)
    }

    fn push_common(&mut self, article_id: ArticleId, e: &Evidence, context: String) {
        self.article_id.push(article_id.0);
        self.evidence.push(e.sentence.clone());
        self.span_start.push(e.span.start as i64);
        self.span_end.push(e.span.end as i64);
        self.context.push(context);
    }
}

#[derive(Default)]
struct MeetingCols {
    participants: Vec<String>,
    status: Vec<&'static str>,
    date: Vec<Option<NaiveDate>>,
    place: Vec<Option<String>>,
    kind: Vec<&'static str>,
}

#[derive(Default)]
struct StatementCols {
    speaker: Vec<String>,
    quote: Vec<String>,
    direct: Vec<bool>,
    audience: Vec<Option<String>>,
}

#[derive(Default)]
struct PendingCols {
    what: Vec<String>,
    actors: Vec<String>,
    due_text: Vec<Option<String>>,
    due_date: Vec<Option<NaiveDate>>,
}

#[derive(Default)]
struct OutcomeCols {
    kind: Vec<&'static str>,
    actors: Vec<String>,
    what: Vec<String>,
}

impl Batch {
    /// Adds one article's extraction, with the context of each item.
    pub(super) fn push(&mut self, article_id: ArticleId, article: &Article, x: &Extraction) {
        let context = &ArticleContext::new(&article.title, &article.text);
        for m in &x.meetings {
            let r = &mut self.meetings;
            r.push_common(
                article_id,
                &m.evidence,
                context.of(m.evidence.span.start, m.evidence.span.end),
            );
            r.cols.participants.push(names_json(&m.participants));
            r.cols.status.push(m.status.as_str());
            r.cols.date.push(m.date);
            r.cols.place.push(m.place.clone());
            r.cols.kind.push(m.kind.as_str());
        }
        for s in &x.statements {
            let r = &mut self.statements;
            r.push_common(
                article_id,
                &s.evidence,
                context.of_quote(s.evidence.span.start, s.evidence.span.end),
            );
            r.cols.speaker.push(s.speaker.as_str().to_string());
            r.cols.quote.push(s.quote.clone());
            r.cols.direct.push(s.speech == Speech::Direct);
            r.cols.audience.push(s.audience.clone());
        }
        for p in &x.pending {
            let r = &mut self.pending;
            r.push_common(
                article_id,
                &p.evidence,
                context.of(p.evidence.span.start, p.evidence.span.end),
            );
            r.cols.what.push(p.what.clone());
            r.cols.actors.push(names_json(&p.actors));
            r.cols.due_text.push(p.due.as_ref().map(|d| d.text.clone()));
            r.cols.due_date.push(p.due.as_ref().and_then(|d| d.date));
        }
        // Outcomes are matched by action, never placed by topic: no paragraph.
        for o in &x.outcomes {
            let r = &mut self.outcomes;
            r.push_common(article_id, &o.evidence, String::new());
            r.cols.kind.push(o.kind.as_str());
            r.cols.actors.push(names_json(&o.actors));
            r.cols.what.push(o.what.clone());
        }
    }

    /// Writes every row pushed, one insert per non-empty table. `WITH ORDINALITY`
    /// and `ORDER BY` keep ids in push order, which is the order items are read
    /// back in.
    pub(super) async fn insert(self, tx: &mut Tx<'_>) -> Result<(), StoreError> {
        if !self.meetings.article_id.is_empty() {
            insert_meetings(tx, self.meetings).await?;
        }
        if !self.statements.article_id.is_empty() {
            insert_statements(tx, self.statements).await?;
        }
        if !self.pending.article_id.is_empty() {
            insert_pending(tx, self.pending).await?;
        }
        if !self.outcomes.article_id.is_empty() {
            insert_outcomes(tx, self.outcomes).await?;
        }
        Ok(())
    }
}

async fn insert_meetings(tx: &mut Tx<'_>, r: Rows<MeetingCols>) -> Result<(), StoreError> {
    let (q, c) = r.insert(
        "INSERT INTO meetings (article_id, evidence, span_start, span_end, context, \
         participants, status, date, place, kind) \
         SELECT a, e, ss, se, c, p::jsonb, s, d, pl, k FROM UNNEST($1::bigint[], $2::text[], $3::bigint[], \
         $4::bigint[], $5::text[], $6::text[], $7::text[], $8::date[], $9::text[], $10::text[]) \
         WITH ORDINALITY AS t(a, e, ss, se, c, p, s, d, pl, k, n) ORDER BY n",
    );
    q.bind(c.participants)
        .bind(c.status)
        .bind(c.date)
        .bind(c.place)
        .bind(c.kind)
        .execute(&mut **tx)
        .await
        .ctx("insert meetings")
        .map(drop)
}

async fn insert_statements(tx: &mut Tx<'_>, r: Rows<StatementCols>) -> Result<(), StoreError> {
    let (q, c) = r.insert(
        "INSERT INTO statements (article_id, evidence, span_start, span_end, context, \
         speaker, quote, direct, audience) \
         SELECT a, e, ss, se, c, sp, q, d, au FROM UNNEST($1::bigint[], $2::text[], $3::bigint[], \
         $4::bigint[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::text[]) \
         WITH ORDINALITY AS t(a, e, ss, se, c, sp, q, d, au, n) ORDER BY n",
    );
    q.bind(c.speaker)
        .bind(c.quote)
        .bind(c.direct)
        .bind(c.audience)
        .execute(&mut **tx)
        .await
        .ctx("insert statements")
        .map(drop)
}

async fn insert_pending(tx: &mut Tx<'_>, r: Rows<PendingCols>) -> Result<(), StoreError> {
    let (q, c) = r.insert(
        "INSERT INTO pending (article_id, evidence, span_start, span_end, context, \
         what, actors, due_text, due_date) \
         SELECT a, e, ss, se, c, w, ac::jsonb, dt, dd FROM UNNEST($1::bigint[], $2::text[], $3::bigint[], \
         $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[], $9::date[]) \
         WITH ORDINALITY AS t(a, e, ss, se, c, w, ac, dt, dd, n) ORDER BY n",
    );
    q.bind(c.what)
        .bind(c.actors)
        .bind(c.due_text)
        .bind(c.due_date)
        .execute(&mut **tx)
        .await
        .ctx("insert pending")
        .map(drop)
}

async fn insert_outcomes(tx: &mut Tx<'_>, r: Rows<OutcomeCols>) -> Result<(), StoreError> {
    let (q, c) = r.insert(
        "INSERT INTO outcomes (article_id, evidence, span_start, span_end, context, kind, actors, what) \
         SELECT a, e, ss, se, c, k, ac::jsonb, w FROM UNNEST($1::bigint[], $2::text[], $3::bigint[], \
         $4::bigint[], $5::text[], $6::text[], $7::text[], $8::text[]) \
         WITH ORDINALITY AS t(a, e, ss, se, c, k, ac, w, n) ORDER BY n",
    );
    q.bind(c.kind)
        .bind(c.actors)
        .bind(c.what)
        .execute(&mut **tx)
        .await
        .ctx("insert outcomes")
        .map(drop)
}

/// The extraction rows of these articles, one query per kind asked for, run
/// concurrently on as many connections: one round trip of latency, not four.
pub(super) async fn load(
    pool: &PgPool,
    ids: &[ArticleId],
    kinds: ItemKinds,
) -> Result<ExtractionRows, StoreError> {
    if ids.is_empty() {
        return Ok(ExtractionRows::default());
    }
    let ids: Vec<i64> = ids.iter().map(|id| id.0).collect();
    let (meetings, statements, pending, outcomes) = futures::try_join!(
        rows(kinds.meetings, pool, MEETINGS, &ids),
        rows(kinds.statements, pool, STATEMENTS, &ids),
        rows(kinds.pending, pool, PENDING, &ids),
        rows(kinds.outcomes, pool, OUTCOMES, &ids),
    )?;
    Ok(ExtractionRows {
        meetings,
        statements,
        pending,
        outcomes,
    })
}

/// One table's rows of these articles, or none when not `wanted`.
async fn rows<R>(
    wanted: bool,
    pool: &PgPool,
    table: ItemTable,
    ids: &[i64],
) -> Result<Vec<R>, StoreError>
where
    R: for<'r> FromRow<'r, PgRow> + Send + Unpin,
{
    if !wanted {
        return Ok(Vec::new());
    }
    sqlx::query_as(&table.select("= ANY($1)"))
        .bind(ids)
        .fetch_all(pool)
        .await
        .ctx(table.what)
}
