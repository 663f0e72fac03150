//! Starts the app; everything else lives in the library.

fn main() {
    blog::boot::start();
}
