//! `/config show|moderator-role` for moderators: the server's settings at a glance,
//! and the role that counts as moderator besides Manage Server.

use serenity::all::RoleId;

use super::permissions::require_moderator;
use super::reply::{Reply, respond};
use super::{Caller, CommandError, Context, Data, Error};
use crate::render::discord::{COLOR, Embed, EmbedField};
use crate::store::Scope;

/// `/config show`.
pub async fn show(data: &Data, caller: &Caller) -> Result<Reply, CommandError> {
    require_moderator(data, caller).await?;
    let settings = data.store.guild_settings(caller.guild).await?;
    let feeds = data.store.guild_feeds(caller.guild).await?;
    let topics = data.store.topics(Scope::Guild(caller.guild.0)).await?;
    let digests = data.store.digest_schedules(caller.guild).await?;
    let paused = feeds
        .iter()
        .filter(|g| g.feed.paused_reason.is_some())
        .count();
    let field = |name: &str, value: String| EmbedField {
        name: name.into(),
        value,
        inline: true,
    };
    Ok(Reply::embeds(vec![Embed {
        title: "Readout settings for this server".into(),
        fields: vec![
            field(
                "Moderator role",
                match settings.moderator_role {
                    // A role mention renders as the role's name; allowed_mentions
                    // is empty, so it pings nobody.
                    Some(r) => format!("<@&{r}>"),
                    None => "None (Manage Server only)".into(),
                },
            ),
            field(
                "Feeds",
                format!("{} followed, {paused} paused", feeds.len()),
            ),
            field("Topics", format!("{} of its own", topics.len())),
            field("Digests", digests.len().to_string()),
        ],
        color: Some(COLOR),
        ..Default::default()
    }])
    .ephemeral())
}

/// `/config moderator-role`: sets the role, or clears it when none is given.
/// Only members with Manage Server may change it, so a moderator role cannot
/// hand itself on.
pub async fn moderator_role(
    data: &Data,
    caller: &Caller,
    role: Option<u64>,
) -> Result<Reply, CommandError> {
    if !caller.can_manage_server() {
        return Err(CommandError::NotModerator);
    }
    data.store
        .set_moderator_role(caller.guild, role, data.clock.now())
        .await?;
    Ok(Reply::text(match role {
        Some(r) => format!("Members with <@&{r}> can now use the moderator commands."),
        None => "Moderator role cleared: only Manage Server counts now.".into(),
    })
    .ephemeral())
}

/// This server's Readout settings (moderators).
#[poise::command(
    slash_command,
    guild_only,
    subcommands("config_show", "config_moderator_role"),
    subcommand_required,
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn config(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Show this server's settings.
#[poise::command(slash_command, guild_only, rename = "show")]
pub async fn config_show(ctx: Context<'_>) -> Result<(), Error> {
    respond(
        ctx,
        |data, caller, _| async move { show(data, &caller).await },
    )
    .await
}

/// Let a role use the moderator commands (leave out to clear).
#[poise::command(slash_command, guild_only, rename = "moderator-role")]
pub async fn config_moderator_role(
    ctx: Context<'_>,
    #[description = "The role (leave out to clear)"] role: Option<RoleId>,
) -> Result<(), Error> {
    respond(ctx, |data, caller, _| async move {
        moderator_role(data, &caller, role.map(|r| r.get())).await
    })
    .await
}
