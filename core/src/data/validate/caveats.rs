//! Building caveats.

use super::*;

impl<'a> Validator<'a> {
    pub(super) fn build_caveats(&mut self, raw: &[(Path, raw::Caveat)]) -> Vec<model::Caveat> {
        let mut out = Vec::new();
        for (path, caveat) in raw {
            let f = F_CAVEATS;
            let sectors = self.sectors(f, path, &caveat.sectors, "a caveat", false);
            let applies = path.key("applies_to");
            let a = &caveat.applies_to;
            let applies_to = AppliesTo {
                figures: self.references(
                    f,
                    &applies.key("figures"),
                    Collection::Figures,
                    &a.figures,
                    FigureId::parse,
                ),
                series: self.references(
                    f,
                    &applies.key("series"),
                    Collection::Series,
                    &a.series,
                    SeriesId::parse,
                ),
                events: self.references(
                    f,
                    &applies.key("events"),
                    Collection::Events,
                    &a.events,
                    EventId::parse,
                ),
                comparisons: self.references(
                    f,
                    &applies.key("comparisons"),
                    Collection::Comparisons,
                    &a.comparisons,
                    ComparisonId::parse,
                ),
            };
            let sources = self.references(
                f,
                &path.key("sources"),
                Collection::Sources,
                &caveat.sources,
                SourceId::parse,
            );
            let texts = self.require_texts(f, path, Collection::Caveats, &caveat.id);
            if let (Some(id), Some(sectors), true) = (CaveatId::parse(&caveat.id), sectors, texts) {
                out.push(model::Caveat {
                    id,
                    sectors,
                    applies_to,
                    sources,
                });
            }
        }
        out
    }
}
