//! The store's traits, implemented once for every [`Backend`]: shared statements
//! (`sql`) run through the backend, and the operations the dialects write
//! differently asked of it.

mod alert;
mod content;
mod digest;
mod guild;

use super::backend::Backend;
use super::rows::StoredRow;
use super::statement::Statement;
use super::{QueryContext, StoreError};

/// Runs a query that always answers a row (`RETURNING`, `COUNT(*)`).
async fn fetch_one<B: Backend, R: StoredRow>(
    backend: &B,
    s: &Statement<'_>,
) -> Result<R, StoreError> {
    backend
        .fetch_optional(s)
        .await?
        .ok_or(sqlx::Error::RowNotFound)
        .ctx(s.what())
}

/// The migration versions applied (version, description), oldest first, for
/// `readout migrate`.
pub(crate) async fn applied_migrations<B: Backend>(
    backend: &B,
) -> Result<Vec<(i64, String)>, StoreError> {
    backend.fetch_all(&super::sql::applied_migrations()).await
}
