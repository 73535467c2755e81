//! Boundary lines (`lines.geojson`). None of their exact courses is
//! published, so all are drawn schematically: the strait lines through the
//! middle of the Vries (Etorofu) Strait, and the 1945 line as the median
//! between our Hokkaido coastline and the disputed islands.

use geo::{Coord, Distance, Euclidean, Point, Polygon};
use model::geodata::{LandRole, LineProperties};

use super::land::{Level, round5};
use super::write::{self, Item};
use crate::util::Error;

/// Across the Vries Strait, from the Sea of Okhotsk to the Pacific, clear of
/// Etorofu's north-east cape (148.89°E) and Urup's south-west cape (149.39°E).
const VRIES_STRAIT: [[f64; 2]; 3] = [[148.95, 45.85], [149.14, 45.56], [149.35, 45.25]];

/// Transects `(a, b)` across the Nemuro and Goyomai straits, north to south-east:
/// `a` on the Hokkaido side, `b` on the islands' side. On each, the point
/// equally far from both coasts is found by bisection.
const NEMURO_TRANSECTS: &[([f64; 2], [f64; 2])] = &[
    ([145.20, 44.45], [146.30, 44.45]),
    ([145.00, 44.30], [146.20, 44.30]),
    ([144.90, 44.15], [146.00, 44.15]),
    ([144.90, 44.00], [145.90, 44.00]),
    ([144.90, 43.85], [145.80, 43.85]),
    ([145.10, 43.72], [145.70, 43.72]),
    ([145.45, 43.30], [145.45, 43.90]),
    ([145.60, 43.30], [145.60, 43.90]),
    ([145.70, 43.33], [145.70, 43.90]),
    ([145.80, 43.38], [145.80, 43.60]),
    ([145.78, 43.393], [145.90, 43.393]),
    ([145.78, 43.36], [146.00, 43.36]),
    ([145.80, 43.30], [146.05, 43.30]),
];

fn project(c: [f64; 2], lat0: f64) -> Coord<f64> {
    Coord {
        x: c[0] * lat0.to_radians().cos() * 111.32,
        y: c[1] * 111.32,
    }
}

fn distance(at: [f64; 2], polys: &[Polygon<f64>]) -> f64 {
    let p = Point::from(project(at, 44.0));
    polys
        .iter()
        .map(|q| Euclidean.distance(&p, q))
        .fold(f64::MAX, f64::min)
}

fn median_line(
    hokkaido: &[Polygon<f64>],
    islands: &[Polygon<f64>],
) -> Result<Vec<[f64; 2]>, Error> {
    let proj = |ps: &[Polygon<f64>]| -> Vec<Polygon<f64>> {
        ps.iter()
            .map(|p| {
                let ring = |r: &geo::LineString<f64>| {
                    r.coords().map(|c| project([c.x, c.y], 44.0)).collect()
                };
                Polygon::new(ring(p.exterior()), p.interiors().iter().map(ring).collect())
            })
            .collect()
    };
    let (hok, isl) = (proj(hokkaido), proj(islands));
    let diff = |c: [f64; 2]| distance(c, &hok) - distance(c, &isl);
    let mut out = Vec::new();
    for &(a, b) in NEMURO_TRANSECTS {
        let at = |t: f64| [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
        let (mut lo, mut hi) = (0.0, 1.0);
        if diff(at(lo)) >= 0.0 || diff(at(hi)) <= 0.0 {
            return Err(Error::msg(format!(
                "median line: transect {a:?}-{b:?} does not separate Hokkaido from the islands"
            )));
        }
        for _ in 0..40 {
            let mid = (lo + hi) / 2.0;
            if diff(at(mid)) < 0.0 {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        let p = at((lo + hi) / 2.0);
        out.push([round5(p[0]), round5(p[1])]);
    }
    Ok(out)
}

pub fn build(levels: &[Level]) -> Result<Vec<Item>, Error> {
    let full = levels.last().ok_or_else(|| Error::msg("no land levels"))?;
    let hokkaido: Vec<Polygon<f64>> = full
        .features
        .iter()
        .filter(|f| f.properties.id == "hokkaido")
        .flat_map(|f| f.polygons.clone())
        .collect();
    let islands: Vec<Polygon<f64>> = full
        .features
        .iter()
        .filter(|f| f.properties.role == LandRole::Disputed)
        .flat_map(|f| f.polygons.clone())
        .collect();
    let median = median_line(&hokkaido, &islands)?;

    let line = |id: &str,
                names: [&str; 3],
                description: &str,
                date: &str,
                until: Option<&str>,
                source: &str| LineProperties {
        id: id.to_owned(),
        name_en: names[0].to_owned(),
        name_ja: names[1].to_owned(),
        name_ru: names[2].to_owned(),
        description: description.to_owned(),
        date: date.to_owned(),
        until: until.map(str::to_owned),
        source: source.to_owned(),
        schematic: true,
    };
    let shimoda = line(
        "shimoda-1855",
        [
            "Treaty of Shimoda border (1855)",
            "下田条約の国境（1855年）",
            "Граница по Симодскому трактату (1855)",
        ],
        "The first Russo-Japanese border: Etorofu and the islands south of it Japanese, Urup and the islands north of it Russian. Drawn schematically through the strait.",
        "1855-02-07",
        Some("1875-05-07"),
        "https://en.wikipedia.org/wiki/Treaty_of_Shimoda",
    );
    let claim = line(
        "japan-claim-limit",
        [
            "Japan's claimed boundary (northern limit of its claim)",
            "日本の領有権主張の北限",
            "Северная граница притязаний Японии",
        ],
        "Japan renounced the Kuril Islands in 1951 but holds that Etorofu, Kunashiri, Shikotan and the Habomai islands are not among them; its claim ends in this strait. Drawn schematically.",
        "1951-09-08",
        None,
        "https://en.wikipedia.org/wiki/Kuril_Islands_dispute",
    );
    let de_facto = line(
        "de-facto-1945",
        [
            "Russian-administered boundary (line of control)",
            "1945年以降の実効支配線",
            "Граница территории под управлением России (линия контроля с 1945 года)",
        ],
        "Where Soviet, now Russian, control has ended since the islands were occupied in 1945; Japan does not recognise it as a border. Drawn by us as the median line between the coasts.",
        "1945-09-05",
        None,
        "https://en.wikipedia.org/wiki/Kuril_Islands_dispute",
    );
    Ok(vec![
        Item::new(&de_facto.id, &de_facto, write::line_string(&median))?,
        Item::new(&claim.id, &claim, write::line_string(&VRIES_STRAIT))?,
        Item::new(&shimoda.id, &shimoda, write::line_string(&VRIES_STRAIT))?,
    ])
}
