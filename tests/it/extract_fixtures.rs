//! The extractor on whole articles: the seed article of the issue and our own
//! fixture articles (tests/fixtures/extract), written in the same styles as the
//! evaluation set but with other names, places and wordings.

use std::path::PathBuf;

use readout::eval_format;
use readout::extract::RuleExtractor;
use serde_json::Value;

fn predict(path: &str) -> Vec<Value> {
    let mut out = Vec::new();
    eval_format::run(&[PathBuf::from(path)], &RuleExtractor::new(), &mut out)
        .expect("fixtures read");
    String::from_utf8(out)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect()
}

fn by_id<'a>(v: &'a [Value], id: &str) -> &'a Value {
    v.iter().find(|x| x["id"] == id).expect("prediction for id")
}

fn names(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(String::from))
                .collect()
        })
        .unwrap_or_default()
}

/// The seed article of the issue, read from the shared evaluation set (beside the
/// repository, as in CI) rather than copied into the tests.
fn seed_path() -> Option<String> {
    [
        "../shared/eval/dev/dev-000-seed.json",
        "/work/shared/eval/dev/dev-000-seed.json",
    ]
    .into_iter()
    .find(|p| std::path::Path::new(p).exists())
    .map(String::from)
}

#[test]
fn seed_meetings_quotes_and_pending() {
    let Some(path) = seed_path() else {
        eprintln!("shared evaluation set not found; seed acceptance skipped");
        return;
    };
    let v = predict(&path);
    let a = by_id(&v, "dev-000-seed");
    let meetings = a["meetings"].as_array().expect("meetings");
    let held = meetings
        .iter()
        .find(|m| m["status"] == "held")
        .expect("a held meeting");
    let p = names(&held["participants"]);
    assert!(p.iter().any(|n| n.contains("Blinken")) && p.iter().any(|n| n.contains("Lavrov")));
    assert_eq!(held["date"], "2022-01-21");
    assert!(meetings.iter().any(|m| {
        let p = names(&m["participants"]);
        m["status"] == "proposed"
            && p.iter().any(|n| n.contains("Biden"))
            && p.iter().any(|n| n.contains("Putin"))
    }));
    let direct: Vec<&Value> = a["statements"]
        .as_array()
        .expect("statements")
        .iter()
        .filter(|s| s["direct"] == true)
        .collect();
    assert_eq!(direct.len(), 4);
    assert!(
        direct
            .iter()
            .all(|s| s["speaker"].as_str().is_some_and(|n| n.contains("Blinken")))
    );
    let audiences: Vec<&str> = direct
        .iter()
        .filter_map(|s| s["audience"].as_str())
        .collect();
    assert_eq!(audiences, ["ABC News", "reporters", "ABC News", "ABC News"]);
    assert!(
        a["statements"]
            .as_array()
            .expect("statements")
            .iter()
            .all(|s| s["quote"] != "nonstarters")
    );
    let pending = a["pending"].as_array().expect("pending");
    let response = pending
        .iter()
        .find(|p| {
            p["evidence"]
                .as_str()
                .is_some_and(|e| e.contains("provide a response"))
        })
        .expect("response pending");
    assert!(
        response["due"]
            .as_str()
            .is_some_and(|d| d.contains("before Blinken and Lavrov meet again"))
    );
}

#[test]
fn our_fixture_articles_read_as_annotated() {
    let v = predict("tests/fixtures/extract");
    let a = by_id(&v, "fx-001");
    let m = a["meetings"].as_array().expect("meetings");
    assert!(
        m.iter()
            .any(|m| m["status"] == "held" && m["date"] == "2031-03-11")
    );
    assert!(
        m.iter()
            .any(|m| m["status"] == "held" && m["kind"] == "call")
    );
    let s = a["statements"].as_array().expect("statements");
    assert!(s.iter().any(|s| s["speaker"] == "Paulina Serrano Vidal"
        && s["quote"] == "Nobody expected a final text today"));
    assert!(s.iter().all(|s| s["quote"] != "paper tiger"));
    let b = by_id(&v, "fx-003");
    let s = b["statements"].as_array().expect("statements");
    assert_eq!(s.len(), 2, "courtesy and questions are not statements");
    assert!(
        s.iter()
            .all(|s| s["speaker"] == "Dana Whitfield" && s["direct"] == true)
    );
}

/// fx-007 was annotated before the extractor first ran on it: "met each minister
/// separately" is one meeting per minister, besides the ministers' own round.
#[test]
fn separate_meetings_and_a_host_in_our_newest_fixture() {
    let v = predict("tests/fixtures/extract");
    let a = by_id(&v, "fx-007");
    let m = a["meetings"].as_array().expect("meetings");
    let with = |status: &str, who: &[&str]| {
        m.iter().any(|m| {
            let p = names(&m["participants"]);
            m["status"] == status
                && p.len() == who.len()
                && who.iter().all(|w| p.iter().any(|n| n.contains(w)))
        })
    };
    assert!(with("held", &["Borg Camilleri", "Valdés"]));
    assert!(with("held", &["Borg Camilleri", "Huamaní"]));
    assert!(with("held", &["Valdés", "Huamaní"]));
    assert!(with("cancelled", &["Valdés", "Quispe"]));
    assert!(with("held", &["Valdés", "Cevallos"]));
}

/// fx-008 was annotated before the extractor first ran on it (first run: meetings
/// F1 0.545): a delegation "led by" and a side "headed by" someone take part in the
/// talks told just before, and a hyphenated "Norwegian-Icelandic meeting" is
/// between both countries.
#[test]
fn participants_named_after_the_talks_and_a_compound_of_countries() {
    let v = predict("tests/fixtures/extract");
    let a = by_id(&v, "fx-008");
    let m = a["meetings"].as_array().expect("meetings");
    let has = |status: &str, who: &[&str], date: Option<&str>| {
        m.iter().any(|m| {
            let p = names(&m["participants"]);
            m["status"] == status
                && who.iter().all(|w| p.iter().any(|n| n.contains(w)))
                && date.is_none_or(|d| m["date"] == d)
        })
    };
    // "ended two days of talks … on Friday" (April 16): dated by the first day,
    // the eval format's convention for meetings over several days.
    assert!(
        has(
            "held",
            &["Haug", "Thorvaldsson", "Eiriksdottir"],
            Some("2032-04-15")
        ),
        "{m:?}"
    );
    assert!(has(
        "held",
        &["Kjaer Lund", "Brekke Dahl"],
        Some("2032-04-15")
    ));
    assert!(has("cancelled", &["Norway", "Iceland"], Some("2032-04-17")));
    assert!(has(
        "planned",
        &["Brekke Dahl", "Thorvaldsson"],
        Some("2032-04-28")
    ));
}
