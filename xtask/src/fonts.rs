//! `cargo xtask fonts`: the Japanese font the app ships.
//!
//! Many readers' systems (most Linux desktops, many Android builds in the
//! West) have no Japanese font, and 択捉島 would show as empty boxes. The app
//! therefore bundles a subset of Noto Sans CJK JP (SIL Open Font Licence)
//! with every kana and kanji the data uses, and CSS loads it only for
//! those characters. This task regenerates the subset from Debian's
//! `fonts-noto-cjk` with fontTools; the output is committed, and a test in
//! `model/tests` fails when the data gains a character the subset lacks.

use crate::setup;
use crate::util::{Error, output, root, run};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Debian's Noto Sans CJK collection; face 0 is the Japanese one.
const SOURCE: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const SOURCE_LICENCE: &str = "/usr/share/doc/fonts-noto-cjk/copyright";
const FONTTOOLS: &str = "fonttools==4.60.1";
pub const OUTPUT: &str = "assets/fonts/NotoSansCJKjp-subset.otf";
const LICENCE: &str = "assets/fonts/NotoSansCJK-LICENSE.txt";

pub fn run_fonts(_args: &[String]) -> Result<(), Error> {
    if !Path::new(SOURCE).exists() {
        setup::apt_install(&["fonts-noto-cjk"])?;
    }
    let pyftsubset = ensure_fonttools()?;
    let text = characters()?;
    let list = std::env::temp_dir().join("kuril-cjk-characters.txt");
    std::fs::write(&list, text.iter().collect::<String>())?;
    let out = root().join(OUTPUT);
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    run(Command::new(pyftsubset)
        .arg(SOURCE)
        .arg("--font-number=0")
        .arg(format!("--text-file={}", list.display()))
        .arg(format!("--output-file={}", out.display()))
        // Names in horizontal text at 14–16 px: hinting and OpenType layout
        // features (vertical forms, proportional kana) would triple the size.
        .arg("--no-hinting")
        .arg("--layout-features=")
        .arg("--desubroutinize"))?;
    std::fs::copy(SOURCE_LICENCE, root().join(LICENCE))?;
    let size = std::fs::metadata(&out)?.len();
    eprintln!("wrote {OUTPUT}: {} characters, {size} bytes", text.len());
    Ok(())
}

/// Every Japanese character in the data files and the app's own text, and
/// the commonest punctuation.
fn characters() -> Result<BTreeSet<char>, Error> {
    let mut chars: BTreeSet<char> = ['、', '。', '「', '」', '・', 'ー'].into();
    let mut files = data_files(&root().join("geodata"))?;
    files.extend(data_files(&root().join("app/src"))?);
    // The message catalogues: every Japanese string of the interface.
    files.extend(data_files(&root().join("assets/i18n"))?);
    for file in files {
        let text = std::fs::read_to_string(&file)?;
        chars.extend(text.chars().filter(|&c| model::names::is_cjk(c)));
    }
    Ok(chars)
}

fn data_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            files.extend(data_files(&path)?);
        } else if path
            .extension()
            .is_some_and(|e| e == "geojson" || e == "toml" || e == "rs" || e == "ftl")
        {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// `pyftsubset` from fontTools in `.tools/venv` (the venv schemathesis uses).
fn ensure_fonttools() -> Result<PathBuf, Error> {
    let venv = root().join(".tools/venv");
    let exe = venv.join("bin/pyftsubset");
    let pinned = FONTTOOLS.trim_start_matches("fonttools==");
    let found = output(
        Command::new(venv.join("bin/python"))
            .args(["-c", "import fontTools; print(fontTools.version)"]),
    );
    if exe.exists() && found.as_deref() == Some(pinned) {
        return Ok(exe);
    }
    if !venv.join("bin/pip").exists() {
        run(Command::new("python3").arg("-m").arg("venv").arg(&venv))?;
    }
    run(Command::new(venv.join("bin/pip")).args(["install", "--quiet", FONTTOOLS]))?;
    Ok(exe)
}
