//! The `minsheng` command-line tool: a thin layer over the library.
//!
//! All parsing is the library's; this binary finds inputs, runs them in
//! parallel, writes the outputs, renders diagnostics and picks the exit
//! status (see `docs/cli.md`).

mod cli;

fn main() -> std::process::ExitCode {
    cli::run()
}
