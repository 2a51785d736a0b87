//! [`Link`]: a real `<a href>` to a selection that navigates in place on a plain click.

use crate::services::nav::{is_modified_click, use_nav};
use cke_core::url::Selection;
use leptos::prelude::*;

/// A real link to a selection that navigates in place on a plain click. The reader's current
/// language, theme and embed mode always carry over (see [`Selection::with_settings_from`]).
#[component]
pub fn Link(
    /// Where the link goes.
    to: Selection,
    /// Extra class names.
    #[prop(optional, into)]
    class: String,
    /// `aria-current="page"` when true.
    #[prop(optional, into)]
    current: Signal<bool>,
    children: Children,
) -> impl IntoView {
    let nav = use_nav();
    let target = Memo::new(move |_| nav.selection.with(|current| to.with_settings_from(current)));
    let href = move || nav.href(&target.get());
    let on_click = move |event: leptos::ev::MouseEvent| {
        if is_modified_click(&event) {
            return;
        }
        event.prevent_default();
        nav.go(target.get_untracked());
    };
    view! {
        <a
            href=href
            class=class
            aria-current=move || current.get().then_some("page")
            on:click=on_click
        >
            {children()}
        </a>
    }
}
