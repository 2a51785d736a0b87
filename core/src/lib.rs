//! The pure core of China–Kazakhstan Explorer: everything that can be decided without a browser.
//! Modules in reading order: the public URL contract, the data (serde mirrors, validator,
//! domain model), interface strings, number and unit formatting, the embed protocol, then the
//! timeline's and the charts' geometry.
//!
//! Architecture invariant: no module here renders, fetches, reads the clock or touches a
//! browser API. The crate's dependencies are `serde` and `serde_json` only, so the compiler
//! (not a convention) keeps it that way; the app crate wires these values to signals.

pub mod url;

pub mod data;

pub mod strings;

pub mod embed;
pub mod format;
pub mod geo;
pub mod sector_page;

pub mod charts;
pub mod story;
pub mod timeline;
