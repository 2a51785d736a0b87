//! Tick values: round numbers (1, 2 or 5 times a power of ten) that cover a domain, and the
//! "nice" domain that starts and ends on such numbers (the algorithm of d3-array's `ticks`).
//!
//! Pure arithmetic: no formatting beyond the number of decimals a tick needs, no browser, no
//! clock. It never fails: an empty, reversed or non-finite domain gives no ticks.

/// `10^exponent` without the floating-point `pow` routine (which would weigh on the wasm).
fn pow10(exponent: f64) -> f64 {
    let mut value = 1.0;
    let mut remaining = exponent.abs().min(300.0) as u32;
    while remaining > 0 {
        value *= 10.0;
        remaining -= 1;
    }
    if exponent < 0.0 {
        1.0 / value
    } else {
        value
    }
}

/// The step between ticks for about `count` ticks over `start..=stop`, signed like d3's
/// `tickIncrement`: a positive value is the step itself, a negative value `-k` means a step of
/// `1 / k` (which keeps fractional steps exact). `0.0` when there is no sensible step.
fn increment(start: f64, stop: f64, count: usize) -> f64 {
    let raw = (stop - start) / count.max(1) as f64;
    if !raw.is_finite() || raw <= 0.0 {
        return 0.0;
    }
    let power = raw.log10().floor();
    let error = raw / pow10(power);
    let factor = if error >= 50f64.sqrt() {
        10.0
    } else if error >= 10f64.sqrt() {
        5.0
    } else if error >= 2f64.sqrt() {
        2.0
    } else {
        1.0
    };
    if power >= 0.0 {
        factor * pow10(power)
    } else {
        -(pow10(-power) / factor)
    }
}

/// The step between ticks for about `count` ticks over `start..=stop` (0 when there is none).
pub fn tick_step(start: f64, stop: f64, count: usize) -> f64 {
    let inc = increment(start.min(stop), start.max(stop), count);
    if inc > 0.0 {
        inc
    } else if inc < 0.0 {
        1.0 / -inc
    } else {
        0.0
    }
}

/// About `count` round tick values inside `start..=stop`, ascending. Values are computed as
/// `i × step` or `i / (1 / step)`, so that 0.3 is 0.3 and not 0.30000000000000004.
pub fn ticks(start: f64, stop: f64, count: usize) -> Vec<f64> {
    if !start.is_finite() || !stop.is_finite() || count == 0 {
        return Vec::new();
    }
    let (lo, hi) = (start.min(stop), start.max(stop));
    if count == 0 {
        return Vec::new();
    }
    if lo == hi {
        return vec![lo];
    }
    let inc = increment(lo, hi, count);
    if inc == 0.0 {
        return Vec::new();
    }
    let (first, last) = if inc > 0.0 {
        ((lo / inc).ceil(), (hi / inc).floor())
    } else {
        ((lo * -inc).ceil(), (hi * -inc).floor())
    };
    let mut out = Vec::new();
    let mut i = first;
    // A generous bound: a step is chosen for `count` ticks, so there are never many more.
    while i <= last && out.len() <= count.saturating_mul(4) + 4 {
        out.push(if inc > 0.0 { i * inc } else { i / -inc });
        i += 1.0;
    }
    out
}

/// Extends `start..=stop` outwards to round values, so that the first and last ticks sit on
/// the ends of the axis. A domain that is empty or not finite is returned unchanged.
pub fn nice(start: f64, stop: f64, count: usize) -> (f64, f64) {
    if !start.is_finite() || !stop.is_finite() || start == stop {
        return (start, stop);
    }
    let (mut lo, mut hi) = (start.min(stop), start.max(stop));
    let mut previous = f64::NAN;
    for _ in 0..10 {
        let inc = increment(lo, hi, count);
        if inc == previous || inc == 0.0 {
            break;
        }
        if inc > 0.0 {
            lo = (lo / inc).floor() * inc;
            hi = (hi / inc).ceil() * inc;
        } else {
            lo = (lo * -inc).floor() / -inc;
            hi = (hi * -inc).ceil() / -inc;
        }
        previous = inc;
    }
    (lo, hi)
}

/// How many decimals the labels of ticks `step` apart need (0.5 → 1, 0.25 → 2, 20 → 0).
pub fn decimals(step: f64) -> u8 {
    if !step.is_finite() || step <= 0.0 || step >= 1.0 {
        return 0;
    }
    let mut places = 0u8;
    let mut scaled = step;
    while places < 12 && (scaled - scaled.round()).abs() > 1e-9 * scaled.max(1.0) {
        scaled *= 10.0;
        places += 1;
    }
    places
}

/// Whole years for an axis from `first` to `last`: every 1, 2, 5, 10, 20 or 50 years, the
/// smallest step that gives at most `count` ticks.
pub fn year_ticks(first: i32, last: i32, count: usize) -> Vec<i32> {
    if last < first || count == 0 {
        return Vec::new();
    }
    let span = last - first + 1;
    let step = [1, 2, 5, 10, 20, 50, 100]
        .into_iter()
        .find(|step| (span + step - 1) / step <= count as i32)
        .unwrap_or(100);
    (first..=last).filter(|year| year % step == 0).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_numbers_inside_the_domain() {
        assert_eq!(ticks(0.0, 10.0, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(ticks(0.0, 1.0, 5), vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(ticks(-8.4, 34.1, 4), vec![0.0, 10.0, 20.0, 30.0]);
        assert_eq!(ticks(0.0, 0.9, 3), vec![0.0, 0.2, 0.4, 0.6, 0.8]);
    }

    #[test]
    fn fractional_steps_stay_exact() {
        assert_eq!(ticks(0.0, 0.5, 5), vec![0.0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    }

    #[test]
    fn an_empty_or_broken_domain_has_at_most_one_tick() {
        assert_eq!(ticks(3.0, 3.0, 5), vec![3.0]);
        assert!(ticks(f64::NAN, 1.0, 5).is_empty());
        assert!(ticks(0.0, f64::INFINITY, 5).is_empty());
        assert!(ticks(0.0, 1.0, 0).is_empty());
    }

    #[test]
    fn nice_extends_the_domain_to_round_values() {
        assert_eq!(nice(0.0, 43.82, 5), (0.0, 50.0));
        assert_eq!(nice(-8.4, 34.1, 5), (-10.0, 40.0));
        assert_eq!(nice(0.0, 655_000.0, 5), (0.0, 700_000.0));
        assert_eq!(nice(0.0, 0.368, 5), (0.0, 0.4));
        assert_eq!(nice(2.0, 2.0, 5), (2.0, 2.0));
    }

    #[test]
    fn labels_get_as_many_decimals_as_the_step_needs() {
        assert_eq!(decimals(tick_step(0.0, 50.0, 5)), 0);
        assert_eq!(decimals(tick_step(0.0, 1.0, 5)), 1);
        assert_eq!(decimals(0.05), 2);
        assert_eq!(decimals(0.0), 0);
    }

    #[test]
    fn year_ticks_thin_out_to_fit() {
        assert_eq!(year_ticks(2013, 2016, 10), vec![2013, 2014, 2015, 2016]);
        assert_eq!(
            year_ticks(1992, 2025, 8),
            vec![1995, 2000, 2005, 2010, 2015, 2020, 2025]
        );
        assert_eq!(year_ticks(1992, 2025, 3), vec![2000, 2020]);
        assert!(year_ticks(2025, 2024, 5).is_empty());
    }
}
