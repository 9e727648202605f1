//! Topics and their aliases: `ukraine` is also Ukrainian, Kyiv, Kiev, Zelensky.
//! A server's topics override the deployment's, which override the built-in list
//! (`topics.txt`); a name nobody defined is searched for as it is.

use std::sync::LazyLock;

use crate::model::TopicName;
use crate::store::{Scope, Store, StoreError, Topic};

static BUILT_IN: LazyLock<Vec<Topic>> =
    LazyLock::new(|| parse_topic_list(include_str!("topics.txt")));

/// Parses `name: alias, alias` lines; `#` starts a comment. Lines that do not parse
/// are skipped (the file is ours and tested).
pub fn parse_topic_list(text: &str) -> Vec<Topic> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let (name, aliases) = l.split_once(':')?;
            Some(Topic {
                name: TopicName::parse(name).ok()?,
                aliases: parse_aliases(aliases),
            })
        })
        .collect()
}

/// Splits a comma-separated alias list, trimming and dropping blanks and duplicates.
pub fn parse_aliases(list: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in list
        .split(',')
        .map(|a| a.split_whitespace().collect::<Vec<_>>().join(" "))
    {
        if !a.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&a)) {
            out.push(a);
        }
    }
    out
}

pub fn built_in() -> &'static [Topic] {
    &BUILT_IN
}

/// Where the built-in list's countries end and its world bodies and themes begin.
const BODIES_AND_THEMES: &str = "# World bodies and themes";

static COUNTRIES: LazyLock<Vec<Topic>> = LazyLock::new(|| {
    let text = include_str!("topics.txt");
    parse_topic_list(text.split(BODIES_AND_THEMES).next().unwrap_or(text))
});

/// The built-in topics of the regional sections of `topics.txt`: countries,
/// territories and regional bodies, without the world bodies and themes after them.
pub fn countries() -> &'static [Topic] {
    &COUNTRIES
}

/// The topic a name means for this scope, with its aliases (the name itself always
/// among them).
pub async fn resolve(
    store: &dyn Store,
    scope: Scope,
    name: &TopicName,
) -> Result<Topic, StoreError> {
    let mut scopes = vec![Scope::Global];
    if scope != Scope::Global {
        scopes.insert(0, scope);
    }
    for s in scopes {
        if let Some(t) = store.topics(s).await?.into_iter().find(|t| &t.name == name) {
            return Ok(with_own_name(t));
        }
    }
    Ok(with_own_name(
        BUILT_IN
            .iter()
            .find(|t| &t.name == name)
            .cloned()
            .unwrap_or(Topic {
                name: name.clone(),
                aliases: vec![],
            }),
    ))
}

fn with_own_name(mut t: Topic) -> Topic {
    if !t
        .aliases
        .iter()
        .any(|a| a.eq_ignore_ascii_case(t.name.as_str()))
    {
        t.aliases.insert(0, t.name.as_str().to_string());
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_topics_parse_and_carry_their_aliases() {
        let ukraine = built_in()
            .iter()
            .find(|t| t.name.as_str() == "ukraine")
            .unwrap();
        for a in ["Kyiv", "Kiev", "Zelensky", "Ukrainian"] {
            assert!(ukraine.aliases.iter().any(|x| x == a), "{a}");
        }
        assert!(built_in().len() >= 10);
    }

    #[test]
    fn alias_lists_are_trimmed_and_deduplicated() {
        assert_eq!(parse_aliases(" Kyiv , kyiv,, Kiev "), vec!["Kyiv", "Kiev"]);
    }
}
