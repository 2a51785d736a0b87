//! The map's outlines (`public/data/geo/region.json`, written by `scripts/build-map.mjs`) and
//! the places are projected the same way: the file records the script's parameters and control
//! points, and the core's projection must agree with both.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use cke_core::data::model::LatLon;
use cke_core::geo::REGION;
use serde_json::Value;

fn region() -> Value {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/data/geo/region.json"
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect()
}

#[test]
fn the_outlines_were_projected_with_the_cores_parameters() {
    let file = region();
    let projection = &file["projection"];
    assert_eq!(projection["name"], "albers");
    assert_eq!(numbers(&projection["parallels"]), REGION.parallels);
    assert_eq!(numbers(&projection["center"]), REGION.center);
    assert_eq!(projection["scale"].as_f64().unwrap(), REGION.scale);
    assert_eq!(numbers(&projection["translate"]), REGION.translate);
    assert_eq!(file["width"].as_f64().unwrap(), REGION.size[0]);
    assert_eq!(file["height"].as_f64().unwrap(), REGION.size[1]);
}

#[test]
fn the_core_projects_the_scripts_control_points_to_the_same_place() {
    let file = region();
    let control = file["control"].as_array().unwrap();
    assert!(control.len() >= 4);
    for point in control {
        let at = LatLon {
            lat: point["lat"].as_f64().unwrap(),
            lon: point["lon"].as_f64().unwrap(),
        };
        let (x, y) = REGION.project(at);
        let (fx, fy) = (point["x"].as_f64().unwrap(), point["y"].as_f64().unwrap());
        assert!(
            (x - fx).abs() < 0.01 && (y - fy).abs() < 0.01,
            "{at:?}: core ({x}, {y}), script ({fx}, {fy})"
        );
    }
}

#[test]
fn the_outlines_credit_natural_earth_and_are_small() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/data/geo/region.json"
    );
    let bytes = std::fs::metadata(path).unwrap().len();
    assert!(bytes < 25_000, "region.json is {bytes} B");
    assert!(region()["source"]
        .as_str()
        .unwrap()
        .contains("Natural Earth"));
}

#[test]
fn the_real_outlines_parse_and_hold_china_and_kazakhstan() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../public/data/geo/region.json"
    );
    let outlines = cke_core::geo::Outlines::parse(&std::fs::read_to_string(path).unwrap()).unwrap();
    let ids: Vec<&str> = outlines.countries.iter().map(|c| c.id.as_str()).collect();
    assert!(ids.contains(&cke_core::geo::CHINA) && ids.contains(&cke_core::geo::KAZAKHSTAN));
}

#[test]
fn every_place_of_the_real_data_lies_on_the_map() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data/places.json");
    let value: Value = serde_json::from_str(&std::fs::read_to_string(dir).unwrap()).unwrap();
    for place in value["places"].as_array().unwrap() {
        for point in place["points"].as_array().unwrap() {
            let at = LatLon {
                lat: point["lat"].as_f64().unwrap(),
                lon: point["lon"].as_f64().unwrap(),
            };
            assert!(
                REGION.contains(REGION.project(at)),
                "{} at {at:?}",
                place["id"]
            );
        }
    }
}
