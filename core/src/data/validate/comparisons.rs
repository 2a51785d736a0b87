//! Building comparisons.

use super::*;

impl<'a> Validator<'a> {
    pub(super) fn build_comparisons(
        &mut self,
        raw: &[(Path, raw::Comparison)],
    ) -> Vec<model::Comparison> {
        let mut out = Vec::new();
        for (path, comparison) in raw {
            let f = F_COMPARISONS;
            let sectors = self.sectors(f, path, &comparison.sectors, "a comparison", false);
            let mark = self.vocabulary(
                f,
                &path.key("mark"),
                &comparison.mark,
                Mark::parse,
                Mark::KIND,
                Mark::expected(),
            );
            let series_path = path.key("series");
            if comparison.series.is_empty() {
                self.error(
                    f,
                    &series_path,
                    String::from("a comparison needs at least one series"),
                );
            }
            let series = self.references(
                f,
                &series_path,
                Collection::Series,
                &comparison.series,
                SeriesId::parse,
            );
            let texts = self.require_texts(f, path, Collection::Comparisons, &comparison.id);
            let annotations = self.annotations(path, comparison, &series);
            if let (Some(id), Some(sectors), Some(mark), false, true) = (
                ComparisonId::parse(&comparison.id),
                sectors,
                mark,
                series.is_empty(),
                texts,
            ) {
                out.push(model::Comparison {
                    id,
                    sectors,
                    mark,
                    series,
                    annotations,
                });
            }
        }
        out
    }

    /// Checks a comparison's annotations: each names one of its series, a year for which that
    /// series has a value, and a text that exists in the base language. Keeps the sound ones.
    fn annotations(
        &mut self,
        path: &Path,
        comparison: &raw::Comparison,
        series: &[SeriesId],
    ) -> Vec<model::Annotation> {
        let f = F_COMPARISONS;
        let mut out = Vec::new();
        for (i, annotation) in comparison.annotations.iter().enumerate() {
            let at = path.key("annotations").index(i);
            let mut ok = true;
            let own = comparison.series.contains(&annotation.series);
            if !own {
                ok = false;
                self.error(
                    f,
                    &at.key("series"),
                    format!(
                        "annotation on series {}, which is not one of this comparison's series",
                        quote(&annotation.series)
                    ),
                );
            } else if !self.declared.broken_series.contains(&annotation.series) {
                let year = annotation.year.to_string();
                // Periods unknown (series.json did not arrive or could not be read, which is
                // reported for that file): nothing to check here, and nothing to blame.
                let has_point = self
                    .declared
                    .series_periods
                    .get(&annotation.series)
                    .is_none_or(|periods| periods.contains(&year));
                if !has_point {
                    ok = false;
                    self.error(
                        f,
                        &at.key("year"),
                        format!(
                            "annotation on {year}, but series {} has no value for {year}; annotate a point the chart shows",
                            quote(&annotation.series)
                        ),
                    );
                }
            }
            if let Some(base) = self.base.as_ref() {
                let present = base
                    .map
                    .get(&annotation.text)
                    .is_some_and(|text| !text.trim().is_empty());
                if !present && !base.bad_keys.contains(&annotation.text) {
                    ok = false;
                    let file = text_file(&base.lang);
                    self.error(
                        f,
                        &at.key("text"),
                        format!(
                            "no text {} for this annotation: add it to {file}",
                            quote(&annotation.text)
                        ),
                    );
                }
            }
            let series_id = series
                .iter()
                .find(|s| s.as_str() == annotation.series)
                .cloned();
            if let (true, Some(series), Ok(year)) = (ok, series_id, u16::try_from(annotation.year))
            {
                out.push(model::Annotation {
                    series,
                    year,
                    text_key: annotation.text.clone(),
                });
            }
        }
        out
    }
}
