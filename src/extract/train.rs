//! Training rows from gold annotations: each candidate the rules generate,
//! labelled by whether the gold holds it. The file reading and the fitting live
//! in `examples/train.rs`; what a candidate is and how it is described stays here,
//! next to the rules, so training and extraction can never describe it apart.

use unicode_normalization::UnicodeNormalization;

use crate::model::{Article, MeetingStatus};

use super::linear::Row;
use super::{Doc, meetings, pending};

/// A gold meeting: its participants and whether it took place.
pub struct GoldMeeting {
    pub participants: Vec<String>,
    pub held: bool,
}

/// Training rows for the two meeting models, and the gold meetings no candidate
/// covers.
pub struct MeetingRows {
    /// Every candidate: is it a gold meeting (whatever its status)?
    pub keep: Vec<Row>,
    /// Candidates that are gold meetings: was it held?
    pub held: Vec<Row>,
    pub missed: usize,
}

/// The candidate meetings of `article`, labelled by the gold meeting whose parties
/// they match (the scorer's rule, simplified: two parties or all of a pair, and at
/// least half of all named on both sides).
pub fn meeting_rows(article: &Article, gold: &[GoldMeeting]) -> MeetingRows {
    let doc = Doc::read_titled(
        &article.text,
        &article.title,
        super::telling_day::day_of_telling(article),
    );
    let said = super::said_in(&doc, &article.title);
    let cands = meetings::candidates(&doc, &said);
    let mut rows = MeetingRows {
        keep: Vec::new(),
        held: Vec::new(),
        missed: 0,
    };
    let mut covered = vec![false; gold.len()];
    for c in cands {
        let names: Vec<&str> = c.meeting.participants.iter().map(|p| p.as_str()).collect();
        let best = gold
            .iter()
            .enumerate()
            .map(|(n, g)| (n, overlap(&g.participants, &names)))
            .filter(|(_, o)| *o > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((n, _)) = best {
            covered[n] = true;
            rows.held.push(Row {
                features: c.features.clone(),
                label: gold[n].held,
            });
        }
        rows.keep.push(Row {
            features: c.features,
            label: best.is_some(),
        });
    }
    rows.missed = covered.iter().filter(|c| !**c).count();
    rows
}

/// How well predicted parties cover gold ones: matched / union, or 0 when fewer
/// than two (or than all of a smaller gold list) match.
fn overlap(gold: &[String], pred: &[&str]) -> f32 {
    let mut used = vec![false; pred.len()];
    let mut m = 0;
    for g in gold {
        if let Some(j) = (0..pred.len()).find(|&j| !used[j] && same_actor(g, pred[j])) {
            used[j] = true;
            m += 1;
        }
    }
    let union = gold.len() + pred.len() - m;
    if m < gold.len().min(2) || union == 0 || (m as f32) < union as f32 / 2.0 {
        return 0.0;
    }
    m as f32 / union as f32
}

/// Whether two names are one actor, as a reader would allow: equal after folding
/// and without titles, the same surname, a single word of the other's name, or
/// a country and its capital or short form.
fn same_actor(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold_name(a), fold_name(b));
    if fa.is_empty() || fb.is_empty() {
        return false;
    }
    if fa == fb || alias(&fa).is_some_and(|x| Some(x) == alias(&fb)) {
        return true;
    }
    let (ta, tb): (Vec<&str>, Vec<&str>) = (fa.split(' ').collect(), fb.split(' ').collect());
    ta.last() == tb.last() && ta.len() + tb.len() > 2
        || (ta.len() == 1 && tb.contains(&ta[0]))
        || (tb.len() == 1 && ta.contains(&tb[0]))
}

/// Lower case, no accents or punctuation, no titles.
fn fold_name(s: &str) -> String {
    const TITLES: &[&str] = &[
        "mr",
        "mrs",
        "ms",
        "dr",
        "president",
        "prime",
        "minister",
        "foreign",
        "secretary",
        "the",
        "of",
        "state",
        "king",
        "crown",
        "prince",
        "sheikh",
        "emir",
        "general",
    ];
    let plain: String = s
        .nfkd()
        .filter(|c| c.is_ascii())
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    plain
        .split_whitespace()
        .filter(|w| !TITLES.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The group of names that stand for one state or body, where there is one.
fn alias(name: &str) -> Option<usize> {
    const GROUPS: &[&[&str]] = &[
        &["united states", "us", "u s", "usa", "america", "washington"],
        &["russia", "moscow", "kremlin", "russian federation"],
        &["ukraine", "kyiv", "kiev"],
        &["china", "beijing", "prc"],
        &["united kingdom", "uk", "britain", "london"],
        &["european union", "eu", "brussels"],
        &["united nations", "un"],
        &["iran", "tehran"],
        &["north korea", "dprk", "pyongyang"],
        &["south korea", "seoul"],
        &["turkey", "turkiye", "ankara"],
        &["france", "paris"],
        &["germany", "berlin"],
        &["japan", "tokyo"],
        &["india", "new delhi"],
    ];
    GROUPS.iter().position(|g| g.contains(&name))
}

/// Whether a gold status string names a meeting that took place.
pub fn held_status(status: &str) -> bool {
    MeetingStatus::parse(status) == Some(MeetingStatus::Held)
}

/// The pending candidates of `article` as training rows, and the gold anchors no
/// candidate covers (recall the model cannot reach, counted when tuning).
///
/// A gold anchor labels one candidate of the sentence that holds it, the one whose
/// action lies nearest the anchor: the scorer matches a prediction by its evidence
/// sentence, and a second prediction from the same sentence would be a false hit.
pub fn pending_rows<'g>(article: &Article, anchors: &'g [String]) -> (Vec<Row>, Vec<&'g str>) {
    let doc = Doc::read_titled(
        &article.text,
        &article.title,
        super::telling_day::day_of_telling(article),
    );
    let said = super::said_in(&doc, &article.title);
    let cands = pending::all_candidates(&doc, &said.subjects);
    let mut labels = vec![false; cands.len()];
    let mut missed = Vec::new();
    for anchor in anchors {
        let a = normalise(anchor);
        let found = doc.sentences.iter().enumerate().find_map(|(i, s)| {
            let text = normalise(&doc.text[s.span.start..s.span.end]);
            text.find(&a).map(|at| (i, s.span.start, at))
        });
        let Some((i, start, _)) = found else {
            missed.push(anchor.as_str());
            continue;
        };
        // The anchor's place in the sentence, in characters of the original text:
        // close enough for choosing the nearest candidate.
        let anchor_at = doc.text[start..].find(anchor.as_str()).map(|p| start + p);
        let best = cands
            .iter()
            .enumerate()
            .filter(|(n, c)| c.sentence == i && !labels[*n])
            .min_by_key(|(_, c)| {
                let at = doc.toks[i][c.verb].start;
                anchor_at.map_or(0, |p| p.abs_diff(at))
            })
            .map(|(n, _)| n);
        match best {
            Some(n) => labels[n] = true,
            None => missed.push(anchor.as_str()),
        }
    }
    let rows = cands
        .into_iter()
        .zip(labels)
        .map(|(c, label)| Row {
            features: c.features,
            label,
        })
        .collect();
    (rows, missed)
}

/// Text as the scorer compares it: straight quotes, plain dashes, lower case,
/// single spaces.
fn normalise(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            c => c,
        })
        .collect();
    s.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
