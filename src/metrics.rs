//! Counters and latencies for Prometheus, and a health check, on an optional local
//! port (`READOUT_METRICS_ADDR`). The metrics are the Prometheus project's own
//! client (`prometheus-client`): one registry in a static, so the hot paths pay an
//! atomic add (a short lock for a histogram), and nothing here can fail or block
//! the work it observes.

use std::sync::Arc;
use std::sync::LazyLock;
use std::time::Duration;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

use crate::store::{Scope, Store};

/// Upper bounds (seconds) of the latency histogram buckets.
const BUCKETS: [f64; 8] = [0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1.0, 5.0];

/// How a feed poll ended, the label of `readout_feed_polls_total`.
type PollResult = [(&'static str, &'static str); 1];

/// A latency histogram taking durations.
#[derive(Debug, Clone)]
pub struct Latency(Histogram);

impl Default for Latency {
    fn default() -> Self {
        Latency(Histogram::new(BUCKETS))
    }
}

impl Latency {
    pub fn observe(&self, d: Duration) {
        self.0.observe(d.as_secs_f64());
    }
}

/// Everything the process counts.
pub struct Metrics {
    feed_polls: Family<PollResult, Counter>,
    pub feeds_paused: Counter,
    pub items_ingested: Counter,
    pub extraction_rejected: Counter,
    pub extraction_failed: Counter,
    pub fetch_seconds: Latency,
    pub brief_seconds: Latency,
    registry: Registry,
}

impl Default for Metrics {
    fn default() -> Self {
        let feed_polls = Family::<PollResult, Counter>::default();
        let (feeds_paused, items_ingested, extraction_rejected) =
            (Counter::default(), Counter::default(), Counter::default());
        let extraction_failed = Counter::default();
        let (fetch_seconds, brief_seconds) = (Latency::default(), Latency::default());
        let mut registry = Registry::default();
        // The client adds `_total` to counters' names.
        registry.register(
            "readout_feed_polls",
            "Feed polls by result.",
            feed_polls.clone(),
        );
        registry.register(
            "readout_feeds_paused",
            "Feeds paused after failing too long.",
            feeds_paused.clone(),
        );
        registry.register(
            "readout_items_ingested",
            "New feed items stored.",
            items_ingested.clone(),
        );
        registry.register(
            "readout_extraction_rejected",
            "Extracted items dropped because their evidence is not in the text.",
            extraction_rejected.clone(),
        );
        registry.register(
            "readout_extraction_failed",
            "Articles stored without developments because the extractor failed on them.",
            extraction_failed.clone(),
        );
        registry.register(
            "readout_feed_fetch_seconds",
            "Time to fetch and store one feed.",
            fetch_seconds.0.clone(),
        );
        registry.register(
            "readout_brief_seconds",
            "Time to build one brief.",
            brief_seconds.0.clone(),
        );
        Metrics {
            feed_polls,
            feeds_paused,
            items_ingested,
            extraction_rejected,
            extraction_failed,
            fetch_seconds,
            brief_seconds,
            registry,
        }
    }
}

/// How a feed poll ended.
#[derive(Debug, Clone, Copy)]
pub enum Poll {
    Ingested,
    Unchanged,
    Failed,
}

impl Metrics {
    pub fn poll(&self, result: Poll) {
        let label = match result {
            Poll::Ingested => "ingested",
            Poll::Unchanged => "unchanged",
            Poll::Failed => "failed",
        };
        self.feed_polls.get_or_create(&[("result", label)]).inc();
    }
}

pub static METRICS: LazyLock<Metrics> = LazyLock::new(Metrics::default);

/// The OpenMetrics text exposition of every metric.
pub fn render() -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = encode(&mut out, &METRICS.registry);
    out
}

async fn metrics_page() -> impl IntoResponse {
    (
        [(
            "content-type",
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        render(),
    )
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
        let m = Metrics::default();
        m.brief_seconds.observe(Duration::from_millis(3));
        m.brief_seconds.observe(Duration::from_millis(30));
        m.poll(Poll::Failed);
        let mut out = String::new();
        encode(&mut out, &m.registry).unwrap();
        assert!(
            out.contains("readout_brief_seconds_bucket{le=\"0.005\"} 1\n"),
            "{out}"
        );
        assert!(
            out.contains("readout_brief_seconds_bucket{le=\"0.05\"} 2\n"),
            "{out}"
        );
        assert!(
            out.contains("readout_brief_seconds_bucket{le=\"+Inf\"} 2\n"),
            "{out}"
        );
        assert!(out.contains("readout_brief_seconds_count 2\n"), "{out}");
        assert!(
            out.contains("readout_feed_polls_total{result=\"failed\"} 1\n"),
            "{out}"
        );
    }
}
