//! The `readout` binary: parses the command line and hands over to the library.

/// See the note on `mimalloc` in Cargo.toml: a brief is allocation-bound.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    readout::cli::main()
}
