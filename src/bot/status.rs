//! Commands for everyone: `/status`, `/pending`, `/said`, `/met`, `/topics`, and
//! the topic and person autocomplete.
//!
//! A brief reads the store and may take more than a second on a big store, so
//! these commands defer after validating their options; autocomplete never defers
//! (Discord does not allow it) and answers from two small queries.

use serenity::all::{AutocompleteChoice, CreateAutocompleteResponse};

use super::reply::{Progress, Reply, respond};
use super::{Caller, CommandError, Context, Data, Error};
use crate::brief::{Brief, brief_for};
use crate::developments::Report;
use crate::model::{ArticleId, TopicName};
use crate::render::discord::{
    self, COLOR, Embed, EmbedField, Section, bounded_list, escape, limits, truncate,
};
use crate::render::timeline;
use crate::store::Scope;
use crate::store::guild::GuildId;
use crate::topics;

/// Longest option value we look at; longer input is refused, not cut.
pub const MAX_OPTION_CHARS: usize = 100;

fn parse_topic(raw: &str) -> Result<TopicName, CommandError> {
    if raw.chars().count() > MAX_OPTION_CHARS {
        return Err(CommandError::Invalid(format!(
            "That is too long: at most {MAX_OPTION_CHARS} characters."
        )));
    }
    TopicName::parse(raw).map_err(|e| CommandError::Invalid(format!("{}.", capitalise(&e))))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Parses the `since` option (see [`crate::window`]); the member reads why a
/// value was refused and what would be accepted.
fn parse_since(
    raw: Option<&str>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Option<chrono::DateTime<chrono::Utc>>, CommandError> {
    raw.map(|s| {
        if s.chars().count() > 32 {
            return Err(CommandError::Invalid(
                "`since` is too long: use e.g. 12h, 7d, 2w or 2024-08-01.".into(),
            ));
        }
        crate::window::parse_since(s, now)
            .map_err(|e| CommandError::Invalid(format!("`since` {e}.")))
    })
    .transpose()
}

/// Whether anybody defined this topic: the server, the deployment or the
/// built-in list. Unknown names are still searched for as words.
async fn is_defined_topic(
    data: &Data,
    guild: GuildId,
    name: &TopicName,
) -> Result<bool, CommandError> {
    if topics::built_in().iter().any(|t| &t.name == name) {
        return Ok(true);
    }
    for scope in [Scope::Guild(guild.0), Scope::Global] {
        if data
            .store
            .topics(scope)
            .await?
            .iter()
            .any(|t| &t.name == name)
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The brief a `topic` and `since` option ask for, after deferring (a brief may
/// take over a second): the options are checked first, so a typing error is
/// answered at once. A topic nobody defined with nothing found, not even before
/// the window, is an unknown topic.
async fn asked_brief(
    data: &Data,
    caller: &Caller,
    progress: &Progress<'_>,
    topic: &str,
    since: Option<&str>,
) -> Result<Brief, CommandError> {
    let topic = parse_topic(topic)?;
    let now = data.clock.now();
    let since = parse_since(since, now)?;
    progress.defer(false).await?;
    let brief = brief_for(
        data.store.as_ref(),
        Scope::Guild(caller.guild.0),
        &topic,
        since,
        now,
    )
    .await?;
    // A window with nothing in it is no unknown topic when there is news before it.
    let nothing_at_all = brief.is_empty() && brief.window_is_empty().is_none();
    if nothing_at_all && !is_defined_topic(data, caller.guild, &topic).await? {
        return Err(CommandError::UnknownTopic(topic.to_string()));
    }
    Ok(brief)
}

/// `/status`: the whole brief.
pub async fn answer_status(
    data: &Data,
    caller: &Caller,
    progress: &Progress<'_>,
    topic: &str,
    since: Option<&str>,
    detail: bool,
) -> Result<Reply, CommandError> {
    let brief = asked_brief(data, caller, progress, topic, since).await?;
    Ok(Reply::embeds(discord::brief_embeds(&brief, detail)))
}

/// `/timeline`: the brief's meetings and due dates as a picture.
pub async fn answer_timeline(
    data: &Data,
    caller: &Caller,
    progress: &Progress<'_>,
    topic: &str,
    since: Option<&str>,
) -> Result<Reply, CommandError> {
    let brief = asked_brief(data, caller, progress, topic, since).await?;
    let topic = brief.topic.clone();
    let Some(timeline) = timeline::lay_out(&brief) else {
        return Ok(Reply::text(format!(
            "Nothing to draw for **{}**{}: no meeting and no pending item with a due date. `/status` shows what there is.",
            escape(topic.as_str()),
            brief.since.map_or(String::new(), |s| format!(
                " since {}",
                s.format("%-d %b %Y")
            ))
        )));
    };
    // Drawing takes tens of milliseconds: off the runtime's threads.
    let png = tokio::task::spawn_blocking(move || timeline::png_of(&timeline))
        .await
        .map_err(|e| CommandError::Timeline(format!("the drawing task failed: {e}")))?
        .map_err(|e| CommandError::Timeline(e.to_string()))?;
    let name = format!("timeline-{}.png", file_stem(topic.as_str()));
    Ok(Reply::text(format!(
        "**{}**: meetings and due dates. `/status {}` has the sources.",
        escape(topic.as_str()),
        escape(topic.as_str())
    ))
    .with_file(name, png))
}

/// A topic as a file name: letters and digits, the rest as dashes.
fn file_stem(topic: &str) -> String {
    let s: String = topic
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    s.trim_matches('-').to_string()
}

/// Keeps only the items that involve `who` (case-insensitive part of a name).
/// Returns false, leaving the brief alone, when nobody in that section matches:
/// then `who` is a topic, not a person.
fn focus_on_person(brief: &mut Brief, section: Section, who: &str) -> bool {
    let who = who.to_lowercase();
    let matches = |name: &str| name.to_lowercase().contains(&who);
    let kept = match section {
        Section::Said => {
            let mut said = brief.said.clone();
            said.retain(|d| matches(d.item.speaker.as_str()));
            (!said.is_empty()).then(|| brief.said = said)
        }
        Section::Met => {
            let mut met = brief.met.clone();
            met.retain(|d| d.item.participants.iter().any(|p| matches(p.as_str())));
            (!met.is_empty()).then(|| brief.met = met)
        }
        Section::Pending => None,
    };
    if kept.is_none() {
        return false;
    }
    // Sources: only those the kept items cite.
    let cited: Vec<&Report> = match section {
        Section::Said => brief.said.iter().flat_map(|d| &d.reports).collect(),
        _ => brief.met.iter().flat_map(|d| &d.reports).collect(),
    };
    let ids: std::collections::HashSet<ArticleId> = cited.iter().map(|r| r.article.id).collect();
    brief.sources.retain(|s| ids.contains(&s.id));
    true
}

/// `/pending`, `/said`, `/met`: one section, longer.
pub async fn answer_section(
    data: &Data,
    caller: &Caller,
    progress: &Progress<'_>,
    subject: &str,
    section: Section,
) -> Result<Reply, CommandError> {
    let name = parse_topic(subject)?;
    progress.defer(false).await?;
    let now = data.clock.now();
    let mut brief = brief_for(
        data.store.as_ref(),
        Scope::Guild(caller.guild.0),
        &name,
        None,
        now,
    )
    .await?;
    let person = focus_on_person(&mut brief, section, subject.trim());
    let empty = match section {
        Section::Met => brief.met.is_empty(),
        Section::Said => brief.said.is_empty(),
        Section::Pending => brief.pending.is_empty(),
    };
    if empty && !person && !is_defined_topic(data, caller.guild, &name).await? {
        return Err(CommandError::UnknownTopic(name.to_string()));
    }
    Ok(Reply::embeds(discord::section_message(&brief, section)))
}

/// `/topics`: the server's own topics, then the deployment's.
pub async fn answer_topics(data: &Data, caller: &Caller) -> Result<Reply, CommandError> {
    let own = data.store.topics(Scope::Guild(caller.guild.0)).await?;
    let feeds = data.store.guild_feeds(caller.guild).await?;
    let mut shared: Vec<String> = data
        .store
        .topics(Scope::Global)
        .await?
        .into_iter()
        .chain(topics::built_in().iter().cloned())
        .filter(|t| !own.iter().any(|o| o.name == t.name))
        .map(|t| t.name.to_string())
        .collect();
    shared.sort();
    shared.dedup();
    let own_lines: Vec<String> = own
        .iter()
        .map(|t| {
            format!(
                "• **{}** — {}",
                escape(t.name.as_str()),
                escape(&truncate(&t.aliases.join(", "), 200))
            )
        })
        .collect();
    let mut fields = vec![EmbedField {
        name: "This server's topics".into(),
        value: if own_lines.is_empty() {
            "None yet: moderators add them with `/topic add`.".into()
        } else {
            bounded_list(&own_lines, own_lines.len(), limits::FIELD_VALUE)
        },
        inline: false,
    }];
    fields.push(EmbedField {
        name: "Also available".into(),
        value: truncate(
            &shared
                .iter()
                .map(|s| escape(s))
                .collect::<Vec<_>>()
                .join(", "),
            limits::FIELD_VALUE,
        ),
        inline: false,
    });
    Ok(Reply::embeds(vec![Embed {
        title: "Topics".into(),
        description: Some(format!(
            "This server follows {} feed{}. Ask with `/status <topic>`; any other word is searched for as it is.",
            feeds.len(),
            if feeds.len() == 1 { "" } else { "s" }
        )),
        fields,
        color: Some(COLOR),
        ..Default::default()
    }]))
}

/// Topic names for autocomplete: the server's, the deployment's and the built-in
/// ones containing `partial`, those starting with it first; at most 25.
pub async fn topic_choices(
    data: &Data,
    guild: Option<GuildId>,
    partial: &str,
) -> Result<Vec<String>, CommandError> {
    let needle: String = partial
        .chars()
        .take(MAX_OPTION_CHARS)
        .collect::<String>()
        .trim()
        .to_lowercase();
    let mut names: Vec<String> = Vec::new();
    let mut scopes = vec![Scope::Global];
    if let Some(g) = guild {
        scopes.insert(0, Scope::Guild(g.0));
    }
    for scope in scopes {
        names.extend(
            data.store
                .topics(scope)
                .await?
                .into_iter()
                .map(|t| t.name.to_string()),
        );
    }
    names.extend(topics::built_in().iter().map(|t| t.name.to_string()));
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| n.contains(&needle) && seen.insert(n.clone()));
    names.sort_by_key(|n| (!n.starts_with(&needle), n.clone()));
    names.truncate(limits::CHOICES);
    Ok(names)
}

/// People (speakers and participants in the store) and topics for `/said` and
/// `/met`; at most 25.
pub async fn person_choices(
    data: &Data,
    guild: Option<GuildId>,
    partial: &str,
) -> Result<Vec<String>, CommandError> {
    let needle: String = partial.chars().take(MAX_OPTION_CHARS).collect();
    let mut names: Vec<String> = data
        .store
        .known_actors(needle.trim(), limits::CHOICES)
        .await?
        .into_iter()
        .map(|a| a.to_string())
        .filter(|n| n.chars().count() <= limits::CHOICE_NAME)
        .collect();
    for t in topic_choices(data, guild, partial).await? {
        if !names.iter().any(|n| n.eq_ignore_ascii_case(&t)) {
            names.push(t);
        }
    }
    names.truncate(limits::CHOICES);
    Ok(names)
}

fn choices(names: Vec<String>) -> CreateAutocompleteResponse {
    CreateAutocompleteResponse::new().set_choices(
        names
            .into_iter()
            .take(limits::CHOICES)
            .map(|n| {
                let n = truncate(&n, limits::CHOICE_NAME);
                AutocompleteChoice::new(n.clone(), n)
            })
            .collect(),
    )
}

fn guild_of(ctx: Context<'_>) -> Option<GuildId> {
    ctx.guild_id().map(|g| GuildId(g.get()))
}

/// How long autocomplete may search: Discord drops answers after 3 s, and an
/// autocomplete cannot be deferred.
pub const AUTOCOMPLETE_BUDGET: std::time::Duration = std::time::Duration::from_millis(2000);

/// Autocomplete can't show errors: a failure or a slow store gives an empty list
/// and a log line.
pub(super) async fn answer_choices(
    what: &str,
    search: impl std::future::Future<Output = Result<Vec<String>, CommandError>>,
) -> CreateAutocompleteResponse {
    match tokio::time::timeout(AUTOCOMPLETE_BUDGET, search).await {
        Ok(Ok(names)) => choices(names),
        Ok(Err(e)) => {
            tracing::error!(error = ?e, what, "autocomplete failed");
            choices(vec![])
        }
        Err(_) => {
            tracing::warn!(what, "autocomplete took too long");
            choices(vec![])
        }
    }
}

pub async fn autocomplete_topic(ctx: Context<'_>, partial: &str) -> CreateAutocompleteResponse {
    answer_choices("topic", topic_choices(ctx.data(), guild_of(ctx), partial)).await
}

pub async fn autocomplete_person(ctx: Context<'_>, partial: &str) -> CreateAutocompleteResponse {
    answer_choices("person", person_choices(ctx.data(), guild_of(ctx), partial)).await
}

/// The brief on a topic: who met, what was said, what is pending, with sources.
///
/// Without `since`, the most recent developments whatever their age. Each item
/// shows its date and links to its source.
#[poise::command(slash_command, guild_only, user_cooldown = 5)]
pub async fn status(
    ctx: Context<'_>,
    #[description = "A topic, e.g. ukraine (or any word to search for)"]
    #[autocomplete = "autocomplete_topic"]
    #[max_length = 100]
    topic: String,
    #[description = "Only newer developments: 12h, 7d, 2w or a date like 2024-08-01"]
    #[max_length = 32]
    since: Option<String>,
    #[description = "One embed per section, with the sentence behind each meeting"] detail: Option<
        bool,
    >,
) -> Result<(), Error> {
    respond(ctx, |data, caller, progress| async move {
        answer_status(
            data,
            &caller,
            &progress,
            &topic,
            since.as_deref(),
            detail.unwrap_or(false),
        )
        .await
    })
    .await
}

/// A picture of a topic: meetings (held, planned, cancelled) and pending due
/// dates on one time axis.
#[poise::command(slash_command, guild_only, user_cooldown = 5)]
pub async fn timeline(
    ctx: Context<'_>,
    #[description = "A topic, e.g. ukraine (or any word to search for)"]
    #[autocomplete = "autocomplete_topic"]
    #[max_length = 100]
    topic: String,
    #[description = "Only newer developments: 12h, 7d, 2w or a date like 2024-08-01"]
    #[max_length = 32]
    since: Option<String>,
) -> Result<(), Error> {
    respond(ctx, |data, caller, progress| async move {
        answer_timeline(data, &caller, &progress, &topic, since.as_deref()).await
    })
    .await
}

/// What is pending on a topic: promised answers, deadlines, planned talks.
#[poise::command(slash_command, guild_only, user_cooldown = 3)]
pub async fn pending(
    ctx: Context<'_>,
    #[description = "A topic, e.g. ukraine"]
    #[autocomplete = "autocomplete_topic"]
    #[max_length = 100]
    topic: String,
) -> Result<(), Error> {
    respond(ctx, |data, caller, progress| async move {
        answer_section(data, &caller, &progress, &topic, Section::Pending).await
    })
    .await
}

/// What a person said, or what was said on a topic.
#[poise::command(slash_command, guild_only, user_cooldown = 3)]
pub async fn said(
    ctx: Context<'_>,
    #[description = "A person (e.g. Blinken) or a topic"]
    #[autocomplete = "autocomplete_person"]
    #[max_length = 100]
    subject: String,
) -> Result<(), Error> {
    respond(ctx, |data, caller, progress| async move {
        answer_section(data, &caller, &progress, &subject, Section::Said).await
    })
    .await
}

/// Whom a person met, or the meetings on a topic.
#[poise::command(slash_command, guild_only, user_cooldown = 3)]
pub async fn met(
    ctx: Context<'_>,
    #[description = "A person (e.g. Lavrov) or a topic"]
    #[autocomplete = "autocomplete_person"]
    #[max_length = 100]
    subject: String,
) -> Result<(), Error> {
    respond(ctx, |data, caller, progress| async move {
        answer_section(data, &caller, &progress, &subject, Section::Met).await
    })
    .await
}

/// The topics this server follows, and the others you can ask about.
#[poise::command(slash_command, guild_only)]
pub async fn topics(ctx: Context<'_>) -> Result<(), Error> {
    respond(ctx, |data, caller, _| async move {
        answer_topics(data, &caller).await
    })
    .await
}
