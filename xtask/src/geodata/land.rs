//! Building the land features: identification, source choice, islet
//! grouping, clipping, orientation and levels of detail.

use geo::orient::Direction;
use geo::{
    BooleanOps, BoundingRect, Centroid, Contains, Coord, Distance, Euclidean, GeodesicArea,
    InteriorPoint, Intersects, LineString, MultiPolygon, Orient, Point, Polygon,
    SimplifyVwPreserve,
};
use model::geodata::{LandProperties, LandRole};

use super::area::{AREA, BBox};
use super::catalog::{self, Anchor, Choice, Detail, Entry};
use super::sources::{GshhgPolygon, OsmPolygon};
use super::valid;
use crate::util::Error;

pub const GSHHG_LABEL: &str = "GSHHG 2.3.6 full";
pub const OSM_LABEL: &str = "OpenStreetMap land polygons 2017";

/// Unnamed islets at least this large stop the build: they need a name.
const UNNAMED_MAX_KM2: f64 = 2.0;

/// One level of detail.
pub struct LevelSpec {
    pub index: u8,
    /// Simplification tolerance in metres (0: source precision).
    pub tolerance_m: f64,
    /// Islands smaller than this are left out (a feature keeps its largest).
    pub min_island_km2: f64,
    /// Lakes smaller than this are filled.
    pub min_lake_km2: f64,
    /// The same two for context far from the dispute ([`Detail::Far`]).
    pub far_tolerance_m: f64,
    pub far_min_island_km2: f64,
}

impl LevelSpec {
    /// Tolerance and smallest island kept for an entry's detail.
    fn for_detail(&self, detail: Detail) -> (f64, f64) {
        match detail {
            Detail::Near => (self.tolerance_m, self.min_island_km2),
            Detail::Far => (self.far_tolerance_m, self.far_min_island_km2),
        }
    }
}

pub const LEVELS: [LevelSpec; 3] = [
    LevelSpec {
        index: 0,
        tolerance_m: 500.0,
        min_island_km2: 1.0,
        min_lake_km2: 10.0,
        far_tolerance_m: 2500.0,
        far_min_island_km2: 10.0,
    },
    LevelSpec {
        index: 1,
        tolerance_m: 100.0,
        min_island_km2: 0.02,
        min_lake_km2: 0.5,
        far_tolerance_m: 300.0,
        far_min_island_km2: 0.2,
    },
    LevelSpec {
        index: 2,
        tolerance_m: 0.0,
        min_island_km2: 0.0,
        min_lake_km2: 0.0,
        far_tolerance_m: 100.0,
        far_min_island_km2: 0.02,
    },
];

pub struct Feature {
    pub properties: LandProperties,
    pub polygons: Vec<Polygon<f64>>,
}

pub struct Level {
    pub index: u8,
    pub features: Vec<Feature>,
}

impl Level {
    pub fn vertices(&self) -> usize {
        self.features
            .iter()
            .flat_map(|f| &f.polygons)
            .map(|p| p.exterior().0.len() + p.interiors().iter().map(|r| r.0.len()).sum::<usize>())
            .sum()
    }
}

pub struct Built {
    pub levels: Vec<Level>,
    pub report: Vec<String>,
}

/// Kilometres per degree of latitude (mean).
const KM_PER_DEG: f64 = 111.32;

/// Projects to a local plane in km around `lat0` (equirectangular).
fn project(c: Coord<f64>, lat0: f64) -> Coord<f64> {
    Coord {
        x: c.x * lat0.to_radians().cos() * KM_PER_DEG,
        y: c.y * KM_PER_DEG,
    }
}

fn project_polygon(p: &Polygon<f64>, lat0: f64) -> Polygon<f64> {
    let ring = |r: &LineString<f64>| {
        r.coords()
            .map(|&c| project(c, lat0))
            .collect::<LineString<f64>>()
    };
    Polygon::new(ring(p.exterior()), p.interiors().iter().map(ring).collect())
}

/// Distance in km from a `[lon, lat]` point to a polygon (0 inside).
pub fn distance_km(at: [f64; 2], polygon: &Polygon<f64>) -> f64 {
    let lat0 = at[1];
    let p = Point::from(project(Coord { x: at[0], y: at[1] }, lat0));
    Euclidean.distance(&p, &project_polygon(polygon, lat0))
}

/// Geodesic area; rings are oriented first (a clockwise exterior would
/// otherwise measure the rest of the globe).
pub fn area_km2(polygons: &[Polygon<f64>]) -> f64 {
    polygons
        .iter()
        .map(|p| p.orient(Direction::Default).geodesic_area_signed())
        .sum::<f64>()
        / 1e6
}

fn bbox_contains(p: &Polygon<f64>, c: Coord<f64>) -> bool {
    p.bounding_rect().is_some_and(|r| {
        (r.min().x..=r.max().x).contains(&c.x) && (r.min().y..=r.max().y).contains(&c.y)
    })
}

/// A GSHHG land polygon, or one piece of it where the map edge cuts it.
pub struct Upstream {
    pub id: String,
    pub polygon: Polygon<f64>,
    /// Cut by the map edge (a piece of a larger polygon).
    clipped: bool,
}

/// Level-1 GSHHG polygons that reach into `area`, with their lakes (level 2)
/// as holes, cut to the area: a polygon crossing the edge becomes its pieces
/// inside, each keeping the polygon's id. Islands in lakes (level 3) are left
/// out.
pub fn gshhg_land(gshhg: &[GshhgPolygon], area: &BBox) -> Vec<Upstream> {
    // A margin so that the cheap crop's seams along its box lie outside `area`.
    let margin = BBox {
        west: area.west - 0.05,
        east: area.east + 0.05,
        south: area.south - 0.05,
        north: area.north + 0.05,
    };
    let mut land: Vec<(String, Polygon<f64>, bool)> = gshhg
        .iter()
        .filter(|g| g.level == 1 && g.ring.coords().any(|&c| area.contains(c)))
        .map(|g| {
            let inside = g.ring.coords().all(|&c| area.contains(c));
            let ring = if inside {
                g.ring.clone()
            } else {
                crop(&g.ring, &margin)
            };
            (g.id.clone(), Polygon::new(ring, vec![]), !inside)
        })
        .collect();
    for lake in gshhg.iter().filter(|g| g.level == 2) {
        let Some(&first) = lake.ring.0.first() else {
            continue;
        };
        if let Some((_, parent, _)) = land
            .iter_mut()
            .find(|(_, p, _)| bbox_contains(p, first) && p.exterior().contains(&Point::from(first)))
        {
            parent.interiors_push(lake.ring.clone());
        }
    }
    let area_box = area.polygon();
    let mut out = Vec::new();
    for (id, polygon, clipped) in land {
        if clipped {
            out.extend(
                polygon
                    .intersection(&area_box)
                    .0
                    .into_iter()
                    .map(|piece| Upstream {
                        id: id.clone(),
                        polygon: piece,
                        clipped: true,
                    }),
            );
        } else {
            out.push(Upstream {
                id,
                polygon,
                clipped: false,
            });
        }
    }
    out
}

/// Sutherland–Hodgman: `ring` cut to `bbox` in one pass per side, linear in
/// its length (GSHHG's Eurasia has over a million points). Where the ring
/// leaves and re-enters, the result runs along the box's side; the exact
/// intersection with the map area afterwards removes those seams.
fn crop(ring: &LineString<f64>, bbox: &BBox) -> LineString<f64> {
    type Side = (
        fn(Coord<f64>, f64) -> bool,
        fn(Coord<f64>, Coord<f64>, f64) -> Coord<f64>,
        f64,
    );
    let at_x = |a: Coord<f64>, b: Coord<f64>, x: f64| Coord {
        x,
        y: a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x),
    };
    let at_y = |a: Coord<f64>, b: Coord<f64>, y: f64| Coord {
        x: a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y),
        y,
    };
    let sides: [Side; 4] = [
        (|c, v| c.x >= v, at_x, bbox.west),
        (|c, v| c.x <= v, at_x, bbox.east),
        (|c, v| c.y >= v, at_y, bbox.south),
        (|c, v| c.y <= v, at_y, bbox.north),
    ];
    let mut points: Vec<Coord<f64>> = ring.0.clone();
    for (keep, cut, value) in sides {
        let Some(&last) = points.last() else {
            break;
        };
        let mut out = Vec::with_capacity(points.len());
        let mut previous = last;
        for &c in &points {
            match (keep(previous, value), keep(c, value)) {
                (true, true) => out.push(c),
                (true, false) => out.push(cut(previous, c, value)),
                (false, true) => {
                    out.push(cut(previous, c, value));
                    out.push(c);
                }
                (false, false) => {}
            }
            previous = c;
        }
        points = out;
    }
    if let Some(&first) = points.first()
        && points.last() != Some(&first)
    {
        points.push(first);
    }
    LineString::new(points)
}

/// Finds the polygons an anchor names, by index.
fn find(anchor: &Anchor, polygons: &[Polygon<f64>], taken: &[bool]) -> Vec<usize> {
    match *anchor {
        Anchor::Point { at, max_km } => {
            let here = Point::new(at[0], at[1]);
            if let Some(i) = polygons
                .iter()
                .position(|p| bbox_contains(p, here.0) && p.contains(&here))
            {
                return vec![i];
            }
            polygons
                .iter()
                .enumerate()
                .filter(|(i, _)| !taken[*i])
                .map(|(i, p)| (i, distance_km(at, p)))
                .filter(|&(_, d)| d <= max_km)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(i, _)| vec![i])
                .unwrap_or_default()
        }
        Anchor::Cluster { at, radius_km } => polygons
            .iter()
            .enumerate()
            .filter(|(i, p)| !taken[*i] && distance_km(at, p) <= radius_km)
            .map(|(i, _)| i)
            .collect(),
    }
}

struct Draft {
    entry: &'static Entry,
    /// Some of its land was cut by the map edge before it was found.
    clipped: bool,
    /// `Some(parent id)` for a group of unnamed islets.
    islets_of: Option<&'static str>,
    source: &'static str,
    refs: Vec<String>,
    polygons: Vec<Polygon<f64>>,
}

pub fn build(gshhg: &[GshhgPolygon], osm_all: &[OsmPolygon]) -> Result<Built, Error> {
    let osm: Vec<Polygon<f64>> = osm_all.iter().map(|o| o.polygon.clone()).collect();
    let mut report = Vec::new();
    let upstream = gshhg_land(gshhg, &AREA);
    let land: Vec<(String, Polygon<f64>)> = upstream
        .iter()
        .map(|u| (u.id.clone(), u.polygon.clone()))
        .collect();
    let land_polys: Vec<Polygon<f64>> = land.iter().map(|(_, p)| p.clone()).collect();
    let mut taken = vec![false; land.len()];
    let mut drafts: Vec<Draft> = Vec::new();

    for entry in catalog::ENTRIES {
        let found = find(&entry.anchor, &land_polys, &taken);
        if found.is_empty() {
            return Err(Error::msg(format!(
                "`{}`: no GSHHG polygon at {:?}",
                entry.id, entry.anchor
            )));
        }
        for &i in &found {
            if taken[i] {
                return Err(Error::msg(format!(
                    "`{}`: GSHHG polygon {} already belongs to another island",
                    entry.id, land[i].0
                )));
            }
            taken[i] = true;
        }
        let gshhg_polys: Vec<Polygon<f64>> = found.iter().map(|&i| land[i].1.clone()).collect();
        let gshhg_refs: Vec<String> = found
            .iter()
            .map(|&i| format!("gshhs_f {}", land[i].0))
            .collect();
        let mut draft = Draft {
            entry,
            clipped: found.iter().any(|&i| upstream[i].clipped),
            islets_of: None,
            source: GSHHG_LABEL,
            refs: gshhg_refs,
            polygons: gshhg_polys,
        };
        if let (Choice::ByArea, Some(official)) = (entry.choice, entry.official_area_km2) {
            let taken_osm = vec![false; osm.len()];
            let osm_found = find(&entry.anchor, &osm, &taken_osm);
            let Some(&oi) = osm_found.first() else {
                return Err(Error::msg(format!("`{}`: no OSM polygon found", entry.id)));
            };
            let g_area = area_km2(&draft.polygons);
            let o_area = area_km2(std::slice::from_ref(&osm[oi]));
            let g_err = g_area / official - 1.0;
            let o_err = o_area / official - 1.0;
            let gshhg_ok =
                g_err.abs() <= catalog::area_tolerance(entry) * catalog::GSHHG_SHARE_OF_TOLERANCE;
            let use_osm = !gshhg_ok && o_err.abs() < g_err.abs();
            report.push(format!(
                "{:<9} official {official:>7.1} km²  GSHHG {g_area:>8.2} ({:+.1}%)  OSM {o_area:>8.2} ({:+.1}%)  -> {}",
                entry.id,
                g_err * 100.0,
                o_err * 100.0,
                if use_osm { "OSM" } else { "GSHHG" }
            ));
            if use_osm {
                draft.source = OSM_LABEL;
                draft.refs = vec![format!("earth-lands-1m polygon {}", osm_all[oi].index)];
                draft.polygons = vec![osm[oi].clone()];
            }
        }
        drafts.push(draft);
    }
    join_pieces(&upstream, &mut taken, &mut drafts);

    // GSHHG islets under an OSM outline would double the land: drop them.
    let osm_outlines: Vec<Polygon<f64>> = drafts
        .iter()
        .filter(|d| d.source == OSM_LABEL)
        .flat_map(|d| d.polygons.clone())
        .collect();
    let mut dropped = 0;
    for (i, (_, p)) in land.iter().enumerate() {
        if !taken[i] && osm_outlines.iter().any(|o| o.intersects(p)) {
            taken[i] = true;
            dropped += 1;
        }
    }
    report.push(format!(
        "{dropped} GSHHG islets overlapping an OSM outline were left out"
    ));

    // Every other islet joins the nearest named land.
    let lat0 = 44.0;
    let projected: Vec<Vec<Polygon<f64>>> = drafts
        .iter()
        .map(|d| {
            d.polygons
                .iter()
                .map(|p| project_polygon(p, lat0))
                .collect()
        })
        .collect();
    let mut islets: Vec<Vec<(String, Polygon<f64>)>> = vec![Vec::new(); drafts.len()];
    for (i, (id, p)) in land.iter().enumerate() {
        if taken[i] {
            continue;
        }
        let Some(c) = p.exterior().0.first().copied() else {
            continue;
        };
        let here = Point::from(project(c, lat0));
        let nearest = projected
            .iter()
            .enumerate()
            .map(|(k, polys)| {
                let d = polys
                    .iter()
                    .map(|q| Euclidean.distance(&here, q))
                    .fold(f64::MAX, f64::min);
                (k, d)
            })
            .min_by(|a, b| a.1.total_cmp(&b.1));
        let Some((k, _)) = nearest else {
            continue;
        };
        islets[k].push((id.clone(), p.clone()));
    }
    let mut groups = Vec::new();
    for (k, list) in islets.into_iter().enumerate() {
        if list.is_empty() {
            continue;
        }
        let draft = &mut drafts[k];
        if draft.entry.role == LandRole::Context {
            for (id, p) in list {
                draft.refs.push(format!("gshhs_f {id}"));
                draft.polygons.push(p);
            }
            continue;
        }
        for (id, p) in &list {
            let a = area_km2(std::slice::from_ref(p));
            if a >= UNNAMED_MAX_KM2 {
                return Err(Error::msg(format!(
                    "GSHHG polygon {id} ({a:.1} km²) near `{}` has no name in the catalogue",
                    draft.entry.id
                )));
            }
        }
        report.push(format!(
            "{}-islets: {} GSHHG islets",
            draft.entry.id,
            list.len()
        ));
        groups.push(Draft {
            entry: draft.entry,
            clipped: false,
            islets_of: Some(draft.entry.id),
            source: GSHHG_LABEL,
            refs: list.iter().map(|(id, _)| format!("gshhs_f {id}")).collect(),
            polygons: list.into_iter().map(|(_, p)| p).collect(),
        });
    }
    // Order: disputed islands, their islet groups, context land.
    let (disputed, context): (Vec<Draft>, Vec<Draft>) = drafts
        .into_iter()
        .partition(|d| d.entry.role == LandRole::Disputed);
    let ordered: Vec<Draft> = disputed.into_iter().chain(groups).chain(context).collect();

    // Clip to the map area and orient (RFC 7946: exteriors counter-clockwise).
    let area_box = AREA.polygon();
    let mut full: Vec<(Draft, bool)> = Vec::new();
    for mut d in ordered {
        let mut clipped = d.clipped;
        let mut polys = Vec::new();
        for p in std::mem::take(&mut d.polygons) {
            if p.exterior().coords().all(|&c| AREA.contains(c)) {
                polys.push(p);
            } else {
                clipped = true;
                polys.extend(p.intersection(&area_box));
            }
        }
        let mut mp = MultiPolygon::new(polys).orient(Direction::Default);
        mp.0.sort_by(|a, b| {
            area_km2(std::slice::from_ref(b)).total_cmp(&area_km2(std::slice::from_ref(a)))
        });
        d.polygons = mp.0;
        d.refs.sort();
        d.refs.dedup();
        full.push((d, clipped));
    }

    let mut levels = Vec::new();
    for spec in &LEVELS {
        let mut features = Vec::new();
        for (d, clipped) in &full {
            let polygons = simplify_feature(&d.polygons, spec, d.entry.detail)
                .map_err(|e| Error::msg(format!("{}: {e}", feature_id(d))))?;
            features.push(Feature {
                properties: properties(d, *clipped, &d.polygons)?,
                polygons,
            });
        }
        levels.push(Level {
            index: spec.index,
            features,
        });
    }
    // Areas as written (rounded, full detail).
    if let Some(full_level) = levels.last() {
        for f in &full_level.features {
            if let Some(official) = f.properties.official_area_km2 {
                let a = area_km2(&f.polygons);
                report.push(format!(
                    "{:<9} written {a:>8.2} km² vs official {official:.1} ({:+.1}%) from {}",
                    f.properties.id,
                    (a / official - 1.0) * 100.0,
                    f.properties.source
                ));
            }
        }
    }
    Ok(Built { levels, report })
}

/// The other pieces of a GSHHG polygon the map edge cut (Honshu's two
/// peninsulas, Eurasia's Kamchatka and mainland) join the found piece of the
/// same polygon nearest to them, so a cut coast never becomes a neighbour's islet.
fn join_pieces(upstream: &[Upstream], taken: &mut [bool], drafts: &mut [Draft]) {
    let owner: Vec<(usize, String, Polygon<f64>)> = drafts
        .iter()
        .enumerate()
        .flat_map(|(k, d)| {
            d.refs
                .iter()
                .zip(&d.polygons)
                .map(move |(r, p)| (k, r.clone(), p.clone()))
        })
        .collect();
    for (i, u) in upstream.iter().enumerate() {
        let Some(&at) = u.polygon.exterior().0.first() else {
            continue;
        };
        if taken[i] || !u.clipped {
            continue;
        }
        let reference = format!("gshhs_f {}", u.id);
        let nearest = owner
            .iter()
            .filter(|(_, r, _)| *r == reference)
            .map(|(k, _, p)| (*k, distance_km([at.x, at.y], p)))
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((k, _)) = nearest {
            taken[i] = true;
            drafts[k].clipped = true;
            drafts[k].refs.push(reference);
            drafts[k].polygons.push(u.polygon.clone());
        }
    }
}

fn feature_id(d: &Draft) -> String {
    match d.islets_of {
        Some(parent) => format!("{parent}-islets"),
        None => d.entry.id.to_owned(),
    }
}

fn properties(d: &Draft, clipped: bool, full: &[Polygon<f64>]) -> Result<LandProperties, Error> {
    let e = d.entry;
    let id = feature_id(d);
    let label_at = full
        .first()
        .and_then(|p| {
            p.centroid()
                .filter(|c| p.contains(c))
                .or_else(|| p.interior_point())
        })
        .map(|c| [round5(c.x()), round5(c.y())])
        .ok_or_else(|| Error::msg(format!("{id}: no label point")))?;
    let mut p = LandProperties {
        id,
        role: e.role,
        name_en: e.name_en.to_owned(),
        name_ja: e.name_ja.to_owned(),
        name_ja_romaji: e.name_ja_romaji.to_owned(),
        name_ru: e.name_ru.to_owned(),
        name_ru_romaji: e.name_ru_romaji.to_owned(),
        group: e.group.map(str::to_owned),
        part_of: None,
        administered_by: e.administered_by.to_owned(),
        claimed_by: e.claimed_by.map(str::to_owned),
        official_area_km2: e.official_area_km2,
        official_area_source: e
            .official_area_km2
            .map(|_| catalog::OFFICIAL_AREA_SOURCE.to_owned()),
        source: d.source.to_owned(),
        source_ref: Some(d.refs.join(", ")),
        clipped,
        label_at: Some(label_at),
    };
    if d.islets_of.is_some() {
        p.part_of = Some(e.id.to_owned());
        p.name_en = format!("Islets near {}", e.name_en);
        p.name_ja = format!("{}周辺の小島", e.name_ja);
        p.name_ja_romaji = format!("{} shūhen no kojima", e.name_ja_romaji);
        p.name_ru = format!("Островки {}", e.ru_near);
        p.name_ru_romaji = format!("Ostrovki {}", e.ru_near_romaji);
        p.official_area_km2 = None;
        p.official_area_source = None;
    }
    Ok(p)
}

pub fn round5(v: f64) -> f64 {
    (v * 1e5).round() / 1e5
}

fn round_ring(r: &LineString<f64>) -> Option<LineString<f64>> {
    let mut out: Vec<Coord<f64>> = Vec::with_capacity(r.0.len());
    for c in r.coords() {
        let c = Coord {
            x: round5(c.x),
            y: round5(c.y),
        };
        if out.last() != Some(&c) {
            out.push(c);
        }
    }
    if out.first() != out.last() {
        let first = *out.first()?;
        out.push(first);
    }
    (out.len() >= 4).then(|| LineString::new(out))
}

/// Simplifies one polygon in a local plane (degrees of latitude as unit).
fn simplify_polygon(p: &Polygon<f64>, epsilon: f64, spec: &LevelSpec) -> Option<Polygon<f64>> {
    let k = 44f64.to_radians().cos();
    let squash = |r: &LineString<f64>| -> LineString<f64> {
        r.coords().map(|c| Coord { x: c.x * k, y: c.y }).collect()
    };
    let unsquash = |r: &LineString<f64>| -> LineString<f64> {
        r.coords().map(|c| Coord { x: c.x / k, y: c.y }).collect()
    };
    let holes: Vec<LineString<f64>> = p
        .interiors()
        .iter()
        .filter(|h| area_km2(&[Polygon::new((*h).clone(), vec![])]) >= spec.min_lake_km2)
        .cloned()
        .collect();
    let local = Polygon::new(squash(p.exterior()), holes.iter().map(squash).collect());
    let simple = if epsilon > 0.0 {
        local.simplify_vw_preserve(epsilon)
    } else {
        local
    };
    let exterior = round_ring(&unsquash(simple.exterior()))?;
    let interiors = simple
        .interiors()
        .iter()
        .filter_map(|h| round_ring(&unsquash(h)))
        .collect();
    Some(Polygon::new(exterior, interiors))
}

/// One feature at one level; quarters the tolerance until the result is valid.
pub fn simplify_feature(
    polygons: &[Polygon<f64>],
    spec: &LevelSpec,
    detail: Detail,
) -> Result<Vec<Polygon<f64>>, String> {
    let (tolerance_m, min_island_km2) = spec.for_detail(detail);
    let keep: Vec<&Polygon<f64>> = polygons
        .iter()
        .enumerate()
        .filter(|(i, p)| *i == 0 || area_km2(std::slice::from_ref(*p)) >= min_island_km2)
        .map(|(_, p)| p)
        .collect();
    let mut epsilon = (tolerance_m / 1000.0 / KM_PER_DEG).powi(2);
    loop {
        let out: Vec<Polygon<f64>> = keep
            .iter()
            .filter_map(|p| simplify_polygon(p, epsilon, spec))
            .collect();
        let mp = MultiPolygon::new(out).orient(Direction::Default);
        let problem = if mp.0.is_empty() {
            Some("no polygon left".to_owned())
        } else {
            valid::problem(&mp)
        };
        let Some(problem) = problem else {
            return Ok(mp.0);
        };
        if epsilon == 0.0 {
            return Err(format!("invalid even unsimplified: {problem}"));
        }
        epsilon /= 4.0;
        if epsilon < 1e-12 {
            epsilon = 0.0;
        }
    }
}
