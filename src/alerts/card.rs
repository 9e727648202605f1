//! An alert's card: one message per batch, an embed listing each event (what
//! happened, when, who, and a link to the report), and the role ping when the
//! alert has one. The text comes from feeds, so every piece is escaped and
//! `allowed_mentions` names the alert's role alone.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::events::{Event, EventKind};
#[cfg(test)]
use crate::digest::outbox::NONCE_LEN;
use crate::digest::outbox::{forum_post_body, hashed_nonce, message_body};
use crate::model::TopicName;
use crate::render::discord::{COLOR, Embed, bounded_list, escape, limits, masked_link, truncate};
use crate::store::alert::AlertSpec;
use crate::store::digest::{AlertId, Delivery};

/// The nonce of one batch: `ra` and a hash of the alert and the events' keys, so
/// a batch rebuilt from the same state has the same nonce.
pub fn nonce(alert: AlertId, events: &[Event]) -> String {
    let mut keys: Vec<&str> = events.iter().map(|e| e.key.as_str()).collect();
    keys.sort_unstable();
    hashed_nonce(
        "ra",
        &format!("readout-alert:{}:{}", alert.0, keys.join("\n")),
    )
}

fn line(e: &Event) -> String {
    let day = e
        .day
        .map(|d| format!(" · {}", d.format("%-d %b %Y")))
        .unwrap_or_default();
    let due = if e.kind == EventKind::Overdue {
        " (due)"
    } else {
        ""
    };
    format!(
        "**{}**{day}{due} · {} · {}",
        e.kind.label(),
        escape(&truncate(&e.what, 300)),
        masked_link(&truncate(&e.source.outlet, 80), &e.source.url)
    )
}

/// The card's embed.
pub fn embed(topic: &TopicName, events: &[Event], now: DateTime<Utc>) -> Embed {
    let lines: Vec<String> = events.iter().map(line).collect();
    let n = events.len();
    Embed {
        title: truncate(
            &format!(
                "{}: {n} new development{}",
                topic.as_str(),
                if n == 1 { "" } else { "s" }
            ),
            limits::TITLE,
        ),
        description: Some(bounded_list(&lines, n, limits::DESCRIPTION)),
        footer: Some(format!(
            "Readout alert · /status {} for the brief",
            topic.as_str()
        )),
        timestamp: Some(now),
        color: Some(COLOR),
        ..Default::default()
    }
}

/// A card as the outbox keeps it: its nonce, and the body of a message, or of a
/// forum post titled with the topic and the minute (a retry finds the post by
/// it; see the digests' sender).
pub fn body(
    alert: AlertId,
    spec: &AlertSpec,
    events: &[Event],
    now: DateTime<Utc>,
) -> (String, Value) {
    let nonce = nonce(alert, events);
    let embeds = [embed(&spec.topic, events, now)];
    let body = match spec.delivery {
        Delivery::Message => message_body("", &embeds, &nonce, spec.ping),
        Delivery::ForumPost => {
            let title = format!(
                "{} — {} UTC",
                spec.topic.as_str(),
                now.format("%-d %b %Y %H:%M")
            );
            forum_post_body(&title, "", &embeds, spec.ping)
        }
    };
    (nonce, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::developments::ArticleRef;
    use crate::model::ArticleId;

    fn event(key: &str, what: &str) -> Event {
        Event {
            kind: EventKind::Held,
            key: key.into(),
            what: what.into(),
            day: chrono::NaiveDate::from_ymd_opt(2024, 7, 2),
            source: ArticleRef {
                id: ArticleId(1),
                url: "https://news.example/a(1)".into(),
                outlet: "Example".into(),
                title: "t".into(),
                published: chrono::DateTime::from_timestamp(1_720_000_000, 0).unwrap(),
            },
            reported: chrono::DateTime::from_timestamp(1_720_000_000, 0).unwrap(),
        }
    }

    #[test]
    fn a_card_escapes_feed_text_links_its_source_and_names_no_one_but_its_role() {
        let mut spec = AlertSpec {
            topic: TopicName::parse("north sea").unwrap(),
            scope: crate::store::alert::AlertScope::All,
            channel: 1,
            delivery: Delivery::Message,
            ping: None,
        };
        let e = [event("held|a|x", "@everyone *met* <@&9>")];
        let now = e[0].reported;
        let (nonce, body) = body(AlertId(3), &spec, &e, now);
        let text = body["embeds"][0]["description"].as_str().unwrap();
        assert!(text.starts_with("**Met** · 2 Jul 2024 · "), "{text}");
        assert!(text.contains("\\*met\\*"), "{text}");
        assert!(
            text.contains("[Example](https://news.example/a%281%29)"),
            "{text}"
        );
        assert_eq!(body["allowed_mentions"], serde_json::json!({"parse": []}));
        assert_eq!(body["embeds"][0]["title"], "north sea: 1 new development");
        assert_eq!(nonce.chars().count(), NONCE_LEN);
        // The same batch rebuilt has the same nonce; another batch does not.
        let swapped = [event("held|b|y", "x"), event("held|a|x", "y")];
        let again = [event("held|a|x", "y"), event("held|b|y", "x")];
        assert_eq!(
            super::nonce(AlertId(3), &swapped),
            super::nonce(AlertId(3), &again)
        );
        assert_ne!(super::nonce(AlertId(3), &e), super::nonce(AlertId(4), &e));
        // In a forum: a post titled with the topic and the minute.
        spec.delivery = Delivery::ForumPost;
        let (_, post) = super::body(AlertId(3), &spec, &e, now);
        assert_eq!(post["name"], "north sea — 3 Jul 2024 09:46 UTC");
        assert_eq!(
            post["message"]["allowed_mentions"],
            serde_json::json!({"parse": []})
        );
    }
}
