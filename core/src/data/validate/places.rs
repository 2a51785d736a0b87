//! Building places: their kind, sectors, points (in range; one for a mark, two or more for a
//! line), the source of their coordinates, and their events, figures and sources.

use super::*;

impl<'a> Validator<'a> {
    pub(super) fn build_places(&mut self, raw: &[(Path, raw::Place)]) -> Vec<model::Place> {
        let mut out = Vec::new();
        for (path, place) in raw {
            let f = F_PLACES;
            let kind = self.vocabulary(
                f,
                &path.key("kind"),
                &place.kind,
                PlaceKind::parse,
                PlaceKind::KIND,
                PlaceKind::expected(),
            );
            let sectors = self.sectors(f, path, &place.sectors, "a place", true);
            let points = self.place_points(path, &place.points, kind);
            let coordinates_sources = self.coordinates_sources(path, place);
            let events = self.references(
                f,
                &path.key("events"),
                Collection::Events,
                &place.events,
                EventId::parse,
            );
            let figures = self.references(
                f,
                &path.key("figures"),
                Collection::Figures,
                &place.figures,
                FigureId::parse,
            );
            let sources = self.references(
                f,
                &path.key("sources"),
                Collection::Sources,
                &place.sources,
                SourceId::parse,
            );
            let since_event = place.since_event.as_ref().and_then(|since| {
                let since_path = path.key("since_event");
                if place.events.contains(since) {
                    EventId::parse(since).filter(|id| events.contains(id))
                } else {
                    self.error(
                        f,
                        &since_path,
                        format!(
                            "since_event {} is not one of the place's events: list it in events",
                            quote(since)
                        ),
                    );
                    None
                }
            });
            let texts = self.require_texts(f, path, Collection::Places, &place.id);
            if let (Some(id), Some(kind), Some(sectors), Some(points), Some(source), true) = (
                PlaceId::parse(&place.id),
                kind,
                sectors,
                points,
                coordinates_sources,
                texts,
            ) {
                out.push(model::Place {
                    id,
                    kind,
                    sectors,
                    points,
                    coordinates_sources: source,
                    schematic: place.schematic.unwrap_or(false),
                    events,
                    figures,
                    since_event,
                    sources,
                });
            }
        }
        out
    }

    /// The sources of a place's coordinates: its `coordinates_source` and each point's own
    /// `source`, each of which must be in `sources.json`; `None` (the place is dropped) when one
    /// is not, so that no point is drawn without a source.
    fn coordinates_sources(&mut self, path: &Path, place: &raw::Place) -> Option<Vec<SourceId>> {
        let f = F_PLACES;
        let mut ok = self.reference(
            f,
            &path.key("coordinates_source"),
            Collection::Sources,
            &place.coordinates_source,
        );
        let mut ids = vec![place.coordinates_source.as_str()];
        for (i, point) in place.points.iter().enumerate() {
            let Some(source) = point.source.as_deref() else {
                continue;
            };
            let at = path.key("points").index(i).key("source");
            ok &= self.reference(f, &at, Collection::Sources, source);
            if !ids.contains(&source) {
                ids.push(source);
            }
        }
        if !ok {
            return None;
        }
        ids.into_iter().map(SourceId::parse).collect()
    }

    /// Checks each point's range and the number of points for the kind; `None` drops the place.
    fn place_points(
        &mut self,
        path: &Path,
        points: &[raw::GeoPoint],
        kind: Option<PlaceKind>,
    ) -> Option<Vec<LatLon>> {
        let f = F_PLACES;
        let points_path = path.key("points");
        let mut ok = true;
        let mut out = Vec::with_capacity(points.len());
        for (i, point) in points.iter().enumerate() {
            let at = points_path.index(i);
            let lat_ok = point.lat.is_finite() && (-90.0..=90.0).contains(&point.lat);
            let lon_ok = point.lon.is_finite() && (-180.0..=180.0).contains(&point.lon);
            if !lat_ok {
                self.error(
                    f,
                    &at.key("lat"),
                    format!(
                        "latitude {} is out of range: expected −90 to 90 degrees",
                        point.lat
                    ),
                );
            }
            if !lon_ok {
                self.error(
                    f,
                    &at.key("lon"),
                    format!(
                        "longitude {} is out of range: expected −180 to 180 degrees",
                        point.lon
                    ),
                );
            }
            ok &= lat_ok && lon_ok;
            out.push(LatLon {
                lat: point.lat,
                lon: point.lon,
            });
        }
        let kind = kind?;
        let wanted_line = kind.is_line();
        if wanted_line && points.len() < 2 {
            self.error(
                f,
                &points_path,
                format!(
                    "a {} is a line and needs at least two points, found {}",
                    kind.as_str(),
                    points.len()
                ),
            );
            return None;
        }
        if !wanted_line && points.len() != 1 {
            self.error(
                f,
                &points_path,
                format!(
                    "a {} is a mark and needs exactly one point, found {}",
                    kind.as_str(),
                    points.len()
                ),
            );
            return None;
        }
        ok.then_some(out)
    }
}
