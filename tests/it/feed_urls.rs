//! One feed, however its URL is typed: the command line and the bot store the
//! same [`FeedUrl`](readout::feeds::FeedUrl) form, and migration 0006 merges the
//! duplicate rows stored before they did.

use std::collections::HashSet;

use crate::support::db::{postgres_at_version, sqlite_at_version};
use crate::support::fake_discord::*;
use crate::support::feed_server::{FeedServer, Resource};
use crate::support::process::{readout, stderr};
use crate::support::{rss, within_limit};
use readout::feeds::ItemKey;
use readout::store::guild::{GuildId, GuildStore};
use readout::store::{ContentStore, Store};

/// The schema before feed URLs were merged.
const BEFORE_MERGE: u32 = 5;

/// A feed added through `readout ingest` as `HTTP://LocalHost:PORT/feed.xml#top`
/// and then through `/feeds add` as `http://localhost:PORT/feed.xml` is one feed
/// (before, the command line kept the URL as typed: two rows, two fetches).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_feed_added_through_the_cli_and_the_bot_is_one_feed() {
    within_limit(async {
        let server = FeedServer::start().await;
        let item = rss::Item::new()
            .guid("g1")
            .title("Talks resume")
            .link("https://news.example/talks")
            .description("Foreign ministers met in Geneva on Monday.");
        server.put("feed.xml", Resource::feed(rss::channel("Wire", [item])));
        let loopback = server.url("feed.xml");
        let typed = format!(
            "{}#top",
            loopback.replacen("http://127.0.0.1", "HTTP://LocalHost", 1)
        );
        let normal = loopback.replacen("127.0.0.1", "localhost", 1);

        let bot = TestBot::spawn(true).await;
        let out = readout(
            &bot.db_path(),
            &["ingest", &typed],
            &[("READOUT_ALLOW_LOOPBACK", "true")],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let reqs = bot
            .command(
                GUILD_A,
                &Member::moderator(14),
                "feeds",
                vec![sub("add", vec![opt("url", &normal)])],
            )
            .await;
        let msg = final_message(&reqs);
        assert!(
            msg["embeds"][0]["title"]
                .as_str()
                .is_some_and(|t| t.contains("Feed added")),
            "{msg:#}"
        );

        let feeds = bot.store.feeds().await.expect("feeds");
        let urls: Vec<&str> = feeds.iter().map(|f| f.url.as_str()).collect();
        assert_eq!(urls, [normal.as_str()]);
        let followed = bot
            .store
            .guild_feeds(GuildId(GUILD_A))
            .await
            .expect("guild feeds");
        assert_eq!(followed.len(), 1);
        assert_eq!(followed[0].feed.id, feeds[0].id);
    })
    .await;
}

/// The rows an older release could leave: one feed stored three ways (as typed,
/// with its default port and a fragment), a lone feed stored as typed, and an
/// unrelated feed. Items: `a`, `b` on the first; `b`, `c` on the second; `z` on
/// the unrelated one. Subscriptions: server 1 follows the first two (under
/// `ukraine` for the first), server 2 the third.
const DUPLICATES: [(&str, bool); 5] = [
    ("https://Example.org/feed", false),
    ("https://example.org:443/feed#latest", true),
    ("HTTPS://EXAMPLE.ORG/feed", false),
    ("HTTP://Solo.example", false),
    ("https://other.example/rss", false),
];
const ITEMS: [(usize, &str); 5] = [(0, "a"), (0, "b"), (1, "b"), (1, "c"), (4, "z")];
const FOLLOWS: [(i64, usize, Option<&str>); 3] =
    [(1, 0, Some("ukraine")), (1, 1, None), (2, 2, None)];

/// What the merge must leave, read through the store.
async fn assert_merged(store: &dyn Store) {
    let feeds = store.feeds().await.expect("feeds");
    let urls: HashSet<&str> = feeds.iter().map(|f| f.url.as_str()).collect();
    assert_eq!(
        urls,
        HashSet::from([
            "https://example.org/feed",
            "http://solo.example/",
            "https://other.example/rss"
        ])
    );
    let merged = store
        .feed_by_url("https://example.org/feed")
        .await
        .expect("feed by url")
        .expect("the merged feed");
    let oldest = feeds.iter().map(|f| f.id).min().expect("a feed");
    assert_eq!(merged.id, oldest, "the oldest row is kept");
    assert!(merged.primed, "one of the rows was primed");
    let keys: Vec<ItemKey> = ["a", "b", "c"]
        .map(|k| ItemKey::from_stored(k.to_string()))
        .to_vec();
    let known = store.known_keys(merged.id, &keys).await.expect("keys");
    assert_eq!(known.len(), 3, "{known:?}");
    assert_eq!(crate::support::db::rows(store, "items").await, 4);
    for guild in [1, 2] {
        let followed = store.guild_feeds(GuildId(guild)).await.expect("follows");
        assert_eq!(followed.len(), 1, "server {guild}: {followed:?}");
        assert_eq!(followed[0].feed.id, merged.id);
    }
    let first = &store.guild_feeds(GuildId(1)).await.expect("follows")[0];
    assert_eq!(first.topic.as_ref().map(|t| t.as_str()), Some("ukraine"));
}

#[tokio::test]
async fn the_migration_merges_duplicate_feeds_on_sqlite() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (url, pool) = sqlite_at_version(dir.path(), BEFORE_MERGE).await;
    let mut ids = Vec::new();
    for (feed, primed) in DUPLICATES {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO feeds (url, added_at, next_fetch_at, primed) VALUES (?, 0, 0, ?) RETURNING id",
        )
        .bind(feed)
        .bind(primed)
        .fetch_one(&pool)
        .await
        .expect("insert a feed");
        ids.push(id);
    }
    for (feed, key) in ITEMS {
        sqlx::query(
            "INSERT INTO items (feed_id, item_key, seen_at, announced) VALUES (?, ?, 0, 0)",
        )
        .bind(ids[feed])
        .bind(key)
        .execute(&pool)
        .await
        .expect("insert an item");
    }
    for (guild, feed, topic) in FOLLOWS {
        sqlx::query(
            "INSERT INTO guild_feeds (guild_id, feed_id, topic, added_at) VALUES (?, ?, ?, 0)",
        )
        .bind(guild)
        .bind(ids[feed])
        .bind(topic)
        .execute(&pool)
        .await
        .expect("insert a subscription");
    }
    pool.close().await;
    let store = crate::support::db::open(&url)
        .await
        .expect("open and migrate");
    assert_merged(store.as_ref()).await;
}

#[tokio::test]
async fn the_migration_merges_duplicate_feeds_on_postgres() {
    let Some((url, pool, _drop)) = postgres_at_version(BEFORE_MERGE).await else {
        return;
    };
    let mut ids = Vec::new();
    for (feed, primed) in DUPLICATES {
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO feeds (url, added_at, next_fetch_at, primed) VALUES ($1, now(), now(), $2) RETURNING id",
        )
        .bind(feed)
        .bind(primed)
        .fetch_one(&pool)
        .await
        .expect("insert a feed");
        ids.push(id);
    }
    for (feed, key) in ITEMS {
        sqlx::query(
            "INSERT INTO items (feed_id, item_key, seen_at, announced) VALUES ($1, $2, now(), false)",
        )
        .bind(ids[feed])
        .bind(key)
        .execute(&pool)
        .await
        .expect("insert an item");
    }
    for (guild, feed, topic) in FOLLOWS {
        sqlx::query(
            "INSERT INTO guild_feeds (guild_id, feed_id, topic, added_at) VALUES ($1, $2, $3, now())",
        )
        .bind(guild)
        .bind(ids[feed])
        .bind(topic)
        .execute(&pool)
        .await
        .expect("insert a subscription");
    }
    pool.close().await;
    let store = crate::support::db::open(&url)
        .await
        .expect("open and migrate");
    assert_merged(store.as_ref()).await;
}
