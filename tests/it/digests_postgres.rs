//! Several processes on one PostgreSQL store: two `readout digests --once`
//! processes started together schedule and deliver 200 due digests; the fake
//! Discord must receive each exactly once (no digest missing, none posted twice,
//! not even as a repeated nonce).
//!
//! Needs `TEST_DATABASE_URL` (a server where the test may create a database, e.g.
//! `postgres://postgres@127.0.0.1:5432/postgres`); skipped with a notice when it
//! is unset. A fresh database is created per run and dropped afterwards.

use std::collections::HashSet;
use std::time::Duration;

use chrono::NaiveTime;

use crate::support::fake_discord::FakeDiscord;
use crate::support::{at, db, process};
use readout::store::digest::{Cadence, DigestSpec, PostStatus};
use readout::store::guild::GuildId;

const DIGESTS: u64 = 200;
const GUILD: u64 = 800_000_000_000_000_001;
const FIRST_CHANNEL: u64 = 710_000_000_000_000_000;

/// A new empty database on the test server ([`db`]), dropped with
/// its guard.
struct FreshDb {
    url: String,
    _guard: db::DropDatabase,
}

impl FreshDb {
    async fn create() -> Option<FreshDb> {
        let (url, guard) = db::empty_postgres().await?;
        Some(FreshDb { url, _guard: guard })
    }
}

fn sender_process(db: &FreshDb, fake: &FakeDiscord, now: &str) -> tokio::process::Command {
    let mut cmd = process::async_command(&["digests", "--once"]);
    cmd.env("DATABASE_URL", &db.url)
        .env("DISCORD_TOKEN", "fake-token")
        .env("DISCORD_API_BASE", &fake.base)
        .env("READOUT_NOW", now)
        .env("READOUT_LOG", "warn")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    cmd
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_processes_deliver_200_due_digests_each_exactly_once() {
    let Some(db) = FreshDb::create().await else {
        return;
    };
    tokio::time::timeout(Duration::from_secs(50), async {
        let store = match crate::support::db::open(&db.url).await {
            Ok(s) => s,
            // Before the PostgreSQL store is merged, `open` knows only SQLite.
            Err(readout::store::StoreError::Unsupported(_)) => {
                eprintln!("note: this build has no PostgreSQL store; skipping");
                return;
            }
            Err(e) => panic!("open PostgreSQL: {e}"),
        };
        let t0 = at("2024-07-01T07:00:00Z");
        for i in 0..DIGESTS {
            let spec = DigestSpec {
                channel: FIRST_CHANNEL + i,
                cadence: Cadence::Daily {
                    time: NaiveTime::from_hms_opt(8, 0, 0).expect("time"),
                },
                timezone: chrono_tz::UTC,
                topics: vec![],
                skip_empty: false,
            };
            store
                .save_digest(GuildId(GUILD), &spec, at("2024-07-01T08:00:00Z"), t0)
                .await
                .expect("save digest");
        }
        let fake = FakeDiscord::start(vec![GUILD]).await;
        // Each post takes a moment, so the two senders overlap.
        fake.set_post_delay(Duration::from_millis(5));

        let now = "2024-07-01T08:00:30Z";
        let a = sender_process(&db, &fake, now).spawn().expect("spawn a");
        let b = sender_process(&db, &fake, now).spawn().expect("spawn b");
        let (a, b) = tokio::join!(a.wait_with_output(), b.wait_with_output());
        let mut summaries = Vec::new();
        for out in [a.expect("process a"), b.expect("process b")] {
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            summaries.push(String::from_utf8_lossy(&out.stdout).trim().to_string());
        }
        eprintln!("senders: {summaries:#?}");

        let created = fake.created(None);
        let posts = fake.channel_posts();
        let nonces: HashSet<String> = posts
            .iter()
            .filter_map(|p| p.body["nonce"].as_str().map(str::to_string))
            .collect();
        let channels: HashSet<String> = posts.iter().map(|p| p.path.clone()).collect();
        assert_eq!(created.len() as u64, DIGESTS, "every digest created once");
        assert_eq!(
            posts.len() as u64,
            DIGESTS,
            "no post was even attempted twice"
        );
        assert_eq!(nonces.len() as u64, DIGESTS);
        assert_eq!(channels.len() as u64, DIGESTS, "one post per channel");

        let outbox = store.outbox(None).await.expect("outbox");
        assert_eq!(outbox.len() as u64, DIGESTS, "one outbox row per digest");
        assert!(outbox.iter().all(|p| p.status == PostStatus::Sent));
        let schedules = store
            .digest_schedules(GuildId(GUILD))
            .await
            .expect("schedules");
        assert!(
            schedules
                .iter()
                .all(|d| d.next_run_at == Some(at("2024-07-02T08:00:00Z")))
        );

        // A third process finds nothing to do.
        let out = sender_process(&db, &fake, now)
            .output()
            .await
            .expect("third run");
        assert!(out.status.success());
        assert_eq!(fake.channel_posts().len() as u64, DIGESTS);
    })
    .await
    .expect("test exceeded its time limit");
}

/// The `DigestStore` contract, run on SQLite and (when available) PostgreSQL:
/// the guarded advance, leases, pausing with the window handed back, and posts of
/// a removed digest dropped.
async fn digest_store_contract(store: &dyn readout::store::Store) {
    use chrono::Duration as D;
    use readout::store::digest::{DigestRun, NewPost};
    let t0 = at("2024-07-01T08:00:00Z");
    let spec = DigestSpec {
        channel: 9,
        cadence: Cadence::Weekly {
            weekday: chrono::Weekday::Tue,
            time: NaiveTime::from_hms_opt(8, 0, 0).expect("time"),
        },
        timezone: chrono_tz::Europe::Paris,
        topics: vec![readout::model::TopicName::parse("ukraine").expect("topic")],
        skip_empty: true,
    };
    let id = store
        .save_digest(GuildId(1), &spec, t0, t0)
        .await
        .expect("save");
    let due = store.due_digests(t0, 10).await.expect("due");
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].spec, spec, "the spec round-trips");
    assert!(
        store
            .due_digests(t0 - D::seconds(1), 10)
            .await
            .expect("due")
            .is_empty()
    );
    let run = DigestRun {
        digest: id,
        guild: GuildId(1),
        channel: 9,
        expected_next_run: Some(t0),
        run_at: t0,
        next_run_at: t0 + D::days(7),
        covers_from: t0 - D::days(7),
        covers_until: t0,
        post: Some(NewPost {
            nonce: "contract-1".into(),
            payload: "{\"content\":\"x\"}".into(),
        }),
    };
    assert!(store.commit_run(&run, t0).await.expect("commit"));
    assert!(
        !store.commit_run(&run, t0).await.expect("commit"),
        "the guard holds"
    );
    let lease = t0 + D::minutes(2);
    let claimed = store.claim_outbox(t0, lease, 10).await.expect("claim");
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].payload, "{\"content\":\"x\"}");
    assert_eq!(claimed[0].attempts, 1);
    assert!(
        store
            .claim_outbox(t0, lease, 10)
            .await
            .expect("claim")
            .is_empty()
    );
    store
        .retry_later(claimed[0].id, t0 + D::seconds(5), "500")
        .await
        .expect("retry later");
    assert!(
        store
            .claim_outbox(t0, lease, 10)
            .await
            .expect("claim")
            .is_empty()
    );
    let again = store
        .claim_outbox(t0 + D::seconds(5), lease, 10)
        .await
        .expect("claim");
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].attempts, 2);
    store
        .fail_post(again[0].id, "403", Some("no access"), t0)
        .await
        .expect("fail");
    let d = &store.digest_schedules(GuildId(1)).await.expect("list")[0];
    assert_eq!(d.paused_reason.as_deref(), Some("no access"));
    assert_eq!(d.paused_at, Some(t0));
    assert_eq!(
        d.covered_until,
        Some(t0 - D::days(7)),
        "the window is handed back"
    );
    assert!(
        store
            .due_digests(t0 + D::days(30), 10)
            .await
            .expect("due")
            .is_empty()
    );

    // Setting it again resumes it; a removed digest's queued post is dropped.
    store
        .save_digest(GuildId(1), &spec, t0 + D::days(7), t0)
        .await
        .expect("save again");
    let resumed = &store.digest_schedules(GuildId(1)).await.expect("list")[0];
    assert_eq!(resumed.paused_reason, None);
    assert_eq!(resumed.id, id);
    let run = DigestRun {
        expected_next_run: Some(t0 + D::days(7)),
        run_at: t0 + D::days(7),
        next_run_at: t0 + D::days(14),
        post: Some(NewPost {
            nonce: "contract-2".into(),
            payload: "{}".into(),
        }),
        ..run
    };
    assert!(store.commit_run(&run, t0).await.expect("commit"));
    assert_eq!(
        store
            .remove_digests(GuildId(1), None)
            .await
            .expect("remove"),
        1
    );
    assert!(
        store
            .claim_outbox(lease, lease, 10)
            .await
            .expect("claim")
            .is_empty()
    );
    let outbox = store.outbox(Some(id)).await.expect("outbox");
    assert_eq!(outbox.len(), 2);
    assert_eq!(outbox[1].status, PostStatus::Failed);
    assert_eq!(outbox[1].last_error.as_deref(), Some("digest turned off"));
}

#[tokio::test]
async fn the_digest_store_contract_holds_on_sqlite_and_postgresql() {
    tokio::time::timeout(Duration::from_secs(30), async {
        let dir = tempfile::tempdir().expect("temp dir");
        let url = format!("sqlite://{}", dir.path().join("c.db").display());
        let sqlite = crate::support::db::open(&url).await.expect("open SQLite");
        digest_store_contract(sqlite.as_ref()).await;
        let Some(db) = FreshDb::create().await else {
            return;
        };
        match crate::support::db::open(&db.url).await {
            Ok(pg) => digest_store_contract(pg.as_ref()).await,
            Err(readout::store::StoreError::Unsupported(_)) => {
                eprintln!("note: this build has no PostgreSQL store; skipping its half");
            }
            Err(e) => panic!("open PostgreSQL: {e}"),
        }
    })
    .await
    .expect("test exceeded its time limit");
}
