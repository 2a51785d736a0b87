//! A part of a page kept for the reader to ask for: a `<details>` whose summary is a heading
//! with the part's count ("More figures (72)"), built the first time it opens, and which the
//! page itself can open (a deep link into it).
//!
//! Like [`LazyDetails`](super::disclosure::LazyDetails), a closed part costs one summary, not
//! the hundreds of elements of its contents; once built, they stay.

use leptos::html::Details;
use leptos::prelude::*;

/// `<details class="cke-more"><summary><h2>{title}</h2></summary>{children, once opened}</details>`.
#[component]
pub fn OnDemand(
    /// The `id` of the `<details>`.
    id: &'static str,
    /// Whether it is open: the reader's toggles write it, and the page may open it.
    open: RwSignal<bool>,
    /// The heading of the part, with its count.
    title: String,
    /// The contents, built on the first opening.
    children: ChildrenFn,
) -> impl IntoView {
    // Once open, always built.
    let built =
        Memo::new(move |before: Option<&bool>| before.copied().unwrap_or(false) || open.get());
    let details = NodeRef::<Details>::new();
    let on_toggle = move |_| {
        let is_open = details
            .get_untracked()
            .is_some_and(|details| details.open());
        if open.get_untracked() != is_open {
            open.set(is_open);
        }
    };
    view! {
        <details class="cke-more" id=id node_ref=details prop:open=move || open.get() on:toggle=on_toggle>
            <summary><h2>{title}</h2></summary>
            {move || built.get().then(|| view! { <div class="cke-more__body">{children()}</div> })}
        </details>
    }
}
