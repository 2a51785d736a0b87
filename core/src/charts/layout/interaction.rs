//! Where a reader's pointer or keys land among the placed values: the value nearest to the
//! pointer, and the value an arrow, Home or End key moves to.
//!
//! Reads a [`Placed`] chart only: this module never places anything and never changes what is
//! shown or highlighted (the app's chart component does, with the index it gets back).

use super::placed::{Hit, Placed};
use crate::data::model::Period;

/// The value nearest to a pointer at `(x, y)`, looking only in the panel under the pointer.
pub fn nearest_hit(placed: &Placed, x: f64, y: f64) -> Option<usize> {
    let panel = placed.panels.iter().position(|panel| {
        let p = panel.plot;
        x >= p.x - 12.0
            && x <= p.x + p.width + 12.0
            && y >= p.y - 24.0
            && y <= p.y + p.height + 24.0
    })?;
    placed
        .hits
        .iter()
        .enumerate()
        .filter(|(_, hit)| hit.panel == panel)
        .map(|(i, hit)| {
            let dx = hit.at.0 - x;
            let dy = hit.at.1 - y;
            // Horizontal distance counts more: a reader points at a period, then a series.
            (i, dx * dx * 4.0 + dy * dy)
        })
        .min_by(|a, b| a.1.partial_cmp(&b.1).unwrap_or(std::cmp::Ordering::Equal))
        .map(|(i, _)| i)
}

/// The value a key moves to from `current`: ←/→ the previous or next value of the series,
/// ↑/↓ the value of the previous or next series nearest in time, Home/End the series' first
/// or last value. Without a current value any of these keys starts at the first value.
pub fn hit_after_key(hits: &[Hit], current: Option<usize>, key: &str) -> Option<usize> {
    if !matches!(
        key,
        "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End"
    ) || hits.is_empty()
    {
        return None;
    }
    let Some(now) = current.and_then(|i| hits.get(i).map(|hit| (i, hit))) else {
        return Some(0);
    };
    let (index, hit) = now;
    let same: Vec<usize> = (0..hits.len())
        .filter(|i| hits.get(*i).is_some_and(|h| h.series == hit.series))
        .collect();
    let position = same.iter().position(|i| *i == index).unwrap_or(0);
    let mut series: Vec<usize> = hits.iter().map(|h| h.series).collect();
    series.dedup();
    let series_position = series.iter().position(|s| *s == hit.series).unwrap_or(0);
    let other_series = |target: Option<&usize>| {
        let target = *target?;
        hits.iter()
            .enumerate()
            .filter(|(_, h)| h.series == target)
            .min_by(|a, b| {
                let da = (a.1.period.first_day(), a.1.period.last_day());
                let db = (b.1.period.first_day(), b.1.period.last_day());
                let ka = (period_distance(&hit.period, &a.1.period), da);
                let kb = (period_distance(&hit.period, &b.1.period), db);
                ka.cmp(&kb)
            })
            .map(|(i, _)| i)
    };
    let next = match key {
        "ArrowRight" => same.get(position + 1).copied(),
        "ArrowLeft" => position.checked_sub(1).and_then(|p| same.get(p).copied()),
        "Home" => same.first().copied(),
        "End" => same.last().copied(),
        "ArrowDown" => other_series(series.get(series_position + 1)),
        _ => other_series(series_position.checked_sub(1).and_then(|p| series.get(p))),
    };
    Some(next.unwrap_or(index))
}

/// How far apart two periods are, in months between their starts.
fn period_distance(a: &Period, b: &Period) -> u32 {
    let months = |p: &Period| {
        let d = p.first_day();
        u32::from(d.year) * 12 + u32::from(d.month.unwrap_or(1))
    };
    months(a).abs_diff(months(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(series: usize, year: u16, x: f64) -> Hit {
        Hit {
            series,
            point: 0,
            panel: 0,
            at: (x, 0.0),
            period: Period::Year(year),
        }
    }

    #[test]
    fn arrow_keys_walk_a_series_and_switch_series_at_the_nearest_period() {
        let hits = [
            hit(0, 2013, 0.0),
            hit(0, 2014, 10.0),
            hit(0, 2015, 20.0),
            hit(1, 2014, 10.0),
            hit(1, 2020, 70.0),
        ];
        assert_eq!(hit_after_key(&hits, None, "ArrowRight"), Some(0));
        assert_eq!(hit_after_key(&hits, Some(0), "ArrowRight"), Some(1));
        assert_eq!(hit_after_key(&hits, Some(2), "ArrowRight"), Some(2));
        assert_eq!(hit_after_key(&hits, Some(0), "ArrowLeft"), Some(0));
        assert_eq!(hit_after_key(&hits, Some(0), "End"), Some(2));
        assert_eq!(hit_after_key(&hits, Some(2), "ArrowDown"), Some(3));
        assert_eq!(hit_after_key(&hits, Some(4), "ArrowUp"), Some(2));
        assert_eq!(hit_after_key(&hits, Some(4), "ArrowDown"), Some(4));
        assert_eq!(hit_after_key(&hits, Some(1), "Enter"), None);
        assert_eq!(hit_after_key(&[], None, "ArrowRight"), None);
    }
}
