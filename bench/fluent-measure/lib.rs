//! Measures what formatting one message with arguments costs the wasm:
//! the project's Fluent subset (`ours`) against fluent-bundle (`fluent`).
use std::slice;

#[unsafe(no_mangle)]
pub extern "C" fn alloc(n: usize) -> *mut u8 {
    let mut v = Vec::<u8>::with_capacity(n);
    let p = v.as_mut_ptr();
    std::mem::forget(v);
    p
}

/// Parses the catalogue at (ptr, len), formats `key` with $count = n,
/// and returns the formatted length (so nothing is optimised away).
#[unsafe(no_mangle)]
pub extern "C" fn format(ptr: *const u8, len: usize, kptr: *const u8, klen: usize, n: i64) -> usize {
    let text = std::str::from_utf8(unsafe { slice::from_raw_parts(ptr, len) }).unwrap_or("");
    let key = std::str::from_utf8(unsafe { slice::from_raw_parts(kptr, klen) }).unwrap_or("");
    run(text, key, n)
}

#[cfg(feature = "ours")]
fn run(text: &str, key: &str, n: i64) -> usize {
    use model::i18n::{Catalogue, Lang};
    let lang = if n > 100 { Lang::Ru } else { Lang::Ja };
    match Catalogue::parse(lang, &[("x.ftl", text)]) {
        Ok(c) => c.format(key, &[("count", n.into()), ("name", "x".into())]).len(),
        Err(_) => 0,
    }
}

#[cfg(feature = "fluent")]
fn run(text: &str, key: &str, n: i64) -> usize {
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
    let lang: unic_langid::LanguageIdentifier = if n > 100 { "ru".parse().unwrap() } else { "ja".parse().unwrap() };
    let Ok(res) = FluentResource::try_new(text.to_owned()) else { return 0 };
    let mut bundle = FluentBundle::new(vec![lang]);
    bundle.set_use_isolating(false);
    if bundle.add_resource(res).is_err() { return 0; }
    let Some(msg) = bundle.get_message(key) else { return 0 };
    let Some(pattern) = msg.value() else { return 0 };
    let mut args = FluentArgs::new();
    args.set("count", n);
    args.set("name", "x");
    let mut errors = vec![];
    bundle.format_pattern(pattern, Some(&args), &mut errors).len()
}

#[cfg(not(any(feature = "ours", feature = "fluent")))]
fn run(text: &str, key: &str, n: i64) -> usize {
    text.len() + key.len() + n as usize
}
