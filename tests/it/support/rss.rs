//! Hand-written RSS 2.0, for tests that need a feed of their own shape (so many
//! items, a far-future date, a link to a slow page). Elements come in one fixed
//! order and only when set, so each test says just what its items carry.

/// The publication date most test items carry: a Thursday morning in 2024.
pub const AUG_1_2024: &str = "Thu, 01 Aug 2024 07:00:00 GMT";

/// One `<item>`; an element is written only when set. Values are written as
/// given (tests pass plain text or deliberate markup).
#[derive(Debug, Clone, Default)]
pub struct Item {
    guid: Option<String>,
    title: Option<String>,
    link: Option<String>,
    pub_date: Option<String>,
    description: Option<String>,
}

impl Item {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn guid(mut self, guid: impl Into<String>) -> Self {
        self.guid = Some(guid.into());
        self
    }

    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    pub fn link(mut self, link: impl Into<String>) -> Self {
        self.link = Some(link.into());
        self
    }

    pub fn pub_date(mut self, date: impl Into<String>) -> Self {
        self.pub_date = Some(date.into());
        self
    }

    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.description = Some(text.into());
        self
    }

    /// The item as XML.
    pub fn xml(&self) -> String {
        let mut out = String::from("<item>");
        for (tag, value) in [
            ("guid", &self.guid),
            ("title", &self.title),
            ("link", &self.link),
            ("pubDate", &self.pub_date),
            ("description", &self.description),
        ] {
            if let Some(v) = value {
                out.push_str(&format!("<{tag}>{v}</{tag}>"));
            }
        }
        out.push_str("</item>");
        out
    }
}

/// A whole RSS document: a channel titled `title` holding `items`.
pub fn channel(title: &str, items: impl IntoIterator<Item = Item>) -> String {
    let items: String = items.into_iter().map(|i| i.xml()).collect();
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{title}</title>{items}</channel></rss>"
    )
}

/// Feed number `n` of a crowd of feeds: `items` items that differ only in their
/// number, each with the same long `body` (long enough that no article page is
/// fetched for it).
pub fn numbered_feed(n: usize, items: usize, body: &str) -> String {
    channel(
        &format!("Feed {n}"),
        (0..items).map(|i| {
            Item::new()
                .guid(format!("f{n}-i{i}"))
                .title(format!("Feed {n} item {i}"))
                .link(format!("https://news.example/{n}/{i}"))
                .pub_date(AUG_1_2024)
                .description(body)
        }),
    )
}
