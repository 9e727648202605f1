//! HTTP fetching with every limit a public bot needs: body size (counted after
//! decompression, so a gzip bomb stops at the limit), a whole-request deadline (a
//! slow drip cannot hold a worker), a redirect cap with the address guard applied to
//! every hop, content types, and conditional GET so an unchanged feed costs a 304.

use std::time::Duration;

use chrono::{DateTime, Utc};
use futures::StreamExt;
use reqwest::header::{self, HeaderMap, HeaderValue};
use reqwest::{StatusCode, redirect};
use thiserror::Error;
use url::Url;

use super::guard::{AddressGuard, BlockedByGuard, GuardedResolver};
use crate::config::FetchConfig;

/// Why a fetch failed, named so moderators see a reason, not a stack trace.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum FetchError {
    #[error("not a valid http(s) URL: {0}")]
    InvalidUrl(String),
    #[error("blocked address: {host} is {reason}")]
    BlockedAddress { host: String, reason: String },
    #[error("unreachable: {0}")]
    Unreachable(String),
    #[error("timed out after {0:?}")]
    Timeout(Duration),
    #[error("HTTP status {0}")]
    HttpStatus(u16),
    /// 429 or 503 with a `Retry-After` the next poll must honour.
    #[error("HTTP status {status} (retry after {} s)", .retry_after.as_secs())]
    Throttled { status: u16, retry_after: Duration },
    #[error("too large: more than {limit} bytes")]
    TooLarge { limit: u64 },
    #[error("too many redirects (more than {0})")]
    TooManyRedirects(usize),
    #[error("unexpected content type {0:?}")]
    ContentType(String),
    /// The server answered, but its body could not be decoded (a broken gzip or
    /// brotli stream): not a network problem, so not "unreachable".
    #[error("undecodable body: {0}")]
    BadBody(String),
}

impl FetchError {
    /// How long the server asked us to wait before asking again, if it did.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            FetchError::Throttled { retry_after, .. } => Some(*retry_after),
            _ => None,
        }
    }

    /// Short machine-readable class for metrics and the paused reason.
    pub fn class(&self) -> &'static str {
        match self {
            FetchError::InvalidUrl(_) => "invalid url",
            FetchError::BlockedAddress { .. } => "blocked address",
            FetchError::Unreachable(_) => "unreachable",
            FetchError::Timeout(_) => "timeout",
            FetchError::HttpStatus(_) | FetchError::Throttled { .. } => "http status",
            FetchError::TooLarge { .. } => "too large",
            FetchError::TooManyRedirects(_) => "too many redirects",
            FetchError::ContentType(_) => "not a feed",
            FetchError::BadBody(_) => "undecodable body",
        }
    }
}

/// What we expect at the URL; decides which content types are acceptable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    Feed,
    Page,
}

/// Validators from the previous fetch, sent back for a conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// The server's caching hints: how long it asks us to wait before polling again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CacheHints {
    pub max_age: Option<Duration>,
    pub expires: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetched {
    NotModified {
        cache: CacheHints,
    },
    Body {
        bytes: Vec<u8>,
        final_url: String,
        validators: Validators,
        cache: CacheHints,
    },
}

/// One shared HTTP client with the guard in its resolver.
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: reqwest::Client,
    cfg: FetchConfig,
    guard: AddressGuard,
}

impl Fetcher {
    pub fn new(cfg: FetchConfig) -> Result<Self, FetchError> {
        let guard = AddressGuard {
            allow_loopback: cfg.allow_loopback,
        };
        let client = reqwest::Client::builder()
            .user_agent(cfg.user_agent.clone())
            // Redirects are followed by hand so each hop passes the guard.
            .redirect(redirect::Policy::none())
            .dns_resolver(GuardedResolver::shared(guard))
            .timeout(cfg.timeout)
            .connect_timeout(cfg.timeout.min(Duration::from_secs(10)))
            .build()
            .map_err(|e| FetchError::Unreachable(format!("cannot build HTTP client: {e}")))?;
        Ok(Fetcher { client, cfg, guard })
    }

    pub fn config(&self) -> &FetchConfig {
        &self.cfg
    }

    /// GETs `url`, following up to `max_redirects` redirects, each checked.
    pub async fn fetch(
        &self,
        url: &str,
        expect: Expect,
        validators: &Validators,
    ) -> Result<Fetched, FetchError> {
        let deadline = self.cfg.timeout;
        match tokio::time::timeout(deadline, self.fetch_inner(url, expect, validators)).await {
            Ok(r) => r,
            Err(_) => Err(FetchError::Timeout(deadline)),
        }
    }

    async fn fetch_inner(
        &self,
        url: &str,
        expect: Expect,
        validators: &Validators,
    ) -> Result<Fetched, FetchError> {
        let mut current = self.check_url(url)?;
        let mut hops = 0;
        loop {
            let mut req = self
                .client
                .get(current.clone())
                .header(header::ACCEPT, accept(expect));
            if let Some(etag) = &validators.etag {
                req = req.header(header::IF_NONE_MATCH, etag);
            }
            if let Some(lm) = &validators.last_modified {
                req = req.header(header::IF_MODIFIED_SINCE, lm);
            }
            let resp = req.send().await.map_err(|e| self.classify(&current, e))?;
            let status = resp.status();
            if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
                hops += 1;
                if hops > self.cfg.max_redirects {
                    return Err(FetchError::TooManyRedirects(self.cfg.max_redirects));
                }
                let location = resp
                    .headers()
                    .get(header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .ok_or_else(|| FetchError::HttpStatus(status.as_u16()))?;
                let next = current
                    .join(location)
                    .map_err(|_| FetchError::InvalidUrl(location.to_string()))?;
                current = self.check_url(next.as_str())?;
                continue;
            }
            let cache = cache_hints(resp.headers());
            if status == StatusCode::NOT_MODIFIED {
                return Ok(Fetched::NotModified { cache });
            }
            if !status.is_success() {
                return Err(http_error(status, resp.headers()));
            }
            check_content_type(resp.headers(), expect)?;
            let limit = self.cfg.max_body_bytes;
            // A declared length over the limit is refused before reading a byte.
            if resp.content_length().is_some_and(|n| n > limit) {
                return Err(FetchError::TooLarge { limit });
            }
            let validators = Validators {
                etag: header_string(resp.headers(), header::ETAG),
                last_modified: header_string(resp.headers(), header::LAST_MODIFIED),
            };
            let final_url = current.to_string();
            let mut bytes = Vec::new();
            let mut stream = resp.bytes_stream();
            while let Some(chunk) = stream.next().await {
                let chunk = chunk.map_err(|e| self.classify(&current, e))?;
                if bytes.len() as u64 + chunk.len() as u64 > limit {
                    return Err(FetchError::TooLarge { limit });
                }
                bytes.extend_from_slice(&chunk);
            }
            return Ok(Fetched::Body {
                bytes,
                final_url,
                validators,
                cache,
            });
        }
    }

    /// Parses the URL and refuses non-http schemes and IP literals the guard
    /// forbids (names are checked by the resolver when connecting).
    fn check_url(&self, raw: &str) -> Result<Url, FetchError> {
        let url = Url::parse(raw.trim()).map_err(|_| FetchError::InvalidUrl(raw.to_string()))?;
        if !matches!(url.scheme(), "http" | "https") {
            return Err(FetchError::InvalidUrl(raw.to_string()));
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(FetchError::InvalidUrl(format!(
                "{raw} (credentials in URLs are not accepted)"
            )));
        }
        let ip = match url.host() {
            Some(url::Host::Ipv4(ip)) => Some(std::net::IpAddr::V4(ip)),
            Some(url::Host::Ipv6(ip)) => Some(std::net::IpAddr::V6(ip)),
            Some(url::Host::Domain(_)) => None,
            None => return Err(FetchError::InvalidUrl(raw.to_string())),
        };
        if let Some(ip) = ip {
            self.guard
                .check(ip)
                .map_err(|f| FetchError::BlockedAddress {
                    host: ip.to_string(),
                    reason: f.as_str().to_string(),
                })?;
        }
        Ok(url)
    }

    fn classify(&self, url: &Url, e: reqwest::Error) -> FetchError {
        let mut source: Option<&dyn std::error::Error> = Some(&e);
        while let Some(s) = source {
            if let Some(b) = s.downcast_ref::<BlockedByGuard>() {
                return FetchError::BlockedAddress {
                    host: b.host.clone(),
                    reason: b.reason.to_string(),
                };
            }
            source = s.source();
        }
        if e.is_timeout() {
            return FetchError::Timeout(self.cfg.timeout);
        }
        if e.is_decode() {
            return FetchError::BadBody(root_cause(&e));
        }
        let host = url.host_str().unwrap_or("?");
        FetchError::Unreachable(format!("{host}: {}", root_cause(&e)))
    }
}

fn root_cause(e: &dyn std::error::Error) -> String {
    let mut last = e.to_string();
    let mut s = e.source();
    while let Some(inner) = s {
        last = inner.to_string();
        s = inner.source();
    }
    last
}

fn accept(expect: Expect) -> &'static str {
    match expect {
        Expect::Feed => {
            "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
        }
        Expect::Page => "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
    }
}

/// Refuses bodies that cannot be what we asked for (an image, a video, a zip), so
/// they are not downloaded. A missing type is given the benefit of the doubt.
fn check_content_type(headers: &HeaderMap, expect: Expect) -> Result<(), FetchError> {
    let Some(ct) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return Ok(());
    };
    let mime = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let ok = match expect {
        Expect::Feed => {
            mime.starts_with("text/")
                || mime.contains("xml")
                || mime.contains("json")
                || mime.contains("rss")
                || mime.contains("atom")
                || mime == "application/octet-stream"
        }
        Expect::Page => mime.starts_with("text/") || mime.contains("html") || mime.contains("xml"),
    };
    if ok {
        Ok(())
    } else {
        Err(FetchError::ContentType(mime))
    }
}

/// Longest `Retry-After` honoured: a server cannot park a feed for longer than
/// the pause rule would.
const RETRY_AFTER_MAX: Duration = Duration::from_secs(24 * 3600);

/// The error for a non-success status; 429 and 503 carry the server's
/// `Retry-After` (seconds or an HTTP date) so the next poll waits that long.
fn http_error(status: StatusCode, headers: &HeaderMap) -> FetchError {
    let code = status.as_u16();
    let retry_after = headers
        .get(header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .and_then(|v| {
            v.parse::<u64>().map(Duration::from_secs).ok().or_else(|| {
                let at = DateTime::parse_from_rfc2822(v).ok()?;
                (at.with_timezone(&Utc) - Utc::now()).to_std().ok()
            })
        });
    match retry_after {
        Some(wait) if matches!(code, 429 | 503) => FetchError::Throttled {
            status: code,
            retry_after: wait.min(RETRY_AFTER_MAX),
        },
        _ => FetchError::HttpStatus(code),
    }
}

fn header_string(headers: &HeaderMap, name: header::HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|v: &HeaderValue| v.to_str().ok())
        .map(str::to_string)
}

fn cache_hints(headers: &HeaderMap) -> CacheHints {
    let max_age = headers
        .get(header::CACHE_CONTROL)
        .and_then(|v| v.to_str().ok())
        .and_then(|cc| {
            cc.split(',').find_map(|d| {
                let d = d.trim();
                d.strip_prefix("max-age=")
                    .or_else(|| d.strip_prefix("s-maxage="))
                    .and_then(|n| n.trim().parse().ok())
            })
        })
        .map(Duration::from_secs);
    let expires = headers
        .get(header::EXPIRES)
        .and_then(|v| v.to_str().ok())
        .and_then(|s| DateTime::parse_from_rfc2822(s).ok())
        .map(|d| d.with_timezone(&Utc));
    CacheHints { max_age, expires }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_hints_read_max_age_and_expires() {
        let mut h = HeaderMap::new();
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=1800"),
        );
        h.insert(
            header::EXPIRES,
            HeaderValue::from_static("Sun, 23 Jan 2022 16:00:00 GMT"),
        );
        let c = cache_hints(&h);
        assert_eq!(c.max_age, Some(Duration::from_secs(1800)));
        assert_eq!(c.expires.unwrap().to_rfc3339(), "2022-01-23T16:00:00+00:00");
    }

    #[test]
    fn retry_after_is_read_from_429_and_503_only() {
        let with = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(header::RETRY_AFTER, HeaderValue::from_str(v).unwrap());
            h
        };
        let wait = |e: FetchError| e.retry_after().map(|d| d.as_secs());
        assert_eq!(
            wait(http_error(StatusCode::TOO_MANY_REQUESTS, &with("3600"))),
            Some(3600)
        );
        assert_eq!(
            wait(http_error(StatusCode::SERVICE_UNAVAILABLE, &with("120"))),
            Some(120)
        );
        let later = (Utc::now() + chrono::TimeDelta::hours(2)).to_rfc2822();
        let w = wait(http_error(StatusCode::TOO_MANY_REQUESTS, &with(&later))).unwrap();
        assert!((7000..=7200).contains(&w), "{w}");
        assert_eq!(
            wait(http_error(StatusCode::TOO_MANY_REQUESTS, &with("9999999"))),
            Some(86_400)
        );
        assert_eq!(
            http_error(StatusCode::NOT_FOUND, &with("60")),
            FetchError::HttpStatus(404)
        );
        assert_eq!(
            http_error(StatusCode::TOO_MANY_REQUESTS, &with("soon")),
            FetchError::HttpStatus(429)
        );
    }

    #[test]
    fn content_types_are_checked_by_expectation() {
        let with = |ct: &'static str| {
            let mut h = HeaderMap::new();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static(ct));
            h
        };
        assert!(
            check_content_type(&with("application/rss+xml; charset=utf-8"), Expect::Feed).is_ok()
        );
        assert!(check_content_type(&with("application/feed+json"), Expect::Feed).is_ok());
        assert!(check_content_type(&with("image/png"), Expect::Feed).is_err());
        assert!(check_content_type(&with("text/html"), Expect::Page).is_ok());
        assert!(check_content_type(&with("application/zip"), Expect::Page).is_err());
        assert!(check_content_type(&HeaderMap::new(), Expect::Feed).is_ok());
    }

    #[tokio::test]
    async fn bad_schemes_and_forbidden_literals_are_refused_before_any_request() {
        let f = Fetcher::new(FetchConfig::default()).unwrap();
        let v = Validators::default();
        assert!(matches!(
            f.fetch("file:///etc/passwd", Expect::Feed, &v).await,
            Err(FetchError::InvalidUrl(_))
        ));
        assert!(matches!(
            f.fetch("http://169.254.169.254/latest", Expect::Feed, &v)
                .await,
            Err(FetchError::BlockedAddress { .. })
        ));
        assert!(matches!(
            f.fetch("http://[::ffff:10.0.0.1]/", Expect::Feed, &v).await,
            Err(FetchError::BlockedAddress { .. })
        ));
        assert!(matches!(
            f.fetch("http://user:pw@example.org/", Expect::Feed, &v)
                .await,
            Err(FetchError::InvalidUrl(_))
        ));
    }
}
