//! The SQLite store's own tests of the per-server and digest tables (the
//! conformance suite in `tests/it/store_conformance.rs` runs both backends).

use chrono::{DateTime, Duration, NaiveTime, Utc};

use super::SqliteStore;
use crate::store::ContentStore;
use crate::store::digest::{Cadence, DigestRun, DigestSpec, DigestStore, NewPost, PostStatus};
use crate::store::guild::{GuildId, GuildStore};

async fn store() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("t.db").display());
    (dir, SqliteStore::open(&url).await.unwrap())
}

#[tokio::test]
async fn servers_see_only_their_own_feeds_and_settings() {
    let (_d, s) = store().await;
    let now = Utc::now();
    let (a, b) = (GuildId(1), GuildId(2));
    let f = s.add_feed("https://example.org/rss", now).await.unwrap();
    assert!(s.follow_feed(b, f.id, None, Some(7), now).await.unwrap());
    assert!(!s.follow_feed(b, f.id, None, Some(7), now).await.unwrap());
    assert!(s.guild_feeds(a).await.unwrap().is_empty());
    assert!(!s.unfollow_feed(a, "https://example.org/rss").await.unwrap());
    assert_eq!(s.guild_feeds(b).await.unwrap().len(), 1);

    s.set_moderator_role(b, Some(42), now).await.unwrap();
    assert_eq!(s.guild_settings(a).await.unwrap().moderator_role, None);
    assert_eq!(s.guild_settings(b).await.unwrap().moderator_role, Some(42));

    assert_eq!(s.remove_digests(a, None).await.unwrap(), 0);
    assert!(s.unfollow_feed(b, "https://example.org/rss").await.unwrap());
}

fn t0() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2024-07-01T08:00:00Z")
        .unwrap()
        .to_utc()
}

#[tokio::test]
async fn a_run_is_taken_once_and_a_claimed_post_is_not_claimed_again() {
    let (_d, s) = store().await;
    let spec = DigestSpec {
        channel: 9,
        delivery: crate::store::digest::Delivery::Message,
        ping: None,
        cadence: Cadence::Weekly {
            weekday: chrono::Weekday::Tue,
            time: NaiveTime::from_hms_opt(8, 0, 0).unwrap(),
        },
        timezone: chrono_tz::UTC,
        topics: vec![],
        skip_empty: true,
        timeline: true,
    };
    let id = s.save_digest(GuildId(1), &spec, t0(), t0()).await.unwrap();
    let due = s.due_digests(t0(), 10).await.unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].spec, spec);
    let run = DigestRun {
        digest: id,
        guild: GuildId(1),
        channel: 9,
        expected_next_run: Some(t0()),
        run_at: t0(),
        next_run_at: t0() + Duration::days(7),
        covers_from: t0() - Duration::days(7),
        covers_until: t0(),
        post: Some(NewPost {
            delivery: crate::store::digest::Delivery::Message,
            nonce: "n1".into(),
            payload: "{}".into(),
            attachment: Some(b"\x89PNG picture".to_vec()),
        }),
    };
    assert!(s.commit_run(&run, t0()).await.unwrap());
    assert!(!s.commit_run(&run, t0()).await.unwrap(), "the guard holds");
    assert_eq!(s.outbox(Some(id)).await.unwrap().len(), 1);
    assert!(s.due_digests(t0(), 10).await.unwrap().is_empty());

    let lease = t0() + Duration::minutes(2);
    let claimed = s.claim_outbox(t0(), lease, 10).await.unwrap();
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].attempts, 1);
    // The picture drawn at build time is the one sent, byte for byte.
    assert_eq!(
        claimed[0].attachment.as_deref(),
        Some(&b"\x89PNG picture"[..])
    );
    assert!(s.claim_outbox(t0(), lease, 10).await.unwrap().is_empty());
    // The lease runs out: another sender may take it.
    assert_eq!(s.claim_outbox(lease, lease, 10).await.unwrap().len(), 1);

    s.fail_post(claimed[0].id, "gone", Some("channel gone"), t0())
        .await
        .unwrap();
    let d = &s.digest_schedules(GuildId(1)).await.unwrap()[0];
    assert_eq!(d.paused_reason.as_deref(), Some("channel gone"));
    assert_eq!(d.covered_until, Some(t0() - Duration::days(7)));
    assert!(
        s.due_digests(t0() + Duration::days(30), 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(s.outbox(None).await.unwrap()[0].status, PostStatus::Failed);

    // Queued posts of a digest turned off are dropped, not sent.
    let run = DigestRun {
        digest: id,
        run_at: t0() + Duration::days(1),
        expected_next_run: Some(t0() + Duration::days(7)),
        post: Some(NewPost {
            delivery: crate::store::digest::Delivery::Message,
            nonce: "n2".into(),
            payload: "{}".into(),
            attachment: None,
        }),
        ..run
    };
    s.save_digest(GuildId(1), &spec, t0() + Duration::days(7), t0())
        .await
        .unwrap();
    assert!(s.commit_run(&run, t0()).await.unwrap());
    assert_eq!(s.remove_digests(GuildId(1), None).await.unwrap(), 1);
    assert!(s.claim_outbox(lease, lease, 10).await.unwrap().is_empty());
    let last = s.outbox(None).await.unwrap().pop().unwrap();
    assert_eq!(last.status, PostStatus::Failed);
    assert_eq!(last.last_error.as_deref(), Some("digest turned off"));
}
