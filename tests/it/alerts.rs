//! Alerts end to end (issue #16, point 1): the scanner and the digests' sender
//! (in process with a fixed clock, or as `readout digests --once`) against the
//! fake Discord over real HTTP. A card per event, once, with only its role.

use chrono::Duration;
use serde_json::json;

use crate::digests::{App, CHANNEL, GUILD, add_report, kill_at_failpoint, run_to_end, spawn_app};
use crate::support::fake_discord::{Scripted, limit_violations, mentions_disabled};
use crate::support::{at, within_limit};
use readout::clock::Clock;
use readout::model::TopicName;
use readout::store::alert::{AlertScope, AlertSpec, AlertStore};
use readout::store::digest::{Delivery, DigestStore, PostOwner, RoleId};
use readout::store::guild::GuildId;

impl App {
    async fn follow_in(&self, delivery: Delivery, ping: Option<RoleId>) {
        let spec = AlertSpec {
            topic: TopicName::parse("ukraine").expect("topic"),
            scope: AlertScope::All,
            channel: CHANNEL,
            delivery,
            ping,
        };
        self.store
            .save_alert(GuildId(GUILD), &spec, self.clock.now())
            .await
            .expect("save alert");
    }

    /// An article tagged `tag` reporting that Zelensky met `met` on the day of
    /// `published`.
    async fn report(&self, tag: &str, met: &str, published: &str) {
        add_report(self.store.as_ref(), tag, met, at(published)).await
    }

    /// A new alert on ukraine, its first scan (which posts nothing) done at 06:00.
    async fn alert_from_six(delivery: Delivery, ping: Option<RoleId>) -> App {
        let app = spawn_app(at("2024-07-01T06:00:00Z")).await;
        app.follow_in(delivery, ping).await;
        assert_eq!(app.scan_and_send("2024-07-01T06:00:00Z").await, 0);
        app
    }

    /// One scan and one delivery pass at `now`; the cards sent.
    async fn scan_and_send(&self, now: &str) -> usize {
        self.clock.set(at(now));
        self.digests.alerts.scan_once().await.expect("scan");
        self.deliver().await.sent
    }
}

fn card_text(body: &serde_json::Value) -> String {
    body["embeds"][0]["description"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

#[tokio::test]
async fn one_card_for_a_meeting_three_feeds_report_and_none_for_what_was_there() {
    within_limit(async {
        let app = spawn_app(at("2024-07-01T06:00:00Z")).await;
        app.report("old", "Olaf Scholz", "2024-07-01T05:00:00Z")
            .await;
        app.follow_in(Delivery::Message, None).await;
        assert_eq!(
            app.scan_and_send("2024-07-01T06:00:00Z").await,
            0,
            "no replay"
        );

        for (i, feed) in ["wire", "daily", "radio"].iter().enumerate() {
            let t = at("2024-07-01T09:00:00Z") + Duration::minutes(20 * i as i64);
            add_report(app.store.as_ref(), feed, "Donald Tusk", t).await;
            let now = (t + Duration::minutes(1)).to_rfc3339();
            app.scan_and_send(&now).await;
        }
        let created = app.fake.created(Some(CHANNEL));
        assert_eq!(created.len(), 1, "{created:#?}");
        let body = &created[0];
        assert!(mentions_disabled(body), "{body:#}");
        assert!(limit_violations(body).is_empty());
        let text = card_text(body);
        assert!(
            text.contains("**Met**") && text.contains("Donald Tusk"),
            "{text}"
        );
        assert!(
            !text.contains("Olaf Scholz"),
            "what was there before the alert: {text}"
        );
        // The same event later, from a fourth outlet: still nothing new.
        app.report("weekly", "Donald Tusk", "2024-07-01T12:00:00Z")
            .await;
        assert_eq!(app.scan_and_send("2024-07-01T12:30:00Z").await, 0);
        let owners: Vec<PostOwner> = app
            .store
            .outbox(None)
            .await
            .expect("outbox")
            .iter()
            .map(|p| p.owner)
            .collect();
        assert!(
            matches!(owners.as_slice(), [PostOwner::Alert(_)]),
            "{owners:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_card_pings_its_one_role_and_a_burst_waits_for_one_card() {
    within_limit(async {
        let role = 555_000_000_000_000_003u64;
        let app = App::alert_from_six(Delivery::Message, Some(RoleId(role))).await;
        app.report("a", "Donald Tusk", "2024-07-01T09:00:00Z").await;
        assert_eq!(app.scan_and_send("2024-07-01T09:01:00Z").await, 1);
        let body = &app.fake.created(Some(CHANNEL))[0];
        assert_eq!(
            body["allowed_mentions"],
            json!({"parse": [], "roles": [role.to_string()]})
        );
        assert!(
            body["content"]
                .as_str()
                .unwrap_or("")
                .starts_with(&format!("<@&{role}>"))
        );

        // Two more meetings within the batch window: held back, then one card.
        app.report("b", "Maia Sandu", "2024-07-01T09:02:00Z").await;
        assert_eq!(app.scan_and_send("2024-07-01T09:02:30Z").await, 0);
        app.report("c", "Petr Pavel", "2024-07-01T09:03:00Z").await;
        assert_eq!(app.scan_and_send("2024-07-01T09:03:30Z").await, 0);
        assert_eq!(app.scan_and_send("2024-07-01T09:05:00Z").await, 1);
        let created = app.fake.created(Some(CHANNEL));
        assert_eq!(created.len(), 2);
        let text = card_text(&created[1]);
        assert!(
            text.contains("Maia Sandu") && text.contains("Petr Pavel"),
            "{text}"
        );
        assert!(!text.contains("Donald Tusk"), "{text}");
    })
    .await;
}

/// An alert into a forum: each card is a post of its own, titled with the
/// topic and the minute; an answer lost after Discord made it makes no second.
#[tokio::test]
async fn an_alert_into_a_forum_makes_one_post_per_card() {
    within_limit(async {
        let app = App::alert_from_six(Delivery::ForumPost, None).await;
        app.report("f", "Donald Tusk", "2024-07-01T09:00:00Z").await;
        app.fake.script(CHANNEL, vec![Scripted::CreateThenFail]);
        assert_eq!(app.scan_and_send("2024-07-01T09:01:00Z").await, 1);
        let posts = app.fake.forum_posts();
        assert_eq!(posts.len(), 1, "{posts:#?}");
        assert_eq!(posts[0]["name"], "ukraine — 1 Jul 2024 09:01 UTC");
        let first = &app.fake.created(None)[0];
        assert!(mentions_disabled(first), "{first:#}");
        assert!(card_text(first).contains("Donald Tusk"));
    })
    .await;
}

/// Two channels following one topic read its brief once per pass, and each
/// still gets its own card.
#[tokio::test]
async fn two_channels_on_one_topic_each_get_their_card() {
    within_limit(async {
        let app = App::alert_from_six(Delivery::Message, None).await;
        let other = AlertSpec {
            topic: TopicName::parse("ukraine").expect("topic"),
            scope: AlertScope::Meetings,
            channel: CHANNEL + 1,
            delivery: Delivery::Message,
            ping: None,
        };
        app.store
            .save_alert(GuildId(GUILD), &other, app.clock.now())
            .await
            .expect("save alert");
        assert_eq!(
            app.scan_and_send("2024-07-01T06:30:00Z").await,
            0,
            "no replay"
        );
        app.report("two", "Donald Tusk", "2024-07-01T09:00:00Z")
            .await;
        assert_eq!(app.scan_and_send("2024-07-01T09:01:00Z").await, 2);
        for channel in [CHANNEL, CHANNEL + 1] {
            let created = app.fake.created(Some(channel));
            assert_eq!(created.len(), 1, "{channel}");
            assert!(card_text(&created[0]).contains("Donald Tusk"));
        }
    })
    .await;
}

/// A bot back after days away reads a backlog: what was reported more than two
/// days ago is taken in quietly; what is fresh still gets its card.
#[tokio::test]
async fn a_backlog_read_after_downtime_posts_no_old_news() {
    within_limit(async {
        let app = App::alert_from_six(Delivery::Message, None).await;
        // Down until the 6th; the feeds then give up what they held.
        app.report("d2", "Maia Sandu", "2024-07-02T10:00:00Z").await;
        app.report("d3", "Petr Pavel", "2024-07-03T10:00:00Z").await;
        app.report("d6", "Donald Tusk", "2024-07-06T07:00:00Z")
            .await;
        assert_eq!(app.scan_and_send("2024-07-06T08:00:00Z").await, 1);
        let created = app.fake.created(Some(CHANNEL));
        assert_eq!(created.len(), 1);
        let text = card_text(&created[0]);
        assert!(text.contains("Donald Tusk"), "{text}");
        assert!(
            !text.contains("Maia Sandu") && !text.contains("Petr Pavel"),
            "{text}"
        );
        // Nor later: they were taken in.
        assert_eq!(app.scan_and_send("2024-07-06T09:00:00Z").await, 0);
    })
    .await;
}

/// `readout digests --once` killed right after Discord accepted a card, then run
/// again: the card is in the channel once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_after_sending_a_card_the_rerun_posts_nothing_twice() {
    within_limit(async {
        let app = App::alert_from_six(Delivery::Message, None).await;
        app.report("k", "Donald Tusk", "2024-07-01T09:00:00Z").await;
        kill_at_failpoint(&app, "2024-07-01T09:01:00Z", "after_send").await;
        assert_eq!(app.fake.created(Some(CHANNEL)).len(), 1);
        run_to_end(&app, "2024-07-01T09:10:00Z").await;
        run_to_end(&app, "2024-07-01T09:20:00Z").await;
        let created = app.fake.created(Some(CHANNEL));
        assert_eq!(created.len(), 1, "{created:#?}");
        assert!(card_text(&created[0]).contains("Donald Tusk"));
    })
    .await;
}
