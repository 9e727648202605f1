//! Counters and latencies for Prometheus, and a health check, on an optional local
//! port (`READOUT_METRICS_ADDR`). Plain atomics in one static: the hot paths pay an
//! atomic add, and nothing here can fail or block the work it observes.

use std::fmt::Write;
use std::sync::Arc;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;

use crate::store::{Scope, Store};

/// Upper bounds (seconds) of the latency histogram buckets.
const BUCKETS: [f64; 8] = [0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1.0, 5.0];

/// A latency histogram in Prometheus' cumulative form.
#[derive(Default)]
pub struct Histogram {
    buckets: [AtomicU64; BUCKETS.len()],
    count: AtomicU64,
    sum_micros: AtomicU64,
}

impl Histogram {
    pub fn observe(&self, d: Duration) {
        let secs = d.as_secs_f64();
        for (b, le) in self.buckets.iter().zip(BUCKETS) {
            if secs <= le {
                b.fetch_add(1, Ordering::Relaxed);
            }
        }
        self.count.fetch_add(1, Ordering::Relaxed);
        self.sum_micros
            .fetch_add(d.as_micros() as u64, Ordering::Relaxed);
    }

    fn render(&self, out: &mut String, name: &str, help: &str) {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} histogram");
        for (b, le) in self.buckets.iter().zip(BUCKETS) {
            let _ = writeln!(
                out,
                "{name}_bucket{{le=\"{le}\"}} {}",
                b.load(Ordering::Relaxed)
            );
        }
        let count = self.count.load(Ordering::Relaxed);
        let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {count}");
        let _ = writeln!(
            out,
            "{name}_sum {}",
            self.sum_micros.load(Ordering::Relaxed) as f64 / 1e6
        );
        let _ = writeln!(out, "{name}_count {count}");
    }
}

/// Everything the process counts.
#[derive(Default)]
pub struct Metrics {
    pub feed_polls_ingested: AtomicU64,
    pub feed_polls_unchanged: AtomicU64,
    pub feed_polls_failed: AtomicU64,
    pub feeds_paused: AtomicU64,
    pub items_ingested: AtomicU64,
    pub extraction_rejected: AtomicU64,
    pub fetch_seconds: Histogram,
    pub brief_seconds: Histogram,
}

pub static METRICS: LazyLock<Metrics> = LazyLock::new(Metrics::default);

pub fn inc(counter: &AtomicU64, by: u64) {
    counter.fetch_add(by, Ordering::Relaxed);
}

/// The Prometheus text exposition of every metric.
pub fn render() -> String {
    let m = &*METRICS;
    let mut out = String::new();
    let counter = |out: &mut String, name: &str, help: &str, rows: &[(&str, &AtomicU64)]| {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter");
        for (labels, v) in rows {
            let _ = writeln!(out, "{name}{labels} {}", v.load(Ordering::Relaxed));
        }
    };
    counter(
        &mut out,
        "readout_feed_polls_total",
        "Feed polls by result.",
        &[
            ("{result=\"ingested\"}", &m.feed_polls_ingested),
            ("{result=\"unchanged\"}", &m.feed_polls_unchanged),
            ("{result=\"failed\"}", &m.feed_polls_failed),
        ],
    );
    counter(
        &mut out,
        "readout_feeds_paused_total",
        "Feeds paused after failing too long.",
        &[("", &m.feeds_paused)],
    );
    counter(
        &mut out,
        "readout_items_ingested_total",
        "New feed items stored.",
        &[("", &m.items_ingested)],
    );
    counter(
        &mut out,
        "readout_extraction_rejected_total",
        "Extracted items dropped because their evidence is not in the text.",
        &[("", &m.extraction_rejected)],
    );
    m.fetch_seconds.render(
        &mut out,
        "readout_feed_fetch_seconds",
        "Time to fetch and store one feed.",
    );
    m.brief_seconds.render(
        &mut out,
        "readout_brief_seconds",
        "Time to build one brief.",
    );
    out
}

async fn metrics_page() -> impl IntoResponse {
    ([("content-type", "text/plain; version=0.0.4")], render())
}

/// 200 when the store answers, 503 otherwise: what an orchestrator restarts on.
async fn healthz(State(store): State<Arc<dyn Store>>) -> impl IntoResponse {
    match tokio::time::timeout(Duration::from_secs(2), store.topics(Scope::Global)).await {
        Ok(Ok(_)) => (StatusCode::OK, "ok"),
        _ => (StatusCode::SERVICE_UNAVAILABLE, "store unavailable"),
    }
}

/// Serves `/metrics` and `/healthz` on `listener` until the task is dropped.
pub async fn serve(
    listener: tokio::net::TcpListener,
    store: Arc<dyn Store>,
) -> std::io::Result<()> {
    let app = axum::Router::new()
        .route("/metrics", axum::routing::get(metrics_page))
        .route("/healthz", axum::routing::get(healthz))
        .with_state(store);
    axum::serve(listener, app).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histograms_are_cumulative() {
        let h = Histogram::default();
        h.observe(Duration::from_millis(3));
        h.observe(Duration::from_millis(30));
        let mut out = String::new();
        h.render(&mut out, "x", "help");
        assert!(out.contains("x_bucket{le=\"0.005\"} 1\n"), "{out}");
        assert!(out.contains("x_bucket{le=\"0.05\"} 2\n"), "{out}");
        assert!(out.contains("x_bucket{le=\"+Inf\"} 2\n"), "{out}");
        assert!(out.contains("x_count 2\n"), "{out}");
    }
}
