//! The gazetteer: points with sourced coordinates (`places.geojson`).

use model::geodata::PlaceKind;
use serde::Serialize;

use super::write::{self, Item};
use crate::util::Error;

struct Place {
    id: &'static str,
    kind: PlaceKind,
    /// en, ja, ja romaji, ru, ru romaji, then the two forms for translated
    /// text: the Russian name in katakana (for Japanese text) and the
    /// Japanese name in Cyrillic, Polivanov system (for Russian text). Where
    /// one convention's name is itself a rendering of the other's (ヤースヌイ空港,
    /// Мыс Носаппу), the other form is that original name.
    names: [&'static str; 7],
    island: &'static str,
    lat: f64,
    lon: f64,
    source: &'static str,
    description: Option<&'static str>,
}

// Island centres: the points are the ones English Wikipedia's infoboxes give
// (Iturup 45°02′N 147°37′E, Kunashir 44°07′N 145°51′E, Shikotan 43°48′N
// 146°45′E), read only through copies (wikiwand.com/en/articles/Iturup and
// others), so not cited. The cited page is the Cabinet Office's description
// of where each island lies (Kunashiri from 16 km off Hokkaido, Etorofu
// 22.5 km north-east of it, Shikotan 22 km north-east of the Habomai group).
// The former source, hoppou.go.jp/gakushu/outline/islands/island1/, and
// en.wikipedia.org/wiki/Iturup could not be read.
const CAO_ISLANDS: &str = "https://www8.cao.go.jp/hoppo/sugata/01.html";
const ETOROFU_C: (f64, f64, &str) = (45.033, 147.617, CAO_ISLANDS);
const KUNASHIRI_C: (f64, f64, &str) = (44.117, 145.850, CAO_ISLANDS);
const SHIKOTAN_C: (f64, f64, &str) = (43.800, 146.750, CAO_ISLANDS);
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
        names: [
            "Kurilsk",
            "紗那",
            "Shana",
            "Курильск",
            "Kurilsk",
            "クリリスク",
            "Сяна",
        ],
        island: "etorofu",
        lat: 45.217,
        lon: 147.883,
        // The coordinate is the article's own (45°13′N 147°53′E); it names
        // the Japanese village 紗那村. The Hokkaido Shimbun-based reports on
        // hoppou.blog write "クリリスク(紗那)" (e.g. https://hoppou.blog/page/16).
        source: "https://en.wikipedia.org/wiki/Kurilsk",
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
            "ゴリャチエ・クリュチ",
            "Сэсэки-онсэн",
        ],
        island: "etorofu",
        lat: 45.033,
        lon: 147.761,
        // Names "択捉島ゴリャチエ・クリュチ(瀬石温泉)" as the seat of the 18th
        // Machine-Gun Artillery Division's headquarters (Krasny Mayak, 2024-05-19).
        // The coordinate itself is not from this page.
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
            "イトゥルップ空港（ヤースヌイ）",
            "Аэропорт Ясный",
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
            "ブレヴェストニク",
            "Тэннэй",
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
            "カサトカ湾",
            "Хитокаппу-ван",
        ],
        island: "etorofu",
        lat: 44.965,
        lon: 147.672,
        source: "https://www.spf.org/islandstudies/jp/info_library/northernterritories-02-geo--05_11.html",
        description: None,
    },
    // Japanese names of Reidovo (別飛) and Lagunnoye (ニキシロ): as hoppou.blog
    // writes them, "レイドヴォ村(別飛)" (https://hoppou.blog/etorofu-162) and
    // "ラグンノエ村(ニキシロ)" (https://hoppou.blog/?p=2916).
    Place {
        id: "reidovo",
        kind: PlaceKind::Settlement,
        names: [
            "Reidovo",
            "別飛",
            "Betobu",
            "Рейдово",
            "Reydovo",
            "レイドヴォ",
            "Бэтобу",
        ],
        island: "etorofu",
        lat: ETOROFU_C.0,
        lon: ETOROFU_C.1,
        // "択捉島レイドヴォ村(別飛)" (Krasny Mayak, 2025-05-17). The Sputnik page
        // cited before (sputniknews.jp/20151104/1116518.html) could not be read.
        source: "https://hoppou.blog/etorofu-162",
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
            "ユジノクリリスク",
            "Фурукамаппу",
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
            "メンデレーエヴォ",
            "Аэропорт Менделеево",
        ],
        island: "kunashiri",
        lat: 43.958,
        lon: 145.683,
        // The coordinate is the article's (43°57′30″N 145°40′59″E). Newspapers
        // naming the airport: Asahi (https://globe.asahi.com/article/11767774);
        // Hokkaido Shimbun, "島南部に旧日本軍が建設"
        // (https://hoppou.blog/20240119-1705625307).
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
            "ラグンノエ",
            "Никисиро",
        ],
        island: "kunashiri",
        lat: KUNASHIRI_C.0,
        lon: KUNASHIRI_C.1,
        // "国後島ラグンノエ村(ニキシロ)", the 46th Machine-Gun Artillery
        // Regiment (unit 71435) (kurilnews.ru, 2023-09-02).
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
            "ゴリャーチー・プリャージ",
            "Горячий Пляж",
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
            "マロクリリスコエ",
            "Сякотан",
        ],
        island: "shikotan",
        lat: 43.871,
        lon: 146.832,
        // "色丹島マロクリリスコエ(斜古丹)村" (a monthly archive page). The
        // coordinate matches Russian Wikipedia's (43°52′15″N 146°49′55″E), read
        // only through a copy; the wikimapia page cited before could not be read.
        source: "https://hoppou.blog/2024/05/page/3",
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
            "クラボザボツコエ",
            "Анама",
        ],
        island: "shikotan",
        lat: SHIKOTAN_C.0,
        lon: SHIKOTAN_C.1,
        // "色丹島クラボザボツコエ(穴澗)" (ShikotanNews, 2023-02-04). Also a
        // newspaper: Sankei on 穴澗村, https://www.sankei.com/politics/news/160730/plt1607300015-n1.html
        source: "https://hoppou.blog/20230206-1675659500",
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
            "ノサップ岬",
            "Носаппу-мисаки",
        ],
        island: "hokkaido",
        lat: 43.385,
        lon: 145.817,
        // Cabinet Secretariat: Kaigara is 3.7 km from 納沙布岬 in Nemuro. The
        // coordinate matches English Wikipedia's (43°23′07″N 145°49′02″E), read
        // only through copies; the easthokkaido.com page could not be read.
        source: "https://www.cas.go.jp/jp/ryodo/kids/hoppou.html",
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
            "シグナーリヌイ",
            "Кайгара-дзима тодай",
        ],
        island: "kaigara",
        lat: 43.397,
        lon: 145.858,
        // Read: the lighthouse covers the whole islet, 3.7 km off Cape
        // Nosappu (the Nemuro Coast Guard's description, quoted there); it
        // gives no coordinate: ours sits on the islet in the outlines.
        source: "https://rensai.jp/544892",
        description: None,
    },
    Place {
        id: "etorofu-centroid",
        kind: PlaceKind::Centroid,
        names: [
            "Etorofu",
            "択捉島",
            "Etorofu-tō",
            "Итуруп",
            "Iturup",
            "イトゥルップ島",
            "Эторофу",
        ],
        island: "etorofu",
        lat: ETOROFU_C.0,
        lon: ETOROFU_C.1,
        source: ETOROFU_C.2,
        description: None,
    },
    Place {
        id: "kunashiri-centroid",
        kind: PlaceKind::Centroid,
        names: [
            "Kunashiri",
            "国後島",
            "Kunashiri-tō",
            "Кунашир",
            "Kunashir",
            "クナシル島",
            "Кунасири",
        ],
        island: "kunashiri",
        lat: KUNASHIRI_C.0,
        lon: KUNASHIRI_C.1,
        source: KUNASHIRI_C.2,
        description: None,
    },
    Place {
        id: "shikotan-centroid",
        kind: PlaceKind::Centroid,
        names: [
            "Shikotan",
            "色丹島",
            "Shikotan-tō",
            "Шикотан",
            "Shikotan",
            "シコタン島",
            "Сикотан",
        ],
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
            "ハボマイ諸島",
            "Хабомаи",
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

/// What `places.geojson` holds for a place: `model::geodata::PlaceProperties`
/// plus the two name forms for translated text, right after `name_ru_romaji`.
/// (Written here until the model's struct carries them.)
#[derive(Serialize)]
struct Properties<'a> {
    id: &'a str,
    kind: PlaceKind,
    name_en: &'a str,
    name_ja: &'a str,
    name_ja_romaji: &'a str,
    name_ru: &'a str,
    name_ru_romaji: &'a str,
    /// The Russian name in katakana, for Japanese text.
    name_ru_kana: &'a str,
    /// The Japanese name in Cyrillic (Polivanov), for Russian text.
    name_ja_cyrillic: &'a str,
    island: &'a str,
    source: &'a str,
    centroid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    coordinate_note: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
}

pub fn all() -> Result<Vec<Item>, Error> {
    PLACES
        .iter()
        .map(|p| {
            let centroid = is_at_centroid(p);
            let props = Properties {
                id: p.id,
                kind: p.kind,
                name_en: p.names[0],
                name_ja: p.names[1],
                name_ja_romaji: p.names[2],
                name_ru: p.names[3],
                name_ru_romaji: p.names[4],
                name_ru_kana: p.names[5],
                name_ja_cyrillic: p.names[6],
                island: p.island,
                source: p.source,
                centroid,
                coordinate_note: (centroid && p.kind != PlaceKind::Centroid)
                    .then_some(NO_COORDINATE),
                description: p.description,
            };
            Item::new(p.id, &props, write::point([p.lon, p.lat]))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `geodata/places.geojson` is what `all()` writes, byte for byte.
    #[test]
    fn places_geojson_is_up_to_date() {
        let path = crate::util::root().join("geodata").join("places.geojson");
        let on_disk = std::fs::read_to_string(&path).unwrap();
        let written = write::collection(&all().unwrap()).unwrap();
        assert!(
            on_disk == written,
            "{} differs from xtask/src/geodata/places.rs",
            path.display()
        );
    }
}
