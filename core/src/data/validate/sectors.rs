//! Building sectors.

use super::*;

impl<'a> Validator<'a> {
    pub(super) fn build_sectors(&mut self, raw: &[(Path, raw::Sector)]) -> Vec<model::Sector> {
        let mut out = Vec::new();
        for (path, sector) in raw {
            let f = F_SECTORS;
            let key_figures = self.references(
                f,
                &path.key("key_figures"),
                Collection::Figures,
                &sector.key_figures,
                FigureId::parse,
            );
            let texts = self.require_texts(f, path, Collection::Sectors, &sector.id);
            if let (Some(id), true) = (SectorId::parse(&sector.id), texts) {
                out.push(model::Sector {
                    id,
                    factbase_tags: sector.factbase_tags.clone(),
                    key_figures,
                });
            }
        }
        out
    }
}
