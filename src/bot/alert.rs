//! `/alert add|list|remove` for moderators: follow a topic in a channel and get
//! a card the moment a development is added to it (see [`crate::alerts`]). This
//! module validates, stores and shows; the scanner and the digests' sender post.

use serenity::all::{ChannelId, PartialChannel};

use super::digest::{delivery_for, parse_role};
use super::permissions::require_moderator;
use super::reply::{Reply, respond};
use super::status::autocomplete_topic;
use super::{Caller, CommandError, Context, Data, Error};
use crate::model::TopicName;
use crate::render::discord::{self, COLOR, Embed, escape, limits, truncate};
use crate::store::alert::{Alert, AlertScope, AlertSpec};
use crate::store::digest::Delivery;

/// Alerts per server: each is a scan of its topic on every tick.
pub const MAX_ALERTS: usize = 25;

/// What an alert posts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub enum What {
    #[name = "meetings"]
    Meetings,
    #[name = "pending"]
    Pending,
    #[name = "all"]
    All,
}

impl From<What> for AlertScope {
    fn from(w: What) -> Self {
        match w {
            What::Meetings => AlertScope::Meetings,
            What::Pending => AlertScope::Pending,
            What::All => AlertScope::All,
        }
    }
}

fn describe(a: &Alert) -> String {
    let what = match a.spec.scope {
        AlertScope::Meetings => "meetings held, planned or called off",
        AlertScope::Pending => "pending items done, dropped or overdue",
        AlertScope::All => "meetings and pending items",
    };
    let mut s = format!(
        "**{}** → <#{}>: {what}",
        escape(a.spec.topic.as_str()),
        a.spec.channel
    );
    if a.spec.delivery == Delivery::ForumPost {
        s.push_str(" · a forum post per card");
    }
    if let Some(r) = a.spec.ping {
        s.push_str(&format!(" · pings <@&{}>", r.0));
    }
    if let Some(reason) = &a.paused_reason {
        s.push_str(&format!(
            "\n  ⏸ **Paused**: {}. Fix it, then `/alert add` again to resume.",
            truncate(reason, 300)
        ));
    }
    s
}

/// Where an alert posts, and whom it pings.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    pub channel: u64,
    pub delivery: Delivery,
    pub role: Option<u64>,
}

/// `/alert add`: validates, then saves (or replaces and resumes) the alert.
pub async fn add(
    data: &Data,
    caller: &Caller,
    topic: &str,
    scope: AlertScope,
    to: Target,
) -> Result<Reply, CommandError> {
    let Target {
        channel,
        delivery,
        role,
    } = to;
    require_moderator(data, caller).await?;
    let topic = TopicName::parse(topic).map_err(|e| CommandError::Invalid(format!("{e}.")))?;
    let existing = data.store.guild_alerts(caller.guild).await?;
    let replaces = existing
        .iter()
        .any(|a| a.spec.topic == topic && a.spec.channel == channel);
    if !replaces && existing.len() >= MAX_ALERTS {
        return Err(CommandError::Invalid(format!(
            "A server has at most {MAX_ALERTS} alerts: `/alert remove` one first."
        )));
    }
    let spec = AlertSpec {
        topic,
        scope,
        channel,
        delivery,
        ping: parse_role(caller.guild, role)?,
    };
    let now = data.clock.now();
    let id = data.store.save_alert(caller.guild, &spec, now).await?;
    let saved = Alert {
        id,
        guild: caller.guild,
        spec,
        created_at: now,
        scan_seq: 0,
        primed: false,
        next_post_at: None,
        paused_reason: None,
    };
    Ok(Reply::text(format!(
        "Alert saved: {}. From now on; what is already known is not posted.",
        describe(&saved)
    ))
    .ephemeral())
}

/// `/alert remove`: a topic's alert in one channel, or in all.
pub async fn remove(
    data: &Data,
    caller: &Caller,
    topic: &str,
    channel: Option<u64>,
) -> Result<Reply, CommandError> {
    require_moderator(data, caller).await?;
    let topic = TopicName::parse(topic).map_err(|e| CommandError::Invalid(format!("{e}.")))?;
    let n = data
        .store
        .remove_alerts(caller.guild, &topic, channel)
        .await?;
    if n == 0 {
        return Err(CommandError::NotFound(
            "There is no such alert. `/alert list` shows them.".into(),
        ));
    }
    Ok(Reply::text(format!(
        "Removed {n} alert{}.",
        if n == 1 { "" } else { "s" }
    ))
    .ephemeral())
}

/// `/alert list`: every alert of the server, and why one is paused.
pub async fn list(data: &Data, caller: &Caller) -> Result<Reply, CommandError> {
    require_moderator(data, caller).await?;
    let alerts = data.store.guild_alerts(caller.guild).await?;
    if alerts.is_empty() {
        return Ok(Reply::text("No alert is set. Add one with `/alert add`.").ephemeral());
    }
    let lines: Vec<String> = alerts
        .iter()
        .map(|a| format!("• {}", describe(a)))
        .collect();
    Ok(Reply::embeds(vec![Embed {
        title: "Alerts".into(),
        description: Some(discord::bounded_list(
            &lines,
            lines.len(),
            limits::DESCRIPTION,
        )),
        color: Some(COLOR),
        ..Default::default()
    }])
    .ephemeral())
}

/// A card the moment a topic moves: meetings, pending items done or overdue (moderators).
#[poise::command(
    slash_command,
    guild_only,
    subcommands("alert_add", "alert_list", "alert_remove"),
    subcommand_required,
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn alert(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Follow a topic in a channel: a card for each new development.
#[poise::command(slash_command, guild_only, rename = "add")]
pub async fn alert_add(
    ctx: Context<'_>,
    #[description = "The topic, e.g. ukraine"]
    #[autocomplete = "autocomplete_topic"]
    #[max_length = 64]
    topic: String,
    #[description = "Meetings, pending items, or all (default)"] what: Option<What>,
    #[description = "Where to post (default: here): a channel, a thread, or a forum (a post per card)"]
    #[channel_types("Text", "News", "PublicThread", "PrivateThread", "NewsThread", "Forum")]
    channel: Option<PartialChannel>,
    #[description = "A role to ping with each card (never @everyone)"] role: Option<
        serenity::all::RoleId,
    >,
) -> Result<(), Error> {
    respond(ctx, |data, caller, _| async move {
        // Without a channel: the one asked in, which takes messages.
        let (target, delivery) = match &channel {
            Some(c) => (c.id.get(), delivery_for(c.kind)?),
            None => (caller.channel, Delivery::Message),
        };
        let scope = what.map_or(AlertScope::All, AlertScope::from);
        let to = Target {
            channel: target,
            delivery,
            role: role.map(|r| r.get()),
        };
        add(data, &caller, &topic, scope, to).await
    })
    .await
}

/// Stop an alert: a topic's in one channel, or in all.
#[poise::command(slash_command, guild_only, rename = "remove")]
pub async fn alert_remove(
    ctx: Context<'_>,
    #[description = "The topic"]
    #[autocomplete = "autocomplete_topic"]
    #[max_length = 64]
    topic: String,
    #[description = "The channel (leave out for all)"]
    #[channel_types("Text", "News", "PublicThread", "PrivateThread", "NewsThread")]
    channel: Option<ChannelId>,
) -> Result<(), Error> {
    respond(ctx, |data, caller, _| async move {
        remove(data, &caller, &topic, channel.map(|c| c.get())).await
    })
    .await
}

/// This server's alerts.
#[poise::command(slash_command, guild_only, rename = "list")]
pub async fn alert_list(ctx: Context<'_>) -> Result<(), Error> {
    respond(
        ctx,
        |data, caller, _| async move { list(data, &caller).await },
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;
    use poise::ChoiceParameter;

    #[test]
    fn the_choices_name_what_is_stored() {
        for w in [What::Meetings, What::Pending, What::All] {
            assert_eq!(w.name(), AlertScope::from(w).as_str());
        }
    }
}
