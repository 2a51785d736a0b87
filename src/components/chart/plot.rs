//! Placed marks as SVG elements: a stateless renderer, one element per [`Shape`]. Colours
//! come from the style sheet through `data-colour`; derived values and the highlighted year
//! through `data-derived` and `data-highlighted`. Texts are set as text, never as markup.

use cke_core::charts::geometry::num;
use cke_core::charts::layout::{Placed, RuleRole, Shape, TextRole};
use leptos::prelude::*;

/// The SVG elements of every mark of `placed`; `ids` are the shown series' ids (for
/// `data-series`).
pub fn marks(placed: &Placed, ids: &[String]) -> impl IntoView {
    let flag = |on: bool| on.then_some("true");
    placed
        .panels
        .iter()
        .flat_map(|panel| panel.shapes.iter())
        .map(|shape| match shape {
            Shape::YearBand(rect) => view! {
                <rect class="cke-chart__year" x=num(rect.x) y=num(rect.y)
                    width=num(rect.width) height=num(rect.height)/>
            }
            .into_any(),
            Shape::Rule { role, from, to } => {
                let class = match role {
                    RuleRole::Grid => "cke-chart__grid",
                    RuleRole::Zero => "cke-chart__zero",
                    RuleRole::Leader => "cke-chart__leader",
                };
                view! {
                    <line class=class x1=num(from.0) y1=num(from.1) x2=num(to.0) y2=num(to.1)/>
                }
                .into_any()
            }
            Shape::Area { colour, d, .. } => view! {
                <path class="cke-chart__area" data-colour=*colour d=d.clone()/>
            }
            .into_any(),
            Shape::Line { series, colour, d } => view! {
                <path class="cke-chart__line" data-colour=*colour
                    data-series=ids.get(*series).cloned() d=d.clone()/>
            }
            .into_any(),
            Shape::Bar {
                series,
                colour,
                rect,
                derived,
                emphasis,
                ..
            } => view! {
                <rect class="cke-chart__bar" data-colour=*colour data-series=ids.get(*series).cloned()
                    data-derived=flag(*derived) data-highlighted=flag(*emphasis)
                    x=num(rect.x) y=num(rect.y) width=num(rect.width) height=num(rect.height)/>
            }
            .into_any(),
            Shape::Dot {
                series,
                colour,
                at,
                derived,
                emphasis,
                ..
            } => view! {
                <circle class="cke-chart__dot" data-colour=*colour data-series=ids.get(*series).cloned()
                    data-derived=flag(*derived) data-highlighted=flag(*emphasis)
                    cx=num(at.0) cy=num(at.1) r=if *emphasis { "5.5" } else { "4" }/>
            }
            .into_any(),
            Shape::Text {
                role,
                at,
                anchor,
                text,
            } => {
                let class = match role {
                    TextRole::XTick | TextRole::YTick => "cke-chart__tick",
                    TextRole::Unit => "cke-chart__unit",
                    TextRole::Title => "cke-chart__panel-title",
                    TextRole::Empty => "cke-chart__empty",
                    TextRole::Note => "cke-chart__note",
                    TextRole::NoteMarker => "cke-chart__note-marker",
                };
                view! {
                    <text class=class x=num(at.0) y=num(at.1) text-anchor=anchor.as_str()>
                        {text.clone()}
                    </text>
                }
                .into_any()
            }
        })
        .collect_view()
}
