//! A `<details>` whose contents are built the first time the reader opens it.
//!
//! A closed `<details>` shows only its summary, and screen readers do not read its contents
//! either, yet building, styling and laying out those contents cost every page that has many:
//! the closed source panels of a sector's figures were half its elements, rebuilt on every
//! switch of sector, and the footer's list of every source a few hundred more on every load.
//! Once built, the contents stay, so closing and reopening keeps what the reader did inside.

use leptos::html::Details;
use leptos::prelude::*;

/// `<details class=class><summary>{summary}</summary>{children, once opened}</details>`.
#[component]
pub fn LazyDetails(
    /// The class of the `<details>` element, if any.
    #[prop(optional)]
    class: Option<&'static str>,
    /// What the closed disclosure shows.
    summary: AnyView,
    /// The contents, built on the first opening.
    children: ChildrenFn,
) -> impl IntoView {
    let opened = RwSignal::new(false);
    let details = NodeRef::<Details>::new();
    let on_toggle = move |_| {
        if details
            .get_untracked()
            .is_some_and(|details| details.open())
        {
            opened.set(true);
        }
    };
    view! {
        <details class=class node_ref=details on:toggle=on_toggle>
            <summary>{summary}</summary>
            {move || opened.get().then(|| children())}
        </details>
    }
}
