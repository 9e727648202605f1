//! Dates as news copy writes them, resolved against the publication date: "on
//! Friday" is the last Friday for something done and the next one for something
//! planned; "next Tuesday" is always ahead; "February 17" takes the year that keeps
//! it on the right side of publication.

use chrono::{Datelike, Days, NaiveDate, Weekday};

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

// The names below are ASCII, and no other character lower-cases to an ASCII letter
// they contain, so comparing without regard to ASCII case needs no lower-cased copy
// of every word.

pub(super) fn month(word: &str) -> Option<u32> {
    // Most words are no month: their first letter or length says so before the
    // 24 comparisons (this runs on every word of every sentence).
    let first = word.as_bytes().first()?.to_ascii_lowercase();
    if !(3..=10).contains(&word.len()) || !b"jfmasond".contains(&first) {
        return None;
    }
    let w = word.trim_end_matches('.');
    MONTHS
        .iter()
        .find(|(m, _)| m.eq_ignore_ascii_case(w))
        .map(|(_, n)| *n)
}

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

/// Whether `word` names a weekday ("Tuesday", "Tuesday's").
pub(super) fn weekday_name(word: &str) -> bool {
    weekday(word).is_some()
}

/// A weekday's name, also as a possessive ("Thursday's talks" were on Thursday).
fn weekday(word: &str) -> Option<Weekday> {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    WEEKDAYS
        .iter()
        .find(|(d, _)| d.eq_ignore_ascii_case(word))
        .map(|(_, d)| *d)
}

fn day(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(|c: char| c.is_alphabetic());
    let first = w.split(['-', '–']).next()?;
    first.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year(word: &str) -> Option<i32> {
    (word.len() == 4)
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1900..=2100).contains(y))
}

/// The same weekday on or before `from` (past) or on or after it (future).
fn nearest(from: NaiveDate, wd: Weekday, future: bool, strictly: bool) -> NaiveDate {
    let cur = from.weekday().num_days_from_monday() as i64;
    let want = wd.num_days_from_monday() as i64;
    let mut diff = if future {
        (want - cur).rem_euclid(7)
    } else {
        -((cur - want).rem_euclid(7))
    };
    if strictly && diff == 0 {
        diff = if future { 7 } else { -7 };
    }
    if diff >= 0 {
        from.checked_add_days(Days::new(diff as u64))
            .unwrap_or(from)
    } else {
        from.checked_sub_days(Days::new((-diff) as u64))
            .unwrap_or(from)
    }
}

fn with_year(
    m: u32,
    d: u32,
    y: Option<i32>,
    published: NaiveDate,
    future: bool,
) -> Option<NaiveDate> {
    if let Some(y) = y {
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    let this = NaiveDate::from_ymd_opt(published.year(), m, d)?;
    // A past event dated after publication was last year; a future one dated well
    // before publication is next year.
    if !future && this > published + Days::new(1) {
        NaiveDate::from_ymd_opt(published.year() - 1, m, d)
    } else if future && this + Days::new(60) < published {
        NaiveDate::from_ymd_opt(published.year() + 1, m, d)
    } else {
        Some(this)
    }
}

/// The first date expressed in `words` (the words of a clause, punctuation
/// included), with the index of the word it starts at.
pub fn find(words: &[&str], published: NaiveDate, future: bool) -> Option<(NaiveDate, usize)> {
    let mut possessive = None;
    for (i, w) in words.iter().enumerate() {
        let prev = if i > 0 { words[i - 1] } else { "" };
        let is = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
        if is(w, "today") || is(w, "tonight") {
            return Some((published, i));
        }
        if is(w, "yesterday") {
            return published.checked_sub_days(Days::new(1)).map(|d| (d, i));
        }
        if let Some((back, at)) = part_of_day(words, i) {
            return published.checked_sub_days(Days::new(back)).map(|d| (d, at));
        }
        // "over the weekend", "at the weekend", "this weekend": dated by its
        // Saturday, as a meeting over several days is by its first.
        if is(w, "weekend") && ["the", "this", "last", "next"].iter().any(|p| is(prev, p)) {
            let strictly = is(prev, "next") || is(prev, "last");
            let future = if strictly { is(prev, "next") } else { future };
            return Some((nearest(published, Weekday::Sat, future, strictly), i));
        }
        if is(w, "tomorrow") {
            return published.checked_add_days(Days::new(1)).map(|d| (d, i));
        }
        if let Some(wd) = weekday(w) {
            // "Following Tuesday's adoption …, X spoke by phone this morning": a
            // possessive day qualifies a noun, which may be another event than
            // the clause's; any other date of the clause comes first.
            if w.ends_with("'s") || w.ends_with("’s") {
                possessive.get_or_insert((nearest(published, wd, future, false), i));
                continue;
            }
            let d = if is(prev, "next") {
                nearest(published, wd, true, true)
            } else if is(prev, "last") {
                nearest(published, wd, false, true)
            } else {
                nearest(published, wd, future, false)
            };
            return Some((d, i));
        }
        if let Some(m) = month(w) {
            // "May" is also a verb: only with a day next to it.
            let next = words.get(i + 1).copied().unwrap_or("");
            let yr_after = |k: usize| words.get(k).and_then(|w| year(w));
            if let Some(d) = day(next)
                && !names_a_document(words, i, i + 2)
            {
                let y = if words.get(i + 2) == Some(&",") {
                    yr_after(i + 3)
                } else {
                    yr_after(i + 2)
                };
                return with_year(m, d, y, published, future).map(|x| (x, i));
            }
            if i > 0
                && let Some(d) = day(prev)
            {
                // "on 2 and 3 September", "from 2 to 4 September": the first day.
                let joint = i.checked_sub(2).map(|k| words[k]);
                let (d, at) = match (i.checked_sub(3), joint) {
                    (Some(f), Some("and" | "to" | "-" | "–" | "&")) => {
                        day(words[f]).map_or((d, i - 1), |first| (first, f))
                    }
                    _ => (d, i - 1),
                };
                return with_year(m, d, yr_after(i + 1), published, future).map(|x| (x, at));
            }
        }
        if is(w, "ago")
            && let Some(d) = ago(&words[..i], published)
        {
            return Some((d, i));
        }
    }
    possessive
}

/// Things a date before them names rather than dates an event of the clause.
const DOCUMENTS: &[&str] = &[
    "agreement",
    "accord",
    "accords",
    "deal",
    "ceasefire",
    "truce",
    "declaration",
    "resolution",
    "election",
    "elections",
    "vote",
    "attack",
    "attacks",
    "law",
    "decree",
    "memorandum",
    "communique",
    "treaty",
    "protocol",
    "plan",
    "framework",
    "roadmap",
];

/// "the June 27 peace agreement between A and B held its first meeting on
/// August 7": a date between "the" and the name of a document it is part of
/// names the document; the meeting's day is another.
fn names_a_document(words: &[&str], start: usize, end: usize) -> bool {
    let the = start > 0 && words[start - 1].eq_ignore_ascii_case("the");
    the && words[end..]
        .iter()
        .take(3)
        .take_while(|w| w.chars().all(|c| c.is_lowercase() || c == '-'))
        .any(|w| DOCUMENTS.contains(w))
}

/// A part of the day the article was written on, told from it: "this morning",
/// "this evening", "earlier in the day", "during the day" (the day itself),
/// "last night" (the evening before). Returns how many days back, and where the
/// phrase starts. "The day of the vote" or "the day before" is another day.
fn part_of_day(words: &[&str], i: usize) -> Option<(u64, usize)> {
    let is = |k: usize, w: &str| words.get(k).is_some_and(|x| x.eq_ignore_ascii_case(w));
    let before = |n: usize, w: &str| i.checked_sub(n).is_some_and(|k| is(k, w));
    let word = words[i];
    if ["morning", "afternoon", "evening"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
        && before(1, "this")
    {
        return Some((0, i - 1));
    }
    if (word.eq_ignore_ascii_case("night") || word.eq_ignore_ascii_case("evening"))
        && before(1, "last")
    {
        return Some((1, i - 1));
    }
    if !word.eq_ignore_ascii_case("day") || !before(1, "the") {
        return None;
    }
    if ["of", "before", "after", "that"]
        .iter()
        .any(|w| is(i + 1, w))
    {
        return None;
    }
    if (before(3, "earlier") || before(3, "later")) && before(2, "in") {
        Some((0, i - 3))
    } else if before(2, "during") {
        Some((0, i - 2))
    } else {
        None
    }
}

/// "two days ago", "a week ago": the day that many days or weeks before the
/// article, from the words before "ago".
fn ago(before: &[&str], published: NaiveDate) -> Option<NaiveDate> {
    let [.., n, unit] = before else { return None };
    let n = count(&n.to_ascii_lowercase())?;
    let days = match unit.to_ascii_lowercase().trim_end_matches('s') {
        "day" => n,
        "week" => 7 * n,
        _ => return None,
    };
    published.checked_sub_days(Days::new(days))
}

/// Whether `words` date something before the article by their own wording: a
/// day that stays in the past even read forward ("on 3 May 2022", "yesterday"),
/// a month of an earlier year or an earlier month of this one with its year ("in
/// November 2022"), or a past year ("in 2019"). A meeting so dated has been held,
/// whatever its cue ("the President's visit to Manila in November 2022").
pub fn told_as_past(words: &[&str], published: NaiveDate) -> bool {
    if find(words, published, true).is_some_and(|(d, _)| d < published) {
        return true;
    }
    words.iter().enumerate().any(|(i, w)| {
        let Some(y) = year(w) else { return false };
        let prev = if i > 0 { words[i - 1] } else { "" };
        match full_month(prev).or_else(|| (prev == "May").then_some(5)) {
            Some(m) => (y, m) < (published.year(), published.month()),
            None => prev.eq_ignore_ascii_case("in") && y < published.year(),
        }
    })
}

/// Whether `words` open with a date ("on Friday", "in May 2031" after the
/// preposition). A date found by `find` starts at most one word before the word
/// that names it and reads at most three words after it, so five words decide.
pub fn starts(words: &[&str], published: NaiveDate, future: bool) -> bool {
    find(&words[..words.len().min(5)], published, future).is_some_and(|(_, at)| at == 0)
}

/// The last day of the month `words` name after "end of" ("by the end of May",
/// "before the end of the month"), or right after "by" or "until" ("by June": the
/// whole month is the time given), for deadlines.
pub fn end_of(words: &[&str], published: NaiveDate) -> Option<NaiveDate> {
    // After "by", a capitalised "May" is the month: no verb follows a preposition.
    let by_month = (words.len() >= 2
        && (words[0].eq_ignore_ascii_case("by") || words[0].eq_ignore_ascii_case("until"))
        && !words
            .get(2)
            .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit())))
    .then(|| full_month(words[1]).or_else(|| (words[1] == "May").then_some(5)))
    .flatten();
    if let Some(m) = by_month {
        return last_day(ahead(m, published), m);
    }
    let pos = words
        .windows(2)
        .position(|w| w[0].eq_ignore_ascii_case("end") && w[1] == "of")?;
    let rest = &words[pos + 2..];
    let (y, m) = rest.iter().take(3).find_map(|w| {
        if w.eq_ignore_ascii_case("month") {
            Some((published.year(), published.month()))
        } else if w.eq_ignore_ascii_case("year") {
            Some((published.year(), 12))
        } else {
            full_month(w).map(|m| (ahead(m, published), m))
        }
    })?;
    last_day(y, m)
}

/// The day a deadline "by" or "until" a part of a month or year names: "by
/// mid-May" (the 15th), "by early June" (the 10th), "by late July" (its last day),
/// "by mid-2026" (30 June). A month without a year is the next one from the
/// publication date.
pub fn part_of_month(words: &[&str], published: NaiveDate) -> Option<NaiveDate> {
    if !matches!(words.first()?.to_ascii_lowercase().as_str(), "by" | "until") {
        return None;
    }
    let (part, rest) = match words.get(1)?.split_once('-') {
        Some((p, r)) if !r.is_empty() => (p.to_ascii_lowercase(), vec![r]),
        _ => (words.get(1)?.to_ascii_lowercase(), words[2..].to_vec()),
    };
    let day = match part.as_str() {
        "early" => 10,
        "mid" => 15,
        "late" => 31,
        _ => return None,
    };
    let what = *rest.first()?;
    if let Ok(y) = what.parse::<i32>() {
        return (what.len() == 4 && y >= published.year())
            .then(|| NaiveDate::from_ymd_opt(y, 6, 30))
            .flatten();
    }
    let m = full_month(what).or_else(|| (what == "May").then_some(5))?;
    let y = rest
        .get(1)
        .and_then(|w| (w.len() == 4).then(|| w.parse::<i32>().ok()).flatten())
        .unwrap_or_else(|| ahead(m, published));
    last_day(y, m).map(|last| NaiveDate::from_ymd_opt(y, m, day.min(last.day())).unwrap_or(last))
}

/// The last day of a span counted from the publication date, for deadlines told
/// relative to the article: "within 30 days", "within a week", "within two
/// months", "this week" (to its Sunday), "next week", "this month", "next month",
/// "this year". A brief marks the item overdue after that day.
pub fn span_end(words: &[&str], published: NaiveDate) -> Option<NaiveDate> {
    let key = |k: usize| words.get(k).map(|w| w.to_ascii_lowercase());
    let first = key(0)?;
    if first == "within" {
        let n = count(&key(1)?)?;
        return match key(2)?.trim_end_matches('s') {
            "day" => published.checked_add_days(Days::new(n)),
            "week" => published.checked_add_days(Days::new(7 * n)),
            "month" => published.checked_add_months(chrono::Months::new(u32::try_from(n).ok()?)),
            _ => None,
        };
    }
    let ahead = match first.as_str() {
        "this" => 0,
        "next" => 1,
        _ => return None,
    };
    let sunday = published.checked_add_days(Days::new(u64::from(
        6 - published.weekday().num_days_from_monday(),
    )))?;
    match key(1)?.as_str() {
        "week" => sunday.checked_add_days(Days::new(7 * ahead)),
        "month" => {
            let m =
                published.checked_add_months(chrono::Months::new(u32::try_from(ahead).ok()?))?;
            last_day(m.year(), m.month())
        }
        "year" if ahead == 0 => NaiveDate::from_ymd_opt(published.year(), 12, 31),
        _ => None,
    }
}

/// Whether a due phrase is a span counted from the article ("within a week").
pub fn counted_span(text: &str) -> bool {
    let words: Vec<&str> = text.split(' ').collect();
    span_end(&words, NaiveDate::default()).is_some()
}

/// A count written in figures or as a word ("30", "a", "two").
fn count(w: &str) -> Option<u64> {
    if let Ok(n) = w.parse::<u64>() {
        return (n > 0 && n <= 3660).then_some(n);
    }
    let words = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    match w {
        "a" | "an" => Some(1),
        _ => words.iter().position(|x| *x == w).map(|i| i as u64 + 1),
    }
}

/// Whether `words` time something by a month or a year and no closer ("in May",
/// "in January 2029", "in 2028", "last March"): what `find` leaves undated.
pub fn names_a_period(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(i, w)| {
        let prev = if i > 0 { words[i - 1] } else { "" };
        let period_word = ["in", "since", "until", "last", "early", "late", "mid"]
            .iter()
            .any(|p| prev.eq_ignore_ascii_case(p));
        let capital = w.starts_with(|c: char| c.is_uppercase());
        (capital && full_month(w).is_some())
            || (*w == "May" && period_word)
            || (year(w).is_some() && period_word)
    })
}

/// A month's name, not a three-letter word that may be another ("may", "mar").
/// The last day of the period "in April", "in late April 2026" or "in 2026"
/// names, for a due phrase: an action due in a month is due by its end. A month
/// without a year is the next one from the publication date; "May" in capitals
/// after "in" is the month.
pub fn in_period(words: &[&str], published: NaiveDate) -> Option<NaiveDate> {
    if !words.first()?.eq_ignore_ascii_case("in") {
        return None;
    }
    let mut k = 1;
    if words
        .get(k)
        .is_some_and(|w| matches!(w.to_lowercase().as_str(), "early" | "mid" | "mid-" | "late"))
    {
        k += 1;
    }
    let year_at = |j: usize| {
        words.get(j).and_then(|w| {
            (w.len() == 4 && w.starts_with("20"))
                .then(|| w.parse::<i32>().ok())
                .flatten()
        })
    };
    let w = words.get(k)?;
    if let Some(m) = full_month(w).or_else(|| (*w == "May").then_some(5)) {
        let y = year_at(k + 1).unwrap_or_else(|| ahead(m, published));
        return last_day(y, m);
    }
    let y = year_at(k)?;
    (y >= published.year())
        .then(|| NaiveDate::from_ymd_opt(y, 12, 31))
        .flatten()
}

fn full_month(w: &str) -> Option<u32> {
    month(w).filter(|_| w.len() > 3 || w.ends_with('.'))
}

/// The year of the next month `m` from the publication date (this one included).
fn ahead(m: u32, published: NaiveDate) -> i32 {
    if m < published.month() {
        published.year() + 1
    } else {
        published.year()
    }
}

fn last_day(y: i32, m: u32) -> Option<NaiveDate> {
    let first_next = if m == 12 {
        NaiveDate::from_ymd_opt(y + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(y, m + 1, 1)
    }?;
    first_next.pred_opt()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Class: a deadline by a part of a month or a year ("by mid-May", "by early
    /// June", "until late July", "by mid-2026").
    #[test]
    fn a_part_of_a_month_is_a_deadline_day() {
        let published = NaiveDate::from_ymd_opt(2030, 6, 12).unwrap_or_default();
        let day = |text: &str| {
            let words: Vec<&str> = text.split(' ').collect();
            part_of_month(&words, published)
        };
        assert_eq!(day("by mid-July"), NaiveDate::from_ymd_opt(2030, 7, 15));
        assert_eq!(day("by early May"), NaiveDate::from_ymd_opt(2031, 5, 10));
        assert_eq!(day("until late June"), NaiveDate::from_ymd_opt(2030, 6, 30));
        assert_eq!(day("by mid-2031"), NaiveDate::from_ymd_opt(2031, 6, 30));
        assert_eq!(
            day("by late September 2031"),
            NaiveDate::from_ymd_opt(2031, 9, 30)
        );
        assert_eq!(day("by midnight"), None);
        assert_eq!(day("by late"), None);
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    // 2030-06-12 is a Wednesday.
    const PUB: &str = "2030-06-12";

    fn find_in(s: &str, future: bool) -> Option<NaiveDate> {
        let words: Vec<&str> = s.split(' ').collect();
        find(&words, d(PUB), future).map(|x| x.0)
    }

    /// Class: a weekend ("over the weekend", "at the weekend", "this weekend")
    /// dates its event by its Saturday, the last one for a past event and the
    /// next for a plan. Publication: Wednesday 2030-06-12.
    #[test]
    fn a_weekend_is_dated_by_its_saturday() {
        assert_eq!(
            find_in("met over the weekend", false),
            Some(d("2030-06-08"))
        );
        assert_eq!(
            find_in("will meet this weekend", true),
            Some(d("2030-06-15"))
        );
        assert_eq!(find_in("met last weekend", false), Some(d("2030-06-08")));
        assert_eq!(find_in("weekend talks", false), None);
    }

    /// Class: a weekday as a possessive names the day of the event it qualifies
    /// ("Thursday's talks", "Monday’s meeting"), in the direction the tense gives.
    #[test]
    fn a_weekday_s_event_is_on_that_weekday() {
        assert_eq!(
            find_in("Monday's talks ended", false),
            Some(d("2030-06-10"))
        );
        assert_eq!(
            find_in("Friday’s meeting will", true),
            Some(d("2030-06-14"))
        );
    }

    #[test]
    fn weekdays_look_back_for_past_events_and_ahead_for_plans() {
        assert_eq!(find_in("they met on Monday", false), Some(d("2030-06-10")));
        assert_eq!(
            find_in("they will meet on Monday", true),
            Some(d("2030-06-17"))
        );
        assert_eq!(find_in("talks ended on Wednesday", false), Some(d(PUB)));
        assert_eq!(
            find_in("a session next Wednesday", true),
            Some(d("2030-06-19"))
        );
    }

    /// Class: a date whose own words put it before the article (a year, a month
    /// with its year, a day that stays past read forward); a bare month or weekday
    /// may lie ahead.
    #[test]
    fn a_date_told_in_the_past_is_past_whatever_the_cue() {
        let past = |s: &str| told_as_past(&s.split(' ').collect::<Vec<_>>(), d(PUB));
        assert!(past("her visit to Lima in November 2029"));
        assert!(past("a summit in 2028"));
        assert!(past("a visit on May 3 , 2030"));
        assert!(past("a visit last Monday"));
        assert!(!past("a visit in November"));
        assert!(!past("a visit in May 2031"));
        assert!(!past("a visit on Monday"));
        assert!(!past("a visit in June 2030"));
    }

    /// Class: a span of days is dated by its first ("on 2 and 3 June", "from 9 to
    /// 11 June"), and "N days ago" or "a week ago" counts back from the article.
    #[test]
    fn spans_of_days_date_by_their_first_and_ago_counts_back() {
        assert_eq!(
            find_in("they met on 2 and 3 June", false),
            Some(d("2030-06-02"))
        );
        assert_eq!(
            find_in("talks from 9 to 11 June", false),
            Some(d("2030-06-09"))
        );
        assert_eq!(find_in("they met on 3 June", false), Some(d("2030-06-03")));
        assert_eq!(
            find_in("they met two days ago", false),
            Some(d("2030-06-10"))
        );
        assert_eq!(find_in("they met a week ago", false), Some(d("2030-06-05")));
        assert_eq!(find_in("they met long ago", false), None);
    }

    /// "by June" gives the whole month; "by June 3" is a day.
    #[test]
    fn a_date_that_names_a_document_dates_nothing_else() {
        assert_eq!(
            find_in(
                "set up under the June 27 peace agreement held its first meeting on August 7",
                false
            ),
            Some(d("2029-08-07"))
        );
        assert_eq!(
            find_in("the May 3 meeting in Lima", false),
            Some(d("2030-05-03"))
        );
    }

    #[test]
    fn parts_of_the_day_of_writing_date_to_it() {
        let pubday = Some(d(PUB));
        assert_eq!(find_in("she spoke this morning with him", false), pubday);
        assert_eq!(find_in("they met this evening", false), pubday);
        assert_eq!(
            find_in("he had spoken earlier in the day with", false),
            pubday
        );
        assert_eq!(
            find_in("met each leader separately during the day .", false),
            pubday
        );
        assert_eq!(
            find_in("he spoke by phone last night with", false),
            Some(d("2030-06-11"))
        );
        assert_eq!(find_in("during the day of the vote", false), None);
        assert_eq!(find_in("the morning session", false), None);
    }

    #[test]
    fn a_month_after_by_is_its_last_day() {
        let e = |s: &str| end_of(&s.split(' ').collect::<Vec<_>>(), d(PUB));
        assert_eq!(e("by June"), Some(d("2030-06-30")));
        assert_eq!(e("until February"), Some(d("2031-02-28")));
        assert_eq!(e("by the end of March"), Some(d("2031-03-31")));
        assert_eq!(e("by May"), Some(d("2031-05-31")));
        assert_eq!(e("by June 3"), None);
        assert_eq!(e("by Hamas"), None);
    }

    #[test]
    fn month_and_day_take_the_sensible_year() {
        assert_eq!(find_in("met on March 3", false), Some(d("2030-03-03")));
        assert_eq!(find_in("met on December 3", false), Some(d("2029-12-03")));
        assert_eq!(
            find_in("signed on 4 May 2021 in", false),
            Some(d("2021-05-04"))
        );
        assert_eq!(
            find_in("met on Dec. 1 , 2028 ,", false),
            Some(d("2028-12-01"))
        );
        assert_eq!(find_in("leaders may meet", true), None);
    }

    #[test]
    fn end_of_gives_the_last_day() {
        let w = ["by", "the", "end", "of", "the", "month"];
        assert_eq!(end_of(&w, d(PUB)), Some(d("2030-06-30")));
        let w = ["by", "the", "end", "of", "September"];
        assert_eq!(end_of(&w, d(PUB)), Some(d("2030-09-30")));
    }
    #[test]
    fn spans_counted_from_publication_end_on_their_last_day() {
        // Published on Friday 2024-05-10.
        let p = d("2024-05-10");
        let end = |s: &str| span_end(&s.split(' ').collect::<Vec<_>>(), p);
        assert_eq!(end("within 30 days"), Some(d("2024-06-09")));
        assert_eq!(end("within a week"), Some(d("2024-05-17")));
        assert_eq!(end("within two months"), Some(d("2024-07-10")));
        assert_eq!(end("this week"), Some(d("2024-05-12")));
        assert_eq!(end("next week"), Some(d("2024-05-19")));
        assert_eq!(end("next month"), Some(d("2024-06-30")));
        assert_eq!(end("this year"), Some(d("2024-12-31")));
        assert_eq!(end("within reach"), None);
        assert_eq!(end("next round"), None);
    }
}
