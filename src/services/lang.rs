//! The reader's language as a context signal: the URL's `lang`, else the browser's preference.
//!
//! Architecture invariant: a leaf module. It imports only the core and Leptos, so every layer
//! above (components, views, the root) can read the language without importing the root.

use cke_core::url::Lang;
use leptos::prelude::*;

/// The language the reader sees, provided once by the root.
#[derive(Clone, Copy)]
pub struct CurrentLang(pub Memo<Lang>);

/// The reader's language, as a signal (English, constant, when rendered outside the app root,
/// as in a component test without the context).
///
/// Content built from a dataset may read it once (`get_untracked`): the dataset is loaded anew
/// for each language, and every view built from it with it.
pub fn use_lang() -> Signal<Lang> {
    match use_context::<CurrentLang>() {
        Some(CurrentLang(lang)) => lang.into(),
        None => Signal::stored(Lang::En),
    }
}
