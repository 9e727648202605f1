//! The built `readout` binary as a child process. A test runs it when it needs a
//! process of its own: one that is killed at a failpoint, several sharing one
//! store, or the command line exactly as a user types it. The child starts from
//! a clean environment (only `PATH`), so neither the developer's shell nor
//! another test leaks configuration into it.

use std::path::Path;
use std::process::{Command, Output};

/// `readout ARGS` with a clean environment; the caller adds the variables it means.
pub fn command(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_readout"));
    cmd.args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default());
    cmd
}

/// The same, for a test that waits on the child asynchronously (and kills it if
/// the test ends first).
pub fn async_command(args: &[&str]) -> tokio::process::Command {
    let mut cmd = tokio::process::Command::from(command(args));
    cmd.kill_on_drop(true);
    cmd
}

/// Runs `readout ARGS` to its end on the SQLite store at `db`, from the store's
/// directory, with `extra_env` on top.
pub fn readout(db: &Path, args: &[&str], extra_env: &[(&str, &str)]) -> Output {
    let mut cmd = command(args);
    cmd.env("DATABASE_URL", format!("sqlite://{}", db.display()))
        .env("READOUT_LOG", "warn")
        .current_dir(db.parent().expect("db in a directory"));
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    cmd.output().expect("run readout")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The one line a command that failed with exit status `code` printed on
/// stderr; panics, showing all of stderr, if it ended otherwise or said more.
pub fn the_one_error_line(o: &Output, code: i32) -> String {
    let all = stderr(o);
    assert_eq!(o.status.code(), Some(code), "{all}");
    let lines: Vec<&str> = all.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "{all}");
    lines[0].to_string()
}

/// Waits until the child (spawned with stderr piped) writes a line containing
/// `marker` on stderr, then sends it SIGINT, as Ctrl-C does, and waits for it to
/// end. Returns how it ended and all it wrote on stderr.
pub async fn interrupt_after(
    mut child: tokio::process::Child,
    marker: &str,
) -> (std::process::ExitStatus, String) {
    use tokio::io::{AsyncBufReadExt, AsyncReadExt};
    let limit = std::time::Duration::from_secs(20);
    let mut lines = tokio::io::BufReader::new(child.stderr.take().expect("stderr piped"));
    let mut seen = String::new();
    let found = tokio::time::timeout(limit, async {
        loop {
            let mut line = String::new();
            if lines.read_line(&mut line).await.unwrap_or(0) == 0 {
                return false;
            }
            seen.push_str(&line);
            if line.contains(marker) {
                return true;
            }
        }
    })
    .await;
    assert_eq!(found, Ok(true), "no {marker:?} on stderr: {seen}");
    ctrl_c(&child);
    let status = tokio::time::timeout(limit, async {
        let _ = lines.read_to_string(&mut seen).await;
        child.wait().await.expect("wait")
    })
    .await
    .expect("the process stopped after Ctrl-C");
    (status, seen)
}

/// Sends the child SIGINT, as Ctrl-C in its terminal does.
pub fn ctrl_c(child: &tokio::process::Child) {
    let pid = child.id().expect("the child is running").to_string();
    let sent = std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill -INT");
    assert!(sent.success());
}
