//! One behaviour, two stores: every scenario here runs against SQLite and against
//! PostgreSQL (when `TEST_DATABASE_URL` is set) with the same expected results, so
//! the core can treat `Store` as one thing whatever the deployment uses.
//!
//! Each scenario gets a fresh database. `conformance!` turns each scenario into
//! `sqlite::<name>` and `postgres::<name>` tests; PostgreSQL-only properties
//! (migration locking, surviving dropped connections) and the cross-store brief
//! comparison come after.

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use crate::support::db::{self, Backend, TestDb, rows};
use crate::support::{actor, keyed_for, process, unkeyed};
use chrono::NaiveTime;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use readout::brief::brief_for;
use readout::feeds::ItemKey;
use readout::feeds::fetch::Validators;
use readout::model::{
    Article, Due, Evidence, Extraction, Meeting, MeetingKind, MeetingStatus, Outcome, OutcomeKind,
    Pending, Span, Speech, Statement, TopicName,
};
use readout::store::digest::{Cadence, DigestSpec, PostStatus};
use readout::store::guild::{GuildId, GuildSettings};
use readout::store::{FeedId, FetchCommit, IngestItem, Scope, Store, Topic, Window};

// ---------------------------------------------------------------- fixtures

/// 2024-03-01 00:00:00 UTC plus `hours`.
fn at(hours: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 3, 1, 0, 0, 0).unwrap() + chrono::Duration::hours(hours)
}

fn ev(sentence: &str, start: usize) -> Evidence {
    Evidence {
        sentence: sentence.into(),
        span: Span::new(start, start + sentence.len()),
    }
}

fn article(slug: &str, title: &str, text: &str, published: DateTime<Utc>) -> Article {
    Article {
        id: format!("guid:{slug}"),
        feed: None,
        outlet: "Wire".into(),
        url: format!("https://news.example/{slug}"),
        title: title.into(),
        published,
        text: text.into(),
    }
}

/// An item whose key is `guid:<slug>` and whose article has one held meeting.
fn item(slug: &str, title: &str, text: &str, published: DateTime<Utc>) -> IngestItem {
    let a = article(slug, title, text, published);
    IngestItem {
        key: ItemKey::from_stored(a.id.clone()),
        // `commit` keys it for its feed.
        article_key: unkeyed(),
        extraction: Extraction {
            meetings: vec![Meeting {
                participants: vec![actor("Ann Lee"), actor(&format!("Envoy {slug}"))],
                status: MeetingStatus::Held,
                date: None,
                place: None,
                kind: MeetingKind::InPerson,
                evidence: ev(text, 0),
            }],
            ..Default::default()
        },
        article: a,
    }
}

fn commit(feed: FeedId, when: DateTime<Utc>, body: &str, items: Vec<IngestItem>) -> FetchCommit {
    FetchCommit {
        feed,
        at: when,
        title: Some("Wire".into()),
        validators: Validators {
            etag: Some(format!("\"{body}\"")),
            last_modified: Some("Fri, 01 Mar 2024 00:00:00 GMT".into()),
        },
        body_hash: body.into(),
        next_fetch_at: when + chrono::Duration::minutes(10),
        items: keyed_for(feed, items),
    }
}

/// Every extracted field set, in every variant, with non-ASCII text.
fn full_extraction() -> Extraction {
    Extraction {
        meetings: vec![
            Meeting {
                participants: vec![actor("Recep Tayyip Erdoğan"), actor("Volodymyr Zelensky")],
                status: MeetingStatus::Held,
                date: NaiveDate::from_ymd_opt(2024, 2, 28),
                place: Some("Istanbul".into()),
                kind: MeetingKind::InPerson,
                evidence: ev("Erdoğan met Zelensky in Istanbul on Wednesday.", 0),
            },
            Meeting {
                participants: vec![actor("Ann Lee"), actor("Bo Park"), actor("Cy Moe")],
                status: MeetingStatus::Planned,
                date: None,
                place: None,
                kind: MeetingKind::Call,
                evidence: ev("Lee will call Park and Moe.", 49),
            },
            Meeting {
                participants: vec![actor("Ann Lee"), actor("Bo Park")],
                status: MeetingStatus::Cancelled,
                date: NaiveDate::from_ymd_opt(2024, 3, 9),
                place: Some("Genève".into()),
                kind: MeetingKind::Video,
                evidence: ev("The video summit was called off.", 77),
            },
            Meeting {
                participants: vec![actor("Ann Lee"), actor("Dee Roe")],
                status: MeetingStatus::Proposed,
                date: None,
                place: None,
                kind: MeetingKind::Unknown,
                evidence: ev("Lee proposed talks with Roe.", 111),
            },
        ],
        statements: vec![
            Statement {
                speaker: actor("Volodymyr Zelensky"),
                quote: "We will not give up «one inch»".into(),
                speech: Speech::Direct,
                audience: Some("reporters".into()),
                evidence: ev(
                    "\"We will not give up «one inch»,\" Zelensky told reporters.",
                    140,
                ),
            },
            Statement {
                speaker: actor("Ann Lee"),
                quote: "the talks were useful".into(),
                speech: Speech::Reported,
                audience: None,
                evidence: ev("Lee said the talks were useful.", 201),
            },
        ],
        pending: vec![
            Pending {
                what: "a response to the proposal".into(),
                actors: vec![actor("Kremlin")],
                due: Some(Due {
                    text: "by Friday".into(),
                    date: NaiveDate::from_ymd_opt(2024, 3, 8),
                }),
                evidence: ev("The Kremlin will respond by Friday.", 233),
            },
            Pending {
                what: "a vote".into(),
                actors: vec![],
                due: Some(Due {
                    text: "soon".into(),
                    date: None,
                }),
                evidence: ev("A vote is expected soon.", 269),
            },
            Pending {
                what: "talks".into(),
                actors: vec![actor("Ann Lee"), actor("Bo Park")],
                due: None,
                evidence: ev("Talks are to follow.", 294),
            },
        ],
        outcomes: vec![
            Outcome {
                kind: OutcomeKind::Done,
                actors: vec![actor("Ann Lee")],
                what: "delivered the message".into(),
                evidence: ev("Lee delivered the message.", 315),
            },
            Outcome {
                kind: OutcomeKind::Abandoned,
                actors: vec![],
                what: "the plan was dropped".into(),
                evidence: ev("The plan was dropped.", 342),
            },
        ],
    }
}

fn aliases(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

async fn titles(store: &dyn Store, alias_list: &[&str], window: Window) -> Vec<String> {
    store
        .topic_material(&aliases(alias_list), window)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.article.title)
        .collect()
}

// ---------------------------------------------------------------- scenarios

async fn feeds_are_added_once_and_listed(db: &TestDb) {
    let s = db.store.as_ref();
    let a = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let b = s.add_feed("https://b.example/rss", at(1)).await.unwrap();
    let again = s.add_feed("https://a.example/rss", at(5)).await.unwrap();
    assert_eq!(again, a, "adding a known URL returns the existing record");
    assert_ne!(a.id, b.id);
    assert_eq!(a.added_at, at(0));
    assert_eq!(a.next_fetch_at, at(0), "a new feed is due at once");
    assert!(!a.primed);
    assert_eq!(a.interval_secs, 600);
    assert_eq!(a.validators, Validators::default());
    assert_eq!(
        s.feeds()
            .await
            .unwrap()
            .iter()
            .map(|f| f.url.as_str())
            .collect::<Vec<_>>(),
        ["https://a.example/rss", "https://b.example/rss"]
    );
    assert_eq!(
        s.feed_by_url("https://b.example/rss").await.unwrap(),
        Some(b)
    );
    assert_eq!(s.feed_by_url("https://c.example/rss").await.unwrap(), None);
}

async fn first_fetch_is_recorded_and_later_ones_announced(db: &TestDb) {
    let s = db.store.as_ref();
    let f = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let first = s
        .commit_fetch(commit(
            f.id,
            at(1),
            "h1",
            vec![
                item("one", "One", "Text one.", at(0)),
                item("two", "Two", "Text two.", at(0)),
            ],
        ))
        .await
        .unwrap();
    assert!(!first.announced, "a feed's backlog is not announced");
    assert_eq!(first.new_items, 2);
    assert_eq!(
        first
            .new_articles
            .iter()
            .map(|a| a.title.as_str())
            .collect::<Vec<_>>(),
        ["One", "Two"]
    );
    let after = s.feed_by_url(&f.url).await.unwrap().unwrap();
    assert!(after.primed);
    assert_eq!(after.title.as_deref(), Some("Wire"));
    assert_eq!(after.body_hash.as_deref(), Some("h1"));
    assert_eq!(after.validators.etag.as_deref(), Some("\"h1\""));
    assert_eq!(after.last_fetch_at, Some(at(1)));
    assert_eq!(after.last_success_at, Some(at(1)));
    assert_eq!(after.next_fetch_at, at(1) + chrono::Duration::minutes(10));

    let second = s
        .commit_fetch(commit(
            f.id,
            at(2),
            "h2",
            vec![
                item("two", "Two", "Text two.", at(0)),
                item("three", "Three", "Text three.", at(2)),
            ],
        ))
        .await
        .unwrap();
    assert!(second.announced);
    assert_eq!(second.new_items, 1);
    assert_eq!(second.new_articles.len(), 1);
    assert_eq!(second.new_articles[0].title, "Three");
    assert_eq!(second.new_articles[0].url, "https://news.example/three");
    assert_eq!(second.new_articles[0].published, at(2));
}

async fn a_replayed_commit_adds_nothing(db: &TestDb) {
    let s = db.store.as_ref();
    let f = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let c = commit(
        f.id,
        at(1),
        "h1",
        vec![
            item("one", "One", "Text one.", at(0)),
            item("two", "Two", "Text two.", at(0)),
        ],
    );
    s.commit_fetch(c.clone()).await.unwrap();
    let before = s.stats().await.unwrap();
    let replay = s.commit_fetch(c).await.unwrap();
    assert_eq!(replay.new_items, 0);
    assert!(replay.new_articles.is_empty());
    assert_eq!(s.stats().await.unwrap(), before, "a replay writes no rows");
    assert_eq!(rows(s, "items").await, 2);
    assert_eq!(rows(s, "articles").await, 2);
    assert_eq!(rows(s, "meetings").await, 2);
}

async fn the_same_article_via_two_feeds_is_one_article(db: &TestDb) {
    let s = db.store.as_ref();
    let a = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let b = s.add_feed("https://b.example/rss", at(0)).await.unwrap();
    let mut via_a = item("story", "Story", "Kyiv story.", at(0));
    via_a.article.url = "https://news.example/story?utm_source=a".into();
    let mut via_b = item("other-guid", "Story", "Kyiv story.", at(0));
    via_b.article.url = "https://NEWS.example/story#top".into();
    let ra = s
        .commit_fetch(commit(a.id, at(1), "a", vec![via_a]))
        .await
        .unwrap();
    let rb = s
        .commit_fetch(commit(b.id, at(1), "b", vec![via_b]))
        .await
        .unwrap();
    assert_eq!(ra.new_articles.len(), 1);
    assert_eq!(rb.new_items, 1, "the item is new to feed b");
    assert!(rb.new_articles.is_empty(), "the article is not");
    assert_eq!(rows(s, "items").await, 2);
    assert_eq!(rows(s, "articles").await, 1);
    assert_eq!(rows(s, "meetings").await, 1, "extracted once");
    assert_eq!(titles(s, &["Kyiv"], Window::Latest(10)).await, ["Story"]);
}

async fn one_fetch_repeating_an_item_or_an_article_stores_each_once(db: &TestDb) {
    let s = db.store.as_ref();
    let f = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let first = item("x", "X", "Kyiv.", at(0));
    let mut same_article = item("x-again", "X again", "Kyiv.", at(0));
    same_article.article.url = "https://news.example/x?utm_medium=rss".into();
    let r = s
        .commit_fetch(commit(
            f.id,
            at(1),
            "h",
            vec![
                first.clone(),
                first,
                same_article,
                item("y", "Y", "Kyiv.", at(0)),
            ],
        ))
        .await
        .unwrap();
    assert_eq!(r.new_items, 3);
    assert_eq!(
        r.new_articles
            .iter()
            .map(|a| a.title.as_str())
            .collect::<Vec<_>>(),
        ["X", "Y"]
    );
    assert_eq!(rows(s, "items").await, 3);
    assert_eq!(rows(s, "articles").await, 2);
    assert_eq!(rows(s, "meetings").await, 2);
}

async fn known_keys_are_per_feed(db: &TestDb) {
    let s = db.store.as_ref();
    let a = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let b = s.add_feed("https://b.example/rss", at(0)).await.unwrap();
    s.commit_fetch(commit(
        a.id,
        at(1),
        "a",
        vec![item("one", "One", "x", at(0))],
    ))
    .await
    .unwrap();
    let asked = [
        ItemKey::from_stored("guid:one".into()),
        ItemKey::from_stored("guid:two".into()),
    ];
    assert_eq!(
        s.known_keys(a.id, &asked).await.unwrap(),
        HashSet::from([ItemKey::from_stored("guid:one".into())])
    );
    assert!(s.known_keys(b.id, &asked).await.unwrap().is_empty());
    assert!(s.known_keys(a.id, &[]).await.unwrap().is_empty());
    // More keys than one SQLite statement takes.
    let many: Vec<ItemKey> = (0..1200)
        .map(|i| ItemKey::from_stored(format!("guid:{i}")))
        .chain([ItemKey::from_stored("guid:one".into())])
        .collect();
    assert_eq!(s.known_keys(a.id, &many).await.unwrap().len(), 1);
}

async fn failures_unchanged_fetches_and_resume_move_the_schedule(db: &TestDb) {
    let s = db.store.as_ref();
    let f = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    s.record_failure(f.id, at(1), "HTTP 503", at(2), None)
        .await
        .unwrap();
    s.record_failure(f.id, at(2), "timed out", at(4), Some("failing for 3 days"))
        .await
        .unwrap();
    let failed = s.feed_by_url(&f.url).await.unwrap().unwrap();
    assert_eq!(failed.last_error.as_deref(), Some("timed out"));
    assert_eq!(
        failed.failing_since,
        Some(at(1)),
        "the first failure is kept"
    );
    assert_eq!(failed.last_fetch_at, Some(at(2)));
    assert_eq!(failed.last_success_at, None);
    assert_eq!(failed.next_fetch_at, at(4));
    assert_eq!(failed.paused_reason.as_deref(), Some("failing for 3 days"));

    s.resume_feed(f.id, at(5)).await.unwrap();
    let resumed = s.feed_by_url(&f.url).await.unwrap().unwrap();
    assert_eq!(resumed.paused_reason, None);
    assert_eq!(resumed.failing_since, None);
    assert_eq!(resumed.next_fetch_at, at(5));

    s.record_unchanged(f.id, at(6), at(7)).await.unwrap();
    let ok = s.feed_by_url(&f.url).await.unwrap().unwrap();
    assert_eq!(ok.last_error, None);
    assert_eq!(ok.last_success_at, Some(at(6)));
    assert_eq!(ok.last_fetch_at, Some(at(6)));
    assert_eq!(ok.next_fetch_at, at(7));
    assert!(!ok.primed, "an unchanged fetch does not prime the feed");
}

async fn topics_are_kept_per_scope(db: &TestDb) {
    let s = db.store.as_ref();
    let topic = |n: &str, a: &[&str]| Topic {
        name: TopicName::parse(n).unwrap(),
        aliases: aliases(a),
    };
    s.upsert_topic(Scope::Global, &topic("ukraine", &["Kyiv"]))
        .await
        .unwrap();
    s.upsert_topic(Scope::Guild(1), &topic("ukraine", &["Kyiv", "Odesa"]))
        .await
        .unwrap();
    s.upsert_topic(Scope::Guild(1), &topic("iran", &["Tehran"]))
        .await
        .unwrap();
    s.upsert_topic(Scope::Guild(2), &topic("sudan", &["Khartoum"]))
        .await
        .unwrap();
    // Discord ids use the whole 64 bits.
    s.upsert_topic(Scope::Guild(u64::MAX / 2 + 7), &topic("gaza", &["Rafah"]))
        .await
        .unwrap();

    assert_eq!(
        s.topics(Scope::Global).await.unwrap(),
        [topic("ukraine", &["Kyiv"])]
    );
    assert_eq!(
        s.topics(Scope::Guild(1)).await.unwrap(),
        [
            topic("iran", &["Tehran"]),
            topic("ukraine", &["Kyiv", "Odesa"])
        ]
    );
    assert_eq!(
        s.topics(Scope::Guild(2)).await.unwrap(),
        [topic("sudan", &["Khartoum"])]
    );
    assert_eq!(
        s.topics(Scope::Guild(u64::MAX / 2 + 7)).await.unwrap(),
        [topic("gaza", &["Rafah"])]
    );
    assert!(s.topics(Scope::Guild(3)).await.unwrap().is_empty());

    s.upsert_topic(Scope::Guild(1), &topic("iran", &["Tehran", "Araghchi"]))
        .await
        .unwrap();
    assert_eq!(
        s.topics(Scope::Guild(1)).await.unwrap()[0],
        topic("iran", &["Tehran", "Araghchi"]),
        "upsert replaces the aliases"
    );
    let iran = TopicName::parse("iran").unwrap();
    assert!(
        !s.remove_topic(Scope::Guild(2), &iran).await.unwrap(),
        "not guild 2's"
    );
    assert!(s.remove_topic(Scope::Guild(1), &iran).await.unwrap());
    assert!(!s.remove_topic(Scope::Guild(1), &iran).await.unwrap());
    assert_eq!(s.topics(Scope::Guild(1)).await.unwrap().len(), 1);

    let ukraine = TopicName::parse("ukraine").unwrap();
    let r1 = readout::topics::resolve(s, Scope::Guild(1), &ukraine)
        .await
        .unwrap();
    assert!(
        r1.aliases.contains(&"Odesa".to_string()),
        "a guild's topic overrides"
    );
    let r2 = readout::topics::resolve(s, Scope::Guild(2), &ukraine)
        .await
        .unwrap();
    assert!(
        !r2.aliases.contains(&"Odesa".to_string()),
        "and only for that guild"
    );
}

async fn topic_material_matches_aliases_as_phrases(db: &TestDb) {
    let s = db.store.as_ref();
    let f = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let items = vec![
        item("a", "Talks in Kyiv", "Envoys arrived.", at(1)),
        item("b", "Summit", "Zelensky's aides met in the capital.", at(2)),
        item("c", "Turkey", "Erdoğan spoke to reporters.", at(3)),
        item("d", "Korea", "Kim Jong Un visited a factory.", at(4)),
        item("e", "Scattered", "Kim said Jong left; Un stayed.", at(5)),
        item("f", "Weather", "Rain in Lisbon.", at(6)),
        item("g", "Russia-Ukraine border", "Shelling continued.", at(7)),
        item("h", "Kim Jong", "Un envoy arrived.", at(8)),
    ];
    s.commit_fetch(commit(f.id, at(9), "h", items))
        .await
        .unwrap();
    let latest = Window::Latest(100);
    assert_eq!(
        titles(s, &["Kyiv"], latest).await,
        ["Talks in Kyiv"],
        "in a title"
    );
    assert_eq!(
        titles(s, &["zelensky"], latest).await,
        ["Summit"],
        "in a text, any case"
    );
    assert_eq!(
        titles(s, &["Erdogan"], latest).await,
        ["Turkey"],
        "diacritics folded"
    );
    assert_eq!(titles(s, &["Erdoğan"], latest).await, ["Turkey"]);
    assert_eq!(
        titles(s, &["Kim Jong Un"], latest).await,
        ["Korea"],
        "a phrase, neither its scattered words nor across title and text"
    );
    assert_eq!(
        titles(s, &["Ukraine"], latest).await,
        ["Russia-Ukraine border"]
    );
    assert_eq!(
        titles(s, &["Kyiv", "Erdogan", "Lisbon", "Nowhere"], latest).await,
        ["Weather", "Turkey", "Talks in Kyiv"],
        "any alias, newest first"
    );
    assert_eq!(
        titles(s, &["Kyiv", "Erdogan", "Lisbon"], Window::Latest(2)).await,
        ["Weather", "Turkey"],
        "the latest n"
    );
    assert_eq!(
        titles(s, &["Kyiv", "Erdogan", "Lisbon"], Window::Since(at(3))).await,
        ["Weather", "Turkey"],
        "since a time, inclusive"
    );
    assert!(titles(s, &["Kyiv"], Window::Since(at(50))).await.is_empty());
    assert!(
        titles(s, &["***", "  "], latest).await.is_empty(),
        "no searchable alias"
    );
    assert!(titles(s, &[], latest).await.is_empty());
    assert_eq!(
        titles(s, &["\"Kyiv\" OR Lisbon", "Kyiv) | (Lisbon"], latest).await,
        Vec::<String>::new(),
        "operators in aliases are words, not syntax"
    );
}

async fn windows_reach_back_over_quiet_months(db: &TestDb) {
    let s = db.store.as_ref();
    let f = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let days = |d: i64| at(24 * d);
    let items = vec![
        item("y2", "Kyiv two years ago", "x", days(-730)),
        item("m9", "Kyiv nine months ago", "x", days(-270)),
        item("m3", "Kyiv three months ago", "x", days(-90)),
        item("w3", "Kyiv three weeks ago", "x", days(-21)),
        item("d2", "Kyiv two days ago", "x", days(-2)),
        item("now", "Other news", "y", days(0)),
    ];
    s.commit_fetch(commit(f.id, at(1), "h", items))
        .await
        .unwrap();
    let kyiv = |w| titles(s, &["Kyiv"], w);
    assert_eq!(kyiv(Window::Latest(1)).await, ["Kyiv two days ago"]);
    assert_eq!(
        kyiv(Window::Latest(3)).await,
        [
            "Kyiv two days ago",
            "Kyiv three weeks ago",
            "Kyiv three months ago"
        ]
    );
    assert_eq!(
        kyiv(Window::Latest(10)).await.len(),
        5,
        "as far back as it takes"
    );
    assert_eq!(
        kyiv(Window::Since(days(-100))).await,
        [
            "Kyiv two days ago",
            "Kyiv three weeks ago",
            "Kyiv three months ago"
        ]
    );
    assert_eq!(kyiv(Window::Since(days(-800))).await.len(), 5);
    assert_eq!(kyiv(Window::Since(days(-1))).await, Vec::<String>::new());
}

async fn every_extraction_field_round_trips(db: &TestDb) {
    let s = db.store.as_ref();
    let f = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let mut full = item(
        "full",
        "Istanbul talks",
        "Erdoğan met Zelensky in Istanbul.",
        at(1),
    );
    full.extraction = full_extraction();
    let mut empty = item("empty", "Istanbul weather", "Sun in Istanbul.", at(2));
    empty.extraction = Extraction::default();
    s.commit_fetch(commit(f.id, at(3), "h", vec![full, empty]))
        .await
        .unwrap();
    let got = s
        .topic_material(&aliases(&["Istanbul"]), Window::Latest(10))
        .await
        .unwrap();
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].article.title, "Istanbul weather");
    assert_eq!(got[0].extraction, Extraction::default());
    assert_eq!(got[1].extraction, full_extraction());
    assert_eq!(got[1].article.outlet, "Wire");
    assert_eq!(got[1].article.url, "https://news.example/full");
    assert_eq!(got[1].article.published, at(1));
    assert_eq!(rows(s, "meetings").await, 4);
    assert_eq!(rows(s, "statements").await, 2);
    assert_eq!(rows(s, "pending").await, 3);
    assert_eq!(rows(s, "outcomes").await, 2);
}

/// Enough matches that the SQLite store walks by date instead of sorting the
/// matches, and more articles than one SQLite statement binds.
async fn large_windows_load_every_extraction(db: &TestDb) {
    let s = db.store.as_ref();
    let f = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let items: Vec<IngestItem> = (0..1100)
        .map(|i| {
            let rare = if i % 100 == 0 { " Odesa" } else { "" };
            item(
                &format!("n{i}"),
                &format!("Kyiv {i}"),
                &format!("Talks.{rare}"),
                at(i),
            )
        })
        .collect();
    s.commit_fetch(commit(f.id, at(2000), "h", items))
        .await
        .unwrap();
    let got = s
        .topic_material(&aliases(&["Kyiv"]), Window::Latest(2000))
        .await
        .unwrap();
    assert_eq!(got.len(), 1100);
    for (i, m) in got.iter().enumerate() {
        let n = 1099 - i;
        assert_eq!(m.article.title, format!("Kyiv {n}"));
        assert_eq!(
            m.extraction.meetings[0].participants[1].as_str(),
            format!("Envoy n{n}"),
            "each article gets its own extraction"
        );
    }
    assert_eq!(
        titles(s, &["Kyiv"], Window::Latest(3)).await,
        ["Kyiv 1099", "Kyiv 1098", "Kyiv 1097"]
    );
    let since = titles(s, &["Kyiv", "Odesa"], Window::Since(at(0))).await;
    assert_eq!(since.len(), 500, "a since-window is capped");
    assert_eq!(since[499], "Kyiv 600");
    assert_eq!(
        titles(s, &["Odesa"], Window::Since(at(850))).await,
        ["Kyiv 1000", "Kyiv 900"]
    );
}

async fn times_are_kept_to_the_second(db: &TestDb) {
    let s = db.store.as_ref();
    let t = at(1) + chrono::Duration::milliseconds(1500);
    let f = s.add_feed("https://a.example/rss", t).await.unwrap();
    assert_eq!(f.added_at, at(1) + chrono::Duration::seconds(1));
    let r = s
        .commit_fetch(commit(f.id, t, "h", vec![item("a", "Kyiv", "x", t)]))
        .await
        .unwrap();
    let got = s
        .topic_material(&aliases(&["Kyiv"]), Window::Latest(1))
        .await
        .unwrap();
    assert_eq!(
        got[0].article.published,
        at(1) + chrono::Duration::seconds(1)
    );
    assert_eq!(r.new_articles[0].published, got[0].article.published);
}

async fn stats_count_rows_and_size(db: &TestDb) {
    let s = db.store.as_ref();
    let names: Vec<String> = s
        .stats()
        .await
        .unwrap()
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert_eq!(
        names,
        [
            "feeds",
            "items",
            "articles",
            "meetings",
            "statements",
            "pending",
            "outcomes",
            "topics",
            "guild_feeds",
            "guild_settings",
            "digests",
            "digest_outbox"
        ]
    );
    assert!(s.stats().await.unwrap().iter().all(|(_, n)| *n == 0));
    let f = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let mut x = item("a", "A", "x", at(0));
    x.extraction = full_extraction();
    s.commit_fetch(commit(f.id, at(1), "h", vec![x]))
        .await
        .unwrap();
    s.upsert_topic(
        Scope::Global,
        &Topic {
            name: TopicName::parse("x").unwrap(),
            aliases: vec![],
        },
    )
    .await
    .unwrap();
    s.follow_feed(GuildId(4), f.id, None, None, at(1))
        .await
        .unwrap();
    s.set_moderator_role(GuildId(4), Some(5), at(1))
        .await
        .unwrap();
    assert_eq!(
        s.stats().await.unwrap(),
        [
            ("feeds".to_string(), 1),
            ("items".to_string(), 1),
            ("articles".to_string(), 1),
            ("meetings".to_string(), 4),
            ("statements".to_string(), 2),
            ("pending".to_string(), 3),
            ("outcomes".to_string(), 2),
            ("topics".to_string(), 1),
            ("guild_feeds".to_string(), 1),
            ("guild_settings".to_string(), 1),
            ("digests".to_string(), 0),
            ("digest_outbox".to_string(), 0),
        ]
    );
    assert!(s.database_bytes().await.unwrap() > 0);
}

async fn due_feeds_are_claimed_once_until_the_lease_ends(db: &TestDb) {
    let s = db.store.as_ref();
    let lease = Duration::from_secs(60);
    let a = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let b = s.add_feed("https://b.example/rss", at(0)).await.unwrap();
    let later = s
        .add_feed("https://later.example/rss", at(0))
        .await
        .unwrap();
    s.record_unchanged(later.id, at(0), at(1) + chrono::Duration::minutes(5))
        .await
        .unwrap();
    let paused = s
        .add_feed("https://paused.example/rss", at(0))
        .await
        .unwrap();
    s.record_failure(paused.id, at(0), "gone", at(0), Some("gone for days"))
        .await
        .unwrap();

    let one = s.claim_due_feeds("w1", at(1), lease, 1).await.unwrap();
    assert_eq!(
        one.iter().map(|f| f.id).collect::<Vec<_>>(),
        [a.id],
        "soonest due first, limited"
    );
    let rest = s.claim_due_feeds("w2", at(1), lease, 10).await.unwrap();
    assert_eq!(
        rest.iter().map(|f| f.id).collect::<Vec<_>>(),
        [b.id],
        "not a leased feed, not one due later, not a paused one"
    );
    let other = db.open_another().await.unwrap();
    assert!(
        other
            .claim_due_feeds("w3", at(1), lease, 10)
            .await
            .unwrap()
            .is_empty()
    );

    // w1 dies holding feed a: after the lease, another worker takes it.
    let t = at(1) + chrono::Duration::seconds(60);
    assert_eq!(
        other
            .claim_due_feeds("w3", t, lease, 10)
            .await
            .unwrap()
            .iter()
            .map(|f| f.id)
            .collect::<Vec<_>>(),
        [a.id, b.id],
        "expired leases are claimable again"
    );
    // Recording the fetch ends the lease; the feed is due again at its next time.
    s.commit_fetch(commit(a.id, t, "h", vec![])).await.unwrap();
    assert!(
        !s.release_lease(a.id, "w3").await.unwrap(),
        "no lease left to release"
    );
    assert!(
        !s.release_lease(b.id, "w1").await.unwrap(),
        "only the holder releases"
    );
    assert!(s.release_lease(b.id, "w3").await.unwrap());
    let next = t + chrono::Duration::minutes(10);
    assert_eq!(
        s.claim_due_feeds("w4", next, lease, 10)
            .await
            .unwrap()
            .iter()
            .map(|f| f.id)
            .collect::<Vec<_>>(),
        [b.id, later.id, a.id],
        "released and newly due feeds, by due time"
    );
    assert!(
        s.claim_due_feeds("w5", next, lease, 0)
            .await
            .unwrap()
            .is_empty()
    );
}

/// A claimer still working on its feeds (slow article pages) extends its leases,
/// so no other claimer takes them; only its own unfinished leases move.
async fn leases_are_renewed_by_their_holder_only(db: &TestDb) {
    let s = db.store.as_ref();
    let lease = Duration::from_secs(60);
    let a = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let b = s.add_feed("https://b.example/rss", at(0)).await.unwrap();
    let c = s.add_feed("https://c.example/rss", at(0)).await.unwrap();
    let mine = s.claim_due_feeds("w1", at(1), lease, 2).await.unwrap();
    assert_eq!(mine.iter().map(|f| f.id).collect::<Vec<_>>(), [a.id, b.id]);
    s.claim_due_feeds("w2", at(1), lease, 10).await.unwrap();
    // Feed b is done (its fetch recorded); a is still being worked on.
    let t = at(1) + chrono::Duration::seconds(50);
    s.commit_fetch(commit(b.id, t, "b", vec![])).await.unwrap();
    let ids = [a.id, b.id, c.id];
    assert_eq!(s.renew_leases("w1", &ids, t, lease).await.unwrap(), 1);
    assert_eq!(s.renew_leases("w1", &[], t, lease).await.unwrap(), 0);

    // Past the first lease's end, a is still w1's; c (w2's, never renewed) is free.
    let later = at(1) + chrono::Duration::seconds(70);
    let other = db.open_another().await.unwrap();
    assert_eq!(
        other
            .claim_due_feeds("w3", later, lease, 10)
            .await
            .unwrap()
            .iter()
            .map(|f| f.id)
            .collect::<Vec<_>>(),
        [c.id],
        "a renewed lease holds; an expired one does not"
    );
    assert_eq!(
        s.renew_leases("w1", &[c.id], later, lease).await.unwrap(),
        0,
        "a lease taken by another is not renewed"
    );
    let end = t + chrono::Duration::seconds(60);
    assert_eq!(
        other
            .claim_due_feeds("w3", end, lease, 10)
            .await
            .unwrap()
            .iter()
            .map(|f| f.id)
            .collect::<Vec<_>>(),
        [a.id],
        "the renewed lease ends in its turn"
    );
}

async fn concurrent_claimers_never_share_a_feed(db: &TestDb) {
    let s = db.store.as_ref();
    let mut all = HashSet::new();
    for i in 0..60 {
        all.insert(
            s.add_feed(&format!("https://f{i}.example/rss"), at(0))
                .await
                .unwrap()
                .id,
        );
    }
    let mut handles = Vec::new();
    for w in 0..4 {
        let store = db.open_another().await.unwrap();
        handles.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            loop {
                let got = store
                    .claim_due_feeds(&format!("w{w}"), at(1), Duration::from_secs(600), 3)
                    .await
                    .unwrap();
                if got.is_empty() {
                    return mine;
                }
                mine.extend(got.into_iter().map(|f| f.id));
            }
        }));
    }
    let mut seen = Vec::new();
    for h in handles {
        seen.extend(h.await.unwrap());
    }
    let unique: HashSet<FeedId> = seen.iter().copied().collect();
    assert_eq!(unique.len(), seen.len(), "a feed went to two claimers");
    assert_eq!(unique, all, "every due feed was claimed");
}

async fn racing_commits_ingest_each_item_once(db: &TestDb) {
    let s = db.store.as_ref();
    let f = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let items: Vec<IngestItem> = (0..40)
        .map(|i| item(&format!("s{i}"), &format!("Story {i}"), "Kyiv news.", at(0)))
        .collect();
    let c = commit(f.id, at(1), "h", items);
    let mut handles = Vec::new();
    for _ in 0..3 {
        let store = db.open_another().await.unwrap();
        let c = c.clone();
        handles.push(tokio::spawn(
            async move { store.commit_fetch(c).await.unwrap() },
        ));
    }
    let mut reports = Vec::new();
    for h in handles {
        reports.push(h.await.unwrap());
    }
    assert_eq!(reports.iter().map(|r| r.new_items).sum::<usize>(), 40);
    assert_eq!(
        reports.iter().map(|r| r.new_articles.len()).sum::<usize>(),
        40
    );
    assert_eq!(rows(s, "items").await, 40);
    assert_eq!(rows(s, "articles").await, 40);
    assert_eq!(rows(s, "meetings").await, 40);
}

async fn servers_see_only_their_own_feeds_and_settings(db: &TestDb) {
    let s = db.store.as_ref();
    let (a, b) = (GuildId(1), GuildId(u64::MAX / 2 + 3));
    let f = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let g = s.add_feed("https://b.example/rss", at(0)).await.unwrap();
    let ukraine = TopicName::parse("ukraine").unwrap();
    assert!(s.follow_feed(b, f.id, None, Some(7), at(1)).await.unwrap());
    assert!(
        !s.follow_feed(b, f.id, Some(&ukraine), Some(8), at(2))
            .await
            .unwrap(),
        "already followed: only the topic changes"
    );
    assert!(s.follow_feed(b, g.id, None, None, at(3)).await.unwrap());
    assert!(s.follow_feed(a, g.id, None, None, at(4)).await.unwrap());
    let bf = s.guild_feeds(b).await.unwrap();
    assert_eq!(bf.len(), 2);
    assert_eq!(bf[0].feed, f);
    assert_eq!(bf[0].topic, Some(ukraine.clone()));
    assert_eq!(bf[0].added_at, at(1));
    assert_eq!(bf[0].added_by, Some(7));
    assert_eq!(bf[1].feed.url, "https://b.example/rss");
    assert_eq!(bf[1].added_by, None);
    assert_eq!(s.guild_feeds(a).await.unwrap().len(), 1);
    assert!(
        !s.unfollow_feed(a, "https://a.example/rss").await.unwrap(),
        "a never followed it"
    );
    assert!(s.unfollow_feed(b, "https://b.example/rss").await.unwrap());
    assert_eq!(
        s.guild_feeds(a).await.unwrap().len(),
        1,
        "a keeps its follow"
    );
    assert!(s.guild_feeds(GuildId(3)).await.unwrap().is_empty());

    assert_eq!(s.guild_settings(a).await.unwrap(), GuildSettings::default());
    s.set_moderator_role(b, Some(u64::MAX - 1), at(5))
        .await
        .unwrap();
    assert_eq!(s.guild_settings(a).await.unwrap().moderator_role, None);
    assert_eq!(
        s.guild_settings(b).await.unwrap().moderator_role,
        Some(u64::MAX - 1)
    );
    s.set_moderator_role(b, None, at(6)).await.unwrap();
    assert_eq!(s.guild_settings(b).await.unwrap().moderator_role, None);
}

async fn digests_are_per_channel_and_saving_again_replaces(db: &TestDb) {
    let s = db.store.as_ref();
    let (a, b) = (GuildId(1), GuildId(2));
    let digest = |channel: u64, h: u32, m: u32, sec: u32, topics: &[&str]| DigestSpec {
        channel,
        delivery: readout::store::digest::Delivery::Message,
        ping: None,
        cadence: Cadence::Daily {
            time: NaiveTime::from_hms_opt(h, m, sec).unwrap(),
        },
        timezone: chrono_tz::Europe::Paris,
        topics: topics
            .iter()
            .map(|t| TopicName::parse(t).unwrap())
            .collect(),
        skip_empty: false,
        timeline: false,
    };
    let specs = |g: GuildId| async move {
        s.digest_schedules(g)
            .await
            .unwrap()
            .into_iter()
            .map(|d| d.spec)
            .collect::<Vec<_>>()
    };
    s.save_digest(
        b,
        &digest(9, 8, 30, 15, &["ukraine", "iran nuclear talks"]),
        at(1),
        at(0),
    )
    .await
    .unwrap();
    s.save_digest(b, &digest(4, 18, 0, 0, &[]), at(1), at(0))
        .await
        .unwrap();
    s.save_digest(a, &digest(9, 7, 0, 0, &[]), at(1), at(0))
        .await
        .unwrap();
    assert_eq!(
        specs(b).await,
        [
            digest(4, 18, 0, 0, &[]),
            digest(9, 8, 30, 0, &["ukraine", "iran nuclear talks"])
        ],
        "by channel; seconds dropped"
    );
    s.save_digest(b, &digest(9, 6, 45, 0, &["sudan"]), at(2), at(1))
        .await
        .unwrap();
    assert_eq!(
        specs(b).await[1],
        digest(9, 6, 45, 0, &["sudan"]),
        "replaced"
    );
    assert_eq!(s.remove_digests(b, Some(5)).await.unwrap(), 0);
    assert_eq!(s.remove_digests(b, Some(9)).await.unwrap(), 1);
    assert_eq!(s.remove_digests(b, None).await.unwrap(), 1);
    assert!(specs(b).await.is_empty());
    assert_eq!(specs(a).await, [digest(9, 7, 0, 0, &[])], "a's untouched");
}

/// The `DigestStore` contract:
/// the guarded advance, leases, pausing with the window handed back, and posts of
/// a removed digest dropped.
async fn the_digest_store_contract_holds(db: &TestDb) {
    let store = db.store.as_ref();
    use chrono::Duration as D;
    use readout::store::digest::{DigestRun, NewPost};
    let t0 = crate::support::at("2024-07-01T08:00:00Z");
    let spec = DigestSpec {
        channel: 9,
        // A forum post that pings a role: both kept as set.
        delivery: readout::store::digest::Delivery::ForumPost,
        ping: Some(readout::store::digest::RoleId(77)),
        cadence: Cadence::Weekly {
            weekday: chrono::Weekday::Tue,
            time: NaiveTime::from_hms_opt(8, 0, 0).expect("time"),
        },
        timezone: chrono_tz::Europe::Paris,
        topics: vec![readout::model::TopicName::parse("ukraine").expect("topic")],
        skip_empty: true,
        // And the timeline picture asked for.
        timeline: true,
    };
    let id = store
        .save_digest(GuildId(1), &spec, t0, t0)
        .await
        .expect("save");
    let due = store.due_digests(t0, 10).await.expect("due");
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].spec, spec, "the spec round-trips");
    assert!(
        store
            .due_digests(t0 - D::seconds(1), 10)
            .await
            .expect("due")
            .is_empty()
    );
    let run = DigestRun {
        digest: id,
        guild: GuildId(1),
        channel: 9,
        expected_next_run: Some(t0),
        run_at: t0,
        next_run_at: t0 + D::days(7),
        covers_from: t0 - D::days(7),
        covers_until: t0,
        post: Some(NewPost {
            delivery: readout::store::digest::Delivery::ForumPost,
            nonce: "contract-1".into(),
            payload: "{\"content\":\"x\"}".into(),
            // Every byte value, so a backend that stored it as text would show.
            attachment: Some((0..=255u8).cycle().take(600).collect()),
        }),
    };
    assert!(store.commit_run(&run, t0).await.expect("commit"));
    assert!(
        !store.commit_run(&run, t0).await.expect("commit"),
        "the guard holds"
    );
    let lease = t0 + D::minutes(2);
    let claimed = store.claim_outbox(t0, lease, 10).await.expect("claim");
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].payload, "{\"content\":\"x\"}");
    assert_eq!(
        claimed[0].delivery,
        readout::store::digest::Delivery::ForumPost,
        "the post keeps its delivery"
    );
    assert_eq!(claimed[0].attempts, 1);
    assert_eq!(
        claimed[0].attachment,
        Some((0..=255u8).cycle().take(600).collect::<Vec<u8>>()),
        "the picture round-trips byte for byte"
    );
    assert!(
        store
            .claim_outbox(t0, lease, 10)
            .await
            .expect("claim")
            .is_empty()
    );
    store
        .retry_later(claimed[0].id, t0 + D::seconds(5), "500")
        .await
        .expect("retry later");
    assert!(
        store
            .claim_outbox(t0, lease, 10)
            .await
            .expect("claim")
            .is_empty()
    );
    let again = store
        .claim_outbox(t0 + D::seconds(5), lease, 10)
        .await
        .expect("claim");
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].attempts, 2);
    store
        .fail_post(again[0].id, "403", Some("no access"), t0)
        .await
        .expect("fail");
    let d = &store.digest_schedules(GuildId(1)).await.expect("list")[0];
    assert_eq!(d.paused_reason.as_deref(), Some("no access"));
    assert_eq!(d.paused_at, Some(t0));
    assert_eq!(
        d.covered_until,
        Some(t0 - D::days(7)),
        "the window is handed back"
    );
    assert!(
        store
            .due_digests(t0 + D::days(30), 10)
            .await
            .expect("due")
            .is_empty()
    );

    // Setting it again resumes it; a removed digest's queued post is dropped.
    store
        .save_digest(GuildId(1), &spec, t0 + D::days(7), t0)
        .await
        .expect("save again");
    let resumed = &store.digest_schedules(GuildId(1)).await.expect("list")[0];
    assert_eq!(resumed.paused_reason, None);
    assert_eq!(resumed.id, id);
    let run = DigestRun {
        expected_next_run: Some(t0 + D::days(7)),
        run_at: t0 + D::days(7),
        next_run_at: t0 + D::days(14),
        post: Some(NewPost {
            delivery: readout::store::digest::Delivery::Message,
            nonce: "contract-2".into(),
            payload: "{}".into(),
            attachment: None,
        }),
        ..run
    };
    assert!(store.commit_run(&run, t0).await.expect("commit"));
    assert_eq!(
        store
            .remove_digests(GuildId(1), None)
            .await
            .expect("remove"),
        1
    );
    assert!(
        store
            .claim_outbox(lease, lease, 10)
            .await
            .expect("claim")
            .is_empty()
    );
    let outbox = store.outbox(Some(id)).await.expect("outbox");
    assert_eq!(outbox.len(), 2);
    assert_eq!(outbox[1].status, PostStatus::Failed);
    assert_eq!(outbox[1].last_error.as_deref(), Some("digest turned off"));
}

async fn known_actors_rank_by_mentions(db: &TestDb) {
    let s = db.store.as_ref();
    let f = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let mut x = item("a", "A", "x", at(0));
    x.extraction = full_extraction();
    let mut y = item("b", "B", "y", at(1));
    y.extraction.meetings[0].participants = vec![actor("Ann Lee"), actor("Annika 100%_Sure")];
    s.commit_fetch(commit(f.id, at(2), "h", vec![x, y]))
        .await
        .unwrap();
    // Ann Lee: six mentions (three meetings, a statement and a pending item in the
    // full extraction, item b's meeting); Annika one.
    assert_eq!(
        s.known_actors("ann", 10).await.unwrap(),
        [actor("Ann Lee"), actor("Annika 100%_Sure")]
    );
    assert_eq!(s.known_actors("ANN", 1).await.unwrap(), [actor("Ann Lee")]);
    assert_eq!(
        s.known_actors("%_", 10).await.unwrap(),
        [actor("Annika 100%_Sure")]
    );
    assert_eq!(
        s.known_actors("zelensky", 10).await.unwrap(),
        [actor("Volodymyr Zelensky")]
    );
    assert!(s.known_actors("nobody", 10).await.unwrap().is_empty());
}

/// A text of paragraphs and the evidence of `sentence` within it.
fn ev_in(text: &str, sentence: &str) -> Evidence {
    ev(
        sentence,
        text.find(sentence).expect("the sentence is in the text"),
    )
}

/// Issue #13, point 1: an item is in a topic's brief when the item itself is about
/// the topic (its names or its paragraph), not because its article mentions the
/// topic somewhere; the paragraph is found at ingest and read back with the item.
async fn briefs_keep_only_items_about_the_topic(db: &TestDb) {
    let s = db.store.as_ref();
    let f = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let text = "Venezuela's opposition called a rally in Caracas.\n\n\
                \"We will march,\" said Ana Ruiz.\n\n\
                Kim Jong Un met Sergei Shoigu in Pyongyang on Monday.\n\n\
                Separately, Nicolás Maduro spoke with Gustavo Petro by phone.";
    let mut digest = item("digest", "World digest", text, at(1));
    let korea = "Kim Jong Un met Sergei Shoigu in Pyongyang on Monday.";
    let phone = "Separately, Nicolás Maduro spoke with Gustavo Petro by phone.";
    let meeting = |a: &str, b: &str, sentence: &str| Meeting {
        participants: vec![actor(a), actor(b)],
        status: MeetingStatus::Held,
        date: None,
        place: None,
        kind: MeetingKind::InPerson,
        evidence: ev_in(text, sentence),
    };
    digest.extraction = Extraction {
        meetings: vec![
            // on topic for North Korea by its paragraph, not by its names
            meeting("Sergei Shoigu", "Ri Il Hwan", korea),
            meeting("Nicolás Maduro", "Gustavo Petro", phone),
        ],
        statements: vec![Statement {
            speaker: actor("Ana Ruiz"),
            quote: "We will march,".into(),
            speech: Speech::Direct,
            audience: None,
            evidence: ev_in(text, "\"We will march,\" said Ana Ruiz."),
        }],
        ..Default::default()
    };
    s.commit_fetch(commit(f.id, at(2), "h", vec![digest]))
        .await
        .unwrap();

    let stored = s
        .topic_material(&aliases(&["Pyongyang"]), Window::Latest(5))
        .await
        .unwrap();
    assert_eq!(
        stored[0].contexts.meetings[0], korea,
        "the paragraph is stored"
    );

    let brief = |t: &'static str| async move {
        brief_for(s, Scope::Global, &TopicName::parse(t).unwrap(), None, at(3))
            .await
            .unwrap()
    };
    let venezuela = brief("venezuela").await;
    let met: Vec<&str> = venezuela
        .met
        .iter()
        .map(|d| d.item.participants[0].as_str())
        .collect();
    assert_eq!(
        met,
        ["Nicolás Maduro"],
        "Maduro names Venezuela; Korea does not"
    );
    assert!(
        venezuela.said.is_empty(),
        "a quote whose paragraph does not name the topic is not about it"
    );
    let korea_brief = brief("north korea").await;
    assert_eq!(korea_brief.met.len(), 1);
    assert_eq!(
        korea_brief.met[0].item.participants[0].as_str(),
        "Sergei Shoigu"
    );
    assert!(
        korea_brief
            .sources
            .iter()
            .all(|a| a.title == "World digest")
    );
}

/// Issue #13, point 3: the same meeting reported by two articles with different
/// participant lists is one line with two sources; meetings on different dates
/// stay apart; news ranks before undated meetings, and both before a meeting an
/// article recalls from long before (background), whatever their status.
async fn one_line_per_meeting_news_before_background(db: &TestDb) {
    let s = db.store.as_ref();
    let f = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let day = |d: u32| NaiveDate::from_ymd_opt(2024, 3, d);
    let held = |who: &[&str], date: Option<NaiveDate>, text: &str, sentence: &str| Meeting {
        participants: who.iter().map(|w| actor(w)).collect(),
        status: MeetingStatus::Held,
        date,
        place: None,
        kind: MeetingKind::InPerson,
        evidence: ev_in(text, sentence),
    };
    let with = |slug: &str, text: &str, hours: i64, meetings: Vec<Meeting>| {
        let mut it = item(slug, slug, text, at(hours));
        it.extraction = Extraction {
            meetings,
            ..Default::default()
        };
        it
    };
    let early = "Ann Lee met Bo Park in Kyiv on Friday.";
    let first =
        "Ann Lee met Bo Park and Cy Moe in Kyiv on Sunday.\n\nThey also talked in Kyiv, once.";
    let second = "In Kyiv, Bo Park and Ann Lee met with the EU envoy on Sunday.\n\n\
                  Lee first met Park in Kyiv in May 2023.";
    let items = vec![
        with(
            "early",
            early,
            50,
            vec![held(&["Ann Lee", "Bo Park"], day(1), early, early)],
        ),
        with(
            "first",
            first,
            24 * 9 + 1,
            vec![
                held(
                    &["Ann Lee", "Bo Park", "Cy Moe"],
                    day(10),
                    first,
                    "Ann Lee met Bo Park and Cy Moe in Kyiv on Sunday.",
                ),
                held(
                    &["Dee Roe", "Eve Ng"],
                    None,
                    first,
                    "They also talked in Kyiv, once.",
                ),
            ],
        ),
        with(
            "second",
            second,
            24 * 10,
            vec![
                held(
                    &["Park", "Ann Lee", "EU"],
                    day(10),
                    second,
                    "In Kyiv, Bo Park and Ann Lee met with the EU envoy on Sunday.",
                ),
                held(
                    &["Ann Lee", "Bo Park"],
                    NaiveDate::from_ymd_opt(2023, 5, 15),
                    second,
                    "Lee first met Park in Kyiv in May 2023.",
                ),
            ],
        ),
    ];
    s.commit_fetch(commit(f.id, at(24 * 11), "h", items))
        .await
        .unwrap();
    let b = brief_for(
        s,
        Scope::Global,
        &TopicName::parse("ukraine").unwrap(),
        None,
        at(24 * 12),
    )
    .await
    .unwrap();
    let lines: Vec<(Option<NaiveDate>, usize)> = b
        .met
        .iter()
        .map(|d| (d.item.date, d.reports.len()))
        .collect();
    assert_eq!(
        lines,
        [
            (day(10), 2),
            (day(1), 1),
            (None, 1),
            (NaiveDate::from_ymd_opt(2023, 5, 15), 1)
        ],
        "{:#?}",
        b.met
    );
}

/// Issue #13, point 8: a brief reads the newest articles first, and each kind
/// of item only until it has enough of it, so its cost does not grow with the
/// store or the window. Here a hundred newer articles of quotes do not push an
/// older meeting and promise out of the brief (the brief of the 60 latest
/// articles lost them), only the newest quotes are read, and the promise is
/// closed by the report in between, with or without a window.
async fn a_brief_reads_each_kind_until_it_has_enough(db: &TestDb) {
    let s = db.store.as_ref();
    let f = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let old = "Ann Lee met Bo Park in Kyiv. Kyiv will reopen the Odesa grain corridor.";
    let mut first = item("old", "Kyiv talks", old, at(1));
    first.extraction.pending = vec![Pending {
        what: "reopen the Odesa grain corridor".into(),
        actors: vec![actor("Ukraine")],
        due: None,
        evidence: ev_in(old, "Kyiv will reopen the Odesa grain corridor."),
    }];
    let done = "Kyiv reopened the Odesa grain corridor on Monday.";
    let mut closing = item("done", "Kyiv corridor", done, at(2));
    closing.extraction = Extraction {
        outcomes: vec![Outcome {
            kind: OutcomeKind::Done,
            actors: vec![actor("Ukraine")],
            what: "reopened the Odesa grain corridor".into(),
            evidence: ev(done, 0),
        }],
        ..Default::default()
    };
    let mut items = vec![first, closing];
    for i in 0..100 {
        let text = (0..6)
            .map(|q| format!("\"Kyiv stands, {i}-{q},\" said Cy Moor."))
            .collect::<Vec<_>>()
            .join(" ");
        let mut it = item(&format!("q{i}"), "Kyiv quotes", &text, at(10 + i));
        it.extraction = Extraction {
            statements: (0..6)
                .map(|q| {
                    let sentence = format!("\"Kyiv stands, {i}-{q},\" said Cy Moor.");
                    Statement {
                        speaker: actor("Cy Moor"),
                        quote: format!("Kyiv stands, {i}-{q},"),
                        speech: Speech::Direct,
                        audience: None,
                        evidence: ev_in(&text, &sentence),
                    }
                })
                .collect(),
            ..Default::default()
        };
        items.push(it);
    }
    s.commit_fetch(commit(f.id, at(200), "h", items))
        .await
        .unwrap();
    let ukraine = TopicName::parse("ukraine").unwrap();
    for since in [None, Some(at(0))] {
        let b = brief_for(s, Scope::Global, &ukraine, since, at(201))
            .await
            .unwrap();
        let met: Vec<&str> = b
            .met
            .iter()
            .map(|d| d.item.participants[1].as_str())
            .collect();
        assert_eq!(met, ["Envoy old"], "since {since:?}");
        assert_eq!(b.pending.len(), 1, "since {since:?}");
        assert!(
            matches!(
                b.pending[0].state,
                readout::developments::PendingState::Done { .. }
            ),
            "closed by the later report, since {since:?}: {:?}",
            b.pending[0].state
        );
        assert!(
            b.said.len() >= readout::brief::material::ENOUGH && b.said.len() < 100,
            "only the newest quotes are read: {}",
            b.said.len()
        );
        assert!(
            b.said
                .iter()
                .all(|d| d.item.quote.starts_with("Kyiv stands, 9")),
            "the newest articles' quotes: {:?}",
            b.said.iter().map(|d| &d.item.quote).collect::<Vec<_>>()
        );
    }
}

/// Issue #13, points 5 and 6: the brief opens with a bottom line and the dates
/// ahead, made from the stored items; `since` keeps developments by their own
/// date (a meeting recalled by a new article is not new); an empty window says
/// when the latest development was; an old store's brief says it is stale.
async fn briefs_open_with_a_bottom_line_and_window_by_own_date(db: &TestDb) {
    let s = db.store.as_ref();
    let f = s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let day = |d: u32| NaiveDate::from_ymd_opt(2024, 3, d);
    let meeting = |who: [&str; 2], status, date, text: &str| Meeting {
        participants: who.iter().map(|w| actor(w)).collect(),
        status,
        date,
        place: Some("Kyiv".into()),
        kind: MeetingKind::InPerson,
        evidence: ev(text, 0),
    };
    let with = |slug: &str, text: &str, hours: i64, extraction: Extraction| {
        let mut it = item(slug, slug, text, at(hours));
        it.extraction = extraction;
        it
    };
    let held = "Ann Lee met Bo Park in Kyiv on Friday.";
    let plan = "Ann Lee will meet Cy Moe in Kyiv on 20 March; Kyiv must reply by 15 March.";
    let recall = "Ann Lee first met Dee Roe in Kyiv in February.";
    let items = vec![
        with(
            "held",
            held,
            24 + 1,
            Extraction {
                meetings: vec![meeting(
                    ["Ann Lee", "Bo Park"],
                    MeetingStatus::Held,
                    day(1),
                    held,
                )],
                ..Default::default()
            },
        ),
        with(
            "plan",
            plan,
            24 * 5,
            Extraction {
                meetings: vec![meeting(
                    ["Ann Lee", "Cy Moe"],
                    MeetingStatus::Planned,
                    day(20),
                    plan,
                )],
                pending: vec![Pending {
                    what: "reply to the offer".into(),
                    actors: vec![actor("Kyiv")],
                    due: Some(Due {
                        text: "by 15 March".into(),
                        date: day(15),
                    }),
                    evidence: ev(plan, 0),
                }],
                ..Default::default()
            },
        ),
        with(
            "recall",
            recall,
            24 * 4,
            Extraction {
                meetings: vec![meeting(
                    ["Ann Lee", "Dee Roe"],
                    MeetingStatus::Held,
                    NaiveDate::from_ymd_opt(2024, 2, 1),
                    recall,
                )],
                ..Default::default()
            },
        ),
    ];
    s.commit_fetch(commit(f.id, at(24 * 6), "h", items))
        .await
        .unwrap();
    let ukraine = TopicName::parse("ukraine").unwrap();
    let brief = |since, now| {
        let topic = ukraine.clone();
        async move {
            brief_for(s, Scope::Global, &topic, since, now)
                .await
                .unwrap()
        }
    };

    let b = brief(None, at(24 * 7)).await;
    assert_eq!(
        b.bottom_line.sentences,
        [
            "Latest meeting: Ann Lee and Bo Park met on 2024-03-01 in Kyiv.",
            "Next: “reply to the offer” (Kyiv), due 2024-03-15.",
            "Pending: 1 item open, none overdue.",
        ]
    );
    let ahead: Vec<Option<NaiveDate>> = b.calendar.iter().map(|e| Some(e.date)).collect();
    assert_eq!(ahead, [day(15), day(20)]);
    assert_eq!(b.latest, Some(at(24 * 5)));
    assert_eq!(b.stale, None);
    assert_eq!(b.latest_before_window, None);

    let w = brief(Some(at(24 * 3)), at(24 * 7)).await;
    let met: Vec<&str> = w
        .met
        .iter()
        .map(|d| d.item.participants[1].as_str())
        .collect();
    assert_eq!(
        met,
        ["Cy Moe"],
        "held on 1 March and recalled from February: out"
    );
    assert_eq!(w.bottom_line.sentences[0], "No meeting reported held.");

    let empty = brief(Some(at(24 * 6)), at(24 * 7)).await;
    assert!(empty.is_empty());
    assert_eq!(empty.window_is_empty(), Some((at(24 * 6), at(24 * 5))));

    let later = Utc.with_ymd_and_hms(2025, 5, 1, 0, 0, 0).unwrap();
    assert_eq!(
        brief(None, later).await.stale.as_deref(),
        Some("14 months ago")
    );
}

/// Runs the `readout` binary on the test database.
async fn readout(db: &TestDb, args: &[&str]) -> String {
    let out = process::async_command(args)
        .env("DATABASE_URL", &db.url)
        .env("READOUT_LOG", "warn")
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "readout {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

async fn the_cli_migrates_and_prints_stats(db: &TestDb) {
    let migrated = readout(db, &["migrate"]).await;
    assert_eq!(
        migrated.lines().map(str::trim).collect::<Vec<_>>(),
        [
            "1  init",
            "2  guilds",
            "3  feed leases",
            "4  digest schedule",
            "5  item context",
            "6  merge duplicate feeds",
            "7  digest delivery",
            "8  alerts",
            "9  digest timeline"
        ]
    );
    db.store
        .add_feed("https://a.example/rss", at(0))
        .await
        .unwrap();
    let stats = readout(db, &["store", "stats"]).await;
    let rows: Vec<Vec<&str>> = stats
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(rows[0], ["feeds", "1"]);
    assert_eq!(rows[1], ["items", "0"]);
    assert_eq!(rows.len(), 13, "twelve tables and the size: {stats}");
    assert_eq!(rows[12][0], "bytes");
    assert!(rows[12][1].parse::<i64>().unwrap() > 0);
}

/// Runs each scenario against both stores, as `sqlite::<name>` and
/// `postgres::<name>`.
/// Issue #16: alerts are kept per topic and channel; a scan commits its events
/// and card only while the alert has the sequence it read; a card is an alert's
/// post in the outbox, and a refused channel pauses the alert.
async fn the_alert_store_contract_holds(db: &TestDb) {
    use readout::store::alert::{AlertScan, AlertScope, AlertSpec};
    use readout::store::digest::{Delivery, NewPost, PostOwner, RoleId};
    let store = db.store.as_ref();
    let t0 = crate::support::at("2024-07-01T08:00:00Z");
    let spec = AlertSpec {
        topic: readout::model::TopicName::parse("ukraine").expect("topic"),
        scope: AlertScope::Meetings,
        channel: 9,
        delivery: Delivery::ForumPost,
        ping: Some(RoleId(77)),
    };
    let id = store.save_alert(GuildId(1), &spec, t0).await.expect("save");
    let alerts = store.guild_alerts(GuildId(1)).await.expect("alerts");
    assert_eq!(alerts.len(), 1);
    assert_eq!(alerts[0].spec, spec, "the spec round-trips");
    assert!(!alerts[0].primed);
    assert!(
        store
            .guild_alerts(GuildId(2))
            .await
            .expect("alerts")
            .is_empty()
    );
    let scan = AlertScan {
        alert: id,
        guild: GuildId(1),
        channel: 9,
        expected_seq: alerts[0].scan_seq,
        seen: vec!["held|a,b|2024-07-01".into(), "held|c,d|undated".into()],
        post: Some(NewPost {
            nonce: "alert-contract-1".into(),
            delivery: Delivery::Message,
            payload: "{\"content\":\"card\"}".into(),
            attachment: None,
        }),
        next_post_at: Some(t0 + chrono::Duration::minutes(3)),
    };
    assert!(store.commit_scan(&scan, t0).await.expect("commit"));
    assert!(
        !store.commit_scan(&scan, t0).await.expect("commit"),
        "the guard holds"
    );
    let mut seen = store.seen_events(id).await.expect("seen");
    seen.sort();
    assert_eq!(seen, scan.seen);
    let a = &store.active_alerts().await.expect("active")[0];
    assert!(a.primed);
    assert_eq!(a.next_post_at, scan.next_post_at);
    let claimed = store
        .claim_outbox(t0, t0 + chrono::Duration::minutes(2), 10)
        .await
        .expect("claim");
    assert_eq!(claimed.len(), 1);
    assert_eq!(claimed[0].owner, PostOwner::Alert(id));
    store
        .fail_post(claimed[0].id, "no access", Some("no access"), t0)
        .await
        .expect("fail");
    assert!(
        store.active_alerts().await.expect("active").is_empty(),
        "paused"
    );
    // Setting it again resumes it and keeps what it had seen.
    store.save_alert(GuildId(1), &spec, t0).await.expect("save");
    assert_eq!(store.active_alerts().await.expect("active").len(), 1);
    assert_eq!(store.seen_events(id).await.expect("seen").len(), 2);
    // A card still queued when its alert is removed is not sent.
    let resumed = &store.active_alerts().await.expect("active")[0];
    let queued = AlertScan {
        expected_seq: resumed.scan_seq,
        seen: vec!["done|send the reply".into()],
        post: Some(NewPost {
            nonce: "alert-contract-2".into(),
            delivery: Delivery::Message,
            payload: "{\"content\":\"card 2\"}".into(),
            attachment: None,
        }),
        ..scan
    };
    assert!(store.commit_scan(&queued, t0).await.expect("commit"));
    assert_eq!(
        store
            .remove_alerts(GuildId(1), &spec.topic, None)
            .await
            .expect("remove"),
        1
    );
    assert!(store.seen_events(id).await.expect("seen").is_empty());
    let later = t0 + chrono::Duration::minutes(10);
    assert!(
        store
            .claim_outbox(later, later + chrono::Duration::minutes(2), 10)
            .await
            .expect("claim")
            .is_empty()
    );
    let outbox = store.outbox(None).await.expect("outbox");
    assert_eq!(
        outbox.last().expect("the card").last_error.as_deref(),
        Some("alert removed")
    );
}

macro_rules! conformance {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let db = super::TestDb::new(super::Backend::Sqlite).await.unwrap();
                    super::$name(&db).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    let Some(db) = super::TestDb::new(super::Backend::Postgres).await else {
                        return;
                    };
                    super::$name(&db).await;
                }
            )*
        }
    };
}

conformance!(
    feeds_are_added_once_and_listed,
    first_fetch_is_recorded_and_later_ones_announced,
    a_replayed_commit_adds_nothing,
    the_same_article_via_two_feeds_is_one_article,
    one_fetch_repeating_an_item_or_an_article_stores_each_once,
    known_keys_are_per_feed,
    failures_unchanged_fetches_and_resume_move_the_schedule,
    topics_are_kept_per_scope,
    topic_material_matches_aliases_as_phrases,
    windows_reach_back_over_quiet_months,
    every_extraction_field_round_trips,
    large_windows_load_every_extraction,
    times_are_kept_to_the_second,
    stats_count_rows_and_size,
    due_feeds_are_claimed_once_until_the_lease_ends,
    leases_are_renewed_by_their_holder_only,
    concurrent_claimers_never_share_a_feed,
    racing_commits_ingest_each_item_once,
    the_cli_migrates_and_prints_stats,
    servers_see_only_their_own_feeds_and_settings,
    digests_are_per_channel_and_saving_again_replaces,
    the_digest_store_contract_holds,
    the_alert_store_contract_holds,
    known_actors_rank_by_mentions,
    briefs_keep_only_items_about_the_topic,
    one_line_per_meeting_news_before_background,
    briefs_open_with_a_bottom_line_and_window_by_own_date,
    a_brief_reads_each_kind_until_it_has_enough,
);

// ------------------------------------------------ across stores, PostgreSQL only

/// Fills a store with the same fetches: several feeds, shared articles, topics.
async fn fill(store: &dyn Store) {
    let feeds = ["https://a.example/rss", "https://b.example/rss"];
    for (n, url) in feeds.iter().enumerate() {
        let f = store.add_feed(url, at(0)).await.unwrap();
        let mut items = Vec::new();
        for i in 0..12 {
            let slug = format!("story-{}", i + n * 6);
            let mut it = item(
                &slug,
                &format!("Story {slug}"),
                if i % 3 == 0 {
                    "Kyiv talks."
                } else {
                    "Zelensky spoke; Erdoğan listened."
                },
                at(i as i64),
            );
            if i % 4 == 0 {
                it.extraction = full_extraction();
            }
            items.push(it);
        }
        store
            .commit_fetch(commit(f.id, at(20), url, items))
            .await
            .unwrap();
    }
    store
        .upsert_topic(
            Scope::Guild(5),
            &Topic {
                name: TopicName::parse("turkey").unwrap(),
                aliases: aliases(&["Erdogan", "Ankara"]),
            },
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn both_stores_give_the_same_briefs() {
    let Some(pg) = TestDb::new(Backend::Postgres).await else {
        return;
    };
    let lite = TestDb::new(Backend::Sqlite).await.unwrap();
    fill(pg.store.as_ref()).await;
    fill(lite.store.as_ref()).await;
    for (scope, topic, since) in [
        (Scope::Global, "ukraine", None),
        (Scope::Global, "ukraine", Some(at(6))),
        (Scope::Guild(5), "turkey", None),
        (Scope::Global, "turkey", None),
    ] {
        let topic = TopicName::parse(topic).unwrap();
        let a = brief_for(pg.store.as_ref(), scope, &topic, since, at(30))
            .await
            .unwrap();
        let b = brief_for(lite.store.as_ref(), scope, &topic, since, at(30))
            .await
            .unwrap();
        assert_eq!(a, b, "{topic} {scope:?} {since:?}");
        if scope == Scope::Global && topic.as_str() == "ukraine" {
            assert!(!a.is_empty());
        }
    }
    assert_eq!(
        pg.store.stats().await.unwrap(),
        lite.store.stats().await.unwrap()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_migrations_run_once_when_processes_start_together() {
    let Some((url, _guard)) = db::empty_postgres().await else {
        return;
    };
    let opens = (0..6).map(|_| {
        let url = url.clone();
        tokio::spawn(async move { readout::store::postgres::PostgresStore::open(&url).await })
    });
    let stores: Vec<_> = futures::future::join_all(opens).await;
    let mut applied = Vec::new();
    for s in stores {
        applied = s
            .unwrap()
            .expect("every concurrent open succeeds")
            .applied_migrations()
            .await
            .unwrap();
    }
    let versions: Vec<i64> = applied.iter().map(|(v, _)| *v).collect();
    assert_eq!(
        versions,
        [1, 2, 3, 4, 5, 6, 7, 8, 9],
        "each migration applied once"
    );
}

/// `readout migrate` started three times at once on one new PostgreSQL database
/// (issue 15, defect 3, for PostgreSQL): sqlx's advisory lock serialises them, so
/// every process succeeds and lists each migration once. Run over several fresh
/// databases, as the SQLite race showed itself in 13 of 30 tries.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_migrate_processes_on_a_new_postgres_database_all_succeed() {
    for _ in 0..5 {
        let Some((url, _guard)) = db::empty_postgres().await else {
            return;
        };
        let runs = (0..3).map(|_| {
            tokio::process::Command::new(env!("CARGO_BIN_EXE_readout"))
                .arg("migrate")
                .env("DATABASE_URL", &url)
                .env("READOUT_LOG", "warn")
                .output()
        });
        let outs = futures::future::join_all(runs).await;
        let mut listed = Vec::new();
        for out in outs {
            let out = out.unwrap();
            assert!(
                out.status.success(),
                "readout migrate: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            listed.push(String::from_utf8(out.stdout).unwrap());
        }
        assert!(listed.iter().all(|l| l == &listed[0]), "{listed:#?}");
        assert_eq!(listed[0].lines().count(), 9, "{}", listed[0]);
        let store = readout::store::postgres::PostgresStore::open(&url)
            .await
            .unwrap();
        let versions: Vec<i64> = store
            .applied_migrations()
            .await
            .unwrap()
            .iter()
            .map(|(v, _)| *v)
            .collect();
        assert_eq!(versions, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_survives_dropped_connections() {
    let Some(db) = TestDb::new(Backend::Postgres).await else {
        return;
    };
    let s = db.store.as_ref();
    s.add_feed("https://a.example/rss", at(0)).await.unwrap();
    let name = url::Url::parse(&db.url)
        .unwrap()
        .path()
        .trim_start_matches('/')
        .to_string();
    let server = db::server_url().unwrap();
    let kill = |name: String, server: String| async move {
        let mut admin: sqlx::PgConnection = sqlx::Connection::connect(&server).await.unwrap();
        let killed: Vec<bool> = sqlx::query_scalar(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        )
        .bind(name)
        .fetch_all(&mut admin)
        .await
        .unwrap();
        killed.len()
    };
    assert!(
        kill(name.clone(), server.clone()).await > 0,
        "the pool held a connection"
    );
    assert_eq!(
        s.feeds().await.unwrap().len(),
        1,
        "a read after the kill succeeds"
    );
    kill(name, server).await;
    let f = s
        .feed_by_url("https://a.example/rss")
        .await
        .unwrap()
        .unwrap();
    let r = s
        .commit_fetch(commit(f.id, at(1), "h", vec![item("a", "A", "x", at(0))]))
        .await
        .unwrap();
    assert_eq!(r.new_items, 1, "a write after the kill succeeds");
}

#[tokio::test]
async fn open_selects_the_store_by_url_scheme() {
    let dir = tempfile::tempdir().unwrap();
    let lite = format!("sqlite://{}", dir.path().join("x.db").display());
    assert!(crate::support::db::open(&lite).await.is_ok());
    assert!(matches!(
        crate::support::db::open("mysql://x").await,
        Err(readout::store::StoreError::Unsupported(_))
    ));
    if let Some(db) = TestDb::new(Backend::Postgres).await {
        let alt = db.url.replacen("postgres://", "postgresql://", 1);
        let s: Arc<dyn Store> = crate::support::db::open(&alt).await.unwrap();
        assert!(s.feeds().await.unwrap().is_empty());
    }
}
