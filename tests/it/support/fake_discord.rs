//! A fake Discord on loopback (REST + gateway, axum, plain `ws://` text frames) and
//! a `TestBot` that runs the real bot (serenity + poise through
//! `DISCORD_API_BASE`) against it, started from the app (`spawn_app`) on a
//! temporary SQLite store.
//!
//! Every payload the fake sends (READY, interactions, REST answers) is first
//! deserialized into serenity's own types: a payload serenity can't read would be
//! dropped silently and the test would only time out (see FAKE_DISCORD.md).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use tokio::sync::{mpsc, watch};

use super::app::{AppOptions, TestApp, spawn_app};
use readout::app::Shutdown;
use readout::config::{DiscordConfig, FetchConfig, Secret, ShardRange};
use readout::store::sqlite::SqliteStore;

pub const APP_ID: u64 = 900_000_000_000_000_001;
pub const BOT_ID: u64 = 900_000_000_000_000_002;
pub const GUILD_A: u64 = 800_000_000_000_000_001;
pub const GUILD_B: u64 = 800_000_000_000_000_002;
pub const CHANNEL: u64 = 700_000_000_000_000_001;

/// Permission bits as Discord sends them (decimal strings).
pub const PERM_MEMBER: u64 = 0x800 | 0x400; // send messages, view channel
pub const PERM_MANAGE_GUILD: u64 = 0x20 | PERM_MEMBER;
/// What a typical bot may do in the channel (`app_permissions`).
const APP_PERMISSIONS: &str = "2147568640";

/// How long any single wait may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(15);

/// One request the bot made to the fake's REST API.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    /// The JSON body, or a multipart body's `payload_json`.
    pub body: Value,
    /// A multipart body's files: `(filename, bytes)`.
    pub files: Vec<(String, Vec<u8>)>,
}

impl Recorded {
    /// An interaction callback's `type` (4 message, 5 deferred, 8 autocomplete).
    pub fn callback_type(&self) -> Option<u64> {
        self.path
            .ends_with("/callback")
            .then(|| self.body["type"].as_u64())
            .flatten()
    }

    /// The message object this request carries, wherever it sits: `data` of a
    /// callback, or the body of an edit or a follow-up.
    pub fn message(&self) -> Option<&Value> {
        if self.path.ends_with("/callback") {
            self.body.get("data").filter(|d| !d.is_null())
        } else if self.method == "PATCH" || self.method == "POST" {
            Some(&self.body)
        } else {
            None
        }
    }
}

struct FakeState {
    port: u16,
    requests: Mutex<Vec<Recorded>>,
    /// Bumped on every request, so waiters never miss one.
    count: watch::Sender<usize>,
    /// Dispatches (`t`, `d`) to send on the gateway.
    dispatch_tx: mpsc::UnboundedSender<(String, Value)>,
    dispatch_rx: tokio::sync::Mutex<mpsc::UnboundedReceiver<(String, Value)>>,
    /// Set once IDENTIFY arrived and READY was sent.
    ready: watch::Sender<bool>,
    /// The `d` of the bot's IDENTIFY (token, intents, shard).
    identify: Mutex<Option<Value>>,
    guilds: Vec<u64>,
    /// Channel messages: scripted answers, nonces seen, messages created.
    channels: Mutex<Channels>,
    /// Faults to play: a refused gateway discovery, a refused IDENTIFY.
    faults: Mutex<Faults>,
}

/// The one token the fake accepts, like Discord: REST calls with another get 401
/// (except `GET /gateway`, which needs none), an IDENTIFY with another is closed
/// with code 4004.
pub const FAKE_TOKEN: &str = "fake-token";

#[derive(Default, Clone, Copy)]
struct Faults {
    /// Answer `GET /gateway` (and `/gateway/bot`) with this status.
    gateway_status: Option<u16>,
    /// Close every IDENTIFY with 4004 (authentication failed), whatever the token.
    refuse_identify: bool,
}

/// A scripted answer to the next `POST /channels/{id}/messages` of a channel, in
/// place of creating the message.
#[derive(Debug, Clone)]
pub enum Scripted {
    /// Answer with this status and JSON body (e.g. 429 with `retry_after`, 500,
    /// 403 with code 50013), and optionally a `Retry-After` header.
    Answer {
        status: u16,
        body: Value,
        retry_after_header: Option<String>,
    },
    /// Create the message, then answer 500 as if the answer were lost on the way.
    CreateThenFail,
}

impl Scripted {
    pub fn status(status: u16, body: Value) -> Self {
        Scripted::Answer {
            status,
            body,
            retry_after_header: None,
        }
    }
}

/// What the fake keeps per channel, like Discord: a message created with a nonce
/// and `enforce_nonce` is not created again for the same nonce in that channel;
/// the first message is returned instead.
#[derive(Default)]
struct Channels {
    scripts: std::collections::HashMap<u64, std::collections::VecDeque<Scripted>>,
    nonces: std::collections::HashMap<(u64, String), Value>,
    /// `(channel, body)` of every message created, in order.
    created: Vec<(u64, Value)>,
    /// Forum posts (threads) created, as Discord lists them: `id`, `parent_id`,
    /// `name`.
    threads: Vec<Value>,
    next_id: u64,
    /// How long each channel post takes to answer (lets concurrent senders overlap).
    delay: Duration,
}

/// The fake Discord server.
pub struct FakeDiscord {
    pub base: String,
    state: Arc<FakeState>,
    _server: tokio::task::JoinHandle<()>,
}

impl FakeDiscord {
    pub async fn start(guilds: Vec<u64>) -> Self {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind fake discord");
        let addr: SocketAddr = listener.local_addr().expect("local addr");
        let (dispatch_tx, dispatch_rx) = mpsc::unbounded_channel();
        let state = Arc::new(FakeState {
            port: addr.port(),
            requests: Mutex::new(Vec::new()),
            count: watch::channel(0).0,
            dispatch_tx,
            dispatch_rx: tokio::sync::Mutex::new(dispatch_rx),
            ready: watch::channel(false).0,
            identify: Mutex::new(None),
            guilds,
            channels: Mutex::new(Channels::default()),
            faults: Mutex::new(Faults::default()),
        });
        let app = Router::new()
            .route("/ws", axum::routing::get(gateway_upgrade))
            .fallback(rest)
            .with_state(state.clone());
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeDiscord {
            base: format!("http://{addr}"),
            state,
            _server: server,
        }
    }

    /// `DISCORD_TOKEN` and `DISCORD_API_BASE` of a bot talking to this fake.
    pub fn discord_config(&self) -> DiscordConfig {
        DiscordConfig {
            token: Some(Secret::new(FAKE_TOKEN.into())),
            guild_id: None,
            api_base: Some(self.base.clone()),
            shards: None,
        }
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.state
            .requests
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Waits until `pred` holds for the recorded requests; panics after `WAIT`.
    pub async fn wait_for<T>(&self, what: &str, pred: impl Fn(&[Recorded]) -> Option<T>) -> T {
        let mut rx = self.state.count.subscribe();
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            if let Some(v) = pred(&self.requests()) {
                return v;
            }
            match tokio::time::timeout_at(deadline, rx.changed()).await {
                Ok(Ok(())) => {}
                _ => panic!(
                    "timed out waiting for {what}; requests so far:\n{:#?}",
                    self.requests()
                ),
            }
        }
    }

    /// Answers gateway discovery with `status` from now on (e.g. 503).
    pub fn refuse_gateway_discovery(&self, status: u16) {
        self.state
            .faults
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .gateway_status = Some(status);
    }

    /// Closes every IDENTIFY with 4004, as Discord does for a token it refuses on
    /// the gateway.
    pub fn refuse_identify(&self) {
        self.state
            .faults
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .refuse_identify = true;
    }

    /// Makes every channel post take `delay` before it is answered.
    pub fn set_post_delay(&self, delay: Duration) {
        self.state
            .channels
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .delay = delay;
    }

    /// Queues scripted answers for the next posts to `channel`.
    pub fn script(&self, channel: u64, answers: Vec<Scripted>) {
        let mut ch = self
            .state
            .channels
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        ch.scripts.entry(channel).or_default().extend(answers);
    }

    /// The bodies of the messages created in `channel` (all channels: `None`), in
    /// order; a repeated nonce created nothing.
    pub fn created(&self, channel: Option<u64>) -> Vec<Value> {
        let ch = self
            .state
            .channels
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        ch.created
            .iter()
            .filter(|(c, _)| channel.is_none_or(|x| x == *c))
            .map(|(_, b)| b.clone())
            .collect()
    }

    /// Every `POST /channels/{id}/messages` the fake received (attempts, including
    /// scripted refusals and repeated nonces).
    pub fn channel_posts(&self) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| {
                r.method == "POST"
                    && r.path.starts_with("/api/v10/channels/")
                    && r.path.ends_with("/messages")
            })
            .collect()
    }

    /// Waits until `n` messages were created in all.
    pub async fn wait_created(&self, n: usize) {
        self.wait_for(&format!("{n} created messages"), |_| {
            (self.created(None).len() >= n).then_some(())
        })
        .await
    }

    /// The forum posts created (`id`, `parent_id`, `name`), in order.
    pub fn forum_posts(&self) -> Vec<Value> {
        let ch = self
            .state
            .channels
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        ch.threads.clone()
    }

    /// What the bot sent in IDENTIFY.
    pub fn identify(&self) -> Option<Value> {
        self.state
            .identify
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    pub async fn wait_ready(&self) {
        let mut rx = self.state.ready.subscribe();
        tokio::time::timeout(WAIT, rx.wait_for(|r| *r))
            .await
            .expect("the bot never identified on the gateway")
            .expect("ready channel");
    }

    /// Sends a gateway dispatch after checking serenity can read it.
    pub fn dispatch(&self, t: &str, d: Value) {
        let event = json!({"op": 0, "t": t, "s": 2, "d": d.clone()});
        if let Err(e) = serde_json::from_value::<serenity::all::GatewayEvent>(event) {
            panic!("fixture {t} does not deserialize into serenity's GatewayEvent: {e}\n{d:#}");
        }
        self.state
            .dispatch_tx
            .send((t.to_string(), d))
            .expect("gateway connection alive");
    }
}

fn record(
    state: &FakeState,
    method: &Method,
    path: &str,
    raw: &Bytes,
    parsed: &Value,
    files: Vec<(String, Vec<u8>)>,
) {
    let body = if !parsed.is_null() || raw.is_empty() {
        parsed.clone()
    } else {
        Value::String(String::from_utf8_lossy(raw).into_owned())
    };
    state
        .requests
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(Recorded {
            method: method.to_string(),
            path: path.to_string(),
            body,
            files,
        });
    state.count.send_modify(|c| *c += 1);
}

/// A `multipart/form-data` body as serenity sends a message with files: the
/// `payload_json` part, and every part with a filename.
fn multipart(body: &[u8], boundary: &str) -> (Value, Vec<(String, Vec<u8>)>) {
    let delimiter = format!("--{boundary}");
    let mut json = Value::Null;
    let mut files = Vec::new();
    for part in split_bytes(body, delimiter.as_bytes()) {
        let Some(head_end) = find_bytes(part, b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&part[..head_end]);
        let mut content = &part[head_end + 4..];
        if content.ends_with(b"\r\n") {
            content = &content[..content.len() - 2];
        }
        let filename = head
            .split("filename=\"")
            .nth(1)
            .and_then(|r| r.split('"').next());
        match filename {
            Some(f) => files.push((f.to_string(), content.to_vec())),
            None if head.contains("name=\"payload_json\"") => {
                json = serde_json::from_slice(content).unwrap_or(Value::Null)
            }
            None => {}
        }
    }
    (json, files)
}

fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn split_bytes<'a>(mut hay: &'a [u8], delimiter: &[u8]) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    while let Some(i) = find_bytes(hay, delimiter) {
        out.push(&hay[..i]);
        hay = &hay[i + delimiter.len()..];
    }
    out.push(hay);
    out
}

fn user_json(id: u64, name: &str, bot: bool) -> Value {
    json!({
        "id": id.to_string(), "username": name, "discriminator": "0000",
        "global_name": null, "avatar": null, "bot": bot
    })
}

/// A Message as Discord answers it, checked against serenity's type.
fn message_json(channel: u64, body: &Value) -> Value {
    let v = json!({
        "id": "600000000000000001",
        "channel_id": channel.to_string(),
        "author": user_json(BOT_ID, "readout", true),
        "content": body.get("content").cloned().unwrap_or(json!("")),
        "timestamp": "2022-01-24T12:00:00+00:00",
        "edited_timestamp": null,
        "tts": false,
        "mention_everyone": false,
        "mentions": [],
        "mention_roles": [],
        "attachments": [],
        "embeds": [],
        "pinned": false,
        "type": 0,
        "flags": body.get("flags").cloned().unwrap_or(json!(0)),
    });
    serde_json::from_value::<serenity::all::Message>(v.clone()).expect("fake message deserializes");
    v
}

fn json_response(status: StatusCode, v: Value) -> Response {
    (
        status,
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        v.to_string(),
    )
        .into_response()
}

/// Every REST route the bot uses.
async fn rest(State(state): State<Arc<FakeState>>, req: Request) -> Response {
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let boundary = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split("boundary=").nth(1))
        .map(|b| b.trim_matches('"').to_string());
    let authorized = req
        .headers()
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.strip_prefix("Bot ").unwrap_or(v) == FAKE_TOKEN);
    let body = axum::body::to_bytes(req.into_body(), 10 * 1024 * 1024)
        .await
        .unwrap_or_default();
    let (body_json, files) = match &boundary {
        Some(b) => multipart(&body, b),
        None => (serde_json::from_slice(&body).unwrap_or(Value::Null), vec![]),
    };
    record(&state, &method, &path, &body, &body_json, files);
    let segs: Vec<&str> = path.trim_start_matches("/api/v10/").split('/').collect();
    let ws_url = format!("ws://127.0.0.1:{}/ws", state.port);
    let faults = *state.faults.lock().unwrap_or_else(|e| e.into_inner());
    let discovery = method == Method::GET && segs.first() == Some(&"gateway");
    if let (true, Some(status)) = (discovery, faults.gateway_status) {
        return json_response(
            StatusCode::from_u16(status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE),
            json!({"message": "unavailable", "code": 0}),
        );
    }
    // `GET /gateway` needs no token, as on Discord.
    let open_route = discovery && segs.len() == 1;
    if !(authorized || open_route) {
        return json_response(
            StatusCode::UNAUTHORIZED,
            json!({"message": "401: Unauthorized", "code": 0}),
        );
    }
    match (method.as_str(), segs.as_slice()) {
        ("GET", ["gateway"]) => json_response(StatusCode::OK, json!({"url": ws_url})),
        ("GET", ["users", "@me"]) => {
            let me = user_json(BOT_ID, "readout", true);
            serde_json::from_value::<serenity::all::CurrentUser>(me.clone())
                .expect("fake current user deserializes");
            json_response(StatusCode::OK, me)
        }
        ("GET", ["gateway", "bot"]) => json_response(
            StatusCode::OK,
            json!({"url": ws_url, "shards": 1, "session_start_limit":
                {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}}),
        ),
        ("GET", ["oauth2", "applications", "@me"]) => json_response(
            StatusCode::OK,
            json!({"id": APP_ID.to_string(), "name": "readout", "icon": null,
                   "description": "", "bot_public": true, "bot_require_code_grant": false,
                   "verify_key": "0", "flags": 0, "owner": user_json(1, "owner", false)}),
        ),
        ("PUT", ["applications", _, "commands"])
        | ("PUT", ["applications", _, "guilds", _, "commands"]) => {
            let cmds: Vec<Value> = body_json
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .enumerate()
                .map(|(i, mut c)| {
                    c["id"] = json!((500_000_000_000_000_000u64 + i as u64).to_string());
                    c["application_id"] = json!(APP_ID.to_string());
                    c["version"] = json!("1");
                    if c.get("type").is_none() {
                        c["type"] = json!(1);
                    }
                    if c.get("default_member_permissions").is_none() {
                        c["default_member_permissions"] = Value::Null;
                    }
                    c
                })
                .collect();
            let v = Value::Array(cmds);
            if let Err(e) = serde_json::from_value::<Vec<serenity::all::Command>>(v.clone()) {
                panic!("registration echo does not deserialize: {e}");
            }
            json_response(StatusCode::OK, v)
        }
        ("POST", ["interactions", _, _, "callback"]) => StatusCode::NO_CONTENT.into_response(),
        ("PATCH", ["webhooks", _, _, "messages", "@original"]) => {
            json_response(StatusCode::OK, message_json(CHANNEL, &body_json))
        }
        ("DELETE", ["webhooks", _, _, "messages", "@original"]) => {
            StatusCode::NO_CONTENT.into_response()
        }
        ("POST", ["webhooks", _, _]) => {
            json_response(StatusCode::OK, message_json(CHANNEL, &body_json))
        }
        ("POST", ["channels", c, "threads"]) => {
            forum_post(&state, c.parse().unwrap_or(CHANNEL), &body_json)
        }
        ("GET", ["guilds", _, "threads", "active"]) => {
            let threads = state
                .channels
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .threads
                .clone();
            json_response(StatusCode::OK, json!({"threads": threads, "members": []}))
        }
        ("POST", ["channels", c, "messages"]) => {
            let delay = state
                .channels
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .delay;
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            channel_post(&state, c.parse().unwrap_or(CHANNEL), &body_json)
        }
        _ => json_response(
            StatusCode::NOT_FOUND,
            json!({"message": "404: Not Found", "code": 0}),
        ),
    }
}

/// `POST /channels/{forum}/threads`: the next scripted answer of the forum if
/// any, else a new post (a thread named `name`, its first message recorded as
/// created in the thread). Like Discord, no nonce: the same body twice makes two
/// posts.
fn forum_post(state: &FakeState, forum: u64, body: &Value) -> Response {
    let mut ch = state.channels.lock().unwrap_or_else(|e| e.into_inner());
    let lose_answer = match ch.scripts.get_mut(&forum).and_then(|q| q.pop_front()) {
        Some(Scripted::Answer { status, body, .. }) => {
            return json_response(
                StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
                body,
            );
        }
        Some(Scripted::CreateThenFail) => true,
        None => false,
    };
    ch.next_id += 1;
    let id = (620_000_000_000_000_000u64 + ch.next_id).to_string();
    let thread =
        json!({"id": id, "parent_id": forum.to_string(), "name": body["name"], "type": 11});
    ch.threads.push(thread.clone());
    let message = body["message"].clone();
    ch.created.push((id.parse().unwrap_or(0), message));
    state.count.send_modify(|_| {});
    if lose_answer {
        return json_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            json!({"message": "500: Internal Server Error", "code": 0}),
        );
    }
    json_response(StatusCode::OK, thread)
}

/// `POST /channels/{id}/messages`: the next scripted answer if any, else create
/// the message, de-duplicated by nonce when `enforce_nonce` is set (Discord then
/// answers with the message created first).
fn channel_post(state: &FakeState, channel: u64, body: &Value) -> Response {
    let mut ch = state.channels.lock().unwrap_or_else(|e| e.into_inner());
    let scripted = ch.scripts.get_mut(&channel).and_then(|q| q.pop_front());
    let lose_answer = match scripted {
        Some(Scripted::Answer {
            status,
            body,
            retry_after_header,
        }) => {
            let mut r = json_response(
                StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
                body,
            );
            if let Some(h) = retry_after_header.and_then(|h| h.parse().ok()) {
                r.headers_mut().insert("retry-after", h);
            }
            return r;
        }
        Some(Scripted::CreateThenFail) => true,
        None => false,
    };
    let nonce = body["nonce"].as_str().map(str::to_string);
    let enforce = body["enforce_nonce"].as_bool() == Some(true);
    let existing = nonce
        .as_ref()
        .filter(|_| enforce)
        .and_then(|n| ch.nonces.get(&(channel, n.clone())).cloned());
    let msg = match existing {
        Some(m) => m,
        None => {
            ch.next_id += 1;
            let mut m = message_json(channel, body);
            m["id"] = json!((610_000_000_000_000_000u64 + ch.next_id).to_string());
            if let Some(n) = &nonce {
                m["nonce"] = json!(n);
                if enforce {
                    ch.nonces.insert((channel, n.clone()), m.clone());
                }
            }
            ch.created.push((channel, body.clone()));
            // Wake waiters: the request was counted before the message existed.
            state.count.send_modify(|_| {});
            m
        }
    };
    if lose_answer {
        return json_response(
            StatusCode::INTERNAL_SERVER_ERROR,
            json!({"message": "500: Internal Server Error", "code": 0}),
        );
    }
    json_response(StatusCode::OK, msg)
}

async fn gateway_upgrade(State(state): State<Arc<FakeState>>, ws: WebSocketUpgrade) -> Response {
    ws.on_upgrade(move |socket| gateway(socket, state))
}

fn heartbeat_ack() -> Value {
    json!({"op": 11, "s": null, "t": null, "d": null})
}

async fn send_json(socket: &mut WebSocket, v: &Value) -> bool {
    socket
        .send(Message::Text(v.to_string().into()))
        .await
        .is_ok()
}

/// Closes the connection as Discord does for a refused token: code 4004.
async fn close_authentication_failed(mut socket: WebSocket) {
    let frame = axum::extract::ws::CloseFrame {
        code: 4004,
        reason: "Authentication failed.".into(),
    };
    let _ = socket.send(Message::Close(Some(frame))).await;
}

/// HELLO, wait for IDENTIFY, READY, then dispatches and heartbeat ACKs.
async fn gateway(mut socket: WebSocket, state: Arc<FakeState>) {
    let hello = json!({"op": 10, "s": null, "t": null, "d": {"heartbeat_interval": 41250}});
    if !send_json(&mut socket, &hello).await {
        return;
    }
    loop {
        let Some(Ok(msg)) = socket.recv().await else {
            return;
        };
        let Message::Text(text) = msg else { continue };
        let v: Value = serde_json::from_str(text.as_str()).unwrap_or(Value::Null);
        match v["op"].as_u64() {
            Some(2) => {
                *state.identify.lock().unwrap_or_else(|e| e.into_inner()) = Some(v["d"].clone());
                let refused = state
                    .faults
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .refuse_identify;
                let token = v["d"]["token"].as_str().unwrap_or("");
                if refused || token.strip_prefix("Bot ").unwrap_or(token) != FAKE_TOKEN {
                    close_authentication_failed(socket).await;
                    return;
                }
                break;
            }
            Some(1) if !send_json(&mut socket, &heartbeat_ack()).await => return,
            _ => {}
        }
    }
    let ws_url = format!("ws://127.0.0.1:{}/ws", state.port);
    let ready_d = json!({
        "v": 10,
        "user": user_json(BOT_ID, "readout", true),
        "guilds": state.guilds.iter().map(|g| json!({"id": g.to_string(), "unavailable": true})).collect::<Vec<_>>(),
        "session_id": "fake-session",
        "resume_gateway_url": ws_url,
        "shard": state
            .identify
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .as_ref()
            .map_or(json!([0, 1]), |d| d["shard"].clone()),
        "application": {"id": APP_ID.to_string(), "flags": 0},
    });
    serde_json::from_value::<serenity::all::Ready>(ready_d.clone()).expect("READY deserializes");
    let mut seq = 1u64;
    if !send_json(
        &mut socket,
        &json!({"op": 0, "t": "READY", "s": seq, "d": ready_d}),
    )
    .await
    {
        return;
    }
    state.ready.send_replace(true);
    let mut rx = state.dispatch_rx.lock().await;
    loop {
        tokio::select! {
            msg = socket.recv() => {
                let Some(Ok(msg)) = msg else { return };
                if let Message::Text(text) = msg {
                    let v: Value = serde_json::from_str(text.as_str()).unwrap_or(Value::Null);
                    if v["op"].as_u64() == Some(1)
                        && !send_json(&mut socket, &json!({"op": 11, "s": null, "t": null, "d": null})).await
                    {
                        return;
                    }
                }
            }
            ev = rx.recv() => {
                let Some((t, d)) = ev else { return };
                seq += 1;
                if !send_json(&mut socket, &json!({"op": 0, "t": t, "s": seq, "d": d})).await {
                    return;
                }
            }
        }
    }
}

/// A guild member as the interaction payload describes them.
#[derive(Debug, Clone)]
pub struct Member {
    pub user: u64,
    pub permissions: u64,
    pub roles: Vec<u64>,
}

impl Member {
    pub fn plain(user: u64) -> Self {
        Member {
            user,
            permissions: PERM_MEMBER,
            roles: vec![],
        }
    }
    pub fn moderator(user: u64) -> Self {
        Member {
            user,
            permissions: PERM_MANAGE_GUILD,
            roles: vec![],
        }
    }
}

/// A string option.
pub fn opt(name: &str, value: &str) -> Value {
    json!({"name": name, "type": 3, "value": value})
}

/// A boolean option.
pub fn opt_bool(name: &str, value: bool) -> Value {
    json!({"name": name, "type": 5, "value": value})
}

/// A role as an interaction's `resolved.roles` carries it (a role option).
pub fn role_json(id: u64) -> Value {
    json!({"id": id.to_string(), "name": "desk", "color": 0,
        "colors": {"primary_color": 0, "secondary_color": null, "tertiary_color": null},
        "hoist": false, "icon": null, "unicode_emoji": null, "position": 1,
        "permissions": "0", "managed": false, "mentionable": true, "flags": 0})
}

/// A subcommand carrying its options.
pub fn sub(name: &str, options: Vec<Value>) -> Value {
    json!({"name": name, "type": 1, "options": options})
}

/// The focused option of an autocomplete interaction.
pub fn focused(name: &str, value: &str) -> Value {
    json!({"name": name, "type": 3, "value": value, "focused": true})
}

/// An interaction (type 2 command, 4 autocomplete), checked against serenity.
pub fn interaction(
    kind: u8,
    id: u64,
    guild: u64,
    member: &Member,
    command: &str,
    options: Vec<Value>,
) -> Value {
    let v = json!({
        "id": id.to_string(),
        "application_id": APP_ID.to_string(),
        "type": kind,
        "token": format!("tok{id}"),
        "version": 1,
        "guild_id": guild.to_string(),
        "channel_id": CHANNEL.to_string(),
        "channel": {"id": CHANNEL.to_string(), "type": 0, "name": "general", "guild_id": guild.to_string()},
        "member": {
            "user": user_json(member.user, &format!("user{}", member.user), false),
            "roles": member.roles.iter().map(|r| r.to_string()).collect::<Vec<_>>(),
            "joined_at": "2021-01-01T00:00:00+00:00",
            "deaf": false, "mute": false, "flags": 0,
            "permissions": member.permissions.to_string(),
        },
        "app_permissions": APP_PERMISSIONS,
        "locale": "en-US",
        "guild_locale": "en-US",
        "entitlements": [],
        "authorizing_integration_owners": {},
        "context": 0,
        "attachment_size_limit": 8388608,
        "data": {
            "id": "500000000000000000",
            "name": command,
            "type": 1,
            "guild_id": guild.to_string(),
            "options": options,
        },
    });
    if let Err(e) = serde_json::from_value::<serenity::all::Interaction>(v.clone()) {
        panic!("fixture interaction does not deserialize into serenity's Interaction: {e}\n{v:#}");
    }
    v
}

/// The real bot against the fake, with a temporary store and a fixed clock.
pub struct TestBot {
    pub fake: FakeDiscord,
    pub store: Arc<SqliteStore>,
    /// The app the bot runs on (offline: its ingest pipeline reads files only).
    pub app: TestApp,
    next_id: std::sync::atomic::AtomicU64,
    task: tokio::task::JoinHandle<()>,
    shutdown: Shutdown,
}

impl Drop for TestBot {
    fn drop(&mut self) {
        self.task.abort();
    }
}

pub fn test_now() -> DateTime<Utc> {
    super::at("2022-01-24T12:00:00Z")
}

impl TestBot {
    /// Starts a fake Discord and the bot, and waits until the bot is connected and
    /// has registered its commands.
    pub async fn spawn(allow_loopback: bool) -> Self {
        Self::spawn_with(allow_loopback, None, None).await
    }

    /// Like `spawn`, with `DISCORD_GUILD_ID` and `DISCORD_SHARDS`. Waits for the
    /// command registration only when this process registers (it runs shard 0).
    pub async fn spawn_with(
        allow_loopback: bool,
        guild_id: Option<u64>,
        shards: Option<ShardRange>,
    ) -> Self {
        let fake = FakeDiscord::start(vec![GUILD_A, GUILD_B]).await;
        let app = spawn_app(AppOptions {
            fetch: FetchConfig {
                allow_loopback,
                timeout: Duration::from_secs(5),
                ..FetchConfig::default()
            },
            discord: DiscordConfig {
                guild_id,
                shards,
                ..fake.discord_config()
            },
            offline: true,
            ..AppOptions::at(test_now())
        })
        .await;
        let shutdown = Shutdown::new();
        let task = tokio::spawn({
            let (app, shutdown) = (app.app.clone(), shutdown.clone());
            async move {
                if let Err(e) = app.start_bot(shutdown).await {
                    eprintln!("bot stopped: {e}");
                }
            }
        });
        fake.wait_ready().await;
        if shards.is_none_or(|s| s.first == 0) {
            fake.wait_for("command registration", |reqs| {
                reqs.iter()
                    .any(|r| r.method == "PUT" && r.path.ends_with("/commands"))
                    .then_some(())
            })
            .await;
        }
        TestBot {
            fake,
            store: app.store.clone(),
            app,
            next_id: std::sync::atomic::AtomicU64::new(100_000_000_000_000_001),
            task,
            shutdown,
        }
    }

    /// The bot's SQLite file, for a `readout` process sharing its store.
    pub fn db_path(&self) -> std::path::PathBuf {
        self.app.db.clone()
    }

    /// Asks the bot to shut down and waits until `start` has returned.
    pub async fn shutdown(mut self) {
        self.shutdown.trigger();
        tokio::time::timeout(WAIT, &mut self.task)
            .await
            .expect("the bot did not stop after shutdown")
            .expect("bot task");
    }

    pub fn next_id(&self) -> u64 {
        self.next_id
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst)
    }

    /// Sends an interaction and returns every request the bot made for it once the
    /// answer is complete: a message or autocomplete callback, or an edit or
    /// follow-up after a deferral.
    pub async fn interact(&self, interaction: Value) -> Vec<Recorded> {
        let token = interaction["token"]
            .as_str()
            .expect("interaction token")
            .to_string();
        self.fake.dispatch("INTERACTION_CREATE", interaction);
        let marker = format!("/{token}");
        self.fake
            .wait_for(&format!("the answer to {token}"), |reqs| {
                let mine: Vec<Recorded> = reqs
                    .iter()
                    .filter(|r| r.path.contains(&marker))
                    .cloned()
                    .collect();
                let done = mine.iter().any(|r| {
                    matches!(r.callback_type(), Some(4) | Some(8))
                        || (r.path.contains("/webhooks/")
                            && (r.method == "PATCH" || r.method == "POST"))
                });
                done.then_some(mine)
            })
            .await
    }

    /// Sends a slash command (type 2).
    pub async fn command(
        &self,
        guild: u64,
        member: &Member,
        name: &str,
        options: Vec<Value>,
    ) -> Vec<Recorded> {
        let id = self.next_id();
        self.interact(interaction(2, id, guild, member, name, options))
            .await
    }

    /// Sends an autocomplete request (type 4).
    pub async fn autocomplete(
        &self,
        guild: u64,
        member: &Member,
        name: &str,
        options: Vec<Value>,
    ) -> Vec<Recorded> {
        let id = self.next_id();
        self.interact(interaction(4, id, guild, member, name, options))
            .await
    }
}

/// The last message-bearing request of an answer (the final state the member sees).
pub fn final_message(reqs: &[Recorded]) -> Value {
    reqs.iter()
        .rev()
        .find_map(|r| match r.callback_type() {
            Some(5) | Some(8) => None,
            _ => r.message().cloned(),
        })
        .unwrap_or_else(|| panic!("no message in {reqs:#?}"))
}

/// Every Discord limit on one message body, as violations.
pub fn limit_violations(msg: &Value) -> Vec<String> {
    let n = |v: &Value| v.as_str().map_or(0, |s| s.chars().count());
    let mut out = Vec::new();
    if n(&msg["content"]) > 2000 {
        out.push("content > 2000".to_string());
    }
    let embeds = msg["embeds"].as_array().cloned().unwrap_or_default();
    if embeds.len() > 10 {
        out.push(format!("{} embeds", embeds.len()));
    }
    let mut total = 0;
    for e in &embeds {
        let fields = e["fields"].as_array().cloned().unwrap_or_default();
        for (what, max) in [("title", 256), ("description", 4096)] {
            if n(&e[what]) > max {
                out.push(format!("{what} {} > {max}", n(&e[what])));
            }
        }
        if n(&e["footer"]["text"]) > 2048 {
            out.push("footer > 2048".into());
        }
        if n(&e["author"]["name"]) > 256 {
            out.push("author > 256".into());
        }
        if fields.len() > 25 {
            out.push(format!("{} fields", fields.len()));
        }
        total += n(&e["title"])
            + n(&e["description"])
            + n(&e["footer"]["text"])
            + n(&e["author"]["name"]);
        for f in &fields {
            if n(&f["name"]) > 256 || n(&f["name"]) == 0 {
                out.push(format!("field name {}", n(&f["name"])));
            }
            if n(&f["value"]) > 1024 || n(&f["value"]) == 0 {
                out.push(format!("field value {}", n(&f["value"])));
            }
            total += n(&f["name"]) + n(&f["value"]);
        }
    }
    if total > 6000 {
        out.push(format!("{total} characters over all embeds"));
    }
    out
}

/// Whether a message body forbids every mention: `allowed_mentions.parse` empty and
/// no user or role allowed by id.
pub fn mentions_disabled(msg: &Value) -> bool {
    let am = &msg["allowed_mentions"];
    am["parse"].as_array().is_some_and(|p| p.is_empty())
        && am["users"].as_array().is_none_or(|u| u.is_empty())
        && am["roles"].as_array().is_none_or(|r| r.is_empty())
}
