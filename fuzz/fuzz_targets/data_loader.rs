//! The data loaders are total on arbitrary text: an error list or a
//! dataset, never a panic. The first byte picks the loader.

#![no_main]

use libfuzzer_sys::fuzz_target;
use model::events::{Dataset, Known};
use model::geodata::{LandCollection, LineCollection, PlaceCollection};
use model::islands::Islands;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    match which % 6 {
        0 | 1 => {
            let known = Known::default();
            if let Err(errors) = Dataset::load(&[("events/fuzz.toml", &text)], &known) {
                // Every error names the file and a line inside it.
                for e in errors {
                    assert_eq!(e.file, "events/fuzz.toml");
                    assert!(
                        e.line >= 1 && e.line <= text.lines().count().max(1) + 1,
                        "{e}"
                    );
                }
            }
        }
        2 => {
            let _ = LandCollection::from_json(&text);
        }
        3 => {
            let _ = LineCollection::from_json(&text);
        }
        4 => {
            let _ = PlaceCollection::from_json(&text);
        }
        _ => {
            let _ = Islands::parse("islands.toml", &text);
        }
    }
});
