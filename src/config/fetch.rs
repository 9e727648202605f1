//! How feeds and pages are fetched: `READOUT_FETCH_MAX_BYTES`, `_TIMEOUT_SECS`,
//! `_MAX_REDIRECTS`, `READOUT_ALLOW_LOOPBACK`.

use std::time::Duration;

use super::vars::Vars;

/// Limits and politeness for every HTTP fetch of a feed or article page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchConfig {
    /// Largest body accepted, counted after decompression.
    pub max_body_bytes: u64,
    /// Whole-request deadline, including a slow drip of bytes.
    pub timeout: Duration,
    pub max_redirects: usize,
    /// Lets feeds on 127.0.0.0/8 and ::1 through the address guard: for the demo
    /// and tests, never for a public deployment.
    pub allow_loopback: bool,
    pub user_agent: String,
}

impl Default for FetchConfig {
    fn default() -> Self {
        FetchConfig {
            max_body_bytes: 5 * 1024 * 1024,
            timeout: Duration::from_secs(30),
            max_redirects: 5,
            allow_loopback: false,
            user_agent: default_user_agent(),
        }
    }
}

/// Names the project and where to find it, so feed operators know who polls them.
pub fn default_user_agent() -> String {
    format!(
        "Readout/{} (+{}; diplomatic news digest bot)",
        env!("CARGO_PKG_VERSION"),
        env!("CARGO_PKG_REPOSITORY")
    )
}

impl FetchConfig {
    pub(super) fn read(vars: &mut Vars) -> Self {
        let mut fetch = FetchConfig::default();
        if let Some(v) = vars.num::<u64>("READOUT_FETCH_MAX_BYTES") {
            if v < 1024 {
                vars.problem("READOUT_FETCH_MAX_BYTES must be at least 1024");
            }
            fetch.max_body_bytes = v;
        }
        if let Some(v) = vars.num::<u64>("READOUT_FETCH_TIMEOUT_SECS") {
            if v == 0 {
                vars.problem("READOUT_FETCH_TIMEOUT_SECS must be at least 1");
            }
            fetch.timeout = Duration::from_secs(v.max(1));
        }
        if let Some(v) = vars.num::<usize>("READOUT_FETCH_MAX_REDIRECTS") {
            fetch.max_redirects = v;
        }
        if let Some(v) = vars.bool("READOUT_ALLOW_LOOPBACK") {
            fetch.allow_loopback = v;
        }
        fetch
    }
}
