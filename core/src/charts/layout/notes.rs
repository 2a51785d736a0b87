//! The data's notes on single points ([`ShownNote`]): at a wide chart, a short label inside the
//! plot with a leader line to its point; at a narrow one (≤ [`NARROW`] px), a numbered marker
//! at the point and the text listed under the chart ([`Placed::notes`]).
//!
//! A label sits on the side of the point with more room (left of a point in the right half,
//! right of one in the left half), below a point in the upper half and above one in the lower
//! half, and is kept inside the plot, clear of the axes and their labels.

use super::placed::{Anchor, Hit, Panel, RuleRole, Shape, TextRole};
use crate::charts::geometry::Rect;
use crate::charts::model::ShownNote;

/// The widest chart that lists its notes under it instead of labelling the points.
pub const NARROW: f64 = 480.0;
/// The size of a note's text, in pixels.
const SIZE: f64 = 12.0;
/// The height of one line of a label.
const LINE: f64 = 15.0;
/// The gap between a point and its label, both ways.
const OFFSET: f64 = 22.0;
/// The gap kept from the plot's edges.
const INSET: f64 = 4.0;
/// The widest label, in pixels.
const MAX_LABEL: f64 = 240.0;

/// The estimated width of a character at [`SIZE`]: full width for CJK ideographs and
/// punctuation, about half for others.
fn char_width(c: char) -> f64 {
    if ('\u{2e80}'..='\u{9fff}').contains(&c) || ('\u{ff00}'..='\u{ffef}').contains(&c) {
        SIZE
    } else {
        SIZE * 0.56
    }
}

/// The estimated width of a text at [`SIZE`].
fn text_width(text: &str) -> f64 {
    text.chars().map(char_width).sum()
}

/// Splits a note into lines of at most `width` pixels: at spaces, or between any two
/// characters of a word that is too long by itself (Chinese has no spaces).
pub fn wrap_note(text: &str, width: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if text_width(&candidate) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if !line.is_empty() && text_width(&line) + char_width(c) > width {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Adds each note's marks to the panel its point is in; returns the texts to list under the
/// chart (empty at a wide chart, where the labels carry them).
pub fn place_notes(
    notes: &[ShownNote],
    hits: &[Hit],
    panels: &mut [Panel],
    width: f64,
) -> Vec<String> {
    let narrow = width <= NARROW;
    let mut listed = Vec::new();
    for note in notes {
        let Some(hit) = hits
            .iter()
            .find(|h| h.series == note.series && h.point == note.point)
        else {
            continue;
        };
        let Some(panel) = panels.get_mut(hit.panel) else {
            continue;
        };
        if narrow {
            listed.push(note.text.clone());
            panel
                .shapes
                .extend(marker(listed.len(), hit.at, &panel.plot));
        } else {
            panel.shapes.extend(label(&note.text, hit.at, &panel.plot));
        }
    }
    listed
}

/// A numbered marker above the point (below it when the point is near the top), with a short
/// leader.
fn marker(number: usize, at: (f64, f64), plot: &Rect) -> Vec<Shape> {
    let above = at.1 - OFFSET >= plot.y + SIZE + INSET;
    let (end, baseline) = if above {
        (at.1 - OFFSET + 4.0, at.1 - OFFSET)
    } else {
        (at.1 + OFFSET - SIZE, at.1 + OFFSET)
    };
    let x = at.0.clamp(plot.x + SIZE, plot.x + plot.width - SIZE);
    vec![
        Shape::Rule {
            role: RuleRole::Leader,
            from: (at.0, at.1 + if above { -5.0 } else { 5.0 }),
            to: (x, end),
        },
        Shape::Text {
            role: TextRole::NoteMarker,
            at: (x, baseline),
            anchor: Anchor::Middle,
            text: number.to_string(),
        },
    ]
}

/// A label beside the point, inside the plot, with a leader line from the point to it.
fn label(text: &str, at: (f64, f64), plot: &Rect) -> Vec<Shape> {
    let room = (plot.width / 2.0 - OFFSET).clamp(80.0, MAX_LABEL);
    let lines = wrap_note(text, room);
    let widest = lines.iter().map(|l| text_width(l)).fold(0.0, f64::max);
    let height = lines.len() as f64 * LINE;
    let right = plot.x + plot.width;
    let bottom = plot.y + plot.height;
    // Left of a point in the right half, right of one in the left half.
    let to_left = at.0 > plot.x + plot.width / 2.0;
    let left_edge = if to_left {
        at.0 - OFFSET - widest
    } else {
        at.0 + OFFSET
    }
    .clamp(plot.x + INSET, (right - INSET - widest).max(plot.x + INSET));
    // Below a point in the upper half, above one in the lower half.
    let below = at.1 < plot.y + plot.height / 2.0;
    let top = if below {
        at.1 + OFFSET
    } else {
        at.1 - OFFSET - height
    }
    .clamp(
        plot.y + INSET,
        (bottom - INSET - height).max(plot.y + INSET),
    );
    let (x, anchor) = if to_left {
        (left_edge + widest, Anchor::End)
    } else {
        (left_edge, Anchor::Start)
    };
    // The leader runs from the edge of the dot to the label's nearest corner.
    let corner_y = if below { top } else { top + height };
    let towards = (x - at.0, corner_y - at.1);
    let length = (towards.0 * towards.0 + towards.1 * towards.1)
        .sqrt()
        .max(1.0);
    let from = (
        at.0 + towards.0 / length * 6.0,
        at.1 + towards.1 / length * 6.0,
    );
    let mut shapes = vec![Shape::Rule {
        role: RuleRole::Leader,
        from,
        to: (x, corner_y),
    }];
    for (i, line) in lines.into_iter().enumerate() {
        shapes.push(Shape::Text {
            role: TextRole::Note,
            at: (x, top + (i as f64 + 1.0) * LINE - 3.0),
            anchor,
            text: line,
        });
    }
    shapes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_notes_wrap_between_characters_and_others_at_spaces() {
        let zh = wrap_note("2023年：中国海关 410.2亿美元（新华社）", 100.0);
        assert!(zh.len() > 1);
        assert!(zh.iter().all(|l| text_width(l) <= 100.0));
        let en = wrap_note("one two three four five six seven eight", 80.0);
        assert_eq!(en.join(" "), "one two three four five six seven eight");
        assert!(en.iter().all(|l| text_width(l) <= 80.0));
    }
}
