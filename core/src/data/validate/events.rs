//! Building events: dates, ranges, disputed dates, plans and the fact base's row.

use super::*;

impl<'a> Validator<'a> {
    pub(super) fn build_events(&mut self, raw: &[(Path, raw::Event)]) -> Vec<model::Event> {
        raw.iter()
            .filter_map(|(path, event)| self.build_event(path, event))
            .collect()
    }

    pub(super) fn build_event(&mut self, path: &Path, raw: &raw::Event) -> Option<model::Event> {
        let f = F_EVENTS;
        let mut ok = true;
        let status = self.vocabulary(
            f,
            &path.key("status"),
            &raw.status,
            Status::parse,
            Status::KIND,
            Status::expected(),
        );
        let planned = status == Some(Status::Planned);
        let date_path = path.key("date");
        let date = self.date(f, &date_path, &raw.date);
        if let Some(date) = &date {
            if !planned && date.is_after(&self.limit) {
                let message = format!(
                    "date {date} is after {}; only a planned event may be dated later",
                    self.limit_words()
                );
                self.error(f, &date_path, message);
                ok = false;
            }
        }
        let end_path = path.key("end");
        let both = raw.end.is_some() && !raw.other_dates.is_empty();
        if both {
            self.error(
                f,
                &end_path,
                String::from(
                    "an event with other_dates may not have an end: a disputed date is not a \
                     range; remove \"end\" (or, for a real range, \"other_dates\"); the end is left out",
                ),
            );
        }
        let end = match (raw.end.as_deref().filter(|_| !both), date) {
            (Some(text), Some(start)) => match self.date(f, &end_path, text) {
                Some(end) if end.is_before(&start) => {
                    self.error(
                        f,
                        &end_path,
                        format!("end {end} is before the event's date {start}"),
                    );
                    None
                }
                Some(end) if !planned && end.is_after(&self.limit) => {
                    let message = format!(
                        "end {end} is after {}; only a planned event may be dated later",
                        self.limit_words()
                    );
                    self.error(f, &end_path, message);
                    None
                }
                end => end,
            },
            _ => None,
        };
        let other_dates = self.other_dates(path, &raw.other_dates, date, planned);
        let sectors = self.sectors(f, path, &raw.sectors, "an event", true);
        let sources_path = path.key("sources");
        if raw.sources.is_empty() {
            self.error(
                f,
                &sources_path,
                String::from("an event needs at least one source"),
            );
        }
        let sources = self.references(
            f,
            &sources_path,
            Collection::Sources,
            &raw.sources,
            SourceId::parse,
        );
        let confidence = self.confidence(f, path, &raw.confidence);
        let in_advertorial = self.vocabulary(
            f,
            &path.key("in_advertorial"),
            &raw.in_advertorial,
            InAdvertorial::parse,
            InAdvertorial::KIND,
            InAdvertorial::expected(),
        );
        let factbase_row = match (raw.factbase_row, raw.factbase_update_row.as_deref()) {
            (Some(row), None) if (1..=FACTBASE_ROWS).contains(&row) => {
                Some(model::FactbaseRow::Timeline(row))
            }
            (Some(row), None) => {
                self.error(
                    f,
                    &path.key("factbase_row"),
                    format!(
                        "factbase_row {row} is not a row of the fact base's timeline \
                         (1–{FACTBASE_ROWS})"
                    ),
                );
                None
            }
            (None, Some(row)) => {
                let number = row
                    .strip_prefix('U')
                    .filter(|digits| !digits.starts_with('0'))
                    .and_then(|digits| digits.parse::<u32>().ok())
                    .filter(|number| (1..=FACTBASE_UPDATE_ROWS).contains(number));
                if number.is_none() {
                    self.error(
                        f,
                        &path.key("factbase_update_row"),
                        format!(
                            "factbase_update_row {} is not a row of the fact base's 2026 update \
                             (U1–U{FACTBASE_UPDATE_ROWS})",
                            quote(row)
                        ),
                    );
                }
                number.map(model::FactbaseRow::Update)
            }
            (Some(_), Some(_)) => {
                self.error(
                    f,
                    &path.key("factbase_update_row"),
                    "an event comes from one row of the fact base: give factbase_row or \
                     factbase_update_row, not both"
                        .to_owned(),
                );
                None
            }
            (None, None) => {
                self.error(
                    f,
                    path,
                    "an event needs the fact base's row it comes from: factbase_row (1–76) or \
                     factbase_update_row (U1–U32)"
                        .to_owned(),
                );
                None
            }
        };
        ok &= factbase_row.is_some();
        ok &= self.require_texts(f, path, Collection::Events, &raw.id);

        let (
            Some(id),
            Some(start),
            Some(status),
            Some(sectors),
            Some(confidence),
            Some(in_advertorial),
            true,
        ) = (
            EventId::parse(&raw.id),
            date,
            status,
            sectors,
            confidence,
            in_advertorial,
            ok && !sources.is_empty(),
        )
        else {
            return None;
        };
        let main_sector = *sectors.first()?;
        let event = model::Event {
            id,
            when: model::DateRange { start, end },
            other_dates,
            status,
            main_sector,
            sectors,
            sources,
            confidence,
            in_advertorial,
            factbase_row: factbase_row?,
        };
        if self.limit_is_as_of && event.is_stale_plan(self.limit) {
            let message = format!(
                "planned for {start}, which has passed by the data's as-of date {} with no \
                 update: say whether it happened, or keep it planned and explain in its summary",
                self.limit
            );
            self.warn(f, &date_path, message);
        }
        Some(event)
    }

    /// Checks an event's `other_dates`: each a valid date that differs from the event's own
    /// `date` and from the other alternatives, dated no later than the data's as-of date (unless
    /// the event is planned), with at least one source that resolves. A bad alternative is left
    /// out; the event keeps the rest.
    pub(super) fn other_dates(
        &mut self,
        path: &Path,
        raw: &[raw::OtherDate],
        own: Option<Date>,
        planned: bool,
    ) -> Vec<model::OtherDate> {
        let f = F_EVENTS;
        let list_path = path.key("other_dates");
        let mut out: Vec<model::OtherDate> = Vec::new();
        for (i, other) in raw.iter().enumerate() {
            let item_path = list_path.index(i);
            let date_path = item_path.key("date");
            let mut ok = true;
            let date = self.date(f, &date_path, &other.date);
            if let Some(date) = date {
                if own == Some(date) {
                    self.error(
                        f,
                        &date_path,
                        format!(
                            "other date {date} is the event's own date; an other date must differ \
                             from \"date\" (the date the event's sources give)"
                        ),
                    );
                    ok = false;
                } else if out.iter().any(|kept| kept.date == date) {
                    self.error(
                        f,
                        &date_path,
                        format!("other date {date} is listed twice; list its sources together"),
                    );
                    ok = false;
                } else if !planned && date.is_after(&self.limit) {
                    let message = format!(
                        "other date {date} is after {}; only a planned event may be dated later",
                        self.limit_words()
                    );
                    self.error(f, &date_path, message);
                    ok = false;
                }
            }
            let sources_path = item_path.key("sources");
            if other.sources.is_empty() {
                self.error(
                    f,
                    &sources_path,
                    String::from("an other date needs at least one source that gives it"),
                );
            }
            let sources = self.references(
                f,
                &sources_path,
                Collection::Sources,
                &other.sources,
                SourceId::parse,
            );
            if let (Some(date), true, false) = (date, ok, sources.is_empty()) {
                out.push(model::OtherDate { date, sources });
            }
        }
        out
    }
}
