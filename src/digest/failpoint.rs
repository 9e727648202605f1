//! Failpoints for crash tests: `READOUT_FAILPOINT=after_enqueue` or `after_send`
//! makes the process print `READOUT_FAILPOINT <name>` on stdout and block at that
//! point, so a test can SIGKILL it exactly there and check what a restart does.
//! Unset (always, outside tests), [`reach`] returns at once.

use std::io::Write;

/// After a digest run was committed (outbox row written, schedule advanced),
/// before anything is sent.
pub const AFTER_ENQUEUE: &str = "after_enqueue";
/// After Discord accepted a post, before the row is marked sent.
pub const AFTER_SEND: &str = "after_send";

/// Blocks forever when `active` names this point.
pub async fn reach(active: Option<&str>, point: &str) {
    if active != Some(point) {
        return;
    }
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "READOUT_FAILPOINT {point}");
        let _ = out.flush();
    }
    tracing::warn!(point, "failpoint reached; blocking until killed");
    std::future::pending::<()>().await;
}
