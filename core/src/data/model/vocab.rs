//! Closed vocabularies: the enums whose values are fixed strings in the JSON files (sectors,
//! units, qualifiers, confidence, …). Pure values; no I/O, no serde.

use std::fmt;

/// Declares an enum whose values are written as fixed strings in the JSON files.
macro_rules! string_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $kind:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in the order the format contract lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// What this vocabulary is called in messages.
            pub const KIND: &'static str = $kind;

            /// The form written in the JSON files.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)+
                }
            }

            /// Parses the form written in the JSON files; anything else is `None`.
            pub fn parse(text: &str) -> Option<Self> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// All accepted forms, comma-separated, for messages.
            pub fn expected() -> String {
                Self::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>().join(", ")
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

string_enum! {
    /// One of the eleven sectors the explainer is organised by.
    SectorId, "sector id" {
        /// Diplomatic relations, treaties, summits.
        Diplomacy = "diplomacy",
        /// Goods trade.
        Trade = "trade",
        /// Direct investment and finance.
        Investment = "investment",
        /// Oil, gas, power, renewables.
        Energy = "energy",
        /// Rail, road, ports, transit corridors.
        Transport = "transport",
        /// Housing and urban development.
        Urban = "urban",
        /// Agriculture and food.
        Agriculture = "agriculture",
        /// Medicine and health.
        Medicine = "medicine",
        /// Tourism and visitors.
        Tourism = "tourism",
        /// Education, students, language centres.
        Education = "education",
        /// Provinces, regions and sister cities.
        Subnational = "subnational",
    }
}

string_enum! {
    /// What a place on the map is.
    PlaceKind, "place kind" {
        /// A border crossing (road, rail or both).
        Crossing = "crossing",
        /// An oil or gas pipeline, drawn as a line.
        Pipeline = "pipeline",
        /// A rail line or corridor, drawn as a line.
        Rail = "rail",
        /// A sea port.
        Port = "port",
        /// A dry port or logistics terminal.
        DryPort = "dry-port",
        /// A project site: a plant, a wind farm, a campus, a city's transit line.
        Site = "site",
    }
}

impl PlaceKind {
    /// Whether places of this kind are lines (at least two points).
    pub fn is_line(self) -> bool {
        matches!(self, PlaceKind::Pipeline | PlaceKind::Rail)
    }
}

string_enum! {
    /// The unit of a figure or series; the app formats each per language.
    Unit, "unit" {
        /// US dollars, billions (nominal, as reported).
        UsdBn = "usd-bn",
        /// US dollars, millions (nominal, as reported).
        UsdM = "usd-m",
        /// A share, in percent.
        Percent = "percent",
        /// A change against the previous period, in percent; the only unit that may be negative.
        PercentChange = "percent-change",
        /// A count of things; what is counted is said by the figure's label.
        Count = "count",
        /// Installed capacity, megawatts.
        Mw = "mw",
        /// Installed capacity, gigawatts.
        Gw = "gw",
        /// Electricity per year, gigawatt-hours.
        GwhPerYear = "gwh-per-year",
        /// Electricity per year, millions of kilowatt-hours.
        KwhMPerYear = "kwh-m-per-year",
        /// Tonnes.
        T = "t",
        /// Thousand tonnes.
        Kt = "kt",
        /// Million tonnes.
        Mt = "mt",
        /// Pipeline throughput or capacity, million tonnes per year.
        MtPerYear = "mt-per-year",
        /// Pipeline throughput or capacity, billion cubic metres per year.
        BcmPerYear = "bcm-per-year",
        /// Tonnes of CO₂ avoided per year.
        TCo2PerYear = "t-co2-per-year",
        /// People.
        People = "people",
        /// Passengers per day.
        PassengersPerDay = "passengers-per-day",
        /// Twenty-foot equivalent units (containers).
        Teu = "teu",
        /// Trains.
        Trains = "trains",
        /// Kilometres.
        Km = "km",
        /// Months.
        Months = "months",
        /// Kazakhstani tenge, billions.
        TengeBn = "tenge-bn",
        /// The figure is a date; its `date` field holds it.
        Date = "date",
        /// "First", "second", "third": the value is 1, 2, 3.
        Ordinal = "ordinal",
        /// A non-numeric claim; the text carries it and there is no value.
        Wording = "wording",
    }
}

impl Unit {
    /// Whether a figure in this unit carries a numeric `value`.
    pub fn is_numeric(self) -> bool {
        !matches!(self, Unit::Date | Unit::Wording)
    }

    /// Whether a value in this unit may be negative: only a change can be.
    pub fn allows_negative(self) -> bool {
        self == Unit::PercentChange
    }
}

string_enum! {
    /// How the source worded a number.
    Qualifier, "qualifier" {
        /// Stated as an exact figure.
        Exact = "exact",
        /// "Over", "more than", "exceeded", ">".
        Over = "over",
        /// "Nearly", "almost".
        Nearly = "nearly",
        /// "About", "~", "some".
        About = "about",
    }
}

string_enum! {
    /// How far a fact can be trusted.
    Confidence, "confidence" {
        /// Official statistics or two or more agreeing independent sources.
        High = "high",
        /// One reputable outlet.
        Medium = "medium",
        /// A weak site, a mirror of unknown fidelity, or a single promotional source.
        Low = "low",
    }
}

string_enum! {
    /// What kind of publication a source is.
    SourceType, "source type" {
        /// A statistics office or customs administration.
        OfficialStatistics = "official-statistics",
        /// A government or ministry statement.
        Government = "government",
        /// A news outlet.
        News = "news",
        /// A company's own publication.
        Company = "company",
        /// Academic work.
        Academic = "academic",
        /// Paid or promotional content.
        Advertorial = "advertorial",
        /// An encyclopaedia or other reference work.
        Reference = "reference",
    }
}

string_enum! {
    /// Which country's statistics a trade series reports.
    Reporter, "reporter" {
        /// China's customs (GACC) or ministries.
        China = "china",
        /// Kazakhstan's statistics bureau or ministries.
        Kazakhstan = "kazakhstan",
    }
}

string_enum! {
    /// Direction of a trade flow.
    Flow, "flow" {
        /// Both directions together.
        Total = "total",
        /// China's exports to Kazakhstan (Kazakhstan's imports from China).
        CnToKz = "cn-to-kz",
        /// Kazakhstan's exports to China (China's imports from Kazakhstan).
        KzToCn = "kz-to-cn",
    }
}

string_enum! {
    /// How a comparison is drawn.
    Mark, "mark" {
        /// Lines over time.
        Line = "line",
        /// Bars.
        Bar = "bar",
        /// Bars grouped per period, one per series.
        GroupedBar = "grouped-bar",
    }
}

string_enum! {
    /// Whether an event has happened.
    Status, "status" {
        /// It happened.
        Happened = "happened",
        /// Announced, not confirmed to have happened.
        Planned = "planned",
    }
}

string_enum! {
    /// Whether the China Daily advertorial of 2025-09-10 states the fact.
    InAdvertorial, "in_advertorial value" {
        /// It does.
        Yes = "yes",
        /// It does not.
        No = "no",
        /// In part.
        Partly = "partly",
    }
}
