//! Throughput of the rule extractor over article texts, in bytes per second.
//!
//! Reads the evaluation articles beside the repository (`../shared/eval/dev`) when
//! they are there, and our own fixtures otherwise, so the figure is comparable to
//! the goal (5 MB/s on one core) on any checkout.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use readout::extract::{Extractor, RuleExtractor};
use readout::model::Article;
use serde_json::Value;

/// The allocator the `readout` binary ships with (`src/main.rs`): the figure is
/// the extractor's speed as a user runs it, not under the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

fn to_article(v: &Value) -> Option<Article> {
    let published: DateTime<Utc> = DateTime::parse_from_rfc3339(v.get("published")?.as_str()?)
        .ok()?
        .with_timezone(&Utc);
    Some(Article {
        id: v.get("id")?.as_str()?.to_string(),
        feed: None,
        outlet: String::new(),
        url: String::new(),
        title: String::new(),
        published,
        text: v.get("text")?.as_str()?.to_string(),
    })
}

fn corpus() -> Vec<Article> {
    let dirs = [
        "../shared/eval/dev",
        "/work/shared/eval/dev",
        "tests/fixtures/extract",
    ];
    let dir = dirs
        .iter()
        .map(Path::new)
        .find(|d| d.is_dir())
        .expect("an article folder");
    let mut out = Vec::new();
    for f in json_files(dir) {
        let Ok(raw) = std::fs::read_to_string(&f) else {
            continue;
        };
        let Ok(v) = serde_json::from_str::<Value>(&raw) else {
            continue;
        };
        match v.get("articles").and_then(Value::as_array) {
            Some(list) => out.extend(list.iter().filter_map(to_article)),
            None => out.extend(to_article(&v)),
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let articles = corpus();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let ex = RuleExtractor::new();
    let mut g = c.benchmark_group("extract");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("corpus", |b| {
        b.iter(|| {
            for a in &articles {
                std::hint::black_box(ex.extract(a));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
