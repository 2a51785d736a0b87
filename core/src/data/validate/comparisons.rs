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
                });
            }
        }
        out
    }
}
