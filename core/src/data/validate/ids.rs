//! Ids: which ids each file declares (well formed, first of duplicates), for reference checks.

use super::*;

impl<'a> Validator<'a> {
    /// Checks ids of every collection (form, uniqueness), keeps the first of duplicates, and
    /// records which ids exist.
    pub(super) fn declare(&mut self, raw: &mut RawData) {
        self.declared.sources =
            self.unique_ids(F_SOURCES, Collection::Sources, &mut raw.sources, |s| &s.id);
        self.declared.events =
            self.unique_ids(F_EVENTS, Collection::Events, &mut raw.events, |e| &e.id);
        self.declared.figures =
            self.unique_ids(F_FIGURES, Collection::Figures, &mut raw.figures, |f| &f.id);
        self.declared.series =
            self.unique_ids(F_SERIES, Collection::Series, &mut raw.series, |s| &s.id);
        self.declared.comparisons = self.unique_ids(
            F_COMPARISONS,
            Collection::Comparisons,
            &mut raw.comparisons,
            |c| &c.id,
        );
        self.declared.caveats =
            self.unique_ids(F_CAVEATS, Collection::Caveats, &mut raw.caveats, |c| &c.id);
        self.declared.steps =
            self.unique_ids(F_STORY, Collection::Story, &mut raw.story, |s| &s.id);
        self.declared.places =
            self.unique_ids(F_PLACES, Collection::Places, &mut raw.places, |p| &p.id);
        for (_, series) in &raw.series {
            let periods = series.points.iter().map(|p| p.period.clone()).collect();
            self.declared
                .series_periods
                .insert(series.id.clone(), periods);
        }
        for (_, comparison) in &raw.comparisons {
            let keys = comparison.annotations.iter().map(|a| a.text.clone());
            self.declared.annotation_texts.extend(keys);
        }
        let broken = std::mem::take(&mut self.broken_ids);
        let well_formed = |file: FileIx| {
            broken
                .get(&file)
                .into_iter()
                .flatten()
                .filter(|id| model::is_valid_id(id))
                .cloned()
        };
        self.declared.sources.extend(well_formed(F_SOURCES));
        self.declared.events.extend(well_formed(F_EVENTS));
        self.declared.figures.extend(well_formed(F_FIGURES));
        self.declared.series.extend(well_formed(F_SERIES));
        self.declared.comparisons.extend(well_formed(F_COMPARISONS));
        self.declared.caveats.extend(well_formed(F_CAVEATS));
        self.declared.steps.extend(well_formed(F_STORY));
        self.declared.places.extend(well_formed(F_PLACES));
        self.declared.broken_series.extend(well_formed(F_SERIES));
        let broken_sectors = broken.get(&F_SECTORS).into_iter().flatten();
        self.declared
            .sectors
            .extend(broken_sectors.filter_map(|id| SectorId::parse(id)));
        if let Some(sectors) = raw.sectors.as_mut() {
            self.declare_sectors(sectors);
        }
    }

    pub(super) fn unique_ids<T>(
        &mut self,
        file: FileIx,
        kind: Collection,
        items: &mut Vec<(Path, T)>,
        id: impl Fn(&T) -> &String,
    ) -> BTreeSet<String> {
        let mut first: HashMap<String, Path> = HashMap::new();
        let mut keep = Vec::with_capacity(items.len());
        for (path, item) in items.drain(..) {
            let text = id(&item);
            let id_path = path.key("id");
            if !model::is_valid_id(text) {
                self.error(
                    file,
                    &id_path,
                    format!(
                        "malformed {} id {}: ids are kebab-case ASCII (a-z, 0-9, single hyphens between)",
                        kind.item(),
                        quote(text)
                    ),
                );
                continue;
            }
            if let Some(earlier) = first.get(text) {
                let message = format!(
                    "duplicate {} id {}: already used by {earlier}",
                    kind.item(),
                    quote(text)
                );
                self.error(file, &id_path, message);
                continue;
            }
            first.insert(text.clone(), path.clone());
            keep.push((path, item));
        }
        *items = keep;
        first.into_keys().collect()
    }

    /// Checks that `sectors.json` lists each of the eleven sectors exactly once.
    pub(super) fn declare_sectors(&mut self, sectors: &mut Vec<(Path, raw::Sector)>) {
        let mut keep = Vec::with_capacity(sectors.len());
        for (path, sector) in sectors.drain(..) {
            let id_path = path.key("id");
            match SectorId::parse(&sector.id) {
                None => self.error(F_SECTORS, &id_path, unknown_sector(&sector.id)),
                Some(id) if self.declared.sectors.contains(&id) => self.error(
                    F_SECTORS,
                    &id_path,
                    format!("sector {} is listed twice", quote(&sector.id)),
                ),
                Some(id) => {
                    self.declared.sectors.insert(id);
                    keep.push((path, sector));
                }
            }
        }
        *sectors = keep;
        let missing: Vec<&str> = SectorId::ALL
            .iter()
            .filter(|s| !self.declared.sectors.contains(s))
            .map(|s| s.as_str())
            .collect();
        if !missing.is_empty() {
            self.error(
                F_SECTORS,
                &Path::root().key("sectors"),
                format!(
                    "sectors.json must list each of the eleven sectors once; missing: {}",
                    missing.join(", ")
                ),
            );
        }
    }
}
