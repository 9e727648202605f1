//! `/feeds add|remove|list|retry` for moderators.
//!
//! A server follows feeds; the feeds themselves are shared (one fetch serves every
//! server), so removing a feed only removes this server's link to it. Adding a feed
//! goes through the same address guard and limits as the watcher, plus one test
//! fetch, so a moderator sees at once what the feed holds or why it can't be read.

use serenity::all::CreateAutocompleteResponse;

use super::permissions::require_moderator;
use super::reply::{Progress, Reply, respond};
use super::status::{answer_choices, autocomplete_topic};
use super::{Caller, CommandError, Context, Data, Error};
use crate::feeds::fetch::{Expect, FetchError, Fetched, Validators};
use crate::feeds::{FeedUrl, FeedUrlError, ParsedFeed, parse_feed};
use crate::model::TopicName;
use crate::render::discord::{
    COLOR, Embed, EmbedField, TimeStyle, bounded_list, escape, limits, masked_link, timestamp,
    truncate,
};

pub use crate::feeds::feed_url::MAX_URL_CHARS;

/// Items shown from the test fetch.
const PREVIEW_ITEMS: usize = 3;

/// The moderator's URL as a [`FeedUrl`], with the reason said for a member.
fn parse_url(raw: &str) -> Result<FeedUrl, CommandError> {
    FeedUrl::parse(raw).map_err(|e| match e {
        FeedUrlError::TooLong { .. } => CommandError::Invalid(format!(
            "That URL is too long: at most {MAX_URL_CHARS} characters."
        )),
        _ => CommandError::Invalid(
            "That is not a valid http(s) URL, e.g. https://example.org/rss.xml.".into(),
        ),
    })
}

/// The form a feed URL is stored in ([`FeedUrl`]'s, as `add` stores it), so
/// `remove` and `retry` find "https://Example.org" added as
/// "https://example.org/". Input that is no feed URL stays as typed: it matches
/// no stored feed, and the member hears that this server does not follow it.
fn stored_form(raw: &str) -> String {
    FeedUrl::parse(raw).map_or_else(|_| raw.trim().to_string(), |u| u.to_string())
}

fn parse_optional_topic(raw: Option<&str>) -> Result<Option<TopicName>, CommandError> {
    raw.map(|t| TopicName::parse(t).map_err(|e| CommandError::Invalid(format!("Topic: {e}."))))
        .transpose()
}

/// `/feeds add`: guard, test fetch, parse, then store and follow.
pub async fn add(
    data: &Data,
    caller: &Caller,
    progress: &Progress<'_>,
    url: &str,
    topic: Option<&str>,
) -> Result<Reply, CommandError> {
    require_moderator(data, caller).await?;
    let url = parse_url(url)?;
    let topic = parse_optional_topic(topic)?;
    progress.defer(true).await?;
    let parsed = fetch_feed(data, &url).await?;
    let now = data.clock.now();
    let feed = data.store.add_feed(url.as_str(), now).await?;
    let new = data
        .store
        .follow_feed(
            caller.guild,
            feed.id,
            topic.as_ref(),
            Some(caller.user),
            now,
        )
        .await?;
    tracing::info!(guild = caller.guild.0, feed = %url, new, "feed followed");
    Ok(feed_added(&url, &parsed, topic.as_ref(), new))
}

/// Fetches and parses the feed a moderator names, before anything is stored: a
/// page that is not a feed is refused with the reason.
async fn fetch_feed(data: &Data, url: &FeedUrl) -> Result<ParsedFeed, CommandError> {
    let fetch_err = |source: FetchError| CommandError::Fetch {
        url: url.to_string(),
        source,
    };
    let (bytes, final_url) = match data
        .fetcher
        .fetch(url.as_str(), Expect::Feed, &Validators::default())
        .await
        .map_err(fetch_err)?
    {
        Fetched::Body {
            bytes, final_url, ..
        } => (bytes, final_url),
        // Impossible without validators; treat as an empty answer.
        Fetched::NotModified { .. } => (Vec::new(), url.to_string()),
    };
    parse_feed(&bytes, Some(&final_url)).map_err(|source| CommandError::NotAFeed {
        url: url.to_string(),
        source,
    })
}

/// The answer to `/feeds add`: the feed's name, its latest items as links, and
/// the topic it was filed under.
fn feed_added(url: &FeedUrl, parsed: &ParsedFeed, topic: Option<&TopicName>, new: bool) -> Reply {
    let mut items: Vec<_> = parsed.items.iter().collect();
    items.sort_by_key(|i| std::cmp::Reverse(i.published));
    let lines: Vec<String> = items
        .iter()
        .take(PREVIEW_ITEMS)
        .map(|i| {
            let date = i
                .published
                .map(|p| format!(" · {}", timestamp(p, TimeStyle::Date)))
                .unwrap_or_default();
            let title = truncate(&i.title, 200);
            match &i.link {
                Some(l) => format!("• {}{date}", masked_link(&title, l)),
                None => format!("• {}{date}", escape(&title)),
            }
        })
        .collect();
    let name = parsed
        .title
        .as_deref()
        .filter(|t| !t.trim().is_empty())
        .unwrap_or("(untitled feed)");
    let mut fields = vec![EmbedField {
        name: "Latest items".into(),
        value: if lines.is_empty() {
            "The feed is empty for now.".into()
        } else {
            bounded_list(&lines, items.len(), limits::FIELD_VALUE)
        },
        inline: false,
    }];
    if let Some(t) = topic {
        fields.push(EmbedField {
            name: "Topic".into(),
            value: escape(t.as_str()),
            inline: true,
        });
    }
    let verdict = if new {
        "Feed added"
    } else {
        "Already followed (updated)"
    };
    Reply::embeds(vec![Embed {
        title: truncate(&format!("{verdict}: {name}"), limits::TITLE),
        description: Some(format!(
            "{}\n{} item{} found. New articles will be read from the next poll on.",
            escape(url.as_str()),
            parsed.items.len(),
            if parsed.items.len() == 1 { "" } else { "s" }
        )),
        fields,
        color: Some(COLOR),
        ..Default::default()
    }])
    .ephemeral()
}

/// `/feeds remove`: this server stops following; others keep the feed.
pub async fn remove(data: &Data, caller: &Caller, url: &str) -> Result<Reply, CommandError> {
    require_moderator(data, caller).await?;
    if url.chars().count() > MAX_URL_CHARS {
        return Err(CommandError::Invalid("That URL is too long.".into()));
    }
    if data
        .store
        .unfollow_feed(caller.guild, &stored_form(url))
        .await?
    {
        Ok(Reply::text(format!("Removed {}.", escape(url.trim()))).ephemeral())
    } else {
        Err(not_followed())
    }
}

fn not_followed() -> CommandError {
    CommandError::NotFound(
        "This server does not follow that feed. `/feeds list` shows the ones it does.".into(),
    )
}

/// `/feeds list`: every feed with its health.
pub async fn list(data: &Data, caller: &Caller) -> Result<Reply, CommandError> {
    require_moderator(data, caller).await?;
    let feeds = data.store.guild_feeds(caller.guild).await?;
    if feeds.is_empty() {
        return Ok(
            Reply::text("This server follows no feed yet: add one with `/feeds add`.").ephemeral(),
        );
    }
    // 24 fields, the last one saying how many more.
    let shown = feeds.len().min(limits::FIELDS - 1);
    let mut fields: Vec<EmbedField> = feeds
        .iter()
        .take(shown)
        .map(|g| {
            let f = &g.feed;
            let mut lines = vec![escape(&f.url)];
            if let Some(t) = &g.topic {
                lines.push(format!("Topic: {}", escape(t.as_str())));
            }
            lines.push(match f.last_success_at {
                Some(t) => format!("Last success: {}", timestamp(t, TimeStyle::Relative)),
                None => "Last success: never yet".into(),
            });
            if let Some(e) = &f.last_error {
                lines.push(format!("Last error: {}", escape(&truncate(e, 200))));
            }
            if let Some(p) = &f.paused_reason {
                lines.push(format!(
                    "**Paused**: {} — `/feeds retry` resumes it",
                    escape(&truncate(p, 200))
                ));
            }
            EmbedField {
                name: truncate(
                    &escape(f.title.as_deref().unwrap_or("(not fetched yet)")),
                    limits::FIELD_NAME,
                ),
                value: truncate(&lines.join("\n"), limits::FIELD_VALUE),
                inline: false,
            }
        })
        .collect();
    if feeds.len() > shown {
        fields.push(EmbedField {
            name: "More".into(),
            value: format!("…and {} more", feeds.len() - shown),
            inline: false,
        });
    }
    Ok(Reply::embeds(vec![Embed {
        title: format!("Feeds of this server ({})", feeds.len()),
        fields,
        color: Some(COLOR),
        ..Default::default()
    }])
    .ephemeral())
}

/// `/feeds retry`: clears a pause and polls the feed at the next tick.
pub async fn retry(data: &Data, caller: &Caller, url: &str) -> Result<Reply, CommandError> {
    require_moderator(data, caller).await?;
    let feeds = data.store.guild_feeds(caller.guild).await?;
    let wanted = stored_form(url);
    let Some(g) = feeds.iter().find(|g| g.feed.url == wanted) else {
        return Err(not_followed());
    };
    data.store.resume_feed(g.feed.id, data.clock.now()).await?;
    Ok(Reply::text(format!(
        "{} will be fetched again at the next poll.",
        escape(&g.feed.url)
    ))
    .ephemeral())
}

/// This server's feed URLs containing `partial`, for autocomplete; moderators
/// only (others get none). URLs over 100 characters can't be a choice value.
pub async fn feed_choices(
    data: &Data,
    caller: &Caller,
    partial: &str,
) -> Result<Vec<String>, CommandError> {
    if require_moderator(data, caller).await.is_err() {
        return Ok(Vec::new());
    }
    let partial: String = partial.trim().chars().take(MAX_URL_CHARS).collect();
    Ok(data
        .store
        .guild_feeds(caller.guild)
        .await?
        .into_iter()
        .map(|g| g.feed.url)
        .filter(|u| u.contains(&partial) && u.chars().count() <= limits::CHOICE_NAME)
        .take(limits::CHOICES)
        .collect())
}

async fn autocomplete_feed(ctx: Context<'_>, partial: &str) -> CreateAutocompleteResponse {
    let poise::Context::Application(actx) = ctx else {
        return CreateAutocompleteResponse::new();
    };
    let Ok(caller) = Caller::from_interaction(actx.interaction) else {
        return CreateAutocompleteResponse::new();
    };
    answer_choices("feed", feed_choices(ctx.data(), &caller, partial)).await
}

/// Manage the feeds this server follows (moderators).
#[poise::command(
    slash_command,
    guild_only,
    subcommands("feeds_add", "feeds_remove", "feeds_list", "feeds_retry"),
    subcommand_required,
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn feeds(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Follow a feed: checks the address and fetches it once to show what it holds.
#[poise::command(slash_command, guild_only, rename = "add", user_cooldown = 10)]
pub async fn feeds_add(
    ctx: Context<'_>,
    #[description = "The feed's URL (RSS, Atom or JSON Feed)"]
    #[max_length = 2048]
    url: String,
    #[description = "File it under this topic"]
    #[autocomplete = "autocomplete_topic"]
    #[max_length = 100]
    topic: Option<String>,
) -> Result<(), Error> {
    respond(ctx, |data, caller, progress| async move {
        add(data, &caller, &progress, &url, topic.as_deref()).await
    })
    .await
}

/// Stop following a feed (other servers keep it).
#[poise::command(slash_command, guild_only, rename = "remove")]
pub async fn feeds_remove(
    ctx: Context<'_>,
    #[description = "The feed's URL"]
    #[autocomplete = "autocomplete_feed"]
    #[max_length = 2048]
    url: String,
) -> Result<(), Error> {
    respond(ctx, |data, caller, _| async move {
        remove(data, &caller, &url).await
    })
    .await
}

/// The feeds this server follows, with their health.
#[poise::command(slash_command, guild_only, rename = "list")]
pub async fn feeds_list(ctx: Context<'_>) -> Result<(), Error> {
    respond(
        ctx,
        |data, caller, _| async move { list(data, &caller).await },
    )
    .await
}

/// Resume a paused or failing feed now.
#[poise::command(slash_command, guild_only, rename = "retry")]
pub async fn feeds_retry(
    ctx: Context<'_>,
    #[description = "The feed's URL"]
    #[autocomplete = "autocomplete_feed"]
    #[max_length = 2048]
    url: String,
) -> Result<(), Error> {
    respond(ctx, |data, caller, _| async move {
        retry(data, &caller, &url).await
    })
    .await
}
