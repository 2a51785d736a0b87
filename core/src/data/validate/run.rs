//! The whole run: reading every file, declaring ids, building each collection in order (in three
//! steps), the warnings over the whole dataset, and the problems sorted per file.

use super::*;

impl<'a> Validator<'a> {
    /// Reads every file but the texts (`read_texts`): parsing and shapes.
    pub(super) fn read_collections(&mut self) -> RawData {
        let input = self.input;
        let sources = self.read_sources(input.sources.as_deref());
        let sources_unreadable = sources.is_none();
        let raw_sectors = self.read_sectors(input.sectors.as_deref());
        let mut raw = RawData {
            sources: sources.unwrap_or_default(),
            as_of: raw_sectors.as_ref().and_then(|(as_of, _)| as_of.clone()),
            sectors: raw_sectors.and_then(|(_, sectors)| sectors),
            sources_unreadable,
            ..RawData::default()
        };
        raw.events = self.read_collection(F_EVENTS, input.events.as_deref(), "events");
        raw.figures = self.read_collection(F_FIGURES, input.figures.as_deref(), "figures");
        raw.series = self.read_collection(F_SERIES, input.series.as_deref(), "series");
        raw.comparisons =
            self.read_collection(F_COMPARISONS, input.comparisons.as_deref(), "comparisons");
        raw.caveats = self.read_collection(F_CAVEATS, input.caveats.as_deref(), "caveats");
        raw.story = self.read_collection(F_STORY, input.story.as_deref(), "steps");
        raw.places = self.read_collection(F_PLACES, input.places.as_deref(), "places");
        raw
    }

    /// The first of three steps that build the dataset from what [`Self::read_collections`] and
    /// `read_texts` read (ids, references, meaning, warnings): ids, the as-of date, and the
    /// collections the others refer to.
    pub(super) fn build_first(&mut self, raw: &mut RawData) -> Parts {
        self.declare(raw);
        let as_of = self.check_as_of(raw.as_of.as_ref());
        let sources = self.build_sources(&raw.sources);
        let figures = self.build_figures(&raw.figures);
        let series = self.build_series(&raw.series);
        let events = self.build_events(&raw.events);
        Parts {
            as_of,
            sources,
            events,
            figures,
            series,
            ..Parts::default()
        }
    }

    /// The collections that refer to those of [`Self::build_first`], then the pruning of what
    /// lost its references.
    pub(super) fn build_second(&mut self, raw: &RawData, parts: &mut Parts) {
        parts.comparisons = self.build_comparisons(&raw.comparisons);
        parts.caveats = self.build_caveats(&raw.caveats);
        parts.story = self.build_story(&raw.story, &parts.events);
        parts.places = self.build_places(&raw.places);
        parts.sectors = match &raw.sectors {
            Some(sectors) => self.build_sectors(sectors),
            None => Vec::new(),
        };
        prune(parts);
    }

    /// The warnings over the whole dataset, the texts, and the dataset itself.
    pub(super) fn build_last(&mut self, raw: &RawData, mut parts: Parts) -> Option<model::Dataset> {
        self.warn_unreferenced_sources(&raw.sources);
        self.warn_one_sided_competing(&parts);
        self.check_text_keys();

        let usable = !raw.sources_unreadable && raw.sectors.is_some() && self.base.is_some();
        let base = self.base.take()?;
        parts.texts = Texts::new(
            (base.lang, base.map),
            self.others
                .drain(..)
                .map(|lang| (lang.lang, lang.map))
                .collect(),
        );
        usable.then(|| model::Dataset::from_parts(parts))
    }

    /// Every pending problem, grouped by file in file order, with the text of each file that
    /// has one ([`UnlocatedProblems::locate`] places them).
    pub(super) fn unlocated(&mut self) -> UnlocatedProblems {
        let mut problems = Vec::new();
        let mut texts = Vec::new();
        for (index, log) in self.files.iter_mut().enumerate() {
            if log.pending.is_empty() {
                continue;
            }
            if let Some(text) = log.text {
                texts.push((index, text.to_owned()));
            }
            problems.extend(log.pending.drain(..).map(|pending| Unlocated {
                severity: pending.severity,
                file: log.name.clone(),
                path: pending.path.to_string(),
                message: pending.message,
                target: pending.path,
                anchor: pending.anchor,
                log: index,
            }));
        }
        UnlocatedProblems { problems, texts }
    }
}
