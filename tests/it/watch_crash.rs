//! Crash safety: `readout watch` is killed with SIGKILL in the middle of a round,
//! then restarted; the store must end with every item exactly once.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::feed_server::{FeedServer, Resource};
use crate::support::{process, rss};

const FEEDS: usize = 120;
const ITEMS: usize = 15;

fn feed(n: usize) -> String {
    // Long bodies, so no article page is fetched.
    let body = "The delegations met again and agreed to continue. ".repeat(20);
    rss::numbered_feed(n, ITEMS, &body)
}

fn watch_once(db: &std::path::Path) -> Command {
    let mut cmd = process::command(&["watch", "--once"]);
    cmd.env("DATABASE_URL", format!("sqlite://{}", db.display()))
        .env("READOUT_ALLOW_LOOPBACK", "true")
        .env("READOUT_FETCH_PER_HOST", "4")
        .env("READOUT_FEED_LEASE_SECS", "2")
        .env("READOUT_LOG", "error")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

async fn table_count(db: &std::path::Path, sql: &str) -> i64 {
    let store = readout::store::sqlite::SqliteStore::open(&format!("sqlite://{}", db.display()))
        .await
        .unwrap();
    sqlx::query_scalar(sql)
        .fetch_one(store.pool())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_watcher_killed_mid_round_loses_and_repeats_nothing() {
    let server = FeedServer::start().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.db");
    {
        let store =
            readout::store::sqlite::SqliteStore::open(&format!("sqlite://{}", db.display()))
                .await
                .unwrap();
        use readout::store::ContentStore;
        for n in 0..FEEDS {
            let name = format!("f{n}.xml");
            // Each answer takes a moment, so the round is long enough to be cut.
            server.put(
                &name,
                Resource {
                    delay: Some(Duration::from_millis(40)),
                    ..Resource::feed(feed(n))
                },
            );
            store
                .add_feed(&server.url(&name), chrono::Utc::now())
                .await
                .unwrap();
        }
    }

    let mut child = watch_once(&db).spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while server.requests() < FEEDS / 3 {
        assert!(Instant::now() < deadline, "the watcher never got going");
        assert!(
            child.try_wait().unwrap().is_none(),
            "the round ended before it could be killed"
        );
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let stored_at_kill = table_count(&db, "SELECT COUNT(*) FROM items").await;
    assert!(
        stored_at_kill < (FEEDS * ITEMS) as i64,
        "killed after the round had finished"
    );

    // The killed process's claims lapse with its leases; then a new one takes over.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    let out = watch_once(&db).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let items = table_count(&db, "SELECT COUNT(*) FROM items").await;
    let distinct = table_count(
        &db,
        "SELECT COUNT(DISTINCT feed_id || ' ' || item_key) FROM items",
    )
    .await;
    let articles = table_count(&db, "SELECT COUNT(*) FROM articles").await;
    let linked = table_count(
        &db,
        "SELECT COUNT(*) FROM items WHERE article_id IS NOT NULL",
    )
    .await;
    assert_eq!(
        items,
        (FEEDS * ITEMS) as i64,
        "every item once (killed with {stored_at_kill} stored)"
    );
    assert_eq!(distinct, items);
    assert_eq!(articles, items);
    assert_eq!(linked, items);
    // Each feed was committed whole or not at all: its items are all there.
    let partial = table_count(
        &db,
        &format!("SELECT COUNT(*) FROM (SELECT feed_id FROM items GROUP BY feed_id HAVING COUNT(*) != {ITEMS})"),
    )
    .await;
    assert_eq!(partial, 0);
}
