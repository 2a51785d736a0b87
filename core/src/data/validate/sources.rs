//! Building sources (and the data's as-of date).

use super::*;

impl<'a> Validator<'a> {
    /// Checks `as_of` and sets the latest allowed date of facts from it.
    pub(super) fn check_as_of(&mut self, as_of: Option<&(Path, String)>) -> Option<Date> {
        let (path, text) = as_of?;
        let date = self.date(F_SECTORS, path, text)?;
        if date.is_after(&self.today) {
            self.error(
                F_SECTORS,
                path,
                format!("as_of {date} is after today ({})", self.today),
            );
            return None;
        }
        self.limit = date;
        self.limit_is_as_of = true;
        Some(date)
    }

    pub(super) fn build_sources(&mut self, raw: &[(Path, raw::Source)]) -> Vec<model::Source> {
        let mut out = Vec::new();
        for (path, source) in raw {
            let f = F_SOURCES;
            let mut ok = true;
            for (field, text) in [("publisher", &source.publisher), ("title", &source.title)] {
                if text.trim().is_empty() {
                    self.error(f, &path.key(field), format!("{field} is empty"));
                    ok = false;
                }
            }
            let url = match &source.url {
                Some(url) if is_http_url(url) => Some(url.clone()),
                Some(url) => {
                    self.error(
                        f,
                        &path.key("url"),
                        format!(
                            "url {} is not an http:// or https:// address; use null when the address is not known",
                            quote(url)
                        ),
                    );
                    None
                }
                None => None,
            };
            let date_path = path.key("date");
            let date = match &source.date {
                Some(text) => match self.date(f, &date_path, text) {
                    Some(date) if date.is_after(&self.today) => {
                        let message = format!("date {date} is after today ({})", self.today);
                        self.error(f, &date_path, message);
                        None
                    }
                    date => date,
                },
                None => None,
            };
            let source_type = self.vocabulary(
                f,
                &path.key("type"),
                &source.r#type,
                SourceType::parse,
                SourceType::KIND,
                SourceType::expected(),
            );
            if !(source.language.len() == 2
                && source.language.bytes().all(|b| b.is_ascii_lowercase()))
            {
                self.error(
                    f,
                    &path.key("language"),
                    format!(
                        "language {} is not an ISO 639-1 code (two lowercase letters)",
                        quote(&source.language)
                    ),
                );
                ok = false;
            }
            let confidence = self.confidence(f, path, &source.confidence);
            let (Some(id), Some(source_type), Some(confidence), true) =
                (SourceId::parse(&source.id), source_type, confidence, ok)
            else {
                continue;
            };
            out.push(model::Source {
                id,
                publisher: source.publisher.clone(),
                title: source.title.clone(),
                url,
                date,
                source_type,
                language: source.language.clone(),
                confidence,
                via: source.via.clone().filter(|v| !v.trim().is_empty()),
            });
        }
        out
    }
}
