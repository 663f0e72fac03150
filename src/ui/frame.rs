//! Work that can wait until the reader sees the page: run after the next
//! frame has been painted, so that what a click changes is painted first.

/// Runs `work` once the next frame has been painted: in a task queued from
/// the next animation frame's callback, which runs after that frame's
/// style, layout and paint. A page the browser does not draw (a tab in the
/// background) has no frames: then the work runs after [`NO_FRAME_MS`].
/// Pre-rendering (`ssr`) never runs it.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    #[cfg(not(feature = "ssr"))]
    run_after_next_paint(Box::new(work));
    #[cfg(feature = "ssr")]
    drop(work);
}

/// [`after_next_paint`], compiled once for every caller.
#[cfg(not(feature = "ssr"))]
fn run_after_next_paint(work: Box<dyn FnOnce()>) {
    use leptos::prelude::{request_animation_frame, set_timeout};
    use std::cell::Cell;
    use std::rc::Rc;
    use std::time::Duration;
    let work = Rc::new(Cell::new(Some(work)));
    let run = move || {
        if let Some(work) = work.take() {
            work();
        }
    };
    let after_frame = run.clone();
    request_animation_frame(move || set_timeout(after_frame, Duration::ZERO));
    set_timeout(run, Duration::from_millis(NO_FRAME_MS));
}

/// Milliseconds [`after_next_paint`] waits for a frame at most.
pub const NO_FRAME_MS: u64 = 100;
