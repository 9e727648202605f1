//! Every limit kept on the largest briefs, and feed text kept inert.

use super::*;
use crate::brief::Brief;
use crate::developments::ArticleRef;
use crate::model::ArticleId;
use crate::model::Speech;
use crate::model::{
    ActorName, Due, Evidence, Extraction, Meeting, MeetingKind, MeetingStatus, Pending, Span,
    Statement, TopicName,
};
use crate::store::StoredArticle;
use chrono::DateTime;

fn ev(s: &str) -> Evidence {
    Evidence {
        sentence: s.into(),
        span: Span::new(0, s.len()),
    }
}

fn unique_words(i: usize, n: usize) -> String {
    (0..n)
        .map(|j| format!("w{i}x{j}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn huge_brief(n: usize) -> Brief {
    let long = "Word ".repeat(400);
    let material = (0..n)
        .map(|i| StoredArticle {
            contexts: Default::default(),
            article: ArticleRef {
                id: ArticleId(i as i64),
                url: format!("https://news.example/{i}/{}", "p".repeat(300)),
                outlet: format!("Outlet {i} {}", "O".repeat(200)),
                title: format!("@everyone Title {i} {long}"),
                published: DateTime::from_timestamp(1_700_000_000 + i as i64 * 3600, 0).unwrap(),
            },
            extraction: Extraction {
                meetings: vec![Meeting {
                    participants: vec![
                        ActorName::new(&format!("Person {i} {}", "N".repeat(300))).unwrap(),
                        ActorName::new("Other Side").unwrap(),
                    ],
                    status: MeetingStatus::Held,
                    date: None,
                    place: Some(long.clone()),
                    kind: MeetingKind::InPerson,
                    evidence: ev(&long),
                }],
                statements: vec![Statement {
                    speaker: ActorName::new(&format!("Speaker {i}")).unwrap(),
                    quote: format!("@everyone <@&123> **bold** {long}"),
                    speech: Speech::Direct,
                    audience: Some(long.clone()),
                    evidence: ev(&long),
                }],
                pending: vec![Pending {
                    // Words unique to each item: similar actions would be merged
                    // into one development.
                    what: unique_words(i, 80),
                    actors: vec![ActorName::new("Someone").unwrap()],
                    due: Some(Due {
                        text: long.clone(),
                        date: None,
                    }),
                    evidence: ev(&long),
                }],
                outcomes: vec![],
            },
        })
        .collect();
    crate::brief::assemble(
        TopicName::parse("ukraine").unwrap(),
        DateTime::from_timestamp(1_800_000_000, 0).unwrap(),
        None,
        material,
    )
}

#[test]
fn an_oversized_brief_stays_within_every_limit() {
    let b = huge_brief(80);
    for detail in [false, true] {
        let embeds = brief_embeds(&b, detail);
        assert!(!embeds.is_empty());
        assert_eq!(limit_violations(None, &embeds), Vec::<String>::new());
        let all: String = embeds
            .iter()
            .flat_map(|e| e.fields.iter().map(|f| f.value.clone()))
            .chain(embeds.iter().filter_map(|e| e.description.clone()))
            .collect();
        assert!(all.contains("more"), "cut lists say how many were left out");
    }
    for s in [Section::Met, Section::Said, Section::Pending] {
        let embeds = section_message(&b, s);
        assert_eq!(limit_violations(None, &embeds), Vec::<String>::new());
        assert!(embeds[0].description.as_deref().unwrap().contains("…and "));
    }
}

#[test]
fn fit_message_caps_embed_count_and_total() {
    let big = Embed {
        title: "t".repeat(300),
        description: Some("d".repeat(5000)),
        fields: (0..30)
            .map(|i| EmbedField {
                name: format!("f{i}"),
                value: "v".repeat(2000),
                inline: false,
            })
            .collect(),
        ..Default::default()
    };
    let out = fit_message(vec![big; 12]);
    assert_eq!(limit_violations(None, &out), Vec::<String>::new());
    assert!(out.len() <= limits::EMBEDS);
}

#[test]
fn markdown_and_mentions_in_feed_text_are_inert() {
    let e = escape("@everyone **x** [a](http://evil) <@&1> `c`\n# h");
    assert!(!e.contains("@everyone"));
    assert!(e.contains("@\u{200B}everyone"));
    assert!(e.contains("\\*\\*x\\*\\*"));
    assert!(e.contains("\\[a\\]\\(http\\:"));
    assert!(e.contains("\\<@\u{200B}&1\\>"));
    assert!(!e.contains('\n'));
    assert_eq!(escape("plain words"), "plain words");
    assert_eq!(
        escape("Kyiv\u{202E}txt.exe\u{2066} \u{1b}[2Jtalks"),
        "Kyivtxt.exe \\[2Jtalks",
        "direction overrides and ESC are dropped, as on a terminal"
    );
}

#[test]
fn links_are_http_only_and_cannot_break_out() {
    assert_eq!(
        masked_link("T", "https://x.org/a_(b)"),
        "[T](https://x.org/a_%28b%29)"
    );
    assert_eq!(masked_link("T", "javascript:alert(1)"), "T");
}

#[test]
fn lists_count_what_they_leave_out() {
    let lines: Vec<String> = (0..100).map(|i| format!("line {i}")).collect();
    let s = bounded_list(&lines, 100, 60);
    assert!(s.chars().count() <= 60);
    assert!(s.ends_with("more"), "{s}");
    assert_eq!(bounded_list(&lines[..2], 2, 100), "line 0\nline 1");
    let one = vec!["x".repeat(5000)];
    assert!(bounded_list(&one, 1, 1024).chars().count() <= 1024);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    #[test]
    fn any_embeds_are_fitted_within_the_limits(
        parts in proptest::collection::vec(
            (".{0,300}", proptest::option::of(".{0,5000}"),
             proptest::collection::vec((".{0,300}", ".{0,1500}"), 0..30)),
            0..14,
        )
    ) {
        let embeds: Vec<Embed> = parts
            .into_iter()
            .map(|(title, description, fields)| Embed {
                title,
                description,
                fields: fields
                    .into_iter()
                    .map(|(name, value)| EmbedField { name, value, inline: false })
                    .collect(),
                footer: Some("Readout".into()),
                ..Default::default()
            })
            .collect();
        let out = fit_message(embeds);
        proptest::prop_assert_eq!(limit_violations(None, &out), Vec::<String>::new());
    }

    #[test]
    fn escaped_text_never_mentions_and_lists_stay_bounded(
        text in ".{0,200}",
        lines in proptest::collection::vec(".{0,400}", 0..40),
        max in 1usize..2000,
    ) {
        let e = escape(&format!("{text}@everyone{text}@here"));
        proptest::prop_assert!(!e.contains("@everyone") && !e.contains("@here"));
        proptest::prop_assert!(!e.contains('\n'));
        let list = bounded_list(&lines, lines.len(), max);
        proptest::prop_assert!(list.chars().count() <= max);
    }
}

#[test]
fn timestamps_use_discord_syntax() {
    let t = DateTime::from_timestamp(1_642_953_600, 0).unwrap();
    assert_eq!(timestamp(t, TimeStyle::Date), "<t:1642953600:d>");
    assert_eq!(truncate("abcdef", 4), "abc…");
}
