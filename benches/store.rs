//! Store benchmark, run on demand: fills each store with extracted items across 50
//! topics through `commit_fetch` (the ingest path) and measures
//!
//! - the ingest rate, articles per second through `commit_fetch`;
//! - brief latency, p50 and p99 of `brief::brief_for` as `/status` calls it (the
//!   newest developments of a topic, no window), and with a 7-day window.
//!
//! Goals: brief p99 under 20 ms on both stores; SQLite ingest at least 500
//! articles/s on the 2-core build machine.
//!
//! ```text
//! cargo bench --bench store                    # SQLite; PostgreSQL too when
//! TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres cargo bench --bench store
//! ```
//!
//! Settings (environment): `READOUT_BENCH_ITEMS` extracted items in all
//! (default 1,000,000; 4 per article, so 250,000 articles), `READOUT_BENCH_STORES`
//! (`sqlite,postgres`), `READOUT_BENCH_BRIEFS` briefs timed per window (300),
//! `READOUT_BENCH_BATCH` items per commit (25, a feed fetch). PostgreSQL uses
//! `BENCH_DATABASE_URL`, else `TEST_DATABASE_URL`, and works in a fresh database
//! `readout_bench_<random>` dropped at the end. `READOUT_BENCH_KEEP=1` keeps
//! both databases (the SQLite file in the temporary directory) for inspection.
//!
//! `READOUT_BENCH_STORE_URL` names an existing store instead (for example the
//! official-feeds store of `../shared/feeds/official/README.md`): nothing is
//! filled, and briefs for every built-in topic are timed without a window and
//! with windows back to 2025, mid-2024, 2023 and 2021, so the cost of a brief can
//! be read against the size of its window.
//!
//! A plain `main` (`harness = false`) rather than criterion: the figures asked for
//! are percentiles over one large fill, which criterion's repeated-sample model
//! does not report. Run by `cargo test --all-targets` (no `--bench` argument) it
//! only prints how to run it.

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use rand::rngs::SmallRng;
use rand::{Rng, SeedableRng};
use readout::brief::brief_for;
use readout::feeds::ItemKey;
use readout::feeds::fetch::Validators;
use readout::ingest::ArticleKey;
use readout::model::{
    ActorName, Article, Due, Evidence, Extraction, Meeting, MeetingKind, MeetingStatus, Outcome,
    OutcomeKind, Pending, Span, Speech, Statement, TopicName,
};
use readout::store::{FeedId, FetchCommit, IngestItem, Scope, Store, Topic};
use sqlx::{Connection, Executor, PgConnection};

const TOPICS: usize = 50;
const FEEDS: usize = 200;
/// Extracted items per article: a meeting, a statement, a pending item, an outcome.
const ITEMS_PER_ARTICLE: usize = 4;
/// Articles are spread over a year, the newest at `end()`.
const SPAN_DAYS: i64 = 365;

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

fn main() -> anyhow::Result<()> {
    if !std::env::args().any(|a| a == "--bench") {
        println!("store benchmark: run it with `cargo bench --bench store` (see benches/store.rs)");
        return Ok(());
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(run())
}

async fn run() -> anyhow::Result<()> {
    let items = env_usize("READOUT_BENCH_ITEMS", 1_000_000);
    let settings = Settings {
        articles: items.div_ceil(ITEMS_PER_ARTICLE),
        batch: env_usize("READOUT_BENCH_BATCH", 25).max(1),
        briefs: env_usize("READOUT_BENCH_BRIEFS", 300).max(1),
    };
    let stores = std::env::var("READOUT_BENCH_STORES").unwrap_or_else(|_| "sqlite,postgres".into());
    println!(
        "store benchmark: {} articles x {ITEMS_PER_ARTICLE} extracted items = {} items, {TOPICS} topics, \
         {FEEDS} feeds, {} items per commit, {} briefs per window",
        settings.articles,
        settings.articles * ITEMS_PER_ARTICLE,
        settings.batch,
        settings.briefs
    );
    if let Ok(url) = std::env::var("READOUT_BENCH_STORE_URL") {
        let store = readout::store::open(&url.parse()?).await?;
        return time_windows(store.as_ref(), settings.briefs).await;
    }
    for name in stores.split(',').map(str::trim) {
        match name {
            "sqlite" => {
                let dir = tempfile::tempdir()?;
                // READOUT_BENCH_KEEP: a file that outlives the run, to inspect.
                let path = match std::env::var_os("READOUT_BENCH_KEEP") {
                    Some(_) => std::env::temp_dir()
                        .join(format!("readout_bench_{:08x}.db", rand::random::<u32>())),
                    None => dir.path().join("bench.db"),
                };
                if std::env::var_os("READOUT_BENCH_KEEP").is_some() {
                    println!("sqlite: keeping {}", path.display());
                }
                let url = format!("sqlite://{}", path.display());
                let store = readout::store::open(&url.parse()?).await?;
                bench("sqlite", store, &settings, None).await?;
            }
            "postgres" => {
                let Some(server) = std::env::var("BENCH_DATABASE_URL")
                    .or_else(|_| std::env::var("TEST_DATABASE_URL"))
                    .ok()
                else {
                    println!("postgres: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)");
                    continue;
                };
                let db = BenchDatabase::create(&server).await?;
                let store = readout::store::open(&db.url.parse()?).await?;
                let result = bench("postgres", store, &settings, Some(&db.url)).await;
                db.drop_now().await;
                result?;
            }
            other => anyhow::bail!("READOUT_BENCH_STORES: unknown store {other:?}"),
        }
    }
    Ok(())
}

struct Settings {
    articles: usize,
    batch: usize,
    briefs: usize,
}

/// Fills one store and prints its figures. `analyze`: a PostgreSQL URL to refresh
/// planner statistics on after the bulk fill, as autovacuum would soon after.
async fn bench(
    label: &str,
    store: Arc<dyn Store>,
    s: &Settings,
    analyze: Option<&str>,
) -> anyhow::Result<()> {
    let corpus = Corpus::new();
    fill(label, store.as_ref(), s, &corpus).await?;
    print_size(label, store.as_ref()).await?;
    if let Some(url) = analyze {
        let mut conn = PgConnection::connect(url).await?;
        conn.execute("VACUUM ANALYZE").await?;
        let _ = conn.close().await;
    }

    time_briefs(label, store.as_ref(), s, &corpus).await
}

/// Stores the corpus's topics, feeds and `s.articles` articles, one feed fetch of
/// `s.batch` new items per commit, and prints the ingest rate.
async fn fill(label: &str, store: &dyn Store, s: &Settings, corpus: &Corpus) -> anyhow::Result<()> {
    for t in &corpus.topics {
        store.upsert_topic(Scope::Global, t).await?;
    }
    let mut feeds = Vec::with_capacity(FEEDS);
    for f in 0..FEEDS {
        feeds.push(
            store
                .add_feed(&format!("https://feed{f}.bench.example/rss"), start())
                .await?
                .id,
        );
    }

    // Ingest: every commit is one feed fetch of `batch` new items.
    let mut rng = SmallRng::seed_from_u64(7);
    let mut in_commits = Duration::ZERO;
    let mut last_tenth = (Duration::ZERO, 0usize);
    let tenth_from = s.articles - s.articles / 10;
    let mut next = 0usize;
    let mut round = 0usize;
    let fill_started = Instant::now();
    while next < s.articles {
        let feed = feeds[round % FEEDS];
        let upto = (next + s.batch).min(s.articles);
        let items: Vec<IngestItem> = (next..upto)
            .map(|i| corpus.item(feed, i, s.articles, &mut rng))
            .collect();
        let commit = FetchCommit {
            feed,
            at: published(upto - 1, s.articles),
            title: Some(format!("Feed {}", feed.0)),
            validators: Validators::default(),
            body_hash: format!("{round}"),
            next_fetch_at: published(upto - 1, s.articles) + chrono::Duration::minutes(10),
            items,
        };
        let t = Instant::now();
        let report = store.commit_fetch(commit).await?;
        let took = t.elapsed();
        anyhow::ensure!(
            report.new_items == upto - next,
            "commit stored {} of {}",
            report.new_items,
            upto - next
        );
        in_commits += took;
        if next >= tenth_from {
            last_tenth.0 += took;
            last_tenth.1 += upto - next;
        }
        next = upto;
        round += 1;
        if round % 2000 == 0 {
            eprintln!(
                "{label}: {next} articles stored ({:.0?})",
                fill_started.elapsed()
            );
        }
    }
    println!(
        "{label} ingest: {:.0} articles/s through commit_fetch ({} articles in {:.1?} of commits, {:.1?} wall); \
         last 10%: {:.0} articles/s",
        s.articles as f64 / in_commits.as_secs_f64(),
        s.articles,
        in_commits,
        fill_started.elapsed(),
        last_tenth.1 as f64 / last_tenth.0.as_secs_f64().max(1e-9),
    );
    Ok(())
}

/// Prints the rows per table and the bytes on disk.
async fn print_size(label: &str, store: &dyn Store) -> anyhow::Result<()> {
    let stats = store.stats().await?;
    println!(
        "{label} rows: {}; {:.0} MiB on disk",
        stats
            .iter()
            .map(|(t, n)| format!("{t} {n}"))
            .collect::<Vec<_>>()
            .join(", "),
        store.database_bytes().await? as f64 / 1_048_576.0
    );

    Ok(())
}

/// Times briefs of every built-in topic on an existing store, without a window
/// and with four windows of growing length; topics with no articles are left out.
async fn time_windows(store: &dyn Store, rounds: usize) -> anyhow::Result<()> {
    let now = Utc::now();
    let day = |y, m, d| Utc.with_ymd_and_hms(y, m, d, 0, 0, 0).unwrap();
    let windows = [
        ("latest (/status)", None),
        ("since 2025-01-01", Some(day(2025, 1, 1))),
        ("since 2024-06-01", Some(day(2024, 6, 1))),
        ("since 2023-01-01", Some(day(2023, 1, 1))),
        ("since 2021-01-01", Some(day(2021, 1, 1))),
    ];
    let mut topics = Vec::new();
    for t in readout::topics::built_in() {
        if !brief_for(store, Scope::Global, &t.name, None, now)
            .await?
            .is_empty()
        {
            topics.push(t.name.clone());
        }
    }
    // At least `rounds` briefs per window, every topic as often.
    let passes = rounds.div_ceil(topics.len().max(1)).max(1);
    for (window, since) in windows {
        let mut times = Vec::new();
        let mut reads = Vec::new();
        let mut lines = 0usize;
        for _ in 0..passes {
            for topic in &topics {
                let t = Instant::now();
                let b = brief_for(store, Scope::Global, topic, since, now).await?;
                times.push(t.elapsed());
                lines += b.met.len() + b.said.len() + b.pending.len();
                reads.push(store_reads(store, topic, since).await?);
            }
        }
        println!(
            "existing store brief, {window}: {} over {} briefs of {} topics ({:.0} lines each)",
            spread(&mut times),
            times.len(),
            topics.len(),
            lines as f64 / times.len() as f64
        );
        println!(
            "  of which reads (topic + material::read): {}",
            spread(&mut reads)
        );
    }
    Ok(())
}

/// How long the store's share of one brief takes: resolving the topic and
/// reading its material, without assembling the brief.
async fn store_reads(
    store: &dyn Store,
    topic: &TopicName,
    since: Option<DateTime<Utc>>,
) -> anyhow::Result<Duration> {
    let t = Instant::now();
    let resolved = readout::topics::resolve(store, Scope::Global, topic).await?;
    readout::brief::material::read(store, &resolved.aliases, since).await?;
    Ok(t.elapsed())
}

/// Times `s.briefs` briefs, and the store's reads alone, without and with a window.
async fn time_briefs(
    label: &str,
    store: &dyn Store,
    s: &Settings,
    corpus: &Corpus,
) -> anyhow::Result<()> {
    let now = end() + chrono::Duration::hours(1);
    for (window, since) in [
        ("latest (/status)", None),
        ("since 7 days", Some(now - chrono::Duration::days(7))),
    ] {
        // Warm up caches and connections as a running bot would have them.
        for i in 0..20 {
            brief_for(
                store,
                Scope::Global,
                &corpus.topics[i % TOPICS].name,
                since,
                now,
            )
            .await?;
        }
        let mut times = Vec::with_capacity(s.briefs);
        let mut sources = 0usize;
        for i in 0..s.briefs {
            let topic = &corpus.topics[(i * 7) % TOPICS].name;
            let t = Instant::now();
            let b = brief_for(store, Scope::Global, topic, since, now).await?;
            times.push(t.elapsed());
            anyhow::ensure!(!b.is_empty(), "{label}: the brief for {topic} is empty");
            sources += b.sources.len();
        }
        println!(
            "{label} brief, {window}: {} over {} briefs ({:.0} sources each)",
            spread(&mut times),
            times.len(),
            sources as f64 / times.len() as f64
        );
        // The store's share: the same searches without assembling the brief.
        let mut times = Vec::with_capacity(s.briefs);
        for i in 0..s.briefs {
            let topic = &corpus.topics[(i * 7) % TOPICS].name;
            times.push(store_reads(store, topic, since).await?);
        }
        println!(
            "{label} store reads alone (topic + material::read), {window}: {}",
            spread(&mut times)
        );
    }
    Ok(())
}

/// "p50 …, p99 …, max … ms" of some timings, which it sorts.
fn spread(times: &mut [Duration]) -> String {
    times.sort();
    format!(
        "p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(percentile(times, 50)),
        ms(percentile(times, 99)),
        ms(times[times.len() - 1])
    )
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The nearest-rank percentile of sorted samples.
fn percentile(sorted: &[Duration], p: usize) -> Duration {
    let rank = (p * sorted.len()).div_ceil(100).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0)
        .single()
        .unwrap_or_default()
}

fn end() -> DateTime<Utc> {
    start() + chrono::Duration::days(SPAN_DAYS)
}

/// Article `i` of `n` is published at an even step through the year.
fn published(i: usize, n: usize) -> DateTime<Utc> {
    let step = SPAN_DAYS * 86_400 * i as i64 / n.max(1) as i64;
    start() + chrono::Duration::seconds(step)
}

/// Generated topics and text: made-up place and leader names (so no topic word
/// is also a filler word) in sentences of common English words.
struct Corpus {
    topics: Vec<Topic>,
    /// Per topic: the leader's name (an alias searched as a phrase).
    leaders: Vec<String>,
    filler: Vec<&'static str>,
}

const SYLLABLES: [&str; 16] = [
    "zor", "vak", "quel", "myr", "drav", "osk", "thal", "brix", "kel", "yund", "xan", "fel",
    "grom", "ulv", "pesh", "tir",
];

const FILLER: &str = "the a of and to in on for with by at from as that this it was were is are be has had have \
    not but or if then than so its their his her they he she we you officials government minister talks said \
    told reporters week day year month people country city border trade security economy agreement deal plan \
    support aid forces military army police court law vote parliament election party leader president prime \
    foreign affairs ministry spokesman statement meeting summit visit envoy delegation official sources report \
    news agency press conference call phone video second first new old last next many several few more most \
    other some any each every all both after before during while since until about over under between among \
    against without within through across toward into onto upon also still just only even again already soon \
    later early late today yesterday tomorrow morning evening night north south east west capital region \
    province district state union council committee commission group members member nations national \
    international global regional local public private economic political military diplomatic humanitarian \
    nuclear energy oil gas water food price prices market markets bank banks money budget tax taxes sanctions \
    talks negotiations ceasefire peace war conflict crisis attack attacks strike strikes troops weapons";

impl Corpus {
    fn new() -> Self {
        let word = |i: usize, n: usize| -> String {
            let mut s = String::new();
            let mut k = i;
            for _ in 0..n {
                s.push_str(SYLLABLES[k % SYLLABLES.len()]);
                k = k / SYLLABLES.len() + 3 * i + 1;
            }
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        };
        let mut topics = Vec::with_capacity(TOPICS);
        let mut leaders = Vec::with_capacity(TOPICS);
        for t in 0..TOPICS {
            let place = word(t, 3);
            let leader = format!("{} {}", word(t + 100, 2), word(t + 200, 3));
            topics.push(Topic {
                name: TopicName::parse(&format!("topic {t:02}"))
                    .expect("a valid generated topic name"),
                aliases: vec![place.clone(), format!("{place}ian"), leader.clone()],
            });
            leaders.push(leader);
        }
        Corpus {
            topics,
            leaders,
            filler: FILLER.split_whitespace().collect(),
        }
    }

    fn sentence(&self, rng: &mut SmallRng) -> String {
        let n = rng.gen_range(8..15);
        let mut s: String = (0..n)
            .map(|_| self.filler[rng.gen_range(0..self.filler.len())])
            .collect::<Vec<_>>()
            .join(" ");
        if let Some(f) = s.get_mut(0..1) {
            f.make_ascii_uppercase();
        }
        s.push('.');
        s
    }

    /// Article `i`: about topic `i % 50` (title or text names it by one of its
    /// aliases), a tenth also naming another topic, with one of each extracted
    /// item.
    fn item(&self, feed: FeedId, i: usize, n: usize, rng: &mut SmallRng) -> IngestItem {
        let t = i % TOPICS;
        let topic = &self.topics[t];
        let alias = &topic.aliases[rng.gen_range(0..topic.aliases.len())];
        let leader = &self.leaders[t];
        let other = &self.leaders[(t + 1 + rng.gen_range(0..TOPICS - 1)) % TOPICS];
        let title = if rng.gen_bool(0.5) {
            format!("{alias} {}", self.sentence(rng).to_lowercase())
        } else {
            self.sentence(rng)
        };
        let met = format!("{leader} met {other} in the capital on Monday.");
        let said = format!("\"We want peace and trade,\" {leader} told reporters.");
        let pending = format!("{leader} will respond to the proposal by Friday.");
        let done = format!("{other} delivered the message to {leader}.");
        let mut text = String::new();
        for (k, s) in [&met, &said, &pending, &done].into_iter().enumerate() {
            text.push_str(&self.sentence(rng));
            text.push(' ');
            if k == 1 && rng.gen_bool(0.1) {
                text.push_str(&format!(
                    "{} was also mentioned. ",
                    self.topics[(t + 7) % TOPICS].aliases[0]
                ));
            }
            text.push_str(s);
            text.push(' ');
        }
        let when = published(i, n);
        let extraction = extraction(leader, other, when, [&met, &said, &pending, &done], &text);
        let url = format!("https://news{}.bench.example/{i}", i % 37);
        let key = ItemKey::from_stored(format!("guid:{i}"));
        IngestItem {
            article_key: ArticleKey::of(feed, &key, &url),
            key,
            article: Article {
                id: format!("guid:{i}"),
                feed: None,
                outlet: format!("Outlet {}", i % 37),
                url,
                title,
                published: when,
                text,
            },
            extraction,
        }
    }
}

/// The four items of a bench article (a meeting, a quote, a pending item and an
/// outcome), each with its sentence found in `text`.
fn extraction(
    leader: &str,
    other: &str,
    when: DateTime<Utc>,
    [met, said, pending, done]: [&String; 4],
    text: &str,
) -> Extraction {
    let ev = |s: &String| -> Evidence {
        let start = text.find(s.as_str()).unwrap_or(0);
        Evidence {
            sentence: s.clone(),
            span: Span::new(start, start + s.len()),
        }
    };
    let name = |s: &str| ActorName::new(s).expect("generated names are not blank");
    Extraction {
        meetings: vec![Meeting {
            participants: vec![name(leader), name(other)],
            status: MeetingStatus::Held,
            date: Some(when.date_naive()),
            place: Some("the capital".into()),
            kind: MeetingKind::InPerson,
            evidence: ev(met),
        }],
        statements: vec![Statement {
            speaker: name(leader),
            quote: "We want peace and trade".into(),
            speech: Speech::Direct,
            audience: Some("reporters".into()),
            evidence: ev(said),
        }],
        pending: vec![Pending {
            what: "a response to the proposal".into(),
            actors: vec![name(leader)],
            due: Some(Due {
                text: "by Friday".into(),
                date: NaiveDate::from_ymd_opt(2025, 12, 31),
            }),
            evidence: ev(pending),
        }],
        outcomes: vec![Outcome {
            kind: OutcomeKind::Done,
            actors: vec![name(other)],
            what: "delivered the message".into(),
            evidence: ev(done),
        }],
    }
}

/// A fresh PostgreSQL database for one run.
struct BenchDatabase {
    server: String,
    name: String,
    url: String,
}

impl BenchDatabase {
    async fn create(server: &str) -> anyhow::Result<Self> {
        let name = format!("readout_bench_{:08x}", rand::random::<u32>());
        let mut admin = PgConnection::connect(server).await?;
        admin
            .execute(format!("CREATE DATABASE {name}").as_str())
            .await?;
        let _ = admin.close().await;
        let mut url = url::Url::parse(server)?;
        url.set_path(&name);
        Ok(BenchDatabase {
            server: server.to_string(),
            name,
            url: url.to_string(),
        })
    }

    async fn drop_now(self) {
        if std::env::var_os("READOUT_BENCH_KEEP").is_some() {
            println!("postgres: kept database {}", self.name);
            return;
        }
        let dropped = async {
            let mut admin = PgConnection::connect(&self.server).await?;
            admin
                .execute(format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name).as_str())
                .await?;
            admin.close().await
        }
        .await;
        if let Err(e) = dropped {
            eprintln!("postgres: could not drop {}: {e}", self.name);
        }
    }
}
