//! Starts the app; everything else lives in the library.

fn main() {
    blog::start::start();
}
