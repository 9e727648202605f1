//! The configuration as a deployment writes it: defaults, every problem named
//! with its variable, secrets never printed.

use super::*;
use crate::digest::failpoint::Failpoint;
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
