//! A global allocator that counts, per thread: bytes allocated in all,
//! bytes live now and their peak. Exact and deterministic, unlike RSS.
//! Install with `#[global_allocator] static A: Counting = Counting;`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

pub struct Counting;

thread_local! {
    static TOTAL: Cell<usize> = const { Cell::new(0) };
    static LIVE: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

fn grew(by: usize) {
    let _ = TOTAL.try_with(|t| t.set(t.get() + by));
    let _ = LIVE.try_with(|l| {
        let now = l.get() + by;
        l.set(now);
        let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
    });
}

fn shrank(by: usize) {
    let _ = LIVE.try_with(|l| l.set(l.get().saturating_sub(by)));
}

// SAFETY: every call is passed on to the system allocator unchanged; the
// counters are const-initialised thread-locals, which allocate nothing.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        shrank(layout.size());
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        grew(new_size);
        shrank(layout.size());
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// What a closure allocated on this thread.
#[derive(Debug, Clone, Copy)]
pub struct Usage {
    /// Bytes allocated in all (work done by the allocator).
    pub total: usize,
    /// Most bytes live at once, above what was live before.
    pub peak: usize,
}

/// Run `f` and count its allocations on this thread.
pub fn measure<T>(f: impl FnOnce() -> T) -> (T, Usage) {
    let before_total = TOTAL.with(Cell::get);
    let before_live = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(before_live));
    let out = f();
    let usage = Usage {
        total: TOTAL.with(Cell::get) - before_total,
        peak: PEAK.with(Cell::get) - before_live,
    };
    (out, usage)
}

/// A writer that keeps only the number of bytes written (output streamed
/// to a file, as the CLI does, holds no memory for it).
#[derive(Debug, Default)]
pub struct Sink {
    pub bytes: usize,
}

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bytes += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}
