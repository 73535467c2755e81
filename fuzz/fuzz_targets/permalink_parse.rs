//! `model::permalink::parse` never panics, and `format` is a fixed point:
//! the canonical URL of any parsed state parses back cleanly to itself.

#![no_main]

use libfuzzer_sys::fuzz_target;
use model::permalink::{format, parse};

fuzz_target!(|data: &[u8]| {
    let query = String::from_utf8_lossy(data);
    let (state, _ignored) = parse(&query);
    let canonical = format(&state);
    let (again, ignored) = parse(&canonical);
    assert!(
        ignored.is_empty(),
        "the canonical URL {canonical:?} has ignored parts: {ignored:?}"
    );
    assert_eq!(format(&again), canonical, "format is not idempotent");
    assert_eq!(
        parse(&format(&again)).0,
        again,
        "parse∘format is not stable"
    );
});
