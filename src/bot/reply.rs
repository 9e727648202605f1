//! Answering an interaction the way Discord documents it: an immediate message
//! (callback type 4), or a deferral (type 5) followed by an edit of the original
//! response. Every message carries an empty `allowed_mentions`.
//!
//! `respond` is the one place that runs a command's logic and turns its outcome into
//! Discord calls, so the rules (errors ephemeral and logged, mentions off) cannot be
//! forgotten by a single command.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};

use serenity::all::{
    CommandInteraction, CreateAllowedMentions, CreateAttachment, CreateEmbed, CreateEmbedFooter,
    CreateInteractionResponse, CreateInteractionResponseFollowup, CreateInteractionResponseMessage,
    EditInteractionResponse, Timestamp,
};

use super::{Caller, CommandError, Context, Data, Error};
use crate::render::discord::{Embed, fit_message, limit_violations, limits, truncate};

/// What a command answers, independent of Discord's transport.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reply {
    pub content: Option<String>,
    pub embeds: Vec<Embed>,
    /// Only the caller sees it (flag 64). Decided at the first response: after a
    /// deferral, the deferral's choice holds.
    pub ephemeral: bool,
    /// A file sent with the message (the `/timeline` picture).
    pub file: Option<File>,
}

/// A file attached to a reply; Discord shows a PNG inline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct File {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Reply {
    pub fn text(content: impl Into<String>) -> Self {
        Reply {
            content: Some(content.into()),
            ..Default::default()
        }
    }
    pub fn embeds(embeds: Vec<Embed>) -> Self {
        Reply {
            embeds,
            ..Default::default()
        }
    }
    pub fn with_file(mut self, name: impl Into<String>, bytes: Vec<u8>) -> Self {
        self.file = Some(File {
            name: name.into(),
            bytes,
        });
        self
    }
    pub fn ephemeral(mut self) -> Self {
        self.ephemeral = true;
        self
    }
}

/// No pings at all: not users, not roles, not @everyone, not the replied user.
pub fn no_mentions() -> CreateAllowedMentions {
    CreateAllowedMentions::new()
        .everyone(false)
        .all_users(false)
        .all_roles(false)
}

/// serenity's embed builder from our plain embed.
pub fn to_serenity(e: &Embed) -> CreateEmbed {
    let mut b = CreateEmbed::new().title(e.title.clone());
    if let Some(u) = &e.url {
        b = b.url(u.clone());
    }
    if let Some(d) = &e.description {
        b = b.description(d.clone());
    }
    for f in &e.fields {
        b = b.field(f.name.clone(), f.value.clone(), f.inline);
    }
    if let Some(f) = &e.footer {
        b = b.footer(CreateEmbedFooter::new(f.clone()));
    }
    if let Some(t) = e
        .timestamp
        .and_then(|t| Timestamp::from_unix_timestamp(t.timestamp()).ok())
    {
        b = b.timestamp(t);
    }
    if let Some(c) = e.color {
        b = b.colour(c);
    }
    b
}

/// The reply with every limit applied once more, right before sending.
fn fitted(reply: &Reply) -> (Option<String>, Vec<CreateEmbed>) {
    let content = reply
        .content
        .as_deref()
        .map(|c| truncate(c, limits::CONTENT));
    let embeds = fit_message(reply.embeds.clone());
    let violations = limit_violations(content.as_deref(), &embeds);
    if !violations.is_empty() {
        // A bug in the renderers; Discord will refuse the message, so say why.
        tracing::error!(?violations, "reply exceeds Discord limits");
    }
    (content, embeds.iter().map(to_serenity).collect())
}

/// Where the answer stands, so errors take the right path. Shared between the
/// command's `Progress` and `respond`.
#[derive(Debug, Default, Clone)]
struct Deferral(Arc<AtomicU8>);

const NOT_DEFERRED: u8 = 0;
const DEFERRED_PUBLIC: u8 = 1;
const DEFERRED_EPHEMERAL: u8 = 2;

impl Deferral {
    fn state(&self) -> u8 {
        self.0.load(Ordering::SeqCst)
    }
}

/// A command's handle to say "this will take a while" (callback type 5). Logic
/// calls it after cheap validation, so input errors are still answered at once
/// and privately.
#[derive(Clone)]
pub struct Progress<'a> {
    interaction: Option<&'a CommandInteraction>,
    http: Option<&'a serenity::all::Http>,
    deferral: Deferral,
}

impl Progress<'static> {
    /// A handle that only records the deferral: for calling command logic from
    /// tests.
    pub fn detached() -> Self {
        Progress {
            interaction: None,
            http: None,
            deferral: Deferral::default(),
        }
    }
}

impl Progress<'_> {
    /// Whether `defer` was called (tests check that slow commands defer).
    pub fn is_deferred(&self) -> bool {
        self.deferral.state() != NOT_DEFERRED
    }

    /// Defers the response (once); `ephemeral` decides who will see the answer.
    pub async fn defer(&self, ephemeral: bool) -> Result<(), CommandError> {
        if self.deferral.state() != NOT_DEFERRED {
            return Ok(());
        }
        if let (Some(i), Some(http)) = (self.interaction, self.http) {
            i.create_response(
                http,
                CreateInteractionResponse::Defer(
                    CreateInteractionResponseMessage::new().ephemeral(ephemeral),
                ),
            )
            .await?;
        }
        self.deferral.0.store(
            if ephemeral {
                DEFERRED_EPHEMERAL
            } else {
                DEFERRED_PUBLIC
            },
            Ordering::SeqCst,
        );
        Ok(())
    }
}

/// Runs a command's logic and answers: the reply on success; on failure a short
/// ephemeral message to the member and the full error to the log.
pub async fn respond<'a, F, Fut>(ctx: Context<'a>, logic: F) -> Result<(), Error>
where
    F: FnOnce(&'a Data, Caller, Progress<'a>) -> Fut,
    Fut: Future<Output = Result<Reply, CommandError>> + 'a,
{
    let poise::Context::Application(actx) = ctx else {
        // Only slash commands are registered.
        return Ok(());
    };
    let interaction = actx.interaction;
    let http = &actx.serenity_context().http;
    let deferral = Deferral::default();
    let progress = Progress {
        interaction: Some(interaction),
        http: Some(http),
        deferral: deferral.clone(),
    };
    let outcome = match Caller::from_interaction(interaction) {
        Ok(caller) => logic(ctx.data(), caller, progress).await,
        Err(e) => Err(e),
    };
    let result = match outcome {
        Ok(reply) => send(interaction, http, &deferral, &reply).await,
        Err(e) => {
            log_failure(&ctx.command().qualified_name, interaction, &e);
            send_error(interaction, http, &deferral, &e.user_message()).await
        }
    };
    actx.has_sent_initial_response.store(true, Ordering::SeqCst);
    if let Err(e) = &result {
        tracing::error!(command = %ctx.command().qualified_name, error = %e, "cannot answer the interaction");
    }
    result.map_err(Into::into)
}

fn log_failure(command: &str, i: &CommandInteraction, e: &CommandError) {
    let guild = i.guild_id.map(|g| g.get());
    let user = i.user.id.get();
    if e.is_failure() {
        tracing::error!(command, guild, user, error = ?e, "command failed");
    } else {
        tracing::info!(command, guild, user, error = %e, "command refused");
    }
}

fn attachment(reply: &Reply) -> Option<CreateAttachment> {
    reply
        .file
        .as_ref()
        .map(|f| CreateAttachment::bytes(f.bytes.clone(), f.name.clone()))
}

/// Sends a successful reply according to where the answer stands.
async fn send(
    i: &CommandInteraction,
    http: &serenity::all::Http,
    deferral: &Deferral,
    reply: &Reply,
) -> Result<(), serenity::Error> {
    let (content, embeds) = fitted(reply);
    if deferral.state() == NOT_DEFERRED {
        let mut m = CreateInteractionResponseMessage::new()
            .embeds(embeds)
            .allowed_mentions(no_mentions())
            .ephemeral(reply.ephemeral);
        if let Some(c) = content {
            m = m.content(c);
        }
        if let Some(f) = attachment(reply) {
            m = m.add_file(f);
        }
        i.create_response(http, CreateInteractionResponse::Message(m))
            .await
    } else {
        let mut m = EditInteractionResponse::new()
            .embeds(embeds)
            .allowed_mentions(no_mentions());
        if let Some(c) = content {
            m = m.content(c);
        }
        if let Some(f) = attachment(reply) {
            m = m.new_attachment(f);
        }
        i.edit_response(http, m).await.map(|_| ())
    }
}

/// Sends an error privately. After a public deferral the "thinking…" message is
/// everyone's, so it is deleted and the error sent as an ephemeral follow-up.
async fn send_error(
    i: &CommandInteraction,
    http: &serenity::all::Http,
    deferral: &Deferral,
    message: &str,
) -> Result<(), serenity::Error> {
    let message = truncate(message, limits::CONTENT);
    match deferral.state() {
        NOT_DEFERRED => {
            i.create_response(
                http,
                CreateInteractionResponse::Message(
                    CreateInteractionResponseMessage::new()
                        .content(message)
                        .ephemeral(true)
                        .allowed_mentions(no_mentions()),
                ),
            )
            .await
        }
        DEFERRED_EPHEMERAL => i
            .edit_response(
                http,
                EditInteractionResponse::new()
                    .content(message)
                    .allowed_mentions(no_mentions()),
            )
            .await
            .map(|_| ()),
        _ => {
            i.delete_response(http).await?;
            i.create_followup(
                http,
                CreateInteractionResponseFollowup::new()
                    .content(message)
                    .ephemeral(true)
                    .allowed_mentions(no_mentions()),
            )
            .await
            .map(|_| ())
        }
    }
}

/// An ephemeral message as the first response, for errors poise reports itself
/// (cooldown, bad option) before a command runs.
pub async fn send_ephemeral_notice(ctx: Context<'_>, message: &str) {
    let poise::Context::Application(actx) = ctx else {
        return;
    };
    let deferral = Deferral::default();
    if let Err(e) = send_error(
        actx.interaction,
        &actx.serenity_context().http,
        &deferral,
        message,
    )
    .await
    {
        tracing::warn!(error = %e, "cannot send an error notice");
    }
}
