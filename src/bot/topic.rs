//! `/topic add|remove|aliases` for moderators: the server's own topics, stored in
//! its scope (`Scope::Guild`), which override the deployment's and the built-in
//! ones for this server only.

use super::permissions::require_moderator;
use super::reply::{Reply, respond};
use super::status::autocomplete_topic;
use super::{Caller, CommandError, Context, Data, Error};
use crate::model::TopicName;
use crate::render::discord::{escape, truncate};
use crate::store::{Scope, Topic};
use crate::topics::{self, parse_aliases};

pub const MAX_ALIASES: usize = 30;
pub const MAX_ALIAS_CHARS: usize = 64;
const MAX_ALIAS_LIST_CHARS: usize = 1000;

fn parse_name(raw: &str) -> Result<TopicName, CommandError> {
    TopicName::parse(raw).map_err(|e| CommandError::Invalid(format!("Topic name: {e}.")))
}

/// A comma-separated alias list, checked: a bounded number of short, printable
/// aliases.
pub fn parse_alias_list(raw: &str) -> Result<Vec<String>, CommandError> {
    if raw.chars().count() > MAX_ALIAS_LIST_CHARS {
        return Err(CommandError::Invalid(format!(
            "The alias list is too long: at most {MAX_ALIAS_LIST_CHARS} characters."
        )));
    }
    let aliases = parse_aliases(raw);
    if aliases.len() > MAX_ALIASES {
        return Err(CommandError::Invalid(format!(
            "At most {MAX_ALIASES} aliases per topic."
        )));
    }
    for a in &aliases {
        if a.chars().count() > MAX_ALIAS_CHARS {
            return Err(CommandError::Invalid(format!(
                "An alias has at most {MAX_ALIAS_CHARS} characters."
            )));
        }
        if a.chars()
            .any(|c| crate::render::hidden(c) || matches!(c, '\u{200B}'..='\u{200F}'))
        {
            return Err(CommandError::Invalid(
                "Aliases cannot contain control or direction characters.".into(),
            ));
        }
        if !a.chars().any(char::is_alphanumeric) {
            return Err(CommandError::Invalid(
                "Every alias needs a letter or digit.".into(),
            ));
        }
    }
    Ok(aliases)
}

fn describe(t: &Topic) -> String {
    format!(
        "**{}**: {}",
        escape(t.name.as_str()),
        escape(&truncate(&t.aliases.join(", "), 1500))
    )
}

/// `/topic add`: creates or replaces one of the server's topics.
pub async fn add(
    data: &Data,
    caller: &Caller,
    name: &str,
    aliases: &str,
) -> Result<Reply, CommandError> {
    require_moderator(data, caller).await?;
    let topic = Topic {
        name: parse_name(name)?,
        aliases: parse_alias_list(aliases)?,
    };
    data.store
        .upsert_topic(Scope::Guild(caller.guild.0), &topic)
        .await?;
    Ok(Reply::text(format!("Topic saved. {}", describe(&topic))).ephemeral())
}

/// `/topic remove`: the server's own topic only; built-in topics stay available.
pub async fn remove(data: &Data, caller: &Caller, name: &str) -> Result<Reply, CommandError> {
    require_moderator(data, caller).await?;
    let name = parse_name(name)?;
    if data
        .store
        .remove_topic(Scope::Guild(caller.guild.0), &name)
        .await?
    {
        Ok(Reply::text(format!("Removed the topic {}.", escape(name.as_str()))).ephemeral())
    } else {
        Err(CommandError::NotFound(format!(
            "This server has no topic named {}.",
            escape(name.as_str())
        )))
    }
}

/// `/topic aliases`: shows a topic's aliases, or replaces them (which makes it one
/// of the server's topics).
pub async fn aliases(
    data: &Data,
    caller: &Caller,
    name: &str,
    new_aliases: Option<&str>,
) -> Result<Reply, CommandError> {
    require_moderator(data, caller).await?;
    let name = parse_name(name)?;
    match new_aliases {
        Some(list) => {
            let topic = Topic {
                name,
                aliases: parse_alias_list(list)?,
            };
            data.store
                .upsert_topic(Scope::Guild(caller.guild.0), &topic)
                .await?;
            Ok(Reply::text(format!("Aliases replaced. {}", describe(&topic))).ephemeral())
        }
        None => {
            let t =
                topics::resolve(data.store.as_ref(), Scope::Guild(caller.guild.0), &name).await?;
            Ok(Reply::text(describe(&t)).ephemeral())
        }
    }
}

/// Manage this server's topics and their aliases (moderators).
#[poise::command(
    slash_command,
    guild_only,
    subcommands("topic_add", "topic_remove", "topic_aliases"),
    subcommand_required,
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn topic(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Add or replace a topic: a name and the words that mean it.
#[poise::command(slash_command, guild_only, rename = "add")]
pub async fn topic_add(
    ctx: Context<'_>,
    #[description = "Topic name, e.g. sahel"]
    #[max_length = 64]
    name: String,
    #[description = "Comma-separated words that mean it, e.g. Mali, Niger, Burkina Faso"]
    #[max_length = 1000]
    aliases: String,
) -> Result<(), Error> {
    respond(ctx, |data, caller, _| async move {
        add(data, &caller, &name, &aliases).await
    })
    .await
}

/// Remove one of this server's topics.
#[poise::command(slash_command, guild_only, rename = "remove")]
pub async fn topic_remove(
    ctx: Context<'_>,
    #[description = "Topic name"]
    #[autocomplete = "autocomplete_topic"]
    #[max_length = 64]
    name: String,
) -> Result<(), Error> {
    respond(ctx, |data, caller, _| async move {
        remove(data, &caller, &name).await
    })
    .await
}

/// Show a topic's aliases, or replace them.
#[poise::command(slash_command, guild_only, rename = "aliases")]
pub async fn topic_aliases(
    ctx: Context<'_>,
    #[description = "Topic name"]
    #[autocomplete = "autocomplete_topic"]
    #[max_length = 64]
    name: String,
    #[description = "New comma-separated aliases (leave out to see the current ones)"]
    #[max_length = 1000]
    aliases: Option<String>,
) -> Result<(), Error> {
    respond(ctx, |data, caller, _| async move {
        self::aliases(data, &caller, &name, aliases.as_deref()).await
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alias_lists_are_bounded_and_printable() {
        assert_eq!(
            parse_alias_list("Mali, Niger ,, mali").unwrap(),
            vec!["Mali", "Niger"]
        );
        let many: Vec<String> = (0..40).map(|i| format!("a{i}")).collect();
        assert!(parse_alias_list(&many.join(",")).is_err());
        assert!(parse_alias_list(&"x".repeat(65)).is_err());
        assert!(parse_alias_list("ok, \u{202E}evil").is_err());
        assert!(parse_alias_list("***").is_err());
    }
}
