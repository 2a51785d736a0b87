//! Ids: the newtypes that keep an event id from being passed for a figure id, and the one rule
//! of a well-formed id. Pure values; no I/O, no serde.

use std::borrow::Borrow;
use std::fmt;

/// Whether `text` is a well-formed id: kebab-case ASCII, `^[a-z0-9]+(-[a-z0-9]+)*$`.
pub fn is_valid_id(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Declares a newtype for the ids of one file, so an event id cannot be passed for a figure id.
macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// Accepts a well-formed id (see [`is_valid_id`]); `None` otherwise. Whether the id
            /// exists in the data is a question for the [`Dataset`].
            pub fn parse(text: &str) -> Option<Self> {
                is_valid_id(text).then(|| $name(text.to_owned()))
            }

            /// The id as written in the files.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        // Lets maps keyed by the id be queried with a plain `&str`.
        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}

id_type! {
    /// The id of a source in `sources.json`.
    SourceId
}
id_type! {
    /// The id of an event in `events.json`.
    EventId
}
id_type! {
    /// The id of a figure in `figures.json`.
    FigureId
}
id_type! {
    /// The id of a series in `series.json`.
    SeriesId
}
id_type! {
    /// The id of a comparison in `comparisons.json`.
    ComparisonId
}
id_type! {
    /// The id of a caveat in `caveats.json`.
    CaveatId
}
id_type! {
    /// The id of a step of the guided story in `story.json`.
    StepId
}
id_type! {
    /// The id of a place in `places.json`.
    PlaceId
}
