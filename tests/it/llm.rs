//! The LLM extractor against an OpenAI-compatible endpoint on loopback: its answer
//! passes the same validation as the rules, and an outage falls back to the rules.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use readout::config::{LlmConfig, Secret};
use readout::extract::{Extractor, RuleExtractor};
use readout::llm::LlmExtractor;
use readout::model::{Article, MeetingStatus};
use serde_json::{Value, json};

use crate::support::at;

const TEXT: &str = "Foreign Minister Ana Ruiz met her Chilean counterpart Tomas Vidal in Lima on Monday. \
\u{201c}We will sign the water accord in March,\u{201d} Ruiz told reporters after the talks.";

fn article() -> Article {
    Article {
        id: "t1".into(),
        feed: None,
        outlet: "Test Wire".into(),
        url: "https://news.example/t1".into(),
        title: "Ruiz and Vidal meet".into(),
        published: at("2024-03-05T10:00:00Z"),
        text: TEXT.into(),
    }
}

#[derive(Clone)]
struct Fake {
    status: StatusCode,
    content: String,
    seen: Arc<Mutex<Vec<(HeaderMap, Value)>>>,
}

async fn completions(
    State(f): State<Fake>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    f.seen.lock().unwrap().push((headers, body));
    if !f.status.is_success() {
        return (f.status, "overloaded").into_response();
    }
    Json(json!({"choices": [{"index": 0, "message": {"role": "assistant", "content": f.content}}]}))
        .into_response()
}

async fn endpoint(
    status: StatusCode,
    content: &str,
) -> (LlmExtractor, Arc<Mutex<Vec<(HeaderMap, Value)>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let fake = Fake {
        status,
        content: content.into(),
        seen: seen.clone(),
    };
    let app = axum::Router::new()
        .route("/v1/chat/completions", axum::routing::post(completions))
        .with_state(fake);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    let cfg = LlmConfig {
        base_url: format!("http://{addr}/v1"),
        api_key: Some(Secret::new("test-key".into())),
        model: "test-model".into(),
    };
    (
        LlmExtractor::new(cfg, Duration::from_secs(5)).unwrap(),
        seen,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_answer_is_validated_against_the_text() {
    let answer = json!({
        "meetings": [
            {"participants": ["Ana Ruiz", "Tomas Vidal"], "status": "held", "date": "2024-03-04", "place": "Lima",
             "kind": "in_person", "evidence": "Foreign Minister Ana Ruiz met her Chilean counterpart Tomas Vidal in Lima on Monday."},
            {"participants": ["Ana Ruiz", "Tomas Vidal"], "status": "planned", "date": null, "place": null,
             "kind": "unknown", "evidence": "The two will meet again in Santiago."}
        ],
        "statements": [
            {"speaker": "Ana Ruiz", "quote": "We will sign the water accord in March", "direct": true, "audience": "reporters",
             "evidence": "\u{201c}We will sign the water accord in March,\u{201d} Ruiz told reporters after the talks."},
            {"speaker": "Ana Ruiz", "quote": "Chile is our closest partner", "direct": true, "audience": null,
             "evidence": "\u{201c}We will sign the water accord in March,\u{201d} Ruiz told reporters after the talks."}
        ],
        "pending": [],
        "outcomes": []
    });
    let (llm, seen) = endpoint(StatusCode::OK, &format!("```json\n{answer}\n```")).await;
    let a = article();
    let x = llm.extract(&a);
    assert_eq!(
        x.meetings.len(),
        1,
        "the invented second meeting is dropped"
    );
    assert_eq!(x.meetings[0].status, MeetingStatus::Held);
    assert_eq!(x.meetings[0].date.unwrap().to_string(), "2024-03-04");
    let e = &x.meetings[0].evidence;
    assert_eq!(&a.text[e.span.start..e.span.end], e.sentence);
    assert_eq!(x.statements.len(), 1, "the invented quote is dropped");
    assert_eq!(x.statements[0].audience.as_deref(), Some("reporters"));

    let seen = seen.lock().unwrap();
    let (headers, body) = &seen[0];
    assert_eq!(headers["authorization"], "Bearer test-key");
    assert_eq!(body["model"], "test-model");
    assert_eq!(body["messages"][0]["content"], readout::llm::PROMPT);
    assert!(
        body["messages"][1]["content"]
            .as_str()
            .unwrap()
            .contains("Tomas Vidal")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outage_or_nonsense_falls_back_to_the_rules() {
    let a = article();
    let rules = RuleExtractor::new().extract(&a);
    let (down, _) = endpoint(StatusCode::SERVICE_UNAVAILABLE, "").await;
    assert_eq!(down.extract(&a), rules);
    let (confused, _) = endpoint(StatusCode::OK, "I cannot help with that.").await;
    assert_eq!(confused.extract(&a), rules);
}
