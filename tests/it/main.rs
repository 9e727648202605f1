//! Every integration test, in one binary: one link instead of a dozen, and one
//! set of helpers ([`support`]) instead of copies in each file.
//!
//! One module per area, named after what it checks:
//!
//! - [`cli_ingest`]: `readout ingest` and friends as a user runs them.
//! - [`demo`]: `readout demo` on a fresh checkout.
//! - [`extract_fixtures`], [`extract_robustness`]: the rule extractor on whole
//!   articles, and on anything a feed can send.
//! - [`llm`]: the LLM extractor against a fake completions endpoint.
//! - [`watch`], [`watch_crash`], [`pg_watch`]: polling feeds, a watcher killed
//!   mid-round, three watchers sharing one PostgreSQL store.
//! - [`feed_urls`]: one feed however its URL is typed, through the command line,
//!   the bot and the migration that merged the duplicates.
//! - [`store_conformance`]: every store scenario on SQLite and PostgreSQL.
//! - [`discord`]: the bot against a fake Discord.
//! - [`timeline`]: `readout timeline` writing its picture.
//! - [`digests`], [`digests_postgres`]: scheduled digests, posted once through
//!   restarts, crashes and several processes.
//! - [`alerts`]: a card per new development, once, pinging only its role.
//!
//! Tests that need a process of their own (a crash, a failpoint, several
//! watchers) run the `readout` binary as a child; nothing here changes the test
//! process's environment, so the areas can share it.

mod support;

mod alerts;
mod cli_ingest;
mod demo;
mod digests;
mod digests_postgres;
mod discord;
mod extract_fixtures;
mod extract_robustness;
mod feed_urls;
mod llm;
mod pg_watch;
mod store_conformance;
mod timeline;
mod watch;
mod watch_crash;
