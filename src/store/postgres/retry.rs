//! Retrying PostgreSQL operations through transient failures: a connection
//! dropped by a server restart or a network blip, the server starting up or
//! shutting down, a full connection table, a deadlock or serialization failure.
//! Only operations that are safe to repeat go through here, and every store
//! operation is (a replayed `commit_fetch` finds its items stored and adds
//! nothing).

use std::future::Future;
use std::time::Duration;

use crate::store::StoreError;

/// Waits between attempts: about four seconds in all, long enough for a
/// restarting server to accept connections again, short enough that a caller
/// (a slash command, a watcher tick) hears about a real outage quickly.
const BACKOFF: [Duration; 4] = [
    Duration::from_millis(50),
    Duration::from_millis(250),
    Duration::from_millis(1000),
    Duration::from_millis(2500),
];

/// Runs `op`, again after a pause while it fails transiently, and returns the
/// first success, the first permanent error, or the last transient one.
pub(super) async fn transient<T, F, Fut>(what: &'static str, op: F) -> Result<T, StoreError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, StoreError>>,
{
    with_pauses(&BACKOFF, what, op).await
}

/// `transient` with the pauses given (tests make them short).
async fn with_pauses<T, F, Fut>(
    pauses: &[Duration],
    what: &'static str,
    mut op: F,
) -> Result<T, StoreError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, StoreError>>,
{
    let mut pauses = pauses.iter();
    loop {
        match op().await {
            Err(e) if is_transient(&e) => match pauses.next() {
                Some(pause) => {
                    tracing::warn!(operation = what, error = %e, retry_in = ?pause, "transient store error; retrying");
                    tokio::time::sleep(*pause).await;
                }
                None => return Err(e),
            },
            other => return other,
        }
    }
}

/// Whether repeating the operation may succeed.
pub(super) fn is_transient(e: &StoreError) -> bool {
    let StoreError::Query { source, .. } = e else {
        return false;
    };
    match source {
        sqlx::Error::Io(_) | sqlx::Error::PoolTimedOut | sqlx::Error::WorkerCrashed => true,
        sqlx::Error::Database(db) => db.code().is_some_and(|code| is_transient_sqlstate(&code)),
        _ => false,
    }
}

/// SQLSTATEs worth retrying: connection exceptions (class 08), serialization
/// failure and deadlock (40001, 40P01), server shutting down or starting
/// (57P01..57P03), too many connections (53300).
fn is_transient_sqlstate(code: &str) -> bool {
    code.starts_with("08")
        || matches!(
            code,
            "40001" | "40P01" | "57P01" | "57P02" | "57P03" | "53300"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    const SHORT: [Duration; 3] = [Duration::from_millis(1); 3];

    fn io_error() -> StoreError {
        StoreError::Query {
            what: "test",
            source: sqlx::Error::Io(std::io::Error::from(std::io::ErrorKind::ConnectionReset)),
        }
    }

    #[test]
    fn connection_and_concurrency_states_are_transient() {
        for code in ["08006", "08003", "40001", "40P01", "57P01", "53300"] {
            assert!(is_transient_sqlstate(code), "{code}");
        }
        for code in ["23505", "42P01", "22P02"] {
            assert!(!is_transient_sqlstate(code), "{code}");
        }
        assert!(is_transient(&io_error()));
        assert!(!is_transient(&StoreError::Corrupt {
            what: "x",
            detail: "y".into()
        }));
    }

    #[tokio::test]
    async fn transient_errors_are_retried_until_success() {
        let calls = AtomicUsize::new(0);
        let out = with_pauses(&SHORT, "test", || async {
            if calls.fetch_add(1, Ordering::SeqCst) < 2 {
                Err(io_error())
            } else {
                Ok(7)
            }
        })
        .await;
        assert_eq!(out.ok(), Some(7));
        assert_eq!(calls.load(Ordering::SeqCst), 3);
    }

    #[tokio::test]
    async fn permanent_errors_and_exhausted_retries_surface() {
        let calls = AtomicUsize::new(0);
        let out: Result<(), _> = with_pauses(&SHORT, "test", || async {
            calls.fetch_add(1, Ordering::SeqCst);
            Err(StoreError::Corrupt {
                what: "x",
                detail: "y".into(),
            })
        })
        .await;
        assert!(matches!(out, Err(StoreError::Corrupt { .. })));
        assert_eq!(calls.load(Ordering::SeqCst), 1);

        calls.store(0, Ordering::SeqCst);
        let out: Result<(), _> = with_pauses(&SHORT, "test", || async {
            calls.fetch_add(1, Ordering::SeqCst);
            Err(io_error())
        })
        .await;
        assert!(out.is_err());
        assert_eq!(calls.load(Ordering::SeqCst), SHORT.len() + 1);
    }
}
