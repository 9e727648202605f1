//! Writing and reading extractions in PostgreSQL, a whole batch of articles per
//! query: a fetch's extractions are written with one `UNNEST` insert per table,
//! and a brief's are read with one `= ANY($1)` query per table, instead of one
//! round trip per row or per article.

use std::collections::HashMap;

use chrono::NaiveDate;
use sqlx::types::Json;
use sqlx::{PgPool, Postgres, Transaction};

use crate::model::{
    ActorName, Article, Due, Evidence, Extraction, Meeting, MeetingKind, MeetingStatus, Outcome,
    OutcomeKind, Pending, Span, Speech, Statement,
};
use crate::relevance::ArticleContext;
use crate::store::{Contexts, QueryContext, StoreError};

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
    fn push_common(&mut self, article_id: i64, e: &Evidence, context: String) {
        self.article_id.push(article_id);
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

fn names_json(names: &[ActorName]) -> String {
    serde_json::to_string(names).unwrap_or_else(|_| "[]".into())
}

fn outcome_kind_str(k: OutcomeKind) -> &'static str {
    match k {
        OutcomeKind::Done => "done",
        OutcomeKind::Abandoned => "abandoned",
    }
}

impl Batch {
    /// Adds one article's extraction, with the context of each item.
    pub(super) fn push(&mut self, article_id: i64, article: &Article, x: &Extraction) {
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
        for o in &x.outcomes {
            let r = &mut self.outcomes;
            r.push_common(
                article_id,
                &o.evidence,
                context.of(o.evidence.span.start, o.evidence.span.end),
            );
            r.cols.kind.push(outcome_kind_str(o.kind));
            r.cols.actors.push(names_json(&o.actors));
            r.cols.what.push(o.what.clone());
        }
    }

    /// Writes every row pushed, one insert per non-empty table. `WITH ORDINALITY`
    /// and `ORDER BY` keep ids in push order, which is the order items are read
    /// back in.
    pub(super) async fn insert(self, tx: &mut Transaction<'_, Postgres>) -> Result<(), StoreError> {
        if !self.meetings.article_id.is_empty() {
            let r = self.meetings;
            sqlx::query(
                "INSERT INTO meetings (article_id, participants, status, date, place, kind, evidence, span_start, span_end, context) \
                 SELECT a, p::jsonb, s, d, pl, k, e, ss, se, c FROM UNNEST($1::bigint[], $2::text[], $3::text[], $4::date[], \
                 $5::text[], $6::text[], $7::text[], $8::bigint[], $9::bigint[], $10::text[]) \
                 WITH ORDINALITY AS t(a, p, s, d, pl, k, e, ss, se, c, n) \
                 ORDER BY n",
            )
            .bind(r.article_id)
            .bind(r.cols.participants)
            .bind(r.cols.status)
            .bind(r.cols.date)
            .bind(r.cols.place)
            .bind(r.cols.kind)
            .bind(r.evidence)
            .bind(r.span_start)
            .bind(r.span_end)
            .bind(r.context)
            .execute(&mut **tx)
            .await
            .ctx("insert meetings")?;
        }
        if !self.statements.article_id.is_empty() {
            let r = self.statements;
            sqlx::query(
                "INSERT INTO statements (article_id, speaker, quote, direct, audience, evidence, span_start, span_end, context) \
                 SELECT a, sp, q, d, au, e, ss, se, c FROM UNNEST($1::bigint[], $2::text[], $3::text[], $4::boolean[], \
                 $5::text[], $6::text[], $7::bigint[], $8::bigint[], $9::text[]) \
                 WITH ORDINALITY AS t(a, sp, q, d, au, e, ss, se, c, n) \
                 ORDER BY n",
            )
            .bind(r.article_id)
            .bind(r.cols.speaker)
            .bind(r.cols.quote)
            .bind(r.cols.direct)
            .bind(r.cols.audience)
            .bind(r.evidence)
            .bind(r.span_start)
            .bind(r.span_end)
            .bind(r.context)
            .execute(&mut **tx)
            .await
            .ctx("insert statements")?;
        }
        if !self.pending.article_id.is_empty() {
            let r = self.pending;
            sqlx::query(
                "INSERT INTO pending (article_id, what, actors, due_text, due_date, evidence, span_start, span_end, context) \
                 SELECT a, w, ac::jsonb, dt, dd, e, ss, se, c FROM UNNEST($1::bigint[], $2::text[], $3::text[], $4::text[], \
                 $5::date[], $6::text[], $7::bigint[], $8::bigint[], $9::text[]) \
                 WITH ORDINALITY AS t(a, w, ac, dt, dd, e, ss, se, c, n) \
                 ORDER BY n",
            )
            .bind(r.article_id)
            .bind(r.cols.what)
            .bind(r.cols.actors)
            .bind(r.cols.due_text)
            .bind(r.cols.due_date)
            .bind(r.evidence)
            .bind(r.span_start)
            .bind(r.span_end)
            .bind(r.context)
            .execute(&mut **tx)
            .await
            .ctx("insert pending")?;
        }
        if !self.outcomes.article_id.is_empty() {
            let r = self.outcomes;
            sqlx::query(
                "INSERT INTO outcomes (article_id, kind, actors, what, evidence, span_start, span_end, context) \
                 SELECT a, k, ac::jsonb, w, e, ss, se, c FROM UNNEST($1::bigint[], $2::text[], $3::text[], $4::text[], \
                 $5::text[], $6::bigint[], $7::bigint[], $8::text[]) \
                 WITH ORDINALITY AS t(a, k, ac, w, e, ss, se, c, n) \
                 ORDER BY n",
            )
            .bind(r.article_id)
            .bind(r.cols.kind)
            .bind(r.cols.actors)
            .bind(r.cols.what)
            .bind(r.evidence)
            .bind(r.span_start)
            .bind(r.span_end)
            .bind(r.context)
            .execute(&mut **tx)
            .await
            .ctx("insert outcomes")?;
        }
        Ok(())
    }
}

fn corrupt(what: &'static str, detail: impl Into<String>) -> StoreError {
    StoreError::Corrupt {
        what,
        detail: detail.into(),
    }
}

fn evidence(sentence: String, start: i64, end: i64) -> Result<Evidence, StoreError> {
    let start = usize::try_from(start).map_err(|_| corrupt("evidence span", start.to_string()))?;
    let end = usize::try_from(end).map_err(|_| corrupt("evidence span", end.to_string()))?;
    if start > end {
        return Err(corrupt("evidence span", format!("{start} > {end}")));
    }
    Ok(Evidence {
        sentence,
        span: Span::new(start, end),
    })
}

type MeetingRow = (
    i64,
    Json<Vec<ActorName>>,
    String,
    Option<NaiveDate>,
    Option<String>,
    String,
    String,
    i64,
    i64,
    String,
);
type StatementRow = (
    i64,
    String,
    String,
    bool,
    Option<String>,
    String,
    i64,
    i64,
    String,
);
type PendingRow = (
    i64,
    String,
    Json<Vec<ActorName>>,
    Option<String>,
    Option<NaiveDate>,
    String,
    i64,
    i64,
    String,
);
type OutcomeRow = (
    i64,
    String,
    Json<Vec<ActorName>>,
    String,
    String,
    i64,
    i64,
    String,
);

/// The meetings of these articles, in insertion order.
async fn select_meetings(pool: &PgPool, ids: &[i64]) -> Result<Vec<MeetingRow>, StoreError> {
    sqlx::query_as(
        "SELECT article_id, participants, status, date, place, kind, evidence, span_start, span_end, COALESCE(context, '') \
         FROM meetings WHERE article_id = ANY($1) ORDER BY id",
    )
    .bind(ids)
    .fetch_all(pool)
    .await
    .ctx("load meetings")
}

/// The statements of these articles, in insertion order.
async fn select_statements(pool: &PgPool, ids: &[i64]) -> Result<Vec<StatementRow>, StoreError> {
    sqlx::query_as(
        "SELECT article_id, speaker, quote, direct, audience, evidence, span_start, span_end, COALESCE(context, '') \
         FROM statements WHERE article_id = ANY($1) ORDER BY id",
    )
    .bind(ids)
    .fetch_all(pool)
    .await
    .ctx("load statements")
}

/// The pending items of these articles, in insertion order.
async fn select_pending(pool: &PgPool, ids: &[i64]) -> Result<Vec<PendingRow>, StoreError> {
    sqlx::query_as(
        "SELECT article_id, what, actors, due_text, due_date, evidence, span_start, span_end, COALESCE(context, '') \
         FROM pending WHERE article_id = ANY($1) ORDER BY id",
    )
    .bind(ids)
    .fetch_all(pool)
    .await
    .ctx("load pending")
}

/// The outcomes of these articles, in insertion order.
async fn select_outcomes(pool: &PgPool, ids: &[i64]) -> Result<Vec<OutcomeRow>, StoreError> {
    sqlx::query_as(
        "SELECT article_id, kind, actors, what, evidence, span_start, span_end, COALESCE(context, '') \
         FROM outcomes WHERE article_id = ANY($1) ORDER BY id",
    )
    .bind(ids)
    .fetch_all(pool)
    .await
    .ctx("load outcomes")
}

/// The extractions of these articles with the paragraph around each item, four
/// queries in all, run concurrently; articles without any extracted item are
/// absent from the map.
pub(super) async fn load(
    pool: &PgPool,
    ids: &[i64],
) -> Result<HashMap<i64, (Extraction, Contexts)>, StoreError> {
    let mut out: HashMap<i64, (Extraction, Contexts)> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    // Four tables on four connections at once: one round trip of latency, not four.
    let (meetings, statements, pending, outcomes) = futures::try_join!(
        select_meetings(pool, ids),
        select_statements(pool, ids),
        select_pending(pool, ids),
        select_outcomes(pool, ids),
    )?;
    for (article, participants, status, date, place, kind, ev, ss, se, c) in meetings {
        let (x, cs) = out.entry(article).or_default();
        cs.meetings.push(c);
        x.meetings.push(Meeting {
            participants: participants.0,
            status: MeetingStatus::parse(&status)
                .ok_or_else(|| corrupt("meeting status", &status))?,
            date,
            place,
            kind: MeetingKind::parse(&kind).ok_or_else(|| corrupt("meeting kind", &kind))?,
            evidence: evidence(ev, ss, se)?,
        });
    }
    for (article, speaker, quote, direct, audience, ev, ss, se, c) in statements {
        let (x, cs) = out.entry(article).or_default();
        cs.statements.push(c);
        x.statements.push(Statement {
            speaker: ActorName::new(&speaker)
                .ok_or_else(|| corrupt("statement speaker", "blank"))?,
            quote,
            speech: if direct {
                Speech::Direct
            } else {
                Speech::Reported
            },
            audience,
            evidence: evidence(ev, ss, se)?,
        });
    }
    for (article, what, actors, due_text, due_date, ev, ss, se, c) in pending {
        let (x, cs) = out.entry(article).or_default();
        cs.pending.push(c);
        x.pending.push(Pending {
            what,
            actors: actors.0,
            due: due_text.map(|text| Due {
                text,
                date: due_date,
            }),
            evidence: evidence(ev, ss, se)?,
        });
    }
    for (article, kind, actors, what, ev, ss, se, c) in outcomes {
        let kind = match kind.as_str() {
            "done" => OutcomeKind::Done,
            "abandoned" => OutcomeKind::Abandoned,
            _ => return Err(corrupt("outcome kind", kind)),
        };
        let (x, cs) = out.entry(article).or_default();
        cs.outcomes.push(c);
        x.outcomes.push(Outcome {
            kind,
            actors: actors.0,
            what,
            evidence: evidence(ev, ss, se)?,
        });
    }
    Ok(out)
}
