//! Trains the extractor's models (pending items; meetings: keep, held) from gold
//! annotations and reports their cross-validated quality.
//!
//! ```text
//! cargo run --release --example train -- ../shared/eval/dev \
//!     [--out src/extract/weights] [--cv cv.jsonl]
//! ```
//!
//! Articles are split into five folds by their order (files sorted by name,
//! story articles in story order): for each fold a model is trained on the other
//! four and the fold's articles are extracted with it, so `--cv` holds predictions
//! for every article by a model that never saw it; score them with
//! `python3 ../shared/eval/score.py ../shared/eval/dev --pred cv.jsonl`. The model
//! written to `--out` is then trained on all articles. Same input, same weights.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};
use serde_json::Value;

use readout::eval_format::{article, collect, prediction, story_brief};
use readout::extract::train::{GoldMeeting, held_status, meeting_rows, pending_rows};
use readout::extract::{Extractor, LinearModel, MeetingModels, Row, RuleExtractor};
use readout::model::Article;

const FOLDS: usize = 5;

/// How the model is fitted; the defaults are the ones the shipped weights use.
#[derive(Clone, Copy)]
struct Fit {
    epochs: usize,
    l2: f32,
    min_count: usize,
}

const DEFAULT_FIT: Fit = Fit {
    epochs: 25,
    l2: 0.01,
    min_count: 2,
};

fn main() -> anyhow::Result<()> {
    let mut dirs = Vec::new();
    let mut out = PathBuf::from("src/extract/weights");
    let mut cv: Option<PathBuf> = None;
    let mut fit = DEFAULT_FIT;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().with_context(|| format!("{name} needs a value"));
        match a.as_str() {
            "--out" => out = value("--out")?.into(),
            "--cv" => cv = Some(value("--cv")?.into()),
            "--epochs" => fit.epochs = value("--epochs")?.parse()?,
            "--l2" => fit.l2 = value("--l2")?.parse()?,
            "--min-count" => fit.min_count = value("--min-count")?.parse()?,
            _ => dirs.push(PathBuf::from(a)),
        }
    }
    if dirs.is_empty() {
        bail!("usage: train GOLD_DIR... [--out weights.tsv] [--cv predictions.jsonl]");
    }
    let gold = load(&dirs)?;
    println!("{} articles", gold.len());
    if let Some(path) = cv {
        cross_validate(&gold, &path, fit)?;
    }
    let models = train(gold.iter(), fit);
    let about = |what: &str, rows: &[Row]| {
        format!(
            "{what}: weights of candidate features.\n\
             Written by `cargo run --release --example train -- ../shared/eval/dev`\n\
             from {} gold articles: {} candidates, {} of them positive.",
            gold.len(),
            rows.len(),
            rows.iter().filter(|r| r.label).count()
        )
    };
    for (file, model, rows, what) in [
        (
            "pending.tsv",
            &models.pending,
            &models.rows.pending,
            "Pending items (src/extract/pending/candidates.rs)",
        ),
        (
            "meetings_keep.tsv",
            &models.meetings.keep,
            &models.rows.keep,
            "Is a candidate a meeting (src/extract/meetings/decide.rs)",
        ),
        (
            "meetings_held.tsv",
            &models.meetings.held,
            &models.rows.held,
            "Did a meeting take place (src/extract/meetings/decide.rs)",
        ),
    ] {
        let path = out.join(file);
        std::fs::write(&path, model.to_tsv(&about(what, rows)))
            .with_context(|| format!("cannot write {}", path.display()))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

/// An article, the anchors of its gold pending items and its gold meetings.
struct Gold {
    /// The id of the story file the article belongs to, if any.
    story: Option<String>,
    article: Article,
    anchors: Vec<String>,
    meetings: Vec<GoldMeeting>,
}

fn load(dirs: &[PathBuf]) -> anyhow::Result<Vec<Gold>> {
    let mut files = Vec::new();
    for d in dirs {
        collect(d, &mut files)?;
    }
    let mut gold = Vec::new();
    for f in files {
        let raw = std::fs::read_to_string(&f).with_context(|| format!("{}", f.display()))?;
        let v: Value = serde_json::from_str(&raw).with_context(|| format!("{}", f.display()))?;
        let story = v
            .get("articles")
            .and_then(|_| v["id"].as_str())
            .map(str::to_string);
        let list = match v.get("articles").and_then(Value::as_array) {
            Some(list) => list.clone(),
            None => vec![v],
        };
        for a in &list {
            let anchors = a["gold"]["pending"]
                .as_array()
                .map(|ps| {
                    ps.iter()
                        .filter_map(|p| p["anchor"].as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            let meetings = a["gold"]["meetings"]
                .as_array()
                .map(|ms| ms.iter().map(gold_meeting).collect())
                .unwrap_or_default();
            gold.push(Gold {
                story: story.clone(),
                article: article(a).with_context(|| format!("{}", f.display()))?,
                anchors,
                meetings,
            });
        }
    }
    Ok(gold)
}

fn gold_meeting(m: &Value) -> GoldMeeting {
    GoldMeeting {
        participants: m["participants"]
            .as_array()
            .map(|ps| {
                ps.iter()
                    .filter_map(|p| p.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default(),
        held: held_status(m["status"].as_str().unwrap_or_default()),
    }
}

/// The training rows of every model.
#[derive(Default)]
struct AllRows {
    pending: Vec<Row>,
    keep: Vec<Row>,
    held: Vec<Row>,
}

/// The models trained on `gold`, each threshold tuned on its own rows.
struct Trained {
    pending: LinearModel,
    meetings: MeetingModels,
    rows: AllRows,
}

fn train<'g>(gold: impl Iterator<Item = &'g Gold>, fit: Fit) -> Trained {
    let mut rows = AllRows::default();
    let (mut missed_pending, mut missed_meetings) = (0, 0);
    for g in gold {
        let (r, m) = pending_rows(&g.article, &g.anchors);
        rows.pending.extend(r);
        missed_pending += m.len();
        if std::env::var_os("TRAIN_SHOW_MISSED").is_some() {
            for a in m {
                eprintln!("no candidate: {} | {a}", g.article.id);
            }
        }
        let m = meeting_rows(&g.article, &g.meetings);
        rows.keep.extend(m.keep);
        rows.held.extend(m.held);
        missed_meetings += m.missed;
    }
    let model = |rows: &[Row], missed: usize| {
        let mut model = LinearModel::train(rows, fit.epochs, fit.l2, fit.min_count);
        model.tune_threshold(rows, missed);
        model
    };
    let mut held = LinearModel::train(&rows.held, fit.epochs, fit.l2, fit.min_count);
    // Held or not is a choice between two answers: even odds decide it.
    held.threshold = 0.5;
    Trained {
        pending: model(&rows.pending, missed_pending),
        meetings: MeetingModels {
            keep: model(&rows.keep, missed_meetings),
            held,
        },
        rows,
    }
}

fn cross_validate(gold: &[Gold], path: &PathBuf, fit: Fit) -> anyhow::Result<()> {
    let mut file =
        std::fs::File::create(path).with_context(|| format!("cannot write {}", path.display()))?;
    let mut extracted = vec![None; gold.len()];
    for fold in 0..FOLDS {
        let t = train(
            gold.iter()
                .enumerate()
                .filter(|(n, _)| n % FOLDS != fold)
                .map(|(_, g)| g),
            fit,
        );
        let extractor = RuleExtractor::with_models(t.pending, t.meetings);
        for (n, g) in gold.iter().enumerate().filter(|(n, _)| n % FOLDS == fold) {
            let x = extractor.extract(&g.article);
            writeln!(file, "{}", prediction(&g.article, &x))?;
            extracted[n] = Some(x);
        }
    }
    // Each story's brief from its articles' out-of-fold extractions, so the
    // story figures (latest meeting, pending state) are cross-validated too.
    let mut stories: Vec<&str> = Vec::new();
    for id in gold.iter().filter_map(|g| g.story.as_deref()) {
        if !stories.contains(&id) {
            stories.push(id);
        }
    }
    for id in stories {
        let story: Vec<_> = (gold.iter().zip(&extracted))
            .filter(|(g, _)| g.story.as_deref() == Some(id))
            .filter_map(|(g, x)| Some((g.article.clone(), x.clone()?)))
            .collect();
        writeln!(file, "{}", story_brief(id, &story))?;
    }
    println!("wrote out-of-fold predictions to {}", path.display());
    Ok(())
}
