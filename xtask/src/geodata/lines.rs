//! Boundary lines (`lines.geojson`). None of their exact courses is
//! published, so all are drawn schematically: the strait lines through the
//! middle of the Vries (Etorofu) Strait, the 1875 line as the median of the
//! First Kuril Strait between our Shumshu and Kamchatka coastlines, and the
//! 1945 line as the median between our Hokkaido coastline and the disputed
//! islands.

use geo::{Coord, Distance, Euclidean, Point, Polygon};
use model::geodata::{LandProperties, LandRole, LineProperties};

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

/// Transects across the First Kuril Strait, from the Sea of Okhotsk to the
/// Pacific: `a` on Shumshu's side, `b` on Kamchatka's (Cape Lopatka, 50.86°N
/// 156.67°E, is the strait's north-east shore).
const FIRST_KURIL_TRANSECTS: &[([f64; 2], [f64; 2])] = &[
    ([156.45, 51.00], [156.76, 51.00]),
    ([156.50, 50.90], [156.67, 50.90]),
    ([156.52, 50.86], [156.66, 50.86]),
    ([156.52, 50.80], [156.75, 50.80]),
    ([156.56, 50.72], [156.85, 50.72]),
];

/// A coast's polygons in the local plane of [`project`].
struct Coast {
    polygons: Vec<Polygon<f64>>,
    lat0: f64,
}

impl Coast {
    fn new(polygons: &[Polygon<f64>], lat0: f64) -> Coast {
        let ring =
            |r: &geo::LineString<f64>| r.coords().map(|c| project([c.x, c.y], lat0)).collect();
        let polygons = polygons
            .iter()
            .map(|p| Polygon::new(ring(p.exterior()), p.interiors().iter().map(ring).collect()))
            .collect();
        Coast { polygons, lat0 }
    }

    fn distance(&self, at: [f64; 2]) -> f64 {
        let p = Point::from(project(at, self.lat0));
        self.polygons
            .iter()
            .map(|q| Euclidean.distance(&p, q))
            .fold(f64::MAX, f64::min)
    }
}

fn project(c: [f64; 2], lat0: f64) -> Coord<f64> {
    Coord {
        x: c[0] * lat0.to_radians().cos() * 111.32,
        y: c[1] * 111.32,
    }
}

/// The points equally far from both coasts on each transect `(a, b)`, `a`
/// nearer coast `near_a`, `b` nearer `near_b`, found by bisection.
fn median_line(
    near_a: &Coast,
    near_b: &Coast,
    transects: &[([f64; 2], [f64; 2])],
) -> Result<Vec<[f64; 2]>, Error> {
    let diff = |c: [f64; 2]| near_a.distance(c) - near_b.distance(c);
    let mut out = Vec::new();
    for &(a, b) in transects {
        let at = |t: f64| [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
        let (mut lo, mut hi) = (0.0, 1.0);
        if diff(at(lo)) >= 0.0 || diff(at(hi)) <= 0.0 {
            return Err(Error::msg(format!(
                "median line: transect {a:?}-{b:?} does not separate the two coasts"
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

/// The polygons of the features `keep` chooses, at full detail.
fn polygons(full: &Level, keep: impl Fn(&LandProperties) -> bool) -> Vec<Polygon<f64>> {
    full.features
        .iter()
        .filter(|f| keep(&f.properties))
        .flat_map(|f| f.polygons.clone())
        .collect()
}

pub fn build(levels: &[Level]) -> Result<Vec<Item>, Error> {
    let full = levels.last().ok_or_else(|| Error::msg("no land levels"))?;
    let hokkaido = Coast::new(&polygons(full, |p| p.id == "hokkaido"), 44.0);
    let islands = Coast::new(&polygons(full, |p| p.role == LandRole::Disputed), 44.0);
    let median = median_line(&hokkaido, &islands, NEMURO_TRANSECTS)?;
    let shumshu = Coast::new(&polygons(full, |p| p.id == "shumshu"), 50.8);
    let kamchatka = Coast::new(&polygons(full, |p| p.id == "kamchatka"), 50.8);
    let first_kuril = median_line(&shumshu, &kamchatka, FIRST_KURIL_TRANSECTS)?;

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
        "https://www.mofa.go.jp/region/europe/russia/territory/index.html",
    );
    let exchange = line(
        "saint-petersburg-1875",
        [
            "Treaty of Saint Petersburg border (1875)",
            "樺太・千島交換条約の国境（1875年）",
            "Граница по Санкт-Петербургскому договору (1875)",
        ],
        "Japan gave up its share of Sakhalin and received the Kuril Islands from Urup north to Shumshu: the border ran through the First Kuril Strait, between Shumshu and Cape Lopatka on Kamchatka, until Soviet troops landed on Shumshu in August 1945. Drawn schematically as the median of the strait.",
        "1875-05-07",
        Some("1945-08-18"),
        "https://www.mofa.go.jp/region/europe/russia/territory/edition92/period2.html",
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
        "https://www.hoppou.go.jp/gakushu/kids/naruhodo/manga4/treaty4/index.html",
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
        "https://www.mofa.go.jp/region/europe/russia/territory/index.html",
    );
    Ok(vec![
        Item::new(&de_facto.id, &de_facto, write::line_string(&median))?,
        Item::new(&claim.id, &claim, write::line_string(&VRIES_STRAIT))?,
        Item::new(&shimoda.id, &shimoda, write::line_string(&VRIES_STRAIT))?,
        Item::new(&exchange.id, &exchange, write::line_string(&first_kuril))?,
    ])
}
