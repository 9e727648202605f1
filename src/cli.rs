//! The command-line adapter: parses arguments with clap and calls the core.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::extract::RuleExtractor;

#[derive(Debug, Parser)]
#[command(name = "readout", version, about = "Diplomatic news feeds in, briefs out: who met, what was said, what is pending.")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read article and story files (the evaluation format) and print one prediction
    /// per article, and the brief state of each story, as JSON lines.
    Extract {
        /// Print JSON lines (the only format for now; kept for symmetry with `status`).
        #[arg(long)]
        json: bool,
        /// Article or story files, or folders of them (every `*.json` below).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Extract { json: _, paths } => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            match crate::eval_format::run(&paths, &RuleExtractor::new(), &mut out) {
                Ok(()) => {
                    let _ = out.flush();
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("readout extract: {e:#}");
                    ExitCode::from(1)
                }
            }
        }
    }
}
