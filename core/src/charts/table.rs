//! The data behind a chart as a table and as CSV: exactly the values shown (visible series,
//! current measure), one row per period, and in the CSV one line per value with its unit,
//! qualifier, derivation and sources.
//!
//! Numbers in the CSV are written in their shortest exact form (`41.02`, `655000`), never
//! rounded; text cells that a spreadsheet could read as a formula are defused with a leading
//! apostrophe.
//!
//! Pure: no browser, no clock, no UI framework.

use super::model::{ChartPoint, Shown};
use super::text::unit_id;
use crate::data::model::Period;

/// The CSV header.
pub const CSV_HEADER: &str = "period,series_id,series,value,unit,qualifier,derived,sources";

/// One row of the table: a period and, per shown series, its value there if any.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow<'a> {
    /// The period.
    pub period: Period,
    /// One cell per shown series, in legend order.
    pub cells: Vec<Option<&'a ChartPoint>>,
}

/// The table of what is shown: a row per period with any value, in order.
pub fn table_rows(shown: &Shown) -> Vec<TableRow<'_>> {
    shown
        .periods()
        .into_iter()
        .map(|period| TableRow {
            period,
            cells: shown
                .series
                .iter()
                .map(|s| s.series.points.iter().find(|p| p.period == period))
                .collect(),
        })
        .collect()
}

/// Quotes a CSV cell when needed (RFC 4180) and defuses text a spreadsheet would run.
fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// The CSV of what is shown: a header, then one line per value, by period then series.
pub fn to_csv(shown: &Shown) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push('\n');
    for row in table_rows(shown) {
        for (series, point) in shown.series.iter().zip(&row.cells) {
            let Some(point) = point else { continue };
            let derived = match (&point.formula, point.computed) {
                (Some(formula), true) => format!("computed: {formula}"),
                (Some(formula), false) => formula.clone(),
                (None, true) => "computed".to_owned(),
                (None, false) => String::new(),
            };
            let line = [
                cell(&row.period.to_string()),
                cell(&series.series.id),
                cell(&series.series.name),
                // A number is written as is; only text cells are defused.
                format!("{}", point.value),
                cell(&unit_id(series.unit)),
                cell(point.qualifier.as_str()),
                cell(&derived),
                cell(&point.sources.join(" ")),
            ]
            .join(",");
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(cell("-1+1"), "'-1+1");
    }
}
