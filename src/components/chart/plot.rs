//! Placed marks as SVG elements: a stateless renderer, one element per [`Shape`]. Colours
//! come from the style sheet through `data-colour`; derived values and the highlighted year
//! through `data-derived` and `data-highlighted`. Texts are set as text, never as markup.
//!
//! Each mark has a key made of everything its element shows (its kind, series, colour, flags and
//! coordinates as drawn), so a redraw keeps the element of every mark that did not change: hiding
//! one series of many removes that series' marks and touches no other element (the ×100 series
//! toggle of `bench/run.mjs`; rebuilding every element took 40 ms of script and 25 ms of style).
//!
//! tachys's keyed diff moves every element after a point where the list's length changed by a
//! different amount than just before (it groups one needed move with the adjacent moves that are
//! not needed), which would move almost every mark when a series is shown again. So the marks are
//! drawn in layers (`<g>`, one keyed list each: the axes, the areas, the lines, the dots or bars),
//! in which a series has one element (a series' run of dots or bars is one `<g>`): showing a series
//! inserts one element per layer, and the diff moves none.

use cke_core::charts::geometry::num;
use cke_core::charts::layout::{Placed, RuleRole, Shape, TextRole};
use leptos::prelude::*;
use std::collections::HashMap;

/// What the chart draws as one element: a mark, or a series' run of dots or bars as a `<g>`; with
/// the series' id (for `data-series`) and its key across redraws.
#[derive(Clone, PartialEq)]
pub struct Mark {
    key: String,
    shapes: Vec<Shape>,
    series: Option<String>,
}

impl Mark {
    /// The key that names this mark across redraws.
    pub fn key(&self) -> String {
        self.key.clone()
    }
}

/// A layer of marks: one `<g>` of a panel, its marks of one kind, in drawing order.
#[derive(Clone, PartialEq)]
pub struct Layer {
    /// The panel, the kind and the layer's place among that panel's layers of that kind.
    pub key: String,
    /// Its marks.
    pub marks: Vec<Mark>,
}

/// What kind of layer a shape is drawn in.
fn layer_kind(shape: &Shape) -> &'static str {
    match shape {
        Shape::YearBand(_) | Shape::Rule { .. } | Shape::Text { .. } => "axes",
        Shape::Area { .. } => "areas",
        Shape::Line { .. } => "lines",
        Shape::Dot { .. } | Shape::Bar { .. } => "values",
    }
}

/// Every mark of `placed`, keyed, in layers in drawing order; `ids` are the shown series' ids.
/// Marks that are drawn alike (none should be, but a key must be unique) are told apart by
/// their order.
pub fn layers(placed: &Placed, ids: &[String]) -> Vec<Layer> {
    let mut layers: Vec<Layer> = Vec::new();
    for (panel_index, panel) in placed.panels.iter().enumerate() {
        let mut kinds: HashMap<&'static str, usize> = HashMap::new();
        let mut current: Option<&'static str> = None;
        for shape in &panel.shapes {
            let kind = layer_kind(shape);
            if current != Some(kind) {
                let count = kinds.entry(kind).or_insert(0);
                *count += 1;
                layers.push(Layer {
                    key: format!("{panel_index} {kind} {count}"),
                    marks: Vec::new(),
                });
                current = Some(kind);
            }
            let series = shape_series(shape)
                .and_then(|index| ids.get(index))
                .cloned();
            let drawn = drawn_as(shape, series.as_deref());
            let Some(layer) = layers.last_mut() else {
                continue;
            };
            match layer.marks.last_mut() {
                Some(last) if kind == "values" && last.series == series => {
                    last.key.push('|');
                    last.key.push_str(&drawn);
                    last.shapes.push(shape.clone());
                }
                _ => layer.marks.push(Mark {
                    key: drawn,
                    shapes: vec![shape.clone()],
                    series,
                }),
            }
        }
    }
    for layer in &mut layers {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for mark in &mut layer.marks {
            let count = seen.entry(mark.key.clone()).or_insert(0);
            *count += 1;
            if *count > 1 {
                mark.key = format!("{}#{count}", mark.key);
            }
        }
    }
    layers
}

/// The series a shape belongs to (a position in the shown series), if any.
fn shape_series(shape: &Shape) -> Option<usize> {
    match shape {
        Shape::Area { series, .. }
        | Shape::Line { series, .. }
        | Shape::Bar { series, .. }
        | Shape::Dot { series, .. } => Some(*series),
        Shape::YearBand(_) | Shape::Rule { .. } | Shape::Text { .. } => None,
    }
}

/// Everything the shape's element shows, as text: equal for two shapes exactly when their
/// elements would be alike. The series is named by its id, not its position, which moves when
/// a series before it is hidden.
fn drawn_as(shape: &Shape, series: Option<&str>) -> String {
    let series = series.unwrap_or_default();
    match shape {
        Shape::YearBand(rect) => format!(
            "year {} {} {} {}",
            num(rect.x),
            num(rect.y),
            num(rect.width),
            num(rect.height)
        ),
        Shape::Rule { role, from, to } => format!(
            "rule {} {} {} {} {}",
            rule_class(*role),
            num(from.0),
            num(from.1),
            num(to.0),
            num(to.1)
        ),
        Shape::Area { colour, d, .. } => format!("area {colour} {series} {d}"),
        Shape::Line { colour, d, .. } => format!("line {colour} {series} {d}"),
        Shape::Bar {
            colour,
            rect,
            derived,
            emphasis,
            ..
        } => format!(
            "bar {colour} {series} {derived} {emphasis} {} {} {} {}",
            num(rect.x),
            num(rect.y),
            num(rect.width),
            num(rect.height)
        ),
        Shape::Dot {
            colour,
            at,
            derived,
            emphasis,
            ..
        } => format!(
            "dot {colour} {series} {derived} {emphasis} {} {}",
            num(at.0),
            num(at.1)
        ),
        Shape::Text {
            role,
            at,
            anchor,
            text,
        } => format!(
            "text {} {} {} {} {text}",
            text_class(*role),
            anchor.as_str(),
            num(at.0),
            num(at.1)
        ),
    }
}

fn rule_class(role: RuleRole) -> &'static str {
    match role {
        RuleRole::Grid => "cke-chart__grid",
        RuleRole::Zero => "cke-chart__zero",
        RuleRole::Leader => "cke-chart__leader",
    }
}

fn text_class(role: TextRole) -> &'static str {
    match role {
        TextRole::XTick | TextRole::YTick => "cke-chart__tick",
        TextRole::Unit => "cke-chart__unit",
        TextRole::Title => "cke-chart__panel-title",
        TextRole::Empty => "cke-chart__empty",
        TextRole::Note => "cke-chart__note",
        TextRole::NoteMarker => "cke-chart__note-marker",
    }
}

/// The SVG element of one mark (a `<g>` around a series' run of dots or bars).
pub fn mark(mark: Mark) -> impl IntoView {
    let Mark {
        mut shapes, series, ..
    } = mark;
    if shapes.len() == 1 {
        if let Some(shape) = shapes.pop() {
            return shape_element(shape, series);
        }
    }
    let elements = shapes
        .into_iter()
        .map(|shape| shape_element(shape, series.clone()))
        .collect_view();
    view! { <g class="cke-chart__run">{elements}</g> }.into_any()
}

/// The SVG element of one shape.
fn shape_element(shape: Shape, series: Option<String>) -> AnyView {
    let flag = |on: bool| on.then_some("true");
    match shape {
        Shape::YearBand(rect) => view! {
            <rect class="cke-chart__year" x=num(rect.x) y=num(rect.y)
                width=num(rect.width) height=num(rect.height)/>
        }
        .into_any(),
        Shape::Rule { role, from, to } => view! {
            <line class=rule_class(role) x1=num(from.0) y1=num(from.1) x2=num(to.0) y2=num(to.1)/>
        }
        .into_any(),
        Shape::Area { colour, d, .. } => view! {
            <path class="cke-chart__area" data-colour=colour d=d/>
        }
        .into_any(),
        Shape::Line { colour, d, .. } => view! {
            <path class="cke-chart__line" data-colour=colour data-series=series d=d/>
        }
        .into_any(),
        Shape::Bar {
            colour,
            rect,
            derived,
            emphasis,
            ..
        } => view! {
            <rect class="cke-chart__bar" data-colour=colour data-series=series
                data-derived=flag(derived) data-highlighted=flag(emphasis)
                x=num(rect.x) y=num(rect.y) width=num(rect.width) height=num(rect.height)/>
        }
        .into_any(),
        Shape::Dot {
            colour,
            at,
            derived,
            emphasis,
            ..
        } => view! {
            <circle class="cke-chart__dot" data-colour=colour data-series=series
                data-derived=flag(derived) data-highlighted=flag(emphasis)
                cx=num(at.0) cy=num(at.1) r=if emphasis { "5.5" } else { "4" }/>
        }
        .into_any(),
        Shape::Text {
            role,
            at,
            anchor,
            text,
        } => view! {
            <text class=text_class(role) x=num(at.0) y=num(at.1) text-anchor=anchor.as_str()>
                {text}
            </text>
        }
        .into_any(),
    }
}
