//! Scheduled digests end to end: the scheduler and sender (in process, with a
//! fixed clock, or as the `readout digests` binary with `READOUT_NOW`) against the
//! fake Discord over real HTTP. Every test runs under a time limit.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, NaiveTime, Utc, Weekday};
use serde_json::{Value, json};
use serenity::all::Permissions;

use crate::support::app::{AppOptions, TestApp};
use crate::support::fake_discord::{FakeDiscord, Scripted, limit_violations, mentions_disabled};
use crate::support::{actor, at, process, within_limit};
use readout::bot::{Caller, Data};
use readout::clock::FixedClock;
use readout::config::DigestSettings;
use readout::digest::outbox::embed_json;
use readout::digest::{DigestError, Digests};
use readout::feeds::ItemKey;
use readout::ingest::ArticleKey;
use readout::model::{
    Article, Evidence, Extraction, Meeting, MeetingKind, MeetingStatus, Pending, Span, Speech,
    Statement, TopicName,
};
use readout::store::digest::{
    Cadence, Delivery, DigestSchedule, DigestSpec, DigestStore, PostStatus, RoleId,
};
use readout::store::guild::GuildId;
use readout::store::sqlite::SqliteStore;
use readout::store::{FetchCommit, IngestItem, Store};

pub(crate) const GUILD: u64 = 800_000_000_000_000_001;
pub(crate) const CHANNEL: u64 = 700_000_000_000_000_009;
fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("literal time")
}

/// The app as `readout digests` builds it (a temporary SQLite store, a fixed
/// clock), against the fake Discord, and its digest scheduler + sender.
pub(crate) struct App {
    pub(crate) fake: FakeDiscord,
    pub(crate) store: Arc<SqliteStore>,
    pub(crate) clock: Arc<FixedClock>,
    pub(crate) digests: Digests,
    pub(crate) app: TestApp,
}

pub(crate) async fn spawn_app(now: DateTime<Utc>) -> App {
    let fake = FakeDiscord::start(vec![GUILD]).await;
    let app = crate::support::app::spawn_app(AppOptions {
        discord: fake.discord_config(),
        digests: DigestSettings {
            retry_base: Duration::from_millis(20),
            ..DigestSettings::default()
        },
        ..AppOptions::at(now)
    })
    .await;
    App {
        fake,
        store: app.store.clone(),
        clock: app.clock.clone(),
        digests: app.digests().expect("digests"),
        app,
    }
}

impl App {
    async fn set_digest(&self, cadence: Cadence, zone: &str, skip_empty: bool) -> DigestSchedule {
        self.set_digest_delivered(cadence, zone, skip_empty, Delivery::Message, None)
            .await
    }

    async fn set_digest_delivered(
        &self,
        cadence: Cadence,
        zone: &str,
        skip_empty: bool,
        delivery: Delivery,
        ping: Option<RoleId>,
    ) -> DigestSchedule {
        let spec = DigestSpec {
            channel: CHANNEL,
            delivery,
            ping,
            cadence,
            timezone: zone.parse().expect("zone"),
            topics: vec![TopicName::parse("ukraine").expect("topic")],
            skip_empty,
            timeline: false,
        };
        self.save_spec(spec).await
    }

    /// Saves `spec` with its first due time, and reads the schedule back.
    async fn save_spec(&self, spec: DigestSpec) -> DigestSchedule {
        let now = self.clock.now();
        let next = readout::digest::schedule::next_after(&spec.cadence, spec.timezone, now)
            .expect("next run");
        self.store
            .save_digest(GuildId(GUILD), &spec, next, now)
            .await
            .expect("save digest");
        self.schedule().await
    }

    async fn schedule(&self) -> DigestSchedule {
        self.store
            .digest_schedules(GuildId(GUILD))
            .await
            .expect("schedules")
            .into_iter()
            .next()
            .expect("one digest")
    }

    /// One scheduler pass at `now`; returns how many posts were queued.
    async fn tick(&self, now: DateTime<Utc>) -> usize {
        self.clock.set(now);
        self.digests
            .scheduler
            .schedule_due_digests_once()
            .await
            .expect("scheduler pass")
            .queued
    }

    pub(crate) async fn deliver(&self) -> readout::digest::DeliveryReport {
        self.digests
            .sender
            .deliver_outbox_once()
            .await
            .expect("delivery pass")
    }

    /// What the bot's commands get from the same app.
    fn data(&self) -> Data {
        self.app.bot_data()
    }
}

use readout::clock::Clock;

fn moderator() -> Caller {
    Caller {
        guild: GuildId(GUILD),
        channel: CHANNEL,
        user: 5,
        permissions: Permissions::MANAGE_GUILD,
        roles: vec![],
    }
}

fn evidence(s: &str) -> Evidence {
    Evidence {
        sentence: s.into(),
        span: Span::new(0, s.len()),
    }
}

/// Stores one Ukraine article published at `published` with a held meeting, a
/// statement and a pending item, all carrying `tag` so a test can tell which
/// digest reported what.
async fn add_news(store: &dyn Store, tag: &str, published: DateTime<Utc>) {
    add_report(store, tag, &format!("Donald Tusk{tag}"), published).await
}

/// An article (feed, item and article tagged `tag`) reporting that Zelensky met
/// `met` in Kyiv on the day it was published, with a quote and a commitment.
pub(crate) async fn add_report(store: &dyn Store, tag: &str, met: &str, published: DateTime<Utc>) {
    let surname = met.split_whitespace().last().unwrap_or(met);
    let url = format!("https://news.example/{tag}");
    let text = format!(
        "Zelensky met {surname} in Kyiv on Ukraine. \"We stand firm {tag},\" Zelensky said."
    );
    let article = Article {
        id: format!("art-{tag}"),
        feed: None,
        outlet: "Example News".into(),
        url: url.clone(),
        title: format!("Ukraine talks {tag}"),
        published,
        text: text.clone(),
    };
    let extraction = Extraction {
        meetings: vec![Meeting {
            participants: vec![actor("Volodymyr Zelensky"), actor(met)],
            status: MeetingStatus::Held,
            date: Some(published.date_naive()),
            place: Some("Kyiv".into()),
            kind: MeetingKind::InPerson,
            evidence: evidence(&format!("Zelensky met {surname} in Kyiv.")),
        }],
        statements: vec![Statement {
            speaker: actor("Volodymyr Zelensky"),
            quote: format!("We stand firm {tag}"),
            speech: Speech::Direct,
            audience: None,
            evidence: evidence(&format!("\"We stand firm {tag},\" Zelensky said.")),
        }],
        pending: vec![Pending {
            what: format!("sign the accord {tag}"),
            actors: vec![actor("Volodymyr Zelensky")],
            due: None,
            evidence: evidence(&format!("They will sign the accord {tag}.")),
        }],
        outcomes: vec![],
    };
    let feed = store
        .add_feed(&format!("https://news.example/feed-{tag}"), published)
        .await
        .expect("add feed");
    let key = ItemKey::from_stored(format!("item-{tag}"));
    store
        .commit_fetch(FetchCommit {
            feed: feed.id,
            at: published,
            title: None,
            validators: Default::default(),
            body_hash: format!("hash-{tag}"),
            next_fetch_at: published,
            items: vec![IngestItem {
                article_key: ArticleKey::of(feed.id, &key, &article.url),
                key,
                article,
                extraction,
            }],
        })
        .await
        .expect("commit fetch");
}

/// Checks the rules every digest post keeps, and returns its text.
fn check_post(body: &Value) -> String {
    assert!(mentions_disabled(body), "allowed_mentions: {body:#}");
    assert_eq!(body["enforce_nonce"], json!(true));
    let nonce = body["nonce"].as_str().expect("a nonce");
    assert!(!nonce.is_empty() && nonce.chars().count() <= 25, "{nonce}");
    assert!(
        limit_violations(body).is_empty(),
        "{:?}",
        limit_violations(body)
    );
    body.to_string()
}

#[tokio::test]
async fn a_digest_posts_at_local_time_across_a_daylight_saving_change() {
    within_limit(async {
        // Kyiv is UTC+2 until 2024-03-31 03:00 local, then UTC+3.
        let app = spawn_app(at("2024-03-29T12:00:00Z")).await;
        let d = app
            .set_digest(Cadence::Daily { time: hm(8, 0) }, "Europe/Kyiv", false)
            .await;
        assert_eq!(d.next_run_at, Some(at("2024-03-30T06:00:00Z")));
        add_news(app.store.as_ref(), "one", at("2024-03-29T20:00:00Z")).await;

        assert_eq!(app.tick(at("2024-03-30T05:59:59Z")).await, 0, "not yet due");
        assert_eq!(app.tick(at("2024-03-30T06:00:00Z")).await, 1);
        assert_eq!(app.deliver().await.sent, 1);
        let first = app.fake.created(Some(CHANNEL));
        assert_eq!(first.len(), 1);
        let text = check_post(&first[0]);
        assert!(text.contains("https://news.example/one"), "{text}");
        assert!(text.contains("Tuskone") && text.contains("We stand firm one"));

        // The next run is 08:00 Kyiv summer time: 05:00 UTC.
        assert_eq!(
            app.schedule().await.next_run_at,
            Some(at("2024-03-31T05:00:00Z"))
        );
        add_news(app.store.as_ref(), "two", at("2024-03-30T12:00:00Z")).await;
        assert_eq!(app.tick(at("2024-03-31T04:59:59Z")).await, 0);
        assert_eq!(app.deliver().await.sent, 0);
        assert_eq!(app.tick(at("2024-03-31T05:00:00Z")).await, 1);
        assert_eq!(app.deliver().await.sent, 1);
        let posts = app.fake.created(Some(CHANNEL));
        assert_eq!(posts.len(), 2);
        let text = check_post(&posts[1]);
        assert!(text.contains("https://news.example/two"), "{text}");
        assert!(
            !text.contains("https://news.example/one"),
            "only what is new: {text}"
        );
        assert_ne!(posts[0]["nonce"], posts[1]["nonce"]);
        // Nothing more until the next day.
        assert_eq!(app.tick(at("2024-03-31T12:00:00Z")).await, 0);
        assert_eq!(
            app.schedule().await.next_run_at,
            Some(at("2024-04-01T05:00:00Z"))
        );
    })
    .await;
}

#[tokio::test]
async fn rate_limits_server_errors_and_a_lost_answer_are_retried_and_post_once() {
    within_limit(async {
        let app = spawn_app(at("2024-07-01T07:00:00Z")).await;
        app.set_digest(Cadence::Daily { time: hm(8, 0) }, "UTC", false)
            .await;
        add_news(app.store.as_ref(), "r", at("2024-07-01T06:00:00Z")).await;
        app.fake.script(
            CHANNEL,
            vec![
                Scripted::status(
                    429,
                    json!({"message": "You are being rate limited.", "retry_after": 0.05, "global": false}),
                ),
                Scripted::status(500, json!({"message": "500: Internal Server Error", "code": 0})),
                Scripted::Answer {
                    status: 429,
                    body: json!({"message": "You are being rate limited.", "global": false}),
                    retry_after_header: Some("0".into()),
                },
                Scripted::CreateThenFail,
            ],
        );
        assert_eq!(app.tick(at("2024-07-01T08:00:00Z")).await, 1);
        let started = std::time::Instant::now();
        let report = app.deliver().await;
        assert_eq!(report.sent, 1, "{report:?}");
        assert_eq!(report.retries, 4);
        assert!(started.elapsed() < Duration::from_secs(5));
        let posts = app.fake.channel_posts();
        assert_eq!(posts.len(), 5, "four refusals or lost answers, then success");
        let nonce = &posts[0].body["nonce"];
        assert!(posts.iter().all(|p| &p.body["nonce"] == nonce), "one nonce throughout");
        assert_eq!(app.fake.created(None).len(), 1, "the lost answer's message is not repeated");
        let outbox = app.store.outbox(None).await.expect("outbox");
        assert_eq!(outbox[0].status, PostStatus::Sent);
        assert!(outbox[0].message_id.is_some());
        // Nothing is sent again.
        assert_eq!(app.deliver().await.sent, 0);
        assert_eq!(app.fake.channel_posts().len(), 5);
    })
    .await;
}

/// Issue #16, point 3: a digest to a forum channel starts one post per run,
/// titled with its topic and local date; an answer lost after Discord created
/// the post does not make a second one (Discord takes no nonce there: the retry
/// finds the post by its title among the forum's active posts).
#[tokio::test]
async fn a_forum_digest_creates_one_post_per_run_even_when_its_answer_is_lost() {
    within_limit(async {
        let app = spawn_app(at("2024-07-01T04:00:00Z")).await;
        app.set_digest_delivered(
            Cadence::Daily { time: hm(8, 0) },
            "Europe/Paris",
            false,
            Delivery::ForumPost,
            None,
        )
        .await;
        add_news(app.store.as_ref(), "f", at("2024-07-01T05:00:00Z")).await;
        app.fake.script(CHANNEL, vec![Scripted::CreateThenFail]);
        // 08:00 in Paris is 06:00 UTC.
        assert_eq!(app.tick(at("2024-07-01T06:00:00Z")).await, 1);
        let report = app.deliver().await;
        assert_eq!(report.sent, 1, "{report:?}");
        let posts = app.fake.forum_posts();
        assert_eq!(posts.len(), 1, "{posts:#?}");
        assert_eq!(posts[0]["name"], "ukraine — 1 Jul 2024");
        assert_eq!(posts[0]["parent_id"], CHANNEL.to_string());
        let outbox = app.store.outbox(None).await.expect("outbox");
        assert_eq!(outbox[0].status, PostStatus::Sent);
        assert_eq!(
            outbox[0].message_id.as_ref(),
            posts[0]["id"].as_str().map(String::from).as_ref()
        );
        let first = &app.fake.created(None)[0];
        assert!(mentions_disabled(first), "{first:#}");
        assert!(first["embeds"].as_array().is_some_and(|e| !e.is_empty()));

        // The next day's run is a post of its own.
        assert_eq!(app.tick(at("2024-07-02T06:00:00Z")).await, 1);
        assert_eq!(app.deliver().await.sent, 1);
        let posts = app.fake.forum_posts();
        assert_eq!(posts.len(), 2);
        assert_eq!(posts[1]["name"], "ukraine — 2 Jul 2024");
    })
    .await;
}

/// Issue #16, point 3: a digest that pings a role carries that role alone in
/// `allowed_mentions`, parses nothing from the text, and mentions it first.
#[tokio::test]
async fn a_digest_pings_its_one_role_and_nobody_else() {
    within_limit(async {
        let app = spawn_app(at("2024-07-01T07:00:00Z")).await;
        let role = 555_000_000_000_000_001u64;
        app.set_digest_delivered(
            Cadence::Daily { time: hm(8, 0) },
            "UTC",
            false,
            Delivery::Message,
            Some(RoleId(role)),
        )
        .await;
        add_news(app.store.as_ref(), "ping", at("2024-07-01T06:00:00Z")).await;
        assert_eq!(app.tick(at("2024-07-01T08:00:00Z")).await, 1);
        assert_eq!(app.deliver().await.sent, 1);
        let body = &app.fake.created(Some(CHANNEL))[0];
        assert_eq!(
            body["allowed_mentions"],
            json!({"parse": [], "roles": [role.to_string()]})
        );
        assert!(
            body["content"]
                .as_str()
                .unwrap_or("")
                .starts_with(&format!("<@&{role}> ")),
            "{body:#}"
        );
    })
    .await;
}

/// Issue #16, point 2: a weekly digest that asks for the timeline carries it as
/// a PNG file (multipart, named in `attachments`), in a message and in a forum
/// post alike; a digest that does not ask sends no file.
#[tokio::test]
async fn a_digest_that_asks_for_the_timeline_attaches_the_picture() {
    within_limit(async {
        let app = spawn_app(at("2024-07-01T07:00:00Z")).await;
        let weekly = || Cadence::Weekly {
            weekday: chrono::Weekday::Mon,
            time: hm(8, 0),
        };
        let plain = app
            .set_digest_delivered(weekly(), "UTC", false, Delivery::Message, None)
            .await;
        app.save_spec(DigestSpec {
            timeline: true,
            ..plain.spec.clone()
        })
        .await;
        add_news(app.store.as_ref(), "tl", at("2024-07-01T06:00:00Z")).await;
        assert_eq!(app.tick(at("2024-07-01T08:00:00Z")).await, 1);
        assert_eq!(app.deliver().await.sent, 1);
        let posts = app.fake.channel_posts();
        let [(name, png)] = posts[0].files.as_slice() else {
            panic!("one file: {:?}", posts[0].files.len());
        };
        assert_eq!(name, "timeline.png");
        let (w, h, _) = crate::timeline::decode_png(png);
        assert_eq!((w, h > 198), (1000, true), "{h}");
        let body = &app.fake.created(Some(CHANNEL))[0];
        assert_eq!(body["attachments"][0]["filename"], "timeline.png");
        check_post(body);
        let sent = &app.store.outbox(None).await.expect("outbox")[0];
        assert_eq!(sent.status, PostStatus::Sent);
        assert!(
            sent.attachment.is_none(),
            "Discord keeps the file; the store lets it go"
        );

        // The same digest as forum posts: the file goes with the post's message.
        app.save_spec(DigestSpec {
            delivery: Delivery::ForumPost,
            timeline: true,
            ..plain.spec.clone()
        })
        .await;
        add_news(app.store.as_ref(), "tl2", at("2024-07-05T06:00:00Z")).await;
        assert_eq!(app.tick(at("2024-07-08T08:00:00Z")).await, 1);
        assert_eq!(app.deliver().await.sent, 1);
        let started: Vec<_> = app
            .fake
            .requests()
            .into_iter()
            .filter(|r| r.method == "POST" && r.path.ends_with("/threads"))
            .collect();
        assert_eq!(started.len(), 1);
        assert_eq!(started[0].files.len(), 1, "the picture rides with the post");
        assert_eq!(
            started[0].body["message"]["attachments"][0]["filename"],
            "timeline.png"
        );
        crate::timeline::decode_png(&started[0].files[0].1);

        // Not asked for, no file.
        app.save_spec(plain.spec.clone()).await;
        add_news(app.store.as_ref(), "tl3", at("2024-07-12T06:00:00Z")).await;
        assert_eq!(app.tick(at("2024-07-15T08:00:00Z")).await, 1);
        assert_eq!(app.deliver().await.sent, 1);
        let last = app.fake.channel_posts().pop().expect("a post");
        assert!(last.files.is_empty(), "no picture unasked");
        assert!(last.body.get("attachments").is_none(), "{:#}", last.body);
    })
    .await;
}

/// A daily 08:00 UTC digest with news tagged `tag`, its post queued at 08:00,
/// and the fake Discord set to give `answer` to that post.
async fn one_post_queued_for(tag: &str, answer: Scripted) -> App {
    let app = spawn_app(at("2024-07-01T07:00:00Z")).await;
    app.set_digest(Cadence::Daily { time: hm(8, 0) }, "UTC", false)
        .await;
    add_news(app.store.as_ref(), tag, at("2024-07-01T06:00:00Z")).await;
    app.fake.script(CHANNEL, vec![answer]);
    assert_eq!(app.tick(at("2024-07-01T08:00:00Z")).await, 1);
    app
}

#[tokio::test]
async fn missing_permissions_pause_the_digest_with_a_reason_moderators_see() {
    within_limit(async {
        let app = one_post_queued_for(
            "p",
            Scripted::status(
                403,
                json!({"message": "Missing Permissions", "code": 50013}),
            ),
        )
        .await;
        let r = app.deliver().await;
        assert_eq!((r.sent, r.paused), (0, 1), "{r:?}");
        assert_eq!(app.fake.channel_posts().len(), 1, "a 403 is not retried");
        let d = app.schedule().await;
        let reason = d.paused_reason.clone().expect("paused");
        assert!(reason.contains("permissions"), "{reason}");
        let post = &app.store.outbox(None).await.expect("outbox")[0];
        assert_eq!(post.status, PostStatus::Failed);
        assert_eq!(
            d.covered_until,
            Some(post.covers_from),
            "the window is handed back"
        );

        // Paused: later due times post nothing.
        assert_eq!(app.tick(at("2024-07-02T08:00:00Z")).await, 0);
        let data = app.data();
        let listed = readout::bot::digest::list(&data, &moderator())
            .await
            .expect("list");
        let shown = format!("{:?}", listed.embeds);
        assert!(
            shown.contains("Paused") && shown.contains("permissions"),
            "{shown}"
        );

        // Setting it again resumes it; the next digest covers the failed window.
        app.clock.set(at("2024-07-02T09:00:00Z"));
        readout::bot::digest::set(
            &data,
            &moderator(),
            CHANNEL,
            "09:30",
            "UTC",
            Some("ukraine"),
        )
        .await
        .expect("set again");
        assert!(app.schedule().await.paused_reason.is_none());
        assert_eq!(app.tick(at("2024-07-02T09:30:00Z")).await, 1);
        assert_eq!(app.deliver().await.sent, 1);
        let text = check_post(&app.fake.created(None)[0]);
        assert!(text.contains("https://news.example/p"), "{text}");
    })
    .await;
}

/// Before, a 401 counted as a refusal of the one post: every due post failed for
/// good ("Discord refused the post: 401") and the sender went on. Now a token
/// Discord rejects ends the digest loop with an error naming the variable, and
/// the post waits in the outbox for the replaced token.
#[tokio::test]
async fn a_token_discord_rejects_stops_the_digests_and_keeps_the_post() {
    within_limit(async {
        let app = one_post_queued_for(
            "t",
            Scripted::status(401, json!({"message": "401: Unauthorized", "code": 0})),
        )
        .await;
        let (_stop, stopped) = tokio::sync::watch::channel(false);
        let err = app
            .digests
            .run(stopped)
            .await
            .expect_err("a rejected token ends the loop");
        let text = err.to_string();
        assert!(matches!(err, DigestError::TokenRejected(_)), "{text}");
        assert!(
            text.contains("DISCORD_TOKEN") && text.contains("401"),
            "{text}"
        );
        assert_eq!(app.fake.channel_posts().len(), 1, "a 401 is not retried");
        let post = &app.store.outbox(None).await.expect("outbox")[0];
        assert_eq!(post.status, PostStatus::Pending, "the post is kept");
        assert!(app.schedule().await.paused_reason.is_none());

        // With the token accepted again, the next pass posts it once.
        assert_eq!(app.deliver().await.sent, 1);
        assert_eq!(app.fake.created(None).len(), 1);
        check_post(&app.fake.created(None)[0]);
    })
    .await;
}

#[tokio::test]
async fn downtime_across_three_due_times_gives_one_bounded_catch_up() {
    within_limit(async {
        let app = spawn_app(at("2024-06-30T07:00:00Z")).await;
        app.set_digest(Cadence::Daily { time: hm(8, 0) }, "UTC", false)
            .await;
        assert_eq!(app.tick(at("2024-06-30T08:00:00Z")).await, 1);
        assert_eq!(app.deliver().await.sent, 1);
        // Down from just after that until 09:00 on 07-03: 07-01, 07-02 and
        // 07-03 08:00 were missed. News from before the 48 h limit is left out.
        add_news(app.store.as_ref(), "old", at("2024-06-30T20:00:00Z")).await;
        add_news(app.store.as_ref(), "mid", at("2024-07-02T10:00:00Z")).await;
        add_news(app.store.as_ref(), "late", at("2024-07-03T07:00:00Z")).await;
        assert_eq!(
            app.tick(at("2024-07-03T09:00:00Z")).await,
            1,
            "one catch-up"
        );
        assert_eq!(app.tick(at("2024-07-03T09:00:00Z")).await, 0);
        let outbox = app.store.outbox(None).await.expect("outbox");
        assert_eq!(outbox.len(), 2);
        assert_eq!(outbox[1].run_at, at("2024-07-03T08:00:00Z"));
        assert_eq!(
            outbox[1].covers_from,
            at("2024-07-01T09:00:00Z"),
            "48 h back at most"
        );
        assert_eq!(
            app.schedule().await.next_run_at,
            Some(at("2024-07-04T08:00:00Z"))
        );
        assert_eq!(app.deliver().await.sent, 1);
        let posts = app.fake.created(None);
        assert_eq!(posts.len(), 2);
        let text = check_post(&posts[1]);
        assert!(
            text.contains("Catch-up") && text.contains("3 scheduled"),
            "{text}"
        );
        assert!(text.contains("news.example/mid") && text.contains("news.example/late"));
        assert!(!text.contains("news.example/old"), "{text}");
    })
    .await;
}

#[tokio::test]
async fn empty_runs_are_skipped_when_asked_and_noted_otherwise() {
    within_limit(async {
        let app = spawn_app(at("2024-07-01T07:00:00Z")).await;
        app.set_digest(
            Cadence::Weekly {
                weekday: Weekday::Mon,
                time: hm(8, 0),
            },
            "Europe/Paris",
            true,
        )
        .await;
        // 2024-07-01 is a Monday; 08:00 Paris is 06:00 UTC, already past: next week.
        assert_eq!(
            app.schedule().await.next_run_at,
            Some(at("2024-07-08T06:00:00Z"))
        );
        assert_eq!(app.tick(at("2024-07-08T06:00:00Z")).await, 0);
        assert_eq!(
            app.schedule().await.next_run_at,
            Some(at("2024-07-15T06:00:00Z"))
        );
        assert!(app.store.outbox(None).await.expect("outbox").is_empty());

        // Without skipping, an empty run says so.
        app.set_digest(Cadence::Cron("0 9 * * *".into()), "UTC", false)
            .await;
        assert_eq!(app.tick(at("2024-07-15T09:00:00Z")).await, 1);
        app.deliver().await;
        let text = check_post(&app.fake.created(None)[0]);
        assert!(text.contains("Nothing new"), "{text}");
    })
    .await;
}

#[tokio::test]
async fn preview_shows_exactly_what_is_then_posted() {
    within_limit(async {
        let app = spawn_app(at("2024-07-01T07:00:00Z")).await;
        let data = app.data();
        let r = readout::bot::digest::set_with(
            &data,
            &moderator(),
            CHANNEL,
            &readout::bot::digest::SetOptions {
                zone: "UTC",
                cron: Some("0 8 * * 1-5"),
                topics: Some("ukraine"),
                timeline: true,
                ..Default::default()
            },
        )
        .await
        .expect("set");
        assert!(r.content.expect("text").contains("Digest saved"));
        add_news(app.store.as_ref(), "v", at("2024-07-01T06:30:00Z")).await;
        app.clock.set(at("2024-07-01T08:00:00Z"));
        let p = readout::bot::reply::Progress::detached();
        let preview = readout::bot::digest::preview(&data, &moderator(), &p, None)
            .await
            .expect("preview");
        assert_eq!(app.tick(at("2024-07-01T08:00:00Z")).await, 1);
        app.deliver().await;
        let posted = &app.fake.created(None)[0];
        let embeds: Vec<Value> = preview.embeds.iter().map(embed_json).collect();
        assert_eq!(&Value::Array(embeds), &posted["embeds"]);
        let content = preview.content.expect("content");
        assert!(content.ends_with(posted["content"].as_str().expect("content")));
        // The picture too, byte for byte.
        let picture = preview.file.expect("the timeline picture");
        assert_eq!(picture.name, "timeline.png");
        assert_eq!(
            Some(&picture.bytes),
            app.fake.channel_posts()[0].files.first().map(|f| &f.1)
        );
        // Invalid options are refused with a reason.
        for bad in [
            readout::bot::digest::SetOptions {
                zone: "UTC",
                cron: Some("* * * * *"),
                ..Default::default()
            },
            readout::bot::digest::SetOptions {
                zone: "UTC",
                ..Default::default()
            },
            readout::bot::digest::SetOptions {
                zone: "UTC",
                time: Some("08:00"),
                cron: Some("0 8 * * *"),
                ..Default::default()
            },
        ] {
            assert!(
                readout::bot::digest::set_with(&data, &moderator(), CHANNEL, &bad)
                    .await
                    .is_err()
            );
        }
    })
    .await;
}

/// Runs `readout digests --once` against the app's store and fake at `now`.
fn digests_process(app: &App, now: &str, failpoint: Option<&str>) -> tokio::process::Command {
    readout_process(app, &["digests", "--once"], now, failpoint)
}

/// Runs `readout ARGS` against the app's store and fake, its digest clock at `now`.
fn readout_process(
    app: &App,
    args: &[&str],
    now: &str,
    failpoint: Option<&str>,
) -> tokio::process::Command {
    let mut cmd = process::async_command(args);
    cmd.env("DATABASE_URL", app.app.config().database_url.as_str())
        .env("DISCORD_TOKEN", "fake-token")
        .env("DISCORD_API_BASE", &app.fake.base)
        .env("READOUT_NOW", now)
        .env("READOUT_LOG", "warn")
        .current_dir(app.app.db.parent().expect("db dir"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
    if let Some(f) = failpoint {
        cmd.env("READOUT_FAILPOINT", f);
    }
    cmd
}

/// Starts the process, waits for its failpoint marker, and SIGKILLs it there.
pub(crate) async fn kill_at_failpoint(app: &App, now: &str, point: &str) {
    use tokio::io::AsyncBufReadExt;
    let mut child = digests_process(app, now, Some(point))
        .spawn()
        .expect("spawn readout");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = tokio::io::BufReader::new(stdout).lines();
    let marker = format!("READOUT_FAILPOINT {point}");
    let reached = tokio::time::timeout(Duration::from_secs(20), async {
        while let Ok(Some(line)) = lines.next_line().await {
            if line.trim() == marker {
                return true;
            }
        }
        false
    })
    .await;
    if reached != Ok(true) {
        let out = child.wait_with_output().await.expect("output");
        panic!(
            "the failpoint {point} was not reached: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    child.kill().await.expect("SIGKILL"); // tokio's kill is SIGKILL
}

pub(crate) async fn run_to_end(app: &App, now: &str) {
    let out = tokio::time::timeout(
        Duration::from_secs(20),
        digests_process(app, now, None).output(),
    )
    .await
    .expect("readout digests --once finished in time")
    .expect("run readout");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_after_enqueue_or_after_send_each_digest_appears_once() {
    within_limit(async {
        for point in ["after_enqueue", "after_send"] {
            let app = spawn_app(at("2024-07-01T07:00:00Z")).await;
            app.set_digest(Cadence::Daily { time: hm(8, 0) }, "UTC", false)
                .await;
            add_news(app.store.as_ref(), "k", at("2024-07-01T06:00:00Z")).await;

            kill_at_failpoint(&app, "2024-07-01T08:00:10Z", point).await;
            let outbox = app.store.outbox(None).await.expect("outbox");
            assert_eq!(outbox.len(), 1, "{point}: the post was queued");
            assert_eq!(outbox[0].status, PostStatus::Pending, "{point}");
            let created_at_kill = app.fake.created(None).len();
            assert_eq!(
                created_at_kill,
                usize::from(point == "after_send"),
                "{point}"
            );

            // Restarted after the dead sender's lease ran out (2 min).
            run_to_end(&app, "2024-07-01T08:03:00Z").await;
            run_to_end(&app, "2024-07-01T08:04:00Z").await;
            let created = app.fake.created(None);
            assert_eq!(created.len(), 1, "{point}: exactly one message");
            check_post(&created[0]);
            let outbox = app.store.outbox(None).await.expect("outbox");
            assert_eq!(outbox.len(), 1, "{point}: no second post queued");
            assert_eq!(outbox[0].status, PostStatus::Sent, "{point}");
            let attempts = app.fake.channel_posts().len();
            assert_eq!(
                attempts,
                if point == "after_send" { 2 } else { 1 },
                "{point}"
            );
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readout_run_posts_digests_beside_the_bot_and_stops_on_ctrl_c() {
    within_limit(async {
        let app = spawn_app(at("2024-07-01T07:00:00Z")).await;
        app.set_digest(Cadence::Daily { time: hm(8, 0) }, "UTC", false)
            .await;
        let mut cmd = readout_process(&app, &["run"], "2024-07-01T08:00:05Z", None);
        let child = cmd
            .env("READOUT_DIGEST_TICK_SECS", "1")
            .spawn()
            .expect("spawn readout run");
        app.fake.wait_ready().await;
        app.fake.wait_created(1).await;
        // Ctrl-C: the bot disconnects and the digest loop stops after its pass.
        process::ctrl_c(&child);
        let out = tokio::time::timeout(Duration::from_secs(15), child.wait_with_output())
            .await
            .expect("readout run stopped after Ctrl-C")
            .expect("output");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(app.fake.created(None).len(), 1);
        check_post(&app.fake.created(None)[0]);
    })
    .await;
}

/// Before, `readout digests` took a rejected token for a refusal of each post
/// (and with `--once` exited 0). Now it stops at start with one line naming the
/// variable, never the token, and exit status 1, touching no digest.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readout_digests_with_a_rejected_token_exits_1_with_one_line() {
    within_limit(async {
        let app = spawn_app(at("2024-07-01T07:00:00Z")).await;
        app.set_digest(Cadence::Daily { time: hm(8, 0) }, "UTC", false)
            .await;
        for args in [&["digests", "--once"][..], &["digests"][..]] {
            let out = readout_process(&app, args, "2024-07-01T08:00:05Z", None)
                .env("DISCORD_TOKEN", "wrong-token-value")
                .output();
            let out = tokio::time::timeout(Duration::from_secs(20), out)
                .await
                .expect("readout digests stopped on its own")
                .expect("run readout");
            let line = process::the_one_error_line(&out, 1);
            assert!(
                line.contains("Discord rejected DISCORD_TOKEN (401"),
                "{args:?}: {line}"
            );
            assert!(!process::stderr(&out).contains("wrong-token-value"));
        }
        assert!(app.fake.channel_posts().is_empty());
        assert!(app.store.outbox(None).await.expect("outbox").is_empty());
    })
    .await;
}

/// Before, `readout digests` listened for Ctrl-C only once its signal task first
/// ran: a SIGINT just after the start killed it by the default action. It now
/// listens from the start, like `readout run`, and exits cleanly.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readout_digests_stops_cleanly_on_ctrl_c_right_after_the_start() {
    within_limit(async {
        let app = spawn_app(at("2024-07-01T07:00:00Z")).await;
        let child = readout_process(&app, &["digests"], "2024-07-01T08:00:05Z", None)
            .env("READOUT_LOG", "warn,readout::store=debug")
            .spawn()
            .expect("spawn readout digests");
        let (status, stderr) = process::interrupt_after(child, "opened the store").await;
        assert!(status.success(), "{status:?}: {stderr}");
    })
    .await;
}
