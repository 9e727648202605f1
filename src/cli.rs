//! The command-line adapter: parses arguments with clap and calls the core. Each
//! command reads like fetch → decide → print; nothing here knows SQL or HTTP.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};

use crate::app::{App, Service, StartError};
use crate::brief::brief_for;
use crate::clock::{Clock, SystemClock};
use crate::config::Config;
use crate::extract::RuleExtractor;
use crate::ingest::{FeedSource, FetchResult};
use crate::model::TopicName;
use crate::render;
use crate::store::{self, DatabaseUrl, Scope};

#[derive(Debug, Parser)]
#[command(
    name = "readout",
    version,
    about = "Diplomatic news feeds in, briefs out: who met, what was said, what is pending."
)]
pub struct Cli {
    /// Store to use (overrides DATABASE_URL), e.g. sqlite://readout.db.
    #[arg(long, global = true)]
    pub database_url: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the whole pipeline offline on bundled sample feeds and print the brief
    /// for ukraine. Needs no configuration and leaves nothing behind.
    Demo {
        /// The topic of the brief (the bundled feeds cover Ukraine and the
        /// U.S.-Russia talks of January 2022).
        #[arg(default_value = "ukraine")]
        topic: String,
        /// Print the brief as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Ingest feeds (file paths or http(s) URLs) into the configured store and
    /// print what was new.
    Ingest {
        #[arg(required = true, value_name = "PATH|URL")]
        sources: Vec<String>,
    },
    /// Print the brief for a topic from the configured store.
    Status {
        /// A topic name (ukraine, iran, ...) or any word to search for.
        topic: String,
        /// Only developments newer than this: 12h, 7d, 2w, or a date (2024-08-01).
        /// Without it: the most recent developments, whatever their age.
        #[arg(long)]
        since: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Draw a topic's timeline (meetings and pending due dates) as a PNG from the
    /// configured store.
    Timeline {
        /// A topic name (ukraine, iran, ...) or any word to search for.
        topic: String,
        /// Only developments newer than this: 12h, 7d, 2w, or a date (2024-08-01).
        #[arg(long)]
        since: Option<String>,
        /// Where to write the picture.
        #[arg(long, value_name = "FILE.png")]
        out: PathBuf,
    },
    /// Poll every feed in the store on its schedule until interrupted (Ctrl-C
    /// finishes the feeds being fetched, hands the rest back, then exits).
    Watch {
        /// Run one round over the feeds that are due, then exit.
        #[arg(long)]
        once: bool,
        /// Seed for the schedule jitter (reproducible runs).
        #[arg(long)]
        seed: Option<u64>,
    },
    /// Bring the store's schema up to date (every command does this on start) and
    /// print the migrations applied. Safe to run from several processes at once.
    Migrate,
    /// Inspect the configured store.
    Store {
        #[command(subcommand)]
        command: StoreCommand,
    },
    /// Print the main text of saved article pages (.html or .html.gz).
    ArticleText {
        /// Print `{"<file name without .html[.gz]>": {"articleBody": "..."}}`.
        #[arg(long)]
        json: bool,
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Run the Discord bot (needs DISCORD_TOKEN; see the README for every
    /// DISCORD_* variable). Digests are scheduled and posted by it as well.
    Run,
    /// Schedule and post digests without the bot's gateway connection (needs
    /// DISCORD_TOKEN; see the README). Ctrl-C finishes the pass in flight.
    Digests {
        /// Run one scheduler pass and one delivery pass, then exit.
        #[arg(long)]
        once: bool,
    },
    /// Read article and story files (the evaluation format) and print one prediction
    /// per article, and the brief state of each story, as JSON lines.
    Extract {
        /// Print JSON lines (the only format; accepted for symmetry with `status`).
        #[arg(long)]
        json: bool,
        /// Article or story files, or folders of them (every `*.json` below).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum StoreCommand {
    /// Print the number of rows in each table and the size of the database.
    Stats,
}

/// Exit status for bad usage or configuration (clap uses 2 as well).
const EXIT_CONFIG: u8 = 2;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("readout: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(dispatch(cli))
}

fn init_logging(filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // Colours only on a terminal: in a log file or a pipe they are noise.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(ansi)
        .try_init();
}

fn load_config(cli_db: &Option<String>) -> Result<Config, ExitCode> {
    match Config::from_env() {
        Ok(mut c) => {
            if let Some(db) = cli_db {
                // Parsed here, not by clap: clap's error repeats the value, and
                // with it a password.
                c.database_url = DatabaseUrl::parse(db).map_err(|e| {
                    eprintln!("readout: --database-url: {e}");
                    ExitCode::from(EXIT_CONFIG)
                })?;
            }
            init_logging(&c.log_filter);
            Ok(c)
        }
        Err(e) => {
            eprintln!("readout: {e}\n(see .env.example for every variable)");
            Err(ExitCode::from(EXIT_CONFIG))
        }
    }
}

async fn dispatch(cli: Cli) -> ExitCode {
    match cli.command {
        // The two commands that need no configuration (and must work without one).
        Command::Demo { topic, json } => demo(&topic, json).await,
        Command::Extract { json: _, paths } => extract(&paths),
        command => match load_config(&cli.database_url) {
            Ok(cfg) => configured(command, &cfg).await,
            Err(code) => code,
        },
    }
}

/// Every command that reads the configuration.
async fn configured(command: Command, cfg: &Config) -> ExitCode {
    match command {
        Command::Ingest { sources } => ingest(cfg, &sources).await,
        Command::ArticleText { json, files } => {
            article_text(&files, json, cfg.fetch.max_body_bytes)
        }
        Command::Watch { once, seed } => watch(cfg, once, seed).await,
        Command::Migrate => migrate(cfg).await,
        Command::Store {
            command: StoreCommand::Stats,
        } => store_stats(cfg).await,
        // The bot, with the watcher and the digests beside it. Without a token
        // nothing else starts: one clear line, exit status 2.
        Command::Run => finish("run", App::serve(cfg, Service::Bot).await),
        Command::Digests { once } => digests(cfg, once).await,
        Command::Status { topic, since, json } => status(cfg, &topic, since.as_deref(), json).await,
        Command::Timeline { topic, since, out } => {
            timeline(cfg, &topic, since.as_deref(), &out).await
        }
        Command::Demo { .. } | Command::Extract { .. } => {
            unreachable!("dispatch runs these without a configuration")
        }
    }
}

async fn demo(topic: &str, json: bool) -> ExitCode {
    init_logging("warn");
    let topic = match TopicName::parse(topic) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("readout demo: {e}");
            return ExitCode::FAILURE;
        }
    };
    match crate::demo::run(&topic).await {
        Ok((log, brief)) => {
            if json {
                println!("{}", render::json::render(&brief));
            } else {
                for line in log {
                    eprintln!("{line}");
                }
                print!("{}", render::text::render(&brief));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("readout demo: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn extract(paths: &[PathBuf]) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match crate::eval_format::run(paths, &RuleExtractor::new(), &mut out) {
        Ok(()) => {
            let _ = out.flush();
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("readout extract: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn ingest(cfg: &Config, sources: &[String]) -> ExitCode {
    let app = match App::build(cfg).await {
        Ok(app) => app,
        Err(e) => return start_failed("ingest", &e),
    };
    let ingestor = app.ingestor();
    let mut failed = 0;
    // Titles and error details come from feeds: printed through `terminal_safe`.
    let safe = |t: &str| render::terminal_safe(t, false);
    for s in sources {
        let source = match FeedSource::parse(s) {
            Ok(source) => source,
            Err(e) => {
                failed += 1;
                eprintln!("readout ingest: {}", safe(&e.to_string()));
                continue;
            }
        };
        match ingestor.ingest(&source, cfg.watch.default_interval).await {
            Ok((_, FetchResult::Unchanged)) => println!("{}: unchanged", safe(s)),
            Ok((_, FetchResult::Ingested(r))) => {
                println!(
                    "{}: {} new item(s), {} new article(s)",
                    safe(s),
                    r.new_items,
                    r.new_articles.len()
                );
                for a in &r.new_articles {
                    let date = a.published.format("%Y-%m-%d");
                    println!("  + {} ({date})", safe(&a.title));
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("readout ingest: feed {}: {}", safe(s), safe(&e.to_string()));
            }
        }
    }
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints why `readout WHAT` could not start and gives its exit status.
fn start_failed(what: &str, e: &StartError) -> ExitCode {
    eprintln!("readout {what}: {e}");
    ExitCode::from(e.exit_code())
}

/// The exit status of a service that ran until Ctrl-C, or why it could not.
fn finish(what: &str, result: Result<(), StartError>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => start_failed(what, &e),
    }
}

/// Polls the feeds until Ctrl-C, or one round with `once`.
async fn watch(cfg: &Config, once: bool, seed: Option<u64>) -> ExitCode {
    if !once {
        return finish("watch", App::serve(cfg, Service::Watcher { seed }).await);
    }
    let app = match App::build(cfg).await {
        Ok(app) => app,
        Err(e) => return start_failed("watch", &e),
    };
    if let Err(e) = app.serve_metrics().await {
        return start_failed("watch", &e);
    }
    match app.watcher(seed).poll_due_feeds_once().await {
        Ok(r) => {
            println!(
                "polled {} feed(s): {} ingested, {} unchanged, {} failed ({} paused), {} new item(s)",
                r.polled, r.ingested, r.unchanged, r.failed, r.paused, r.new_items
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("readout watch: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Schedules and posts digests until Ctrl-C, or one pass of each with `once`.
async fn digests(cfg: &Config, once: bool) -> ExitCode {
    if !once {
        return finish("digests", App::serve(cfg, Service::Digests).await);
    }
    let passes = async {
        App::build_for(cfg, Service::Digests)
            .await?
            .post_digests_once()
            .await
    };
    match passes.await {
        Ok((s, d)) => {
            println!(
                "digests: {} queued, {} skipped as empty, {} lost to another scheduler, {} failed; \
                 posts: {} sent, {} retried later, {} failed ({} digests paused)",
                s.queued,
                s.skipped_empty,
                s.lost_races,
                s.failed,
                d.sent,
                d.deferred,
                d.failed,
                d.paused
            );
            ExitCode::SUCCESS
        }
        Err(e) => start_failed("digests", &e),
    }
}

/// Prints the main text of saved pages; a page larger than `limit` (the fetch
/// limit, counted after decompression) is refused like a fetched one.
fn article_text(files: &[PathBuf], json: bool, limit: u64) -> ExitCode {
    let mut failed = false;
    let mut out = serde_json::Map::new();
    for f in files {
        let name = f.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let id = name
            .trim_end_matches(".gz")
            .trim_end_matches(".html")
            .to_string();
        match crate::article_text::main_text_of_file(f, limit) {
            Ok(text) if json => {
                out.insert(id, serde_json::json!({ "articleBody": text }));
            }
            Ok(text) => println!(
                "== {}\n{}\n",
                render::terminal_safe(name, false),
                render::terminal_safe(&text, true)
            ),
            Err(e) => {
                failed = true;
                eprintln!("readout article-text: {}: {e}", f.display());
                if json {
                    out.insert(id, serde_json::json!({ "articleBody": "" }));
                }
            }
        }
    }
    if json {
        println!("{}", serde_json::Value::Object(out));
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

async fn migrate(cfg: &Config) -> ExitCode {
    match store::migrate(&cfg.database_url).await {
        Ok(applied) => {
            for (version, description) in applied {
                println!("{version:>4}  {description}");
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("readout migrate: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn store_stats(cfg: &Config) -> ExitCode {
    let result = async {
        let store = store::open_existing(&cfg.database_url).await?;
        Ok::<_, store::StoreError>((store.stats().await?, store.database_bytes().await?))
    }
    .await;
    match result {
        Ok((counts, bytes)) => {
            for (table, n) in counts {
                println!("{table:<12}{n:>12}");
            }
            println!(
                "{:<12}{:>12}  ({:.1} MiB)",
                "bytes",
                bytes,
                bytes as f64 / 1_048_576.0
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("readout store stats: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Parses `--since` (see [`crate::window`]), naming the flag in the error.
fn parse_since(raw: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>, String> {
    crate::window::parse_since(raw, now).map_err(|e| format!("--since {e}"))
}

/// The brief a reading command asks for: the topic and `--since` parsed, the
/// store opened. Failures are printed under the command's name, with the exit
/// status to end with.
async fn brief_of(
    command: &str,
    cfg: &Config,
    topic: &str,
    since: Option<&str>,
) -> Result<crate::brief::Brief, ExitCode> {
    let refuse = |e: String| {
        eprintln!("readout {command}: {e}");
        ExitCode::from(EXIT_CONFIG)
    };
    let topic = TopicName::parse(topic).map_err(|e| refuse(e.to_string()))?;
    let now = SystemClock.now();
    let since = since
        .map(|s| parse_since(s, now))
        .transpose()
        .map_err(refuse)?;
    let fail = |e: crate::store::StoreError| {
        eprintln!("readout {command}: {e}");
        ExitCode::FAILURE
    };
    let store = store::open_existing(&cfg.database_url)
        .await
        .map_err(fail)?;
    brief_for(store.as_ref(), Scope::Global, &topic, since, now)
        .await
        .map_err(fail)
}

async fn status(cfg: &Config, topic: &str, since: Option<&str>, json: bool) -> ExitCode {
    match brief_of("status", cfg, topic, since).await {
        Ok(b) => {
            if json {
                println!("{}", render::json::render(&b));
            } else {
                print!("{}", render::text::render(&b));
            }
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

async fn timeline(cfg: &Config, topic: &str, since: Option<&str>, out: &Path) -> ExitCode {
    let brief = match brief_of("timeline", cfg, topic, since).await {
        Ok(b) => b,
        Err(code) => return code,
    };
    let png = match render::timeline::render_png(&brief) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("readout timeline: {e}");
            return ExitCode::FAILURE;
        }
    };
    match std::fs::write(out, &png) {
        Ok(()) => {
            println!("wrote {} ({} bytes)", out.display(), png.len());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("readout timeline: cannot write {}: {e}", out.display());
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn since_takes_spans_and_dates() {
        let now = DateTime::parse_from_rfc3339("2024-08-10T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            parse_since("7d", now).unwrap().to_rfc3339(),
            "2024-08-03T12:00:00+00:00"
        );
        assert_eq!(
            parse_since("12h", now).unwrap().to_rfc3339(),
            "2024-08-10T00:00:00+00:00"
        );
        assert_eq!(
            parse_since("2024-08-01", now).unwrap().to_rfc3339(),
            "2024-08-01T00:00:00+00:00"
        );
        assert!(parse_since("7x", now).is_err());
        assert!(parse_since("d", now).is_err());
        assert!(parse_since("99999999999999w", now).is_err());
        assert_eq!(
            parse_since("2024-02-30", now).unwrap_err(),
            "--since \"2024-02-30\" is not a date (YYYY-MM-DD)"
        );
    }
}
