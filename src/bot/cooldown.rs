//! Cooldowns that only commands feel, and autocomplete that always answers with
//! choices.
//!
//! poise runs its whole check chain (cooldowns included) on autocomplete
//! interactions too, and reports a failure as a framework error; answered with a
//! message (callback type 4), which Discord refuses for autocomplete, the member
//! sees "loading options failed" each time they type `/status` within 5 s of one.
//! So poise's own cooldown check is off (`FrameworkOptions::manual_cooldowns`),
//! [`check`] does it for commands only, and every framework error met while
//! autocompleting is answered with an empty list of choices ([`answer_no_choices`]).

use std::time::Duration;

use serenity::all::{CreateAutocompleteResponse, CreateInteractionResponse};

use super::{Context, Data, Error};

/// A command used again within its cooldown: what is left of it.
#[derive(Debug, thiserror::Error)]
#[error("cooldown: {0:?} left")]
pub struct CooldownActive(pub Duration);

/// Whether `ctx` is an autocomplete request rather than a command.
pub fn is_autocomplete(ctx: Context<'_>) -> bool {
    matches!(
        ctx,
        poise::Context::Application(a)
            if a.interaction_type == poise::CommandInteractionType::Autocomplete
    )
}

/// Keeps poise's timer but not its check: with the framework's cooldowns manual,
/// each command still starts its cooldown after its options parsed (the command
/// macro does it when the command's own `manual_cooldowns` is `Some(false)`),
/// while the check moves to [`check`].
pub fn start_cooldowns_after_parsing(commands: &mut [poise::Command<Data, Error>]) {
    for c in commands {
        c.manual_cooldowns = Some(false);
        start_cooldowns_after_parsing(&mut c.subcommands);
    }
}

/// The global command check: a command (and each parent) within its cooldown
/// fails with [`CooldownActive`]; autocomplete always passes.
pub async fn check(ctx: Context<'_>) -> Result<bool, Error> {
    if is_autocomplete(ctx) {
        return Ok(true);
    }
    for cmd in ctx.command_tree() {
        let left = {
            let tracker = cmd.cooldowns.lock().unwrap_or_else(|e| e.into_inner());
            let config = cmd
                .cooldown_config
                .read()
                .unwrap_or_else(|e| e.into_inner());
            tracker.remaining_cooldown(ctx.cooldown_context(), &config)
        };
        if let Some(left) = left {
            return Err(Box::new(CooldownActive(left)));
        }
    }
    Ok(true)
}

/// Answers an autocomplete request with no choices: the only answer Discord
/// accepts there (type 8), whatever went wrong before the choices were built.
pub async fn answer_no_choices(ctx: Context<'_>) {
    let poise::Context::Application(actx) = ctx else {
        return;
    };
    let empty = CreateInteractionResponse::Autocomplete(CreateAutocompleteResponse::new());
    if let Err(e) = actx
        .interaction
        .create_response(&actx.serenity_context().http, empty)
        .await
    {
        tracing::warn!(error = %e, "cannot answer an autocomplete request");
    }
}
