//! Why a command failed: each variant has a short message for the member (shown
//! ephemerally) and a full cause for the log. Internals (SQL, stack of causes) never
//! reach Discord.

use thiserror::Error;

use crate::feeds::fetch::FetchError;
use crate::feeds::parse::ParseError;
use crate::store::StoreError;

#[derive(Debug, Error)]
pub enum CommandError {
    /// An option the member typed is not acceptable; the text says why and how.
    #[error("invalid input: {0}")]
    Invalid(String),
    #[error("unknown topic {0:?}")]
    UnknownTopic(String),
    #[error("caller is not a moderator")]
    NotModerator,
    #[error("command used outside a server")]
    GuildOnly,
    #[error("{0}")]
    NotFound(String),
    #[error("store failure: {0}")]
    Store(#[from] StoreError),
    #[error("feed {url}: {source}")]
    Fetch { url: String, source: FetchError },
    #[error("feed {url} does not parse: {source}")]
    NotAFeed { url: String, source: ParseError },
    /// The timeline picture could not be drawn.
    #[error("timeline: {0}")]
    Timeline(String),
    /// Boxed: serenity's error is large, and this enum travels in every `Result`.
    #[error("discord: {0}")]
    Discord(Box<serenity::Error>),
}

impl From<serenity::Error> for CommandError {
    fn from(e: serenity::Error) -> Self {
        CommandError::Discord(Box::new(e))
    }
}

impl CommandError {
    /// What the member reads: short, actionable, no internals.
    pub fn user_message(&self) -> String {
        match self {
            CommandError::Invalid(why) => why.clone(),
            CommandError::UnknownTopic(t) => format!(
                "I don't know the topic “{}” and found nothing about it. `/topics` lists what this server follows.",
                crate::render::discord::escape(t)
            ),
            CommandError::NotModerator => "This command is for moderators: you need the Manage Server permission or the server's moderator role.".into(),
            CommandError::GuildOnly => "This command works only in a server.".into(),
            CommandError::NotFound(what) => what.clone(),
            CommandError::Store(_) => {
                "Something went wrong reading or saving data. Please try again in a moment.".into()
            }
            CommandError::Fetch { source, .. } => match source {
                FetchError::InvalidUrl(_) => {
                    "That is not a valid http(s) URL.".into()
                }
                FetchError::BlockedAddress { reason, .. } => format!(
                    "That address is not allowed ({reason}): feeds must be on the public internet."
                ),
                FetchError::HttpStatus(code) | FetchError::Throttled { status: code, .. } => {
                    format!("The feed server answered HTTP {code}.")
                }
                other => format!("Could not fetch the feed: {}.", other.class()),
            },
            CommandError::NotAFeed { .. } => {
                "That URL does not serve an RSS, Atom or JSON feed.".into()
            }
            CommandError::Timeline(_) => {
                "The timeline could not be drawn. `/status` has the same developments as text.".into()
            }
            CommandError::Discord(_) => "Discord did not accept the answer.".into(),
        }
    }

    /// Expected refusals are logged quietly; failures of ours loudly.
    pub fn is_failure(&self) -> bool {
        matches!(
            self,
            CommandError::Store(_) | CommandError::Discord(_) | CommandError::Timeline(_)
        )
    }
}
