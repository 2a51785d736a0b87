//! Where a JSON path sits in the original text: line and column for a validator message.
//!
//! The validator works on parsed values, but a data editor needs to know where to look in the
//! file. This module maps a [`Path`] such as `$.events[3].date` back to a line and column in the
//! text the value was parsed from.
//!
//! It must never recurse over the input or panic on malformed text: it is a forward-only byte
//! scanner with an explicit, depth-capped stack, and every loop either advances or stops. Columns
//! count characters (Unicode scalar values), not bytes, so a location in a Chinese or Kazakh text
//! file is where an editor shows it.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

/// One step of a [`Path`]: an object member or an array element.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    /// A member of an object, by key. Borrowed when the key is a literal (a field's name, as
    /// nearly every key the validator names): a path is built for every field it checks, and
    /// only a problem's path is ever printed or located.
    Key(Cow<'static, str>),
    /// An element of an array, by position (0-based).
    Index(usize),
}

/// A JSON path from the document root, printed like `$.events[3].date`.
///
/// Keys that are not plain identifiers (text keys such as `event.x.title` contain dots) print in
/// bracket form: `$.text["event.x.title"]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Path(Vec<Segment>);

impl Path {
    /// The document root, `$`.
    pub fn root() -> Self {
        Path(Vec::new())
    }

    /// This path extended by an object key (a `&'static str` is not copied).
    pub fn key(&self, key: impl Into<Cow<'static, str>>) -> Self {
        let mut segments = self.0.clone();
        segments.push(Segment::Key(key.into()));
        Path(segments)
    }

    /// This path extended by an array index.
    pub fn index(&self, index: usize) -> Self {
        let mut segments = self.0.clone();
        segments.push(Segment::Index(index));
        Path(segments)
    }

    /// The steps from the root.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("$")?;
        for segment in &self.0 {
            match segment {
                Segment::Key(key) if is_identifier(key) => write!(f, ".{key}")?,
                // serde_json's string serialiser gives the exact JSON escaping of the key.
                Segment::Key(key) => write!(
                    f,
                    "[{}]",
                    serde_json::to_string(key).unwrap_or_else(|_| String::from("\"?\""))
                )?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// Whether a key can be printed after a dot (`$.as_of`) rather than in brackets.
fn is_identifier(key: &str) -> bool {
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// A position in a text: 1-based line, 1-based column counted in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// Line number, from 1.
    pub line: usize,
    /// Column number in characters, from 1.
    pub column: usize,
}

/// Where a path was found: the start of its value, and for an object member also its key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// The first character of the value (`{`, `[`, `"`, a digit, `t`, `f` or `n`).
    pub value: Location,
    /// The opening quote of the member's key, when the last step is a key.
    pub key: Option<Location>,
    /// Whether the whole path was found; `false` means `value` is the deepest ancestor found.
    pub exact: bool,
}

/// Line starts of a text, to turn byte offsets into line and column without rescanning.
#[derive(Clone, Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    /// Indexes the line starts of `text` (one pass).
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, starts }
    }

    /// Line and character column of a byte offset (see [`locations`]).
    pub fn location(&self, offset: usize) -> Location {
        locations(self.text, &[offset])
            .into_iter()
            .next()
            .unwrap_or(Location { line: 1, column: 1 })
    }

    /// Converts serde_json's error position (1-based line, column counted in bytes, pointing at
    /// the last byte read) to a character column on the same line.
    pub fn from_serde(&self, line: usize, byte_column: usize) -> Location {
        let start = self
            .starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len());
        let column = self
            .text
            .get(start..)
            .unwrap_or("")
            .char_indices()
            .take_while(|(i, _)| *i < byte_column)
            .count();
        Location {
            line: line.max(1),
            column: column.max(1),
        }
    }
}

/// Line and character column of many byte offsets, in one sweep over the text.
///
/// Counting the characters before each offset separately would be quadratic on a long line, and
/// minified JSON is one long line. Offsets past the end clamp to the end; an offset inside a
/// multi-byte character counts that character.
pub fn locations(text: &str, offsets: &[usize]) -> Vec<Location> {
    let bytes = text.as_bytes();
    let mut order: Vec<(usize, usize)> = offsets
        .iter()
        .enumerate()
        .map(|(i, offset)| (*offset.min(&bytes.len()), i))
        .collect();
    order.sort_unstable();
    let mut out = vec![Location { line: 1, column: 1 }; offsets.len()];
    let (mut pos, mut line, mut chars) = (0usize, 1usize, 0usize);
    for (target, i) in order {
        for byte in bytes.get(pos..target).unwrap_or(&[]) {
            if *byte == b'\n' {
                line += 1;
                chars = 0;
            } else if byte & 0xC0 != 0x80 {
                // Not a UTF-8 continuation byte: a new character starts here.
                chars += 1;
            }
        }
        pos = pos.max(target);
        if let Some(slot) = out.get_mut(i) {
            *slot = Location {
                line,
                column: chars + 1,
            };
        }
    }
    out
}

/// Finds one path; `None` when neither it nor any ancestor could be found (e.g. text that is
/// not JSON).
pub fn locate(text: &str, path: &Path) -> Option<Found> {
    locate_all(text, &[path]).into_iter().next().flatten()
}

/// Finds many paths in one pass over `text`. Each result is the location of the path, or of its
/// deepest ancestor that exists (`exact == false`), or `None` when not even the root was found.
pub fn locate_all(text: &str, paths: &[&Path]) -> Vec<Option<Found>> {
    let mut trie = Trie::default();
    let leaves: Vec<usize> = paths.iter().map(|path| trie.insert(path)).collect();
    let offsets = scan(text.as_bytes(), &trie);
    let resolved: Vec<Option<(Seen, bool)>> = leaves
        .iter()
        .map(|leaf| {
            // Walk up from the leaf to the deepest node that was seen in the text.
            let mut node = *leaf;
            let mut exact = true;
            loop {
                if let Some(Some(seen)) = offsets.get(node) {
                    return Some((*seen, exact));
                }
                exact = false;
                node = trie.nodes.get(node)?.parent?;
            }
        })
        .collect();
    // Convert all byte offsets in one sweep: values at even, keys at odd positions.
    let wanted: Vec<usize> = resolved
        .iter()
        .flatten()
        .flat_map(|(seen, _)| [seen.value, seen.key.unwrap_or(seen.value)])
        .collect();
    let mut located = locations(text, &wanted).into_iter();
    resolved
        .into_iter()
        .map(|found| {
            let (seen, exact) = found?;
            let value = located.next()?;
            let key = located.next()?;
            Some(Found {
                value,
                key: seen.key.map(|_| key),
                exact,
            })
        })
        .collect()
}

/// Byte offsets recorded for one trie node.
#[derive(Clone, Copy, Debug)]
struct Seen {
    value: usize,
    key: Option<usize>,
}

/// The paths asked for, merged into a tree so one scan can follow all of them.
#[derive(Debug)]
struct Trie {
    nodes: Vec<Node>,
}

#[derive(Debug, Default)]
struct Node {
    parent: Option<usize>,
    children: HashMap<Segment, usize>,
}

impl Default for Trie {
    fn default() -> Self {
        Trie {
            nodes: vec![Node::default()],
        }
    }
}

impl Trie {
    /// Adds a path and returns its node.
    fn insert(&mut self, path: &Path) -> usize {
        let mut node = 0;
        for segment in path.segments() {
            let existing = self
                .nodes
                .get(node)
                .and_then(|n| n.children.get(segment).copied());
            node = match existing {
                Some(child) => child,
                None => {
                    let child = self.nodes.len();
                    self.nodes.push(Node {
                        parent: Some(node),
                        children: HashMap::new(),
                    });
                    if let Some(n) = self.nodes.get_mut(node) {
                        n.children.insert(segment.clone(), child);
                    }
                    child
                }
            };
        }
        node
    }

    fn child(&self, node: Option<usize>, segment: &Segment) -> Option<usize> {
        self.nodes.get(node?)?.children.get(segment).copied()
    }
}

/// Deeper than this, the scanner stops following paths. serde_json refuses documents nested
/// more than 128 deep, so a parsed document never gets near it; it only bounds the stack on
/// text that was not parsed first.
const MAX_DEPTH: usize = 512;

/// A container being walked: its trie node and, for arrays, the current element index.
#[derive(Debug)]
enum Frame {
    Object(Option<usize>),
    Array(Option<usize>, usize),
}

/// Walks the text once, recording the offset of every trie node's value (the last occurrence
/// wins, as with serde_json's handling of duplicate keys). Subtrees no path leads into are
/// skipped without tracking.
fn scan(bytes: &[u8], trie: &Trie) -> Vec<Option<Seen>> {
    let mut seen: Vec<Option<Seen>> = vec![None; trie.nodes.len()];
    let mut stack: Vec<Frame> = Vec::new();
    let mut pos = skip_ws(bytes, 0);
    let mut node = Some(0);
    let mut key_at: Option<usize> = None;

    loop {
        // A value starts at `pos`.
        if let Some(n) = node {
            if let Some(slot) = seen.get_mut(n) {
                *slot = Some(Seen {
                    value: pos,
                    key: key_at,
                });
            }
        }
        let opener = bytes.get(pos).copied();
        match (opener, node) {
            (Some(b'{'), Some(_)) if stack.len() < MAX_DEPTH => {
                pos = skip_ws(bytes, pos + 1);
                if bytes.get(pos) == Some(&b'}') {
                    pos += 1;
                } else {
                    stack.push(Frame::Object(node));
                    match read_member_key(bytes, pos, trie, node) {
                        Some((next, child, key)) => {
                            pos = next;
                            node = child;
                            key_at = Some(key);
                            continue;
                        }
                        None => return seen,
                    }
                }
            }
            (Some(b'['), Some(_)) if stack.len() < MAX_DEPTH => {
                pos = skip_ws(bytes, pos + 1);
                if bytes.get(pos) == Some(&b']') {
                    pos += 1;
                } else {
                    stack.push(Frame::Array(node, 0));
                    node = trie.child(node, &Segment::Index(0));
                    key_at = None;
                    continue;
                }
            }
            (None, _) => return seen,
            _ => match skip_value(bytes, pos) {
                Some(next) => pos = next,
                None => return seen,
            },
        }

        // The value ended at `pos`: continue in the enclosing container.
        loop {
            pos = skip_ws(bytes, pos);
            let Some(frame) = stack.last_mut() else {
                return seen;
            };
            match (frame, bytes.get(pos)) {
                (Frame::Object(parent), Some(b',')) => {
                    let parent = *parent;
                    match read_member_key(bytes, skip_ws(bytes, pos + 1), trie, parent) {
                        Some((next, child, key)) => {
                            pos = next;
                            node = child;
                            key_at = Some(key);
                        }
                        None => return seen,
                    }
                    break;
                }
                (Frame::Array(parent, index), Some(b',')) => {
                    *index += 1;
                    node = trie.child(*parent, &Segment::Index(*index));
                    key_at = None;
                    pos = skip_ws(bytes, pos + 1);
                    break;
                }
                (Frame::Object(_), Some(b'}')) | (Frame::Array(..), Some(b']')) => {
                    stack.pop();
                    pos += 1;
                }
                _ => return seen,
            }
        }
    }
}

/// Reads `"key" :` at `pos`; returns the offset of the value, the key's trie child and the
/// offset of the key's opening quote.
fn read_member_key(
    bytes: &[u8],
    pos: usize,
    trie: &Trie,
    parent: Option<usize>,
) -> Option<(usize, Option<usize>, usize)> {
    if bytes.get(pos) != Some(&b'"') {
        return None;
    }
    let end = skip_string(bytes, pos)?;
    // Only decode the key when a path could continue through it.
    let child = match parent {
        Some(_) => {
            let raw = bytes.get(pos..end)?;
            let key: String = serde_json::from_slice(raw).ok()?;
            trie.child(parent, &Segment::Key(Cow::Owned(key)))
        }
        None => None,
    };
    let colon = skip_ws(bytes, end);
    if bytes.get(colon) != Some(&b':') {
        return None;
    }
    Some((skip_ws(bytes, colon + 1), child, pos))
}

fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while matches!(bytes.get(pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        pos += 1;
    }
    pos
}

/// `pos` is at an opening quote; returns the offset just past the closing quote.
fn skip_string(bytes: &[u8], pos: usize) -> Option<usize> {
    let mut i = pos + 1;
    loop {
        match bytes.get(i)? {
            b'"' => return Some(i + 1),
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
}

/// Skips one whole value (scalar or container) without following paths into it. Containers
/// are skipped with a depth counter, not recursion.
fn skip_value(bytes: &[u8], pos: usize) -> Option<usize> {
    match bytes.get(pos)? {
        b'"' => skip_string(bytes, pos),
        b'{' | b'[' => {
            let mut depth = 0usize;
            let mut i = pos;
            loop {
                match bytes.get(i)? {
                    b'"' => {
                        i = skip_string(bytes, i)?;
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return Some(i + 1);
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        _ => {
            // A number or literal runs until a delimiter.
            let mut i = pos;
            while let Some(b) = bytes.get(i) {
                if matches!(b, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                    break;
                }
                i += 1;
            }
            (i > pos).then_some(i)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: usize, column: usize) -> Location {
        Location { line, column }
    }

    fn value_of(text: &str, path: &Path) -> Location {
        locate(text, path).unwrap().value
    }

    #[test]
    fn paths_print_keys_with_dots_and_brackets() {
        let path = Path::root().key("events").index(3).key("date");
        assert_eq!(path.to_string(), "$.events[3].date");
        let text_key = Path::root().key("text").key("event.x.title");
        assert_eq!(text_key.to_string(), r#"$.text["event.x.title"]"#);
        assert_eq!(Path::root().to_string(), "$");
    }

    #[test]
    fn finds_a_nested_member_on_its_line_and_column() {
        let text = "{\n  \"events\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\", \"date\": \"1989-05\"}\n  ]\n}";
        let path = Path::root().key("events").index(1).key("date");
        let found = locate(text, &path).unwrap();
        assert!(found.exact);
        assert_eq!(found.value, at(4, 25));
        assert_eq!(found.key, Some(at(4, 17)));
    }

    #[test]
    fn counts_columns_in_characters_not_bytes() {
        let text = "{\"text\": {\"a\": \"中文中文\", \"b\": 1}}";
        let path = Path::root().key("text").key("b");
        assert_eq!(value_of(text, &path), at(1, 29));
    }

    #[test]
    fn falls_back_to_the_deepest_ancestor_that_exists() {
        let text = "{\"events\": [{\"id\": \"a\"}]}";
        let path = Path::root().key("events").index(0).key("date");
        let found = locate(text, &path).unwrap();
        assert!(!found.exact);
        assert_eq!(found.value, at(1, 13));
    }

    #[test]
    fn skips_strings_containing_brackets_and_escaped_quotes() {
        let text = r#"{"a": "x]}\"{[", "b": [ "[", {"c": 2} ]}"#;
        let path = Path::root().key("b").index(1).key("c");
        assert_eq!(value_of(text, &path), at(1, 36));
    }

    #[test]
    fn matches_keys_written_with_escapes() {
        let text = r#"{"\u0061s_of": 1}"#;
        assert_eq!(value_of(text, &Path::root().key("as_of")), at(1, 16));
    }

    #[test]
    fn the_last_duplicate_key_wins_like_serde_json() {
        let text = "{\"a\": 1,\n \"a\": 2}";
        assert_eq!(value_of(text, &Path::root().key("a")), at(2, 7));
    }

    #[test]
    fn finds_many_paths_in_one_pass() {
        let text = "[10, [20, 30], {\"k\": [40]}]";
        let a = Path::root().index(1).index(1);
        let b = Path::root().index(2).key("k").index(0);
        let c = Path::root().index(7);
        let found = locate_all(text, &[&a, &b, &c]);
        assert_eq!(found[0].unwrap().value, at(1, 11));
        assert_eq!(found[1].unwrap().value, at(1, 23));
        assert!(!found[2].unwrap().exact);
    }

    #[test]
    fn survives_deep_nesting_and_garbage_without_recursion() {
        let deep = "[".repeat(100_000);
        let path = Path::root().index(0).index(0);
        assert!(locate(&deep, &path).is_some());
        for garbage in [
            "",
            "}",
            "{\"a\"",
            "{\"a\":",
            "[1,",
            "\"unterminated",
            "{,}",
            "[}",
        ] {
            let _ = locate(garbage, &Path::root().key("a").index(2));
        }
    }

    #[test]
    fn converts_serde_byte_columns_to_character_columns() {
        let text = "{\"a\": \"中\" x}";
        let lines = LineIndex::new(text);
        // serde_json reports the byte column of the last byte it read: the `x` is byte 12.
        assert_eq!(lines.from_serde(1, 12), at(1, 10));
        assert_eq!(lines.location(text.len()), at(1, 13));
    }

    #[test]
    fn many_offsets_on_one_long_line_are_located_in_one_sweep() {
        let text = format!("[{}]", vec!["\"é\""; 50_000].join(","));
        let paths: Vec<Path> = (0..50_000).map(|i| Path::root().index(i)).collect();
        let refs: Vec<&Path> = paths.iter().collect();
        let found = locate_all(&text, &refs);
        assert_eq!(found[0].unwrap().value, at(1, 2));
        assert_eq!(found[49_999].unwrap().value, at(1, 2 + 4 * 49_999));
    }
}
