//! Helpers shared by the integration tests: a real HTTP feed server on loopback and
//! a way to run the `readout` binary against a temporary store.
#![allow(dead_code)] // each test binary uses a different subset

pub mod feed_server;

use std::path::{Path, PathBuf};
use std::process::Output;

/// Runs the built `readout` binary with a clean environment pointing at `db`.
pub fn readout(db: &Path, args: &[&str], extra_env: &[(&str, &str)]) -> Output {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_readout"));
    cmd.args(args)
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("DATABASE_URL", format!("sqlite://{}", db.display()))
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

/// The repository's own files (fixtures, demo feeds).
pub fn repo_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// Row counts of the SQLite store at `db`, read directly.
pub async fn sqlite_counts(db: &Path) -> Vec<(String, i64)> {
    let store = readout::store::sqlite::SqliteStore::open(&format!("sqlite://{}", db.display()))
        .await
        .unwrap();
    use readout::store::ContentStore;
    store.stats().await.unwrap()
}
