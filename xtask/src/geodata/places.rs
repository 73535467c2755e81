//! The gazetteer: points with sourced coordinates (`places.geojson`).

use model::geodata::{PlaceKind, PlaceProperties};

use super::write::{self, Item};
use crate::util::Error;

struct Place {
    id: &'static str,
    kind: PlaceKind,
    /// en, ja, ja romaji, ru, ru romaji
    names: [&'static str; 5],
    island: &'static str,
    lat: f64,
    lon: f64,
    source: &'static str,
    description: Option<&'static str>,
}

const ETOROFU_C: (f64, f64, &str) = (45.033, 147.617, "https://en.wikipedia.org/wiki/Iturup");
const KUNASHIRI_C: (f64, f64, &str) = (
    44.117,
    145.850,
    "https://www.hoppou.go.jp/gakushu/outline/islands/island1/",
);
const SHIKOTAN_C: (f64, f64, &str) = (
    43.800,
    146.750,
    "https://www.hoppou.go.jp/gakushu/outline/islands/island1/",
);
const HABOMAI_C: (f64, f64, &str) = (
    43.500,
    146.133,
    "https://en.m.wikipedia.org/wiki/Habomai_Islands",
);

const NO_COORDINATE: &str = "No sourced coordinate for this place: drawn at the island's centroid.";

const PLACES: &[Place] = &[
    Place {
        id: "kurilsk",
        kind: PlaceKind::Settlement,
        names: ["Kurilsk", "紗那", "Shana", "Курильск", "Kurilsk"],
        island: "etorofu",
        lat: 45.217,
        lon: 147.883,
        source: "https://hoppou.blog/?p=5303",
        description: None,
    },
    Place {
        id: "goryachiye-klyuchi",
        kind: PlaceKind::Base,
        names: [
            "Goryachiye Klyuchi",
            "瀬石温泉",
            "Sesekionsen",
            "Горячие Ключи",
            "Goryachiye Klyuchi",
        ],
        island: "etorofu",
        lat: 45.033,
        lon: 147.761,
        source: "https://hoppou.blog/20240519-1716076850",
        description: Some("Headquarters of the 18th Machine-Gun Artillery Division."),
    },
    Place {
        id: "yasny-airport",
        kind: PlaceKind::Airfield,
        names: [
            "Iturup Airport (Yasny)",
            "ヤースヌイ空港",
            "Yāsunui kūkō",
            "Аэропорт Итуруп (Ясный)",
            "Aeroport Iturup (Yasny)",
        ],
        island: "etorofu",
        lat: 45.256,
        lon: 147.956,
        source: "https://ru.m.wikipedia.org/wiki/%D0%AF%D1%81%D0%BD%D1%8B%D0%B9_(%D0%B0%D1%8D%D1%80%D0%BE%D0%BF%D0%BE%D1%80%D1%82)",
        description: None,
    },
    Place {
        id: "burevestnik",
        kind: PlaceKind::Airfield,
        names: [
            "Burevestnik air base",
            "天寧",
            "Tennei",
            "Буревестник",
            "Burevestnik",
        ],
        island: "etorofu",
        lat: 44.920,
        lon: 147.622,
        source: "http://www.weathergraphics.com/tim/russia/Burevestnik.htm",
        description: None,
    },
    Place {
        id: "kasatka-bay",
        kind: PlaceKind::Bay,
        names: [
            "Kasatka Bay",
            "単冠湾",
            "Hitokappu-wan",
            "Залив Касатка",
            "Zaliv Kasatka",
        ],
        island: "etorofu",
        lat: 44.965,
        lon: 147.672,
        source: "https://www.spf.org/islandstudies/jp/info_library/northernterritories-02-geo--05_11.html",
        description: None,
    },
    // Japanese names of Reidovo (別飛) and Lagunnoye (ニキシロ): Hokkaido
    // Shimbun translations on hoppou.blog, e.g. "レイドヴォ(別飛)"
    // (https://hoppou.blog/tag/%e5%88%a5%e9%a3%9b) and "ラグンノエ(ニキシロ)"
    // (https://hoppou.blog/category/kunashiri).
    Place {
        id: "reidovo",
        kind: PlaceKind::Settlement,
        names: ["Reidovo", "別飛", "Betobu", "Рейдово", "Reydovo"],
        island: "etorofu",
        lat: ETOROFU_C.0,
        lon: ETOROFU_C.1,
        source: "https://sputniknews.jp/20151104/1116518.html",
        description: None,
    },
    Place {
        id: "yuzhno-kurilsk",
        kind: PlaceKind::Settlement,
        names: [
            "Yuzhno-Kurilsk",
            "古釜布",
            "Furukamappu",
            "Южно-Курильск",
            "Yuzhno-Kurilsk",
        ],
        island: "kunashiri",
        lat: 44.033,
        lon: 145.850,
        source: "https://en.wikipedia.org/wiki/Yuzhno-Kurilsk",
        description: None,
    },
    Place {
        id: "mendeleyevo-airport",
        kind: PlaceKind::Airfield,
        names: [
            "Mendeleyevo airport",
            "メンデレーエフ空港",
            "Menderēefu kūkō",
            "Менделеево",
            "Mendeleyevo",
        ],
        island: "kunashiri",
        lat: 43.958,
        lon: 145.683,
        source: "https://ja.wikipedia.org/wiki/%E3%83%A1%E3%83%B3%E3%83%87%E3%83%AC%E3%83%BC%E3%82%A8%E3%83%95%E7%A9%BA%E6%B8%AF",
        description: None,
    },
    Place {
        id: "lagunnoye",
        kind: PlaceKind::Base,
        names: [
            "Lagunnoye",
            "ニキシロ",
            "Nikishiro",
            "Лагунное",
            "Lagunnoye",
        ],
        island: "kunashiri",
        lat: KUNASHIRI_C.0,
        lon: KUNASHIRI_C.1,
        source: "https://hoppou.blog/?p=2916",
        description: Some("Base of the 46th Machine-Gun Artillery Regiment."),
    },
    Place {
        id: "goryachiy-plyazh",
        kind: PlaceKind::Settlement,
        names: [
            "Goryachiy Plyazh",
            "ゴリャーチー・プリャージ",
            "Goryāchī puryāji",
            "Горячий Пляж",
            "Goryachiy Plyazh",
        ],
        island: "kunashiri",
        lat: KUNASHIRI_C.0,
        lon: KUNASHIRI_C.1,
        source: "https://dzen.ru/a/Xx7RB_KvLWzEKyw7",
        description: None,
    },
    Place {
        id: "malokurilskoye",
        kind: PlaceKind::Settlement,
        names: [
            "Malokurilskoye",
            "斜古丹",
            "Shakotan",
            "Малокурильское",
            "Malokurilskoye",
        ],
        island: "shikotan",
        lat: 43.871,
        lon: 146.832,
        source: "http://wikimapia.org/5823330/ru/%D0%9E%D1%81%D1%82%D1%80%D0%BE%D0%B2-%D0%A8%D0%B8%D0%BA%D0%BE%D1%82%D0%B0%D0%BD-%D0%A0%D0%BE%D1%81%D1%81%D0%B8%D1%8F",
        description: None,
    },
    Place {
        id: "krabozavodskoye",
        kind: PlaceKind::Settlement,
        names: [
            "Krabozavodskoye",
            "穴澗",
            "Anama",
            "Крабозаводское",
            "Krabozavodskoye",
        ],
        island: "shikotan",
        lat: SHIKOTAN_C.0,
        lon: SHIKOTAN_C.1,
        source: "http://wikimapia.org/5823330/ru/%D0%9E%D1%81%D1%82%D1%80%D0%BE%D0%B2-%D0%A8%D0%B8%D0%BA%D0%BE%D1%82%D0%B0%D0%BD-%D0%A0%D0%BE%D1%81%D1%81%D0%B8%D1%8F",
        description: None,
    },
    Place {
        id: "cape-nosappu",
        kind: PlaceKind::Cape,
        names: [
            "Cape Nosappu",
            "納沙布岬",
            "Nosappu-misaki",
            "Мыс Носаппу",
            "Mys Nosappu",
        ],
        island: "hokkaido",
        lat: 43.385,
        lon: 145.817,
        source: "https://easthokkaido.com/tw/sightseeing-access/cape-nosappu/",
        description: None,
    },
    Place {
        id: "kaigara-lighthouse",
        kind: PlaceKind::Lighthouse,
        names: [
            "Kaigara-jima lighthouse",
            "貝殻島灯台",
            "Kaigara-jima tōdai",
            "Сигнальный",
            "Signalny",
        ],
        island: "kaigara",
        lat: 43.397,
        lon: 145.858,
        source: "https://lighthouse-japan.com/hokkaido/kaigarashima/kaigarashima.html",
        description: None,
    },
    Place {
        id: "etorofu-centroid",
        kind: PlaceKind::Centroid,
        names: ["Etorofu", "択捉島", "Etorofu-tō", "Итуруп", "Iturup"],
        island: "etorofu",
        lat: ETOROFU_C.0,
        lon: ETOROFU_C.1,
        source: ETOROFU_C.2,
        description: None,
    },
    Place {
        id: "kunashiri-centroid",
        kind: PlaceKind::Centroid,
        names: ["Kunashiri", "国後島", "Kunashiri-tō", "Кунашир", "Kunashir"],
        island: "kunashiri",
        lat: KUNASHIRI_C.0,
        lon: KUNASHIRI_C.1,
        source: KUNASHIRI_C.2,
        description: None,
    },
    Place {
        id: "shikotan-centroid",
        kind: PlaceKind::Centroid,
        names: ["Shikotan", "色丹島", "Shikotan-tō", "Шикотан", "Shikotan"],
        island: "shikotan",
        lat: SHIKOTAN_C.0,
        lon: SHIKOTAN_C.1,
        source: SHIKOTAN_C.2,
        description: None,
    },
    Place {
        id: "habomai-centroid",
        kind: PlaceKind::Centroid,
        names: [
            "Habomai Islands",
            "歯舞群島",
            "Habomai guntō",
            "Хабомаи",
            "Khabomai",
        ],
        island: "habomai",
        lat: HABOMAI_C.0,
        lon: HABOMAI_C.1,
        source: HABOMAI_C.2,
        description: None,
    },
];

/// Places without a coordinate of their own sit at their island's centroid.
fn is_at_centroid(p: &Place) -> bool {
    p.kind == PlaceKind::Centroid
        || [ETOROFU_C, KUNASHIRI_C, SHIKOTAN_C, HABOMAI_C]
            .iter()
            .any(|c| c.0 == p.lat && c.1 == p.lon)
}

pub fn all() -> Result<Vec<Item>, Error> {
    PLACES
        .iter()
        .map(|p| {
            let centroid = is_at_centroid(p);
            let props = PlaceProperties {
                id: p.id.to_owned(),
                kind: p.kind,
                name_en: p.names[0].to_owned(),
                name_ja: p.names[1].to_owned(),
                name_ja_romaji: p.names[2].to_owned(),
                name_ru: p.names[3].to_owned(),
                name_ru_romaji: p.names[4].to_owned(),
                island: p.island.to_owned(),
                source: p.source.to_owned(),
                centroid,
                coordinate_note: (centroid && p.kind != PlaceKind::Centroid)
                    .then(|| NO_COORDINATE.to_owned()),
                description: p.description.map(str::to_owned),
            };
            Item::new(p.id, &props, write::point([p.lon, p.lat]))
        })
        .collect()
}
