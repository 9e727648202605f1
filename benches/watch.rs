//! One polling round over 2,000 feeds served from loopback: wall time, items per
//! second and peak RSS, then the same round when every feed answers 304.
//!
//! `cargo bench --bench watch` (add `-- --feeds N --items M` to resize). The feed
//! server runs in this process, so the RSS figure includes the feed bodies it
//! holds: an upper bound for the watcher itself.

use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use readout::clock::{Clock, FixedClock};
use readout::config::{FetchConfig, WatchConfig};
use readout::extract::RuleExtractor;
use readout::feeds::fetch::Fetcher;
use readout::ingest::Ingestor;
use readout::store::ContentStore;
use readout::store::sqlite::SqliteStore;
use readout::watch::Watcher;

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn feed_body(n: usize, items: usize) -> Vec<u8> {
    let text = "Foreign ministers met in Geneva on Friday and agreed to meet again next week, officials said. ".repeat(9);
    let items: String = (0..items)
        .map(|i| {
            format!(
                "<item><guid>f{n}-i{i}</guid><title>Feed {n} story {i}</title><link>https://news.example/{n}/{i}</link>\
                 <pubDate>Thu, 01 Aug 2024 07:00:00 GMT</pubDate><description>{text}</description></item>"
            )
        })
        .collect();
    format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed {n}</title>{items}</channel></rss>")
        .into_bytes()
}

async fn serve(
    State(bodies): State<Arc<Vec<Vec<u8>>>>,
    Path(n): Path<usize>,
    headers: HeaderMap,
) -> Response {
    let etag = format!("\"{n}\"");
    if headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        == Some(etag.as_str())
    {
        return (StatusCode::NOT_MODIFIED, [(header::ETAG, etag)]).into_response();
    }
    match bodies.get(n) {
        Some(b) => (
            [
                (header::CONTENT_TYPE, "application/rss+xml".to_string()),
                (header::ETAG, etag),
            ],
            b.clone(),
        )
            .into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(str::to_string)
        })
        .and_then(|l| {
            l.split_whitespace()
                .nth(1)
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() {
    let feeds = arg("--feeds", 2000);
    let items = arg("--items", 10);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async move {
        let bodies: Arc<Vec<Vec<u8>>> = Arc::new((0..feeds).map(|n| feed_body(n, items)).collect());
        let app = Router::new().route("/feed/{n}", axum::routing::get(serve)).with_state(bodies);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move { axum::serve(listener, app).await });

        let dir = tempfile::tempdir().expect("tempdir");
        let store = Arc::new(SqliteStore::open(&format!("sqlite://{}", dir.path().join("bench.db").display())).await.expect("store"));
        let clock = Arc::new(FixedClock::new(chrono::Utc::now()));
        for n in 0..feeds {
            store.add_feed(&format!("http://{addr}/feed/{n}"), clock.now()).await.expect("add feed");
        }
        let ingestor = Ingestor {
            store: store.clone(),
            extractor: Arc::new(RuleExtractor::new()),
            fetcher: Fetcher::new(FetchConfig { allow_loopback: true, ..FetchConfig::default() }).expect("fetcher"),
            clock: clock.clone(),
            fetch_pages: false,
            pages: readout::ingest::PagePolicy::default(),
        };
        // Every feed is on one loopback host, so the per-host cap is lifted to the
        // overall one; in production feeds spread over many hosts.
        let watch = WatchConfig { concurrency: 32, per_host: 32, ..WatchConfig::default() };
        let watcher = Watcher::new(ingestor, watch, Some(1));

        let t = Instant::now();
        let r = watcher.poll_due_feeds_once().await.expect("round");
        let wall = t.elapsed().as_secs_f64();
        println!(
            "full round: {} feeds, {} items in {:.2} s = {:.0} items/s, {:.0} feeds/s; failed {}; peak RSS {:.0} MB",
            r.polled, r.new_items, wall, r.new_items as f64 / wall, r.polled as f64 / wall, r.failed, peak_rss_mb()
        );

        clock.advance(chrono::Duration::hours(1));
        let t = Instant::now();
        let r = watcher.poll_due_feeds_once().await.expect("round");
        let wall = t.elapsed().as_secs_f64();
        println!(
            "304 round: {} feeds, {} unchanged in {:.2} s = {:.0} feeds/s; peak RSS {:.0} MB",
            r.polled, r.unchanged, wall, r.polled as f64 / wall, peak_rss_mb()
        );
    });
}
