//! A small linear model over named features: the "decide" half of the extractor's
//! candidate-then-decide design.
//!
//! Rules generate candidates broadly and describe each by features (strings such as
//! `cue=due to`, `hyp`, `due_future`); the model weighs them and keeps a candidate
//! when its probability clears the threshold. The weights are a data file in the
//! crate (`weights/*.tsv`), written by `cargo run --release --example train` from the
//! gold of `../shared/eval/dev`, so the rules that were hand-ordered before become
//! evidence whose weight is measured, and a new article's wording is judged by what
//! the language of many articles says, not by the last rule written.
//!
//! Logistic regression trained by plain stochastic gradient descent in a fixed
//! order: the same rows give the same weights on every machine.

use std::collections::HashMap;
use std::fmt::Write;

/// Feature weights and the decision threshold.
#[derive(Debug, Clone, Default)]
pub struct LinearModel {
    weights: HashMap<String, f32>,
    /// A candidate is kept when its probability is at least this.
    pub threshold: f32,
}

/// One training example: the candidate's features and whether the gold has it.
pub struct Row {
    pub features: Vec<String>,
    pub label: bool,
}

/// The line of a weights file that holds the threshold.
const THRESHOLD: &str = "__threshold";

impl LinearModel {
    /// Reads a weights file: `feature<TAB>weight` lines, `#` comments.
    pub fn parse(tsv: &str) -> Result<Self, String> {
        let mut m = LinearModel {
            weights: HashMap::new(),
            threshold: 0.5,
        };
        for (n, line) in tsv.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, w) = line
                .rsplit_once('\t')
                .ok_or_else(|| format!("line {}: no tab", n + 1))?;
            let w: f32 = w
                .trim()
                .parse()
                .map_err(|e| format!("line {}: weight {w:?}: {e}", n + 1))?;
            if name == THRESHOLD {
                m.threshold = w;
            } else {
                m.weights.insert(name.to_string(), w);
            }
        }
        Ok(m)
    }

    /// The weights file: sorted, so a retrained model diffs line by line.
    pub fn to_tsv(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            let _ = writeln!(out, "# {line}");
        }
        let _ = writeln!(out, "{THRESHOLD}\t{:.3}", self.threshold);
        let mut names: Vec<&String> = self.weights.keys().collect();
        names.sort();
        for n in names {
            let _ = writeln!(out, "{n}\t{:.4}", self.weights[n]);
        }
        out
    }

    /// The probability that a candidate with these features is real.
    pub fn probability<S: AsRef<str>>(&self, features: &[S]) -> f32 {
        let z: f32 = features
            .iter()
            .filter_map(|f| self.weights.get(f.as_ref()))
            .sum();
        1.0 / (1.0 + (-z).exp())
    }

    pub fn accepts<S: AsRef<str>>(&self, features: &[S]) -> bool {
        self.probability(features) >= self.threshold
    }

    /// Fits weights to `rows`: L2-regularised logistic regression, `epochs` passes
    /// in the rows' order with a decaying step. Features seen fewer than
    /// `min_count` times get no weight: a word met once teaches nothing general.
    pub fn train(rows: &[Row], epochs: usize, l2: f32, min_count: usize) -> Self {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for r in rows {
            for f in &r.features {
                *counts.entry(f.as_str()).or_default() += 1;
            }
        }
        let mut weights: HashMap<String, f32> = counts
            .iter()
            .filter(|(_, c)| **c >= min_count)
            .map(|(f, _)| (f.to_string(), 0.0))
            .collect();
        for epoch in 0..epochs {
            let rate = 0.5 / (1.0 + epoch as f32 * 0.3);
            for r in rows {
                let z: f32 = r.features.iter().filter_map(|f| weights.get(f)).sum();
                let p = 1.0 / (1.0 + (-z).exp());
                let g = f32::from(u8::from(r.label)) - p;
                for f in &r.features {
                    if let Some(w) = weights.get_mut(f) {
                        *w += rate * (g - l2 * *w);
                    }
                }
            }
        }
        weights.retain(|_, w| w.abs() >= 1e-4);
        LinearModel {
            weights,
            threshold: 0.5,
        }
    }

    /// The threshold that maximises F1 on `rows`, with `missed` positives no
    /// candidate covers counted as false negatives.
    pub fn tune_threshold(&mut self, rows: &[Row], missed: usize) {
        let mut scored: Vec<(f32, bool)> = rows
            .iter()
            .map(|r| (self.probability(&r.features), r.label))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let positives = scored.iter().filter(|s| s.1).count() + missed;
        let (mut tp, mut best, mut at) = (0usize, 0.0f32, 0.5f32);
        for (n, (p, label)) in scored.iter().enumerate() {
            tp += usize::from(*label);
            let f1 = 2.0 * tp as f32 / ((n + 1) as f32 + positives as f32);
            if f1 > best {
                best = f1;
                at = *p;
            }
        }
        // Halfway to the next lower score, so a tie does not sit on the edge.
        let below = scored
            .iter()
            .map(|s| s.0)
            .filter(|p| *p < at)
            .fold(0.0f32, f32::max);
        self.threshold = (at + below) / 2.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(f: &[&str], label: bool) -> Row {
        Row {
            features: f.iter().map(|s| s.to_string()).collect(),
            label,
        }
    }

    #[test]
    fn learns_which_feature_marks_the_positives_and_round_trips() {
        let mut rows = Vec::new();
        for _ in 0..20 {
            rows.push(row(&["b", "will"], true));
            rows.push(row(&["b", "if"], false));
            rows.push(row(&["b", "will", "if"], false));
        }
        let mut m = LinearModel::train(&rows, 30, 0.001, 1);
        m.tune_threshold(&rows, 0);
        assert!(m.accepts(&["b", "will"]));
        assert!(!m.accepts(&["b", "will", "if"]));
        assert!(!m.accepts(&["b", "if"]));
        let back = LinearModel::parse(&m.to_tsv("test")).expect("parses");
        assert!(back.accepts(&["b", "will"]) && !back.accepts(&["b", "if"]));
    }

    #[test]
    fn rare_features_get_no_weight_and_bad_lines_are_named() {
        let rows = vec![row(&["b", "once"], true), row(&["b"], false)];
        let m = LinearModel::train(&rows, 10, 0.0, 2);
        assert!(!m.to_tsv("").contains("once"));
        let err = LinearModel::parse("x\tnot-a-number").unwrap_err();
        assert!(err.contains("line 1"), "{err}");
    }
}
