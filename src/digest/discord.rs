//! Posting one message to a channel over Discord's REST API, and sorting the
//! answer into what the sender should do: done, wait and retry (429, 5xx, network),
//! stop and pause the digest (no access, unknown channel), stop every digest (401:
//! the token itself is refused), or give up on this post (any other 4xx: retrying
//! it blindly counts towards Discord's invalid-request ban).
//!
//! Plain reqwest rather than serenity's client: the sender needs the status, the
//! JSON error code and `retry_after` exactly, and nothing of the gateway.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::Value;

use super::DigestError;
use crate::config::Secret;

/// Discord's REST base when `DISCORD_API_BASE` is not set.
pub const DEFAULT_API_BASE: &str = "https://discord.com";

/// What Discord's answer means for the post.
#[derive(Debug, Clone, PartialEq)]
pub enum PostOutcome {
    /// 2xx: the message exists (or already existed, for a repeated nonce).
    Sent { message_id: Option<String> },
    /// 429: wait this long, then try again.
    RateLimited { retry_after: Duration },
    /// 5xx or no answer: try again after a backoff. A lost answer is covered by
    /// the nonce.
    Transient(String),
    /// The channel cannot be posted to until a moderator acts: pause the digest.
    ChannelRefused(String),
    /// 401: Discord refuses the bot's token itself (this status): no post can
    /// succeed until an operator replaces it.
    TokenRejected(String),
    /// Any other refusal: this post will never succeed as it is.
    Rejected(String),
}

/// A REST client for channel messages.
#[derive(Clone)]
pub struct DiscordPoster {
    http: reqwest::Client,
    base: String,
    token: Secret,
}

impl DiscordPoster {
    /// `base` is `https://discord.com` or a proxy/fake (`DISCORD_API_BASE`).
    pub fn new(base: Option<&str>, token: Secret) -> Result<Self, reqwest::Error> {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(20))
            .user_agent(format!(
                "DiscordBot ({}, {})",
                env!("CARGO_PKG_REPOSITORY"),
                env!("CARGO_PKG_VERSION")
            ))
            .build()?;
        Ok(DiscordPoster {
            http,
            base: base
                .unwrap_or(DEFAULT_API_BASE)
                .trim_end_matches('/')
                .to_string(),
            token,
        })
    }

    /// Asks Discord whose token this is (`GET /users/@me`): a 401 or 403 is
    /// [`DigestError::TokenRejected`]. Any other failure (no answer, a 5xx) is
    /// only logged: the sender retries its posts anyway.
    pub async fn check_token(&self) -> Result<(), DigestError> {
        let url = format!("{}/api/v10/users/@me", self.base);
        let answer = self
            .http
            .get(&url)
            .header("Authorization", format!("Bot {}", self.token.expose()))
            .send()
            .await;
        match answer {
            Ok(r) if matches!(r.status().as_u16(), 401 | 403) => {
                Err(DigestError::TokenRejected(r.status().to_string()))
            }
            Ok(r) if !r.status().is_success() => {
                tracing::warn!(status = %r.status(), "cannot check DISCORD_TOKEN; posting anyway");
                Ok(())
            }
            Ok(_) => Ok(()),
            Err(e) => {
                tracing::warn!(error = %e, "cannot reach Discord to check DISCORD_TOKEN; posting anyway");
                Ok(())
            }
        }
    }

    /// POSTs `payload` (a JSON message body) to `channel` (or a thread), with
    /// `file` (a PNG) attached when there is one.
    pub async fn post(&self, channel: u64, payload: &str, file: Option<&[u8]>) -> PostOutcome {
        let url = format!("{}/api/v10/channels/{channel}/messages", self.base);
        self.send(channel, &url, payload, file).await
    }

    /// Starts a post in the forum `forum` with `payload` (its title and first
    /// message) and `file`; the outcome's id is the new post's (a thread's).
    pub async fn start_forum_post(
        &self,
        forum: u64,
        payload: &str,
        file: Option<&[u8]>,
    ) -> PostOutcome {
        let url = format!("{}/api/v10/channels/{forum}/threads", self.base);
        self.send(forum, &url, payload, file).await
    }

    /// The id of an active post of `forum` titled `name`, if there is one: how a
    /// retry learns that an earlier attempt created the post though its answer
    /// was lost (Discord takes no nonce for a new post). An error is said as text.
    pub async fn find_forum_post(
        &self,
        guild: u64,
        forum: u64,
        name: &str,
    ) -> Result<Option<String>, String> {
        let url = format!("{}/api/v10/guilds/{guild}/threads/active", self.base);
        let answer = self
            .http
            .get(&url)
            .header("Authorization", format!("Bot {}", self.token.expose()))
            .send()
            .await
            .map_err(|e| format!("no answer from Discord: {e}"))?;
        if !answer.status().is_success() {
            return Err(format!(
                "Discord answered {} to the thread list",
                answer.status()
            ));
        }
        let body: Value = answer
            .json()
            .await
            .map_err(|e| format!("the thread list does not parse: {e}"))?;
        let forum = forum.to_string();
        Ok(body["threads"].as_array().and_then(|threads| {
            threads
                .iter()
                .find(|t| {
                    t["parent_id"].as_str() == Some(&forum) && t["name"].as_str() == Some(name)
                })
                .and_then(|t| t["id"].as_str().map(str::to_string))
        }))
    }

    async fn send(
        &self,
        channel: u64,
        url: &str,
        payload: &str,
        file: Option<&[u8]>,
    ) -> PostOutcome {
        let (content_type, body) = match file {
            None => ("application/json".to_string(), payload.as_bytes().to_vec()),
            Some(png) => {
                let (boundary, body) = multipart(payload, png);
                (format!("multipart/form-data; boundary={boundary}"), body)
            }
        };
        let answer = self
            .http
            .post(url)
            .header("Authorization", format!("Bot {}", self.token.expose()))
            .header("Content-Type", content_type)
            .body(body)
            .send()
            .await;
        let resp = match answer {
            Ok(r) => r,
            Err(e) => return PostOutcome::Transient(format!("no answer from Discord: {e}")),
        };
        let status = resp.status();
        let header_wait = resp
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<f64>().ok());
        let body: Value = resp.json().await.unwrap_or(Value::Null);
        classify(channel, status, header_wait, &body)
    }
}

/// The name the attached picture has in Discord (the payload's `attachments`
/// names it too).
pub const ATTACHMENT_NAME: &str = "timeline.png";

/// A body with a file, as Discord takes one: the JSON as `payload_json` and the
/// PNG as `files[0]` (multipart/form-data, RFC 7578), and its boundary: one
/// that occurs in neither part.
pub fn multipart(payload: &str, png: &[u8]) -> (String, Vec<u8>) {
    let mut n = 0u32;
    let boundary = loop {
        let b = format!("readout-part-{n:08x}-boundary");
        let inside = |hay: &[u8]| hay.windows(b.len()).any(|w| w == b.as_bytes());
        if !inside(payload.as_bytes()) && !inside(png) {
            break b;
        }
        n += 1;
    };
    let mut body = Vec::with_capacity(payload.len() + png.len() + 400);
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n\
             Content-Type: application/json\r\n\r\n{payload}\r\n--{boundary}\r\n\
             Content-Disposition: form-data; name=\"files[0]\"; filename=\"{ATTACHMENT_NAME}\"\r\n\
             Content-Type: image/png\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(png);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (boundary, body)
}

/// Sorts an answer (see [`PostOutcome`]).
pub fn classify(
    channel: u64,
    status: StatusCode,
    header_wait: Option<f64>,
    body: &Value,
) -> PostOutcome {
    let code = body["code"].as_u64();
    let message = body["message"].as_str().unwrap_or("").to_string();
    if status.is_success() {
        return PostOutcome::Sent {
            message_id: body["id"].as_str().map(str::to_string),
        };
    }
    if status == StatusCode::TOO_MANY_REQUESTS {
        let secs = body["retry_after"]
            .as_f64()
            .or(header_wait)
            .unwrap_or(1.0)
            .clamp(0.0, 3600.0);
        return PostOutcome::RateLimited {
            retry_after: Duration::from_secs_f64(secs),
        };
    }
    if status.is_server_error() {
        return PostOutcome::Transient(format!("Discord answered {status}"));
    }
    if status == StatusCode::UNAUTHORIZED {
        return PostOutcome::TokenRejected(status.to_string());
    }
    match (status, code) {
        (_, Some(50001)) => PostOutcome::ChannelRefused(format!(
            "the bot cannot see <#{channel}> (Missing Access): give it View Channel and Send Messages there"
        )),
        (_, Some(50013)) => PostOutcome::ChannelRefused(format!(
            "the bot lacks permissions in <#{channel}>: it needs Send Messages and Embed Links"
        )),
        (_, Some(10003)) | (StatusCode::NOT_FOUND, _) => PostOutcome::ChannelRefused(format!(
            "channel <#{channel}> no longer exists (Unknown Channel)"
        )),
        (StatusCode::FORBIDDEN, _) => PostOutcome::ChannelRefused(format!(
            "Discord refused posting to <#{channel}> (403 Forbidden)"
        )),
        _ => PostOutcome::Rejected(format!(
            "Discord refused the post: {status} code {} {message}",
            code.map_or("-".to_string(), |c| c.to_string())
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The body Discord takes with a file: the JSON as `payload_json`, the PNG
    /// byte for byte as `files[0]`, and a boundary found in neither.
    #[test]
    fn a_file_goes_as_multipart_with_a_boundary_in_neither_part() {
        let png: Vec<u8> = (0..=255u8).cycle().take(700).collect();
        let payload = r#"{"content":"readout-part-00000000-boundary"}"#;
        let (boundary, body) = multipart(payload, &png);
        assert_ne!(
            boundary, "readout-part-00000000-boundary",
            "the text holds that one"
        );
        let text = String::from_utf8_lossy(&body);
        assert!(text.starts_with(&format!("--{boundary}\r\n")));
        assert!(text.contains(&format!(
            "name=\"payload_json\"\r\nContent-Type: application/json\r\n\r\n{payload}\r\n"
        )));
        assert!(text.contains(&format!(
            "name=\"files[0]\"; filename=\"{ATTACHMENT_NAME}\""
        )));
        assert!(
            body.windows(png.len()).any(|w| w == png.as_slice()),
            "the PNG intact"
        );
        assert!(text.ends_with(&format!("\r\n--{boundary}--\r\n")));
        assert_eq!(text.matches(&format!("--{boundary}")).count(), 3);
    }

    #[test]
    fn answers_are_sorted() {
        let c =
            |s: u16, h: Option<f64>, b: Value| classify(1, StatusCode::from_u16(s).unwrap(), h, &b);
        assert_eq!(
            c(200, None, json!({"id": "5"})),
            PostOutcome::Sent {
                message_id: Some("5".into())
            }
        );
        assert_eq!(
            c(
                429,
                Some(9.0),
                json!({"retry_after": 0.25, "global": false})
            ),
            PostOutcome::RateLimited {
                retry_after: Duration::from_millis(250)
            }
        );
        assert_eq!(
            c(429, Some(2.0), Value::Null),
            PostOutcome::RateLimited {
                retry_after: Duration::from_secs(2)
            }
        );
        assert!(matches!(
            c(502, None, Value::Null),
            PostOutcome::Transient(_)
        ));
        for (s, code) in [(403, 50001), (403, 50013), (404, 10003)] {
            assert!(matches!(
                c(s, None, json!({"code": code, "message": "x"})),
                PostOutcome::ChannelRefused(_)
            ));
        }
        assert!(matches!(
            c(
                400,
                None,
                json!({"code": 50035, "message": "Invalid Form Body"})
            ),
            PostOutcome::Rejected(_)
        ));
        assert_eq!(
            c(
                401,
                None,
                json!({"code": 0, "message": "401: Unauthorized"})
            ),
            PostOutcome::TokenRejected("401 Unauthorized".into())
        );
    }
}
