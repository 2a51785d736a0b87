//! Warnings over the whole dataset: unreferenced sources, one-sided competing figures, text
//! keys that match nothing.

use super::*;

impl<'a> Validator<'a> {
    pub(super) fn warn_unreferenced_sources(&mut self, raw: &[(Path, raw::Source)]) {
        // With a citing file unreadable, every source would look unreferenced.
        let citing = [
            Collection::Events,
            Collection::Figures,
            Collection::Series,
            Collection::Caveats,
            Collection::Places,
        ];
        if citing.iter().any(|f| self.declared.unreadable.contains(f)) {
            return;
        }
        for (path, source) in raw {
            if !self.referenced_sources.contains(&source.id) {
                self.warn(
                    F_SOURCES,
                    &path.key("id"),
                    format!("source {} is never referenced", quote(&source.id)),
                );
            }
        }
    }

    pub(super) fn warn_one_sided_competing(&mut self, parts: &Parts) {
        let kept: HashSet<(&str, &str)> = parts
            .figures
            .iter()
            .flat_map(|f| f.competing.iter().map(move |c| (f.id.as_str(), c.as_str())))
            .collect();
        let links = std::mem::take(&mut self.competing_links);
        for (from, to, path) in &links {
            // Only links that survived validation on both ends are worth a note.
            if !kept.contains(&(from.as_str(), to.as_str())) {
                continue;
            }
            if !kept.contains(&(to.as_str(), from.as_str())) {
                self.warn(
                    F_FIGURES,
                    path,
                    format!(
                        "figure {} lists {} as competing, but {} does not list {}",
                        quote(from),
                        quote(to),
                        quote(to),
                        quote(from)
                    ),
                );
            }
        }
    }

    /// Warns about text keys that match no id, and about languages missing keys the base has.
    pub(super) fn check_text_keys(&mut self) {
        let mut notes: Vec<(FileIx, Path, String)> = Vec::new();
        // Only base keys that belong to the data count as missing in other languages.
        let base_keys: Vec<&String> = self
            .base
            .as_ref()
            .map(|e| {
                e.map
                    .keys()
                    .filter(|k| self.text_key_problem(k).is_none())
                    .collect()
            })
            .unwrap_or_default();
        let base_file = self
            .base
            .as_ref()
            .map(|base| text_file(&base.lang))
            .unwrap_or_default();
        let base_name = if base_file == text_file("en") {
            String::from("English")
        } else {
            base_file.clone()
        };
        for texts in self.base.iter().chain(self.others.iter()) {
            let text_path = Path::root().key("text");
            for key in texts.map.keys() {
                if let Some(message) = self.text_key_problem(key) {
                    notes.push((texts.file, text_path.key(key.clone()), message));
                }
            }
            let is_base = self
                .base
                .as_ref()
                .is_some_and(|base| base.lang == texts.lang);
            if !is_base && !base_keys.is_empty() {
                let missing: Vec<&&String> = base_keys
                    .iter()
                    .filter(|k| !texts.map.contains_key(k.as_str()))
                    .collect();
                if let Some(first) = missing.first() {
                    notes.push((
                        texts.file,
                        text_path.clone(),
                        format!(
                            "{} has no text for {} of the {} keys of {base_file}; they fall back to {base_name} (first missing: {})",
                            text_file(&texts.lang),
                            missing.len(),
                            base_keys.len(),
                            quote(first)
                        ),
                    ));
                }
            }
        }
        for (file, path, message) in notes {
            self.warn(file, &path, message);
        }
    }

    /// Why a text key matches nothing in the data, or `None` if it does.
    pub(super) fn text_key_problem(&self, key: &str) -> Option<String> {
        if self.declared.annotation_texts.contains(key) {
            return None;
        }
        let mut parts = key.splitn(3, '.');
        let (kind, id, field) = (parts.next()?, parts.next(), parts.next());
        let Some(collection) = Collection::from_item(kind).filter(|c| !c.texts().is_empty()) else {
            return Some(format!(
                "text key {} matches no id: keys start with sector., event., figure., series., comparison., caveat., step. or place.",
                quote(key)
            ));
        };
        let file = collection.file();
        let fields: Vec<&str> = collection.texts().iter().map(|field| field.name).collect();
        if self.declared.unreadable.contains(&collection) {
            return None;
        }
        let (Some(id), Some(field)) = (id, field) else {
            return Some(format!(
                "text key {} matches no id: expected {kind}.<id>.<field>",
                quote(key)
            ));
        };
        let exists = match kind {
            "sector" => SectorId::parse(id).is_some_and(|s| self.declared.sectors.contains(&s)),
            "event" => self.declared.events.contains(id),
            "figure" => self.declared.figures.contains(id),
            "series" => self.declared.series.contains(id),
            "comparison" => self.declared.comparisons.contains(id),
            "step" => self.declared.steps.contains(id),
            "place" => self.declared.places.contains(id),
            _ => self.declared.caveats.contains(id),
        };
        if !exists {
            return Some(format!(
                "text key {} matches no id: there is no {kind} {} in {file}",
                quote(key),
                quote(id)
            ));
        }
        let point_period = field
            .strip_prefix("point.")
            .and_then(|rest| rest.strip_suffix(".note"));
        match (kind, point_period) {
            ("series", Some(period)) => {
                let known = self.declared.broken_series.contains(id)
                    || self
                        .declared
                        .series_periods
                        .get(id)
                        .is_some_and(|periods| periods.contains(period));
                (!known).then(|| {
                    format!(
                        "text key {} matches no point: series {} has no point for period {}",
                        quote(key),
                        quote(id),
                        quote(period)
                    )
                })
            }
            _ if fields.contains(&field) => None,
            _ => Some(format!(
                "text key {} matches no text of a {kind}: expected one of {}",
                quote(key),
                fields.join(", ")
            )),
        }
    }
}
