//! # Readout
//!
//! Watches news feeds, reads every new article, keeps a store of the latest
//! diplomatic developments and answers "what is going on with X?" with a brief:
//! who met, what was said, what is pending, every claim linked to its sentence.
//!
//! # Layout
//!
//! The flow runs one way; each stage is a module with one job:
//!
//! - [`model`]: the domain types every stage speaks (`Article`, `Extraction`, ...).
//! - [`feeds`]: fetching feeds safely (limits, address guard) and parsing them.
//! - [`watch`]: the polling loop: schedules, backoff, pausing, bounded concurrency.
//! - [`ingest`]: feed items → articles → extraction → one store transaction.
//! - [`article_text`]: the main text of an article page.
//! - [`extract`]: the `Extractor` trait and the rule-based extractor.
//! - [`llm`]: the optional LLM extractor (prompt in `prompts/`), falling back to the rules.
//! - [`validate`]: the check every extraction passes: each claim is found in its text.
//! - [`store`]: the `Store` trait; SQLite (default) and PostgreSQL.
//! - [`developments`]: merging reports across articles, tracking pending items.
//! - [`topics`]: topics and their aliases.
//! - [`brief`]: the brief for a topic and a window, a pure function of the store.
//!   It keeps the items about the topic ([`relevance`]: their own names or
//!   paragraph name it), orders meeting lines ([`ranking`]: news before
//!   background, by their own date and sources) and leaves out housekeeping
//!   quotes ([`quotes`]). It opens with a bottom line and the dates ahead
//!   (`brief::bottom_line`, `brief::calendar`). Its window starts where
//!   [`window`] says (`12h`, `7d`, a date), as both adapters accept it, and
//!   keeps developments by their own date (`brief::recency`).
//! - [`render`]: the brief as text, JSON, Discord embeds, and the timeline picture
//!   (`render::timeline`, a PNG).
//! - Adapters at the edge: [`cli`], [`demo`]; [`eval_format`] reads and writes
//!   the evaluation format (`readout extract`).
//! - [`bot`]: the Discord adapter: slash commands through poise, answered by the core.
//! - [`app`]: the one way in: `App::build` opens the store once and wires the
//!   ingest pipeline, watcher, digests, bot and metrics; every long-running
//!   command and the integration tests start from it, so no adapter calls another.
//! - [`digest`]: scheduled digests: scheduler → outbox in the store → sender, each posted once.
//! - [`alerts`]: a card per new development of a followed topic, through the
//!   digests' outbox and sender, each posted once.
//! - Cross-cutting: [`config`] (one typed `Config`), [`clock`] (time the tests set),
//!   [`metrics`] (Prometheus counters and `/healthz`).

pub mod alerts;
pub mod app;
pub mod article_text;
pub mod bot;
pub mod brief;
pub mod cli;
pub mod clock;
pub mod config;
pub mod demo;
pub mod developments;
pub mod digest;
pub mod eval_format;
pub mod extract;
pub mod feeds;
pub mod ingest;
pub mod llm;
pub mod metrics;
pub mod model;
pub mod quotes;
pub mod ranking;
pub mod relevance;
pub mod render;
pub mod store;
pub mod topics;
pub mod validate;
pub mod watch;
pub mod window;
