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
                delivery: readout::store::digest::Delivery::Message,
                ping: None,
                cadence: Cadence::Daily {
                    time: NaiveTime::from_hms_opt(8, 0, 0).expect("time"),
                },
                timezone: chrono_tz::UTC,
                topics: vec![],
                skip_empty: false,
                timeline: false,
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
