//! Field checks shared by several files: dates, periods, vocabularies, sectors, references,
//! required texts, derivations and numbers.

use super::*;

impl<'a> Validator<'a> {
    /// Parses a date no earlier than 1992.
    pub(super) fn date(&mut self, file: FileIx, path: &Path, text: &str) -> Option<Date> {
        match Date::parse(text) {
            Ok(date) if date.year < FIRST_YEAR => {
                self.error(
                    file,
                    path,
                    format!("date {date} is before January {FIRST_YEAR}"),
                );
                None
            }
            Ok(date) => Some(date),
            Err(error) => {
                let reason = match error {
                    DateError::Form => String::from("expected YYYY, YYYY-MM or YYYY-MM-DD"),
                    other => other.to_string(),
                };
                self.error(
                    file,
                    path,
                    format!("malformed date {}: {reason}", quote(text)),
                );
                None
            }
        }
    }

    /// Parses a period starting no earlier than 1992.
    pub(super) fn period(&mut self, file: FileIx, path: &Path, text: &str) -> Option<Period> {
        match Period::parse(text) {
            Ok(period) if period.year() < FIRST_YEAR => {
                self.error(
                    file,
                    path,
                    format!("period {period} is before January {FIRST_YEAR}"),
                );
                None
            }
            Ok(period) => Some(period),
            Err(error) => {
                let reason = match error {
                    DateError::Form => {
                        String::from("expected YYYY, YYYY-H1, YYYY-Q1 … YYYY-Q4 or YYYY-MM/YYYY-MM")
                    }
                    other => other.to_string(),
                };
                self.error(
                    file,
                    path,
                    format!("malformed period {}: {reason}", quote(text)),
                );
                None
            }
        }
    }

    /// Words for the latest allowed date, for messages.
    pub(super) fn limit_words(&self) -> String {
        if self.limit_is_as_of {
            format!("the data's as_of date {}", self.limit)
        } else {
            format!("today ({})", self.limit)
        }
    }

    /// Reports a fact dated after the newest fact of the data; `false` if it is.
    pub(super) fn not_future(
        &mut self,
        file: FileIx,
        path: &Path,
        what: &str,
        date: &Date,
    ) -> bool {
        if date.is_after(&self.limit) {
            let message = format!("{what} {date} is after {}", self.limit_words());
            self.error(file, path, message);
            false
        } else {
            true
        }
    }

    /// Parses one word of a closed vocabulary, reporting an unknown one.
    pub(super) fn vocabulary<T: Copy>(
        &mut self,
        file: FileIx,
        path: &Path,
        text: &str,
        parse: fn(&str) -> Option<T>,
        kind: &str,
        expected: String,
    ) -> Option<T> {
        let parsed = parse(text);
        if parsed.is_none() {
            self.error(
                file,
                path,
                format!("unknown {kind} {}; expected one of {expected}", quote(text)),
            );
        }
        parsed
    }

    pub(super) fn confidence(
        &mut self,
        file: FileIx,
        path: &Path,
        text: &str,
    ) -> Option<Confidence> {
        let path = path.key("confidence");
        self.vocabulary(
            file,
            &path,
            text,
            Confidence::parse,
            Confidence::KIND,
            Confidence::expected(),
        )
    }

    pub(super) fn qualifier(&mut self, file: FileIx, path: &Path, text: &str) -> Option<Qualifier> {
        let path = path.key("qualifier");
        self.vocabulary(
            file,
            &path,
            text,
            Qualifier::parse,
            Qualifier::KIND,
            Qualifier::expected(),
        )
    }

    pub(super) fn unit(&mut self, file: FileIx, path: &Path, text: &str) -> Option<Unit> {
        let path = path.key("unit");
        self.vocabulary(file, &path, text, Unit::parse, Unit::KIND, Unit::expected())
    }

    /// Parses a list of sector ids, dropping unknown ones; `None` when none is left or
    /// `required` and the list was empty.
    pub(super) fn sectors(
        &mut self,
        file: FileIx,
        path: &Path,
        texts: &[String],
        what: &str,
        required: bool,
    ) -> Option<Vec<SectorId>> {
        let path = path.key("sectors");
        if required && texts.is_empty() {
            self.error(file, &path, format!("{what} needs at least one sector"));
            return None;
        }
        let mut out: Vec<SectorId> = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            match SectorId::parse(text) {
                Some(id) if out.contains(&id) => self.error(
                    file,
                    &path.index(i),
                    format!("sector {} is listed twice", quote(text)),
                ),
                Some(id) => out.push(id),
                None => self.error(file, &path.index(i), unknown_sector(text)),
            }
        }
        (!required || !out.is_empty()).then_some(out)
    }

    /// Checks one reference against the ids that exist; reports a dangling one.
    pub(super) fn reference(
        &mut self,
        file: FileIx,
        path: &Path,
        kind: Collection,
        text: &str,
    ) -> bool {
        if kind == Collection::Sources {
            self.referenced_sources.insert(text.to_owned());
        }
        if self.declared.of(kind).contains(text) {
            return true;
        }
        if self.declared.unreadable.contains(&kind) {
            return false;
        }
        let message = if model::is_valid_id(text) {
            format!(
                "unknown {} id {}: there is no {} with this id in {}",
                kind.item(),
                quote(text),
                kind.item(),
                kind.file()
            )
        } else {
            format!(
                "malformed {} id {}: expected the id of a {} in {}",
                kind.item(),
                quote(text),
                kind.item(),
                kind.file()
            )
        };
        self.error(file, path, message);
        false
    }

    /// Checks a list of references, keeping those that resolve.
    pub(super) fn references<Id>(
        &mut self,
        file: FileIx,
        path: &Path,
        kind: Collection,
        texts: &[String],
        make: fn(&str) -> Option<Id>,
    ) -> Vec<Id> {
        let mut out = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            if self.reference(file, &path.index(i), kind, text) {
                if let Some(id) = make(text) {
                    out.push(id);
                }
            }
        }
        out
    }

    /// Checks that the base language's texts of an item exist and are not blank.
    /// Checks that the item `id` of `collection` has every required text in the base language.
    pub(super) fn require_texts(
        &mut self,
        file: FileIx,
        path: &Path,
        collection: Collection,
        id: &str,
    ) -> bool {
        let Some(base) = self.base.as_ref() else {
            // Without any text file, one error on text/en.json says everything.
            return true;
        };
        let language = if base.lang == "en" {
            String::from("English ")
        } else {
            String::new()
        };
        let mut ok = true;
        let mut problems = Vec::new();
        for field in collection.required_texts() {
            let key = model::text_key(collection.item(), id, field);
            match base.map.get(&key) {
                Some(text) if !text.trim().is_empty() => continue,
                Some(_) => problems.push(format!("the {language}text {} is empty", quote(&key))),
                // A value of the wrong type was reported in text/en.json already.
                None if base.bad_keys.contains(&key) => {}
                None => problems.push(format!(
                    "no {language}text {}: add it to {}",
                    quote(&key),
                    text_file(&base.lang)
                )),
            }
            ok = false;
        }
        self.missing_texts += problems.len();
        for message in problems {
            self.error(file, &path.key("id"), message);
        }
        ok
    }

    /// Checks a `derived` object: it must carry a formula.
    pub(super) fn derived<Id>(
        &mut self,
        file: FileIx,
        path: &Path,
        derived: &raw::Derived,
        kind: Collection,
        what: &str,
        make: fn(&str) -> Option<Id>,
    ) -> Option<Derived<Id>> {
        let path = path.key("derived");
        let formula = match derived.formula.as_deref().map(str::trim) {
            Some(formula) if !formula.is_empty() => Some(formula.to_owned()),
            _ => {
                self.error(
                    file,
                    &path,
                    format!("{what} is marked derived but has no formula; add \"formula\" with the arithmetic"),
                );
                None
            }
        };
        let from = self.references(file, &path.key("from"), kind, &derived.from, make);
        Some(Derived {
            formula: formula?,
            from,
        })
    }

    /// Checks a numeric value: finite, plausible in size, and negative only where the unit allows
    /// it.
    pub(super) fn number(&mut self, file: FileIx, path: &Path, value: f64, unit: Unit) -> bool {
        if !value.is_finite() {
            self.error(file, path, format!("value {value} is not a finite number"));
            return false;
        }
        if value.abs() > MAX_VALUE {
            self.error(
                file,
                path,
                format!(
                    "value {value:e} is implausibly large: over {MAX_VALUE:e} {unit}; check the unit and the decimal point"
                ),
            );
            return false;
        }
        if value < 0.0 && !unit.allows_negative() {
            self.error(
                file,
                path,
                format!(
                    "negative value {value} is not allowed for unit {unit}; only percent-change may be negative"
                ),
            );
            return false;
        }
        if unit == Unit::Ordinal && (value < 1.0 || value.fract() != 0.0) {
            self.error(
                file,
                path,
                format!("ordinal value {value} is not 1, 2, 3, …"),
            );
            return false;
        }
        true
    }
}
