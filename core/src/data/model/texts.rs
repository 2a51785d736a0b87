//! Texts: every piece of prose by key and language, with the fallback to the base language.

use std::collections::BTreeMap;

/// A text looked up with its language, so a view can mark a fallback to the base language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Text<'a> {
    /// The text.
    pub text: &'a str,
    /// The language it is in.
    pub lang: &'a str,
    /// Whether it is the base language's text standing in for one missing in the chosen language.
    pub fallback: bool,
}

/// The prose of every loaded language, keyed by text key. The base language (English, or the
/// only language loaded) has every text; the others fall back to it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Texts {
    /// The base language and its texts.
    base: (String, BTreeMap<String, String>),
    /// Other languages, in the order they were given.
    others: Vec<(String, BTreeMap<String, String>)>,
    /// The chosen language (the base or one of `others`).
    lang: String,
}

impl Texts {
    /// Builds texts from the base language and other languages; the chosen language is the first
    /// other language, or the base when there is none.
    pub fn new(
        base: (String, BTreeMap<String, String>),
        others: Vec<(String, BTreeMap<String, String>)>,
    ) -> Self {
        let lang = others
            .first()
            .map(|(lang, _)| lang.clone())
            .unwrap_or_else(|| base.0.clone());
        Texts { base, others, lang }
    }

    /// The chosen language.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// The base language.
    pub fn base_lang(&self) -> &str {
        &self.base.0
    }

    /// Chooses a loaded language; returns `false` (and keeps the choice) if it is not loaded.
    pub fn set_lang(&mut self, lang: &str) -> bool {
        if lang == self.base.0 || self.others.iter().any(|(l, _)| l == lang) {
            self.lang = lang.to_owned();
            true
        } else {
            false
        }
    }

    /// The loaded languages, the base first.
    pub fn languages(&self) -> Vec<&str> {
        std::iter::once(self.base.0.as_str())
            .chain(self.others.iter().map(|(l, _)| l.as_str()))
            .collect()
    }

    /// A text in the chosen language, falling back to the base.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.lookup(key).map(|t| t.text)
    }

    /// A text in the chosen language, falling back to the base, saying which it is.
    pub fn lookup(&self, key: &str) -> Option<Text<'_>> {
        self.lookup_in(&self.lang, key)
    }

    /// A text in `lang`, falling back to the base, saying which it is.
    pub fn lookup_in<'a>(&'a self, lang: &str, key: &str) -> Option<Text<'a>> {
        let own = self
            .others
            .iter()
            .find(|(l, _)| l == lang)
            .and_then(|(l, map)| map.get(key).map(|t| (l.as_str(), t.as_str())));
        match own {
            Some((lang, text)) => Some(Text {
                text,
                lang,
                fallback: false,
            }),
            None => self.base.1.get(key).map(|text| Text {
                text,
                lang: self.base.0.as_str(),
                fallback: lang != self.base.0,
            }),
        }
    }

    /// How many base texts the chosen language lacks (each falls back to the base).
    pub fn fallbacks(&self) -> usize {
        let Some((_, own)) = self.others.iter().find(|(l, _)| *l == self.lang) else {
            return 0;
        };
        self.base
            .1
            .keys()
            .filter(|key| !own.contains_key(*key))
            .count()
    }

    /// Marks every fallback text visibly ("⟦en⟧ …") in the chosen language, for editors
    /// previewing an incomplete translation; readers get the fallback silently.
    pub fn mark_fallbacks(&mut self) {
        let base_lang = self.base.0.clone();
        let base = &self.base.1;
        if let Some((_, own)) = self.others.iter_mut().find(|(l, _)| *l == self.lang) {
            for (key, text) in base {
                own.entry(key.clone())
                    .or_insert_with(|| format!("⟦{base_lang}⟧ {text}"));
            }
        }
    }

    /// The base language's text of a key, without fallback logic.
    pub fn base_text(&self, key: &str) -> Option<&str> {
        self.base.1.get(key).map(String::as_str)
    }
}
