//! Building figures.

use super::*;

impl<'a> Validator<'a> {
    pub(super) fn build_figures(&mut self, raw: &[(Path, raw::Figure)]) -> Vec<model::Figure> {
        raw.iter()
            .filter_map(|(path, figure)| self.build_figure(path, figure))
            .collect()
    }

    pub(super) fn build_figure(&mut self, path: &Path, raw: &raw::Figure) -> Option<model::Figure> {
        let f = F_FIGURES;
        let mut ok = true;
        let sectors = self.sectors(f, path, &raw.sectors, "a figure", true);
        let unit = self.unit(f, path, &raw.unit);
        let qualifier = self.qualifier(f, path, &raw.qualifier);
        let confidence = self.confidence(f, path, &raw.confidence);

        // Every number names a source.
        let source = match raw.source.as_deref() {
            Some(text) if !text.trim().is_empty() => {
                let source_path = path.key("source");
                self.reference(f, &source_path, Collection::Sources, text)
                    .then(|| SourceId::parse(text))
                    .flatten()
            }
            Some(_) => {
                self.error(
                    f,
                    &path.key("source"),
                    String::from("figure has no source; every number must name a source"),
                );
                None
            }
            None => {
                self.error(
                    f,
                    path,
                    String::from("figure has no source; every number must name a source"),
                );
                None
            }
        };

        let date_path = path.key("date");
        let value_path = path.key("value");
        let amount = match unit {
            Some(Unit::Date) => {
                if let Some(value) = raw.value {
                    self.error(
                        f,
                        &value_path,
                        format!("value {value} is present, but a figure with unit date has no value; its date field holds the date"),
                    );
                    ok = false;
                }
                match raw.date.as_deref() {
                    Some(text) => match self.date(f, &date_path, text) {
                        Some(date) if self.not_future(f, &date_path, "date", &date) => {
                            Some(model::Amount::Date(date))
                        }
                        _ => None,
                    },
                    None => {
                        self.error(
                            f,
                            path,
                            String::from(
                                "a figure with unit date needs a date field holding the date",
                            ),
                        );
                        None
                    }
                }
            }
            Some(unit) => {
                if raw.date.is_some() {
                    self.error(
                        f,
                        &date_path,
                        format!("date is only allowed with unit date, not with unit {unit}"),
                    );
                    ok = false;
                }
                match (unit, raw.value) {
                    (Unit::Wording, Some(value)) => {
                        self.error(
                            f,
                            &value_path,
                            format!("value {value} is present, but a figure with unit wording has no value; the text carries the claim"),
                        );
                        None
                    }
                    (Unit::Wording, None) => Some(model::Amount::Wording),
                    (unit, Some(value)) => self
                        .number(f, &value_path, value, unit)
                        .then_some(model::Amount::Number(value)),
                    (unit, None) => {
                        self.error(
                            f,
                            path,
                            format!("value missing: a figure in unit {unit} needs a value"),
                        );
                        None
                    }
                }
            }
            None => None,
        };

        let period = match raw.period.as_deref() {
            Some(text) => {
                let period_path = path.key("period");
                match self.period(f, &period_path, text) {
                    Some(period) => {
                        ok &= self.period_not_future(f, &period_path, &period);
                        Some(period)
                    }
                    None => {
                        ok = false;
                        None
                    }
                }
            }
            None => None,
        };
        let as_of = match raw.as_of.as_deref() {
            Some(text) => {
                let as_of_path = path.key("as_of");
                match self.date(f, &as_of_path, text) {
                    Some(date) => {
                        ok &= self.not_future(f, &as_of_path, "as_of", &date);
                        Some(date)
                    }
                    None => {
                        ok = false;
                        None
                    }
                }
            }
            None => None,
        };
        if raw.period.is_none() && raw.as_of.is_none() && unit.is_some_and(|u| u != Unit::Date) {
            self.error(
                f,
                path,
                String::from("figure has neither period nor as_of; one of them must say what the number covers"),
            );
            ok = false;
        }

        let mut advertorial_items = Vec::new();
        for (i, item) in raw.advertorial_items.iter().enumerate() {
            if *item == 0 {
                self.error(
                    f,
                    &path.key("advertorial_items").index(i),
                    String::from("advertorial item 0 does not exist; items are numbered from 1"),
                );
            } else {
                advertorial_items.push(*item);
            }
        }

        let competing_path = path.key("competing");
        let mut competing = Vec::new();
        for (i, other) in raw.competing.iter().enumerate() {
            let other_path = competing_path.index(i);
            if *other == raw.id {
                self.error(
                    f,
                    &other_path,
                    format!("figure {} lists itself as competing", quote(other)),
                );
            } else if self.reference(f, &other_path, Collection::Figures, other) {
                self.competing_links
                    .push((raw.id.clone(), other.clone(), other_path));
                competing.extend(FigureId::parse(other));
            }
        }

        let derived = match &raw.derived {
            Some(derived) => {
                let built = self.derived(
                    f,
                    path,
                    derived,
                    Collection::Figures,
                    "figure",
                    FigureId::parse,
                );
                ok &= built.is_some();
                built
            }
            None => None,
        };

        ok &= self.require_texts(f, path, Collection::Figures, &raw.id);

        let (
            Some(id),
            Some(sectors),
            Some(amount),
            Some(unit),
            Some(qualifier),
            Some(source),
            Some(confidence),
            true,
        ) = (
            FigureId::parse(&raw.id),
            sectors,
            amount,
            unit,
            qualifier,
            source,
            confidence,
            ok,
        )
        else {
            return None;
        };
        Some(model::Figure {
            id,
            sectors,
            amount,
            unit,
            qualifier,
            period,
            as_of,
            source,
            confidence,
            advertorial_items,
            competing,
            derived,
        })
    }

    /// Reports a period that starts after the newest fact of the data; `false` if it does.
    pub(super) fn period_not_future(&mut self, file: FileIx, path: &Path, period: &Period) -> bool {
        if period.first_day().is_after(&self.limit) {
            let message = format!("period {period} starts after {}", self.limit_words());
            self.error(file, path, message);
            false
        } else {
            true
        }
    }
}
