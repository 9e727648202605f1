//! The day an article tells its news on, by its publisher's clock. "Today" in a
//! White House readout released at 21:16 in Washington (01:16 UTC the next day)
//! is the Washington day, not the UTC one; a dateline ("KUALA LUMPUR, May 26
//! (Wire) —") names the day where the story was filed. Every relative date of the
//! article ("today", "on Monday", "yesterday") counts from this day.

use chrono::{Datelike, NaiveDate};

use crate::model::Article;

/// Publishers that date their texts by Washington time: the U.S. government's
/// press offices, by name or by web address.
const WASHINGTON_OUTLETS: &[&str] = &["the white house", "u.s. department of state"];
const WASHINGTON_HOSTS: &[&str] = &[
    "whitehouse.gov",
    "state.gov",
    "bidenwhitehouse.archives.gov",
];

/// The day of the telling: the dateline's day when the text opens with one, else
/// the Washington day for a Washington publisher, else the UTC day.
pub fn day_of_telling(article: &Article) -> NaiveDate {
    let utc = article.published.date_naive();
    if let Some(day) = dateline_day(&article.text, utc) {
        return day;
    }
    if in_washington(article) {
        return article
            .published
            .with_timezone(&chrono_tz::America::New_York)
            .date_naive();
    }
    utc
}

/// "MANILA, July 3 (Wire) —", "WASHINGTON, Sept. 14 —": a city in capitals, a
/// comma, a month and a day at the very start of the text. The year is the one
/// that puts the day nearest the UTC date; a day more than two days away from it
/// is no dateline of this article (a date in a first line that reads otherwise).
fn dateline_day(text: &str, utc: NaiveDate) -> Option<NaiveDate> {
    let head: String = text.trim_start().chars().take(60).collect();
    let (city, rest) = head.split_once(", ")?;
    let city_ok = city.len() >= 3
        && city
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '\''));
    if !city_ok {
        return None;
    }
    let mut words = rest.split_whitespace();
    let month = super::dates::month(words.next()?)?;
    let day: u32 = words
        .next()?
        .trim_end_matches(|c: char| !c.is_ascii_digit())
        .parse()
        .ok()?;
    (utc.year() - 1..=utc.year() + 1)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - utc).num_days().abs())
        .filter(|d| (*d - utc).num_days().abs() <= 2)
}

/// Whether the article comes from a publisher on Washington time, by its outlet
/// or its address, or opens with a Washington dateline.
fn in_washington(article: &Article) -> bool {
    let outlet = article.outlet.to_lowercase();
    let url = url::Url::parse(&article.url).ok();
    let host = url.as_ref().and_then(url::Url::host_str).unwrap_or("");
    WASHINGTON_OUTLETS.contains(&outlet.as_str())
        || WASHINGTON_HOSTS
            .iter()
            .any(|h| host == *h || host.ends_with(&format!(".{h}")))
        || article.text.trim_start().starts_with("WASHINGTON")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, Utc};

    fn article(outlet: &str, url: &str, published: &str, text: &str) -> Article {
        Article {
            id: "a".into(),
            feed: None,
            outlet: outlet.into(),
            url: url.into(),
            title: "T".into(),
            published: DateTime::parse_from_rfc3339(published)
                .map(|d| d.with_timezone(&Utc))
                .unwrap_or_default(),
            text: text.into(),
        }
    }

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    /// Class: a Washington press office's evening release tells of its own day,
    /// the UTC date's eve (standard and summer time alike).
    #[test]
    fn a_washington_release_in_the_evening_is_of_its_own_day() {
        let text = "The adviser hosted the president at the White House today.";
        let a = article(
            "The White House",
            "https://x.test/1",
            "2030-09-16T01:16:00Z",
            text,
        );
        assert_eq!(day_of_telling(&a), day("2030-09-15"));
        let a = article(
            "Wire",
            "https://www.state.gov/x/",
            "2030-01-10T04:30:00Z",
            text,
        );
        assert_eq!(day_of_telling(&a), day("2030-01-09"));
        // In the morning in Washington the day is the same.
        let a = article(
            "The White House",
            "https://x.test/1",
            "2030-09-16T13:00:00Z",
            text,
        );
        assert_eq!(day_of_telling(&a), day("2030-09-16"));
        // Another outlet keeps the UTC day.
        let a = article(
            "Levant Wire",
            "https://x.test/1",
            "2030-09-16T01:16:00Z",
            text,
        );
        assert_eq!(day_of_telling(&a), day("2030-09-16"));
    }

    /// Class: a dateline names the day where the story was filed.
    #[test]
    fn a_dateline_names_the_day() {
        let text = "MANILA, Sept. 17 (Wire) — The ministers met today.";
        let a = article("Wire", "https://x.test/1", "2030-09-16T22:00:00Z", text);
        assert_eq!(day_of_telling(&a), day("2030-09-17"));
        let a = article(
            "Wire",
            "https://x.test/1",
            "2030-12-31T23:00:00Z",
            "OSLO, Jan 1 — Talks.",
        );
        assert_eq!(day_of_telling(&a), day("2031-01-01"));
        // A first line that names another day is no dateline.
        let a = article(
            "Wire",
            "https://x.test/1",
            "2030-09-16T10:00:00Z",
            "LIMA, May 3 — x",
        );
        assert_eq!(day_of_telling(&a), day("2030-09-16"));
        let a = article(
            "Wire",
            "https://x.test/1",
            "2030-09-16T10:00:00Z",
            "Lima, Sept. 17 — x",
        );
        assert_eq!(day_of_telling(&a), day("2030-09-16"));
    }
}
