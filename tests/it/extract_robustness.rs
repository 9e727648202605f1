//! The extractor must survive anything a feed can send: arbitrary UTF-8, walls of
//! text without a full stop, thousands of quote marks, deep nesting. It never
//! panics, every evidence span is on character boundaries and is its sentence, and
//! the work stays linear (a megabyte finishes at once, not in minutes).

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use readout::extract::{Extractor, RuleExtractor};
use readout::model::{Article, Extraction};

fn article(text: String) -> Article {
    Article {
        id: "p".into(),
        feed: None,
        outlet: "t".into(),
        url: "https://example.org/p".into(),
        title: "t".into(),
        published: Utc
            .with_ymd_and_hms(2030, 6, 12, 12, 0, 0)
            .single()
            .expect("valid time"),
        text,
    }
}

/// Every span lies on char boundaries and slices to its evidence; every quote is
/// in the text.
fn check(text: &str, x: &Extraction) {
    let evidence = x
        .meetings
        .iter()
        .map(|m| &m.evidence)
        .chain(x.statements.iter().map(|s| &s.evidence))
        .chain(x.pending.iter().map(|p| &p.evidence))
        .chain(x.outcomes.iter().map(|o| &o.evidence));
    for e in evidence {
        assert!(e.span.start <= e.span.end && e.span.end <= text.len());
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        assert_eq!(&text[e.span.start..e.span.end], e.sentence);
    }
    for s in &x.statements {
        assert!(text.contains(&s.quote));
    }
    for m in &x.meetings {
        assert!(m.participants.len() >= 2);
    }
}

fn run(text: String) {
    let a = article(text);
    let x = RuleExtractor::new().extract(&a);
    check(&a.text, &x);
}

/// Pieces of diplomatic copy, glued at random, reach deep into the rules.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Foreign Minister Ola Brek met Tam Ruen in Oslo on Monday. ".to_string()),
        Just("“We will send our reply,” he said, “by Friday.” ".to_string()),
        Just("MS. VELD: We are still waiting for a response.\n\n".to_string()),
        Just("QUESTION: Any news?\n".to_string()),
        Just("14:05 — The summit was called off, the ministry said.\n\n".to_string()),
        Just("GENEVA (Wire) — ".to_string()),
        Just("“‘\"".to_string()),
        Just("U.S. Gen. J. ".to_string()),
        Just("according to Radio Harbour, ".to_string()),
        Just("Ola Brek said the talks would resume and".to_string()),
        Just(", and said".to_string()),
        Just("who met".to_string()),
        Just("Çavuşoğlu’s “nonstarter” — ".to_string()),
        "\\PC{0,40}",
    ]
}

/// 200 cases a run. Failures are kept beside this file
/// (`extract_robustness.proptest-regressions`) and replayed first: proptest's
/// default would put them under `tests/proptest-regressions/`, since it climbs
/// from the source file to the nearest `main.rs` (this binary's).
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 200,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        run(text);
    }

    #[test]
    fn glued_copy_never_panics(parts in prop::collection::vec(piece(), 0..40)) {
        run(parts.concat());
    }
}

#[test]
fn a_megabyte_without_a_full_stop_finishes() {
    let text = "the envoy said talks with Ruritania will resume and ".repeat(20_000);
    assert!(text.len() > 1_000_000);
    run(text);
}

#[test]
fn ten_thousand_quote_marks_finish() {
    run("“".repeat(10_000));
    run("\"a\" ".repeat(10_000));
    run("”“".repeat(5_000));
}

#[test]
fn deeply_nested_quotes_finish() {
    let text = format!("{}words{}", "“‘".repeat(5_000), "’”".repeat(5_000));
    run(text);
}

#[test]
fn a_megabyte_of_names_and_cues_finishes() {
    let text = "Foreign Minister Ola Brek met Ambassador Tam Ruen, ".repeat(20_000);
    run(text);
}
