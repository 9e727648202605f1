//! `readout run`: connects to Discord with serenity, dispatches through poise.
//!
//! Only the non-privileged `GUILDS` intent is used: slash commands arrive as
//! interactions whatever the intents. `DISCORD_API_BASE` sends REST calls and
//! gateway discovery elsewhere (a proxy, or the fake Discord of the tests; serenity
//! only honours the proxy with its rate limiter off), and `DISCORD_SHARDS` lets
//! several processes share one bot's shards.
//!
//! Before connecting, the token is tried once (`GET /users/@me`) and the gateway
//! URL asked for: serenity itself would answer a rejected token by restarting the
//! shard every 5 s for ever, and a failed gateway discovery by connecting to
//! Discord's own gateway whatever `DISCORD_API_BASE` says.

use std::num::NonZeroU64;
use std::time::Duration;

use serenity::all::{
    ClientBuilder, Command, CreateAllowedMentions, GatewayIntents, GuildId, Http, HttpBuilder,
};
use thiserror::Error;

use super::reply::{no_mentions, send_ephemeral_notice};
use super::{Data, Error, commands, cooldown};
use crate::config::{DiscordConfig, Secret, token_problem};

#[derive(Debug, Error)]
pub enum RunError {
    #[error(
        "DISCORD_TOKEN is not set: create a bot at https://discord.com/developers/applications and put its token in .env (see the README, section Discord bot)"
    )]
    MissingToken,
    #[error("{0}")]
    Config(String),
    #[error("{}", crate::config::token_rejected(.0))]
    TokenRejected(String),
    #[error("cannot reach Discord at {base}: {error}")]
    Unreachable { base: String, error: String },
    /// Boxed: serenity's error is large, and `RunError` travels in `Result`s.
    #[error("Discord client failed: {0}")]
    Client(Box<serenity::Error>),
}

impl From<serenity::Error> for RunError {
    fn from(e: serenity::Error) -> Self {
        RunError::Client(Box::new(e))
    }
}

impl RunError {
    /// 2 for configuration problems (like clap's usage errors), 1 otherwise.
    pub fn exit_code(&self) -> u8 {
        match self {
            RunError::MissingToken | RunError::Config(_) => 2,
            _ => 1,
        }
    }
}

/// Connects with `data` and serves until `shutdown` completes (then every shard
/// closes its connection). The app calls this with its own store and clock
/// ([`crate::app::App::start_bot`]); so do the tests, with a temporary store and
/// a fake Discord behind `DISCORD_API_BASE`.
pub async fn start(
    token: &Secret,
    discord: &DiscordConfig,
    data: Data,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> Result<(), RunError> {
    let register_in = match discord.guild_id {
        Some(g) => Some(GuildId::from(NonZeroU64::new(g).ok_or_else(|| {
            RunError::Config("DISCORD_GUILD_ID cannot be 0".into())
        })?)),
        None => None,
    };
    // With several processes, the one running shard 0 registers the commands.
    let registers = discord.shards.is_none_or(|s| s.first == 0);

    let framework = poise::Framework::builder()
        .options(framework_options())
        .setup(move |ctx, ready, framework| {
            Box::pin(async move {
                tracing::info!(user = %ready.user.name, guilds = ready.guilds.len(), "connected to Discord");
                if registers {
                    let cmds = poise::builtins::create_application_commands(
                        &framework.options().commands,
                    );
                    let n = cmds.len();
                    let done = match register_in {
                        Some(g) => g.set_commands(ctx, cmds).await.map(|_| ()),
                        None => Command::set_global_commands(ctx, cmds).await.map(|_| ()),
                    };
                    // A failed registration keeps the bot serving the commands
                    // registered before.
                    match done {
                        Ok(()) => tracing::info!(commands = n, guild = ?register_in, "slash commands registered"),
                        Err(e) => tracing::error!(error = %e, "cannot register slash commands"),
                    }
                }
                Ok(data)
            })
        })
        .build();

    let http = http_client(token, discord)?;
    let gateway = preflight(&http, discord).await?;
    let mut client = ClientBuilder::new_with_http(http, GatewayIntents::GUILDS)
        .framework(framework)
        .await?;
    // The client asked for the gateway too, and falls back to Discord's own when
    // that fails: the URL found through `DISCORD_API_BASE` is the one to use.
    if let Some(url) = gateway {
        *client.ws_url.lock().await = url;
    }

    let shards = client.shard_manager.clone();
    tokio::spawn(async move {
        shutdown.await;
        tracing::info!("shutting down");
        shards.shutdown_all().await;
    });

    let served = match discord.shards {
        // serenity's range end is inclusive.
        Some(s) => client.start_shard_range(s.first..s.last, s.total).await,
        None => client.start().await,
    };
    served.map_err(|e| match e {
        // Close code 4004: the gateway refused the token at IDENTIFY.
        serenity::Error::Gateway(serenity::all::GatewayError::InvalidAuthentication) => {
            RunError::TokenRejected("the gateway closed with code 4004".into())
        }
        e => RunError::from(e),
    })
}

/// Every command, and how poise treats errors, mentions and cooldowns.
fn framework_options() -> poise::FrameworkOptions<Data, Error> {
    poise::FrameworkOptions {
        commands: commands(),
        on_error: |e| Box::pin(on_error(e)),
        // poise's default lets user mentions through; nothing may ping.
        allowed_mentions: Some(no_mentions()),
        // Owners are not used, and asking for them costs a request at start.
        initialize_owners: false,
        // poise's cooldown check would run on autocomplete too (see `cooldown`).
        manual_cooldowns: true,
        command_check: Some(|ctx| Box::pin(cooldown::check(ctx))),
        ..Default::default()
    }
}

/// The REST client: through `DISCORD_API_BASE` when set. A token that cannot be
/// one (a space, a line break) is refused here too, for callers that skip
/// `Config`.
fn http_client(token: &Secret, discord: &DiscordConfig) -> Result<Http, RunError> {
    if let Some(problem) = token_problem(token.expose()) {
        return Err(RunError::Config(problem));
    }
    let mut http = HttpBuilder::new(token.expose())
        .default_allowed_mentions(CreateAllowedMentions::new().empty_users().empty_roles());
    if let Some(base) = &discord.api_base {
        http = http.proxy(base.clone()).ratelimiter_disabled(true);
    }
    Ok(http.build())
}

/// Tries the token once and finds the gateway before any shard starts. A 401 or
/// 403 is [`RunError::TokenRejected`] (one line, exit 1) rather than serenity's
/// endless shard restarts. With `DISCORD_API_BASE`, the gateway URL must come
/// from there: serenity's fallback, Discord's own gateway, is never the one meant.
/// Without it, `None` leaves serenity's discovery (and fallback) as they are.
async fn preflight(http: &Http, discord: &DiscordConfig) -> Result<Option<String>, RunError> {
    let base = discord
        .api_base
        .clone()
        .unwrap_or_else(|| "https://discord.com".into());
    let unreachable = |e: serenity::Error| RunError::Unreachable {
        base: base.clone(),
        error: e.to_string(),
    };
    if let Err(e) = http.get_current_user().await {
        return Err(match rejection(&e) {
            Some(status) => RunError::TokenRejected(status),
            None => unreachable(e),
        });
    }
    if discord.api_base.is_none() {
        return Ok(None);
    }
    let gateway = http.get_gateway().await.map_err(unreachable)?;
    Ok(Some(gateway.url))
}

/// The HTTP status of a refused token ("401 Unauthorized"), if `e` is one.
fn rejection(e: &serenity::Error) -> Option<String> {
    let serenity::Error::Http(http) = e else {
        return None;
    };
    let status = http.status_code()?;
    matches!(status.as_u16(), 401 | 403).then(|| status.to_string())
}

/// Tells the member how long to wait before using the command again (ephemeral).
async fn cooldown_notice(ctx: super::Context<'_>, left: Duration) {
    let secs = left.as_secs().max(1);
    send_ephemeral_notice(
        ctx,
        &format!("Please wait {secs} s before using this command again."),
    )
    .await;
}

/// Errors poise meets before or around a command. Command failures themselves are
/// answered in `reply::respond`.
async fn on_error(error: poise::FrameworkError<'_, Data, Error>) {
    use poise::FrameworkError as F;
    if let Some(ctx) = error.ctx().filter(|c| cooldown::is_autocomplete(*c)) {
        tracing::info!(command = %ctx.command().qualified_name, error = %error, "autocomplete failed; no choices offered");
        cooldown::answer_no_choices(ctx).await;
        return;
    }
    match error {
        F::Setup { error, .. } => tracing::error!(error = %error, "bot setup failed"),
        F::Command { error, ctx, .. } => {
            tracing::error!(command = %ctx.command().qualified_name, error = %error, "command error");
        }
        F::CooldownHit {
            remaining_cooldown,
            ctx,
            ..
        } => cooldown_notice(ctx, remaining_cooldown).await,
        F::CommandCheckFailed {
            error: Some(error),
            ctx,
            ..
        } if error.is::<cooldown::CooldownActive>() => {
            let left = error
                .downcast_ref::<cooldown::CooldownActive>()
                .map_or(Duration::from_secs(1), |c| c.0);
            cooldown_notice(ctx, left).await;
        }
        F::ArgumentParse { ctx, error, .. } => {
            tracing::info!(command = %ctx.command().qualified_name, error = %error, "bad option");
            send_ephemeral_notice(ctx, "One of the options is not valid; please check it.").await;
        }
        F::GuildOnly { ctx, .. } => {
            send_ephemeral_notice(ctx, "This command works only in a server.").await;
        }
        F::MissingUserPermissions { ctx, .. } => {
            send_ephemeral_notice(
                ctx,
                "This command is for moderators: you need the Manage Server permission.",
            )
            .await;
        }
        F::CommandPanic { ctx, payload, .. } => {
            tracing::error!(command = %ctx.command().qualified_name, payload = ?payload, "command panicked");
            send_ephemeral_notice(ctx, "Something went wrong. Please try again later.").await;
        }
        other => {
            if let Err(e) = poise::builtins::on_error(other).await {
                tracing::error!(error = %e, "cannot handle a framework error");
            }
        }
    }
}
