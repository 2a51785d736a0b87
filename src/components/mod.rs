//! Shared interface pieces, used by more than one view: the frame (header, view navigation,
//! footer), loading and error states, provenance (figure cards and their sources), freshness
//! (the data's as-of date, disputed dates, stale plans), disclosures built when opened, the
//! embed-code generator, the comparison chart and the validator's located lines.
//!
//! Architecture invariant: components import the core and the services, never a view or the
//! root (`tests/architecture.rs` checks it).

pub mod chart;
pub mod disclosure;
pub mod embed_code;
pub mod frame;
pub mod freshness;
pub mod lazy;
pub mod link;
pub mod locator;
pub mod on_demand;
pub mod problems;
pub mod provenance;
pub mod status;
