//! A real HTTP server on 127.0.0.1 serving feeds from memory, with ETag support and
//! a request counter, so tests exercise the fetcher over a socket.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Response, StatusCode, header};

/// What the server answers for one path.
#[derive(Clone)]
pub struct Resource {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
    pub etag: Option<String>,
    pub headers: Vec<(String, String)>,
    /// Send the body one byte at a time with this pause between bytes.
    pub drip: Option<std::time::Duration>,
    /// Wait this long before answering (to observe concurrency).
    pub delay: Option<std::time::Duration>,
}

impl Resource {
    /// A plain response without validators.
    pub fn raw(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Resource {
            etag: None,
            status,
            content_type: content_type.into(),
            ..Resource::feed(body)
        }
    }

    pub fn redirect(to: &str) -> Self {
        Resource {
            headers: vec![("location".into(), to.into())],
            ..Resource::raw(302, "text/plain", "")
        }
    }

    pub fn with_header(mut self, k: &str, v: &str) -> Self {
        self.headers.push((k.into(), v.into()));
        self
    }

    pub fn feed(body: impl Into<Vec<u8>>) -> Self {
        let body = body.into();
        let etag = format!(
            "\"{:x}\"",
            body.iter()
                .fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(*b)))
        );
        Resource {
            status: 200,
            content_type: "application/rss+xml".into(),
            body,
            etag: Some(etag),
            headers: vec![],
            drip: None,
            delay: None,
        }
    }
}

#[derive(Default)]
pub struct ServerState {
    pub resources: Mutex<HashMap<String, Resource>>,
    pub requests: AtomicUsize,
    pub in_flight: AtomicUsize,
    pub max_in_flight: AtomicUsize,
    pub per_path: Mutex<HashMap<String, usize>>,
}

pub struct FeedServer {
    pub addr: SocketAddr,
    pub state: Arc<ServerState>,
}

impl FeedServer {
    pub async fn start() -> Self {
        let state = Arc::new(ServerState::default());
        let app = Router::new()
            .route("/{*path}", axum::routing::get(serve))
            .with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FeedServer { addr, state }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}/{}", self.addr, path.trim_start_matches('/'))
    }

    pub fn put(&self, path: &str, r: Resource) {
        self.state
            .resources
            .lock()
            .unwrap()
            .insert(path.trim_start_matches('/').to_string(), r);
    }

    pub fn requests(&self) -> usize {
        self.state.requests.load(Ordering::SeqCst)
    }

    pub fn requests_for(&self, path: &str) -> usize {
        *self
            .state
            .per_path
            .lock()
            .unwrap()
            .get(path.trim_start_matches('/'))
            .unwrap_or(&0)
    }
}

async fn serve(
    State(state): State<Arc<ServerState>>,
    Path(path): Path<String>,
    headers: HeaderMap,
) -> Response<Body> {
    state.requests.fetch_add(1, Ordering::SeqCst);
    *state
        .per_path
        .lock()
        .unwrap()
        .entry(path.clone())
        .or_default() += 1;
    let Some(r) = state.resources.lock().unwrap().get(&path).cloned() else {
        return Response::builder()
            .status(StatusCode::NOT_FOUND)
            .body(Body::from("not found"))
            .unwrap();
    };
    if let Some(d) = r.delay {
        let now = state.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        state.max_in_flight.fetch_max(now, Ordering::SeqCst);
        tokio::time::sleep(d).await;
        state.in_flight.fetch_sub(1, Ordering::SeqCst);
    }
    let mut resp = Response::builder();
    if let Some(etag) = &r.etag {
        if headers
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            == Some(etag.as_str())
        {
            return resp
                .status(StatusCode::NOT_MODIFIED)
                .header(header::ETAG, etag)
                .body(Body::empty())
                .unwrap();
        }
        resp = resp.header(header::ETAG, etag);
    }
    for (k, v) in &r.headers {
        resp = resp.header(k.as_str(), v.as_str());
    }
    let body = match r.drip {
        Some(pause) => {
            let bytes = r.body.clone();
            Body::from_stream(futures::stream::unfold(0usize, move |i| {
                let bytes = bytes.clone();
                async move {
                    if i >= bytes.len() {
                        return None;
                    }
                    tokio::time::sleep(pause).await;
                    Some((Ok::<_, std::io::Error>(vec![bytes[i]]), i + 1))
                }
            }))
        }
        None => Body::from(r.body),
    };
    resp.status(r.status)
        .header(header::CONTENT_TYPE, r.content_type)
        .body(body)
        .unwrap()
}
