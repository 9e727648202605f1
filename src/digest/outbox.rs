//! The outbox row's content: the exact JSON body to POST, and its nonce.
//!
//! The body is fixed when the digest is built, inside the same transaction that
//! advances the schedule, so a resend after a crash sends the same bytes with the
//! same nonce, and Discord (with `enforce_nonce`) answers it with the message it
//! already created instead of posting a second one.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Value, json};
use sha2::{Digest as _, Sha256};

use crate::render::discord::Embed;
use crate::store::digest::{DigestId, RoleId};

/// Discord accepts nonces of at most 25 characters.
pub const NONCE_LEN: usize = 25;

/// The nonce of one run of one digest: `rd` and 23 hex digits of a hash of both,
/// so it is the same whoever builds it and differs between runs.
pub fn nonce(digest: DigestId, run_at: DateTime<Utc>) -> String {
    hashed_nonce(
        "rd",
        &format!("readout-digest:{}:{}", digest.0, run_at.timestamp()),
    )
}

/// A nonce of any outbox post: a two-letter `prefix` naming its owner's kind and
/// 23 hex digits of a hash of `seed`, which names the post (the same post rebuilt
/// gets the same nonce).
pub fn hashed_nonce(prefix: &str, seed: &str) -> String {
    let mut n = String::from(prefix);
    n.push_str(&hex::encode(Sha256::digest(seed))[..NONCE_LEN - prefix.len()]);
    n
}

/// An embed as Discord's JSON.
pub fn embed_json(e: &Embed) -> Value {
    let mut v = json!({ "title": e.title });
    if let Some(u) = &e.url {
        v["url"] = json!(u);
    }
    if let Some(d) = &e.description {
        v["description"] = json!(d);
    }
    if let Some(c) = e.color {
        v["color"] = json!(c);
    }
    if let Some(f) = &e.footer {
        v["footer"] = json!({ "text": f });
    }
    if let Some(t) = e.timestamp {
        v["timestamp"] = json!(t.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    if !e.fields.is_empty() {
        v["fields"] = e
            .fields
            .iter()
            .map(|f| json!({ "name": f.name, "value": f.value, "inline": f.inline }))
            .collect();
    }
    v
}

/// Who a post may ping: nobody, or the digest's one role. Mentions are never
/// parsed from the text, so a name in an article ("@everyone", "<@&…>") stays
/// inert whatever the role.
pub fn allowed_mentions(ping: Option<RoleId>) -> Value {
    match ping {
        Some(r) => json!({ "parse": [], "roles": [r.0.to_string()] }),
        None => json!({ "parse": [] }),
    }
}

/// The content with the role's mention in front, when the digest pings one.
fn with_ping(content: &str, ping: Option<RoleId>) -> String {
    match ping {
        Some(r) => format!("<@&{}> {content}", r.0),
        None => content.to_string(),
    }
}

/// The message body: content and embeds, mentions limited to the digest's role,
/// and the nonce that Discord must enforce.
pub fn message_body(content: &str, embeds: &[Embed], nonce: &str, ping: Option<RoleId>) -> Value {
    json!({
        "content": with_ping(content, ping),
        "embeds": embeds.iter().map(embed_json).collect::<Vec<_>>(),
        "allowed_mentions": allowed_mentions(ping),
        "nonce": nonce,
        "enforce_nonce": true,
    })
}

/// Discord's longest thread (forum post) name.
pub const THREAD_NAME_LEN: usize = 100;

/// A forum post's body: its title and its first message. Discord takes no nonce
/// here; the sender finds a post it already made by this title instead (see
/// `sender`), so the title names the run: the topics and the local date.
pub fn forum_post_body(
    title: &str,
    content: &str,
    embeds: &[Embed],
    ping: Option<RoleId>,
) -> Value {
    json!({
        "name": crate::render::discord::truncate(title, THREAD_NAME_LEN),
        "message": {
            "content": with_ping(content, ping),
            "embeds": embeds.iter().map(embed_json).collect::<Vec<_>>(),
            "allowed_mentions": allowed_mentions(ping),
        },
    })
}

/// Names the picture sent with a body (`attachments`, in the message itself
/// or in a forum post's first message), with a description for screen readers.
pub fn with_attachment(mut body: Value, description: &str) -> Value {
    let named = json!([{
        "id": 0,
        "filename": super::discord::ATTACHMENT_NAME,
        "description": crate::render::discord::truncate(description, 1024),
    }]);
    match body.get_mut("message") {
        Some(message) => message["attachments"] = named,
        None => body["attachments"] = named,
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonces_fit_and_differ_per_run() {
        let t = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let a = nonce(DigestId(1), t);
        assert_eq!(a.chars().count(), NONCE_LEN);
        assert_eq!(a, nonce(DigestId(1), t));
        assert_ne!(a, nonce(DigestId(2), t));
        assert_ne!(a, nonce(DigestId(1), t + chrono::Duration::days(1)));
        let body = message_body("x", &[], &a, None);
        assert_eq!(body["allowed_mentions"], json!({"parse": []}));
        assert_eq!(body["enforce_nonce"], json!(true));
    }

    #[test]
    fn a_ping_names_its_one_role_and_parses_nothing_from_the_text() {
        let role = Some(RoleId(42));
        let body = message_body("News for @everyone <@&7>", &[], "n", role);
        assert_eq!(body["content"], json!("<@&42> News for @everyone <@&7>"));
        assert_eq!(
            body["allowed_mentions"],
            json!({"parse": [], "roles": ["42"]})
        );
        let long = "t".repeat(150);
        let post = forum_post_body(&long, "x", &[], None);
        assert_eq!(
            post["name"].as_str().unwrap().chars().count(),
            THREAD_NAME_LEN
        );
        assert_eq!(post["message"]["allowed_mentions"], json!({"parse": []}));
        assert!(post.get("nonce").is_none());
    }
}
