//! Alerts: a server follows a topic in a channel and gets a card the moment a
//! newly read article adds a development to it — a meeting held, newly planned
//! or called off; a pending item done or dropped, or newly overdue — rather
//! than each new item as feed bots post them.
//!
//! - [`events`]: the events among a topic's brief lines, each with a key that
//!   names the event (five reports of one meeting are one event).
//! - [`card`]: one card per batch, escaped, pinging the alert's role alone.
//! - [`scan`]: new events → one card in the digests' outbox, once.
//!
//! The cards go out through the digests' sender (`crate::digest`), so they are
//! delivered exactly once across crashes and processes, and a channel that
//! refuses the bot pauses the alert with a reason moderators see.

pub mod card;
pub mod events;
pub mod scan;

pub use scan::{AlertReport, Scanner};
