//! The command logic without Discord: plain calls with a temporary store, a fixed
//! clock and a detached `Progress` that records whether the command deferred.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use serenity::all::Permissions;

use super::reply::Progress;
use super::*;
use crate::clock::FixedClock;
use crate::config::FetchConfig;
use crate::render::discord::Section;
use crate::store::guild::GuildId;
use crate::store::sqlite::SqliteStore;

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2022-01-24T12:00:00Z")
        .unwrap()
        .to_utc()
}

async fn data() -> (tempfile::TempDir, Data) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    let store = Arc::new(SqliteStore::open(&url).await.unwrap());
    let data = Data {
        store,
        fetcher: crate::feeds::fetch::Fetcher::new(FetchConfig::default()).unwrap(),
        clock: Arc::new(FixedClock::new(now())),
        digest_catchup: chrono::Duration::hours(48),
    };
    (dir, data)
}

fn caller(permissions: Permissions) -> Caller {
    Caller {
        guild: GuildId(1),
        channel: 2,
        user: 3,
        permissions,
        roles: vec![],
    }
}

#[tokio::test]
async fn status_validates_before_deferring_and_defers_before_reading() {
    let (_d, data) = data().await;
    let member = caller(Permissions::SEND_MESSAGES);

    let p = Progress::detached();
    let e = status::answer_status(&data, &member, &p, "x\u{0}", None, false)
        .await
        .unwrap_err();
    assert!(matches!(e, CommandError::Invalid(_)));
    assert!(!p.is_deferred(), "input errors are answered at once");

    let p = Progress::detached();
    let e = status::answer_status(&data, &member, &p, "ukraine", Some("soon"), false)
        .await
        .unwrap_err();
    assert!(e.user_message().contains("12h"));
    assert!(!p.is_deferred());

    // A built-in topic with nothing in the store: an empty brief, not an error.
    let p = Progress::detached();
    let r = status::answer_status(&data, &member, &p, "Ukraine", None, false)
        .await
        .unwrap();
    assert!(p.is_deferred());
    assert!(!r.ephemeral);
    assert!(
        r.embeds[0]
            .description
            .as_deref()
            .unwrap()
            .contains("Nothing found")
    );

    // A word nobody defined and nothing mentions: unknown.
    let p = Progress::detached();
    let e = section_error(&data, &member, &p, "qqzx").await;
    assert!(matches!(e, CommandError::UnknownTopic(_)));
}

async fn section_error(data: &Data, c: &Caller, p: &Progress<'_>, s: &str) -> CommandError {
    status::answer_section(data, c, p, s, Section::Said)
        .await
        .unwrap_err()
}

#[tokio::test]
async fn moderator_commands_refuse_members_without_touching_the_store() {
    let (_d, data) = data().await;
    let member = caller(Permissions::SEND_MESSAGES);
    let p = Progress::detached();
    let e = feeds::add(&data, &member, &p, "https://example.org/rss", None)
        .await
        .unwrap_err();
    assert!(matches!(e, CommandError::NotModerator));
    assert!(!p.is_deferred());
    assert!(data.store.feeds().await.unwrap().is_empty());
    assert!(matches!(
        topic::add(&data, &member, "sahel", "Mali").await,
        Err(CommandError::NotModerator)
    ));
    assert!(matches!(
        digest::set(&data, &member, 5, "08:00", "UTC", None).await,
        Err(CommandError::NotModerator)
    ));
    assert!(matches!(
        config::show(&data, &member).await,
        Err(CommandError::NotModerator)
    ));

    // The moderator role counts, but cannot hand itself on.
    data.store
        .set_moderator_role(GuildId(1), Some(99), now())
        .await
        .unwrap();
    let with_role = Caller {
        roles: vec![99],
        ..member
    };
    assert!(
        topic::add(&data, &with_role, "sahel", "Mali, Niger")
            .await
            .is_ok()
    );
    assert!(matches!(
        config::moderator_role(&data, &with_role, None).await,
        Err(CommandError::NotModerator)
    ));
}

#[tokio::test]
async fn moderators_get_ephemeral_replies_and_clear_errors() {
    let (_d, data) = data().await;
    let m = caller(Permissions::MANAGE_GUILD);
    let p = Progress::detached();
    let e = feeds::add(&data, &m, &p, "ftp://example.org/x", None)
        .await
        .unwrap_err();
    assert!(e.user_message().contains("http(s)"));
    // The guard refuses private addresses (after deferring: it is a fetch).
    let p = Progress::detached();
    let e = feeds::add(&data, &m, &p, "http://10.0.0.1/rss", None)
        .await
        .unwrap_err();
    assert!(e.user_message().contains("not allowed"), "{e}");
    assert!(data.store.feeds().await.unwrap().is_empty());

    let r = topic::add(&data, &m, "Sahel", "Mali, Niger").await.unwrap();
    assert!(r.ephemeral);
    let r = topic::aliases(&data, &m, "sahel", None).await.unwrap();
    assert!(r.content.unwrap().contains("Niger"));
    let r = digest::set(&data, &m, 5, "07:15", "America/New_York", Some("sahel"))
        .await
        .unwrap();
    assert!(r.ephemeral && r.content.unwrap().contains("07:15"));
    assert!(digest::list(&data, &m).await.unwrap().ephemeral);
    assert!(matches!(
        digest::off(&data, &m, Some(6)).await,
        Err(CommandError::NotFound(_))
    ));
    assert!(digest::off(&data, &m, None).await.is_ok());
    let r = config::show(&data, &m).await.unwrap();
    assert!(r.ephemeral);
}

#[tokio::test]
async fn topic_choices_are_capped_and_scoped() {
    let (_d, data) = data().await;
    for i in 0..30 {
        data.store
            .upsert_topic(
                crate::store::Scope::Guild(1),
                &crate::store::Topic {
                    name: crate::model::TopicName::parse(&format!("t{i:02}")).unwrap(),
                    aliases: vec![],
                },
            )
            .await
            .unwrap();
    }
    let all = status::topic_choices(&data, Some(GuildId(1)), "")
        .await
        .unwrap();
    assert_eq!(all.len(), 25);
    let other = status::topic_choices(&data, Some(GuildId(2)), "t0")
        .await
        .unwrap();
    assert!(!other.iter().any(|n| n.starts_with("t0")));
    let long = status::topic_choices(&data, None, &"ü".repeat(10_000))
        .await
        .unwrap();
    assert!(long.is_empty());
}

#[tokio::test]
async fn digest_preview_renders_the_configured_topics_within_limits() {
    let (_d, data) = data().await;
    let m = caller(Permissions::MANAGE_GUILD);
    let p = Progress::detached();
    assert!(matches!(
        digest::preview(&data, &m, &p, None).await,
        Err(CommandError::NotFound(_))
    ));
    assert!(!p.is_deferred());
    digest::set(
        &data,
        &m,
        5,
        "08:00",
        "Europe/Paris",
        Some("ukraine, iran, gaza"),
    )
    .await
    .unwrap();
    let p = Progress::detached();
    let r = digest::preview(&data, &m, &p, Some(5)).await.unwrap();
    assert!(p.is_deferred() && r.ephemeral);
    // Exactly what would be posted: nothing is new, so one "Nothing new" embed,
    // after a line saying this is a preview.
    assert_eq!(r.embeds.len(), 1);
    assert!(r.content.unwrap().starts_with("-# Preview"));
    assert!(crate::render::discord::limit_violations(None, &r.embeds).is_empty());
}

#[tokio::test]
async fn feeds_are_found_again_by_the_url_as_typed() {
    let (_d, data) = data().await;
    let m = caller(Permissions::MANAGE_GUILD);
    let f = data
        .store
        .add_feed("https://example.org/", now())
        .await
        .unwrap();
    data.store
        .follow_feed(GuildId(1), f.id, None, None, now())
        .await
        .unwrap();
    data.store
        .record_failure(
            f.id,
            now(),
            "HTTP status 500",
            now(),
            Some("failing for 3 days"),
        )
        .await
        .unwrap();
    let listed = format!("{:?}", feeds::list(&data, &m).await.unwrap());
    assert!(listed.contains("Paused") && listed.contains("failing for 3 days"));
    assert!(feeds::retry(&data, &m, "https://example.org").await.is_ok());
    let after = data.store.guild_feeds(GuildId(1)).await.unwrap();
    assert_eq!(after[0].feed.paused_reason, None);
    assert!(feeds::list(&data, &m).await.unwrap().ephemeral);
    assert!(
        feeds::remove(&data, &m, " https://example.org ")
            .await
            .is_ok()
    );
    assert!(matches!(
        feeds::remove(&data, &m, "https://example.org").await,
        Err(CommandError::NotFound(_))
    ));
}

#[tokio::test]
async fn status_tells_the_member_why_since_was_refused() {
    let (_d, data) = data().await;
    let member = caller(Permissions::SEND_MESSAGES);
    for (since, why) in [
        (
            "2024-02-30",
            "`since` \"2024-02-30\" is not a date (YYYY-MM-DD).",
        ),
        ("7x", "`since` \"7x\": the unit must be m, h, d or w."),
    ] {
        let p = Progress::detached();
        let e = status::answer_status(&data, &member, &p, "ukraine", Some(since), false)
            .await
            .unwrap_err();
        assert_eq!(e.user_message(), why);
        assert!(!p.is_deferred());
    }
}
