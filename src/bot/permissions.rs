//! Who is calling and whether they may change settings.
//!
//! Moderator commands are declared with `default_member_permissions = MANAGE_GUILD`
//! so Discord hides them from others, but that is only a client-side default a
//! server can change: every call is checked again here, from the `permissions`
//! Discord computes for the member in the interaction payload (never from anything
//! the client says) and the server's moderator role from the store.

use serenity::all::{CommandInteraction, Permissions};

use super::CommandError;
use super::Data;
use crate::store::guild::GuildId;

/// The member behind an interaction, as Discord describes them in the payload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caller {
    pub guild: GuildId,
    pub channel: u64,
    pub user: u64,
    /// The member's permissions in the channel, computed by Discord.
    pub permissions: Permissions,
    pub roles: Vec<u64>,
}

impl Caller {
    /// Reads the caller from a command interaction; `GuildOnly` in a DM.
    pub fn from_interaction(i: &CommandInteraction) -> Result<Self, CommandError> {
        let guild = i.guild_id.ok_or(CommandError::GuildOnly)?;
        let member = i.member.as_deref().ok_or(CommandError::GuildOnly)?;
        Ok(Caller {
            guild: GuildId(guild.get()),
            channel: i.channel_id.get(),
            user: i.user.id.get(),
            // Absent only in a malformed payload: then nobody is a moderator.
            permissions: member.permissions.unwrap_or_else(Permissions::empty),
            roles: member.roles.iter().map(|r| r.get()).collect(),
        })
    }

    /// Manage Server (or Administrator) gives moderator rights everywhere.
    pub fn can_manage_server(&self) -> bool {
        self.permissions.manage_guild() || self.permissions.administrator()
    }
}

/// Refuses unless the caller has Manage Server or the server's moderator role.
pub async fn require_moderator(data: &Data, caller: &Caller) -> Result<(), CommandError> {
    if caller.can_manage_server() {
        return Ok(());
    }
    let settings = data.store.guild_settings(caller.guild).await?;
    match settings.moderator_role {
        Some(role) if caller.roles.contains(&role) => Ok(()),
        _ => Err(CommandError::NotModerator),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manage_server_or_administrator_count() {
        let mut c = Caller {
            guild: GuildId(1),
            channel: 2,
            user: 3,
            permissions: Permissions::SEND_MESSAGES,
            roles: vec![],
        };
        assert!(!c.can_manage_server());
        c.permissions = Permissions::MANAGE_GUILD;
        assert!(c.can_manage_server());
        c.permissions = Permissions::ADMINISTRATOR;
        assert!(c.can_manage_server());
    }
}
