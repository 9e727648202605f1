//! Reading back what was extracted from articles: the four extraction tables,
//! each read with the columns of its row type. Which articles is said each
//! backend's way (a list of placeholders in SQLite, an array in PostgreSQL).

/// One extraction table and the columns of its row type.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ItemTable {
    pub(crate) name: &'static str,
    columns: &'static str,
    /// What errors on it are called.
    pub(crate) what: &'static str,
}

/// The columns every extraction table has (`ItemCols`).
macro_rules! item_columns {
    () => {
        "article_id, evidence, span_start, span_end, context"
    };
}

pub(crate) const MEETINGS: ItemTable = ItemTable {
    name: "meetings",
    columns: concat!("participants, status, date, place, kind, ", item_columns!()),
    what: "load meetings",
};

pub(crate) const STATEMENTS: ItemTable = ItemTable {
    name: "statements",
    columns: concat!("speaker, quote, direct, audience, ", item_columns!()),
    what: "load statements",
};

pub(crate) const PENDING: ItemTable = ItemTable {
    name: "pending",
    columns: concat!("what, actors, due_text, due_date, ", item_columns!()),
    what: "load pending",
};

/// Outcomes are matched against pending items by action, never placed by
/// topic: their paragraph is not read back (a third of a brief's bytes).
pub(crate) const OUTCOMES: ItemTable = ItemTable {
    name: "outcomes",
    columns: "kind, actors, what, article_id, evidence, span_start, span_end, CAST(NULL AS TEXT) AS context",
    what: "load outcomes",
};

impl ItemTable {
    /// The table's rows of some articles, each article's in insertion order
    /// (the order the extractor gave the items); `articles` completes `WHERE
    /// article_id ...`. Ordered by article first, as the index on `article_id`
    /// holds them: ordered by `id` alone, SQLite sorted every row of a brief over
    /// a long window in a temporary file, which took most of its time.
    pub(crate) fn select(&self, articles: &str) -> String {
        format!(
            "SELECT {} FROM {} WHERE article_id {articles} ORDER BY article_id, id",
            self.columns, self.name
        )
    }
}
