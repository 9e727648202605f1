//! The walking skeleton from the outside: the `readout` binary ingesting feeds into
//! a real SQLite file, from disk and over real HTTP on loopback.

use crate::support::db::{row_count, sqlite_counts};
use crate::support::feed_server::{FeedServer, Resource};
use crate::support::process::{readout, stderr, stdout, the_one_error_line};
use crate::support::repo_path;
use crate::support::rss::{self, Item};

#[tokio::test]
async fn ingesting_the_same_feed_twice_stores_nothing_new() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let feed = dir.path().join("feed.xml");
    std::fs::copy(repo_path("demo/feeds/seed-wire.xml"), &feed).unwrap();
    let f = feed.to_str().unwrap();

    let first = readout(&db, &["ingest", f], &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stdout(&first).contains("1 new item(s), 1 new article(s)"),
        "{}",
        stdout(&first)
    );
    let after_first = sqlite_counts(&db).await;

    // Same bytes: skipped by the body hash.
    let same = readout(&db, &["ingest", f], &[]);
    assert!(stdout(&same).contains("unchanged"), "{}", stdout(&same));

    // Different bytes, same items: parsed, but every item is already known.
    let mut bytes = std::fs::read(&feed).unwrap();
    bytes.extend_from_slice(b"\n<!-- refreshed -->\n");
    std::fs::write(&feed, bytes).unwrap();
    let again = readout(&db, &["ingest", f], &[]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stdout(&again).contains("0 new item(s)"),
        "{}",
        stdout(&again)
    );
    let after = sqlite_counts(&db).await;
    for table in ["items", "articles", "meetings", "statements", "pending"] {
        assert_eq!(
            row_count(&after, table),
            row_count(&after_first, table),
            "{table}"
        );
    }
    assert_eq!(row_count(&after, "articles"), 1);
}

#[tokio::test]
async fn a_malformed_feed_fails_with_one_line_naming_it_and_leaves_the_store_intact() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let good = repo_path("demo/feeds/seed-wire.xml");
    let ok = readout(&db, &["ingest", good.to_str().unwrap()], &[]);
    assert!(ok.status.success());
    let before = sqlite_counts(&db).await;

    let bad = dir.path().join("broken.xml");
    std::fs::write(
        &bad,
        "<rss version=\"2.0\"><channel><title>x</title><item><title>cut off",
    )
    .unwrap();
    let out = readout(&db, &["ingest", bad.to_str().unwrap()], &[]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("broken.xml"), "{err}");
    assert!(err.contains("malformed feed"), "{err}");

    let html = dir.path().join("page.html");
    std::fs::write(&html, "<html><body>hello</body></html>").unwrap();
    let out = readout(&db, &["ingest", html.to_str().unwrap()], &[]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("not a feed"), "{}", stderr(&out));

    let after = sqlite_counts(&db).await;
    for table in ["items", "articles"] {
        assert_eq!(
            row_count(&after, table),
            row_count(&before, table),
            "{table}"
        );
    }
}

#[tokio::test]
async fn an_unreachable_or_forbidden_url_fails_naming_the_feed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    // Nothing listens on port 9 of loopback.
    let url = "http://127.0.0.1:9/feed.xml";
    let out = readout(&db, &["ingest", url], &[("READOUT_ALLOW_LOOPBACK", "true")]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains(url) && err.contains("unreachable"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");

    // Without the loopback switch the guard refuses before connecting.
    let out = readout(&db, &["ingest", url], &[]);
    assert!(stderr(&out).contains("blocked address"), "{}", stderr(&out));
    assert_eq!(row_count(&sqlite_counts(&db).await, "articles"), 0);
}

// Multi-threaded: the feed server must answer while this thread waits on the CLI.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn feeds_over_http_use_conditional_get() {
    let server = FeedServer::start().await;
    server.put(
        "world.xml",
        Resource::feed(std::fs::read(repo_path("demo/feeds/seed-wire.xml")).unwrap()),
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let url = server.url("world.xml");
    let env = [("READOUT_ALLOW_LOOPBACK", "true")];

    let first = readout(&db, &["ingest", &url], &env);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stdout(&first).contains("1 new article(s)"),
        "{}",
        stdout(&first)
    );

    let second = readout(&db, &["ingest", &url], &env);
    assert!(stdout(&second).contains("unchanged"), "{}", stdout(&second));
    assert_eq!(server.requests_for("world.xml"), 2);

    let bad_config = readout(
        &db,
        &["ingest", &url],
        &[("READOUT_FETCH_MAX_BYTES", "lots")],
    );
    assert_eq!(bad_config.status.code(), Some(2));
    assert!(stderr(&bad_config).contains("READOUT_FETCH_MAX_BYTES"));
}

/// A saved page that inflates past the fetch limit is refused by name, like a
/// fetched one: before, 2 MB inflating to 2 GiB took 4.4 GB and panicked.
#[test]
fn article_text_refuses_a_gzip_bomb_by_name() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let bomb = dir.path().join("bomb.html.gz");
    let mut gz = flate2::write::GzEncoder::new(
        std::fs::File::create(&bomb).unwrap(),
        flate2::Compression::best(),
    );
    gz.write_all(b"<html><body><article><p>Blinken met Lavrov.</p>")
        .unwrap();
    for _ in 0..16 {
        gz.write_all(&[b' '; 1 << 20]).unwrap();
    }
    gz.finish().unwrap();
    let out = readout(
        &dir.path().join("r.db"),
        &["article-text", bomb.to_str().unwrap()],
        &[("READOUT_FETCH_MAX_BYTES", "4194304")],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("bomb.html.gz") && err.contains("larger than 4194304 bytes"),
        "{err}"
    );
}

/// Before, `readout ingest feed.xml.gz` failed with "unable to parse JSON": the
/// compressed bytes went to the feed parser. A gzip file is now read as the feed
/// it holds; a broken one, or one inflating past the fetch limit, is refused in
/// one line naming the file.
#[test]
fn gzip_feed_files_are_ingested_and_broken_ones_named() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let gzip = |name: &str, chunks: &[&[u8]]| {
        let path = dir.path().join(name);
        let mut gz = flate2::write::GzEncoder::new(
            std::fs::File::create(&path).unwrap(),
            flate2::Compression::default(),
        );
        for chunk in chunks {
            gz.write_all(chunk).unwrap();
        }
        gz.finish().unwrap();
        path
    };
    let feed = std::fs::read(repo_path("demo/feeds/seed-wire.xml")).unwrap();
    let packed = gzip("seed-wire.xml.gz", &[&feed]);
    let out = readout(&db, &["ingest", packed.to_str().unwrap()], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("1 new item(s), 1 new article(s)"),
        "{}",
        stdout(&out)
    );

    let mut cut = std::fs::read(&packed).unwrap();
    cut.truncate(cut.len() / 2);
    let broken = dir.path().join("broken.xml.gz");
    std::fs::write(&broken, cut).unwrap();
    let out = readout(&db, &["ingest", broken.to_str().unwrap()], &[]);
    let err = the_one_error_line(&out, 1);
    assert!(
        err.contains("broken.xml.gz") && err.contains("not valid gzip"),
        "{err}"
    );

    let spaces = vec![b' '; 1 << 20];
    let bomb = gzip("bomb.xml.gz", &[&feed, &spaces, &spaces]);
    let out = readout(
        &db,
        &["ingest", bomb.to_str().unwrap()],
        &[("READOUT_FETCH_MAX_BYTES", "1048576")],
    );
    let err = the_one_error_line(&out, 1);
    assert!(
        err.contains("bomb.xml.gz") && err.contains("larger than 1048576 bytes"),
        "{err}"
    );
}

/// Several processes opening one new SQLite file at once: before, each saw it empty
/// and tried to create the tables, and about four in ten failed ("table feeds
/// already exists", "duplicate column"). Now one migrates and the others wait.
#[test]
fn processes_migrating_a_new_file_together_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    for round in 0..6 {
        let db = dir.path().join(format!("m{round}.db"));
        let outs: Vec<_> = std::thread::scope(|s| {
            let runs: Vec<_> = (0..4)
                .map(|_| s.spawn(|| readout(&db, &["migrate"], &[])))
                .collect();
            runs.into_iter().map(|r| r.join().unwrap()).collect()
        });
        for out in &outs {
            assert!(out.status.success(), "round {round}: {}", stderr(out));
            assert_eq!(stdout(out), stdout(&outs[0]), "round {round}");
        }
    }
}

/// A database URL that does not parse, or that carries the password as a query
/// parameter, is named in the error without its password (before, it was printed).
#[test]
fn a_bad_database_url_is_reported_without_its_password() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    for url in [
        "postgres://u:secretpw@127.0.0.1:notaport/db",
        "postgres://u:secretpw@[::1",
        "postgres://127.0.0.1:1/db?user=u&password=secretpw",
        "mysql://u:secretpw@127.0.0.1/db",
    ] {
        let out = readout(&db, &["status", "ukraine", "--database-url", url], &[]);
        assert!(!out.status.success(), "{url}");
        let err = stderr(&out);
        assert!(!err.contains("secretpw"), "{err}");
        assert!(err.contains("***"), "{err}");
    }
}

/// Escape sequences in a feed (clear screen, window title, OSC 8 links, colours)
/// never reach the terminal: before, `ingest` and `status` printed them raw.
#[test]
fn control_characters_from_a_feed_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let feed = dir.path().join("esc.json");
    let nasty = "\u{1b}[2J\u{1b}]0;PWNED\u{7}\u{9b}31m\u{202e}";
    let sentence = format!(
        "Secretary of State Antony Blinken met Russian Foreign Minister Sergei Lavrov in Geneva on Friday. \
         \u{201c}We will respond {nasty} in writing next week,\u{201d} Blinken told reporters. "
    );
    let body = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": format!("Esc {nasty}Wire"),
        "items": [{
            "id": "esc1",
            // Long enough that no page is fetched; loopback is refused anyway.
            "url": "http://127.0.0.1:9/esc",
            "title": format!("Title {nasty}\u{1b}]8;;http://evil.invalid\u{1b}\\click"),
            "date_published": "2022-01-21T10:00:00Z",
            "content_text": sentence.repeat(5),
        }]
    });
    std::fs::write(&feed, body.to_string()).unwrap();
    let ingest = readout(&db, &["ingest", feed.to_str().unwrap()], &[]);
    assert!(ingest.status.success(), "{}", stderr(&ingest));
    let status = readout(&db, &["status", "lavrov"], &[]);
    assert!(status.status.success(), "{}", stderr(&status));
    for (what, out) in [("ingest", stdout(&ingest)), ("status", stdout(&status))] {
        assert!(out.contains("Title"), "{what}: {out}");
        let bad: Vec<char> = out
            .chars()
            .filter(|c| (c.is_control() && *c != '\n') || *c == '\u{202e}')
            .collect();
        assert!(bad.is_empty(), "{what} printed {bad:?}: {out}");
    }
}

/// A `.env` line dotenvy cannot parse stops the program naming it: before, every
/// later line was dropped without a word (a `DATABASE_URL` after it was lost and
/// the store quietly became ./readout.db).
#[test]
fn a_malformed_env_line_stops_the_program_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    std::fs::write(
        dir.path().join(".env"),
        "# local settings\nthis line is garbage\nREADOUT_LOG=info\n",
    )
    .unwrap();
    let out = readout(&db, &["store", "stats"], &[]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(err.contains(".env line 2"), "{err}");
    assert!(!db.exists(), "no store was opened");
}

/// Items with no guid, link, title or date: before, they all shared one key and
/// only the first was stored; now each is known by its text.
#[tokio::test]
async fn bare_items_with_different_text_are_all_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let feed = dir.path().join("bare.xml");
    let bare = |text: &str| Item::new().description(text);
    std::fs::write(
        &feed,
        rss::channel(
            "T",
            [
                bare("Secretary of State Antony Blinken met Foreign Minister Sergei Lavrov in Geneva."),
                bare("Putin met Xi in Beijing."),
                bare("Putin met Xi in Beijing."),
            ],
        ),
    )
    .unwrap();
    let out = readout(&db, &["ingest", feed.to_str().unwrap()], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("2 new item(s)"), "{}", stdout(&out));
    assert_eq!(row_count(&sqlite_counts(&db).await, "articles"), 2);
}

/// A failed `ingest URL` left the feed subscribed with no last error (and polled
/// again in five minutes whatever the server asked); now the failure is recorded
/// as the watcher records it, Retry-After included.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_ingest_of_a_url_records_the_error_and_the_servers_wait() {
    let server = FeedServer::start().await;
    server.put(
        "busy.xml",
        Resource::raw(429, "text/plain", "").with_header("retry-after", "3600"),
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let url = server.url("busy.xml");
    let out = readout(
        &db,
        &["ingest", &url],
        &[("READOUT_ALLOW_LOOPBACK", "true")],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("429"), "{}", stderr(&out));
    let store = readout::store::sqlite::SqliteStore::open(&format!("sqlite://{}", db.display()))
        .await
        .unwrap();
    use readout::store::ContentStore;
    let feed = store.feed_by_url(&url).await.unwrap().unwrap();
    assert!(
        feed.last_error
            .as_deref()
            .is_some_and(|e| e.contains("429")),
        "{:?}",
        feed.last_error
    );
    let wait = (feed.next_fetch_at - chrono::Utc::now()).num_seconds();
    assert!(wait > 3500, "next poll in {wait} s");
}

/// Logs kept their ANSI colours when stderr was a file or a pipe.
#[test]
fn logs_are_plain_when_stderr_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("r.db");
    let feed = dir.path().join("f.xml");
    std::fs::write(
        &feed,
        rss::channel(
            "T",
            [Item::new()
                .guid("a")
                .title("A")
                .link("http://127.0.0.1:9/a")
                .description("Short.")],
        ),
    )
    .unwrap();
    let out = readout(
        &db,
        &["ingest", feed.to_str().unwrap()],
        &[("READOUT_LOG", "info")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("keeping the feed summary"), "{err}");
    assert!(!err.contains('\u{1b}'), "{err:?}");
}

/// `status` on a mistyped SQLite path created an empty store there and printed
/// "Nothing found"; commands that only read now say the store is not there.
#[test]
fn reading_commands_do_not_create_a_store_at_a_mistyped_path() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("typo.db");
    for args in [&["status", "ukraine"][..], &["store", "stats"][..]] {
        let out = readout(&db, args, &[]);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stdout(&out));
        assert!(
            stderr(&out).contains("there is no store at"),
            "{}",
            stderr(&out)
        );
        assert!(!db.exists(), "{args:?} created {}", db.display());
    }
}

/// An extractor with a defect that panics on every article, as a rule once did
/// on one official text.
struct Broken;

impl readout::extract::Extractor for Broken {
    fn extract(&self, _: &readout::model::Article) -> readout::model::Extraction {
        panic!("a defect in the extractor");
    }
}

/// Bad input loses nothing: an article the extractor fails on is stored all the
/// same (without developments), the feed's round goes on to its other items,
/// and the failure is counted.
#[tokio::test]
async fn an_extractor_that_fails_on_an_article_costs_it_only_its_developments() {
    use readout::clock::{Clock, SystemClock};
    use readout::config::FetchConfig;
    use readout::feeds::fetch::Fetcher;
    use readout::ingest::{FeedSource, Ingestor, PagePolicy};
    use readout::store::sqlite::SqliteStore;
    use std::sync::Arc;

    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(
        SqliteStore::open(&format!("sqlite://{}", dir.path().join("r.db").display()))
            .await
            .unwrap(),
    );
    let feed = dir.path().join("feed.xml");
    let items = ["a", "b"].map(|g| {
        Item::new()
            .guid(g)
            .title(format!("Item {g}"))
            .link(format!("https://news.example/{g}"))
            .pub_date(rss::AUG_1_2024)
            .description("Ana Veld met Per Lund in Lima on Monday.")
    });
    std::fs::write(&feed, rss::channel("Test Wire", items)).unwrap();
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let ingestor = Ingestor {
        store: store.clone(),
        extractor: Arc::new(Broken),
        fetcher: Fetcher::new(FetchConfig::default()).unwrap(),
        clock,
        fetch_pages: false,
        pages: PagePolicy::default(),
    };
    let failed_before = readout::metrics::METRICS.extraction_failed.get();
    let source = FeedSource::File(feed);
    let stored = ingestor
        .ingest(&source, std::time::Duration::from_secs(600))
        .await;
    assert!(stored.is_ok(), "{:?}", stored.err());
    assert_eq!(
        crate::support::db::rows(store.as_ref(), "articles").await,
        2
    );
    assert_eq!(
        crate::support::db::rows(store.as_ref(), "meetings").await,
        0
    );
    assert!(readout::metrics::METRICS.extraction_failed.get() >= failed_before + 2);
}
