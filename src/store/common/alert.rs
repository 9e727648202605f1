//! `AlertStore` on any backend.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::fetch_one;
use crate::model::TopicName;
use crate::store::StoreError;
use crate::store::alert::{Alert, AlertScan, AlertSpec, AlertStore};
use crate::store::backend::Backend;
use crate::store::digest::AlertId;
use crate::store::guild::GuildId;
use crate::store::rows::AlertRow;
use crate::store::sql::alerts as sql;

#[async_trait]
impl<B: Backend> AlertStore for B {
    async fn save_alert(
        &self,
        guild: GuildId,
        spec: &AlertSpec,
        now: DateTime<Utc>,
    ) -> Result<AlertId, StoreError> {
        let (id,): (i64,) = fetch_one(self, &sql::save(guild, spec, now)).await?;
        Ok(AlertId(id))
    }

    async fn guild_alerts(&self, guild: GuildId) -> Result<Vec<Alert>, StoreError> {
        alerts(self.fetch_all(&sql::of_guild(guild)).await?)
    }

    async fn remove_alerts(
        &self,
        guild: GuildId,
        topic: &TopicName,
        channel: Option<u64>,
    ) -> Result<u64, StoreError> {
        self.execute(&sql::remove_seen(guild, topic, channel))
            .await?;
        self.execute(&sql::remove(guild, topic, channel)).await
    }

    async fn active_alerts(&self) -> Result<Vec<Alert>, StoreError> {
        alerts(self.fetch_all(&sql::active()).await?)
    }

    async fn seen_events(&self, alert: AlertId) -> Result<Vec<String>, StoreError> {
        let rows: Vec<(String,)> = self.fetch_all(&sql::seen(alert)).await?;
        Ok(rows.into_iter().map(|(k,)| k).collect())
    }

    /// The guard is the alert's own row (`scan_seq`); the events and the card
    /// are written only with it.
    async fn commit_scan(&self, scan: &AlertScan, now: DateTime<Utc>) -> Result<bool, StoreError> {
        let mut then: Vec<_> = scan
            .seen
            .iter()
            .map(|k| sql::see(scan.alert, k, now))
            .collect();
        then.extend(scan.post.iter().map(|p| sql::queue_card(scan, p, now)));
        self.write_guarded("alert scan", &sql::advance(scan, now), &then)
            .await
    }
}

fn alerts(rows: Vec<AlertRow>) -> Result<Vec<Alert>, StoreError> {
    rows.into_iter().map(Alert::try_from).collect()
}
