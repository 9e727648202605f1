//! One typed `Config`, read once at start from `.env` (dotenvy), then the process
//! environment, then command-line flags, and validated before anything runs: a
//! mistyped variable stops the program with a message naming the variable and the
//! fix, instead of surfacing later as an odd failure.
//!
//! One file per part of the configuration, each reading its own variables:
//! [`fetch`], [`watch`], [`discord`], [`llm`], [`digests`]; [`secret`] keeps
//! tokens, keys and database passwords out of every message, and [`vars`] reads
//! the values and collects the problems.

mod digests;
mod discord;
mod fetch;
mod llm;
mod secret;
mod vars;
mod watch;

use thiserror::Error;

use crate::store::DatabaseUrl;
use vars::Vars;

pub use digests::DigestSettings;
pub use discord::{DiscordConfig, ShardRange};
pub use fetch::{FetchConfig, default_user_agent};
pub use llm::LlmConfig;
pub use secret::{Secret, redacted_url, token_problem, token_rejected};
pub use watch::WatchConfig;

#[derive(Debug, Clone)]
pub struct Config {
    /// `sqlite://path` (embedded default) or `postgres://...`, its scheme
    /// checked here once.
    pub database_url: DatabaseUrl,
    pub fetch: FetchConfig,
    pub watch: WatchConfig,
    pub discord: DiscordConfig,
    pub llm: Option<LlmConfig>,
    pub digests: DigestSettings,
    /// Serve `/healthz` and `/metrics` here when set.
    pub metrics_addr: Option<std::net::SocketAddr>,
    /// A `tracing` filter such as `info` or `readout=debug`.
    pub log_filter: String,
}

/// Every problem found, so one run shows them all.
#[derive(Debug, Error)]
#[error("invalid configuration:\n{}", .0.iter().map(|p| format!("  - {p}")).collect::<Vec<_>>().join("\n"))]
pub struct ConfigError(pub Vec<String>);

pub const DEFAULT_DATABASE_URL: &str = "sqlite://readout.db";

impl Config {
    /// Reads `.env` if present (without overriding variables already set), then
    /// builds the config from the environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        match dotenvy::dotenv() {
            Ok(_) => {}
            Err(e) if e.not_found() => {}
            Err(e) => {
                let env = std::fs::read_to_string(".env").unwrap_or_default();
                return Err(ConfigError(vec![dotenv_problem(&e, &env)]));
            }
        }
        Self::from_lookup(|k| std::env::var(k).ok())
    }

    /// Builds and validates the config from any variable source (tests pass a map).
    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let mut vars = Vars::new(&get);
        let database_url = read_database_url(&mut vars);
        let fetch = FetchConfig::read(&mut vars);
        let watch = WatchConfig::read(&mut vars);
        let discord = DiscordConfig::read(&mut vars);
        let llm = LlmConfig::read(&mut vars);
        let digests = DigestSettings::read(&mut vars);
        let metrics_addr = vars.parsed("READOUT_METRICS_ADDR", |s| {
            s.parse()
                .map_err(|_| " is not an address such as 127.0.0.1:9184".into())
        });
        let Some(database_url) = database_url.filter(|_| vars.problems.is_empty()) else {
            return Err(ConfigError(vars.problems));
        };
        Ok(Config {
            database_url,
            fetch,
            watch,
            discord,
            llm,
            digests,
            metrics_addr,
            log_filter: vars.get("READOUT_LOG").unwrap_or_else(|| "info".into()),
        })
    }
}

/// `DATABASE_URL`, [`DEFAULT_DATABASE_URL`] when unset; a problem (with the
/// password masked) when its scheme is neither SQLite nor PostgreSQL.
fn read_database_url(vars: &mut Vars) -> Option<DatabaseUrl> {
    let raw = vars
        .get("DATABASE_URL")
        .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string());
    let url = DatabaseUrl::parse(&raw).ok();
    if url.is_none() {
        vars.problem(format!(
            "DATABASE_URL={:?} is neither sqlite://FILE nor postgres://...; e.g. DATABASE_URL=sqlite://readout.db",
            redacted_url(&raw)
        ));
    }
    url
}

/// Why `.env` cannot be used. dotenvy stops at the first line it cannot parse
/// and drops every later one, so a bad line must stop the program: before, a
/// `DATABASE_URL` after it was silently lost. The line is named by its number
/// and first word only, since a line of `.env` may hold a secret.
fn dotenv_problem(e: &dotenvy::Error, contents: &str) -> String {
    let dotenvy::Error::LineParse(line, _) = e else {
        return format!(".env cannot be read: {e}");
    };
    let number = contents
        .lines()
        .position(|l| l.trim() == line.trim())
        .map(|i| format!(" {}", i + 1))
        .unwrap_or_default();
    let word: String = line
        .trim()
        .chars()
        .take_while(|c| *c != '=' && !c.is_whitespace())
        .take(40)
        .collect();
    format!(
        ".env line{number} (starting {word:?}) is not NAME=value; fix or remove it (nothing after it would be read)"
    )
}

#[cfg(test)]
mod tests;
