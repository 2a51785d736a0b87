//! The chart engine: a small set of marks sharing scales, after Observable Plot and d3.
//!
//! The chain is `Dataset → ChartData (model) → Shown (measure, visible series) → Placed
//! (layout: pixels) → <svg>`. Every arrow but the last is a pure function tested natively:
//!
//! - [`ticks`], [`scale`]: round ticks; linear, band and time scales.
//! - [`geometry`]: path strings and rectangles; a missing point breaks a line.
//! - [`model`]: the comparison's series; absolute, indexed and year-on-year measures.
//! - [`layout`]: placement of axes and marks (line, bar, grouped bar, area, rule, dot,
//!   text), small multiples, the highlighted year, and where each value can be found.
//! - [`text`]: period and unit labels, value texts, the generated summary.
//! - [`table`]: the data table and CSV of exactly what is shown.
//! - [`export`]: a standalone SVG document with title and sources, for download.
//!
//! Only [`svg`] touches the browser: the [`ComparisonChart`] component, which wires signals
//! (width, measure, visible series, highlighted year) to the values computed above. The pure
//! modules must never import the UI framework or browser bindings, do I/O or read the clock
//! (`tests/purity.rs` checks), and never invent, interpolate or silently round a value.

pub mod export;
pub mod geometry;
pub mod layout;
pub mod model;
pub mod scale;
pub mod table;
pub mod text;
pub mod ticks;
