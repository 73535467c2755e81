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

#[test]
fn the_subset_is_small_and_its_licence_ships_with_it() {
    let size = std::fs::metadata(root().join("assets/fonts/NotoSansCJKjp-subset.otf"))
        .expect("font")
        .len();
    // The whole Japanese face is ~16 MB; readers download this on first use.
    assert!(size < 60_000, "the subset grew to {size} bytes");
    let licence = std::fs::read_to_string(root().join("assets/fonts/NotoSansCJK-LICENSE.txt"))
        .expect("licence");
    assert!(
        licence.contains("SIL Open Font License") || licence.contains("OFL"),
        "not the OFL"
    );
}
