//! The browser entry point: mount only; everything else lives in the library.

fn main() {
    china_kazakhstan_explorer::start();
}
