//! What a digest says: for each of its topics, what is new in its window —
//! meetings held, statements made, pending items opened, resolved or gone overdue —
//! as one Discord message within every limit, each item linked to its source.
//!
//! The scheduler and `/digest preview` both call [`build`], so the preview is
//! exactly what would be posted.

use chrono::{DateTime, Duration, Utc};

use crate::brief::{Brief, assemble};
use crate::developments::{Development, PendingDevelopment, PendingState};
use crate::model::{MeetingStatus, TopicName};
use crate::relevance::Relevance;
use crate::render::discord::opening;
use crate::render::discord::{
    COLOR, Embed, EmbedField, Section, TimeStyle, bounded_list, escape, fit_message, limits,
    section_lines, source_lines, timestamp,
};
use crate::store::digest::DigestSchedule;
use crate::store::{Scope, Store, StoreError, Window};
use crate::topics;

/// Topics per digest: each becomes an embed sharing one message's 6000 characters.
pub const MAX_TOPICS: usize = 5;

/// How far before the window the material is read, so a pending item opened
/// earlier can be seen being resolved (or going overdue) inside it.
pub const LOOKBACK: Duration = Duration::days(30);

/// The time a digest covers: `(from, until]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    pub from: DateTime<Utc>,
    pub until: DateTime<Utc>,
    /// Due times that passed since the previous digest (more than one after
    /// downtime: this digest is then the one catch-up for all of them).
    pub runs: usize,
    /// Whether the start was cut to the catch-up limit.
    pub clipped: bool,
}

/// A built digest: the message, and whether anything in it is new.
#[derive(Debug, Clone, PartialEq)]
pub struct BuiltDigest {
    pub content: String,
    pub embeds: Vec<Embed>,
    pub empty: bool,
}

/// The topics a digest reports on: its own, else the server's, else the
/// deployment's.
pub async fn digest_topics(
    store: &dyn Store,
    d: &DigestSchedule,
) -> Result<Vec<TopicName>, StoreError> {
    if !d.spec.topics.is_empty() {
        return Ok(d.spec.topics.iter().take(MAX_TOPICS).cloned().collect());
    }
    let mut own = store.topics(Scope::Guild(d.guild.0)).await?;
    if own.is_empty() {
        own = store.topics(Scope::Global).await?;
    }
    Ok(own.into_iter().map(|t| t.name).take(MAX_TOPICS).collect())
}

/// Builds the digest of `d` for `coverage`.
pub async fn build(
    store: &dyn Store,
    d: &DigestSchedule,
    coverage: Coverage,
) -> Result<BuiltDigest, StoreError> {
    Ok(build_with_briefs(store, d, coverage).await?.0)
}

/// The digest of `d` for `coverage`, and the whole brief of each of its topics
/// (what its timeline picture draws: the topic's course, not only the news).
pub async fn build_with_briefs(
    store: &dyn Store,
    d: &DigestSchedule,
    coverage: Coverage,
) -> Result<(BuiltDigest, Vec<Brief>), StoreError> {
    let scope = Scope::Guild(d.guild.0);
    let (mut news, mut whole) = (Vec::new(), Vec::new());
    for topic in digest_topics(store, d).await? {
        let t = topics::resolve(store, scope, &topic).await?;
        let material = store
            .topic_material(&t.aliases, Window::Since(coverage.from - LOOKBACK))
            .await?;
        let material = Relevance::new(&t.aliases).on_topic(material);
        let brief = assemble(topic, coverage.until, Some(coverage.from), material);
        if d.spec.timeline {
            whole.push(brief.clone());
        }
        news.push(what_is_new(brief, coverage));
    }
    Ok((render(&news, coverage), whole))
}

fn in_window(t: DateTime<Utc>, c: Coverage) -> bool {
    t > c.from && t <= c.until
}

/// When a development was first reported.
fn first_reported<T>(d: &Development<T>) -> DateTime<Utc> {
    d.reports
        .iter()
        .map(|r| r.article.published)
        .min()
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// Keeps what is new in the window: held meetings and statements first reported
/// in it, pending items opened in it, resolved in it, or whose due date passed in
/// it. The sources are recomputed from what is kept.
pub fn what_is_new(mut b: Brief, c: Coverage) -> Brief {
    b.met
        .retain(|m| m.item.status == MeetingStatus::Held && in_window(first_reported(m), c));
    b.said.retain(|s| in_window(first_reported(s), c));
    b.pending.retain(|p| pending_is_new(p, c));
    b.sources = crate::brief::cited_sources(&b.met, &b.said, &b.pending);
    b
}

fn pending_is_new(p: &PendingDevelopment, c: Coverage) -> bool {
    match &p.state {
        PendingState::Done { by } | PendingState::Abandoned { by } => {
            in_window(by.article.published, c)
        }
        PendingState::Open => in_window(first_reported(&p.development), c),
        PendingState::Overdue => {
            let due_passed = p
                .development
                .item
                .due
                .as_ref()
                .and_then(|d| d.date)
                .and_then(|d| d.succ_opt())
                .and_then(|d| d.and_hms_opt(0, 0, 0))
                .is_some_and(|t| in_window(t.and_utc(), c));
            due_passed || in_window(first_reported(&p.development), c)
        }
    }
}

/// The header line: the window, and a note when this digest catches up.
fn header(c: Coverage) -> String {
    let mut s = format!(
        "**Readout digest** · {} → {}",
        timestamp(c.from, TimeStyle::DateTime),
        timestamp(c.until, TimeStyle::DateTime)
    );
    if c.runs > 1 {
        s.push_str(&format!(
            "\nCatch-up after downtime: one digest for {} scheduled ones.",
            c.runs
        ));
    }
    if c.clipped {
        s.push_str("\nEarlier news is left out: a catch-up reaches back only so far.");
    }
    s
}

/// The digest as one message: a header, then an embed per topic with news, each
/// opening with the topic's bottom line and the calendar ahead (made from all
/// the material read, the lookback included: they tell where things stand).
pub fn render(news: &[Brief], c: Coverage) -> BuiltDigest {
    let mut content = header(c);
    let with_news: Vec<&Brief> = news.iter().filter(|b| !b.is_empty()).collect();
    let quiet: Vec<String> = news
        .iter()
        .filter(|b| b.is_empty())
        .map(|b| escape(b.topic.as_str()))
        .collect();
    if with_news.is_empty() {
        return BuiltDigest {
            content,
            embeds: vec![Embed {
                title: "Nothing new".into(),
                description: Some(if news.is_empty() {
                    "This digest has no topic: name some in `/digest set`, or add some with `/topic add`."
                        .into()
                } else {
                    format!("Nothing new on {} in this period.", quiet.join(", "))
                }),
                color: Some(COLOR),
                timestamp: Some(c.until),
                ..Default::default()
            }],
            empty: true,
        };
    }
    if !quiet.is_empty() {
        content.push_str(&format!("\nNothing new on {}.", quiet.join(", ")));
    }
    // Every topic gets an equal share of the 6000 characters, in up to six parts:
    // the bottom line, the calendar, three sections and the sources.
    let share = limits::TOTAL / with_news.len();
    let field_max = (share / 6)
        .saturating_sub(60)
        .clamp(120, limits::FIELD_VALUE);
    let embeds = with_news
        .iter()
        .map(|b| topic_embed(b, field_max))
        .collect();
    BuiltDigest {
        content,
        embeds: fit_message(embeds),
        empty: false,
    }
}

fn topic_embed(b: &Brief, field_max: usize) -> Embed {
    let mut fields = Vec::new();
    for (section, name) in [
        (Section::Met, "Meetings held"),
        (Section::Said, "What was said"),
        (Section::Pending, "Pending: opened, resolved, overdue"),
    ] {
        let lines = section_lines(b, section, false);
        if !lines.is_empty() {
            fields.push(EmbedField {
                name: name.into(),
                value: bounded_list(&lines, lines.len(), field_max),
                inline: false,
            });
        }
    }
    if !b.calendar.is_empty() {
        fields.insert(0, opening::calendar_field(b, field_max));
    }
    fields.push(EmbedField {
        name: "Sources".into(),
        value: bounded_list(&source_lines(b), b.sources.len(), field_max),
        inline: false,
    });
    Embed {
        title: format!("{} — what is new", escape(b.topic.as_str())),
        description: Some(opening::bottom_line(b, field_max)),
        fields,
        footer: Some(format!(
            "Readout · {} source{}",
            b.sources.len(),
            if b.sources.len() == 1 { "" } else { "s" }
        )),
        timestamp: Some(b.as_of),
        color: Some(COLOR),
        url: None,
    }
}
