//! The `summit` binary: parses arguments, runs, prints one error, picks the exit code
//! (0 ok, 1 findings or failed checks, 2 usage or I/O error).

use clap::Parser;
use std::io::{BufWriter, Write};
use std::process::ExitCode;
use summit::cli::{Cli, Command, ExtractArgs, Format};
use summit::extract::{Options, Pipeline};
use summit::read::{self, ReadOptions};
use summit::{Error, ErrorKind};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            if e.kind == ErrorKind::Io && e.message.contains("Broken pipe") {
                return ExitCode::SUCCESS;
            }
            eprintln!("summit: {e}");
            ExitCode::from(2)
        }
    }
}

fn parse_date(s: &str, flag: &str) -> Result<chrono::NaiveDate, Error> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| Error::new(ErrorKind::Usage, format!("{flag} {s:?} is not a date of the form YYYY-MM-DD")))
}

fn run(cli: Cli) -> Result<u8, Error> {
    match cli.command {
        Command::Eval(a) => eval(a),
        Command::Extract(a) => extract(a),
        Command::CheckRules(d) => {
            let p = Pipeline::load(&d.gazetteers, &d.rules)?;
            let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).expect("date");
            let (n, failures) = summit::check::check_rules(&p, today);
            for f in &failures {
                println!("FAIL {f}");
            }
            println!("{} passed, {} failed", n - failures.len(), failures.len());
            Ok(if failures.is_empty() { 0 } else { 1 })
        }
    }
}

fn extract(a: ExtractArgs) -> Result<u8, Error> {
    let mut opts = Options::default();
    if let Some(d) = &a.date {
        opts.date = Some(parse_date(d, "--date")?);
    }
    if let Some(d) = &a.today {
        opts.today = parse_date(d, "--today")?;
    }
    let pipeline = Pipeline::load(&a.data.gazetteers, &a.data.rules)?;
    let (inputs, mut errors) = read::expand(&a.paths);
    for e in &errors {
        eprintln!("summit: {e}");
    }
    let tmp = a.output.as_ref().map(|o| o.with_extension("partial"));
    let mut out: Box<dyn Write> = match &tmp {
        Some(t) => Box::new(BufWriter::new(std::fs::File::create(t).map_err(|e| Error::io(t.display().to_string(), &e))?)),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let ropts = ReadOptions { lossy: a.lossy };
    let mut write_err: Option<Error> = None;
    let mut table = summit::output::Table::default();
    for input in &inputs {
        read::read_input(input, ropts, &mut |r| {
            if write_err.is_some() {
                return;
            }
            match r {
                Ok(doc) => {
                    let x = pipeline.extract(&doc, &opts);
                    let r = match a.format {
                        Format::Jsonl => summit::output::write_jsonl(&x, &mut out),
                        Format::Table => {
                            table.add(&x);
                            Ok(())
                        }
                    };
                    if let Err(e) = r {
                        write_err = Some(Error::new(ErrorKind::Io, e.to_string()));
                    }
                }
                Err(e) => {
                    eprintln!("summit: {e}");
                    errors.push(e);
                }
            }
        });
        if let Some(e) = write_err.take() {
            return Err(e);
        }
    }
    if a.format == Format::Table {
        table.write(&mut out).map_err(|e| Error::new(ErrorKind::Io, e.to_string()))?;
    }
    out.flush().map_err(|e| Error::new(ErrorKind::Io, e.to_string()))?;
    drop(out);
    if let (Some(t), Some(o)) = (&tmp, &a.output) {
        std::fs::rename(t, o).map_err(|e| Error::io(o.display().to_string(), &e))?;
    }
    Ok(if errors.is_empty() { 0 } else { 2 })
}

/// `summit eval`: gold paths are relative to the current directory (the repository root).
fn eval(a: summit::cli::EvalArgs) -> Result<u8, Error> {
    let p = Pipeline::load(&a.data.gazetteers, &a.data.rules)?;
    let report = summit::eval::run(&p, &a.gold, std::path::Path::new("."))?;
    for (doc, why) in &report.skipped {
        eprintln!("summit: {doc}: {why}");
    }
    let baseline = a.gold.join(summit::eval::BASELINE_FILE);
    if a.update_baseline {
        report.new_baseline.write(&baseline)?;
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    let to_io = |e: std::io::Error| Error::new(ErrorKind::Io, e.to_string());
    report.write(&mut out, &baseline.display().to_string(), a.verbose, a.update_baseline).map_err(to_io)?;
    out.flush().map_err(to_io)?;
    Ok(report.exit_code(a.update_baseline))
}
