//! Scale-out: three `readout watch` processes share one PostgreSQL store and a
//! loopback server of 300 feeds. Every feed is fetched once per round, every item is
//! stored once, and a process killed mid-round loses nothing: its leased feeds go
//! to the others when the lease runs out. Skipped without `TEST_DATABASE_URL`.

use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use crate::support::db::{self, rows};
use crate::support::feed_server::{FeedServer, Resource};
use crate::support::{process, rss};

const FEEDS: usize = 300;
const LEASE_SECS: u64 = 15;

fn feed(n: usize, items: usize) -> Resource {
    let body = "Envoys met in Geneva and agreed to talk again next week. ".repeat(14);
    Resource {
        delay: Some(Duration::from_millis(5)),
        ..Resource::feed(rss::numbered_feed(n, items, &body))
    }
}

fn watcher(db_url: &str) -> Child {
    process::command(&["watch", "--once"])
        .env("DATABASE_URL", db_url)
        .env("READOUT_ALLOW_LOOPBACK", "true")
        .env("READOUT_FETCH_PER_HOST", "8")
        // Long enough for a batch of feeds to be fetched and read by a debug
        // build on a loaded machine: a lease that lapses mid-batch lets another
        // process fetch the feed again.
        .env("READOUT_FEED_LEASE_SECS", LEASE_SECS.to_string())
        .env("READOUT_LOG", "error")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start readout watch")
}

fn wait_all(children: Vec<Child>) {
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Makes every feed due again, as if an interval had passed.
async fn next_round(url: &str) {
    let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(url)
        .await
        .unwrap();
    sqlx::query("UPDATE feeds SET next_fetch_at = now() - interval '1 minute'")
        .execute(&mut conn)
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_processes_share_the_feeds_of_one_postgres_store() {
    let Some(db) = db::postgres().await else {
        return;
    };
    let server = FeedServer::start().await;
    for n in 0..FEEDS {
        server.put(&format!("f{n}.xml"), feed(n, 2));
        db.store
            .add_feed(&server.url(&format!("f{n}.xml")), chrono::Utc::now())
            .await
            .unwrap();
    }

    // Round 1: every feed fetched exactly once among the three.
    wait_all((0..3).map(|_| watcher(&db.url)).collect());
    assert_eq!(server.requests(), FEEDS);
    assert_eq!(rows(db.store.as_ref(), "items").await, (FEEDS * 2) as i64);

    // Round 2: one new item per feed; again one fetch per feed.
    for n in 0..FEEDS {
        server.put(&format!("f{n}.xml"), feed(n, 3));
    }
    next_round(&db.url).await;
    wait_all((0..3).map(|_| watcher(&db.url)).collect());
    assert_eq!(server.requests(), 2 * FEEDS);
    for n in 0..FEEDS {
        assert_eq!(server.requests_for(&format!("f{n}.xml")), 2, "feed {n}");
    }
    assert_eq!(rows(db.store.as_ref(), "items").await, (FEEDS * 3) as i64);

    // Round 3: one process is killed mid-round.
    for n in 0..FEEDS {
        server.put(&format!("f{n}.xml"), feed(n, 4));
    }
    next_round(&db.url).await;
    let round3 = chrono::Utc::now() - chrono::Duration::seconds(1);
    let before = server.requests();
    let mut doomed = watcher(&db.url);
    let deadline = Instant::now() + Duration::from_secs(60);
    while server.requests() < before + 20 {
        assert!(Instant::now() < deadline, "the watcher never got going");
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let others: Vec<Child> = (0..2).map(|_| watcher(&db.url)).collect();
    doomed.kill().unwrap(); // SIGKILL
    doomed.wait().unwrap();
    wait_all(others);
    // The dead process's leases lapse; the next round picks up what it held.
    tokio::time::sleep(Duration::from_millis(LEASE_SECS * 1000 + 500)).await;
    wait_all((0..3).map(|_| watcher(&db.url)).collect());

    assert_eq!(
        rows(db.store.as_ref(), "items").await,
        (FEEDS * 4) as i64,
        "nothing lost"
    );
    assert_eq!(
        rows(db.store.as_ref(), "articles").await,
        (FEEDS * 4) as i64,
        "nothing stored twice"
    );
    let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&db.url)
        .await
        .unwrap();
    let stale: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM feeds WHERE last_success_at IS NULL OR last_success_at < $1",
    )
    .bind(round3)
    .fetch_one(&mut conn)
    .await
    .unwrap();
    assert_eq!(stale, 0, "every feed was polled in round 3");
}
