//! The rows of the four extraction tables (meetings, statements, pending,
//! outcomes) and how they become an article's `Extraction` with the paragraph
//! of each item.

use std::collections::HashMap;

use chrono::NaiveDate;
use sqlx::FromRow;
use sqlx::types::Json;

use super::corrupt;
use crate::model::{
    ActorName, Due, Evidence, Extraction, Meeting, MeetingKind, MeetingStatus, Outcome,
    OutcomeKind, Pending, Span, Speech, Statement,
};
use crate::store::{ArticleId, Contexts, StoreError};

/// The columns every extraction table has: whose item it is, where the article
/// says it, and the paragraph around it.
#[derive(Debug, FromRow)]
pub(crate) struct ItemCols {
    article_id: ArticleId,
    evidence: String,
    span_start: i64,
    span_end: i64,
    /// NULL for items stored before paragraphs were kept: the brief then reads
    /// the evidence sentence instead.
    context: Option<String>,
}

/// One item of an article, with its paragraph.
type Located<T> = (ArticleId, String, T);

impl ItemCols {
    /// The article, the paragraph (empty where none was kept) and the evidence.
    fn split(self) -> Result<Located<Evidence>, StoreError> {
        let start = usize::try_from(self.span_start)
            .map_err(|_| corrupt("evidence span", self.span_start))?;
        let end =
            usize::try_from(self.span_end).map_err(|_| corrupt("evidence span", self.span_end))?;
        if start > end {
            return Err(corrupt("evidence span", format!("{start} > {end}")));
        }
        let evidence = Evidence {
            sentence: self.evidence,
            span: Span::new(start, end),
        };
        Ok((self.article_id, self.context.unwrap_or_default(), evidence))
    }
}

/// A row of one extraction table, decoded into its item.
pub(crate) trait ItemRow {
    type Item;
    fn into_item(self) -> Result<Located<Self::Item>, StoreError>;
}

/// A `meetings` row.
#[derive(Debug, FromRow)]
pub(crate) struct MeetingRow {
    participants: Json<Vec<ActorName>>,
    status: String,
    date: Option<NaiveDate>,
    place: Option<String>,
    kind: String,
    #[sqlx(flatten)]
    item: ItemCols,
}

impl ItemRow for MeetingRow {
    type Item = Meeting;

    fn into_item(self) -> Result<Located<Meeting>, StoreError> {
        let status = MeetingStatus::parse(&self.status)
            .ok_or_else(|| corrupt("meeting status", &self.status))?;
        let kind =
            MeetingKind::parse(&self.kind).ok_or_else(|| corrupt("meeting kind", &self.kind))?;
        let (article, context, evidence) = self.item.split()?;
        let meeting = Meeting {
            participants: self.participants.0,
            status,
            date: self.date,
            place: self.place,
            kind,
            evidence,
        };
        Ok((article, context, meeting))
    }
}

/// A `statements` row.
#[derive(Debug, FromRow)]
pub(crate) struct StatementRow {
    speaker: String,
    quote: String,
    direct: bool,
    audience: Option<String>,
    #[sqlx(flatten)]
    item: ItemCols,
}

impl ItemRow for StatementRow {
    type Item = Statement;

    fn into_item(self) -> Result<Located<Statement>, StoreError> {
        let speaker =
            ActorName::new(&self.speaker).ok_or_else(|| corrupt("statement speaker", "blank"))?;
        let (article, context, evidence) = self.item.split()?;
        let statement = Statement {
            speaker,
            quote: self.quote,
            speech: if self.direct {
                Speech::Direct
            } else {
                Speech::Reported
            },
            audience: self.audience,
            evidence,
        };
        Ok((article, context, statement))
    }
}

/// A `pending` row.
#[derive(Debug, FromRow)]
pub(crate) struct PendingRow {
    what: String,
    actors: Json<Vec<ActorName>>,
    due_text: Option<String>,
    due_date: Option<NaiveDate>,
    #[sqlx(flatten)]
    item: ItemCols,
}

impl ItemRow for PendingRow {
    type Item = Pending;

    fn into_item(self) -> Result<Located<Pending>, StoreError> {
        let (article, context, evidence) = self.item.split()?;
        let due_date = self.due_date;
        let pending = Pending {
            what: self.what,
            actors: self.actors.0,
            due: self.due_text.map(|text| Due {
                text,
                date: due_date,
            }),
            evidence,
        };
        Ok((article, context, pending))
    }
}

/// An `outcomes` row.
#[derive(Debug, FromRow)]
pub(crate) struct OutcomeRow {
    kind: String,
    actors: Json<Vec<ActorName>>,
    what: String,
    #[sqlx(flatten)]
    item: ItemCols,
}

impl ItemRow for OutcomeRow {
    type Item = Outcome;

    fn into_item(self) -> Result<Located<Outcome>, StoreError> {
        let kind =
            OutcomeKind::parse(&self.kind).ok_or_else(|| corrupt("outcome kind", &self.kind))?;
        let (article, context, evidence) = self.item.split()?;
        let outcome = Outcome {
            kind,
            actors: self.actors.0,
            what: self.what,
            evidence,
        };
        Ok((article, context, outcome))
    }
}

/// The extraction rows of some articles, each table in insertion order.
#[derive(Debug, Default)]
pub(crate) struct ExtractionRows {
    pub(crate) meetings: Vec<MeetingRow>,
    pub(crate) statements: Vec<StatementRow>,
    pub(crate) pending: Vec<PendingRow>,
    pub(crate) outcomes: Vec<OutcomeRow>,
}

/// Each article's extraction with the paragraph around each item; articles
/// without any extracted item are absent.
pub(crate) type Extractions = HashMap<ArticleId, (Extraction, Contexts)>;

/// Where one table's items and paragraphs go in an article's entry.
/// Outcomes have no paragraph slot: the brief never places them by topic.
type Slot<T> =
    for<'a> fn(&'a mut (Extraction, Contexts)) -> (&'a mut Vec<T>, Option<&'a mut Vec<String>>);

impl ExtractionRows {
    /// Adds the rows of another batch of articles.
    pub(crate) fn extend(&mut self, more: ExtractionRows) {
        self.meetings.extend(more.meetings);
        self.statements.extend(more.statements);
        self.pending.extend(more.pending);
        self.outcomes.extend(more.outcomes);
    }

    /// The rows grouped by article, items in row order.
    pub(crate) fn into_extractions(self) -> Result<Extractions, StoreError> {
        let mut out = Extractions::new();
        group(&mut out, self.meetings, |e| {
            (&mut e.0.meetings, Some(&mut e.1.meetings))
        })?;
        group(&mut out, self.statements, |e| {
            (&mut e.0.statements, Some(&mut e.1.statements))
        })?;
        group(&mut out, self.pending, |e| {
            (&mut e.0.pending, Some(&mut e.1.pending))
        })?;
        group(&mut out, self.outcomes, |e| (&mut e.0.outcomes, None))?;
        Ok(out)
    }
}

/// Decodes one table's rows into their articles' entries.
fn group<R: ItemRow>(
    out: &mut Extractions,
    rows: Vec<R>,
    slot: Slot<R::Item>,
) -> Result<(), StoreError> {
    for row in rows {
        let (article, context, item) = row.into_item()?;
        let (items, contexts) = slot(out.entry(article).or_default());
        items.push(item);
        if let Some(contexts) = contexts {
            contexts.push(context);
        }
    }
    Ok(())
}
