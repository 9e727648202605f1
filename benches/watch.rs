//! One polling round over 2,000 feeds served from loopback: wall time, items per
//! second and peak RSS, then the same round when every feed answers 304.
//!
//! `cargo bench --bench watch` (add `-- --feeds N --items M` to resize). The feed
//! server runs in this process, so the RSS figure includes the feed bodies it
//! holds: an upper bound for the watcher itself.

use std::time::Instant;

use readout::config::{FetchConfig, WatchConfig};

// The loopback feed server, RSS writer and app builder of the integration tests,
// so the bench polls what the tests poll, through the app `readout` builds. The
// bench uses only part of each.
#[allow(dead_code)]
#[path = "../tests/it/support/app.rs"]
mod app;
#[allow(dead_code)]
#[path = "../tests/it/support/feed_server.rs"]
mod feed_server;
#[allow(dead_code)]
#[path = "../tests/it/support/rss.rs"]
mod rss;

fn arg(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
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
        let server = feed_server::FeedServer::start().await;
        let body = "Foreign ministers met in Geneva on Friday and agreed to meet again next week, officials said. ".repeat(9);
        let mut options = app::AppOptions::at(chrono::Utc::now());
        options.fetch = FetchConfig { allow_loopback: true, ..FetchConfig::default() };
        // Every feed is on one loopback host, so the per-host cap is lifted to the
        // overall one; in production feeds spread over many hosts.
        options.watch = WatchConfig { concurrency: 32, per_host: 32, ..WatchConfig::default() };
        let app = app::spawn_app(options).await;
        for n in 0..feeds {
            let path = format!("feed/{n}");
            server.put(&path, feed_server::Resource::feed(rss::numbered_feed(n, items, &body)));
            app.store().add_feed(&server.url(&path), app.clock().now()).await.expect("add feed");
        }
        let watcher = app.watcher(Some(1));

        let t = Instant::now();
        let r = watcher.poll_due_feeds_once().await.expect("round");
        let wall = t.elapsed().as_secs_f64();
        println!(
            "full round: {} feeds, {} items in {:.2} s = {:.0} items/s, {:.0} feeds/s; failed {}; peak RSS {:.0} MB",
            r.polled, r.new_items, wall, r.new_items as f64 / wall, r.polled as f64 / wall, r.failed, peak_rss_mb()
        );

        app.clock.advance(chrono::Duration::hours(1));
        let t = Instant::now();
        let r = watcher.poll_due_feeds_once().await.expect("round");
        let wall = t.elapsed().as_secs_f64();
        println!(
            "304 round: {} feeds, {} unchanged in {:.2} s = {:.0} feeds/s; peak RSS {:.0} MB",
            r.polled, r.unchanged, wall, r.polled as f64 / wall, peak_rss_mb()
        );
    });
}
