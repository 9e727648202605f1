//! A linear pre-pass that bounds the markup a page hands to rs-trafilatura. The
//! extractor's cost grows with the square of the nesting depth (10,000 nested
//! `div`s took 22 s; 850 KB of unclosed inline tags never finished) and steeply
//! with the number of elements (5 MB of shallow `div`s took 6 s, of nested lists
//! 18 s and 1.1 GB), and no page may hold a watcher that long. The 60 article
//! pages of `../shared/feeds/articles/` nest at most 51 levels and hold at most
//! 1,600 elements; tags past [`MAX_DEPTH`] levels or [`MAX_ELEMENTS`] elements
//! carry no article structure, so they are dropped and their text is kept. Time
//! also grows with text times its depth (5 MB of text 100 levels deep took 12 s):
//! past [`MAX_WEIGHT`], what is open deeper than [`SHALLOW_DEPTH`] is closed and
//! the rest of the page stays that shallow.
//!
//! Depth is counted on html5ever's tokens (linear: no tree is built), with the
//! parser's implied closes approximated. Each approximation errs towards counting
//! deeper than the parser would, so a page can only be cut more, never less.

use std::borrow::Cow;
use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::{LocalName, local_name};

/// Deepest nesting handed to the extractor: twice the deepest article page seen.
pub const MAX_DEPTH: usize = 100;

/// Most elements handed to the extractor: over ten times the most an article
/// page of the sample holds, few enough that the extractor's time stays bounded.
pub const MAX_ELEMENTS: usize = 20_000;

/// Characters of text times their depth before the page is flattened: seven
/// times the most an article page of the sample has (4.6 million).
pub const MAX_WEIGHT: usize = 32_000_000;

/// Deepest nesting kept once [`MAX_WEIGHT`] is passed.
pub const SHALLOW_DEPTH: usize = 8;

/// The page unchanged when it stays within [`MAX_DEPTH`] and [`MAX_ELEMENTS`]
/// (every article page seen), else re-serialised without the tags past them.
pub fn bound_depth(html: &str) -> Cow<'_, str> {
    let tokenizer = Tokenizer::new(Flattener::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    let state = tokenizer.sink.state.into_inner();
    if state.dropped == 0 {
        Cow::Borrowed(html)
    } else {
        tracing::debug!(
            dropped = state.dropped,
            deepest = state.deepest,
            "markup past {MAX_DEPTH} levels or {MAX_ELEMENTS} elements dropped"
        );
        Cow::Owned(state.out)
    }
}

#[derive(Default)]
struct Flattener {
    state: RefCell<State>,
}

/// How the text of the element being read is written back.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
enum TextMode {
    /// Ordinary text: `&`, `<` and `>` escaped again.
    #[default]
    Markup,
    /// Script or style: copied as is (the tokenizer did not decode it).
    Verbatim,
    /// Title or textarea: decoded by the tokenizer, so escaped again.
    Escaped,
}

#[derive(Default)]
struct State {
    /// The page re-serialised, used only when something was dropped.
    out: String,
    /// Kept elements still open, innermost last: never more than [`MAX_DEPTH`].
    open: Vec<LocalName>,
    /// Start tags dropped for being too deep or too many.
    dropped: usize,
    /// The deepest nesting seen, for the log.
    deepest: usize,
    /// Start tags kept.
    elements: usize,
    /// Characters of text times the depth they stand at: what the extractor's
    /// time grows with once the elements are bounded.
    weight: usize,
    /// Past [`MAX_WEIGHT`]: nothing is kept deeper than [`SHALLOW_DEPTH`].
    shallow: bool,
    mode: TextMode,
    /// Inside a dropped script or style: its text is dropped too.
    skip_text: bool,
}

impl TokenSink for Flattener {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut s = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) if tag.kind == TagKind::StartTag => return s.start(tag),
            Token::TagToken(tag) => s.end(&tag.name),
            Token::CharacterTokens(text) => s.text(&text),
            Token::NullCharacterToken => s.text("\u{FFFD}"),
            Token::DoctypeToken(d) => {
                let name = d.name.as_deref().unwrap_or("html");
                s.out.push_str(&format!("<!DOCTYPE {name}>"));
            }
            Token::CommentToken(_) | Token::EOFToken | Token::ParseError(_) => {}
        }
        TokenSinkResult::Continue
    }
}

impl State {
    fn start(&mut self, tag: Tag) -> TokenSinkResult<()> {
        self.close_implied(&tag.name);
        let raw = raw_kind(&tag.name);
        let in_foreign = self
            .open
            .iter()
            .any(|n| *n == local_name!("svg") || *n == local_name!("math"));
        // `<div/>` stays open in HTML; only void elements and foreign content close.
        let closes_itself = is_void(&tag.name) || (tag.self_closing && in_foreign);
        let depth_cap = if self.shallow {
            SHALLOW_DEPTH
        } else {
            MAX_DEPTH
        };
        let keep = self.elements < MAX_ELEMENTS && (closes_itself || self.open.len() < depth_cap);
        if keep {
            self.elements += 1;
            self.write_tag(&tag);
            if !closes_itself {
                self.open.push(tag.name.clone());
                self.deepest = self.deepest.max(self.open.len());
            }
        } else {
            self.dropped += 1;
        }
        match raw {
            Some((kind, mode)) => {
                self.mode = mode;
                self.skip_text = !keep;
                TokenSinkResult::RawData(kind)
            }
            None => TokenSinkResult::Continue,
        }
    }

    /// An end tag as the parser treats it: it closes the innermost open element of
    /// its name and everything inside, unless something the parser will not close
    /// from there lies in between (then it is ignored, as the parser does).
    /// Formatting elements inside stay counted, since the parser reopens them, and
    /// `</body>`, `</html>` and `</form>` close nothing.
    fn end(&mut self, name: &LocalName) {
        self.mode = TextMode::Markup;
        self.skip_text = false;
        let Some(at) = self.open.iter().rposition(|n| n == name) else {
            return; // a dropped element's end tag, or a stray one
        };
        let inner = &self.open[at + 1..];
        match &**name {
            // The parser takes a form off its stack but leaves what is inside it
            // open, inside it: the tree stays as deep.
            "body" | "html" | "form" => {}
            _ if is_formatting(name) => {
                // With a block inside, the parser moves the block out and reopens
                // the formatting element in it: the depth stays.
                if !inner.iter().any(is_special) {
                    self.open.truncate(at);
                }
            }
            _ if is_special(name) && inner.iter().any(is_scope_boundary) => return,
            _ if !is_special(name) && inner.iter().any(is_special) => return,
            _ => self.close_from(at),
        }
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// Closes, innermost first, every kept element deeper than half
    /// [`SHALLOW_DEPTH`] (leaving room for the structure that follows), and keeps
    /// the rest of the page within [`SHALLOW_DEPTH`].
    fn become_shallow(&mut self) {
        self.shallow = true;
        while self.open.len() > SHALLOW_DEPTH / 2 {
            let Some(name) = self.open.pop() else { break };
            self.out.push_str("</");
            self.out.push_str(&name);
            self.out.push('>');
            self.dropped += 1;
        }
    }

    /// Pops the element at `at` and those inside it, keeping the formatting ones.
    fn close_from(&mut self, at: usize) {
        let inner: Vec<LocalName> = self.open.drain(at..).skip(1).collect();
        self.open.extend(inner.into_iter().filter(is_formatting));
    }

    fn text(&mut self, text: &str) {
        if self.skip_text {
            return;
        }
        self.weight += text.len() * self.open.len();
        if self.weight > MAX_WEIGHT && !self.shallow {
            self.become_shallow();
        }
        match self.mode {
            TextMode::Verbatim => self.out.push_str(text),
            TextMode::Markup | TextMode::Escaped => {
                for c in text.chars() {
                    match c {
                        '&' => self.out.push_str("&amp;"),
                        '<' => self.out.push_str("&lt;"),
                        '>' => self.out.push_str("&gt;"),
                        c => self.out.push(c),
                    }
                }
            }
        }
    }

    /// The parser closes an open `p` when a block starts, and an open `li`, `dt`,
    /// `dd`, `option`, `tr`, `td` or `th` when a sibling of its kind starts. Without
    /// this, a page of unclosed paragraphs would count as deeply nested.
    fn close_implied(&mut self, name: &LocalName) {
        let (targets, boundaries): (&[LocalName], &[LocalName]) = match &**name {
            "li" => (
                &[local_name!("li")],
                &[local_name!("ul"), local_name!("ol")],
            ),
            "dt" | "dd" => (
                &[local_name!("dt"), local_name!("dd")],
                &[local_name!("dl")],
            ),
            "option" => (&[local_name!("option")], &[local_name!("select")]),
            "tr" => (&[local_name!("tr")], &[local_name!("table")]),
            "td" | "th" => (
                &[local_name!("td"), local_name!("th")],
                &[local_name!("tr")],
            ),
            _ if closes_p(name) => (&[local_name!("p")], &[]),
            _ => return,
        };
        let found = self
            .open
            .iter()
            .rposition(|n| targets.contains(n) || boundaries.contains(n) || is_scope_boundary(n));
        if let Some(at) = found.filter(|&at| targets.contains(&self.open[at])) {
            self.close_from(at);
        }
    }

    fn write_tag(&mut self, tag: &Tag) {
        self.out.push('<');
        self.out.push_str(&tag.name);
        for a in &tag.attrs {
            self.out.push(' ');
            if !a.name.prefix.as_ref().is_none_or(|p| p.is_empty()) {
                self.out
                    .push_str(a.name.prefix.as_deref().unwrap_or_default());
                self.out.push(':');
            }
            self.out.push_str(&a.name.local);
            self.out.push_str("=\"");
            for c in a.value.chars() {
                match c {
                    '&' => self.out.push_str("&amp;"),
                    '"' => self.out.push_str("&quot;"),
                    c => self.out.push(c),
                }
            }
            self.out.push('"');
        }
        self.out.push_str(if tag.self_closing { "/>" } else { ">" });
    }
}

/// Elements whose content the tokenizer must read as raw text, as the parser does.
fn raw_kind(name: &LocalName) -> Option<(RawKind, TextMode)> {
    match &**name {
        "script" => Some((RawKind::ScriptData, TextMode::Verbatim)),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
            Some((RawKind::Rawtext, TextMode::Verbatim))
        }
        "title" | "textarea" => Some((RawKind::Rcdata, TextMode::Escaped)),
        _ => None,
    }
}

fn is_void(name: &LocalName) -> bool {
    matches!(
        &**name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements the parser reopens after something else closed them.
fn is_formatting(name: &LocalName) -> bool {
    matches!(
        &**name,
        "a" | "b"
            | "big"
            | "code"
            | "em"
            | "font"
            | "i"
            | "nobr"
            | "s"
            | "small"
            | "strike"
            | "strong"
            | "tt"
            | "u"
    )
}

/// The parser's "special" elements (HTML's parsing rules, 13.2.4.2): an end tag
/// of any other element does not close them.
fn is_special(name: &LocalName) -> bool {
    closes_p(name)
        || is_void(name)
        || is_scope_boundary(name)
        || raw_kind(name).is_some()
        || matches!(
            &**name,
            "basefont"
                | "bgsound"
                | "body"
                | "center"
                | "colgroup"
                | "dd"
                | "dir"
                | "dt"
                | "frame"
                | "frameset"
                | "head"
                | "hgroup"
                | "li"
                | "listing"
                | "plaintext"
                | "search"
                | "select"
                | "tbody"
                | "tfoot"
                | "thead"
                | "tr"
        )
}

/// Block elements whose start closes an open `p`.
fn closes_p(name: &LocalName) -> bool {
    matches!(
        &**name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "details"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "ul"
    )
}

/// Elements an implied close does not reach past.
fn is_scope_boundary(name: &LocalName) -> bool {
    matches!(
        &**name,
        "applet"
            | "button"
            | "caption"
            | "html"
            | "marquee"
            | "object"
            | "table"
            | "td"
            | "th"
            | "template"
            | "svg"
            | "math"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Depth of the deepest element once a parser has built the page's tree.
    fn parsed_depth(html: &str) -> usize {
        let doc = dom_query::Document::from(html);
        let mut deepest = 0;
        let mut stack = vec![(doc.root(), 0usize)];
        while let Some((node, depth)) = stack.pop() {
            deepest = deepest.max(depth);
            stack.extend(node.element_children().into_iter().map(|c| (c, depth + 1)));
        }
        deepest
    }

    const PARA: &str =
        "<p>Secretary of State Antony Blinken met Foreign Minister Sergei Lavrov in Geneva.</p>";

    #[test]
    fn an_ordinary_page_is_passed_on_untouched() {
        let html = format!(
            "<!DOCTYPE html><html><head><title>a &lt; b</title><script>if (a < b) x('</p>');</script></head>\
             <body><div><ul><li>one<li>two</ul>{}<table><tr><td>x<td>y<tr><td>z</table></div></body></html>",
            "<p>unclosed paragraph ".repeat(500)
        );
        assert!(matches!(bound_depth(&html), Cow::Borrowed(_)));
    }

    /// Each shape nests far past the limit in the parser's tree, some only through
    /// the parser's repairs (a block inside a closed inline element, formatting
    /// elements reopened, `</body>` and `</form>` that close nothing).
    #[test]
    fn every_way_of_nesting_deep_is_cut_to_the_limit_and_the_text_kept() {
        let n = 2_000;
        let shapes = [
            format!("{}{PARA}{}", "<div>".repeat(n), "</div>".repeat(n)),
            format!("{}{PARA}", "<div><span><b><i>".repeat(n)),
            format!("{}{PARA}", "<span><div></span>".repeat(n)),
            format!("{}{PARA}", "<b><div></b>".repeat(n)),
            format!("{}{PARA}", "<form><div></form>".repeat(n)),
            format!("{}{PARA}", "<div></body></html>".repeat(n)),
            format!("{}{PARA}", "<div/>".repeat(n)),
            (0..n)
                .map(|i| format!("<div><b id={i}></div>"))
                .collect::<String>()
                + PARA,
        ];
        for (i, html) in shapes.iter().enumerate() {
            let html = format!("<html><body>{html}</body></html>");
            let bounded = bound_depth(&html);
            assert!(matches!(bounded, Cow::Owned(_)), "shape {i} was not cut");
            let depth = parsed_depth(&bounded);
            assert!(depth <= MAX_DEPTH + 4, "shape {i}: depth {depth}");
            let text = dom_query::Document::from(bounded.as_ref())
                .select("body")
                .text();
            assert!(
                text.contains("met Foreign Minister Sergei Lavrov"),
                "shape {i}"
            );
        }
    }

    /// 5 MB of shallow elements took the extractor seconds and, as nested lists,
    /// a gigabyte: past the budget, tags go and their text stays.
    #[test]
    fn elements_past_the_budget_are_dropped_and_their_text_kept() {
        let html = format!(
            "<html><body>{}<p>the last paragraph</p></body></html>",
            "<ul><li>item</ul>".repeat(MAX_ELEMENTS)
        );
        let bounded = bound_depth(&html);
        let doc = dom_query::Document::from(bounded.as_ref());
        let elements = doc.select("*").length();
        assert!(elements <= MAX_ELEMENTS + 3, "{elements} elements");
        let text = doc.select("body").text();
        assert!(
            text.ends_with("the last paragraph"),
            "{}",
            &text[text.len() - 40..]
        );
        assert_eq!(text.matches("item").count(), MAX_ELEMENTS);
    }

    /// 5 MB of text 100 levels deep took the extractor 12 s.
    #[test]
    fn deep_text_past_the_weight_budget_is_moved_up() {
        let words = "Blinken met Lavrov. ".repeat(MAX_WEIGHT / 90 / 20 + 1_000);
        let html = format!(
            "<html><body>{}<p>{words}</p><div><div><p id=tail>tail</p></div></div></body></html>",
            "<div>".repeat(90)
        );
        let bounded = bound_depth(&html);
        assert!(matches!(bounded, Cow::Owned(_)));
        let doc = dom_query::Document::from(bounded.as_ref());
        let tail = doc.select("#tail");
        assert_eq!(tail.text().to_string(), "tail");
        let depth = tail.ancestors(None).length();
        assert!(depth <= SHALLOW_DEPTH + 2, "tail at depth {depth}");
        assert!(doc.select("body").text().contains(&words[..2000]));
    }

    #[test]
    fn text_and_attributes_survive_the_rewrite_escaped() {
        let html = format!(
            "<p title=\"a &quot;b&quot; &amp; c\">x &lt; y &amp; z</p><script>if (a < b) {{}}</script>{}deep",
            "<div>".repeat(MAX_DEPTH + 10)
        );
        let bounded = bound_depth(&html);
        assert!(matches!(bounded, Cow::Owned(_)));
        let doc = dom_query::Document::from(bounded.as_ref());
        assert_eq!(doc.select("p").text().to_string(), "x < y & z");
        assert_eq!(
            doc.select("p").attr("title").unwrap().to_string(),
            "a \"b\" & c"
        );
        assert_eq!(doc.select("script").text().to_string(), "if (a < b) {}");
        assert!(doc.select("body").text().ends_with("deep"));
    }
}
