//! `/digest set|off|preview|list` for moderators: the configuration of digests
//! (daily or weekly at a local time, or a cron expression, in an IANA zone; topics;
//! skip when nothing is new). Posting them on time is [`crate::digest`]'s job; this
//! module validates, stores, and shows: `/digest preview` builds exactly what the
//! scheduler would post now, and `/digest list` shows paused digests and why.

use std::str::FromStr;

use chrono::{DateTime, NaiveTime, Utc, Weekday};
use chrono_tz::Tz;
use serenity::all::{ChannelId, ChannelType, PartialChannel};

use super::permissions::require_moderator;
use super::reply::{Progress, Reply, respond};
use super::{Caller, CommandError, Context, Data, Error};
use crate::digest::DigestError;
use crate::digest::build::build_with_briefs;
use crate::digest::discord::ATTACHMENT_NAME;
use crate::digest::schedule::{next_after, parse_cron};
use crate::digest::scheduler::{coverage_at, timeline_picture};
use crate::model::TopicName;
use crate::render::discord::{self, COLOR, Embed, TimeStyle, escape, limits, timestamp, truncate};
use crate::store::digest::{Cadence, Delivery, DigestSchedule, DigestSpec, RoleId};
use crate::store::guild::GuildId;

/// Topics per digest: each becomes an embed, and a message holds at most 10.
pub const MAX_DIGEST_TOPICS: usize = crate::digest::build::MAX_TOPICS;

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

/// A weekday for weekly digests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, poise::ChoiceParameter)]
pub enum Day {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl From<Day> for Weekday {
    fn from(d: Day) -> Self {
        match d {
            Day::Monday => Weekday::Mon,
            Day::Tuesday => Weekday::Tue,
            Day::Wednesday => Weekday::Wed,
            Day::Thursday => Weekday::Thu,
            Day::Friday => Weekday::Fri,
            Day::Saturday => Weekday::Sat,
            Day::Sunday => Weekday::Sun,
        }
    }
}

/// Everything `/digest set` takes besides the channel.
#[derive(Debug, Clone, Default)]
pub struct SetOptions<'a> {
    /// `HH:MM`; required unless `cron` is given.
    pub time: Option<&'a str>,
    pub zone: &'a str,
    pub topics: Option<&'a str>,
    /// Weekly on this day instead of daily.
    pub weekday: Option<Weekday>,
    /// A cron expression instead of a time (and day).
    pub cron: Option<&'a str>,
    pub skip_empty: bool,
    /// A message in the channel or thread, or a forum post.
    pub delivery: Delivery,
    /// The id of the one role to ping.
    pub role: Option<u64>,
    /// Attach the topics' timeline picture.
    pub timeline: bool,
}

/// How a digest reaches a channel of this Discord type: a forum gets a post of
/// its own per digest; text, announcement channels and threads get a message.
pub fn delivery_for(kind: ChannelType) -> Result<Delivery, CommandError> {
    match kind {
        ChannelType::Forum => Ok(Delivery::ForumPost),
        ChannelType::Text
        | ChannelType::News
        | ChannelType::PublicThread
        | ChannelType::PrivateThread
        | ChannelType::NewsThread => Ok(Delivery::Message),
        _ => Err(CommandError::Invalid(
            "Digests go to a text or announcement channel, a thread or a forum.".into(),
        )),
    }
}

/// The role a digest may ping: any but @everyone (whose id is the server's),
/// which would ping every member.
pub fn parse_role(guild: GuildId, role: Option<u64>) -> Result<Option<RoleId>, CommandError> {
    match role {
        Some(r) if r == guild.0 => Err(CommandError::Invalid(
            "A digest cannot ping @everyone: pick a role members can opt into.".into(),
        )),
        other => Ok(other.map(RoleId)),
    }
}

/// The cadence the options describe.
pub fn parse_cadence(o: &SetOptions<'_>) -> Result<Cadence, CommandError> {
    match (o.cron.map(str::trim).filter(|c| !c.is_empty()), o.time) {
        (Some(_), Some(_)) => Err(CommandError::Invalid(
            "Give either a time (and day) or a cron expression, not both.".into(),
        )),
        (Some(expr), None) => {
            if o.weekday.is_some() {
                return Err(CommandError::Invalid(
                    "A cron expression names its own days; leave out the day.".into(),
                ));
            }
            if expr.len() > 100 {
                return Err(CommandError::Invalid(
                    "That cron expression is too long.".into(),
                ));
            }
            parse_cron(expr).map_err(|e| {
                CommandError::Invalid(format!(
                    "{e}. Use five fields, minute hour day month weekday, e.g. `0 8 * * 1-5`."
                ))
            })?;
            Ok(Cadence::Cron(expr.to_string()))
        }
        (None, Some(t)) => {
            let time = parse_time(t)?;
            Ok(match o.weekday {
                Some(weekday) => Cadence::Weekly { weekday, time },
                None => Cadence::Daily { time },
            })
        }
        (None, None) => Err(CommandError::Invalid(
            "Give a time (HH:MM, e.g. 08:30) or a cron expression.".into(),
        )),
    }
}

fn cadence_text(c: &Cadence) -> String {
    match c {
        Cadence::Daily { time } => format!("every day at {}", time.format("%H:%M")),
        Cadence::Weekly { weekday, time } => {
            format!("every {weekday} at {}", time.format("%H:%M"))
        }
        Cadence::Cron(expr) => format!("on `{}`", expr.replace('`', "")),
    }
}

fn describe(d: &DigestSchedule, now: DateTime<Utc>) -> String {
    let topics = if d.spec.topics.is_empty() {
        "all of the server's topics".to_string()
    } else {
        d.spec
            .topics
            .iter()
            .map(|t| escape(t.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let next = match &d.paused_reason {
        Some(_) => String::new(),
        None => {
            let at = d
                .next_run_at
                .filter(|t| *t > now)
                .or_else(|| next_after(&d.spec.cadence, d.spec.timezone, now).ok());
            at.map(|t| format!(" (next: {})", timestamp(t, TimeStyle::DateTime)))
                .unwrap_or_default()
        }
    };
    let mut s = format!(
        "<#{}> {} {}{next} — {topics}",
        d.spec.channel,
        cadence_text(&d.spec.cadence),
        escape(d.spec.timezone.name())
    );
    if d.spec.delivery == Delivery::ForumPost {
        s.push_str(" · a forum post each time");
    }
    if let Some(r) = d.spec.ping {
        s.push_str(&format!(" · pings <@&{}>", r.0));
    }
    if d.spec.skip_empty {
        s.push_str(" · skipped when nothing is new");
    }
    if d.spec.timeline {
        s.push_str(" · with the timeline picture");
    }
    if let Some(reason) = &d.paused_reason {
        let since = d
            .paused_at
            .map(|t| format!(" since {}", timestamp(t, TimeStyle::DateTime)))
            .unwrap_or_default();
        s.push_str(&format!(
            "\n  ⏸ **Paused**{since}: {}. Fix it, then `/digest set` this channel again to resume.",
            truncate(reason, 300)
        ));
    }
    s
}

fn digest_error(e: DigestError) -> CommandError {
    match e {
        DigestError::Store(e) => CommandError::Store(e),
        other => CommandError::Invalid(format!("This digest cannot be built: {other}.")),
    }
}

/// `/digest set` with a daily time (kept for callers of the first version).
pub async fn set(
    data: &Data,
    caller: &Caller,
    channel: u64,
    time: &str,
    zone: &str,
    topics: Option<&str>,
) -> Result<Reply, CommandError> {
    let options = SetOptions {
        time: Some(time),
        zone,
        topics,
        ..Default::default()
    };
    set_with(data, caller, channel, &options).await
}

/// `/digest set`: validates, then saves the digest with its first due time.
/// Setting a paused digest again resumes it.
pub async fn set_with(
    data: &Data,
    caller: &Caller,
    channel: u64,
    o: &SetOptions<'_>,
) -> Result<Reply, CommandError> {
    require_moderator(data, caller).await?;
    let zone = parse_zone(o.zone)?;
    let cadence = parse_cadence(o)?;
    let topics = parse_topic_list(o.topics)?;
    let spec = DigestSpec {
        channel,
        delivery: o.delivery,
        ping: parse_role(caller.guild, o.role)?,
        cadence,
        timezone: zone,
        topics,
        skip_empty: o.skip_empty,
        timeline: o.timeline,
    };
    let now = data.clock.now();
    let next =
        next_after(&spec.cadence, zone, now).map_err(|e| CommandError::Invalid(format!("{e}.")))?;
    let id = data
        .store
        .save_digest(caller.guild, &spec, next, now)
        .await?;
    let saved = DigestSchedule {
        id,
        guild: caller.guild,
        spec,
        next_run_at: Some(next),
        covered_until: None,
        paused_reason: None,
        paused_at: None,
        created_at: now,
    };
    Ok(Reply::text(format!("Digest saved: {}", describe(&saved, now))).ephemeral())
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

/// `/digest list`: every digest, its next run, and why it is paused if it is.
pub async fn list(data: &Data, caller: &Caller) -> Result<Reply, CommandError> {
    require_moderator(data, caller).await?;
    let digests = data.store.digest_schedules(caller.guild).await?;
    if digests.is_empty() {
        return Ok(Reply::text("No digest is set. Add one with `/digest set`.").ephemeral());
    }
    let now = data.clock.now();
    let lines: Vec<String> = digests
        .iter()
        .map(|d| format!("• {}", describe(d, now)))
        .collect();
    let paused = digests.iter().filter(|d| d.paused_reason.is_some()).count();
    Ok(Reply::embeds(vec![Embed {
        title: "Digests".into(),
        description: Some(discord::bounded_list(
            &lines,
            lines.len(),
            limits::DESCRIPTION,
        )),
        footer: (paused > 0).then(|| format!("{paused} paused")),
        color: Some(COLOR),
        ..Default::default()
    }])
    .ephemeral())
}

/// `/digest preview`: exactly the message the digest of a channel (or the first
/// one) would post if it were built now, after a line saying it is a preview.
pub async fn preview(
    data: &Data,
    caller: &Caller,
    progress: &Progress<'_>,
    channel: Option<u64>,
) -> Result<Reply, CommandError> {
    require_moderator(data, caller).await?;
    let digests = data.store.digest_schedules(caller.guild).await?;
    let Some(d) = digests
        .iter()
        .find(|d| channel.is_none_or(|c| d.spec.channel == c))
    else {
        return Err(CommandError::NotFound(
            "There is no digest to preview. Set one with `/digest set`.".into(),
        ));
    };
    progress.defer(true).await?;
    let now = data.clock.now();
    let (coverage, _) = coverage_at(d, now, data.digest_catchup).map_err(digest_error)?;
    let (built, briefs) = build_with_briefs(data.store.as_ref(), d, coverage)
        .await
        .map_err(|e| digest_error(e.into()))?;
    let note = format!("-# Preview of {}", describe(d, now));
    if built.empty && d.spec.skip_empty {
        return Ok(Reply::text(format!(
            "{note}\nNothing is new, and this digest skips empty runs: nothing would be posted now."
        ))
        .ephemeral());
    }
    let reply = Reply {
        content: Some(truncate(
            &format!("{note}\n\n{}", built.content),
            limits::CONTENT,
        )),
        embeds: built.embeds,
        ephemeral: true,
        file: None,
    };
    Ok(match timeline_picture(d, briefs).await {
        Some(png) => reply.with_file(ATTACHMENT_NAME, png),
        None => reply,
    })
}

/// Digests of topics posted to a channel on a schedule (moderators).
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

/// Post a digest to a channel: daily or weekly at a local time, or on a cron schedule.
#[poise::command(slash_command, guild_only, rename = "set")]
#[allow(clippy::too_many_arguments)]
pub async fn digest_set(
    ctx: Context<'_>,
    #[description = "Where to post it: a channel, a thread, or a forum (a post per digest)"]
    #[channel_types("Text", "News", "PublicThread", "PrivateThread", "NewsThread", "Forum")]
    channel: PartialChannel,
    #[description = "IANA time zone, e.g. Europe/Paris"]
    #[max_length = 64]
    timezone: String,
    #[description = "Local time, HH:MM (24-hour), e.g. 08:30"]
    #[max_length = 5]
    time: Option<String>,
    #[description = "Comma-separated topics (leave out for all of the server's topics)"]
    #[max_length = 400]
    topics: Option<String>,
    #[description = "Weekly on this day (leave out for every day)"] day: Option<Day>,
    #[description = "Instead of a time: a cron expression, e.g. 0 8 * * 1-5"]
    #[max_length = 100]
    cron: Option<String>,
    #[description = "Post nothing when nothing is new (default: post a short note)"]
    skip_empty: Option<bool>,
    #[description = "A role to ping with each digest (never @everyone)"] role: Option<
        serenity::all::RoleId,
    >,
    #[description = "Attach the topics' timeline picture (suits a weekly digest)"] timeline: Option<
        bool,
    >,
) -> Result<(), Error> {
    respond(ctx, |data, caller, _| async move {
        let options = SetOptions {
            delivery: delivery_for(channel.kind)?,
            role: role.map(|r| r.get()),
            time: time.as_deref(),
            zone: &timezone,
            topics: topics.as_deref(),
            weekday: day.map(Weekday::from),
            cron: cron.as_deref(),
            skip_empty: skip_empty.unwrap_or(false),
            timeline: timeline.unwrap_or(false),
        };
        set_with(data, &caller, channel.id.get(), &options).await
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
}
