//! Build-time precompression: a `.br` (brotli, quality 11) next to every
//! text or wasm file in `dist/`, so the server's `ServeDir::precompressed_br()`
//! sends them without compressing per request, and at the best ratio.

use crate::util::{Error, root};
use std::path::{Path, PathBuf};

/// File types worth compressing; images like PNG are already compressed.
// `otf`: the Japanese font subset is CFF outlines, which brotli shrinks by a quarter.
const EXTENSIONS: [&str; 8] = ["js", "wasm", "css", "svg", "html", "json", "geojson", "otf"];

/// Writes `<file>.br` for each eligible file in `dist/` (not recursing into
/// hidden folders) and prints one line per file.
pub fn precompress_dist() -> Result<(), Error> {
    let dist = root().join("dist");
    let (mut raw_total, mut br_total) = (0, 0);
    for path in files(&dist)? {
        let raw = std::fs::read(&path)
            .map_err(|e| Error::msg(format!("cannot read {}: {e}", path.display())))?;
        let packed = brotli_11(&raw)?;
        let mut target = path.clone().into_os_string();
        target.push(".br");
        let target = PathBuf::from(target);
        std::fs::write(&target, &packed)
            .map_err(|e| Error::msg(format!("cannot write {}: {e}", target.display())))?;
        eprintln!(
            "brotli: {:>9} -> {:>8} B  {}",
            raw.len(),
            packed.len(),
            path.strip_prefix(&dist).unwrap_or(&path).display()
        );
        raw_total += raw.len();
        br_total += packed.len();
    }
    eprintln!("brotli: {raw_total} -> {br_total} B in all");
    Ok(())
}

/// Brotli at quality 11 with the largest standard window (16 MiB).
pub fn brotli_11(data: &[u8]) -> Result<Vec<u8>, Error> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 24,
        size_hint: data.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(data.len() / 3 + 64);
    brotli::BrotliCompress(&mut &data[..], &mut out, &params)
        .map_err(|e| Error::msg(format!("brotli failed: {e}")))?;
    Ok(out)
}

fn files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let mut found = Vec::new();
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::msg(format!("cannot list {}: {e}", dir.display())))?;
    for entry in entries {
        let path = entry?.path();
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            found.extend(files(&path)?);
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| EXTENSIONS.contains(&e))
        {
            found.push(path);
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let text = "Etorofu / Iturup ".repeat(200);
        let packed = brotli_11(text.as_bytes()).expect("compresses");
        assert!(packed.len() < text.len() / 10);
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &packed[..], &mut back).expect("decompresses");
        assert_eq!(back, text.as_bytes());
    }
}
