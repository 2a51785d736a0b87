//! A chart as a standalone SVG document for download: title, subtitle, legend, the placed
//! marks, and a footer naming every source, with colours written in (a downloaded file has no
//! style sheet). The PNG download draws this same document onto a canvas.
//!
//! Every data text is escaped; nothing from the data becomes markup.
//!
//! Pure: strings in, a string out; no browser, no clock.

use super::geometry::num;
use super::layout::{Placed, RuleRole, Shape, TextRole};
use std::fmt::Write as _;

/// The series colours of the light theme (the style sheet's `--cke-series-*`).
pub const COLOURS: [&str; 8] = [
    "#1f5fa8", "#b4320c", "#2b7a3a", "#7a3ab8", "#9c4a00", "#0a6f60", "#b0214f", "#4a5560",
];

/// The texts around the chart.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Frame {
    /// The chart's title.
    pub title: String,
    /// Its subtitle.
    pub subtitle: String,
    /// Each shown series: name and colour slot.
    pub legend: Vec<(String, usize)>,
    /// The key to the marks (derived values, the shaded gap).
    pub key: String,
    /// "Sources: …", naming every source.
    pub sources: String,
}

/// Escapes text for XML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Splits `text` into lines of at most about `width` pixels at `size` px.
fn wrap(text: &str, width: f64, size: f64) -> Vec<String> {
    let max = ((width / (size * 0.55)).floor() as usize).max(8);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn colour(slot: usize) -> &'static str {
    COLOURS
        .get(slot % COLOURS.len())
        .copied()
        .unwrap_or("#4a5560")
}

/// Writes wrapped lines of text from `y`, returning the `y` below them.
fn text_block(out: &mut String, text: &str, y: f64, width: f64, size: f64, style: &str) -> f64 {
    let mut y = y;
    for line in wrap(text, width, size) {
        y += size * 1.3;
        let _ = writeln!(
            out,
            r#"<text x="12" y="{}" font-size="{size}" {style}>{}</text>"#,
            num(y),
            escape(&line)
        );
    }
    y
}

/// The marks of a placed chart as SVG elements.
fn marks(out: &mut String, placed: &Placed) {
    for panel in &placed.panels {
        for shape in &panel.shapes {
            match shape {
                Shape::YearBand(rect) => {
                    let _ = writeln!(
                        out,
                        r##"<rect x="{}" y="{}" width="{}" height="{}" fill="#e9edf1"/>"##,
                        num(rect.x),
                        num(rect.y),
                        num(rect.width),
                        num(rect.height)
                    );
                }
                Shape::Rule { role, from, to } => {
                    let stroke = match role {
                        RuleRole::Grid => r##"stroke="#c5ced6" stroke-dasharray="2 3""##,
                        RuleRole::Zero => r##"stroke="#4a5764""##,
                        RuleRole::Leader => r##"stroke="#15202b" stroke-width="1""##,
                    };
                    let _ = writeln!(
                        out,
                        r#"<line x1="{}" y1="{}" x2="{}" y2="{}" {stroke}/>"#,
                        num(from.0),
                        num(from.1),
                        num(to.0),
                        num(to.1)
                    );
                }
                Shape::Area { colour: c, d, .. } => {
                    let _ = writeln!(
                        out,
                        r#"<path d="{d}" fill="{}" fill-opacity="0.14"/>"#,
                        colour(*c)
                    );
                }
                Shape::Line { colour: c, d, .. } => {
                    let _ = writeln!(
                        out,
                        r#"<path d="{d}" fill="none" stroke="{}" stroke-width="2.5"/>"#,
                        colour(*c)
                    );
                }
                Shape::Bar {
                    colour: c,
                    rect,
                    derived,
                    ..
                } => {
                    let fill = colour(*c);
                    let style = if *derived {
                        format!(
                            r#"fill="{fill}" fill-opacity="0.35" stroke="{fill}" stroke-dasharray="3 2""#
                        )
                    } else {
                        format!(r#"fill="{fill}""#)
                    };
                    let _ = writeln!(
                        out,
                        r#"<rect x="{}" y="{}" width="{}" height="{}" {style}/>"#,
                        num(rect.x),
                        num(rect.y),
                        num(rect.width),
                        num(rect.height)
                    );
                }
                Shape::Dot {
                    colour: c,
                    at,
                    derived,
                    ..
                } => {
                    let stroke = colour(*c);
                    let fill = if *derived { "#ffffff" } else { stroke };
                    let _ = writeln!(
                        out,
                        r#"<circle cx="{}" cy="{}" r="4" fill="{fill}" stroke="{stroke}" stroke-width="2"/>"#,
                        num(at.0),
                        num(at.1)
                    );
                }
                Shape::Text {
                    role,
                    at,
                    anchor,
                    text,
                } => {
                    let weight = match role {
                        TextRole::Title | TextRole::NoteMarker => r#" font-weight="600""#,
                        TextRole::Note => {
                            r##" paint-order="stroke" stroke="#ffffff" stroke-width="3""##
                        }
                        _ => "",
                    };
                    let _ = writeln!(
                        out,
                        r##"<text x="{}" y="{}" text-anchor="{}" font-size="12" fill="#4a5764"{weight}>{}</text>"##,
                        num(at.0),
                        num(at.1),
                        anchor.as_str(),
                        escape(text)
                    );
                }
            }
        }
    }
}

/// A standalone SVG document and its size in pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The SVG text.
    pub svg: String,
    /// Its width.
    pub width: f64,
    /// Its height.
    pub height: f64,
}

/// The standalone SVG document of a placed chart with its title, legend and sources.
pub fn standalone_svg(placed: &Placed, frame: &Frame) -> Document {
    let width = placed.width.max(240.0);
    let text_width = width - 24.0;
    let mut head = String::new();
    let mut y = 4.0;
    y = text_block(
        &mut head,
        &frame.title,
        y,
        text_width,
        17.0,
        r##"font-weight="700" fill="#15202b""##,
    );
    y = text_block(
        &mut head,
        &frame.subtitle,
        y + 2.0,
        text_width,
        13.0,
        r##"fill="#4a5764""##,
    );
    y += 6.0;
    for (name, slot) in &frame.legend {
        let lines = wrap(name, text_width - 20.0, 12.0);
        let _ = writeln!(
            head,
            r#"<rect x="12" y="{}" width="12" height="12" fill="{}"/>"#,
            num(y + 4.0),
            colour(*slot)
        );
        for line in lines {
            y += 16.0;
            let _ = writeln!(
                head,
                r##"<text x="30" y="{}" font-size="12" fill="#15202b">{}</text>"##,
                num(y),
                escape(&line)
            );
        }
    }
    y += 12.0;
    let chart_top = y;
    let mut foot = String::new();
    let mut bottom = chart_top + placed.height;
    for (i, note) in placed.notes.iter().enumerate() {
        bottom = text_block(
            &mut foot,
            &format!("{} {note}", i + 1),
            bottom + 2.0,
            text_width,
            12.0,
            r##"fill="#15202b""##,
        );
    }
    bottom = text_block(
        &mut foot,
        &frame.key,
        bottom + 4.0,
        text_width,
        11.0,
        r##"fill="#4a5764""##,
    );
    bottom = text_block(
        &mut foot,
        &frame.sources,
        bottom + 2.0,
        text_width,
        11.0,
        r##"fill="#4a5764""##,
    );
    let height = bottom + 12.0;
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif">"#,
        w = num(width),
        h = num(height)
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&frame.title));
    let _ = writeln!(out, "<desc>{}</desc>", escape(&frame.subtitle));
    let _ = writeln!(
        out,
        r##"<rect width="100%" height="100%" fill="#ffffff"/>"##
    );
    out.push_str(&head);
    let _ = writeln!(out, r#"<g transform="translate(0 {})">"#, num(chart_top));
    marks(&mut out, placed);
    out.push_str("</g>\n");
    out.push_str(&foot);
    out.push_str("</svg>\n");
    Document {
        svg: out,
        width,
        height,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_text_is_escaped() {
        assert_eq!(
            escape("<script>&\"'\u{7}"),
            "&lt;script&gt;&amp;&quot;&apos;"
        );
    }

    #[test]
    fn long_text_wraps_at_word_boundaries() {
        let lines = wrap("one two three four five six seven", 60.0, 10.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), "one two three four five six seven");
    }
}
