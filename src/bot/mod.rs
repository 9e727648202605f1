//! The Discord bot: slash commands through poise, answered by the core.
//!
//! The bot only parses options, checks permissions, defers and renders; the store,
//! the brief and the renderers do the work. Each command family is a file whose
//! plain functions (`status::status`, `feeds::add`, ...) take [`Data`] and a
//! [`Caller`] and return a [`Reply`], so they can be tested without Discord; the
//! poise command next to each is a thin wrapper around it.
//!
//! Two rules hold for every message: `allowed_mentions` is empty (an article quoting
//! "@everyone" never pings anyone), and configuration replies and errors are
//! ephemeral (only the caller sees them).

pub mod alert;
pub mod client;
pub mod config;
pub mod cooldown;
pub mod digest;
pub mod error;
pub mod feeds;
pub mod permissions;
pub mod reply;
pub mod status;
pub mod topic;

use std::sync::Arc;

use crate::clock::Clock;
use crate::feeds::fetch::Fetcher;
use crate::store::Store;

pub use client::{RunError, start};
pub use error::CommandError;
pub use permissions::Caller;
pub use reply::Reply;

/// What every command needs: the shared store, the guarded HTTP fetcher (for
/// `/feeds add`'s test fetch), the clock, and the catch-up limit of digests (so
/// `/digest preview` builds exactly what the scheduler would).
#[derive(Clone)]
pub struct Data {
    pub store: Arc<dyn Store>,
    pub fetcher: Fetcher,
    pub clock: Arc<dyn Clock>,
    pub digest_catchup: chrono::Duration,
}

/// Errors that reach poise: only failures to talk to Discord itself. Command
/// failures are answered by the wrappers (see `reply::respond`).
pub type Error = Box<dyn std::error::Error + Send + Sync>;
pub type Context<'a> = poise::Context<'a, Data, Error>;

/// Every command the bot registers (their cooldowns checked by
/// [`cooldown::check`], never on autocomplete).
pub fn commands() -> Vec<poise::Command<Data, Error>> {
    let mut commands = vec![
        status::status(),
        status::timeline(),
        status::pending(),
        status::said(),
        status::met(),
        status::topics(),
        feeds::feeds(),
        topic::topic(),
        digest::digest(),
        alert::alert(),
        config::config(),
    ];
    cooldown::start_cooldowns_after_parsing(&mut commands);
    commands
}

#[cfg(test)]
mod tests;
