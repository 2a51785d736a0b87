//! The map's projection: an Albers equal-area conic projection with standard parallels at 40°N
//! and 50°N, centred on 80°E, 45°N, which keeps Central Asia's areas true and its shapes
//! nearly so. The outlines in `data/geo/region.json` were projected with the same parameters by
//! `scripts/build-map.mjs`; the file records them with a few control points, and a test checks
//! that this module agrees with the script.

use crate::data::model::LatLon;

/// The projection's parameters, in the map's SVG units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Albers {
    /// The two standard parallels, degrees north.
    pub parallels: [f64; 2],
    /// The centre: longitude and latitude, degrees.
    pub center: [f64; 2],
    /// SVG units per unit of the projected sphere.
    pub scale: f64,
    /// Where the centre lands: x and y in SVG units.
    pub translate: [f64; 2],
    /// The map's width and height in SVG units (its `viewBox`).
    pub size: [f64; 2],
}

/// The region map's projection.
pub const REGION: Albers = Albers {
    parallels: [40.0, 50.0],
    center: [80.0, 45.0],
    scale: 950.0,
    translate: [420.0, 250.0],
    size: [1000.0, 520.0],
};

impl Albers {
    /// The SVG position (x right, y down) of a point.
    pub fn project(&self, point: LatLon) -> (f64, f64) {
        let rad = std::f64::consts::PI / 180.0;
        let [p1, p2] = self.parallels;
        let n = ((p1 * rad).sin() + (p2 * rad).sin()) / 2.0;
        let c = (p1 * rad).cos().powi(2) + 2.0 * n * (p1 * rad).sin();
        let rho0 = (c - 2.0 * n * (self.center[1] * rad).sin()).sqrt() / n;
        let rho = (c - 2.0 * n * (point.lat * rad).sin()).max(0.0).sqrt() / n;
        let theta = n * (point.lon - self.center[0]) * rad;
        let x = rho * theta.sin();
        let y = rho0 - rho * theta.cos();
        (
            self.translate[0] + self.scale * x,
            self.translate[1] - self.scale * y,
        )
    }

    /// Whether an SVG position lies inside the map.
    pub fn contains(&self, (x, y): (f64, f64)) -> bool {
        (0.0..=self.size[0]).contains(&x) && (0.0..=self.size[1]).contains(&y)
    }

    /// The SVG path of a line through points (`M x y L x y …`), rounded to a tenth of a unit.
    pub fn line_path(&self, points: &[LatLon]) -> String {
        let mut d = String::new();
        for (i, point) in points.iter().enumerate() {
            let (x, y) = self.project(*point);
            let command = if i == 0 { 'M' } else { 'L' };
            d.push_str(&format!("{command}{:.1} {:.1}", x, y));
        }
        d
    }
}

/// One country's outline, as SVG path data in the map's units.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outline {
    /// Natural Earth's ISO 3166 numeric code (`"398"` is Kazakhstan, `"156"` China).
    pub id: String,
    /// SVG path data.
    pub d: String,
}

/// The region's outlines, read from `data/geo/region.json`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outlines {
    /// Every country drawn, in the file's order.
    pub countries: Vec<Outline>,
}

/// Kazakhstan's code in [`Outline::id`].
pub const KAZAKHSTAN: &str = "398";
/// China's code in [`Outline::id`].
pub const CHINA: &str = "156";

impl Outlines {
    /// Reads the file; `None` when it is not the expected shape or was projected with other
    /// parameters than [`REGION`] (the places would not sit on it). Never panics.
    pub fn parse(text: &str) -> Option<Outlines> {
        let value: serde_json::Value = serde_json::from_str(text).ok()?;
        let projection = value.get("projection")?;
        let numbers = |v: &serde_json::Value| -> Option<Vec<f64>> {
            v.as_array()?
                .iter()
                .map(serde_json::Value::as_f64)
                .collect()
        };
        let same = projection.get("name")?.as_str()? == "albers"
            && numbers(projection.get("parallels")?)? == REGION.parallels
            && numbers(projection.get("center")?)? == REGION.center
            && projection.get("scale")?.as_f64()? == REGION.scale
            && numbers(projection.get("translate")?)? == REGION.translate
            && value.get("width")?.as_f64()? == REGION.size[0]
            && value.get("height")?.as_f64()? == REGION.size[1];
        if !same {
            return None;
        }
        let countries = value
            .get("countries")?
            .as_array()?
            .iter()
            .filter_map(|country| {
                let id = country.get("id")?.as_str()?;
                let d = country.get("d")?.as_str()?;
                let safe = d
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b" -.MLlz".contains(&b));
                safe.then(|| Outline {
                    id: id.to_owned(),
                    d: d.to_owned(),
                })
            })
            .collect();
        Some(Outlines { countries })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_centre_lands_on_the_translate_point_and_north_is_up() {
        let (x, y) = REGION.project(LatLon {
            lat: 45.0,
            lon: 80.0,
        });
        assert!((x - 420.0).abs() < 1e-9 && (y - 250.0).abs() < 1e-9);
        let (_, north) = REGION.project(LatLon {
            lat: 50.0,
            lon: 80.0,
        });
        assert!(north < y);
        let (east, _) = REGION.project(LatLon {
            lat: 45.0,
            lon: 90.0,
        });
        assert!(east > x);
    }

    #[test]
    fn outlines_of_another_projection_or_shape_are_refused() {
        let good = r#"{"projection":{"name":"albers","parallels":[40,50],"center":[80,45],"scale":950,"translate":[420,250]},"width":1000,"height":520,"countries":[{"id":"398","d":"M1 2l3 4z"},{"id":"x","d":"<script>"}]}"#;
        let outlines = Outlines::parse(good).unwrap_or_else(|| unreachable!());
        assert_eq!(outlines.countries.len(), 1);
        assert_eq!(outlines.countries[0].id, KAZAKHSTAN);
        assert_eq!(Outlines::parse(&good.replace("950", "951")), None);
        assert_eq!(Outlines::parse("[]"), None);
        assert_eq!(Outlines::parse("not json"), None);
    }

    #[test]
    fn a_line_path_starts_with_a_move_and_continues_with_lines() {
        let d = REGION.line_path(&[
            LatLon {
                lat: 45.0,
                lon: 80.0,
            },
            LatLon {
                lat: 45.0,
                lon: 81.0,
            },
        ]);
        assert!(d.starts_with("M420.0 250.0L"), "{d}");
    }
}
