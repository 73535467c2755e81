//! The app bundles a subset of Noto Sans CJK JP (`assets/fonts/`, made by
//! `cargo xtask fonts`) so Japanese names show on systems without a Japanese
//! font. A name added to the data with a character the subset lacks would
//! show as a box on those systems: this test names the file and character.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn data_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            data_files(&path, out);
        } else if path
            .extension()
            .is_some_and(|e| e == "geojson" || e == "toml" || e == "ftl" || e == "rs")
        {
            out.push(path);
        }
    }
}

#[test]
fn the_bundled_font_covers_every_japanese_character_in_the_data_and_the_app() {
    let font_path = root().join("assets/fonts/NotoSansCJKjp-subset.otf");
    let bytes = std::fs::read(&font_path).expect("the font subset is committed");
    let face = ttf_parser::Face::parse(&bytes, 0).expect("the subset is a valid OpenType font");
    let mut files = Vec::new();
    data_files(&root().join("geodata"), &mut files);
    data_files(&root().join("app/src"), &mut files);
    data_files(&root().join("assets/i18n"), &mut files);
    let mut checked = 0;
    let mut missing = std::collections::BTreeMap::<char, String>::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("data files are UTF-8");
        for c in text.chars().filter(|&c| model::names::is_cjk(c)) {
            checked += 1;
            if face.glyph_index(c).is_none() {
                missing
                    .entry(c)
                    .or_insert_with(|| file.display().to_string());
            }
        }
    }
    // Russian pages read on a system without Cyrillic too.
    for c in ('А'..='я').chain(['Ё', 'ё']) {
        assert!(
            face.glyph_index(c).is_some(),
            "the subset lacks Cyrillic {c}"
        );
    }
    // The data has Japanese names (択捉島 …); finding none would mean this test reads nothing.
    assert!(
        checked > 100,
        "only {checked} Japanese characters found in geodata/"
    );
    assert!(
        missing.is_empty(),
        "run `cargo xtask fonts`; the font subset lacks {} characters, e.g. {}",
        missing.len(),
        missing
            .iter()
            .take(12)
            .map(|(c, file)| format!("{c} in {file}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
}

/// The names subset: what a page in English downloads (only where the
/// system has no Japanese font). It covers every Japanese character of the
/// map's names, and `assets/fonts.css` routes exactly those to it.
#[test]
fn the_names_subset_covers_every_name_and_the_css_routes_them_to_it() {
    let bytes = std::fs::read(root().join("assets/fonts/NotoSansCJKjp-names.otf"))
        .expect("the names subset is committed");
    let face = ttf_parser::Face::parse(&bytes, 0).expect("a valid OpenType font");
    let css = std::fs::read_to_string(root().join("assets/fonts.css")).expect("fonts.css");
    let mut names = std::collections::BTreeSet::new();
    let geodata = root().join("geodata");
    for entry in std::fs::read_dir(&geodata).expect("geodata").flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "geojson") {
            let text = std::fs::read_to_string(&path).expect("UTF-8");
            names.extend(text.chars().filter(|&c| model::names::is_cjk(c)));
        }
    }
    assert!(names.len() > 50, "only {} name characters", names.len());
    for c in names {
        assert!(face.glyph_index(c).is_some(), "the names subset lacks {c}");
        let code = format!("U+{:X}", u32::from(c));
        assert!(
            css.contains(&code),
            "fonts.css does not route {c} ({code}) to the names subset"
        );
    }
}

#[test]
fn the_subsets_are_small_and_their_licence_ships_with_them() {
    let size = |name: &str| {
        std::fs::metadata(root().join("assets/fonts").join(name))
            .expect("font")
            .len()
    };
    // The whole Japanese face is ~16 MB. An English page needs only the
    // names (about 26 KB); a Japanese page without a system Japanese font
    // the whole subset (about 210 KB, compressed in transfer).
    let names = size("NotoSansCJKjp-names.otf");
    assert!(names < 40_000, "the names subset grew to {names} bytes");
    let full = size("NotoSansCJKjp-subset.otf");
    assert!(full < 300_000, "the full subset grew to {full} bytes");
    let licence = std::fs::read_to_string(root().join("assets/fonts/NotoSansCJK-LICENSE.txt"))
        .expect("licence");
    assert!(
        licence.contains("SIL Open Font License") || licence.contains("OFL"),
        "not the OFL"
    );
}
