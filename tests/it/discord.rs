//! End to end: the real bot (serenity + poise, through `DISCORD_API_BASE`) against
//! a fake Discord on loopback, checking what the bot sends back. Every test runs
//! under a time limit so a hang fails fast.

use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use chrono::NaiveDate;
use serde_json::Value;

use crate::support::app::{AppOptions, spawn_app};
use crate::support::fake_discord::*;
use crate::support::{actor, keyed_for, process, repo_path, unkeyed, within_limit};
use readout::app::{Shutdown, StartError};
use readout::feeds::parse_feed;
use readout::ingest::FeedSource;
use readout::model::{
    Article, Evidence, Extraction, Meeting, MeetingKind, MeetingStatus, Pending, Span, Speech,
    Statement, TopicName,
};
use readout::store::alert::AlertStore;
use readout::store::digest::DigestStore;
use readout::store::guild::{GuildId, GuildStore};
use readout::store::{ContentStore, FetchCommit, IngestItem, Scope, Store, Topic};

/// A bundled demo feed.
fn feed_path(name: &str) -> std::path::PathBuf {
    repo_path(&format!("demo/feeds/{name}"))
}

fn evidence(text: &str, sentence: &str) -> Evidence {
    let start = text.find(sentence).unwrap_or(0);
    let end = if start == 0 && !text.starts_with(sentence) {
        0
    } else {
        start + sentence.len()
    };
    Evidence {
        sentence: sentence.to_string(),
        span: Span::new(start, end),
    }
}

/// Commits items as one fetch of a feed named `feed`.
async fn commit(store: &dyn Store, feed: &str, items: Vec<IngestItem>) {
    let now = test_now();
    let f = store.add_feed(feed, now).await.expect("add feed");
    store
        .commit_fetch(FetchCommit {
            feed: f.id,
            at: now,
            title: None,
            validators: Default::default(),
            body_hash: format!("hash-of-{feed}"),
            next_fetch_at: now,
            items: keyed_for(f.id, items),
        })
        .await
        .expect("commit fetch");
}

/// The store the acceptance asks for: the bundled demo feeds ingested with the
/// app's own `Ingestor` (the `RuleExtractor`), plus the seed article with a hand-built
/// extraction (the Blinken–Lavrov meeting), so the test checks the bot and not
/// the extractor.
async fn seed_store(bot: &TestBot) {
    let store: Arc<dyn Store> = bot.store.clone();
    let ingestor = bot.app.ingestor();
    for name in ["sample-ukraine.atom", "sample-elsewhere.json"] {
        ingestor
            .ingest(&FeedSource::File(feed_path(name)), Duration::from_secs(600))
            .await
            .expect("ingest demo feed");
    }

    let bytes = std::fs::read(feed_path("seed-wire.xml")).expect("seed feed");
    let parsed = parse_feed(&bytes, None).expect("seed feed parses");
    let item = parsed.items.first().expect("seed item").clone();
    let text = item.best_text().unwrap_or_default().to_string();
    let met = "Earlier this week, Russian Foreign Minister Sergei Lavrov met with Blinken to discuss potential solutions.";
    let said = "That’s certainly something we’re prepared to do.";
    let pending = "the U.S. will indeed provide a response before Blinken and Lavrov meet again";
    let extraction = Extraction {
        meetings: vec![Meeting {
            participants: vec![actor("Antony Blinken"), actor("Sergei Lavrov")],
            status: MeetingStatus::Held,
            date: NaiveDate::from_ymd_opt(2022, 1, 21),
            place: Some("Geneva".into()),
            kind: MeetingKind::InPerson,
            evidence: evidence(&text, met),
        }],
        statements: vec![Statement {
            speaker: actor("Antony Blinken"),
            quote: said.into(),
            speech: Speech::Direct,
            audience: Some("ABC News".into()),
            evidence: evidence(&text, said),
        }],
        pending: vec![Pending {
            what: "U.S. written response to Russia's draft treaties".into(),
            actors: vec![actor("United States")],
            due: None,
            evidence: evidence(&text, pending),
        }],
        outcomes: vec![],
    };
    let article = Article {
        id: item.key.as_str().to_string(),
        feed: Some("demo:seed-wire.xml".into()),
        outlet: "Seed Wire".into(),
        url: item.link.clone().unwrap_or_default(),
        title: item.title.clone(),
        published: item.published.unwrap_or_else(test_now),
        text,
    };
    commit(
        store.as_ref(),
        "demo:seed-wire.xml",
        vec![IngestItem {
            key: item.key.clone(),
            article_key: unkeyed(),
            article,
            extraction,
        }],
    )
    .await;
}

fn field<'a>(embed: &'a Value, name: &str) -> &'a str {
    embed["fields"]
        .as_array()
        .and_then(|fs| fs.iter().find(|f| f["name"] == name))
        .and_then(|f| f["value"].as_str())
        .unwrap_or_else(|| panic!("no field {name:?} in {embed:#}"))
}

fn is_ephemeral(msg: &Value) -> bool {
    msg["flags"].as_u64().is_some_and(|f| f & 64 != 0)
}

#[tokio::test]
async fn status_answers_with_the_three_sections_and_the_blinken_lavrov_meeting() {
    within_limit(async {
        let bot = TestBot::spawn(false).await;
        seed_store(&bot).await;
        let reqs = bot
            .command(
                GUILD_A,
                &Member::plain(11),
                "status",
                // The seed's items name the U.S. and Russia; only some name
                // Ukraine (an item is in a brief when it is about the topic).
                vec![opt("topic", "united states")],
            )
            .await;

        // Deferred publicly (type 5, no ephemeral flag), then the original edited.
        assert_eq!(reqs[0].callback_type(), Some(5), "{reqs:#?}");
        assert!(!is_ephemeral(&reqs[0].body["data"]));
        let last = reqs.last().expect("an answer");
        assert_eq!(last.method, "PATCH");
        assert!(last.path.ends_with("/messages/@original"));

        let msg = final_message(&reqs);
        eprintln!("{msg:#}");
        assert!(mentions_disabled(&msg), "{msg:#}");
        assert_eq!(limit_violations(&msg), Vec::<String>::new());
        let embed = &msg["embeds"][0];
        assert!(
            embed["title"]
                .as_str()
                .unwrap_or("")
                .contains("united states")
        );
        assert!(
            embed["description"]
                .as_str()
                .unwrap_or("")
                .contains("As of <t:")
        );
        let met = field(embed, "Who met");
        assert!(met.contains("Antony Blinken – Sergei Lavrov"), "{met}");
        assert!(
            met.contains("<t:") && met.contains(":d>"),
            "dates as Discord timestamps: {met}"
        );
        assert!(
            met.contains("(https://example.org/seed/blinken-biden-putin)"),
            "linked to its source: {met}"
        );
        assert!(field(embed, "What was said").contains("prepared to do"));
        assert!(field(embed, "What is pending").contains("written response"));
        assert!(field(embed, "Sources").contains("Seed Wire"));
    })
    .await;
}

/// Issue #16, point 2: `/timeline` answers with the picture attached (a PNG that
/// decodes, named after the topic), mentions off; a topic with nothing dated gets
/// a short text and no file.
#[tokio::test]
async fn timeline_attaches_a_png_of_the_topic() {
    within_limit(async {
        let bot = TestBot::spawn(false).await;
        seed_store(&bot).await;
        let reqs = bot
            .command(
                GUILD_A,
                &Member::plain(12),
                "timeline",
                vec![opt("topic", "united states")],
            )
            .await;
        assert_eq!(reqs[0].callback_type(), Some(5), "deferred: {reqs:#?}");
        let last = reqs.last().expect("an answer");
        assert_eq!(last.method, "PATCH", "{reqs:#?}");
        assert!(mentions_disabled(&last.body), "{:#}", last.body);
        assert!(
            last.body["content"]
                .as_str()
                .unwrap_or("")
                .contains("united states")
        );
        let [(name, bytes)] = last.files.as_slice() else {
            panic!(
                "one file: {:?}",
                last.files.iter().map(|f| &f.0).collect::<Vec<_>>()
            );
        };
        assert_eq!(name, "timeline-united-states.png");
        let (w, h, _) = crate::timeline::decode_png(bytes);
        assert_eq!(w, 1000);
        assert!(h > 198, "{h}");

        let reqs = bot
            .command(
                GUILD_A,
                &Member::plain(13),
                "timeline",
                vec![opt("topic", "sudan")],
            )
            .await;
        let last = reqs.last().expect("an answer");
        assert!(last.files.is_empty(), "no picture of nothing");
        let msg = final_message(&reqs);
        assert!(
            msg["content"]
                .as_str()
                .unwrap_or("")
                .contains("Nothing to draw"),
            "{msg:#}"
        );
    })
    .await;
}

/// Issue #13, points 5 and 6 in Discord: `/status` opens with the bottom line
/// and "Next on the calendar", made from the stored items (names stay inert);
/// `/status since:` with nothing in the window says when the latest
/// development was and how to see it.
#[tokio::test]
async fn status_opens_with_the_bottom_line_and_the_calendar() {
    within_limit(async {
        let bot = TestBot::spawn(false).await;
        let text = "Ann Lee met Bo Park in Kyiv on Friday. \
                    Lee will meet @everyone Moe in Kyiv on 3 February.";
        let held = "Ann Lee met Bo Park in Kyiv on Friday.";
        let plan = "Lee will meet @everyone Moe in Kyiv on 3 February.";
        let meeting = |who: [&str; 2], status, date, sentence| Meeting {
            participants: who.iter().map(|w| actor(w)).collect(),
            status,
            date,
            place: Some("Kyiv".into()),
            kind: MeetingKind::InPerson,
            evidence: evidence(text, sentence),
        };
        let published = test_now() - chrono::Duration::days(2);
        let item = IngestItem {
            key: readout::feeds::ItemKey::from_stored("calendar-1".into()),
            article_key: unkeyed(),
            article: Article {
                id: "calendar-1".into(),
                feed: None,
                outlet: "Wire".into(),
                url: "https://news.example/calendar-1".into(),
                title: "Talks in Kyiv".into(),
                published,
                text: text.into(),
            },
            extraction: Extraction {
                meetings: vec![
                    meeting(
                        ["Ann Lee", "Bo Park"],
                        MeetingStatus::Held,
                        NaiveDate::from_ymd_opt(2022, 1, 21),
                        held,
                    ),
                    meeting(
                        ["Ann Lee", "@everyone Moe"],
                        MeetingStatus::Planned,
                        NaiveDate::from_ymd_opt(2022, 2, 3),
                        plan,
                    ),
                ],
                ..Default::default()
            },
        };
        commit(bot.store.as_ref(), "https://news.example/rss", vec![item]).await;

        let reqs = bot
            .command(
                GUILD_A,
                &Member::plain(31),
                "status",
                vec![opt("topic", "ukraine")],
            )
            .await;
        let msg = final_message(&reqs);
        assert!(mentions_disabled(&msg), "{msg:#}");
        assert_eq!(limit_violations(&msg), Vec::<String>::new());
        let embed = &msg["embeds"][0];
        let description = embed["description"].as_str().unwrap_or("");
        assert!(
            description.contains(
                "**Bottom line** · Latest meeting\\: Ann Lee and Bo Park met on 2022-01-21 in Kyiv."
            ),
            "{description}"
        );
        assert!(
            description.contains(
                "Next\\: Ann Lee and @\u{200B}everyone Moe, planned for 2022-02-03 in Kyiv."
            ),
            "{description}"
        );
        let calendar = field(embed, "Next on the calendar");
        assert!(
            calendar.contains("**Ann Lee – @\u{200B}everyone Moe** · planned · Kyiv"),
            "{calendar}"
        );
        assert!(
            calendar.contains("(https://news.example/calendar-1)"),
            "{calendar}"
        );
        assert!(
            !msg.to_string().contains("@everyone"),
            "no live mention: {msg:#}"
        );
        let fields: Vec<&str> = embed["fields"]
            .as_array()
            .expect("fields")
            .iter()
            .filter_map(|f| f["name"].as_str())
            .collect();
        assert_eq!(
            fields,
            [
                "Next on the calendar",
                "Who met",
                "What was said",
                "What is pending",
                "Sources"
            ]
        );

        let reqs = bot
            .command(
                GUILD_A,
                &Member::plain(32),
                "status",
                vec![opt("topic", "ukraine"), opt("since", "1d")],
            )
            .await;
        let msg = final_message(&reqs);
        let description = msg["embeds"][0]["description"].as_str().unwrap_or("");
        assert!(
            description.contains(&format!(
                "The latest development is from <t:{}:d>; use `/status` without `since` to see it.",
                published.timestamp()
            )),
            "{msg:#}"
        );
    })
    .await;
}

#[tokio::test]
async fn autocomplete_answers_at_once_with_at_most_25_choices() {
    within_limit(async {
        let bot = TestBot::spawn(false).await;
        seed_store(&bot).await;
        for i in 0..40 {
            bot.store
                .upsert_topic(
                    Scope::Guild(GUILD_A),
                    &Topic {
                        name: TopicName::parse(&format!("topic {i:02}")).expect("topic"),
                        aliases: vec![format!("alias{i}")],
                    },
                )
                .await
                .expect("topic");
        }
        let reqs = bot
            .autocomplete(
                GUILD_A,
                &Member::plain(12),
                "status",
                vec![focused("topic", "")],
            )
            .await;
        assert_eq!(
            reqs.len(),
            1,
            "answered directly, never deferred: {reqs:#?}"
        );
        assert_eq!(reqs[0].callback_type(), Some(8));
        let choices = reqs[0].body["data"]["choices"].as_array().expect("choices");
        assert_eq!(choices.len(), 25);

        // Prefix matches first; server B does not see A's topics.
        let reqs = bot
            .autocomplete(
                GUILD_B,
                &Member::plain(12),
                "status",
                vec![focused("topic", "ukr")],
            )
            .await;
        let choices = reqs[0].body["data"]["choices"].as_array().expect("choices");
        assert!(!choices.is_empty() && choices.len() <= 25);
        assert_eq!(choices[0]["value"], "ukraine");
        assert!(
            !choices
                .iter()
                .any(|c| c["value"].as_str().unwrap_or("").starts_with("topic "))
        );

        // People come from the store's speakers and participants.
        let reqs = bot
            .autocomplete(
                GUILD_A,
                &Member::plain(12),
                "met",
                vec![focused("subject", "lavr")],
            )
            .await;
        let choices = reqs[0].body["data"]["choices"].as_array().expect("choices");
        assert!(choices.len() <= 25);
        assert!(
            choices.iter().any(|c| c["value"] == "Sergei Lavrov"),
            "{choices:#?}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_member_without_manage_server_is_refused_and_nothing_changes() {
    within_limit(async {
        let bot = TestBot::spawn(true).await;
        // Moderator commands are declared with Manage Server as the default.
        let registered = bot
            .fake
            .requests()
            .into_iter()
            .find(|r| r.method == "PUT")
            .expect("registration");
        let feeds_cmd = registered
            .body
            .as_array()
            .and_then(|cs| cs.iter().find(|c| c["name"] == "feeds"))
            .expect("feeds command")
            .clone();
        assert_eq!(feeds_cmd["default_member_permissions"], "32");

        let before = bot.store.feeds().await.expect("feeds").len();
        let reqs = bot
            .command(
                GUILD_A,
                &Member::plain(13),
                "feeds",
                vec![sub("add", vec![opt("url", "http://127.0.0.1:9/feed.xml")])],
            )
            .await;
        assert_eq!(reqs.len(), 1, "refused at once, no deferral: {reqs:#?}");
        assert_eq!(reqs[0].callback_type(), Some(4));
        let msg = final_message(&reqs);
        assert!(is_ephemeral(&msg), "{msg:#}");
        assert!(
            msg["content"]
                .as_str()
                .unwrap_or("")
                .contains("Manage Server")
        );
        assert!(mentions_disabled(&msg));
        assert_eq!(bot.store.feeds().await.expect("feeds").len(), before);
        assert!(
            bot.store
                .guild_feeds(GuildId(GUILD_A))
                .await
                .expect("guild feeds")
                .is_empty()
        );

        // The same refusal for the other moderator commands.
        let reqs = bot
            .command(
                GUILD_A,
                &Member::plain(13),
                "config",
                vec![sub("show", vec![])],
            )
            .await;
        assert!(is_ephemeral(&final_message(&reqs)));
        assert!(
            final_message(&reqs)["content"]
                .as_str()
                .unwrap_or("")
                .contains("moderators")
        );
    })
    .await;
}

/// A tiny feed server on loopback serving the seed RSS file.
async fn feed_server() -> (String, tokio::task::JoinHandle<()>) {
    let body = std::fs::read(feed_path("seed-wire.xml")).expect("seed feed");
    let app = Router::new()
        .route(
            "/feed.xml",
            axum::routing::get(move || {
                let body = body.clone();
                async move {
                    (
                        [(axum::http::header::CONTENT_TYPE, "application/rss+xml")],
                        body,
                    )
                }
            }),
        )
        .route(
            "/page.html",
            axum::routing::get(|| async {
                (
                    [(axum::http::header::CONTENT_TYPE, "text/html")],
                    "<html><body><p>Not a feed.</p></body></html>",
                )
            }),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (format!("http://{addr}/feed.xml"), task)
}

#[tokio::test]
async fn a_moderator_adds_a_loopback_feed_when_loopback_is_allowed() {
    within_limit(async {
        let (url, _server) = feed_server().await;
        let bot = TestBot::spawn(true).await;
        let reqs = bot
            .command(
                GUILD_A,
                &Member::moderator(14),
                "feeds",
                vec![sub("add", vec![opt("url", &url), opt("topic", "ukraine")])],
            )
            .await;
        assert_eq!(reqs[0].callback_type(), Some(5), "deferred: {reqs:#?}");
        assert!(
            is_ephemeral(&reqs[0].body["data"]),
            "config replies are ephemeral"
        );
        let msg = final_message(&reqs);
        assert!(mentions_disabled(&msg));
        let embed = &msg["embeds"][0];
        let title = embed["title"].as_str().unwrap_or("");
        assert!(
            title.contains("Feed added") && title.contains("Seed Wire"),
            "{embed:#}"
        );
        assert!(field(embed, "Latest items").contains("Blinken"));

        let followed = bot
            .store
            .guild_feeds(GuildId(GUILD_A))
            .await
            .expect("guild feeds");
        assert_eq!(followed.len(), 1);
        assert_eq!(followed[0].feed.url, url);
        assert_eq!(
            followed[0].topic.as_ref().map(|t| t.as_str()),
            Some("ukraine")
        );

        // And it shows in the list with its health.
        let reqs = bot
            .command(
                GUILD_A,
                &Member::moderator(14),
                "feeds",
                vec![sub("list", vec![])],
            )
            .await;
        let msg = final_message(&reqs);
        assert!(is_ephemeral(&msg));
        assert!(msg["embeds"][0].to_string().contains("127.0.0.1"));
    })
    .await;
}

#[tokio::test]
async fn a_loopback_feed_is_refused_when_loopback_is_not_allowed() {
    within_limit(async {
        let (url, _server) = feed_server().await;
        let bot = TestBot::spawn(false).await;
        let reqs = bot
            .command(
                GUILD_A,
                &Member::moderator(15),
                "feeds",
                vec![sub("add", vec![opt("url", &url)])],
            )
            .await;
        let msg = final_message(&reqs);
        let text = msg["content"].as_str().unwrap_or("");
        assert!(text.contains("not allowed"), "{msg:#}");
        assert!(mentions_disabled(&msg));
        assert!(bot.store.feeds().await.expect("feeds").is_empty());
        assert!(
            bot.store
                .guild_feeds(GuildId(GUILD_A))
                .await
                .expect("guild feeds")
                .is_empty()
        );

        // A bad URL is refused at once, privately.
        let reqs = bot
            .command(
                GUILD_A,
                &Member::moderator(15),
                "feeds",
                vec![sub("add", vec![opt("url", "not a url")])],
            )
            .await;
        assert_eq!(reqs[0].callback_type(), Some(4));
        assert!(is_ephemeral(&final_message(&reqs)));
    })
    .await;
}

#[tokio::test]
async fn an_article_quoting_everyone_is_sent_with_no_mentions_allowed() {
    within_limit(async {
        let bot = TestBot::spawn(false).await;
        let text = "@everyone Kyiv talks resume. \"@everyone should hear this <@&1234> **now**,\" the minister said.";
        let quote = "@everyone should hear this <@&1234> **now**,";
        let item = IngestItem {
            key: readout::feeds::ItemKey::from_stored("ping-1".into()),
            article_key: unkeyed(),
            article: Article {
                id: "ping-1".into(),
                feed: None,
                outlet: "@everyone News".into(),
                url: "https://news.example/ping".into(),
                title: "@here Ukraine update".into(),
                published: test_now(),
                text: text.into(),
            },
            extraction: Extraction {
                statements: vec![Statement {
                    speaker: actor("Olena Marchenko"),
                    quote: quote.into(),
                    speech: Speech::Direct,
                    audience: Some("@everyone".into()),
                    evidence: evidence(text, quote),
                }],
                ..Default::default()
            },
        };
        commit(bot.store.as_ref(), "https://news.example/feed", vec![item]).await;
        let reqs = bot
            .command(GUILD_A, &Member::plain(16), "status", vec![opt("topic", "ukraine")])
            .await;
        for r in &reqs {
            if let Some(m) = r.message() {
                if r.callback_type() != Some(5) {
                    assert_eq!(m["allowed_mentions"]["parse"], serde_json::json!([]), "{m:#}");
                    assert!(mentions_disabled(m));
                }
            }
        }
        let msg = final_message(&reqs);
        let shown = msg.to_string();
        assert!(shown.contains("should hear this"), "{shown}");
        assert!(!shown.contains("@everyone") && !shown.contains("@here"), "mentions are broken up: {shown}");
        assert!(!shown.contains("<@&1234>"), "{shown}");
    })
    .await;
}

#[tokio::test]
async fn an_oversized_brief_stays_within_every_discord_limit() {
    within_limit(async {
        let bot = TestBot::spawn(false).await;
        let long = "Ukraine ".repeat(300);
        let items: Vec<IngestItem> = (0..70)
            .map(|i| {
                let text = format!("{long} Item {i}.");
                IngestItem {
                    key: readout::feeds::ItemKey::from_stored(format!("big-{i}")),
                    article_key: unkeyed(),
                    article: Article {
                        id: format!("big-{i}"),
                        feed: None,
                        outlet: format!("Outlet {i} {}", "O".repeat(300)),
                        url: format!("https://news.example/{i}/{}", "p".repeat(500)),
                        title: format!("Ukraine story {i} {}", "T".repeat(500)),
                        published: test_now() - chrono::Duration::hours(i),
                        text: text.clone(),
                    },
                    extraction: Extraction {
                        meetings: vec![Meeting {
                            participants: vec![
                                actor(&format!("Minister {i} {}", "M".repeat(300))),
                                actor("Counterpart"),
                            ],
                            status: MeetingStatus::Held,
                            date: None,
                            place: Some("P".repeat(400)),
                            kind: MeetingKind::Call,
                            evidence: evidence(&text, &long),
                        }],
                        statements: vec![Statement {
                            speaker: actor(&format!("Speaker {i}")),
                            quote: format!("{i}: {long}"),
                            speech: Speech::Reported,
                            audience: Some("A".repeat(300)),
                            evidence: evidence(&text, &long),
                        }],
                        pending: vec![Pending {
                            // Distinct words per item, so no two are one action.
                            what: (0..80)
                                .map(|j| format!("w{i}x{j}"))
                                .collect::<Vec<_>>()
                                .join(" "),
                            actors: vec![actor("Someone")],
                            due: None,
                            evidence: evidence(&text, &long),
                        }],
                        outcomes: vec![],
                    },
                }
            })
            .collect();
        commit(bot.store.as_ref(), "https://news.example/big", items).await;

        for (user, options) in [
            (17, vec![opt("topic", "ukraine")]),
            (18, vec![opt("topic", "ukraine"), opt_bool("detail", true)]),
        ] {
            let reqs = bot
                .command(GUILD_A, &Member::plain(user), "status", options)
                .await;
            let msg = final_message(&reqs);
            assert_eq!(limit_violations(&msg), Vec::<String>::new(), "{msg:#}");
            assert!(
                msg.to_string().contains("more"),
                "cut with a count of what is left out"
            );
        }
        for (user, cmd) in [(19, "said"), (20, "met"), (21, "pending")] {
            let name = if cmd == "pending" { "topic" } else { "subject" };
            let reqs = bot
                .command(
                    GUILD_A,
                    &Member::plain(user),
                    cmd,
                    vec![opt(name, "ukraine")],
                )
                .await;
            let msg = final_message(&reqs);
            assert_eq!(
                limit_violations(&msg),
                Vec::<String>::new(),
                "{cmd}: {msg:#}"
            );
            let listed = msg["embeds"][0]["description"].as_str().unwrap_or("");
            assert!(listed.contains("…and "), "{cmd} cut with a count: {listed}");
        }
    })
    .await;
}

#[tokio::test]
async fn server_a_cannot_see_or_remove_server_b_feeds() {
    within_limit(async {
        let bot = TestBot::spawn(false).await;
        let now = test_now();
        let secret = "https://b-only.example/rss";
        let f = bot.store.add_feed(secret, now).await.expect("feed");
        bot.store
            .follow_feed(GuildId(GUILD_B), f.id, None, Some(30), now)
            .await
            .expect("follow");

        let reqs = bot
            .command(
                GUILD_A,
                &Member::moderator(31),
                "feeds",
                vec![sub("list", vec![])],
            )
            .await;
        let shown = final_message(&reqs).to_string();
        assert!(!shown.contains("b-only"), "{shown}");
        assert!(shown.contains("follows no feed"));

        let reqs = bot
            .command(
                GUILD_A,
                &Member::moderator(31),
                "feeds",
                vec![sub("remove", vec![opt("url", secret)])],
            )
            .await;
        let msg = final_message(&reqs);
        assert!(is_ephemeral(&msg));
        assert!(
            msg["content"]
                .as_str()
                .unwrap_or("")
                .contains("does not follow")
        );

        let reqs = bot
            .command(
                GUILD_A,
                &Member::moderator(31),
                "feeds",
                vec![sub("retry", vec![opt("url", secret)])],
            )
            .await;
        assert!(
            final_message(&reqs)["content"]
                .as_str()
                .unwrap_or("")
                .contains("does not follow")
        );

        // Autocomplete of feed URLs offers A nothing of B's.
        let reqs = bot
            .autocomplete(
                GUILD_A,
                &Member::moderator(31),
                "feeds",
                vec![sub("remove", vec![focused("url", "")])],
            )
            .await;
        assert_eq!(reqs[0].body["data"]["choices"], serde_json::json!([]));

        let b = bot
            .store
            .guild_feeds(GuildId(GUILD_B))
            .await
            .expect("b feeds");
        assert_eq!(b.len(), 1, "B still follows its feed");
        let reqs = bot
            .command(
                GUILD_B,
                &Member::moderator(32),
                "feeds",
                vec![sub("list", vec![])],
            )
            .await;
        assert!(final_message(&reqs).to_string().contains("b-only"));
    })
    .await;
}

#[tokio::test]
async fn long_or_odd_input_gets_a_private_error_not_a_panic() {
    within_limit(async {
        let bot = TestBot::spawn(false).await;
        let cases = [
            (40, opt("topic", &"x".repeat(500))),
            (41, opt("topic", "\u{202E}ukraine\u{0000}")),
            (42, opt("topic", "nothing-known-here")),
        ];
        for (user, o) in cases {
            let reqs = bot
                .command(GUILD_A, &Member::plain(user), "status", vec![o])
                .await;
            let msg = final_message(&reqs);
            assert!(is_ephemeral(&msg), "{reqs:#?}");
            assert!(msg["content"].as_str().is_some_and(|c| !c.is_empty()));
            assert!(mentions_disabled(&msg));
        }
        // An unknown topic is found only after the brief: the public "thinking"
        // message is deleted and the error follows privately.
        let reqs = bot
            .command(
                GUILD_A,
                &Member::plain(43),
                "status",
                vec![opt("topic", "zzqx")],
            )
            .await;
        assert!(reqs.iter().any(|r| r.method == "DELETE"), "{reqs:#?}");
        assert!(
            final_message(&reqs)["content"]
                .as_str()
                .unwrap_or("")
                .contains("don't know")
        );

        // A second /status right away hits the per-user cooldown.
        let reqs = bot
            .command(
                GUILD_A,
                &Member::plain(43),
                "status",
                vec![opt("topic", "ukraine")],
            )
            .await;
        let msg = final_message(&reqs);
        assert!(is_ephemeral(&msg));
        assert!(
            msg["content"].as_str().unwrap_or("").contains("wait"),
            "{msg:#}"
        );
    })
    .await;
}

/// Issue #16, points 2 and 3, from the command: `/digest set` on a forum saves a
/// forum-post digest, on a thread a message digest, with the role it pings and,
/// when asked, the timeline picture; the server's @everyone role is refused.
#[tokio::test]
async fn digest_set_takes_forums_threads_and_one_role_but_not_everyone() {
    within_limit(async {
        let bot = TestBot::spawn(false).await;
        let set = |channel: u64, kind: u8, role: u64| {
            let timeline = kind == 15;
            let mut i = interaction(
                2,
                bot.next_id(),
                GUILD_A,
                &Member::moderator(60),
                "digest",
                vec![sub(
                    "set",
                    vec![
                        serde_json::json!({"name": "channel", "type": 7, "value": channel.to_string()}),
                        opt("timezone", "UTC"),
                        opt("time", "08:00"),
                        serde_json::json!({"name": "role", "type": 8, "value": role.to_string()}),
                    ]
                    .into_iter()
                    .chain(timeline.then(|| opt_bool("timeline", true)))
                    .collect(),
                )],
            );
            i["data"]["resolved"] = serde_json::json!({
                "channels": {channel.to_string(): {
                    "id": channel.to_string(), "name": "desk", "type": kind,
                    "permissions": "2147568640"
                }},
                "roles": {role.to_string(): role_json(role)},
            });
            serde_json::from_value::<serenity::all::Interaction>(i.clone()).expect("fixture");
            i
        };
        let (forum, thread, role) = (CHANNEL + 10, CHANNEL + 11, 555_000_000_000_000_002u64);
        let reqs = bot.interact(set(forum, 15, role)).await;
        let text = final_message(&reqs)["content"].as_str().unwrap_or("").to_string();
        assert!(text.contains("a forum post each time") && text.contains(&format!("<@&{role}>")), "{text}");
        assert!(text.contains("with the timeline picture"), "{text}");
        assert!(mentions_disabled(&final_message(&reqs)), "the confirmation pings nobody");
        bot.interact(set(thread, 11, role)).await;
        let mut saved = bot.store.digest_schedules(GuildId(GUILD_A)).await.expect("digests");
        saved.sort_by_key(|d| d.spec.channel);
        let got: Vec<_> = saved
            .iter()
            .map(|d| (d.spec.channel, d.spec.delivery, d.spec.ping, d.spec.timeline))
            .collect();
        use readout::store::digest::{Delivery, RoleId};
        assert_eq!(
            got,
            [
                (forum, Delivery::ForumPost, Some(RoleId(role)), true),
                (thread, Delivery::Message, Some(RoleId(role)), false),
            ]
        );
        // @everyone's id is the server's.
        let reqs = bot.interact(set(CHANNEL, 0, GUILD_A)).await;
        let msg = final_message(&reqs);
        assert!(is_ephemeral(&msg));
        assert!(msg["content"].as_str().unwrap_or("").contains("@everyone"), "{msg:#}");
        assert_eq!(bot.store.digest_schedules(GuildId(GUILD_A)).await.expect("digests").len(), 2);
    })
    .await;
}

/// Issue #16, point 1, from the commands: moderators add, list and remove
/// alerts; members cannot; @everyone cannot be pinged; the confirmation pings
/// nobody.
#[tokio::test]
async fn alerts_are_added_listed_and_removed_by_moderators_only() {
    within_limit(async {
        let bot = TestBot::spawn(false).await;
        let role = 555_000_000_000_000_004u64;
        let add = |member: &Member, role_id: u64| {
            let mut i = interaction(
                2,
                bot.next_id(),
                GUILD_A,
                member,
                "alert",
                vec![sub(
                    "add",
                    vec![
                        opt("topic", "ukraine"),
                        // Choices go as the index of the choice ("meetings" is 0).
                        serde_json::json!({"name": "what", "type": 4, "value": 0}),
                        serde_json::json!({"name": "role", "type": 8, "value": role_id.to_string()}),
                    ],
                )],
            );
            i["data"]["resolved"] =
                serde_json::json!({"roles": {role_id.to_string(): role_json(role_id)}});
            serde_json::from_value::<serenity::all::Interaction>(i.clone()).expect("fixture");
            i
        };
        let reqs = bot.interact(add(&Member::plain(70), role)).await;
        assert!(is_ephemeral(&final_message(&reqs)));
        assert!(bot.store.guild_alerts(GuildId(GUILD_A)).await.expect("alerts").is_empty());

        let reqs = bot.interact(add(&Member::moderator(71), GUILD_A)).await;
        let msg = final_message(&reqs);
        assert!(msg["content"].as_str().unwrap_or("").contains("@everyone"), "{msg:#}");
        assert!(bot.store.guild_alerts(GuildId(GUILD_A)).await.expect("alerts").is_empty());

        let reqs = bot.interact(add(&Member::moderator(71), role)).await;
        let msg = final_message(&reqs);
        assert!(mentions_disabled(&msg), "{msg:#}");
        assert!(msg["content"].as_str().unwrap_or("").contains("Alert saved"), "{msg:#}");
        let alerts = bot.store.guild_alerts(GuildId(GUILD_A)).await.expect("alerts");
        assert_eq!(alerts.len(), 1);
        assert_eq!(alerts[0].spec.channel, CHANNEL, "the channel it was asked in");
        assert_eq!(alerts[0].spec.scope, readout::store::alert::AlertScope::Meetings);
        assert_eq!(alerts[0].spec.ping, Some(readout::store::digest::RoleId(role)));
        assert!(bot.store.guild_alerts(GuildId(GUILD_B)).await.expect("alerts").is_empty());

        let reqs = bot
            .command(GUILD_A, &Member::moderator(71), "alert", vec![sub("list", vec![])])
            .await;
        let listed = final_message(&reqs)["embeds"][0]["description"].to_string();
        assert!(listed.contains("ukraine") && listed.contains("meetings held"), "{listed}");

        bot.command(
            GUILD_A,
            &Member::moderator(71),
            "alert",
            vec![sub("remove", vec![opt("topic", "ukraine")])],
        )
        .await;
        assert!(bot.store.guild_alerts(GuildId(GUILD_A)).await.expect("alerts").is_empty());
    })
    .await;
}

#[tokio::test]
async fn digests_and_moderator_roles_are_validated_and_kept_per_server() {
    within_limit(async {
        let bot = TestBot::spawn(false).await;
        let channel =
            |id: u64| serde_json::json!({"name": "channel", "type": 7, "value": id.to_string()});
        let resolved = |mut i: Value, id: u64| {
            i["data"]["resolved"] = serde_json::json!({"channels": {id.to_string(): {
                "id": id.to_string(), "name": "news", "type": 0, "permissions": "2147568640"
            }}});
            serde_json::from_value::<serenity::all::Interaction>(i.clone()).expect("fixture");
            i
        };
        let set = |user: u64, zone: &str, id: u64| {
            let i = interaction(
                2,
                bot.next_id(),
                GUILD_A,
                &Member::moderator(user),
                "digest",
                vec![sub(
                    "set",
                    vec![
                        channel(CHANNEL),
                        opt("time", "08:30"),
                        opt("timezone", zone),
                        opt("topics", "ukraine, iran"),
                    ],
                )],
            );
            resolved(i, id)
        };
        let reqs = bot.interact(set(50, "Mars/Olympus", CHANNEL)).await;
        let msg = final_message(&reqs);
        assert!(is_ephemeral(&msg));
        assert!(msg["content"].as_str().unwrap_or("").contains("IANA"));
        assert!(
            bot.store
                .digest_schedules(GuildId(GUILD_A))
                .await
                .expect("digests")
                .is_empty()
        );

        let reqs = bot.interact(set(50, "Europe/Paris", CHANNEL)).await;
        assert!(
            final_message(&reqs)["content"]
                .as_str()
                .unwrap_or("")
                .contains("Digest saved")
        );
        let d = bot
            .store
            .digest_schedules(GuildId(GUILD_A))
            .await
            .expect("digests");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].spec.timezone.name(), "Europe/Paris");
        assert!(
            bot.store
                .digest_schedules(GuildId(GUILD_B))
                .await
                .expect("digests")
                .is_empty()
        );

        // A member with the server's moderator role may manage; without it, not.
        let role = 777_000_000_000_000_001;
        bot.store
            .set_moderator_role(GuildId(GUILD_A), Some(role), test_now())
            .await
            .expect("role");
        let with_role = Member {
            user: 51,
            permissions: PERM_MEMBER,
            roles: vec![role],
        };
        let reqs = bot
            .command(GUILD_A, &with_role, "digest", vec![sub("list", vec![])])
            .await;
        assert!(final_message(&reqs).to_string().contains("Europe/Paris"));
        let reqs = bot
            .command(GUILD_B, &with_role, "digest", vec![sub("list", vec![])])
            .await;
        assert!(
            final_message(&reqs)["content"]
                .as_str()
                .unwrap_or("")
                .contains("moderators")
        );
    })
    .await;
}

#[tokio::test]
async fn commands_register_in_one_guild_with_discord_guild_id() {
    within_limit(async {
        let bot = TestBot::spawn_with(false, Some(GUILD_B), None).await;
        let puts: Vec<_> = bot
            .fake
            .requests()
            .into_iter()
            .filter(|r| r.method == "PUT")
            .collect();
        assert_eq!(puts.len(), 1);
        assert_eq!(
            puts[0].path,
            format!("/api/v10/applications/{APP_ID}/guilds/{GUILD_B}/commands")
        );
        let names: Vec<&str> = puts[0]
            .body
            .as_array()
            .expect("commands")
            .iter()
            .filter_map(|c| c["name"].as_str())
            .collect();
        for n in [
            "status", "timeline", "pending", "said", "met", "topics", "feeds", "topic", "digest",
            "alert", "config",
        ] {
            assert!(names.contains(&n), "{n} registered: {names:?}");
        }
        // What Discord would refuse at registration: names of 1-32 lower-case
        // characters, descriptions of 1-100, at most 25 options.
        fn check(v: &Value, path: &str) {
            let name = v["name"].as_str().unwrap_or("");
            assert!(
                (1..=32).contains(&name.chars().count())
                    && name
                        .chars()
                        .all(|c| c.is_lowercase() || c.is_ascii_digit() || c == '-' || c == '_'),
                "{path}: bad name {name:?}"
            );
            let d = v["description"].as_str().unwrap_or("");
            assert!(
                (1..=100).contains(&d.chars().count()),
                "{path}/{name}: description {d:?}"
            );
            let opts = v["options"].as_array().cloned().unwrap_or_default();
            assert!(opts.len() <= 25, "{path}/{name}: {} options", opts.len());
            for o in &opts {
                check(o, &format!("{path}/{name}"));
            }
        }
        for c in puts[0].body.as_array().expect("commands") {
            check(c, "");
        }
        // Only the non-privileged GUILDS intent.
        assert_eq!(bot.fake.identify().expect("identify")["intents"], 1);
    })
    .await;
}

#[tokio::test]
async fn a_process_runs_only_its_share_of_the_shards() {
    within_limit(async {
        let shards = readout::config::ShardRange::parse("1/2").expect("range");
        let bot = TestBot::spawn_with(false, None, Some(shards)).await;
        assert_eq!(
            bot.fake.identify().expect("identify")["shard"],
            serde_json::json!([1, 2])
        );
        // It serves commands, but leaves registration to the process with shard 0.
        let reqs = bot
            .command(GUILD_A, &Member::plain(60), "topics", vec![])
            .await;
        assert_eq!(reqs[0].callback_type(), Some(4));
        assert!(!bot.fake.requests().iter().any(|r| r.method == "PUT"));
    })
    .await;
}

#[tokio::test]
async fn the_bot_stops_when_its_shutdown_future_completes() {
    within_limit(async {
        let bot = TestBot::spawn(false).await;
        let reqs = bot
            .command(GUILD_A, &Member::plain(70), "topics", vec![])
            .await;
        assert_eq!(reqs[0].callback_type(), Some(4));
        bot.shutdown().await;
    })
    .await;
}

#[tokio::test]
async fn feed_and_store_failures_get_a_short_private_message() {
    within_limit(async {
        let (url, _server) = feed_server().await;
        let bot = TestBot::spawn(true).await;
        let missing = url.replace("/feed.xml", "/missing.xml");
        let page = url.replace("/feed.xml", "/page.html");
        // Two moderators: `/feeds add` has a per-user cooldown.
        for (user, target, expected) in [
            (80, missing, "HTTP 404"),
            (83, page, "does not serve an RSS"),
        ] {
            let moderator = Member::moderator(user);
            let reqs = bot
                .command(
                    GUILD_A,
                    &moderator,
                    "feeds",
                    vec![sub("add", vec![opt("url", &target)])],
                )
                .await;
            let msg = final_message(&reqs);
            let text = msg["content"].as_str().unwrap_or("");
            assert!(text.contains(expected), "{target}: {text}");
            assert!(is_ephemeral(&reqs[0].body["data"]));
        }
        assert!(bot.store.feeds().await.expect("feeds").is_empty());

        // The store goes away: members get a short message, not the SQL error.
        bot.store.pool().close().await;
        let reqs = bot
            .command(GUILD_A, &Member::plain(81), "topics", vec![])
            .await;
        let msg = final_message(&reqs);
        assert!(is_ephemeral(&msg));
        let text = msg["content"].as_str().unwrap_or("");
        assert!(text.contains("Something went wrong"), "{text}");
        assert!(
            !text.to_lowercase().contains("sql") && !text.contains("pool"),
            "{text}"
        );

        // After a public deferral: the "thinking" message is deleted, the error
        // follows privately.
        let reqs = bot
            .command(
                GUILD_A,
                &Member::plain(82),
                "status",
                vec![opt("topic", "ukraine")],
            )
            .await;
        assert_eq!(reqs[0].callback_type(), Some(5));
        assert!(reqs.iter().any(|r| r.method == "DELETE"));
        let last = reqs.last().expect("follow-up");
        assert_eq!(last.method, "POST");
        assert!(is_ephemeral(&last.body));
        assert!(mentions_disabled(&last.body));
    })
    .await;
}

/// Starts the bot against `fake` with `token` and returns how `start` ended (it
/// must end on its own: a shutdown that never comes).
async fn start_against(fake: &FakeDiscord, token: &str) -> readout::bot::RunError {
    let app = spawn_app(AppOptions {
        discord: readout::config::DiscordConfig {
            token: Some(readout::config::Secret::new(token.into())),
            ..fake.discord_config()
        },
        ..AppOptions::at(test_now())
    })
    .await;
    let ended = tokio::time::timeout(WAIT, app.start_bot(Shutdown::new()))
        .await
        .expect("the bot kept running (restarting its shard) instead of stopping");
    match ended.expect_err("the bot cannot serve with this token or gateway") {
        StartError::Bot(e) => e,
        other => panic!("not the bot's error: {other}"),
    }
}

/// Before, a 401 made serenity restart the shard every 5 s for ever.
#[tokio::test]
async fn a_rejected_token_stops_the_bot_with_one_error_naming_it() {
    within_limit(async {
        let fake = FakeDiscord::start(vec![GUILD_A]).await;
        let err = start_against(&fake, "wrong-token-value").await;
        let text = err.to_string();
        assert!(
            matches!(err, readout::bot::RunError::TokenRejected(_)),
            "{text}"
        );
        assert_eq!(err.exit_code(), 1);
        assert!(
            text.contains("DISCORD_TOKEN") && text.contains("401"),
            "{text}"
        );
        assert!(!text.contains("wrong-token-value"), "{text}");
        assert!(fake.identify().is_none(), "no shard may start");
    })
    .await;
}

/// A token Discord's REST accepts but its gateway refuses (close code 4004) ends
/// the bot the same way.
#[tokio::test]
async fn a_token_refused_on_the_gateway_stops_the_bot() {
    within_limit(async {
        let fake = FakeDiscord::start(vec![GUILD_A]).await;
        fake.refuse_identify();
        let err = start_against(&fake, FAKE_TOKEN).await;
        assert!(
            matches!(err, readout::bot::RunError::TokenRejected(_)),
            "{err}"
        );
        assert!(fake.identify().is_some(), "the shard identified once");
    })
    .await;
}

/// Before, a failed gateway discovery through `DISCORD_API_BASE` sent serenity
/// to Discord's own gateway (wss://gateway.discord.gg).
#[tokio::test]
async fn gateway_discovery_never_leaves_the_api_base() {
    within_limit(async {
        let fake = FakeDiscord::start(vec![GUILD_A]).await;
        fake.refuse_gateway_discovery(503);
        let err = start_against(&fake, FAKE_TOKEN).await;
        let text = err.to_string();
        assert!(
            matches!(err, readout::bot::RunError::Unreachable { .. }),
            "{text}"
        );
        assert!(text.contains(&fake.base), "{text}");
        assert!(fake.identify().is_none());
    })
    .await;
}

/// `readout run` against the fake Discord with this token and a fresh store, to
/// its end (a test fails if it keeps running).
async fn readout_run(fake: &FakeDiscord, token: &str) -> std::process::Output {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = process::async_command(&["run"])
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.path().join("r.db").display()),
        )
        .env("DISCORD_TOKEN", token)
        .env("DISCORD_API_BASE", &fake.base)
        .env("READOUT_LOG", "warn")
        .current_dir(dir.path())
        .output();
    tokio::time::timeout(WAIT, out)
        .await
        .expect("readout run kept running")
        .expect("spawn readout")
}

/// `readout run` with a rejected token: one line on stderr naming the problem
/// (never the token), exit status 1, and no shard restarts.
#[tokio::test]
async fn readout_run_with_a_rejected_token_exits_1_with_one_line() {
    within_limit(async {
        let fake = FakeDiscord::start(vec![GUILD_A]).await;
        let out = readout_run(&fake, "wrong-token-value").await;
        let line = process::the_one_error_line(&out, 1);
        assert!(line.contains("Discord rejected DISCORD_TOKEN"), "{line}");
        assert!(!process::stderr(&out).contains("wrong-token-value"));
    })
    .await;
}

/// A token with a line break inside is refused at start, before any request.
#[tokio::test]
async fn readout_run_refuses_a_token_with_a_line_break() {
    within_limit(async {
        let fake = FakeDiscord::start(vec![GUILD_A]).await;
        let out = readout_run(&fake, "first-half\nsecond-half").await;
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains("DISCORD_TOKEN holds a line break"),
            "{stderr}"
        );
        assert!(!stderr.contains("half"), "{stderr}");
        assert!(fake.requests().is_empty(), "{:?}", fake.requests());
    })
    .await;
}

/// Before, poise ran the cooldown check on autocomplete: typing `/status` again
/// within 5 s of one got a message (type 4), which Discord refuses there.
#[tokio::test]
async fn autocomplete_answers_with_choices_during_a_cooldown_and_starts_none() {
    within_limit(async {
        let bot = TestBot::spawn(false).await;
        seed_store(&bot).await;
        let member = Member::plain(80);
        let reqs = bot
            .command(GUILD_A, &member, "status", vec![opt("topic", "ukraine")])
            .await;
        assert!(
            !final_message(&reqs)["content"]
                .as_str()
                .unwrap_or("")
                .contains("wait")
        );

        // Within the cooldown of that /status: choices, never a message.
        let reqs = bot
            .autocomplete(GUILD_A, &member, "status", vec![focused("topic", "ukr")])
            .await;
        assert_eq!(reqs.len(), 1, "{reqs:#?}");
        assert_eq!(reqs[0].callback_type(), Some(8), "{reqs:#?}");
        let choices = reqs[0].body["data"]["choices"].as_array().expect("choices");
        assert_eq!(choices[0]["value"], "ukraine");

        // The command itself still waits out its cooldown.
        let reqs = bot
            .command(GUILD_A, &member, "status", vec![opt("topic", "ukraine")])
            .await;
        let msg = final_message(&reqs);
        assert!(is_ephemeral(&msg));
        assert!(
            msg["content"].as_str().unwrap_or("").contains("wait"),
            "{msg:#}"
        );

        // Autocomplete counts against no cooldown: another member autocompletes
        // many times, then runs the command at once.
        let other = Member::plain(81);
        for _ in 0..3 {
            let reqs = bot
                .autocomplete(GUILD_A, &other, "status", vec![focused("topic", "uk")])
                .await;
            assert_eq!(reqs[0].callback_type(), Some(8));
        }
        let reqs = bot
            .command(GUILD_A, &other, "status", vec![opt("topic", "ukraine")])
            .await;
        assert!(
            !final_message(&reqs)["content"]
                .as_str()
                .unwrap_or("")
                .contains("wait")
        );
    })
    .await;
}

/// `readout run` opens its store once: the watcher, the bot and the digests share
/// one pool (before, the bot opened a second pool beside the watcher's and ran the
/// migrations again). The store logs each pool it opens.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readout_run_opens_one_pool() {
    within_limit(async {
        let fake = FakeDiscord::start(vec![GUILD_A]).await;
        let dir = tempfile::tempdir().expect("temp dir");
        let child = process::async_command(&["run"])
            .env(
                "DATABASE_URL",
                format!("sqlite://{}", dir.path().join("r.db").display()),
            )
            .env("DISCORD_TOKEN", FAKE_TOKEN)
            .env("DISCORD_API_BASE", &fake.base)
            .env("READOUT_LOG", "warn,readout::store=debug")
            .current_dir(dir.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn readout run");
        fake.wait_ready().await;
        fake.wait_for("command registration", |reqs| {
            reqs.iter()
                .any(|r| r.method == "PUT" && r.path.ends_with("/commands"))
                .then_some(())
        })
        .await;
        process::ctrl_c(&child);
        let out = tokio::time::timeout(WAIT, child.wait_with_output())
            .await
            .expect("readout run stopped after Ctrl-C")
            .expect("output");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        assert_eq!(stderr.matches("opened the store").count(), 1, "{stderr}");
    })
    .await;
}
