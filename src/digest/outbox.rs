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
use crate::store::digest::DigestId;

/// Discord accepts nonces of at most 25 characters.
pub const NONCE_LEN: usize = 25;

/// The nonce of one run of one digest: `rd` and 23 hex digits of a hash of both,
/// so it is the same whoever builds it and differs between runs.
pub fn nonce(digest: DigestId, run_at: DateTime<Utc>) -> String {
    let hash = Sha256::digest(format!(
        "readout-digest:{}:{}",
        digest.0,
        run_at.timestamp()
    ));
    let mut n = String::from("rd");
    n.push_str(&hex::encode(hash)[..NONCE_LEN - 2]);
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

/// The message body: content and embeds, no mentions at all, and the nonce that
/// Discord must enforce.
pub fn message_body(content: &str, embeds: &[Embed], nonce: &str) -> Value {
    json!({
        "content": content,
        "embeds": embeds.iter().map(embed_json).collect::<Vec<_>>(),
        "allowed_mentions": { "parse": [] },
        "nonce": nonce,
        "enforce_nonce": true,
    })
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
        let body = message_body("x", &[], &a);
        assert_eq!(body["allowed_mentions"]["parse"], json!([]));
        assert_eq!(body["enforce_nonce"], json!(true));
    }
}
