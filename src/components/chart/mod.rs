//! The thin shell of the chart engine: [`ComparisonChart`], which wires the reader's choices
//! (container width, measure, visible series, arrangement, the shared highlighted year, the
//! value under the pointer or keyboard) to the values the pure modules compute, and renders
//! them with title, summary, legend, data table, downloads and sources.
//!
//! No computation of its own beyond looking up texts and sources: scales, placement, summary,
//! table and CSV all come from the pure modules of `charts`.

mod browser;

mod plot;

pub use browser::IntlSpell;

use crate::components::disclosure::LazyDetails;
use crate::components::lazy::{lazy_view, PartLoadError, Waiting};
use crate::components::provenance::SourceRef;
use crate::services::chunk::ChunkFailed;
use crate::services::column::use_column_width;
use crate::services::lang::use_lang;
use crate::services::nav::use_nav;
use crate::services::takeover;
use cke_core::charts::export::{standalone_svg, Frame};
use cke_core::charts::geometry::num;
use cke_core::charts::layout::{
    hit_after_key, nearest_hit, place, Arrangement, Hit, Options, Placed,
};
use cke_core::charts::model::{chart_data, measures, show, ChartData, Measure, Shown};
use cke_core::charts::table::{table_rows, to_csv};
use cke_core::charts::text::{
    mark_key, period_label, shown_sources, source_names, summary, value_label,
};
use cke_core::data::model::{ComparisonId, Dataset, SourceId};
use cke_core::strings::Ui;
use cke_core::url::Lang;
use leptos::html::{Details, Div};
use leptos::prelude::*;
use std::sync::Arc;

/// The texts of the value under the pointer or keyboard.
struct Pointed {
    period: String,
    series: String,
    value: String,
    how: Option<String>,
    note: Option<String>,
    sources: String,
}

/// One comparison of the data as a chart, with title, subtitle, controls (measure, layout,
/// value axis), a legend that shows and hides series, the chart (tooltips by pointer and by
/// keyboard; choosing a value highlights its year across the app), a summary generated from
/// the values shown, the definition and caveats, a data table, CSV/SVG/PNG downloads and
/// the sources of every value.
fn details(shown: &Shown, hit: &Hit, lang: Lang, dataset: &Dataset) -> Option<Pointed> {
    let series = shown.series.get(hit.series)?;
    let point = series.series.points.get(hit.point)?;
    let spell = IntlSpell::new(lang);
    let how = point.formula.as_ref().map(|formula| {
        let label = if point.computed {
            Ui::ChartComputed
        } else {
            Ui::ChartDerived
        };
        format!("{} {formula}", label.text(lang))
    });
    Some(Pointed {
        period: period_label(&point.period, lang),
        series: series.series.name.clone(),
        value: value_label(point, series.unit, lang, &spell),
        how,
        note: point
            .note
            .as_ref()
            .map(|note| Ui::ChartNoteText.fill(lang, &[("note", note)])),
        sources: Ui::ChartSourcesText.fill(
            lang,
            &[(
                "sources",
                &source_names(dataset, &point.sources).join(Ui::ListSeparator.text(lang)),
            )],
        ),
    })
}

/// The chart engine is a chunk of its own in a split build (see [`lazy_view`]).
#[component]
pub fn ComparisonChart(
    /// The validated dataset.
    dataset: Arc<Dataset>,
    /// The comparison to draw (`comparisons.json`).
    comparison: ComparisonId,
    /// The level of the chart's heading: 2 (the default) or 3.
    #[prop(optional)]
    heading_level: Option<u8>,
) -> impl IntoView {
    lazy_view(
        move || load_chart(dataset.clone(), comparison.clone(), heading_level),
        Waiting::Part,
    )
}

/// Fetches the chart engine's chunk ahead of need (split builds; elsewhere it does nothing).
pub async fn preload_chart() {
    #[cfg(feature = "split")]
    let _ = preload_chart_chunk().await;
}

/// Fetches the downloads' chunk ahead of need (split builds; elsewhere it does nothing).
pub async fn preload_downloads() {
    #[cfg(feature = "split")]
    let _ = preload_download_chunk().await;
}

async fn load_chart(
    dataset: Arc<Dataset>,
    comparison: ComparisonId,
    heading_level: Option<u8>,
) -> Result<AnyView, ChunkFailed> {
    #[cfg(feature = "split")]
    return chart_chunk(dataset, comparison, heading_level).await;
    #[cfg(not(feature = "split"))]
    chart_chunk(dataset, comparison, heading_level)
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        chart,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_chart_chunk)
    )
)]
fn chart_chunk(
    dataset: Arc<Dataset>,
    comparison: ComparisonId,
    heading_level: Option<u8>,
) -> Result<AnyView, ChunkFailed> {
    Ok(view! { <Chart dataset comparison heading_level/> }.into_any())
}

/// A chart's download formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Csv,
    Svg,
    Png,
}

/// Saves the chart as shown, in `format` (a chunk of its own in a split build). A chart that is
/// gone by the time the chunk has come saves nothing.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        downloads,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(preload_download_chunk)
    )
)]
fn download_chunk(
    format: Format,
    data: Arc<ChartData>,
    dataset: Arc<Dataset>,
    lang: Lang,
    shown: Memo<Shown>,
    placed: Memo<Placed>,
) -> Result<(), ChunkFailed> {
    let file = |extension: &str| format!("china-kazakhstan-{}.{extension}", data.id);
    if format == Format::Csv {
        if let Some(csv) = shown.try_with_untracked(to_csv) {
            browser::download_text(
                &file("csv"),
                "text/csv;charset=utf-8",
                &format!("\u{feff}{csv}"),
            );
        }
        return Ok(());
    }
    let key = mark_key(&data, lang);
    let document = shown.try_with_untracked(|shown| {
        let sources = source_names(&dataset, &shown_sources(shown));
        let frame = Frame {
            title: data.title.clone(),
            subtitle: data.subtitle.clone(),
            legend: shown
                .series
                .iter()
                .map(|s| (s.series.name.clone(), s.series.colour))
                .collect(),
            key,
            sources: Ui::ChartSourcesText.fill(
                lang,
                &[("sources", &sources.join(Ui::ListSeparator.text(lang)))],
            ),
        };
        placed.try_with_untracked(|placed| standalone_svg(placed, &frame))
    });
    let Some(Some(document)) = document else {
        return Ok(());
    };
    if format == Format::Svg {
        browser::download_text(&file("svg"), "image/svg+xml;charset=utf-8", &document.svg);
    } else {
        browser::download_png(&file("png"), &document.svg, document.width, document.height);
    }
    Ok(())
}

/// One comparison as a chart (the chart chunk's contents). Code that is itself in a chunk (the
/// compare view) draws it directly: the splitter then puts it in a chunk that both share,
/// fetched beside the view's, so the view and its chart come in one step.
#[component]
pub fn Chart(
    dataset: Arc<Dataset>,
    comparison: ComparisonId,
    heading_level: Option<u8>,
) -> impl IntoView {
    let lang = use_lang().get_untracked();
    let nav = use_nav();
    let Some(found) = dataset.comparison(&comparison) else {
        return view! { <p class="cke-note">{Ui::ChartUnknown.text(lang)}</p> }.into_any();
    };
    let data = Arc::new(chart_data(&dataset, found));
    let caveats: Vec<(String, String)> = dataset
        .caveats_for_comparison(&comparison)
        .into_iter()
        .map(|caveat| {
            (
                dataset
                    .text(&caveat.title_key())
                    .unwrap_or_default()
                    .to_owned(),
                dataset
                    .text(&caveat.body_key())
                    .unwrap_or_default()
                    .to_owned(),
            )
        })
        .collect();
    let dom = format!("cke-chart-{}", data.id);
    let title_id = format!("{dom}-title");
    let keys_id = format!("{dom}-keys");
    let count = data.series.len();

    // The reader's choices.
    let visible = RwSignal::new(vec![true; count]);
    let measure = RwSignal::new(Measure::Absolute);
    let multiples = RwSignal::new(false);
    let shared_y = RwSignal::new(true);
    let column = use_column_width();
    let width = RwSignal::new(column.last().unwrap_or(640.0));
    let active = RwSignal::new(None::<usize>);
    let keyboard = RwSignal::new(false);
    let table_open = RwSignal::new(false);
    let year = Memo::new(move |_| nav.selection.with(|selection| selection.year));

    // What follows from them, computed by the pure core.
    let shown = Memo::new({
        let data = data.clone();
        move |_| visible.with(|visible| show(&data, measure.get(), visible))
    });
    let units_agree = Memo::new(move |_| shown.with(Shown::units_agree));
    let placed = Memo::new(move |_| {
        let arrangement = if multiples.get() || !units_agree.get() {
            Arrangement::Multiples {
                shared_y: shared_y.get(),
            }
        } else {
            Arrangement::Together
        };
        let options = Options {
            width: width.get(),
            arrangement,
            year: year.get(),
            lang,
        };
        shown.with(|shown| place(shown, &IntlSpell::new(lang), &options))
    });
    let summary_text = Memo::new(move |_| {
        shown.with(|shown| summary(shown, lang, &IntlSpell::new(lang), year.get()).join(" "))
    });

    let toggle_year = move |period_year: u16| {
        let mut next = nav.selection.get_untracked();
        let chosen = i32::from(period_year);
        next.year = if next.year == Some(chosen) {
            None
        } else {
            Some(chosen)
        };
        nav.go(next);
    };
    let current_hit = move || {
        let index = active.get_untracked()?;
        placed.with_untracked(|placed| placed.hits.get(index).copied())
    };

    // Controls.
    let measure_control = {
        let name = format!("{dom}-measure");
        let data = data.clone();
        move || {
            let choices = visible.with(|visible| measures(&data, visible));
            (choices.len() > 1).then(|| {
                let options = choices
                    .into_iter()
                    .map(|choice| {
                        let label = match choice {
                            Measure::Absolute => Ui::MeasureAbsolute,
                            Measure::Indexed => Ui::MeasureIndexed,
                            Measure::Change => Ui::MeasureChange,
                        }
                        .text(lang);
                        view! {
                            <label>
                                <input type="radio" name=name.clone() value=format!("{choice:?}")
                                    prop:checked=move || shown.with(|s| s.measure) == choice
                                    on:change=move |_| {
                                        active.set(None);
                                        measure.set(choice);
                                    }/>
                                {label}
                            </label>
                        }
                    })
                    .collect_view();
                view! {
                    <fieldset class="cke-chart__choice">
                        <legend>{Ui::ChartMeasure.text(lang)}</legend>
                        {options}
                    </fieldset>
                }
            })
        }
    };
    let layout_control = {
        let (name, axis) = (format!("{dom}-layout"), format!("{dom}-axis"));
        move || {
            (count > 1).then(|| {
                let (name, axis) = (name.clone(), axis.clone());
                let radio = move |label: Ui, checked: Signal<bool>, disabled: Signal<bool>, set: Box<dyn Fn() + Send + Sync>, name: String| {
                    view! {
                        <label>
                            <input type="radio" name=name prop:checked=checked prop:disabled=disabled
                                on:change=move |_| {
                                    active.set(None);
                                    set();
                                }/>
                            {label.text(lang)}
                        </label>
                    }
                };
                let together = Signal::derive(move || !multiples.get() && units_agree.get());
                let axis_shared = Signal::derive(move || shared_y.get() && units_agree.get());
                let show_axis = move || multiples.get() || !units_agree.get();
                view! {
                    <fieldset class="cke-chart__choice">
                        <legend>{Ui::ChartArrangement.text(lang)}</legend>
                        {radio(Ui::ArrangeTogether, together, Signal::derive(move || !units_agree.get()),
                            Box::new(move || multiples.set(false)), name.clone())}
                        {radio(Ui::ArrangeMultiples, Signal::derive(move || !together.get()), Signal::stored(false),
                            Box::new(move || multiples.set(true)), name)}
                    </fieldset>
                    <fieldset class="cke-chart__choice" hidden=move || !show_axis()>
                        <legend>{Ui::ChartYAxis.text(lang)}</legend>
                        {radio(Ui::YAxisShared, axis_shared, Signal::derive(move || !units_agree.get()),
                            Box::new(move || shared_y.set(true)), axis.clone())}
                        {radio(Ui::YAxisIndependent, Signal::derive(move || !axis_shared.get()), Signal::stored(false),
                            Box::new(move || shared_y.set(false)), axis)}
                    </fieldset>
                }
            })
        }
    };

    let legend = {
        let data = data.clone();
        move || {
            data.series
                .iter()
                .enumerate()
                .map(|(index, series)| {
                    // A memo per key: a toggle then updates one button, not every key of a long legend.
                    let on = Memo::new(move |_| {
                        visible.with(|visible| visible.get(index).copied().unwrap_or(true))
                    });
                    let pressed = move || on.get().to_string();
                    view! {
                        <li>
                            <button type="button" class="cke-chart__key" data-colour=series.colour
                                data-series=series.id.clone() aria-pressed=pressed
                                on:click=move |_| {
                                    active.set(None);
                                    visible.update(|visible| {
                                        if let Some(shown) = visible.get_mut(index) {
                                            *shown = !*shown;
                                        }
                                    });
                                }>
                                <span class="cke-chart__swatch" aria-hidden="true"></span>
                                {series.name.clone()}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        }
    };
    // Behind a prerendered view, the controls and the legend are made a task after the chart's
    // frame and before its marks (`takeover::drawn_later`): on a phone's CPU, the first draw of a
    // chart with all its parts at once was one of the longest tasks of a view's takeover.
    let controls = takeover::drawn_later(move || (measure_control.clone(), layout_control.clone()));
    let legend = takeover::drawn_later(legend);
    let all_hidden = move || {
        visible
            .with(|visible| visible.iter().all(|shown| !shown))
            .then(
                || view! { <p class="cke-note" role="status">{Ui::ChartAllHidden.text(lang)}</p> },
            )
    };
    let year_line = move || {
        year.get().map(|chosen| {
            let clear = move |_| {
                let mut next = nav.selection.get_untracked();
                next.year = None;
                nav.go(next);
            };
            view! {
                <p class="cke-chart__year-line">
                    {Ui::ChartYear.text(lang)} " " <strong>{chosen}</strong> " "
                    <button type="button" class="cke-chart__small-button" on:click=clear>
                        {Ui::ChartClearYear.text(lang)}
                    </button>
                </p>
            }
        })
    };

    // The chart and what the pointer or keyboard points at.
    let plot_ref = NodeRef::<Div>::new();
    column.observe(plot_ref, width);
    // The <svg> stays; its size follows the placement and its marks are keyed (`plot`), so a
    // change redraws only the marks that moved.
    let svg = {
        let title = data.title.clone();
        let svg_title = format!("{dom}-svg-title");
        let svg_desc = format!("{dom}-svg-desc");
        let size = move |pick: fn(&Placed) -> f64| move || placed.with(|placed| num(pick(placed)));
        let view_box = move || {
            placed.with(|placed| format!("0 0 {} {}", num(placed.width), num(placed.height)))
        };
        let layers = Memo::new(move |_| {
            let ids: Vec<String> =
                shown.with(|shown| shown.series.iter().map(|s| s.series.id.clone()).collect());
            placed.with(|placed| plot::layers(placed, &ids))
        });
        let layer_keys = move || {
            layers.with(|layers| {
                layers
                    .iter()
                    .map(|layer| layer.key.clone())
                    .collect::<Vec<_>>()
            })
        };
        let layer = move |key: String| {
            let marks = move || {
                layers.with(|layers| {
                    layers
                        .iter()
                        .find(|layer| layer.key == key)
                        .map(|layer| layer.marks.clone())
                        .unwrap_or_default()
                })
            };
            view! { <g class="cke-chart__layer"><For each=marks key=plot::Mark::key children=plot::mark/></g> }
        };
        // Behind a prerendered view, the marks are made a task after the rest of the chart
        // (`takeover::part_ready`): the two are the first draw's longest tasks on a phone.
        let marks_ready = takeover::part_ready();
        let drawn_layers = move || {
            marks_ready
                .get()
                .then(|| view! { <For each=layer_keys key=String::clone children=layer/> })
        };
        view! {
            <svg class="cke-chart__svg" role="img"
                aria-labelledby=svg_title.clone() aria-describedby=svg_desc.clone()
                width=size(|placed| placed.width) height=size(|placed| placed.height)
                viewBox=view_box>
                // Built as an SVG <title>: the view macro makes a `title` under `svg` an
                // HTML one, which the accessibility tree leaves out, and the chart then
                // has no name for screen readers.
                {leptos::tachys::svg::title().id(svg_title.clone()).child(title.clone())}
                <desc id=svg_desc.clone()>{move || summary_text.get()}</desc>
                {drawn_layers}
            </svg>
        }
    };
    let pointed = {
        let dataset = dataset.clone();
        move || {
            let index = active.get()?;
            let hit = placed.with(|placed| placed.hits.get(index).copied())?;
            let half = placed.with(|placed| placed.width / 2.0);
            let text = shown.with(|shown| details(shown, &hit, lang, &dataset))?;
            let flip = (hit.at.0 > half).then_some("true");
            let (x, y) = (
                format!("{}px", num(hit.at.0)),
                format!("{}px", num(hit.at.1)),
            );
            Some(view! {
                <div class="cke-chart__cursor" aria-hidden="true" style:left=x.clone() style:top=y.clone()></div>
                <div class="cke-chart__tooltip" aria-hidden="true" data-flip=flip style:left=x style:top=y>
                    <p><strong>{text.period}</strong></p>
                    <p>{text.series}</p>
                    <p class="cke-chart__tooltip-value">{text.value}</p>
                    {text.how.map(|how| view! { <p>{how}</p> })}
                    {text.note.map(|note| view! { <p>{note}</p> })}
                    <p class="cke-chart__tooltip-sources">{text.sources}</p>
                </div>
            })
        }
    };
    let announcement = {
        let dataset = dataset.clone();
        move || {
            if !keyboard.get() {
                return String::new();
            }
            let Some(index) = active.get() else {
                return String::new();
            };
            let hit = placed.with(|placed| placed.hits.get(index).copied());
            hit.and_then(|hit| shown.with(|shown| details(shown, &hit, lang, &dataset)))
                .map(|d| {
                    let mut text = format!("{}, {}: {}.", d.series, d.period, d.value);
                    if let Some(how) = d.how {
                        text.push(' ');
                        text.push_str(&how);
                    }
                    text
                })
                .unwrap_or_default()
        }
    };
    let position = move |event: &leptos::ev::MouseEvent| {
        let element = plot_ref.get_untracked()?;
        let rect = element.get_bounding_client_rect();
        let x = f64::from(event.client_x()) - rect.left();
        let y = f64::from(event.client_y()) - rect.top();
        placed.with_untracked(|placed| nearest_hit(placed, x, y))
    };
    let on_pointer_move = move |event: leptos::ev::PointerEvent| {
        let found = position(&event);
        keyboard.set(false);
        if active.get_untracked() != found {
            active.set(found);
        }
    };
    let on_pointer_leave = move |_| {
        if !keyboard.get_untracked() {
            active.set(None);
        }
    };
    let on_click = move |event: leptos::ev::MouseEvent| {
        if let Some(index) = position(&event) {
            active.set(Some(index));
            if let Some(hit) = placed.with_untracked(|placed| placed.hits.get(index).copied()) {
                toggle_year(hit.period.year());
            }
        }
    };
    let on_keydown = move |event: leptos::ev::KeyboardEvent| {
        let key = event.key();
        match key.as_str() {
            "Enter" | " " => {
                if let Some(hit) = current_hit() {
                    event.prevent_default();
                    toggle_year(hit.period.year());
                }
            }
            "Escape" => active.set(None),
            _ => {
                let next = placed.with_untracked(|placed| {
                    hit_after_key(&placed.hits, active.get_untracked(), &key)
                });
                if let Some(next) = next {
                    event.prevent_default();
                    keyboard.set(true);
                    active.set(Some(next));
                }
            }
        }
    };
    let on_focus = move |_| {
        let by_keyboard = plot_ref
            .get_untracked()
            .is_some_and(|element| element.matches(":focus-visible").unwrap_or(false));
        if by_keyboard && active.get_untracked().is_none() {
            let chosen = year.get_untracked();
            let start = placed.with_untracked(|placed| {
                chosen
                    .and_then(|y| {
                        placed
                            .hits
                            .iter()
                            .position(|hit| i32::from(hit.period.year()) == y)
                    })
                    .or((!placed.hits.is_empty()).then_some(0))
            });
            keyboard.set(true);
            active.set(start);
        }
    };
    let on_blur = move |_| {
        keyboard.set(false);
        active.set(None);
    };

    // The data table (built when opened) and the downloads.
    let details_ref = NodeRef::<Details>::new();
    let table_title = data.title.clone();
    let table = move || {
        if !table_open.get() {
            return None;
        }
        let spell = IntlSpell::new(lang);
        Some(shown.with(|shown| {
            let header = shown
                .series
                .iter()
                .map(|s| view! { <th scope="col">{s.series.name.clone()}</th> })
                .collect_view();
            let rows = table_rows(shown)
                .into_iter()
                .map(|row| {
                    let period = row.period.to_string();
                    let cells = shown
                        .series
                        .iter()
                        .zip(row.cells)
                        .map(|(series, cell)| {
                            // One element type for both cases keeps the wasm small.
                            let (value, text, missing) = match cell {
                                Some(point) => {
                                    let mut text = value_label(point, series.unit, lang, &spell);
                                    if point.is_derived() {
                                        text.push_str(" *");
                                    }
                                    (Some(format!("{}", point.value)), text, None)
                                }
                                None => (None, "—".to_owned(), Some(Ui::NoValue.text(lang))),
                            };
                            let filled = value.is_some();
                            view! {
                                <td data-series=filled.then(|| series.series.id.clone())
                                    data-period=filled.then(|| period.clone())
                                    data-value=value aria-label=missing>{text}</td>
                            }
                        })
                        .collect_view();
                    view! { <tr><th scope="row">{period_label(&row.period, lang)}</th>{cells}</tr> }
                })
                .collect_view();
            view! {
                <div class="cke-table-wrap">
                    <table>
                        <caption>{table_title.clone()}</caption>
                        <thead><tr><th scope="col">{Ui::Period.text(lang)}</th>{header}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
                <p class="cke-note">{Ui::DerivedNote.text(lang)}</p>
            }
        }))
    };
    // The downloads are a chunk of their own in a split build: fetched ahead when the browser is
    // idle, or on the first click; when it cannot be fetched, a retry takes the buttons' place.
    let download_failed = RwSignal::new(None::<Format>);
    let download = {
        let data = data.clone();
        let dataset = dataset.clone();
        move |format: Format| {
            let (data, dataset) = (data.clone(), dataset.clone());
            #[cfg(not(feature = "split"))]
            {
                let _ = download_chunk(format, data, dataset, lang, shown, placed);
            }
            #[cfg(feature = "split")]
            leptos::task::spawn_local(async move {
                let saved = download_chunk(format, data, dataset, lang, shown, placed).await;
                download_failed.set(saved.err().map(|ChunkFailed| format));
            });
        }
    };
    let download_csv = {
        let download = download.clone();
        move |_| download(Format::Csv)
    };
    let download_svg = {
        let download = download.clone();
        move |_| download(Format::Svg)
    };
    let download_png = {
        let download = download.clone();
        move |_| download(Format::Png)
    };
    let download_retry = move || {
        download_failed.get().map(|format| {
            let download = download.clone();
            view! { <PartLoadError retry=move || download(format)/> }
        })
    };

    let sources = {
        let dataset = dataset.clone();
        move || {
            shown
                .with(shown_sources)
                .into_iter()
                .filter_map(|id| SourceId::parse(&id))
                .map(|id| view! { <li><SourceRef dataset=dataset.clone() id/></li> })
                .collect_view()
        }
    };
    // The caveats, with their count, open on demand: a chart's notes can be longer than the
    // chart (the trade's seven), and its summary and definition already say what it shows.
    let caveats = move || {
        (!caveats.is_empty()).then(|| {
            let count = format!(
                "{} ({})",
                Ui::ChartCaveats.text(lang),
                crate::services::intl::format_number(caveats.len() as f64, lang, false)
            );
            let caveats = caveats.clone();
            view! {
                <LazyDetails class="cke-chart__caveats" summary=view! { {count} }.into_any()>
                    <ul>
                        {caveats
                            .iter()
                            .map(|(title, body)| view! { <li><strong>{title.clone()}</strong> " " {body.clone()}</li> })
                            .collect_view()}
                    </ul>
                </LazyDetails>
            }
        })
    };
    // The data's notes on points, listed under a narrow chart (numbered as their markers).
    let notes = move || {
        placed.with(|placed| {
            (!placed.notes.is_empty()).then(|| {
                let items = placed
                    .notes
                    .iter()
                    .map(|note| view! { <li>{note.clone()}</li> })
                    .collect_view();
                view! {
                    <ol class="cke-chart__notes" aria-label=Ui::ChartNotes.text(lang)>{items}</ol>
                }
            })
        })
    };
    // Below the chart's summary, its notes, data table, downloads and sources: behind a
    // prerendered view, drawn a task after the chart (`takeover::drawn_later`).
    let lower = takeover::drawn_later(move || {
        let (caveats, table, sources) = (caveats.clone(), table.clone(), sources.clone());
        let (download_csv, download_svg, download_png, download_retry) = (
            download_csv.clone(),
            download_svg.clone(),
            download_png.clone(),
            download_retry.clone(),
        );
        view! {
            {caveats}
            <details class="cke-chart__table" node_ref=details_ref
                on:toggle=move |_| table_open.set(details_ref.get_untracked().is_some_and(|d| d.open()))>
                <summary>{Ui::ChartTable.text(lang)}</summary>
                {table}
            </details>
            <div class="cke-chart__downloads" role="group" aria-label=Ui::ChartDownloads.text(lang)>
                <span class="cke-chart__label" aria-hidden="true">{Ui::ChartDownloads.text(lang)}</span>
                <button type="button" class="cke-chart__small-button" data-download="csv" on:click=download_csv>
                    {Ui::DownloadCsv.text(lang)}
                </button>
                <button type="button" class="cke-chart__small-button" data-download="svg" on:click=download_svg>
                    {Ui::DownloadSvg.text(lang)}
                </button>
                <button type="button" class="cke-chart__small-button" data-download="png" on:click=download_png>
                    {Ui::DownloadPng.text(lang)}
                </button>
            </div>
            {download_retry}
            <footer class="cke-chart__sources">
                <p class="cke-chart__label">{Ui::Sources.text(lang)}</p>
                <ul class="cke-sources">{sources}</ul>
            </footer>
        }
    });

    let key = mark_key(&data, lang);
    let title = data.title.clone();
    let heading = match heading_level {
        Some(3) => {
            view! { <h3 class="cke-chart__title" id=title_id.clone()>{title}</h3> }.into_any()
        }
        _ => view! { <h2 class="cke-chart__title" id=title_id.clone()>{title}</h2> }.into_any(),
    };

    view! {
        <section class="cke-chart" aria-labelledby=title_id.clone() data-chart=data.id.clone()>
            {heading}
            <p class="cke-chart__subtitle">{data.subtitle.clone()}</p>
            <div class="cke-chart__controls">{controls}</div>
            <ul class="cke-chart__legend" aria-label=Ui::ChartLegend.text(lang)>{legend}</ul>
            {all_hidden}
            {year_line}
            <div class="cke-chart__plot" node_ref=plot_ref tabindex="0" role="group"
                aria-labelledby=title_id.clone() aria-describedby=keys_id.clone()
                on:pointermove=on_pointer_move on:pointerleave=on_pointer_leave on:click=on_click
                on:keydown=on_keydown on:focus=on_focus on:blur=on_blur>
                {svg}
                {pointed}
            </div>
            {notes}
            <p id=keys_id class="cke-visually-hidden">{Ui::ChartKeys.text(lang)}</p>
            <p class="cke-visually-hidden" role="status">{announcement}</p>
            {(!key.is_empty()).then(|| view! { <p class="cke-chart__key-note">{key}</p> })}
            <p class="cke-chart__summary">{move || summary_text.get()}</p>
            <p class="cke-chart__definition">{data.definition.clone()}</p>
            {lower}
        </section>
    }
    .into_any()
}
