//! The pure core stays pure: its modules import no browser or reactive crate and read no clock.
//! (See ARCHITECTURE.md, "Invariants".)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::Path;

const FORBIDDEN: [&str; 8] = [
    "leptos",
    "web_sys",
    "js_sys",
    "gloo",
    "wasm_bindgen",
    "std::time",
    "SystemTime",
    "std::fs",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("readable source folder") {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn pure_modules_import_no_browser_reactive_or_clock_code() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![
        root.join("url.rs"),
        root.join("format.rs"),
        root.join("embed.rs"),
    ];
    rust_files(&root.join("strings"), &mut files);
    rust_files(&root.join("data"), &mut files);
    // The chart core is pure; its thin Leptos shell lives in `charts/svg/`.
    rust_files(&root.join("charts"), &mut files);
    files.retain(|file| !file.starts_with(root.join("charts").join("svg")));
    rust_files(&root.join("timeline"), &mut files);
    assert!(
        files.len() >= 4,
        "expected the pure modules, found {files:?}"
    );
    for file in files {
        let text = fs::read_to_string(&file).expect("readable source file");
        for (number, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for forbidden in FORBIDDEN {
                assert!(
                    !code.contains(forbidden),
                    "{}:{} uses `{forbidden}` in a pure module: {line}",
                    file.display(),
                    number + 1
                );
            }
        }
    }
}
