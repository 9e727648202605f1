//! `DatabaseUrl`: which store a `DATABASE_URL` (or `--database-url`) names,
//! decided once where the configuration is read. Before, the scheme was checked
//! by the configuration, by `store::open` and by `store::migrate`, each with its
//! own list of prefixes.

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use super::StoreError;
use crate::config::redacted_url;

/// The two stores a URL can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoreKind {
    /// `sqlite:FILE`, `sqlite://FILE`, `sqlite::memory:`.
    Sqlite,
    /// `postgres://...` or `postgresql://...`.
    Postgres,
}

/// A store URL whose scheme is known. `Debug` and `Display` hide its password,
/// so the value can be logged; [`DatabaseUrl::as_str`] gives the URL to connect.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl {
    kind: StoreKind,
    url: String,
}

impl DatabaseUrl {
    /// Decides the store from the scheme (surrounding white space ignored); the
    /// error names the input without its password.
    ///
    /// ```
    /// use readout::store::{StoreKind, DatabaseUrl};
    /// let url = DatabaseUrl::parse("postgresql://u:pw@db/readout").unwrap();
    /// assert_eq!(url.kind(), StoreKind::Postgres);
    /// assert_eq!(url.to_string(), "postgresql://u:***@db/readout");
    /// assert!(DatabaseUrl::parse("mysql://db/readout").is_err());
    /// ```
    pub fn parse(raw: &str) -> Result<Self, StoreError> {
        let url = raw.trim();
        let kind = if url.starts_with("sqlite:") {
            StoreKind::Sqlite
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            StoreKind::Postgres
        } else {
            return Err(StoreError::Unsupported(redacted_url(url)));
        };
        Ok(DatabaseUrl {
            kind,
            url: url.to_string(),
        })
    }

    pub fn kind(&self) -> StoreKind {
        self.kind
    }

    /// The URL as given, password included: for connecting, never for printing.
    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// The URL with its password replaced by `***`, for messages and logs.
    pub fn redacted(&self) -> String {
        redacted_url(&self.url)
    }

    /// The file a SQLite URL names; `None` for PostgreSQL and in-memory stores.
    pub fn sqlite_file(&self) -> Option<PathBuf> {
        match self.kind {
            StoreKind::Sqlite => sqlite_file(&self.url),
            StoreKind::Postgres => None,
        }
    }
}

/// The file a `sqlite:` URL names; `None` for other stores and in-memory ones.
fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url.strip_prefix("sqlite:")?;
    let rest = rest.strip_prefix("//").unwrap_or(rest);
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
}

impl FromStr for DatabaseUrl {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DatabaseUrl::parse(s)
    }
}

impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({:?})", self.redacted())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_name_their_file() {
        let f = |u: &str| sqlite_file(u).map(|p| p.display().to_string());
        assert_eq!(f("sqlite://readout.db").as_deref(), Some("readout.db"));
        assert_eq!(
            f("sqlite:///tmp/r.db?mode=rwc").as_deref(),
            Some("/tmp/r.db")
        );
        assert_eq!(f("sqlite::memory:"), None);
        assert_eq!(f("postgres://h/db"), None);
    }

    #[test]
    fn the_scheme_picks_the_store_and_errors_hide_the_password() {
        let b = |u: &str| DatabaseUrl::parse(u).map(|d| d.kind()).ok();
        assert_eq!(b("sqlite://r.db"), Some(StoreKind::Sqlite));
        assert_eq!(b(" sqlite::memory: "), Some(StoreKind::Sqlite));
        assert_eq!(b("postgres://h/db"), Some(StoreKind::Postgres));
        assert_eq!(b("postgresql://h/db"), Some(StoreKind::Postgres));
        let e = DatabaseUrl::parse("mysql://u:secretpw@h/db").unwrap_err();
        assert!(matches!(e, StoreError::Unsupported(_)));
        let text = e.to_string();
        assert!(
            text.contains("mysql://u:***@h/db") && !text.contains("secretpw"),
            "{text}"
        );
        let url = DatabaseUrl::parse("postgres://u:secretpw@h/db").unwrap();
        assert!(!format!("{url} {url:?}").contains("secretpw"));
        assert_eq!(url.as_str(), "postgres://u:secretpw@h/db");
    }
}
