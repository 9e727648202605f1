//! `readout demo`: the whole pipeline on bundled sample feeds, offline, in a
//! temporary SQLite store, ending in the brief for `ukraine`. What a fresh clone
//! runs first, so it must need nothing but the binary.

use std::sync::Arc;

use crate::brief::{Brief, brief_for};
use crate::clock::{Clock, SystemClock};
use crate::config::FetchConfig;
use crate::extract::{Extractor, RuleExtractor};
use crate::feeds::fetch::{Fetched, Fetcher};
use crate::ingest::{FetchResult, Ingestor, PagePolicy};
use crate::model::TopicName;
use crate::store::{Scope, Store, sqlite::SqliteStore};

/// The bundled feeds (see `demo/feeds/SOURCES.md`), compiled into the binary.
pub const DEMO_FEEDS: &[(&str, &[u8])] = &[
    (
        "seed-wire.xml",
        include_bytes!("../demo/feeds/seed-wire.xml"),
    ),
    (
        "sample-ukraine.atom",
        include_bytes!("../demo/feeds/sample-ukraine.atom"),
    ),
    (
        "sample-elsewhere.json",
        include_bytes!("../demo/feeds/sample-elsewhere.json"),
    ),
];

/// Ingests the bundled feeds into a fresh temporary store and returns the brief for
/// `topic`, plus a line per feed saying what was ingested.
pub async fn run(topic: &TopicName) -> anyhow::Result<(Vec<String>, Brief)> {
    let dir = tempfile::tempdir()?;
    let url = format!("sqlite://{}", dir.path().join("demo.db").display());
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(&url).await?);
    let clock: Arc<dyn Clock> = Arc::new(SystemClock);
    let extractor: Arc<dyn Extractor> = Arc::new(RuleExtractor::new());
    let ingestor = Ingestor {
        store: store.clone(),
        extractor,
        fetcher: Fetcher::new(FetchConfig::default())?,
        clock: clock.clone(),
        fetch_pages: false,
        pages: PagePolicy::default(),
    };
    let mut log = Vec::new();
    for (name, bytes) in DEMO_FEEDS {
        let feed = store.add_feed(&format!("demo:{name}"), clock.now()).await?;
        let fetched = Fetched::Body {
            bytes: bytes.to_vec(),
            final_url: feed.url.clone(),
            validators: Default::default(),
            cache: Default::default(),
        };
        let line = match ingestor
            .store_fetched(&feed, fetched, &|_, _| clock.now())
            .await?
        {
            FetchResult::Ingested(r) => format!("{name}: {} new article(s)", r.new_articles.len()),
            FetchResult::Unchanged => format!("{name}: unchanged"),
        };
        log.push(line);
    }
    let brief = brief_for(store.as_ref(), Scope::Global, topic, None, clock.now()).await?;
    Ok((log, brief))
}
