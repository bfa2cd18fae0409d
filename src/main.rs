//! The `minsheng` command-line tool.
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Read 民生实事 notices into canonical JSON.
#[derive(Parser)]
#[command(name = "minsheng", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse notices and write their JSON.
    Parse {
        /// Input files; `-` reads standard input.
        #[arg(required = true)]
        inputs: Vec<String>,
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Parse { inputs, pretty } => {
            for input in inputs {
                let bytes = match std::fs::read(&input) {
                    Ok(b) => b,
                    Err(e) => {
                        eprintln!("minsheng: cannot read {input}: {e}");
                        return ExitCode::from(2);
                    }
                };
                let options = minsheng::Options {
                    name: Some(input.clone()),
                    ..Default::default()
                };
                let parsed = minsheng::parse_bytes(&bytes, &options);
                let json = if pretty {
                    minsheng::emit::pretty(&parsed.notice)
                } else {
                    minsheng::emit::canonical(&parsed.notice)
                };
                println!("{json}");
            }
            ExitCode::SUCCESS
        }
    }
}
