//! `readout timeline` as a user runs it: the bundled demo feeds ingested into a
//! real SQLite file, then the picture written, decoded and measured.

use crate::support::process::{readout, stderr, stdout, the_one_error_line};
use crate::support::repo_path;

/// Decodes a PNG file: its width, height and RGB(A) pixels.
pub fn decode_png(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let mut reader = png::Decoder::new(bytes).read_info().expect("a PNG header");
    let mut buf = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut buf).expect("PNG pixels decode");
    buf.truncate(info.buffer_size());
    (info.width, info.height, buf)
}

fn demo_store(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("demo.db");
    let feeds: Vec<String> = [
        "seed-wire.xml",
        "sample-ukraine.atom",
        "sample-elsewhere.json",
    ]
    .iter()
    .map(|f| repo_path(&format!("demo/feeds/{f}")).display().to_string())
    .collect();
    let mut args = vec!["ingest"];
    args.extend(feeds.iter().map(String::as_str));
    let out = readout(&db, &args, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

#[test]
fn the_timeline_of_a_demo_topic_is_a_png_that_decodes_at_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(dir.path());
    let png_path = dir.path().join("ukraine.png");
    let out = readout(
        &db,
        &["timeline", "ukraine", "--out", png_path.to_str().unwrap()],
        &[],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("wrote "), "{}", stdout(&out));
    let bytes = std::fs::read(&png_path).expect("the picture is written");
    assert!(
        bytes.len() > 5_000 && bytes.len() < 2_000_000,
        "{} bytes",
        bytes.len()
    );
    let (w, h, pixels) = decode_png(&bytes);
    assert_eq!(w, 1000);
    // Header, axis and legend (198 px) and one 38-px row per line, at least one.
    assert!(h >= 198 + 38 && (h - 198) % 38 == 0, "height {h}");
    // Not a blank card: the held meetings' blue is there.
    assert!(pixels.chunks(3).any(|p| p == [0x5c, 0xa8, 0xff]));
}

#[test]
fn a_topic_with_nothing_dated_or_a_bad_window_writes_no_file_and_says_why() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_store(dir.path());
    let png_path = dir.path().join("none.png");
    let p = png_path.to_str().unwrap();
    let out = readout(&db, &["timeline", "antarctica", "--out", p], &[]);
    let line = the_one_error_line(&out, 1);
    assert!(line.contains("nothing to draw for antarctica"), "{line}");
    let out = readout(
        &db,
        &["timeline", "ukraine", "--since", "7x", "--out", p],
        &[],
    );
    let line = the_one_error_line(&out, 2);
    assert!(line.starts_with("readout timeline: --since"), "{line}");
    assert!(!png_path.exists());
}
