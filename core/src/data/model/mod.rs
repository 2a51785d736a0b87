//! The validated domain model: what the views read once the data has been checked.
//!
//! Every value here has passed the rules of `validate`: ids are well formed and unique, every
//! reference resolves, dates and periods are real calendar values, every number names a source
//! and every required text exists in the base language (English, or the reader's own when English
//! could not be had). Views can rely on that and need no defensive checks.
//!
//! This module must never do I/O, read the clock, know about serde or JSON, or depend on the UI
//! framework; it is plain data plus lookups, and compiles natively and for wasm.

#[macro_use]
mod vocab;
mod dataset;
mod ids;
mod items;
mod texts;
mod time;

pub use dataset::*;
pub use ids::*;
pub use items::*;
pub use texts::*;
pub use time::*;
pub use vocab::*;

#[cfg(test)]
mod tests;
