//! `readout demo` on a fresh checkout: the bundled feeds, the rule extractor and a
//! temporary store give the brief the seed article calls for. The seed reports the
//! U.S.-Russia talks over Ukraine; its items name the U.S. and Russia, and only
//! some name Ukraine, so the brief that holds all of them is the U.S. one (an
//! item is in a brief when it is about the topic itself, issue #13).

use serde_json::Value;

use crate::support::process;

fn demo_brief() -> Value {
    let out = process::command(&["demo", "united states", "--json"])
        .output()
        .expect("run readout demo");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("demo --json prints JSON")
}

fn names(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_str().unwrap().to_string())
        .collect()
}

fn has(names: &[String], surname: &str) -> bool {
    names.iter().any(|n| n.ends_with(surname))
}

#[test]
fn the_demo_brief_shows_who_met_what_was_said_and_what_is_pending() {
    let b = demo_brief();
    assert_eq!(b["topic"], "united states");

    let met = b["met"].as_array().unwrap();
    let held = met
        .iter()
        .find(|m| {
            let p = names(&m["item"]["participants"]);
            m["item"]["status"] == "held" && has(&p, "Blinken") && has(&p, "Lavrov")
        })
        .expect("Blinken and Lavrov met");
    assert_eq!(
        held["item"]["date"], "2022-01-21",
        "\"on Friday\" before Sunday 23 January 2022"
    );
    assert!(met.iter().any(|m| {
        let p = names(&m["item"]["participants"]);
        m["item"]["status"] == "proposed" && has(&p, "Biden") && has(&p, "Putin")
    }));

    let said = b["said"].as_array().unwrap();
    let blinken_direct: Vec<&Value> = said
        .iter()
        .filter(|s| {
            s["item"]["speaker"].as_str().unwrap().ends_with("Blinken")
                && s["item"]["speech"] == "direct"
        })
        .collect();
    assert_eq!(blinken_direct.len(), 4, "{blinken_direct:#?}");
    let audiences: Vec<&str> = blinken_direct
        .iter()
        .filter_map(|s| s["item"]["audience"].as_str())
        .collect();
    assert_eq!(
        audiences.iter().filter(|a| **a == "ABC News").count(),
        3,
        "{audiences:?}"
    );
    assert_eq!(
        audiences.iter().filter(|a| **a == "reporters").count(),
        1,
        "{audiences:?}"
    );
    assert!(!said.iter().any(|s| {
        s["item"]["quote"]
            .as_str()
            .unwrap()
            .trim_matches(['“', '”'])
            == "nonstarters"
    }));

    let pending = b["pending"].as_array().unwrap();
    let response = pending
        .iter()
        .find(|p| {
            p["development"]["item"]["evidence"]["sentence"]
                .as_str()
                .unwrap()
                .contains("provide a response")
        })
        .expect("the U.S. written response is pending");
    assert_eq!(response["state"], "open");
    // Open, and marked once nobody has written about it for a quarter.
    let reported = chrono::DateTime::parse_from_rfc3339(
        response["development"]["reports"][0]["article"]["published"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    let age = chrono::Utc::now()
        .signed_duration_since(reported)
        .num_days();
    assert_eq!(
        response.get("no_follow_up_since").is_some(),
        age > readout::developments::QUIET_AFTER_DAYS,
        "{response}"
    );
    let due = response["development"]["item"]["due"]["text"]
        .as_str()
        .unwrap();
    assert!(
        due.contains("before Blinken and Lavrov meet again"),
        "{due}"
    );

    // Every item links to an article in the sources.
    let sources: Vec<&str> = b["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["url"].as_str().unwrap())
        .collect();
    for section in ["met", "said"] {
        for item in b[section].as_array().unwrap() {
            for r in item["reports"].as_array().unwrap() {
                assert!(sources.contains(&r["article"]["url"].as_str().unwrap()));
                assert!(!r["evidence"]["sentence"].as_str().unwrap().is_empty());
            }
        }
    }
}
