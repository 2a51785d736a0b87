//! Building the guided story: each step's event and figure resolve, the steps follow their
//! events' dates, and there are 10 to 15 of them.

use super::*;

impl<'a> Validator<'a> {
    pub(super) fn build_story(
        &mut self,
        raw: &[(Path, raw::Step)],
        events: &[model::Event],
    ) -> Vec<model::Step> {
        let f = F_STORY;
        let mut out = Vec::new();
        // The date of the step before, with its id, for the order rule.
        let mut latest: Option<(Date, String)> = None;
        for (path, step) in raw {
            let event_ok = self.reference(f, &path.key("event"), Collection::Events, &step.event);
            let figure_ok =
                self.reference(f, &path.key("figure"), Collection::Figures, &step.figure);
            let place = match &step.place {
                Some(place) if !model::is_valid_id(place) => {
                    self.error(
                        f,
                        &path.key("place"),
                        format!(
                            "malformed place id {}: ids are kebab-case ASCII (a-z, 0-9, single hyphens between)",
                            quote(place)
                        ),
                    );
                    None
                }
                other => other.clone(),
            };
            let date = events
                .iter()
                .find(|event| event.id.as_str() == step.event)
                .map(|event| event.when.first_day());
            let mut in_order = true;
            if let (Some(date), Some((before, before_id))) = (date, latest.as_ref()) {
                if date < *before {
                    in_order = false;
                    let message = format!(
                        "step {}'s event is earlier than the event of step {} before it: steps follow their events' dates",
                        quote(&step.id),
                        quote(before_id)
                    );
                    self.error(f, &path.key("event"), message);
                }
            }
            if let Some(date) = date {
                latest = Some((date, step.id.clone()));
            }
            let texts = self.require_texts(f, path, Collection::Story, &step.id);
            if let (Some(id), Some(event), Some(figure), true, true, true, true) = (
                StepId::parse(&step.id),
                EventId::parse(&step.event),
                FigureId::parse(&step.figure),
                event_ok,
                figure_ok,
                in_order,
                texts,
            ) {
                out.push(model::Step {
                    id,
                    event,
                    figure,
                    place,
                });
            }
        }
        let unreadable = self.declared.unreadable.contains(&Collection::Story);
        if !unreadable && !(STORY_MIN_STEPS..=STORY_MAX_STEPS).contains(&raw.len()) {
            self.error(
                f,
                &Path::root().key("steps"),
                format!(
                    "the story has {} steps; it needs {STORY_MIN_STEPS} to {STORY_MAX_STEPS}",
                    raw.len()
                ),
            );
        }
        out
    }
}
