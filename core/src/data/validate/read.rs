//! Reading files: size limits, JSON syntax, the top-level shape, each element's shape (located
//! messages only for a broken element), and the text files of every language.

use super::*;

impl<'a> Validator<'a> {
    /// Reads one file to a JSON value, reporting a missing, empty, oversized or malformed file.
    pub(super) fn load(&mut self, file: FileIx, text: Option<&'a str>) -> Option<Value> {
        let root = Path::root();
        let Some(text) = text else {
            self.push(
                file,
                Severity::Error,
                root,
                Anchor::Nowhere,
                String::from("the file is missing or could not be read"),
            );
            return None;
        };
        let start = Anchor::At(Location { line: 1, column: 1 });
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => {
                self.push(
                    file,
                    Severity::Warning,
                    root.clone(),
                    start,
                    String::from(
                        "the file starts with a UTF-8 byte order mark (BOM); it was ignored",
                    ),
                );
                rest
            }
            None => text,
        };
        if let Some(log) = self.files.get_mut(file) {
            log.text = Some(text);
        }
        if text.len() > MAX_FILE_BYTES {
            self.push(
                file,
                Severity::Error,
                root,
                start,
                format!(
                    "the file is too large: {} bytes; the limit is {MAX_FILE_BYTES} bytes (4 MiB)",
                    text.len()
                ),
            );
            return None;
        }
        if text.trim().is_empty() {
            self.push(
                file,
                Severity::Error,
                root,
                start,
                String::from("file is empty"),
            );
            return None;
        }
        match serde_json::from_str::<Value>(text) {
            Ok(value) => Some(value),
            Err(error) => {
                let location = LineIndex::new(text).from_serde(error.line(), error.column());
                let full = error.to_string();
                let message = match full.rsplit_once(" at line ") {
                    Some((message, _)) => message,
                    None => full.as_str(),
                };
                // serde_json's wording for these two says nothing to a data editor.
                let message = if message.contains("recursion limit") {
                    "nested more than 128 levels deep"
                } else if message.contains("number out of range") {
                    "number out of range; values must be finite numbers"
                } else {
                    message
                };
                self.push(
                    file,
                    Severity::Error,
                    root,
                    Anchor::At(location),
                    format!("invalid JSON: {message}"),
                );
                None
            }
        }
    }

    /// Checks that the top level is an object with exactly the given keys (missing keys are
    /// reported where they are needed).
    pub(super) fn top_level<'v>(
        &mut self,
        file: FileIx,
        value: &'v Value,
        keys: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let root = Path::root();
        let Some(map) = value.as_object() else {
            self.error(
                file,
                &root,
                format!(
                    "expected an object with the fields {}, found {}",
                    keys.join(", "),
                    raw::describe(value)
                ),
            );
            return None;
        };
        for key in map.keys() {
            if !keys.contains(&key.as_str()) {
                self.push(
                    file,
                    Severity::Error,
                    root.key(key.to_owned()),
                    Anchor::Key,
                    format!(
                        "unknown field {}; expected one of {}",
                        quote(key),
                        keys.join(", ")
                    ),
                );
            }
        }
        Some(map)
    }

    /// Reads a top-level list; `None` (with an error) when it is missing or not a list.
    pub(super) fn list<'v>(
        &mut self,
        file: FileIx,
        map: &'v Map<String, Value>,
        key: &'static str,
    ) -> Option<&'v Vec<Value>> {
        match map.get(key) {
            None => {
                self.error(
                    file,
                    &Path::root(),
                    format!("missing required field {}", quote(key)),
                );
                None
            }
            Some(Value::Array(items)) => Some(items),
            Some(other) => {
                self.error(
                    file,
                    &Path::root().key(key),
                    format!("expected a list, found {}", raw::describe(other)),
                );
                None
            }
        }
    }

    /// Checks and deserializes each element on its own, so one bad element drops only itself.
    pub(super) fn elements<T: Shape + DeserializeOwned>(
        &mut self,
        file: FileIx,
        items: &[Value],
        key: &'static str,
    ) -> Vec<(Path, T)> {
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            let path = Path::root().key(key).index(i);
            // A valid element (nearly every one) passes the quick shape test; only a broken one
            // pays for the full check, which builds a path for every field to name each fault.
            if T::valid(item) {
                match T::deserialize(item) {
                    Ok(value) => out.push((path, value)),
                    // The shape check and serde are generated from one field list, so this is
                    // not expected; if they ever disagree, serde's message is still reported.
                    Err(error) => self.error(file, &path, error.to_string()),
                }
                continue;
            }
            let mut errors = Vec::new();
            T::check(item, &path, &mut errors);
            if !errors.is_empty() {
                // The broken item still declares its id, so references to it and its texts are
                // not reported as dangling: the one real fault is reported here.
                if let Some(id) = item.get("id").and_then(Value::as_str) {
                    self.broken_ids.entry(file).or_default().push(id.to_owned());
                }
                for error in errors {
                    let anchor = if error.at_key {
                        Anchor::Key
                    } else {
                        Anchor::Value
                    };
                    self.push(file, Severity::Error, error.path, anchor, error.message);
                }
                continue;
            }
            match T::deserialize(item) {
                Ok(value) => out.push((path, value)),
                // The shape check and serde are generated from one field list, so this is not
                // expected; if they ever disagree, serde's message is still reported.
                Err(error) => self.error(file, &path, error.to_string()),
            }
        }
        out
    }

    /// Reads a file of the form `{ "<key>": [ … ] }`; `None` when the file is unusable.
    pub(super) fn read_list<T: Shape + DeserializeOwned>(
        &mut self,
        file: FileIx,
        text: Option<&'a str>,
        key: &'static str,
    ) -> Option<Vec<(Path, T)>> {
        let value = self.load(file, text)?;
        let map = self.top_level(file, &value, &[key])?;
        let items = self.list(file, map, key)?;
        Some(self.elements(file, items, key))
    }

    pub(super) fn read_collection<T: Shape + DeserializeOwned>(
        &mut self,
        file: FileIx,
        text: Option<&'a str>,
        key: &'static str,
    ) -> Vec<(Path, T)> {
        let collection = Collection::ALL.get(file).copied();
        if let Some(collection) = collection.filter(|c| self.input.deferred.contains(c)) {
            // Not loaded yet, on purpose: treated like an unreadable file but not reported.
            self.declared.unreadable.insert(collection);
            return Vec::new();
        }
        match self.read_list(file, text, key) {
            Some(items) => items,
            None => {
                if let Some(collection) = collection {
                    self.declared.unreadable.insert(collection);
                }
                Vec::new()
            }
        }
    }

    pub(super) fn read_sources(
        &mut self,
        text: Option<&'a str>,
    ) -> Option<Vec<(Path, raw::Source)>> {
        let sources = self.read_list(F_SOURCES, text, "sources");
        if sources.is_none() {
            self.declared.unreadable.insert(Collection::Sources);
        }
        sources
    }

    /// Reads `sectors.json`: its `as_of` (when a string) and its sectors (`None` when unusable).
    pub(super) fn read_sectors(&mut self, text: Option<&'a str>) -> Option<SectorsRead> {
        let Some(value) = self.load(F_SECTORS, text) else {
            self.declared.unreadable.insert(Collection::Sectors);
            return None;
        };
        let Some(map) = self.top_level(F_SECTORS, &value, &["as_of", "sectors"]) else {
            self.declared.unreadable.insert(Collection::Sectors);
            return None;
        };
        let as_of_path = Path::root().key("as_of");
        let as_of = match map.get("as_of") {
            Some(Value::String(s)) => Some((as_of_path, s.clone())),
            Some(other) => {
                self.error(
                    F_SECTORS,
                    &as_of_path,
                    format!("expected a string, found {}", raw::describe(other)),
                );
                None
            }
            None => {
                self.error(
                    F_SECTORS,
                    &Path::root(),
                    String::from("missing required field \"as_of\""),
                );
                None
            }
        };
        let sectors = self
            .list(F_SECTORS, map, "sectors")
            .map(|items| self.elements(F_SECTORS, items, "sectors"));
        if sectors.is_none() {
            self.declared.unreadable.insert(Collection::Sectors);
        }
        Some((as_of, sectors))
    }

    /// Reads every `text/<lang>.json`. English is the base every item needs its texts in; when
    /// English is not given at all (the browser fetches only the reader's language), the first
    /// language given is the base instead.
    pub(super) fn read_texts(&mut self) {
        let input = self.input;
        let mut seen: HashSet<&str> = HashSet::new();
        let mut has_english = false;
        for (lang, text) in &input.texts {
            let file = self.files.len();
            self.files.push(FileLog {
                name: text_file(lang),
                text: None,
                pending: Vec::new(),
            });
            if !is_language_code(lang) {
                self.push(
                    file,
                    Severity::Error,
                    Path::root(),
                    Anchor::Nowhere,
                    format!(
                        "language code {} is not two or three lowercase letters; the file was ignored",
                        quote(lang)
                    ),
                );
                continue;
            }
            if !seen.insert(lang.as_str()) {
                self.push(
                    file,
                    Severity::Error,
                    Path::root(),
                    Anchor::Nowhere,
                    format!(
                        "language {} is given twice; the second was ignored",
                        quote(lang)
                    ),
                );
                continue;
            }
            has_english |= lang == "en";
            if let Some(texts) = self.read_text_file(file, lang, text.as_deref()) {
                self.others.push(texts);
            }
        }
        let base = if has_english {
            self.others.iter().position(|texts| texts.lang == "en")
        } else {
            (!self.others.is_empty()).then_some(0)
        };
        self.base = base.map(|index| self.others.remove(index));
        if !has_english && input.texts.is_empty() {
            let file = self.files.len();
            self.files.push(FileLog {
                name: text_file("en"),
                text: None,
                pending: Vec::new(),
            });
            self.push(
                file,
                Severity::Error,
                Path::root(),
                Anchor::Nowhere,
                String::from("the file is missing or could not be read"),
            );
        }
    }

    pub(super) fn read_text_file(
        &mut self,
        file: FileIx,
        lang: &str,
        text: Option<&'a str>,
    ) -> Option<LangTexts> {
        let value = self.load(file, text)?;
        let map = self.top_level(file, &value, &["lang", "text"])?;
        let lang_path = Path::root().key("lang");
        match map.get("lang") {
            Some(Value::String(declared)) if declared == lang => {}
            Some(Value::String(declared)) => self.error(
                file,
                &lang_path,
                format!(
                    "lang is {} but the file is {}",
                    quote(declared),
                    text_file(lang)
                ),
            ),
            Some(other) => self.error(
                file,
                &lang_path,
                format!("expected a string, found {}", raw::describe(other)),
            ),
            None => self.error(
                file,
                &Path::root(),
                String::from("missing required field \"lang\""),
            ),
        }
        let text_path = Path::root().key("text");
        let entries = match map.get("text") {
            Some(Value::Object(entries)) => entries,
            Some(other) => {
                self.error(
                    file,
                    &text_path,
                    format!("expected an object, found {}", raw::describe(other)),
                );
                return None;
            }
            None => {
                self.error(
                    file,
                    &Path::root(),
                    String::from("missing required field \"text\""),
                );
                return None;
            }
        };
        let mut texts = LangTexts {
            lang: lang.to_owned(),
            file,
            map: BTreeMap::new(),
            bad_keys: BTreeSet::new(),
        };
        for (key, value) in entries {
            match value {
                Value::String(text) => {
                    texts.map.insert(key.clone(), text.clone());
                }
                other => {
                    self.error(
                        file,
                        &text_path.key(key.clone()),
                        format!("expected a string, found {}", raw::describe(other)),
                    );
                    texts.bad_keys.insert(key.clone());
                }
            }
        }
        Some(texts)
    }
}
