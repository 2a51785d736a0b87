//! Building series and their points.

use super::*;

impl<'a> Validator<'a> {
    pub(super) fn build_series(&mut self, raw: &[(Path, raw::Series)]) -> Vec<model::Series> {
        raw.iter()
            .filter_map(|(path, series)| self.build_one_series(path, series))
            .collect()
    }

    pub(super) fn build_one_series(
        &mut self,
        path: &Path,
        raw: &raw::Series,
    ) -> Option<model::Series> {
        let f = F_SERIES;
        let mut ok = true;
        let sector = SectorId::parse(&raw.sector);
        if sector.is_none() {
            self.error(f, &path.key("sector"), unknown_sector(&raw.sector));
        }
        let unit = self.unit(f, path, &raw.unit);
        if let Some(unit) = unit.filter(|u| !u.is_numeric()) {
            self.error(
                f,
                &path.key("unit"),
                format!("a series cannot have unit {unit}; series hold numbers"),
            );
            ok = false;
        }
        let reporter = match raw.reporter.as_deref() {
            Some(text) => {
                let parsed = self.vocabulary(
                    f,
                    &path.key("reporter"),
                    text,
                    Reporter::parse,
                    Reporter::KIND,
                    format!("{} or null", Reporter::expected()),
                );
                ok &= parsed.is_some();
                parsed
            }
            None => None,
        };
        let flow = match raw.flow.as_deref() {
            Some(text) => {
                let parsed = self.vocabulary(
                    f,
                    &path.key("flow"),
                    text,
                    Flow::parse,
                    Flow::KIND,
                    format!("{} or null", Flow::expected()),
                );
                ok &= parsed.is_some();
                parsed
            }
            None => None,
        };

        let mut points: Vec<model::Point> = Vec::new();
        let points_path = path.key("points");
        let mut previous: Option<Period> = None;
        let mut seen_periods: HashSet<Period> = HashSet::new();
        for (i, point) in raw.points.iter().enumerate() {
            let point_path = points_path.index(i);
            let Some(built) = self.build_point(&point_path, point, unit) else {
                continue;
            };
            let period_path = point_path.key("period");
            if let Some(first) = points.first() {
                if first.period.kind() != built.period.kind() {
                    self.error(
                        f,
                        &period_path,
                        format!(
                            "mixed period kinds: period {} is {}, but the series' first point {} is {}; a series uses one kind of period",
                            built.period,
                            built.period.kind().describe(),
                            first.period,
                            first.period.kind().describe()
                        ),
                    );
                    continue;
                }
            }
            if !seen_periods.insert(built.period) {
                self.error(
                    f,
                    &period_path,
                    format!(
                        "duplicate period {}: the series already has a point for it",
                        built.period
                    ),
                );
                continue;
            }
            if let Some(previous) = previous.filter(|p| built.period < *p) {
                self.warn(
                    f,
                    &period_path,
                    format!(
                        "point {} comes after {previous}; points should be in chronological order (they were sorted)",
                        built.period
                    ),
                );
            }
            previous = Some(built.period);
            points.push(built);
        }
        points.sort_by_key(|p| p.period);
        if raw.points.is_empty() {
            self.warn(f, &points_path, String::from("series has no points"));
        }

        ok &= self.require_texts(f, path, Collection::Series, &raw.id);

        let (Some(id), Some(sector), Some(unit), true) =
            (SeriesId::parse(&raw.id), sector, unit, ok)
        else {
            return None;
        };
        Some(model::Series {
            id,
            sector,
            unit,
            reporter,
            flow,
            points,
        })
    }

    pub(super) fn build_point(
        &mut self,
        path: &Path,
        raw: &raw::Point,
        unit: Option<Unit>,
    ) -> Option<model::Point> {
        let f = F_SERIES;
        let mut ok = true;
        let period_path = path.key("period");
        let period = self.period(f, &period_path, &raw.period);
        if let Some(period) = &period {
            ok &= self.period_not_future(f, &period_path, period);
        }
        let value = match raw.value {
            None => {
                let unit = unit.map(|u| format!(" in unit {u}")).unwrap_or_default();
                self.error(
                    f,
                    path,
                    format!(
                        "value missing: point {}{unit} needs a value (leave out a period that has none)",
                        quote(&raw.period)
                    ),
                );
                None
            }
            Some(value) => match unit {
                Some(unit) => self
                    .number(f, &path.key("value"), value, unit)
                    .then_some(value),
                None => Some(value),
            },
        };
        let qualifier = self.qualifier(f, path, &raw.qualifier);
        let confidence = self.confidence(f, path, &raw.confidence);
        let sources_path = path.key("sources");
        if raw.sources.is_empty() {
            self.error(
                f,
                &sources_path,
                format!(
                    "point {} has no sources; every number must name a source",
                    quote(&raw.period)
                ),
            );
            ok = false;
        }
        let sources = self.references(
            f,
            &sources_path,
            Collection::Sources,
            &raw.sources,
            SourceId::parse,
        );
        ok &= !sources.is_empty();
        let derived = match &raw.derived {
            Some(derived) => {
                let built = self.derived(
                    f,
                    path,
                    derived,
                    Collection::Series,
                    "point",
                    SeriesId::parse,
                );
                ok &= built.is_some();
                built
            }
            None => None,
        };
        let (Some(period), Some(value), Some(qualifier), Some(confidence), true) =
            (period, value, qualifier, confidence, ok)
        else {
            return None;
        };
        Some(model::Point {
            period,
            value,
            qualifier,
            sources,
            confidence,
            derived,
        })
    }
}
