//! Browser services: everything that talks to the world outside the component tree (the clock,
//! the network, the address bar, the host page, the browser's `Intl`, layout and paint timing).
//!
//! Architecture invariant: services import the core and each other, never a component, a view
//! or the root (`tests/architecture.rs` checks it).

pub mod chunk;
pub mod clock;
pub mod column;
pub mod embed_host;
pub mod focus;
pub mod fragment;
pub mod intl;
pub mod lang;
pub mod load;
pub mod nav;
pub mod paint;
pub mod panic;
pub mod takeover;
