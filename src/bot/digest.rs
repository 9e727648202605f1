//! `/digest set|off|preview|list` for moderators: the configuration of daily
//! digests. Posting them on time is the scheduler's job; this module only
//! validates (an IANA zone, an HH:MM time, known topic names) and stores.

use std::str::FromStr;

use chrono::{DateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use serenity::all::ChannelId;

use super::permissions::require_moderator;
use super::reply::{Progress, Reply, respond};
use super::{Caller, CommandError, Context, Data, Error};
use crate::brief::brief_for;
use crate::model::TopicName;
use crate::render::discord::{
    self, COLOR, Embed, EmbedField, TimeStyle, escape, limits, timestamp,
};
use crate::store::Scope;
use crate::store::guild::DigestConfig;

/// Topics per digest: each becomes an embed, and a message holds at most 10.
pub const MAX_DIGEST_TOPICS: usize = 5;

/// `HH:MM`, 24-hour.
pub fn parse_time(raw: &str) -> Result<NaiveTime, CommandError> {
    let raw = raw.trim();
    if raw.len() > 5 {
        return Err(bad_time());
    }
    NaiveTime::parse_from_str(raw, "%H:%M").map_err(|_| bad_time())
}

fn bad_time() -> CommandError {
    CommandError::Invalid("The time should be HH:MM on a 24-hour clock, e.g. 08:30.".into())
}

/// An IANA zone name such as Europe/Paris (UTC also accepted).
pub fn parse_zone(raw: &str) -> Result<Tz, CommandError> {
    let raw = raw.trim();
    if raw.len() > 64 {
        return Err(bad_zone());
    }
    Tz::from_str(raw).map_err(|_| bad_zone())
}

fn bad_zone() -> CommandError {
    CommandError::Invalid(
        "The time zone should be an IANA name such as Europe/Paris, America/New_York or UTC."
            .into(),
    )
}

/// A comma-separated list of topic names.
pub fn parse_topic_list(raw: Option<&str>) -> Result<Vec<TopicName>, CommandError> {
    let Some(raw) = raw else {
        return Ok(Vec::new());
    };
    let mut out: Vec<TopicName> = Vec::new();
    for part in raw.split(',').filter(|p| !p.trim().is_empty()) {
        let t = TopicName::parse(part)
            .map_err(|e| CommandError::Invalid(format!("Topic {:?}: {e}.", part.trim())))?;
        if !out.contains(&t) {
            out.push(t);
        }
    }
    if out.len() > MAX_DIGEST_TOPICS {
        return Err(CommandError::Invalid(format!(
            "At most {MAX_DIGEST_TOPICS} topics per digest."
        )));
    }
    Ok(out)
}

/// The next time a daily digest at `time` in `zone` falls due after `now`. A local
/// time skipped by a daylight-saving change runs an hour later that day; a repeated
/// one runs at its first occurrence.
pub fn next_run(time: NaiveTime, zone: Tz, now: DateTime<Utc>) -> DateTime<Utc> {
    let today = now.with_timezone(&zone).date_naive();
    for days in 0..3 {
        let Some(day) = today.checked_add_days(chrono::Days::new(days)) else {
            break;
        };
        let local = day.and_time(time);
        let at = zone
            .from_local_datetime(&local)
            .earliest()
            .or_else(|| {
                zone.from_local_datetime(&(local + chrono::Duration::hours(1)))
                    .earliest()
            })
            .map(|t| t.with_timezone(&Utc));
        if let Some(at) = at.filter(|at| *at > now) {
            return at;
        }
    }
    now + chrono::Duration::days(1)
}

fn describe(d: &DigestConfig, now: DateTime<Utc>) -> String {
    let topics = if d.topics.is_empty() {
        "all of the server's topics".to_string()
    } else {
        d.topics
            .iter()
            .map(|t| escape(t.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let next = parse_zone(&d.timezone)
        .map(|z| {
            format!(
                " (next: {})",
                timestamp(next_run(d.time, z, now), TimeStyle::DateTime)
            )
        })
        .unwrap_or_default();
    format!(
        "<#{}> every day at {} {}{next} — {topics}",
        d.channel,
        d.time.format("%H:%M"),
        escape(&d.timezone)
    )
}

/// `/digest set`.
pub async fn set(
    data: &Data,
    caller: &Caller,
    channel: u64,
    time: &str,
    zone: &str,
    topics: Option<&str>,
) -> Result<Reply, CommandError> {
    require_moderator(data, caller).await?;
    let time = parse_time(time)?;
    let zone = parse_zone(zone)?;
    let topics = parse_topic_list(topics)?;
    let digest = DigestConfig {
        channel,
        time,
        timezone: zone.name().to_string(),
        topics,
    };
    let now = data.clock.now();
    data.store.set_digest(caller.guild, &digest, now).await?;
    Ok(Reply::text(format!("Digest saved: {}", describe(&digest, now))).ephemeral())
}

/// `/digest off`: one channel's digest, or all of the server's.
pub async fn off(
    data: &Data,
    caller: &Caller,
    channel: Option<u64>,
) -> Result<Reply, CommandError> {
    require_moderator(data, caller).await?;
    let n = data.store.remove_digests(caller.guild, channel).await?;
    if n == 0 {
        return Err(CommandError::NotFound(
            "There is no digest to turn off. `/digest list` shows them.".into(),
        ));
    }
    Ok(Reply::text(format!(
        "Turned off {n} digest{}.",
        if n == 1 { "" } else { "s" }
    ))
    .ephemeral())
}

/// `/digest list`.
pub async fn list(data: &Data, caller: &Caller) -> Result<Reply, CommandError> {
    require_moderator(data, caller).await?;
    let digests = data.store.digests(caller.guild).await?;
    if digests.is_empty() {
        return Ok(Reply::text("No digest is set. Add one with `/digest set`.").ephemeral());
    }
    let now = data.clock.now();
    let lines: Vec<String> = digests
        .iter()
        .map(|d| format!("• {}", describe(d, now)))
        .collect();
    Ok(Reply::embeds(vec![Embed {
        title: "Digests".into(),
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

/// `/digest preview`: what the digest of a channel (or the first one) would post
/// now.
pub async fn preview(
    data: &Data,
    caller: &Caller,
    progress: &Progress<'_>,
    channel: Option<u64>,
) -> Result<Reply, CommandError> {
    require_moderator(data, caller).await?;
    let digests = data.store.digests(caller.guild).await?;
    let Some(d) = digests
        .iter()
        .find(|d| channel.is_none_or(|c| d.channel == c))
    else {
        return Err(CommandError::NotFound(
            "There is no digest to preview. Set one with `/digest set`.".into(),
        ));
    };
    progress.defer(true).await?;
    let mut topics = d.topics.clone();
    if topics.is_empty() {
        topics = data
            .store
            .topics(Scope::Guild(caller.guild.0))
            .await?
            .into_iter()
            .map(|t| t.name)
            .take(MAX_DIGEST_TOPICS)
            .collect();
    }
    let now = data.clock.now();
    let since = Some(now - chrono::Duration::days(1));
    let mut embeds = Vec::new();
    for t in &topics {
        let brief = brief_for(
            data.store.as_ref(),
            Scope::Guild(caller.guild.0),
            t,
            since,
            now,
        )
        .await?;
        let mut e = discord::brief_embeds(&brief, false);
        // One embed per topic; a shorter one so several fit in 6000 characters.
        for emb in &mut e {
            for f in &mut emb.fields {
                f.value =
                    discord::truncate(&f.value, limits::TOTAL / (4 * topics.len().max(1)) - 20);
            }
        }
        embeds.extend(e);
    }
    if embeds.is_empty() {
        embeds.push(Embed {
            title: "Digest preview".into(),
            description: Some(
                "No topic to report on: name topics in `/digest set`, or add some with `/topic add`."
                    .into(),
            ),
            ..Default::default()
        });
    }
    embeds.insert(
        0,
        Embed {
            title: "Digest preview".into(),
            description: Some(describe(d, now)),
            fields: Vec::<EmbedField>::new(),
            color: Some(COLOR),
            ..Default::default()
        },
    );
    Ok(Reply::embeds(embeds).ephemeral())
}

/// Daily digests of topics posted to a channel (moderators).
#[poise::command(
    slash_command,
    guild_only,
    subcommands("digest_set", "digest_off", "digest_preview", "digest_list"),
    subcommand_required,
    default_member_permissions = "MANAGE_GUILD"
)]
pub async fn digest(_ctx: Context<'_>) -> Result<(), Error> {
    Ok(())
}

/// Post a daily digest to a channel at a local time.
#[poise::command(slash_command, guild_only, rename = "set")]
pub async fn digest_set(
    ctx: Context<'_>,
    #[description = "Where to post it"]
    #[channel_types("Text", "News")]
    channel: ChannelId,
    #[description = "Local time, HH:MM (24-hour), e.g. 08:30"]
    #[max_length = 5]
    time: String,
    #[description = "IANA time zone, e.g. Europe/Paris"]
    #[max_length = 64]
    timezone: String,
    #[description = "Comma-separated topics (leave out for all of the server's topics)"]
    #[max_length = 400]
    topics: Option<String>,
) -> Result<(), Error> {
    respond(ctx, |data, caller, _| async move {
        set(
            data,
            &caller,
            channel.get(),
            &time,
            &timezone,
            topics.as_deref(),
        )
        .await
    })
    .await
}

/// Turn off the digest of a channel, or all digests.
#[poise::command(slash_command, guild_only, rename = "off")]
pub async fn digest_off(
    ctx: Context<'_>,
    #[description = "The channel (leave out for all)"]
    #[channel_types("Text", "News")]
    channel: Option<ChannelId>,
) -> Result<(), Error> {
    respond(ctx, |data, caller, _| async move {
        off(data, &caller, channel.map(|c| c.get())).await
    })
    .await
}

/// Show what a digest would post now.
#[poise::command(slash_command, guild_only, rename = "preview")]
pub async fn digest_preview(
    ctx: Context<'_>,
    #[description = "The channel (leave out for the first digest)"]
    #[channel_types("Text", "News")]
    channel: Option<ChannelId>,
) -> Result<(), Error> {
    respond(ctx, |data, caller, progress| async move {
        preview(data, &caller, &progress, channel.map(|c| c.get())).await
    })
    .await
}

/// List this server's digests.
#[poise::command(slash_command, guild_only, rename = "list")]
pub async fn digest_list(ctx: Context<'_>) -> Result<(), Error> {
    respond(
        ctx,
        |data, caller, _| async move { list(data, &caller).await },
    )
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_zones_are_validated() {
        assert_eq!(
            parse_time("08:30").unwrap(),
            NaiveTime::from_hms_opt(8, 30, 0).unwrap()
        );
        for bad in ["8h30", "24:00", "08:60", "", "08:30:00"] {
            assert!(parse_time(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_zone("Europe/Paris").unwrap().name(), "Europe/Paris");
        assert!(parse_zone("Mars/Olympus").is_err());
        assert!(
            parse_topic_list(Some("ukraine, iran, ukraine"))
                .unwrap()
                .len()
                == 2
        );
        assert!(parse_topic_list(Some("@everyone")).is_err());
    }

    #[test]
    fn next_run_follows_the_zone_across_daylight_saving() {
        let paris = parse_zone("Europe/Paris").unwrap();
        let t = NaiveTime::from_hms_opt(8, 0, 0).unwrap();
        // Summer: 08:00 Paris is 06:00 UTC.
        let now = DateTime::parse_from_rfc3339("2024-07-01T05:00:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(
            next_run(t, paris, now).to_rfc3339(),
            "2024-07-01T06:00:00+00:00"
        );
        // Past today's time: tomorrow.
        let now = DateTime::parse_from_rfc3339("2024-07-01T07:00:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(
            next_run(t, paris, now).to_rfc3339(),
            "2024-07-02T06:00:00+00:00"
        );
        // Skipped local time (02:30 on 2024-03-31 does not exist): an hour later.
        let t = NaiveTime::from_hms_opt(2, 30, 0).unwrap();
        let now = DateTime::parse_from_rfc3339("2024-03-30T23:00:00Z")
            .unwrap()
            .to_utc();
        assert_eq!(
            next_run(t, paris, now).to_rfc3339(),
            "2024-03-31T01:30:00+00:00"
        );
    }
}
