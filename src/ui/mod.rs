//! Shared interface pieces: the frame (header, navigation, footer), loading and error states,
//! and locale formatting through the browser's `Intl`.

pub mod disclosure;
pub mod embed;
pub mod focus;
pub mod frame;
pub mod intl;
pub mod paint;
pub mod provenance;
pub mod status;
