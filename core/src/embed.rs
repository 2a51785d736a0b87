//! The embed protocol: the messages the explainer sends to a host page about its height, and the
//! messages it accepts from the host, in the formats the news-embed ecosystem already uses.
//!
//! Pure: it builds and parses strings only. The browser side (posting, listening, observing the
//! height) lives in the app's `services::embed_host`; the generator's form in
//! `components::embed_code`. Anything a host sends that is not exactly one of the accepted
//! shapes is ignored, never an error.

use crate::url::{percent_decode, Lang, Selection, Theme};

/// The pym.js message delimiter; every pym message starts with `pym` and it.
const PYM: &str = "xPYMx";

/// The iframe's identity on the host page, from the query string (pym.js passes `childId` and
/// `initialWidth`; our own host script passes `childId` too).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EmbedParams {
    /// The id the host knows this iframe by; messages about height carry it.
    pub child_id: Option<String>,
    /// The width the host laid the iframe out at, in CSS pixels.
    pub initial_width: Option<u32>,
}

impl EmbedParams {
    /// Reads `childId` and `initialWidth`; malformed values are dropped.
    pub fn from_query(query: &str) -> EmbedParams {
        let mut params = EmbedParams::default();
        for pair in query.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match key {
                "childId" if params.child_id.is_none() => params.child_id = parse_child_id(&value),
                "initialWidth" if params.initial_width.is_none() => {
                    params.initial_width = value.parse().ok().filter(|width| *width <= 100_000);
                }
                _ => {}
            }
        }
        params
    }

    /// The id used in height messages: the host's, or `cke` when the host gave none.
    pub fn id(&self) -> &str {
        self.child_id.as_deref().unwrap_or("cke")
    }
}

/// A child id is short and made of characters that cannot break any message format.
fn parse_child_id(value: &str) -> Option<String> {
    let well_formed = !value.is_empty()
        && value.len() <= 64
        && value
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b':'));
    // The pym delimiter inside an id would split its messages wrongly.
    (well_formed && !value.contains(PYM)).then(|| value.to_owned())
}

/// How a message travels: as a string, or as a structured-cloned object (its JSON is given).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// Posted as a string (pym.js, Embedly/Medium).
    Text(String),
    /// Posted as an object built from this JSON (Datawrapper-style, AMP), since their
    /// listeners read properties of `event.data` directly.
    Object(String),
}

/// The height messages for the host page, one per format: pym.js, Datawrapper-style object,
/// Embedly/Medium, and AMP. `src` is the page's own address (Embedly's messages name it).
pub fn height_messages(params: &EmbedParams, height: u32, src: &str) -> Vec<Message> {
    let id = params.id();
    let datawrapper = serde_json::json!({ "datawrapper-height": { id: height } });
    let embedly = serde_json::json!({ "context": "iframe.resize", "src": src, "height": height });
    let amp = serde_json::json!({ "sentinel": "amp", "type": "embed-size", "height": height });
    vec![
        Message::Text(format!("pym{PYM}{id}{PYM}height{PYM}{height}")),
        Message::Object(datawrapper.to_string()),
        Message::Text(embedly.to_string()),
        Message::Object(amp.to_string()),
    ]
}

/// What a host page may ask of the explainer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostMessage {
    /// pym.js tells its child the width it is laid out at (the child answers with its height).
    Width(u32),
    /// The host sets the theme and/or the language
    /// (`{"type":"cke:settings","theme":"dark","lang":"ru"}`).
    Settings {
        /// The theme to use, if given.
        theme: Option<Theme>,
        /// The language to use, if given.
        lang: Option<Lang>,
    },
}

/// Reads a message from the host; `None` for anything not exactly of an accepted shape, and for
/// pym messages addressed to another child.
pub fn parse_host_message(data: &str, params: &EmbedParams) -> Option<HostMessage> {
    if data.len() > 1_000 {
        return None;
    }
    if let Some(rest) = data
        .strip_prefix("pym")
        .and_then(|rest| rest.strip_prefix(PYM))
    {
        let mut parts = rest.split(PYM);
        let (Some(id), Some(kind), Some(value), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        if id != params.id() || kind != "width" {
            return None;
        }
        let width: u32 = value.parse().ok()?;
        return (width <= 100_000).then_some(HostMessage::Width(width));
    }
    let value: serde_json::Value = serde_json::from_str(data).ok()?;
    let object = value.as_object()?;
    if object.get("type")?.as_str()? != "cke:settings" {
        return None;
    }
    // Every field must be known and well formed, or the whole message is ignored.
    let mut theme = None;
    let mut lang = None;
    for (key, value) in object {
        match (key.as_str(), value.as_str()) {
            ("type", _) => {}
            ("theme", Some(text)) => theme = Some(Theme::parse(text)?),
            ("lang", Some(text)) => lang = Some(Lang::parse(text)?),
            _ => return None,
        }
    }
    (theme.is_some() || lang.is_some()).then_some(HostMessage::Settings { theme, lang })
}

/// Escapes text for an HTML attribute value in the generated code.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The three ways to embed `selection`: a plain iframe, with our host script, with pym.js.
pub fn embed_codes(base: &str, selection: &Selection, title: &str) -> [String; 3] {
    let mut embedded = selection.clone();
    embedded.embed = true;
    let src = format!("{base}{}", embedded.to_query());
    let script = format!("{}embed.js", base.trim_end_matches("index.html"));
    let title = attribute(title);
    let src_attr = attribute(&src);
    let iframe = format!(
        "<iframe src=\"{src_attr}\" title=\"{title}\" loading=\"lazy\" width=\"100%\" height=\"900\" style=\"border:0;width:100%\"></iframe>"
    );
    let hosted = format!(
        "<iframe data-cke-embed src=\"{src_attr}\" title=\"{title}\" loading=\"lazy\" width=\"100%\" height=\"900\" style=\"border:0;width:100%\"></iframe>\n<script src=\"{}\" async></script>",
        attribute(&script)
    );
    let pym = format!(
        "<div id=\"cke-explainer\"></div>\n<script src=\"https://pym.nprapps.org/pym.v1.min.js\"></script>\n<script>new pym.Parent(\"cke-explainer\", \"{src_attr}\", {{ title: \"{title}\" }});</script>"
    );
    [iframe, hosted, pym]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(child_id: &str) -> EmbedParams {
        EmbedParams {
            child_id: Some(child_id.to_owned()),
            initial_width: None,
        }
    }

    #[test]
    fn pym_parameters_are_read_from_the_query_string() {
        let read = EmbedParams::from_query(
            "?view=compare&initialWidth=640&childId=story-chart&parentTitle=x",
        );
        assert_eq!(
            read,
            EmbedParams {
                child_id: Some("story-chart".into()),
                initial_width: Some(640)
            }
        );
    }

    #[test]
    fn malformed_pym_parameters_are_dropped() {
        let read = EmbedParams::from_query("childId=%3Cscript%3E&initialWidth=-5");
        assert_eq!(read, EmbedParams::default());
        assert_eq!(EmbedParams::from_query("childId=axPYMxb").child_id, None);
        assert_eq!(EmbedParams::from_query("childId=").child_id, None);
        assert_eq!(read.id(), "cke");
    }

    #[test]
    fn height_is_announced_in_all_four_formats() {
        let messages = height_messages(&params("c1"), 812, "https://example.org/?embed=1");
        assert_eq!(
            messages,
            vec![
                Message::Text("pymxPYMxc1xPYMxheightxPYMx812".to_owned()),
                Message::Object(r#"{"datawrapper-height":{"c1":812}}"#.to_owned()),
                Message::Text(
                    r#"{"context":"iframe.resize","height":812,"src":"https://example.org/?embed=1"}"#
                        .to_owned()
                ),
                Message::Object(r#"{"height":812,"sentinel":"amp","type":"embed-size"}"#.to_owned()),
            ]
        );
    }

    #[test]
    fn a_pym_width_message_for_this_child_is_accepted() {
        assert_eq!(
            parse_host_message("pymxPYMxc1xPYMxwidthxPYMx720", &params("c1")),
            Some(HostMessage::Width(720))
        );
    }

    #[test]
    fn pym_messages_for_other_children_or_of_other_kinds_are_ignored() {
        let me = params("c1");
        assert_eq!(
            parse_host_message("pymxPYMxc2xPYMxwidthxPYMx720", &me),
            None
        );
        assert_eq!(
            parse_host_message("pymxPYMxc1xPYMxscrollToxPYMx0", &me),
            None
        );
        assert_eq!(parse_host_message("pymxPYMxc1xPYMxwidthxPYMx-3", &me), None);
        assert_eq!(
            parse_host_message("pymxPYMxc1xPYMxwidthxPYMx720xPYMxextra", &me),
            None
        );
        assert_eq!(parse_host_message("pymxPYMxc1xPYMxwidth", &me), None);
    }

    #[test]
    fn well_formed_settings_are_accepted() {
        assert_eq!(
            parse_host_message(
                r#"{"type":"cke:settings","theme":"dark","lang":"ru"}"#,
                &params("c1")
            ),
            Some(HostMessage::Settings {
                theme: Some(Theme::Dark),
                lang: Some(Lang::Ru)
            })
        );
        assert_eq!(
            parse_host_message(
                r#"{"type":"cke:settings","lang":"kk"}"#,
                &EmbedParams::default()
            ),
            Some(HostMessage::Settings {
                theme: None,
                lang: Some(Lang::Kk)
            })
        );
    }

    #[test]
    fn malformed_or_foreign_messages_are_ignored() {
        let me = EmbedParams::default();
        for data in [
            "",
            "hello",
            "null",
            "[]",
            r#"{"type":"cke:settings"}"#,
            r#"{"type":"cke:settings","theme":"neon"}"#,
            r#"{"type":"cke:settings","theme":"dark","lang":"fr"}"#,
            r#"{"type":"cke:settings","theme":"dark","href":"javascript:alert(1)"}"#,
            r#"{"type":"cke:settings","theme":1}"#,
            r#"{"type":"other","theme":"dark"}"#,
            r#"{"datawrapper-height":{"x":5}}"#,
        ] {
            assert_eq!(parse_host_message(data, &me), None, "{data}");
        }
        assert_eq!(parse_host_message(&"x".repeat(5_000), &me), None);
    }

    #[test]
    fn embed_codes_escape_the_title_and_address_for_html_attributes() {
        let selection = Selection::default();
        let [iframe, hosted, pym] = embed_codes(
            "https://example.org/ckz/index.html",
            &selection,
            "\"Trade\" & <more>",
        );
        assert!(
            iframe.contains("title=\"&quot;Trade&quot; &amp; &lt;more&gt;\""),
            "{iframe}"
        );
        assert!(
            iframe.contains("src=\"https://example.org/ckz/index.html?embed=1\""),
            "{iframe}"
        );
        assert!(
            hosted.contains("<script src=\"https://example.org/ckz/embed.js\" async>"),
            "{hosted}"
        );
        assert!(
            pym.contains(
                "new pym.Parent(\"cke-explainer\", \"https://example.org/ckz/index.html?embed=1\""
            ),
            "{pym}"
        );
    }
}
