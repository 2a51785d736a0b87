//! `validate-data`: checks the bundled JSON for data editors.
//!
//! ```text
//! cargo run --bin validate-data [-- [--today YYYY-MM-DD] [DIR]]
//! ```
//!
//! Reads the files of DIR (default `public/data`), including every `text/<lang>.json` present,
//! prints every problem on its own line (`error: events.json:12:15 $.events[3].date: …`), then
//! a summary line, and exits with 1 if there is any error, 0 otherwise (2 for bad arguments).
//!
//! This is the shell around the pure `data` core: it alone reads files and the system clock
//! ("today", in UTC, unless `--today` pins it).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};
use std::{env, fs};

use cke_core::data::model::Date;
use cke_core::data::{
    build_dataset, decode_utf8, text_file, Collection, DataFiles, Problem, Report, Severity,
};

const USAGE: &str = "usage: validate-data [--today YYYY-MM-DD] [DIR]\n\
    Checks the data files in DIR (default public/data) and prints every problem.";

fn main() -> ExitCode {
    let (dir, today) = match parse_args(env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("validate-data: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let today = today.unwrap_or_else(system_today);
    let (files, read_problems, file_count) = read_dir(&dir);
    let report = build_dataset(&files, today);
    let mut problems = read_problems;
    problems.extend(report.problems.iter().cloned());
    for problem in &problems {
        println!("{problem}");
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    println!(
        "validate-data: {} error{}, {} warning{} ({})",
        errors,
        plural(errors),
        warnings,
        plural(warnings),
        summary(&report, file_count)
    );
    if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `Ok(None)` asks for the usage text.
fn parse_args(
    args: impl Iterator<Item = String>,
) -> Result<Option<(PathBuf, Option<Date>)>, String> {
    let mut dir = None;
    let mut today = None;
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--today" => {
                let value = args.next().ok_or("--today needs a date")?;
                let date = Date::parse(&value)
                    .ok()
                    .filter(|d| d.day.is_some())
                    .ok_or(format!("--today {value:?} is not a date YYYY-MM-DD"))?;
                today = Some(date);
            }
            other if other.starts_with('-') => return Err(format!("unknown option {other}")),
            other if dir.is_none() => dir = Some(PathBuf::from(other)),
            other => return Err(format!("unexpected argument {other}")),
        }
    }
    Ok(Some((
        dir.unwrap_or_else(|| PathBuf::from("public/data")),
        today,
    )))
}

/// Reads every file into [`DataFiles`]; files that are not UTF-8 are decoded lossily and
/// reported. Returns the files, those problems, and how many files were read.
fn read_dir(dir: &Path) -> (DataFiles, Vec<Problem>, usize) {
    let mut files = DataFiles::default();
    let mut problems = Vec::new();
    let mut count = 0;
    let mut read = |name: &str| -> Option<String> {
        let bytes = fs::read(dir.join(name)).ok()?;
        count += 1;
        let (text, problem) = decode_utf8(name, bytes);
        problems.extend(problem);
        Some(text)
    };
    for collection in Collection::ALL {
        *files.slot_mut(collection) = read(collection.file());
    }
    let mut langs: Vec<String> = fs::read_dir(dir.join("text"))
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|entry| {
                    let name = entry.file_name().into_string().ok()?;
                    name.strip_suffix(".json").map(str::to_owned)
                })
                .collect()
        })
        .unwrap_or_default();
    // English first, then the others in a stable order.
    langs.sort_by_key(|lang| (lang != "en", lang.clone()));
    for lang in langs {
        let text = read(&text_file(&lang));
        files.texts.push((lang, text));
    }
    (files, problems, count)
}

fn summary(report: &Report, file_count: usize) -> String {
    let files = format!("{file_count} file{}", plural(file_count));
    let Some(data) = &report.dataset else {
        return format!("{files}; no dataset could be built");
    };
    let points: usize = data.all_series().iter().map(|s| s.points.len()).sum();
    let count = |n: usize, what: &str| format!("{n} {what}{}", plural(n));
    [
        files,
        count(data.sources().len(), "source"),
        count(data.sectors().len(), "sector"),
        count(data.events().len(), "event"),
        count(data.figures().len(), "figure"),
        format!(
            "{} series with {points} point{}",
            data.all_series().len(),
            plural(points)
        ),
        count(data.comparisons().len(), "comparison"),
        count(data.caveats().len(), "caveat"),
        count(data.story().len(), "step"),
        count(data.places().len(), "place"),
        count(data.texts().languages().len(), "language"),
    ]
    .join(", ")
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Today's date in UTC from the system clock.
fn system_today() -> Date {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = i64::try_from(seconds / 86_400).unwrap_or(0);
    civil_from_days(days)
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's
/// `civil_from_days`).
fn civil_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date {
        year: u16::try_from(year).unwrap_or(0),
        month: u8::try_from(month).ok(),
        day: u8::try_from(day).ok(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_counts_become_calendar_dates() {
        assert_eq!(civil_from_days(0).to_string(), "1970-01-01");
        assert_eq!(civil_from_days(19_723).to_string(), "2024-01-01");
        assert_eq!(civil_from_days(19_782).to_string(), "2024-02-29");
        assert_eq!(civil_from_days(20_420).to_string(), "2025-11-28");
    }

    #[test]
    fn arguments_give_the_folder_and_a_pinned_today() {
        let args = ["--today", "2026-11-28", "x"].map(String::from);
        let (dir, today) = parse_args(args.into_iter()).unwrap().unwrap();
        assert_eq!(dir, PathBuf::from("x"));
        assert_eq!(today.unwrap().to_string(), "2026-11-28");
        assert!(parse_args(["--today", "2026"].map(String::from).into_iter()).is_err());
        assert!(parse_args(["--bogus"].map(String::from).into_iter()).is_err());
    }
}
