//! Values that must not be printed: the [`Secret`] type, the checks on a Discord
//! token that name what is wrong without showing it, and database URLs with their
//! passwords masked.

use std::fmt;

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

/// What to do about a token Discord refused with `status` ("401 Unauthorized"):
/// the same words for the bot and the digests, naming the variable, never the
/// token.
pub fn token_rejected(status: &str) -> String {
    format!(
        "Discord rejected DISCORD_TOKEN ({status}): the token is wrong or was reset; copy the current one from the developer portal (Bot, Reset Token) into .env"
    )
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
