//! The architecture's invariants, checked (ARCHITECTURE.md):
//! - the core crate has no browser or reactive crate anywhere in its dependency tree;
//! - the app's modules form a one-way graph, services ← components ← views ← app: no module
//!   imports the root, none imports a layer above its own, and no import cycle exists among them.
#![cfg(not(target_arch = "wasm32"))]
// Test code: a failed expectation is how a test reports, so panicking helpers are fine here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Crates the core must never depend on, directly or through another crate.
const NOT_IN_CORE: [&str; 6] = [
    "leptos",
    "web-sys",
    "js-sys",
    "gloo-net",
    "wasm-bindgen",
    "wasm-bindgen-futures",
];

#[test]
fn the_core_crate_has_no_browser_or_reactive_crate_in_its_dependency_tree() {
    let output = Command::new(env!("CARGO"))
        .args([
            "tree",
            "--offline",
            "-p",
            "cke-core",
            "--edges",
            "normal,build,dev",
            "--prefix",
            "none",
            "--format",
            "{p}",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        output.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tree = String::from_utf8_lossy(&output.stdout);
    let crates: BTreeSet<&str> = tree
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert!(crates.contains("cke-core"), "no core in:\n{tree}");
    assert!(
        crates.contains("serde_json"),
        "the tree looks wrong:\n{tree}"
    );
    for forbidden in NOT_IN_CORE {
        assert!(
            !crates.contains(forbidden),
            "the core depends on {forbidden}:\n{tree}"
        );
    }
    // And the other way round: the shell does depend on them, so the check above means something.
    let app = Command::new(env!("CARGO"))
        .args(["tree", "--offline", "-p", "china-kazakhstan-explorer"])
        .args(["--prefix", "none", "--format", "{p}"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(String::from_utf8_lossy(&app.stdout).contains("leptos "));
}

/// The layer of a module path below `crate::` (its first segment), lowest first.
fn layer(module: &str) -> Option<usize> {
    let top = module.split("::").next()?;
    ["services", "components", "views", "app"]
        .iter()
        .position(|layer| *layer == top)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable source folder") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// `src/services/load/mod.rs` → `services::load`; `src/views/sector.rs` → `views::sector`.
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).expect("a file below src");
    let mut parts: Vec<String> = relative
        .iter()
        .map(|part| part.to_string_lossy().trim_end_matches(".rs").to_owned())
        .collect();
    if parts.last().is_some_and(|last| last == "mod") {
        parts.pop();
    }
    parts.join("::")
}

/// Every `crate::a::b` and `super::b` path in the code of `text`, the source of `module`
/// (comments left out), as the module it names: the longest known module the path starts with.
fn imports(module: &str, text: &str, modules: &BTreeSet<String>) -> BTreeSet<String> {
    let parent: Vec<&str> = {
        let mut parts: Vec<&str> = module.split("::").collect();
        parts.pop();
        parts
    };
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        for (prefix, base) in [("crate::", Vec::new()), ("super::", parent.clone())] {
            let mut rest = code;
            while let Some(at) = rest.find(prefix) {
                // `crate::` inside `cke_core::…` or a longer word is not ours.
                let before = rest[..at].chars().last();
                rest = &rest[at + prefix.len()..];
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                    continue;
                }
                let path: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect();
                let mut segments = base.clone();
                segments.extend(path.split("::").filter(|s| !s.is_empty()));
                for end in (1..=segments.len()).rev() {
                    let candidate = segments[..end].join("::");
                    if modules.contains(&candidate) {
                        found.insert(candidate);
                        break;
                    }
                }
            }
        }
    }
    found
}

/// The app's modules and what each imports.
fn module_graph() -> BTreeMap<String, BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files.iter().map(|file| module_of(&src, file)).collect();
    files
        .iter()
        .map(|file| {
            let module = module_of(&src, file);
            let text = fs::read_to_string(file).expect("readable source file");
            let mut uses = imports(&module, &text, &modules);
            uses.remove(&module);
            (module, uses)
        })
        .collect()
}

#[test]
fn no_module_imports_the_root_or_a_layer_above_its_own() {
    let graph = module_graph();
    assert!(graph.len() > 20, "expected the app's modules: {graph:?}");
    let mut wrong = Vec::new();
    for (module, uses) in &graph {
        for used in uses {
            if used == "app" {
                wrong.push(format!("{module} imports the root ({used})"));
            } else if let (Some(from), Some(to)) = (layer(module), layer(used)) {
                if to > from {
                    wrong.push(format!("{module} imports {used}, a layer above its own"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_modules_import_each_other_without_a_cycle() {
    let graph = module_graph();
    // Depth-first search with colours: a grey module met again closes a cycle.
    fn visit<'a>(
        module: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<&'a str, bool>,
        stack: &mut Vec<&'a str>,
    ) -> Option<Vec<String>> {
        match state.get(module) {
            Some(true) => return None,
            Some(false) => {
                let start = stack.iter().position(|m| *m == module).unwrap_or(0);
                let mut cycle: Vec<String> = stack[start..].iter().map(|m| m.to_string()).collect();
                cycle.push(module.to_owned());
                return Some(cycle);
            }
            None => {}
        }
        state.insert(module, false);
        stack.push(module);
        for used in graph.get(module).into_iter().flatten() {
            if let Some(cycle) = visit(used, graph, state, stack) {
                return Some(cycle);
            }
        }
        stack.pop();
        state.insert(module, true);
        None
    }
    let mut state = BTreeMap::new();
    for module in graph.keys() {
        let mut stack = Vec::new();
        if let Some(cycle) = visit(module, &graph, &mut state, &mut stack) {
            panic!("import cycle: {}", cycle.join(" → "));
        }
    }
}

#[test]
fn the_import_scanner_finds_paths_and_skips_comments() {
    let modules: BTreeSet<String> = ["services", "services::nav", "app", "views::timeline"]
        .into_iter()
        .map(str::to_owned)
        .collect();
    let text = "use crate::services::nav::{use_nav, Nav};\n// crate::app is named here only\nlet x = crate::views::timeline::state::X;\nuse super::nav::Link;\nuse cke_core::crate::app;";
    let found = imports("services::link", text, &modules);
    assert_eq!(
        found,
        ["services::nav", "views::timeline"]
            .into_iter()
            .map(str::to_owned)
            .collect()
    );
}
