//! Reading variables: trimmed, blank as unset, and every value that does not
//! parse recorded as a problem naming the variable and the value, so one run
//! shows them all.

use std::str::FromStr;

/// The variables being read and the problems found so far.
pub(super) struct Vars<'a> {
    lookup: &'a dyn Fn(&str) -> Option<String>,
    pub(super) problems: Vec<String>,
}

impl<'a> Vars<'a> {
    pub(super) fn new(lookup: &'a dyn Fn(&str) -> Option<String>) -> Self {
        Vars {
            lookup,
            problems: Vec::new(),
        }
    }

    /// The value of `key`, trimmed; `None` when unset or blank.
    pub(super) fn get(&self, key: &str) -> Option<String> {
        (self.lookup)(key)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }

    pub(super) fn problem(&mut self, problem: impl Into<String>) {
        self.problems.push(problem.into());
    }

    /// `key` read by `parse`; its error is what follows `KEY="value"` in the
    /// problem recorded (`: …` or ` is not …`).
    pub(super) fn parsed<T>(
        &mut self,
        key: &str,
        parse: impl FnOnce(&str) -> Result<T, String>,
    ) -> Option<T> {
        let raw = self.get(key)?;
        match parse(&raw) {
            Ok(v) => Some(v),
            Err(e) => {
                self.problem(format!("{key}={raw:?}{e}"));
                None
            }
        }
    }

    /// `key` as a whole number.
    pub(super) fn num<T: FromStr>(&mut self, key: &str) -> Option<T> {
        let raw = self.get(key)?;
        match raw.parse() {
            Ok(v) => Some(v),
            Err(_) => {
                self.problem(format!("{key}={raw:?} is not a whole number"));
                None
            }
        }
    }

    /// `key` as true/false (also 1/0, yes/no, on/off).
    pub(super) fn bool(&mut self, key: &str) -> Option<bool> {
        let raw = self.get(key)?;
        match raw.to_ascii_lowercase().as_str() {
            "1" | "true" | "yes" | "on" => Some(true),
            "0" | "false" | "no" | "off" => Some(false),
            _ => {
                self.problem(format!("{key}={raw:?}: use true or false"));
                None
            }
        }
    }
}
