//! The evaluation format of `../shared/eval/FORMAT.md`: article and story files in,
//! one prediction per article (and the brief state per story) out, as JSON lines.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use crate::developments::{self, ArticleRef, PendingState, Reported};
use crate::extract::Extractor;
use crate::model::{Article, ArticleId, Extraction, Speech};

/// Reads every article and story under `paths` and writes one JSON line per
/// article, then one per story with the brief state after its last article. A
/// file that cannot be read is skipped whole (a story's lines are written only
/// when all its articles read) and the run goes on; the skipped files are then
/// the error, one line each, so one bad file no longer hides every later one.
pub fn run(
    paths: &[PathBuf],
    extractor: &dyn Extractor,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for p in paths {
        if let Err(e) = collect(p, &mut files) {
            skipped.push(format!("{e:#}"));
        }
    }
    for f in &files {
        match predict_file(f, extractor) {
            Ok(lines) => out.write_all(&lines)?,
            Err(e) => skipped.push(format!("{e:#}")),
        }
    }
    if skipped.is_empty() {
        return Ok(());
    }
    bail!(
        "{} of {} file(s) skipped:\n  {}",
        skipped.len(),
        files.len().max(skipped.len()),
        skipped.join("\n  ")
    )
}

/// What `extractor` reads in `article` of file `f`; a panic inside it is an
/// error naming the article, so the run goes on with the other files.
fn read(extractor: &dyn Extractor, article: &Article, f: &Path) -> anyhow::Result<Extraction> {
    crate::extract::extract_guarded(extractor, article).with_context(|| {
        format!(
            "{}: the extractor failed on article {}",
            f.display(),
            article.id
        )
    })
}

/// The JSON lines of one article or story file.
fn predict_file(f: &Path, extractor: &dyn Extractor) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    let raw = std::fs::read_to_string(f).with_context(|| format!("cannot read {}", f.display()))?;
    let (raw, lines) = lone_surrogates_replaced(&raw);
    for line in lines {
        // stdout carries the JSON lines; the warning goes beside them.
        eprintln!(
            "readout extract: warning: {}:{line}: the text holds an unpaired UTF-16 surrogate escape (\\uD800-\\uDFFF); read as U+FFFD",
            f.display()
        );
    }
    let v: Value =
        serde_json::from_str(&raw).with_context(|| format!("{} is not valid JSON", f.display()))?;
    if let Some(list) = v.get("articles") {
        let list = list
            .as_array()
            .with_context(|| format!("{}: \"articles\" is not a list", f.display()))?;
        let mut story = Vec::new();
        for (n, a) in list.iter().enumerate() {
            let article = article(a).with_context(|| format!("{}: article {n}", f.display()))?;
            let x = read(extractor, &article, f)?;
            writeln!(out, "{}", prediction(&article, &x))?;
            story.push((article, x));
        }
        let id = v
            .get("id")
            .and_then(Value::as_str)
            .with_context(|| format!("{}: story without an id", f.display()))?;
        writeln!(out, "{}", story_brief(id, &story))?;
    } else {
        let article = article(&v).with_context(|| format!("{}", f.display()))?;
        let x = read(extractor, &article, f)?;
        writeln!(out, "{}", prediction(&article, &x))?;
    }
    Ok(out)
}

/// `raw` with every unpaired surrogate escape (`\ud800` without a low surrogate
/// after it, or a low one alone) replaced by `\ufffd`, and the lines where that
/// happened. serde_json refuses such a string ("unexpected end of hex escape"),
/// which names neither the file's problem nor a way on; a scraped article with
/// one broken character is still worth reading. Escaped backslashes (`\\u...`)
/// are left alone.
fn lone_surrogates_replaced(raw: &str) -> (std::borrow::Cow<'_, str>, Vec<usize>) {
    let b = raw.as_bytes();
    let unit = |i: usize| -> Option<u16> {
        let hex = raw.get(i + 2..i + 6)?;
        (b.get(i + 1) == Some(&b'u')).then_some(())?;
        u16::from_str_radix(hex, 16).ok()
    };
    let (mut out, mut lines, mut last, mut i, mut line) = (String::new(), Vec::new(), 0, 0, 1);
    while i < b.len() {
        if b[i] != b'\\' {
            line += usize::from(b[i] == b'\n');
            i += 1;
            continue;
        }
        let Some(u) = unit(i).filter(|u| (0xD800..=0xDFFF).contains(u)) else {
            i += 2; // any other escape, `\\` included
            continue;
        };
        let paired = u < 0xDC00
            && b.get(i + 6) == Some(&b'\\')
            && unit(i + 6).is_some_and(|l| (0xDC00..=0xDFFF).contains(&l));
        if paired {
            i += 12;
            continue;
        }
        out.push_str(&raw[last..i]);
        out.push_str("\\ufffd");
        lines.push(line);
        i += 6;
        last = i;
    }
    if lines.is_empty() {
        return (std::borrow::Cow::Borrowed(raw), lines);
    }
    out.push_str(&raw[last..]);
    lines.dedup();
    (std::borrow::Cow::Owned(out), lines)
}

/// Every `*.json` below `p` (or `p` itself), sorted.
pub fn collect(p: &Path, files: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    if p.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(p)
            .with_context(|| format!("cannot list {}", p.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            if e.is_dir() {
                collect(&e, files)?;
            } else if e.extension().is_some_and(|x| x == "json") {
                files.push(e);
            }
        }
        Ok(())
    } else if p.exists() {
        files.push(p.to_path_buf());
        Ok(())
    } else {
        bail!("{} does not exist", p.display())
    }
}

/// An article of the evaluation format (its gold, if any, is not read here).
pub fn article(v: &Value) -> anyhow::Result<Article> {
    let s = |k: &str| v.get(k).and_then(Value::as_str);
    // A field that is there but not a string is named as such, not as missing.
    let required = |k: &str| match v.get(k) {
        None | Some(Value::Null) => bail!("missing \"{k}\""),
        Some(Value::String(s)) => Ok(s.as_str()),
        Some(other) => bail!("\"{k}\" is not a string: {other}"),
    };
    let id = required("id")?.to_string();
    let published = required("published")?;
    let published: DateTime<Utc> = DateTime::parse_from_rfc3339(published)
        .with_context(|| format!("\"published\" is not an RFC 3339 time: {published:?}"))?
        .with_timezone(&Utc);
    Ok(Article {
        id,
        feed: None,
        outlet: s("outlet").unwrap_or("unknown").to_string(),
        url: s("url").unwrap_or_default().to_string(),
        title: s("title").unwrap_or_default().to_string(),
        published,
        text: required("text")?.to_string(),
    })
}

/// One article's extraction in the output format of FORMAT.md.
pub fn prediction(a: &Article, x: &Extraction) -> Value {
    json!({
        "id": a.id,
        "meetings": x.meetings.iter().map(|m| json!({
            "participants": m.participants,
            "status": m.status.as_str(),
            "date": m.date.map(|d| d.to_string()),
            "place": m.place,
            "kind": m.kind.as_str(),
            "evidence": m.evidence.sentence,
        })).collect::<Vec<_>>(),
        "statements": x.statements.iter().map(|s| json!({
            "speaker": s.speaker,
            "quote": s.quote,
            "direct": s.speech == Speech::Direct,
            "audience": s.audience,
            "evidence": s.evidence.sentence,
        })).collect::<Vec<_>>(),
        "pending": x.pending.iter().map(|p| json!({
            "what": p.what,
            "actors": p.actors,
            "due": p.due.as_ref().map(|d| d.text.clone()),
            "evidence": p.evidence.sentence,
        })).collect::<Vec<_>>(),
    })
}

fn reference(n: usize, a: &Article) -> ArticleRef {
    ArticleRef {
        id: ArticleId(n as i64),
        url: a.url.clone(),
        outlet: a.outlet.clone(),
        title: a.title.clone(),
        published: a.published,
    }
}

/// The brief state of a story after its last article (also what the
/// cross-validation of `examples/train` writes for each story).
pub fn story_brief(id: &str, story: &[(Article, Extraction)]) -> Value {
    let mut meetings = Vec::new();
    let mut pending = Vec::new();
    let mut outcomes = Vec::new();
    for (n, (a, x)) in story.iter().enumerate() {
        let r = reference(n, a);
        meetings.extend(x.meetings.iter().map(|m| Reported {
            item: m.clone(),
            article: r.clone(),
        }));
        pending.extend(x.pending.iter().map(|p| Reported {
            item: p.clone(),
            article: r.clone(),
        }));
        outcomes.extend(x.outcomes.iter().map(|o| Reported {
            item: o.clone(),
            article: r.clone(),
        }));
    }
    let today = story
        .iter()
        .map(|(a, _)| a.published.date_naive())
        .max()
        .unwrap_or_default();
    let merged = developments::merge_meetings(meetings);
    let latest = crate::ranking::latest_held(&merged).map(|d| {
        json!({"participants": d.item.participants, "date": d.item.date.map(|x| x.to_string())})
    });
    let tracked = developments::track_pending(pending, &outcomes, today);
    let entry = |p: &developments::PendingDevelopment| {
        let first = p
            .development
            .reports
            .last()
            .map(|r| r.evidence.sentence.clone())
            .unwrap_or_default();
        json!({"what": p.development.item.what, "evidence": first})
    };
    let open: Vec<Value> = tracked
        .iter()
        .filter(|p| matches!(p.state, PendingState::Open | PendingState::Overdue))
        .map(entry)
        .collect();
    let resolved: Vec<Value> = tracked
        .iter()
        .filter(|p| {
            matches!(
                p.state,
                PendingState::Done { .. } | PendingState::Abandoned { .. }
            )
        })
        .map(entry)
        .collect();
    json!({"id": id, "latest_meeting": latest, "open_pending": open, "resolved_pending": resolved})
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::RuleExtractor;

    fn run_on(files: &[(&str, &str)]) -> anyhow::Result<String> {
        let dir = tempfile::tempdir()?;
        for (name, body) in files {
            std::fs::write(dir.path().join(name), body)?;
        }
        let mut out = Vec::new();
        run(&[dir.path().to_path_buf()], &RuleExtractor::new(), &mut out)?;
        Ok(String::from_utf8(out)?)
    }

    #[test]
    fn one_line_per_article_and_per_story() -> anyhow::Result<()> {
        let a = r#"{"id":"a1","published":"2030-06-12T10:00:00Z","text":"Ola Brek met Tam Ruen on Monday."}"#;
        let s = r#"{"id":"s1","articles":[
            {"id":"s1-1","published":"2030-06-01T10:00:00Z","text":"Ola Brek met Tam Ruen on Monday. Ruritania will send its reply next week."},
            {"id":"s1-2","published":"2030-06-09T10:00:00Z","text":"Ruritania sent its reply on Friday."}]}"#;
        let out = run_on(&[("a.json", a), ("b.json", s)])?;
        let lines: Vec<Value> = out
            .lines()
            .map(serde_json::from_str)
            .collect::<Result<_, _>>()?;
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0]["id"], "a1");
        assert_eq!(lines[0]["meetings"][0]["date"], "2030-06-10");
        assert_eq!(lines[3]["id"], "s1");
        assert_eq!(lines[3]["latest_meeting"]["date"], "2030-05-27");
        assert_eq!(
            lines[3]["resolved_pending"].as_array().map(Vec::len),
            Some(1)
        );
        assert_eq!(lines[3]["open_pending"].as_array().map(Vec::len), Some(0));
        Ok(())
    }

    /// Before, `"a \ud800 b"` stopped the file with serde's "unexpected end of hex
    /// escape"; now the character reads as U+FFFD and the article is extracted.
    #[test]
    fn unpaired_surrogate_escapes_read_as_replacement_characters() -> anyhow::Result<()> {
        let raw = "{\"id\":\"x\",\n\"text\":\"a \\ud800 b \\udc00 c \\ud83d\\ude00 \\\\ud800\"}";
        let (fixed, lines) = lone_surrogates_replaced(raw);
        assert_eq!(lines, [2]);
        let v: Value = serde_json::from_str(&fixed)?;
        assert_eq!(v["text"], "a \u{fffd} b \u{fffd} c \u{1f600} \\ud800");
        let (same, none) = lone_surrogates_replaced(r#"{"t":"\u00e9 \ud83d\ude00"}"#);
        assert!(none.is_empty() && matches!(same, std::borrow::Cow::Borrowed(_)));

        let dir = tempfile::tempdir()?;
        let f = dir.path().join("sur.json");
        std::fs::write(
            &f,
            r#"{"id":"x","published":"2024-01-01T00:00:00Z","text":"Ola Brek met Tam Ruen. a \ud800 b"}"#,
        )?;
        let mut out = Vec::new();
        run(&[f], &RuleExtractor::new(), &mut out)?;
        let line: Value = serde_json::from_slice(&out)?;
        assert_eq!(line["id"], "x");
        Ok(())
    }

    /// Before, the run stopped at the first bad file and the later ones were never
    /// read.
    #[test]
    fn a_bad_file_is_reported_and_the_files_after_it_are_read() -> anyhow::Result<()> {
        let dir = tempfile::tempdir()?;
        let article = |id: &str| {
            format!(
                r#"{{"id":"{id}","published":"2030-06-12T10:00:00Z","text":"Ola Brek met Tam Ruen."}}"#
            )
        };
        std::fs::write(dir.path().join("a.json"), article("a"))?;
        std::fs::write(
            dir.path().join("b.json"),
            r#"{"id":"b","published":"2030-06-12T10:00:00Z"}"#,
        )?;
        let story = r#"{"id":"s","articles":[{"id":"s1","published":"2030-06-12T10:00:00Z","text":"x"},{"id":"s2"}]}"#;
        std::fs::write(dir.path().join("b2.json"), story)?;
        std::fs::write(dir.path().join("c.json"), article("c"))?;
        let mut out = Vec::new();
        let err = run(&[dir.path().to_path_buf()], &RuleExtractor::new(), &mut out)
            .expect_err("two files are bad");
        let ids: Vec<Value> = String::from_utf8(out)?
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).map(|v| v["id"].clone()))
            .collect::<Result<_, _>>()?;
        assert_eq!(
            ids,
            ["a", "c"],
            "a story with a bad article is skipped whole"
        );
        let err = format!("{err:#}");
        assert!(err.starts_with("2 of 4 file(s) skipped"), "{err}");
        assert!(
            err.contains("b.json: missing \"text\"") && err.contains("b2.json: article 1"),
            "{err}"
        );
        Ok(())
    }

    #[test]
    fn a_field_of_the_wrong_type_is_not_called_missing() {
        let e = article(&json!({"id": 5, "published": "2024-01-01T00:00:00Z", "text": "x"}))
            .unwrap_err()
            .to_string();
        assert_eq!(e, "\"id\" is not a string: 5");
        let e = article(&json!({"id": "a", "published": "2024-01-01T00:00:00Z"}))
            .unwrap_err()
            .to_string();
        assert_eq!(e, "missing \"text\"");
    }

    #[test]
    fn bad_files_are_named_in_the_error() {
        let e = run_on(&[("bad.json", "{not json")])
            .err()
            .map(|e| format!("{e:#}"));
        assert!(e.is_some_and(|e| e.contains("bad.json")));
        let e = run_on(&[("nodate.json", r#"{"id":"x","text":"t"}"#)])
            .err()
            .map(|e| format!("{e:#}"));
        assert!(e.is_some_and(|e| e.contains("nodate.json") && e.contains("published")));
    }
}
