use chrono::{DateTime, NaiveDate, Utc};

use super::draw;
use super::layout::{DueState, MAX_MEETINGS, Mark, lay_out, ticks};
use super::*;
use crate::brief::assemble;
use crate::developments::ArticleRef;
use crate::model::{
    ActorName, ArticleId, Due, Evidence, Extraction, Meeting, MeetingKind, MeetingStatus, Pending,
    Span, TopicName,
};
use crate::store::StoredArticle;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, m, d).unwrap()
}

fn at(m: u32, d: u32) -> DateTime<Utc> {
    day(m, d).and_hms_opt(9, 0, 0).unwrap().and_utc()
}

fn ev(s: &str) -> Evidence {
    Evidence {
        sentence: s.into(),
        span: Span::new(0, s.len()),
    }
}

fn meeting(a: &str, b: &str, status: MeetingStatus, date: Option<NaiveDate>) -> Meeting {
    Meeting {
        participants: vec![ActorName::new(a).unwrap(), ActorName::new(b).unwrap()],
        status,
        date,
        place: Some("Oslo".into()),
        kind: MeetingKind::InPerson,
        evidence: ev(&format!("{a} met {b}.")),
    }
}

fn pending(what: &str, due: NaiveDate) -> Pending {
    Pending {
        what: what.into(),
        actors: vec![ActorName::new("Per Lund").unwrap()],
        due: Some(Due {
            text: "by then".into(),
            date: Some(due),
        }),
        evidence: ev(&format!("Per Lund will {what} by then.")),
    }
}

fn article(id: i64, published: DateTime<Utc>, x: Extraction) -> StoredArticle {
    StoredArticle {
        contexts: Default::default(),
        article: ArticleRef {
            id: ArticleId(id),
            url: format!("https://news.example/{id}"),
            outlet: "Example".into(),
            title: format!("Story {id}"),
            published,
        },
        extraction: x,
    }
}

/// A held meeting, a planned one ahead, a cancelled one, an overdue promise and
/// an open one, as of 20 May 2024.
fn brief() -> Brief {
    let first = Extraction {
        meetings: vec![
            meeting("Ana Veld", "Per Lund", MeetingStatus::Held, Some(day(3, 4))),
            meeting("Tam Ruen", "Ola Brek", MeetingStatus::Cancelled, None),
        ],
        pending: vec![
            pending("send its reply", day(4, 1)),
            pending("publish the draft text", day(6, 10)),
        ],
        ..Default::default()
    };
    let second = Extraction {
        meetings: vec![meeting(
            "Ana Veld",
            "Tam Ruen",
            MeetingStatus::Planned,
            Some(day(6, 2)),
        )],
        ..Default::default()
    };
    assemble(
        TopicName::parse("north sea").unwrap(),
        at(5, 20),
        None,
        vec![article(1, at(3, 5), first), article(2, at(5, 1), second)],
    )
}

#[test]
fn each_meeting_and_due_date_gets_a_row_in_date_order_with_its_mark() {
    let t = lay_out(&brief()).unwrap();
    let marks: Vec<(NaiveDate, Mark)> = t.rows.iter().map(|r| (r.day, r.mark)).collect();
    assert_eq!(
        marks,
        [
            (day(3, 4), Mark::Held),
            // Undated: on the day it was reported.
            (day(3, 5), Mark::Cancelled),
            (day(4, 1), Mark::Due(DueState::Overdue)),
            (day(6, 2), Mark::Planned),
            (day(6, 10), Mark::Due(DueState::Open)),
        ]
    );
    assert_eq!(t.rows[0].label, "4 Mar 2024 · Ana Veld – Per Lund, Oslo");
    assert_eq!(
        t.rows[1].label,
        "reported 5 Mar 2024 · Tam Ruen – Ola Brek, Oslo (cancelled)"
    );
    assert_eq!(t.rows[2].label, "due 1 Apr 2024 · send its reply");
    assert_eq!(t.title, "north sea — timeline");
    assert!(
        t.subtitle.contains("3 meetings, 2 due dates"),
        "{}",
        t.subtitle
    );
    // The axis covers every row and the brief's day, which lies between them.
    assert!(t.from < day(3, 4) && t.to > day(6, 10));
    assert_eq!(t.today, Some(day(5, 20)));
    assert!(!t.ticks.is_empty() && t.ticks.len() <= 8);
    assert!(t.ticks.windows(2).all(|w| w[0].day < w[1].day));
}

#[test]
fn long_briefs_keep_the_newest_lines_and_say_how_many_more() {
    let many: Vec<StoredArticle> = (0..20)
        .map(|i| {
            let x = Extraction {
                meetings: vec![meeting(
                    &format!("Ana Veld{}", ["", "t", "s", "x", "n"][i % 5]),
                    &format!("Envoy {}", char::from(b'A' + i as u8)),
                    MeetingStatus::Held,
                    Some(day(1, 1 + i as u32)),
                )],
                ..Default::default()
            };
            article(i as i64 + 1, at(1, 1 + i as u32), x)
        })
        .collect();
    let b = assemble(TopicName::parse("x").unwrap(), at(1, 25), None, many);
    let t = lay_out(&b).unwrap();
    assert_eq!(t.rows.len(), MAX_MEETINGS);
    assert_eq!(t.rows.last().unwrap().day, day(1, 20), "the newest is kept");
    assert!(t.subtitle.ends_with("6 more in /status"), "{}", t.subtitle);
}

#[test]
fn a_brief_with_nothing_dated_draws_nothing() {
    let b = assemble(TopicName::parse("x").unwrap(), at(1, 25), None, vec![]);
    assert!(lay_out(&b).is_none());
    assert!(matches!(render_png(&b), Err(TimelineError::Empty(t)) if t == "x"));
}

#[test]
fn ticks_fit_any_span_and_name_the_year() {
    for (from, to) in [
        (day(3, 1), day(3, 6)),
        (day(3, 1), day(5, 20)),
        (day(1, 1), NaiveDate::from_ymd_opt(2025, 6, 1).unwrap()),
        (day(1, 1), NaiveDate::from_ymd_opt(2040, 6, 1).unwrap()),
    ] {
        let t = ticks(from, to);
        assert!((2..=8).contains(&t.len()), "{from}..{to}: {t:?}");
        assert!(t.iter().all(|k| k.day >= from && k.day <= to));
    }
    let months = ticks(day(1, 1), NaiveDate::from_ymd_opt(2025, 6, 1).unwrap());
    assert_eq!(
        months[0].label, "Apr 2024",
        "quarterly, on a quarter's first day"
    );
    assert!(
        months
            .iter()
            .all(|k| k.label.ends_with("2024") || k.label.ends_with("2025"))
    );
}

fn decode(png_bytes: &[u8]) -> (png::OutputInfo, Vec<u8>) {
    let mut reader = png::Decoder::new(png_bytes).read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).unwrap();
    buf.truncate(info.buffer_size());
    (info, buf)
}

#[test]
fn the_picture_decodes_at_its_size_with_each_mark_in_its_colour() {
    let b = brief();
    let bytes = render_png(&b).unwrap();
    let (info, rgb) = decode(&bytes);
    assert_eq!((info.width, info.height), (draw::WIDTH, draw::height(5)));
    assert_eq!(info.color_type, png::ColorType::Rgb);
    let has = |c: (u8, u8, u8)| rgb.chunks(3).any(|p| (p[0], p[1], p[2]) == c);
    assert!(has((0x5c, 0xa8, 0xff)), "held meetings are blue");
    assert!(has((0xf2, 0x4b, 0x4e)), "an overdue item is red");
    assert!(has((0xf0, 0xb2, 0x32)), "an open item is amber");
    // Text was drawn: many pixels lighter than the card and not a mark colour.
    let light = rgb
        .chunks(3)
        .filter(|p| p[0] > 0xc0 && p[1] > 0xc0 && p[2] > 0xc0)
        .count();
    assert!(light > 2_000, "{light} light pixels");
}

/// A digest's topics in one picture: each timeline at its own height, one under
/// the other; a topic with nothing dated takes no room; none at all, no picture.
#[test]
fn several_briefs_stack_into_one_picture() {
    let empty = assemble(TopicName::parse("x").unwrap(), at(1, 25), None, vec![]);
    let bytes = render_stacked_png(&[brief(), empty.clone(), brief()])
        .unwrap()
        .expect("a picture");
    let (info, rgb) = decode(&bytes);
    assert_eq!(
        (info.width, info.height),
        (draw::WIDTH, 2 * draw::height(5))
    );
    // The second card is drawn too: its marks are below the first card.
    let first = (draw::WIDTH * draw::height(5) * 3) as usize;
    let blue = |px: &[u8]| {
        px.chunks(3)
            .any(|p| (p[0], p[1], p[2]) == (0x5c, 0xa8, 0xff))
    };
    assert!(blue(&rgb[..first]) && blue(&rgb[first..]));
    assert!(render_stacked_png(&[empty]).unwrap().is_none());
}
