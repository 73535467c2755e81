//! The message catalogues (`assets/i18n/<lang>/*.ftl`): each parses, is
//! valid Fluent to the reference parser, and every language has every key
//! with the same variables, so no reader meets a gap or a `{$missing}`.
//! (Languages may add `grammar-…` messages of their own: Russian month
//! cases.)

use std::collections::BTreeSet;

use model::i18n::{Catalogue, Lang};

/// The files of a language, sorted by name, as the server serves them.
fn files(lang: Lang) -> Vec<(String, String)> {
    let dir = format!(
        "{}/../assets/i18n/{}",
        env!("CARGO_MANIFEST_DIR"),
        lang.code()
    );
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("catalogue directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable catalogue");
            (p.display().to_string(), text)
        })
        .collect()
}

fn catalogue(lang: Lang) -> Catalogue {
    let files = files(lang);
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    match Catalogue::parse(lang, &refs) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn every_file_is_valid_fluent() {
    for lang in Lang::ALL {
        for (name, text) in files(lang) {
            if let Err((_, errors)) = fluent_syntax::parser::parse(text.as_str()) {
                panic!("{name}: not valid Fluent: {errors:?}");
            }
        }
    }
}

#[test]
fn every_language_has_every_key_with_the_same_variables() {
    let english = catalogue(Lang::En);
    let keys: BTreeSet<&str> = english.keys();
    assert!(keys.len() >= 10, "the English catalogue is nearly empty");
    for lang in [Lang::Ja, Lang::Ru] {
        let other = catalogue(lang);
        let theirs = other.keys();
        let missing: Vec<_> = keys.difference(&theirs).collect();
        // A language may add messages its grammar needs (Russian month
        // cases), named `grammar-…`; nothing else.
        let extra: Vec<_> = theirs
            .difference(&keys)
            .filter(|k| !k.starts_with("grammar-"))
            .collect();
        assert!(missing.is_empty(), "{lang} lacks {missing:?}");
        assert!(extra.is_empty(), "{lang} has keys English lacks: {extra:?}");
        for key in &keys {
            assert_eq!(
                english.variables(key),
                other.variables(key),
                "`{key}` uses other variables in {lang}"
            );
        }
    }
}
