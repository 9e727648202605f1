//! Failpoints for crash tests: `READOUT_FAILPOINT=after_enqueue` or `after_send`
//! makes the process print `READOUT_FAILPOINT <name>` on stdout and block at that
//! point, so a test can SIGKILL it exactly there and check what a restart does.
//! Unset (always, outside tests), [`reach`] returns at once.
//!
//! The variable is parsed into a [`Failpoint`] with the rest of the
//! configuration: a misspelt name stops the start instead of never firing, which
//! would let a crash test pass without crashing.

use std::fmt;
use std::io::Write;
use std::str::FromStr;

/// A point where a test may have the process stop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failpoint {
    /// After a digest run was committed (outbox row written, schedule advanced),
    /// before anything is sent.
    AfterEnqueue,
    /// After Discord accepted a post, before the row is marked sent.
    AfterSend,
}

impl Failpoint {
    /// Every failpoint, for the error that lists them.
    pub const ALL: [Failpoint; 2] = [Failpoint::AfterEnqueue, Failpoint::AfterSend];

    /// The name `READOUT_FAILPOINT` takes and the marker prints.
    pub fn name(self) -> &'static str {
        match self {
            Failpoint::AfterEnqueue => "after_enqueue",
            Failpoint::AfterSend => "after_send",
        }
    }
}

/// A `READOUT_FAILPOINT` that names no failpoint.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("READOUT_FAILPOINT={input:?} is not a failpoint (one of: after_enqueue, after_send)")]
pub struct UnknownFailpoint {
    pub input: String,
}

impl FromStr for Failpoint {
    type Err = UnknownFailpoint;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Failpoint::ALL
            .into_iter()
            .find(|p| p.name() == s.trim())
            .ok_or_else(|| UnknownFailpoint {
                input: s.chars().take(64).collect(),
            })
    }
}

impl fmt::Display for Failpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Blocks forever when `active` is this point.
pub async fn reach(active: Option<Failpoint>, point: Failpoint) {
    if active != Some(point) {
        return;
    }
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "READOUT_FAILPOINT {point}");
        let _ = out.flush();
    }
    tracing::warn!(
        point = point.name(),
        "failpoint reached; blocking until killed"
    );
    std::future::pending::<()>().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_others_are_refused_by_name() {
        for p in Failpoint::ALL {
            assert_eq!(p.name().parse::<Failpoint>(), Ok(p));
        }
        let e = "after_sned".parse::<Failpoint>().unwrap_err();
        assert!(e.to_string().contains("\"after_sned\""), "{e}");
    }
}
