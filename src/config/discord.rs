//! The Discord connection (`DISCORD_*`): the token, where commands are
//! registered, another API base, this process's shards.

use super::secret::{Secret, token_problem};
use super::vars::Vars;

/// Discord connection settings; `readout run` and `readout digests` need them.
#[derive(Debug, Clone)]
pub struct DiscordConfig {
    pub token: Option<Secret>,
    /// Register commands to this guild only (instant, for development).
    pub guild_id: Option<u64>,
    /// Another base URL for REST and gateway discovery (a proxy, or a fake in tests).
    pub api_base: Option<String>,
    /// This process's share of the shards: `first..=last` of `total`.
    pub shards: Option<ShardRange>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShardRange {
    pub first: u32,
    pub last: u32,
    pub total: u32,
}

impl ShardRange {
    /// Parses `0-3/8` (shards 0 to 3 of 8) or `2/8` (shard 2 of 8).
    pub fn parse(s: &str) -> Result<Self, String> {
        let (range, total) = s
            .split_once('/')
            .ok_or("expected FIRST-LAST/TOTAL, e.g. 0-3/8")?;
        let total: u32 = total
            .trim()
            .parse()
            .map_err(|_| "the shard total is not a number")?;
        let (first, last) = match range.split_once('-') {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (range.trim(), range.trim()),
        };
        let first: u32 = first
            .parse()
            .map_err(|_| "the first shard is not a number")?;
        let last: u32 = last.parse().map_err(|_| "the last shard is not a number")?;
        if total == 0 || first > last || last >= total {
            return Err(format!(
                "shards {first}-{last} do not fit in a total of {total}"
            ));
        }
        Ok(ShardRange { first, last, total })
    }
}

impl DiscordConfig {
    pub(super) fn read(vars: &mut Vars) -> Self {
        let discord = DiscordConfig {
            token: vars.get("DISCORD_TOKEN").map(Secret::new),
            guild_id: vars.num::<u64>("DISCORD_GUILD_ID"),
            api_base: vars
                .get("DISCORD_API_BASE")
                .map(|s| s.trim_end_matches('/').to_string()),
            shards: vars.parsed("DISCORD_SHARDS", |s| {
                ShardRange::parse(s).map_err(|e| format!(": {e}"))
            }),
        };
        if let Some(problem) = discord
            .token
            .as_ref()
            .and_then(|t| token_problem(t.expose()))
        {
            vars.problem(problem);
        }
        if let Some(base) = &discord.api_base {
            if url::Url::parse(base).is_err() {
                vars.problem(format!(
                    "DISCORD_API_BASE={base:?} is not a URL, e.g. http://127.0.0.1:8080"
                ));
            }
        }
        discord
    }
}
