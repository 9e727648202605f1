//! `ContentStore` on any backend: feeds, leases, topics and what briefs read.

use std::collections::HashSet;
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use super::fetch_one;
use crate::developments::ArticleRef;
use crate::feeds::ItemKey;
use crate::model::TopicName;
use crate::store::backend::Backend;
use crate::store::rows::{self, ArticleRow, FeedRow, TopicRow};
use crate::store::sql::{self, feeds, topics};
use crate::store::{
    ArticleId, COUNTED_TABLES, ContentStore, FeedId, FeedRecord, FetchCommit, IngestReport,
    ItemKinds, Scope, StoreError, StoredArticle, Topic, Window, lease_end, searchable_aliases,
};

#[async_trait]
impl<B: Backend> ContentStore for B {
    async fn add_feed(&self, url: &str, now: DateTime<Utc>) -> Result<FeedRecord, StoreError> {
        self.execute(&feeds::insert(url, now)).await?;
        self.feed_by_url(url).await?.ok_or(StoreError::Corrupt {
            what: "feed",
            detail: format!("{url} vanished after insert"),
        })
    }

    async fn feed_by_url(&self, url: &str) -> Result<Option<FeedRecord>, StoreError> {
        let row: Option<FeedRow> = self.fetch_optional(&feeds::by_url(url)).await?;
        Ok(row.map(FeedRecord::from))
    }

    async fn feeds(&self) -> Result<Vec<FeedRecord>, StoreError> {
        let rows: Vec<FeedRow> = self.fetch_all(&feeds::all()).await?;
        Ok(rows.into_iter().map(FeedRecord::from).collect())
    }

    async fn known_keys(
        &self,
        feed: FeedId,
        keys: &[ItemKey],
    ) -> Result<HashSet<ItemKey>, StoreError> {
        self.select_known_keys(feed, keys).await
    }

    async fn commit_fetch(&self, commit: FetchCommit) -> Result<IngestReport, StoreError> {
        self.write_fetch(&commit).await
    }

    async fn record_unchanged(
        &self,
        feed: FeedId,
        at: DateTime<Utc>,
        next_fetch_at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.execute(&feeds::unchanged(feed, at, next_fetch_at))
            .await
            .map(drop)
    }

    async fn record_failure(
        &self,
        feed: FeedId,
        at: DateTime<Utc>,
        error: &str,
        next_fetch_at: DateTime<Utc>,
        paused: Option<&str>,
    ) -> Result<(), StoreError> {
        self.execute(&feeds::failed(feed, at, error, next_fetch_at, paused))
            .await
            .map(drop)
    }

    async fn resume_feed(&self, feed: FeedId, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.execute(&feeds::resume(feed, now)).await.map(drop)
    }

    async fn claim_due_feeds(
        &self,
        worker: &str,
        now: DateTime<Utc>,
        lease: Duration,
        limit: usize,
    ) -> Result<Vec<FeedRecord>, StoreError> {
        let until = lease_end(now, lease).into();
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = self
            .lease_due_feeds(worker, now.into(), until, limit)
            .await?;
        Ok(rows::due_order(rows))
    }

    async fn release_lease(&self, feed: FeedId, worker: &str) -> Result<bool, StoreError> {
        Ok(self.execute(&feeds::release_lease(feed, worker)).await? > 0)
    }

    async fn renew_leases(
        &self,
        worker: &str,
        feeds: &[FeedId],
        now: DateTime<Utc>,
        lease: Duration,
    ) -> Result<usize, StoreError> {
        if feeds.is_empty() {
            return Ok(0);
        }
        let n = self
            .extend_leases(worker, feeds, lease_end(now, lease).into())
            .await?;
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    async fn upsert_topic(&self, scope: Scope, topic: &Topic) -> Result<(), StoreError> {
        self.execute(&topics::upsert(scope, topic)).await.map(drop)
    }

    async fn remove_topic(&self, scope: Scope, name: &TopicName) -> Result<bool, StoreError> {
        Ok(self.execute(&topics::remove(scope, name)).await? > 0)
    }

    /// By name in code-point order (SQLite's binary collation), sorted here
    /// whatever the database's collation.
    async fn topics(&self, scope: Scope) -> Result<Vec<Topic>, StoreError> {
        let rows: Vec<TopicRow> = self.fetch_all(&topics::of_scope(scope)).await?;
        let mut topics = rows
            .into_iter()
            .map(Topic::try_from)
            .collect::<Result<Vec<_>, _>>()?;
        topics.sort_by(|a, b| a.name.as_str().cmp(b.name.as_str()));
        Ok(topics)
    }

    async fn topic_articles(
        &self,
        aliases: &[String],
        window: Window,
    ) -> Result<Vec<ArticleRef>, StoreError> {
        let aliases = searchable_aliases(aliases);
        if aliases.is_empty() {
            return Ok(Vec::new());
        }
        let found: Vec<ArticleRow> = self.search(&aliases, window).await?;
        Ok(found.into_iter().map(ArticleRef::from).collect())
    }

    async fn material_of(
        &self,
        articles: Vec<ArticleRef>,
        kinds: ItemKinds,
    ) -> Result<Vec<StoredArticle>, StoreError> {
        let ids: Vec<ArticleId> = articles.iter().map(|a| a.id).collect();
        let mut extractions = if kinds.any() {
            self.load_extraction_rows(&ids, kinds)
                .await?
                .into_extractions()?
        } else {
            Default::default()
        };
        Ok(articles
            .into_iter()
            .map(|article| {
                let (extraction, contexts) = extractions.remove(&article.id).unwrap_or_default();
                StoredArticle {
                    article,
                    extraction,
                    contexts,
                }
            })
            .collect())
    }

    async fn stats(&self) -> Result<Vec<(String, i64)>, StoreError> {
        let mut out = Vec::new();
        for table in COUNTED_TABLES {
            let (n,): (i64,) = fetch_one(self, &sql::count_rows(table)).await?;
            out.push((table.to_string(), n));
        }
        Ok(out)
    }

    async fn database_bytes(&self) -> Result<i64, StoreError> {
        self.size_on_disk().await
    }
}
