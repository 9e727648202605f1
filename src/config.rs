//! One typed `Config`, read once at start from `.env` (dotenvy), then the process
//! environment, then command-line flags, and validated before anything runs: a
//! mistyped variable stops the program with a message naming the variable and the
//! fix, instead of surfacing later as an odd failure.

use std::fmt;
use std::time::Duration;

use thiserror::Error;

use crate::digest::failpoint::Failpoint;
use crate::store::DatabaseUrl;

/// A value that must never reach a log line: `Debug` and `Display` print a mask.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: String) -> Self {
        Secret(value)
    }
    /// The only way to read the value: spelled out so a reviewer sees every use.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// Why a Discord token cannot be one, if it cannot: a bot token is a single word
/// of printable characters, so a space, a line break or a control character means
/// a paste went wrong (two lines of `.env` run together, a quoted value with a
/// newline). Caught at start, because Discord's answer would only be a 401 later.
/// The message names the character's position, never the token. The `Bot `
/// prefix of an Authorization header is allowed (serenity adds it when missing).
pub fn token_problem(token: &str) -> Option<String> {
    let skip = if token.starts_with("Bot ") { 4 } else { 0 };
    let (at, c) = token
        .chars()
        .enumerate()
        .skip(skip)
        .find(|(_, c)| c.is_whitespace() || c.is_control())?;
    let what = if matches!(c, '\n' | '\r') {
        "a line break"
    } else if c.is_whitespace() {
        "a space"
    } else {
        "a control character"
    };
    Some(format!(
        "DISCORD_TOKEN holds {what} (character {}): a bot token is one line with no spaces; copy it again from the developer portal",
        at + 1
    ))
}

/// A database URL fit for a message: the password of `user:password@` and every
/// `password=` query parameter are masked, whether or not the URL parses (an
/// unparseable one is exactly the one that ends up in an error message).
pub fn redacted_url(url: &str) -> String {
    let (head, query) = match url.split_once('?') {
        Some((h, q)) => (h, Some(q)),
        None => (url, None),
    };
    let mut out = match head.split_once("://") {
        Some((scheme, rest)) => match rest.rsplit_once('@') {
            Some((userinfo, host)) => match userinfo.split_once(':') {
                Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
                None => head.to_string(),
            },
            None => head.to_string(),
        },
        None => head.to_string(),
    };
    if let Some(query) = query {
        let params: Vec<String> = query
            .split('&')
            .map(|p| match p.split_once('=') {
                Some((k, _)) if k.to_ascii_lowercase().contains("password") => format!("{k}=***"),
                _ => p.to_string(),
            })
            .collect();
        out = format!("{out}?{}", params.join("&"));
    }
    out
}

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

/// Settings of the polling loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchConfig {
    /// How often a feed is polled when it says nothing longer.
    pub default_interval: Duration,
    /// Continuous failure after which a feed is paused until a moderator retries it.
    pub pause_after: Duration,
    /// Fetches in flight at once, overall and per host.
    pub concurrency: usize,
    pub per_host: usize,
    /// How long a claimed feed stays with the process that claimed it: well past
    /// the longest fetch, short enough that a dead process's feeds come back soon.
    pub feed_lease: Duration,
}

impl Default for WatchConfig {
    fn default() -> Self {
        WatchConfig {
            default_interval: Duration::from_secs(600),
            pause_after: Duration::from_secs(3 * 24 * 3600),
            concurrency: 32,
            per_host: 2,
            feed_lease: Duration::from_secs(300),
        }
    }
}

/// Discord connection settings; only `readout run` needs them.
#[derive(Debug, Clone)]
pub struct DiscordConfig {
    pub token: Option<Secret>,
    /// Register commands to this guild only (instant, for development).
    pub guild_id: Option<u64>,
    /// Another base URL for REST and gateway discovery (a proxy, or a fake in tests).
    pub api_base: Option<String>,
    /// This process's share of the shards: `first..=last` of `total`.
    pub shards: Option<ShardRange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardRange {
    pub first: u32,
    pub last: u32,
    pub total: u32,
}

impl ShardRange {
    /// Parses `0-3/8` (shards 0 to 3 of 8) or `2/8` (shard 2 of 8).
    pub fn parse(s: &str) -> Result<Self, String> {
        let (range, total) = s
            .split_once('/')
            .ok_or("expected FIRST-LAST/TOTAL, e.g. 0-3/8")?;
        let total: u32 = total
            .trim()
            .parse()
            .map_err(|_| "the shard total is not a number")?;
        let (first, last) = match range.split_once('-') {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (range.trim(), range.trim()),
        };
        let first: u32 = first
            .parse()
            .map_err(|_| "the first shard is not a number")?;
        let last: u32 = last.parse().map_err(|_| "the last shard is not a number")?;
        if total == 0 || first > last || last >= total {
            return Err(format!(
                "shards {first}-{last} do not fit in a total of {total}"
            ));
        }
        Ok(ShardRange { first, last, total })
    }
}

/// Settings of the digest scheduler and sender (`readout digests`, `readout run`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestSettings {
    /// How far back a catch-up digest reaches after downtime: a bot down for a
    /// week posts one digest of the last two days, not a week's backlog.
    pub max_catchup: Duration,
    /// How often the scheduler looks for due digests and the sender for posts.
    pub tick: Duration,
    /// How long a sender holds a claimed post before another may take it.
    pub lease: Duration,
    /// Attempts at one post within one delivery pass before it is put back.
    pub send_attempts: u32,
    /// First wait after a 5xx or a network error; doubled on every attempt.
    pub retry_base: Duration,
    /// Test only (`READOUT_NOW`): a fixed "now" for a process a test starts, so it
    /// can run a scheduler at a chosen time.
    pub fixed_now: Option<chrono::DateTime<chrono::Utc>>,
    /// Test only (`READOUT_FAILPOINT`): a point at which the process prints a
    /// marker and blocks, so a crash test can SIGKILL it exactly there.
    pub failpoint: Option<Failpoint>,
}

impl Default for DigestSettings {
    fn default() -> Self {
        DigestSettings {
            max_catchup: Duration::from_secs(48 * 3600),
            tick: Duration::from_secs(30),
            lease: Duration::from_secs(120),
            send_attempts: 5,
            retry_base: Duration::from_secs(1),
            fixed_now: None,
            failpoint: None,
        }
    }
}

/// The optional LLM extractor behind an OpenAI-compatible endpoint.
#[derive(Debug, Clone)]
pub struct LlmConfig {
    pub base_url: String,
    pub api_key: Option<Secret>,
    pub model: String,
}

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
        let mut problems = Vec::new();
        let get = |k: &str| {
            get(k)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };

        let raw_database_url =
            get("DATABASE_URL").unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string());
        let database_url = DatabaseUrl::parse(&raw_database_url).ok();
        if database_url.is_none() {
            problems.push(format!(
                "DATABASE_URL={:?} is neither sqlite://FILE nor postgres://...; e.g. DATABASE_URL=sqlite://readout.db",
                redacted_url(&raw_database_url)
            ));
        }

        let mut fetch = FetchConfig::default();
        if let Some(v) = parse_num::<u64>(&get, "READOUT_FETCH_MAX_BYTES", &mut problems) {
            if v < 1024 {
                problems.push("READOUT_FETCH_MAX_BYTES must be at least 1024".into());
            }
            fetch.max_body_bytes = v;
        }
        if let Some(v) = parse_num::<u64>(&get, "READOUT_FETCH_TIMEOUT_SECS", &mut problems) {
            if v == 0 {
                problems.push("READOUT_FETCH_TIMEOUT_SECS must be at least 1".into());
            }
            fetch.timeout = Duration::from_secs(v.max(1));
        }
        if let Some(v) = parse_num::<usize>(&get, "READOUT_FETCH_MAX_REDIRECTS", &mut problems) {
            fetch.max_redirects = v;
        }
        if let Some(v) = parse_bool(&get, "READOUT_ALLOW_LOOPBACK", &mut problems) {
            fetch.allow_loopback = v;
        }

        let mut watch = WatchConfig::default();
        if let Some(v) = parse_num::<u64>(&get, "READOUT_POLL_INTERVAL_SECS", &mut problems) {
            if v < 60 {
                problems.push(
                    "READOUT_POLL_INTERVAL_SECS must be at least 60 (be polite to feed servers)"
                        .into(),
                );
            }
            watch.default_interval = Duration::from_secs(v);
        }
        if let Some(v) = parse_num::<u64>(&get, "READOUT_PAUSE_AFTER_HOURS", &mut problems) {
            watch.pause_after = Duration::from_secs(v * 3600);
        }
        if let Some(v) = parse_num::<usize>(&get, "READOUT_FETCH_CONCURRENCY", &mut problems) {
            watch.concurrency = v.max(1);
        }
        if let Some(v) = parse_num::<usize>(&get, "READOUT_FETCH_PER_HOST", &mut problems) {
            watch.per_host = v.max(1);
        }
        if let Some(v) = parse_num::<u64>(&get, "READOUT_FEED_LEASE_SECS", &mut problems) {
            if v == 0 {
                problems.push(
                    "READOUT_FEED_LEASE_SECS must be at least 1 (a zero lease lets every watcher take every feed)"
                        .into(),
                );
            }
            watch.feed_lease = Duration::from_secs(v.max(1));
        }

        let discord = DiscordConfig {
            token: get("DISCORD_TOKEN").map(Secret::new),
            guild_id: parse_num::<u64>(&get, "DISCORD_GUILD_ID", &mut problems),
            api_base: get("DISCORD_API_BASE").map(|s| s.trim_end_matches('/').to_string()),
            shards: get("DISCORD_SHARDS").and_then(|s| match ShardRange::parse(&s) {
                Ok(r) => Some(r),
                Err(e) => {
                    problems.push(format!("DISCORD_SHARDS={s:?}: {e}"));
                    None
                }
            }),
        };
        if let Some(problem) = discord
            .token
            .as_ref()
            .and_then(|t| token_problem(t.expose()))
        {
            problems.push(problem);
        }
        if let Some(base) = &discord.api_base {
            if url::Url::parse(base).is_err() {
                problems.push(format!(
                    "DISCORD_API_BASE={base:?} is not a URL, e.g. http://127.0.0.1:8080"
                ));
            }
        }

        if let Some(base) = get("LLM_BASE_URL") {
            if !url::Url::parse(&base).is_ok_and(|u| matches!(u.scheme(), "http" | "https")) {
                problems.push(format!(
                    "LLM_BASE_URL={:?} is not an http(s) URL, e.g. https://api.openai.com/v1",
                    redacted_url(&base)
                ));
            }
        }
        let llm = get("LLM_BASE_URL").map(|base_url| LlmConfig {
            base_url,
            api_key: get("LLM_API_KEY").map(Secret::new),
            model: get("LLM_MODEL").unwrap_or_else(|| "gpt-4o-mini".into()),
        });

        let mut digests = DigestSettings::default();
        if let Some(v) = parse_num::<u64>(&get, "READOUT_DIGEST_MAX_CATCHUP_HOURS", &mut problems) {
            if v == 0 {
                problems.push("READOUT_DIGEST_MAX_CATCHUP_HOURS must be at least 1".into());
            }
            digests.max_catchup = Duration::from_secs(v.max(1) * 3600);
        }
        if let Some(v) = parse_num::<u64>(&get, "READOUT_DIGEST_TICK_SECS", &mut problems) {
            digests.tick = Duration::from_secs(v.max(1));
        }
        if let Some(v) = parse_num::<u64>(&get, "READOUT_DIGEST_RETRY_BASE_MS", &mut problems) {
            digests.retry_base = Duration::from_millis(v.max(1));
        }
        if let Some(v) = get("READOUT_NOW") {
            match chrono::DateTime::parse_from_rfc3339(&v) {
                Ok(t) => digests.fixed_now = Some(t.to_utc()),
                Err(_) => problems.push(format!(
                    "READOUT_NOW={v:?} is not an RFC 3339 time such as 2024-03-31T05:00:00Z"
                )),
            }
        }
        digests.failpoint = get("READOUT_FAILPOINT").and_then(|v| match v.parse() {
            Ok(point) => Some(point),
            Err(e) => {
                problems.push(format!("{e}"));
                None
            }
        });

        let metrics_addr = get("READOUT_METRICS_ADDR").and_then(|s| match s.parse() {
            Ok(a) => Some(a),
            Err(_) => {
                problems.push(format!(
                    "READOUT_METRICS_ADDR={s:?} is not an address such as 127.0.0.1:9184"
                ));
                None
            }
        });

        let Some(database_url) = database_url.filter(|_| problems.is_empty()) else {
            return Err(ConfigError(problems));
        };
        Ok(Config {
            database_url,
            fetch,
            watch,
            discord,
            llm,
            digests,
            metrics_addr,
            log_filter: get("READOUT_LOG").unwrap_or_else(|| "info".into()),
        })
    }
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

fn parse_num<T: std::str::FromStr>(
    get: &impl Fn(&str) -> Option<String>,
    key: &str,
    problems: &mut Vec<String>,
) -> Option<T> {
    let raw = get(key)?;
    match raw.parse() {
        Ok(v) => Some(v),
        Err(_) => {
            problems.push(format!("{key}={raw:?} is not a whole number"));
            None
        }
    }
}

fn parse_bool(
    get: &impl Fn(&str) -> Option<String>,
    key: &str,
    problems: &mut Vec<String>,
) -> Option<bool> {
    let raw = get(key)?;
    match raw.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Some(true),
        "0" | "false" | "no" | "off" => Some(false),
        _ => {
            problems.push(format!("{key}={raw:?}: use true or false"));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn load(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|k| map.get(k).cloned())
    }

    #[test]
    fn a_misspelt_failpoint_stops_the_start() {
        let e = load(&[("READOUT_FAILPOINT", "after_sned")]).unwrap_err();
        assert!(
            e.to_string().contains("READOUT_FAILPOINT=\"after_sned\""),
            "{e}"
        );
        let c = load(&[("READOUT_FAILPOINT", "after_send")]).unwrap();
        assert_eq!(c.digests.failpoint, Some(Failpoint::AfterSend));
    }

    #[test]
    fn defaults_need_no_variables() {
        let c = load(&[]).unwrap();
        assert_eq!(c.database_url.as_str(), DEFAULT_DATABASE_URL);
        assert!(!c.fetch.allow_loopback);
        assert_eq!(c.fetch.max_redirects, 5);
        assert!(c.discord.token.is_none());
    }

    #[test]
    fn every_problem_is_reported_with_its_variable() {
        let err = load(&[
            ("DATABASE_URL", "mysql://x"),
            ("READOUT_FETCH_MAX_BYTES", "lots"),
            ("DISCORD_SHARDS", "4-2/8"),
        ])
        .unwrap_err();
        let text = err.to_string();
        assert_eq!(err.0.len(), 3, "{text}");
        assert!(text.contains("DATABASE_URL"));
        assert!(text.contains("READOUT_FETCH_MAX_BYTES"));
        assert!(text.contains("DISCORD_SHARDS"));
    }

    #[test]
    fn secrets_never_print() {
        let c = load(&[("DISCORD_TOKEN", "super-secret-token")]).unwrap();
        let shown = format!("{c:?}");
        assert!(!shown.contains("super-secret-token"), "{shown}");
        assert_eq!(c.discord.token.unwrap().expose(), "super-secret-token");
    }

    /// Before, a token with a space or a line break inside passed the start
    /// checks and only failed as a 401 (and a reconnect loop) once connected.
    #[test]
    fn tokens_with_spaces_or_control_characters_are_refused_without_their_value() {
        for (token, what) in [
            ("abc.def ghi", "a space"),
            ("abc.def\nghi", "a line break"),
            ("abc.def\tghi", "a space"),
            ("abc.def\u{7}ghi", "a control character"),
        ] {
            let err = load(&[("DISCORD_TOKEN", token)]).unwrap_err().to_string();
            assert!(err.contains("DISCORD_TOKEN") && err.contains(what), "{err}");
            assert!(!err.contains("ghi") && !err.contains("abc"), "{err}");
        }
        // Surrounding whitespace is trimmed like every other value.
        let c = load(&[("DISCORD_TOKEN", "  abc.def-ghi\n")]).unwrap();
        assert_eq!(c.discord.token.unwrap().expose(), "abc.def-ghi");
        assert!(load(&[("DISCORD_TOKEN", "Bot abc.def-ghi")]).is_ok());
    }

    /// Before, only URLs that parsed were masked: `host:notaport`, `[::1` and a
    /// `password=` parameter printed the password in the error.
    #[test]
    fn database_passwords_are_masked_even_when_the_url_does_not_parse() {
        for url in [
            "postgres://u:secretpw@127.0.0.1:notaport/db",
            "postgres://u:secretpw@[::1",
            "postgres://127.0.0.1:1/db?user=u&password=secretpw",
            "postgresql://u:secretpw@h/db?sslmode=require&sslpassword=secretpw",
            "mysql://u:secret@pw@host/db",
        ] {
            let shown = redacted_url(url);
            assert!(!shown.contains("secret"), "{url} -> {shown}");
            assert!(shown.contains("***"), "{url} -> {shown}");
        }
        assert_eq!(
            redacted_url("postgres://u:pw@db.example:5432/readout?sslmode=require"),
            "postgres://u:***@db.example:5432/readout?sslmode=require"
        );
        assert_eq!(redacted_url("sqlite://readout.db"), "sqlite://readout.db");
        let err = load(&[("DATABASE_URL", "mysql://u:secretpw@h/db")]).unwrap_err();
        assert!(!err.to_string().contains("secretpw"), "{err}");
    }

    #[test]
    fn a_bad_env_line_is_named_by_number_without_its_value() {
        let contents = "# settings\nDISCORD_TOKEN secret-token-value\nDATABASE_URL=sqlite://x.db\n";
        let err = dotenvy::from_read_iter(contents.as_bytes())
            .find_map(Result::err)
            .expect("dotenvy rejects the line");
        let problem = dotenv_problem(&err, contents);
        assert!(problem.contains(".env line 2"), "{problem}");
        assert!(problem.contains("DISCORD_TOKEN"), "{problem}");
        assert!(!problem.contains("secret-token-value"), "{problem}");
    }

    /// Before, a zero timeout became 1 s and a zero lease was accepted silently,
    /// and an invalid LLM_BASE_URL failed every article with "builder error".
    #[test]
    fn values_that_cannot_work_are_refused_at_start() {
        let err = load(&[
            ("READOUT_FETCH_TIMEOUT_SECS", "0"),
            ("READOUT_FEED_LEASE_SECS", "0"),
            ("LLM_BASE_URL", "not a url"),
        ])
        .unwrap_err();
        let text = err.to_string();
        assert_eq!(err.0.len(), 3, "{text}");
        for var in [
            "READOUT_FETCH_TIMEOUT_SECS",
            "READOUT_FEED_LEASE_SECS",
            "LLM_BASE_URL",
        ] {
            assert!(text.contains(var), "{text}");
        }
        assert!(load(&[("LLM_BASE_URL", "http://127.0.0.1:8080/v1")]).is_ok());
    }

    #[test]
    fn shard_ranges_parse() {
        assert_eq!(
            ShardRange::parse("0-3/8").unwrap(),
            ShardRange {
                first: 0,
                last: 3,
                total: 8
            }
        );
        assert_eq!(
            ShardRange::parse("5/8").unwrap(),
            ShardRange {
                first: 5,
                last: 5,
                total: 8
            }
        );
        assert!(ShardRange::parse("0-8/8").is_err());
        assert!(ShardRange::parse("x/8").is_err());
    }
}
