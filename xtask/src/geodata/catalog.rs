//! The named land the map shows: ids, names, and how each is found in the
//! sources (by a known point, never by file order).

use model::geodata::LandRole;

/// How a catalogue entry finds its polygons in a source.
#[derive(Debug, Clone, Copy)]
pub enum Anchor {
    /// The polygon containing this `[lon, lat]`, else the nearest one within `max_km`.
    Point { at: [f64; 2], max_km: f64 },
    /// Every polygon within `radius_km` of this point (a group of rocks).
    Cluster { at: [f64; 2], radius_km: f64 },
}

/// Which source an entry's outline comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// GSHHG only (detail; no official area to measure against).
    Gshhg,
    /// Measure both against the official area: GSHHG (far more detail)
    /// while its error is within [`GSHHG_SHARE_OF_TOLERANCE`] of the
    /// island's tolerance, else whichever source is closer.
    ByArea,
}

/// How far a measured area may be from the official one: 3% for the three
/// large islands, 8% for the Habomai islets (their outlines are a few
/// hundred metres across, so a coastline offset of tens of metres matters).
pub fn area_tolerance(e: &Entry) -> f64 {
    if e.group == Some("habomai") {
        0.08
    } else {
        0.03
    }
}

/// GSHHG is kept while its error uses at most this share of the tolerance.
pub const GSHHG_SHARE_OF_TOLERANCE: f64 = 0.75;

pub const OFFICIAL_AREA_SOURCE: &str = "Geospatial Information Authority of Japan, areas as of Reiwa 3 (2021), via https://www.hoppou.go.jp/archives/basics/islands1.html";

#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub id: &'static str,
    pub role: LandRole,
    pub name_en: &'static str,
    pub name_ja: &'static str,
    pub name_ja_romaji: &'static str,
    pub name_ru: &'static str,
    pub name_ru_romaji: &'static str,
    /// Russian "near X" for the islets grouped under this island.
    pub ru_near: &'static str,
    pub ru_near_romaji: &'static str,
    pub group: Option<&'static str>,
    pub administered_by: &'static str,
    pub claimed_by: Option<&'static str>,
    pub official_area_km2: Option<f64>,
    pub anchor: Anchor,
    pub choice: Choice,
    /// Far from the dispute: simplified more at every level ([`Detail::Far`]).
    pub detail: Detail,
}

/// How much detail an entry keeps at each level of detail.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Detail {
    /// The levels' own tolerances (the disputed islands and the land around them).
    Near,
    /// Context far from the disputed islands (north of Urup, Kamchatka, the
    /// mainland, Sakhalin): the levels' `far_*` tolerances.
    Far,
}

const fn point(lon: f64, lat: f64, max_km: f64) -> Anchor {
    Anchor::Point {
        at: [lon, lat],
        max_km,
    }
}

#[allow(clippy::too_many_arguments)]
const fn disputed(
    id: &'static str,
    names: [&'static str; 7],
    group: Option<&'static str>,
    official_area_km2: Option<f64>,
    anchor: Anchor,
    choice: Choice,
) -> Entry {
    Entry {
        id,
        role: LandRole::Disputed,
        name_en: names[0],
        name_ja: names[1],
        name_ja_romaji: names[2],
        name_ru: names[3],
        name_ru_romaji: names[4],
        ru_near: names[5],
        ru_near_romaji: names[6],
        group,
        administered_by: "Russia",
        claimed_by: Some("Japan"),
        official_area_km2,
        anchor,
        choice,
        detail: Detail::Near,
    }
}

const fn context(
    id: &'static str,
    names: [&'static str; 5],
    administered_by: &'static str,
    anchor: Anchor,
) -> Entry {
    Entry {
        id,
        role: LandRole::Context,
        name_en: names[0],
        name_ja: names[1],
        name_ja_romaji: names[2],
        name_ru: names[3],
        name_ru_romaji: names[4],
        ru_near: "",
        ru_near_romaji: "",
        group: None,
        administered_by,
        claimed_by: None,
        official_area_km2: None,
        anchor,
        choice: Choice::Gshhg,
        detail: Detail::Near,
    }
}

/// Context land far from the dispute, simplified more ([`Detail::Far`]).
const fn far(
    id: &'static str,
    names: [&'static str; 5],
    administered_by: &'static str,
    anchor: Anchor,
) -> Entry {
    Entry {
        detail: Detail::Far,
        ..context(id, names, administered_by, anchor)
    }
}

const H: Option<&str> = Some("habomai");

/// In output order: the disputed islands, then context land.
pub const ENTRIES: &[Entry] = &[
    disputed(
        "etorofu",
        [
            "Etorofu",
            "択捉島",
            "Etorofu-tō",
            "Итуруп",
            "Iturup",
            "у Итурупа",
            "u Iturupa",
        ],
        None,
        Some(3166.6),
        point(147.617, 45.033, 5.0),
        Choice::ByArea,
    ),
    disputed(
        "kunashiri",
        [
            "Kunashiri",
            "国後島",
            "Kunashiri-tō",
            "Кунашир",
            "Kunashir",
            "у Кунашира",
            "u Kunashira",
        ],
        None,
        Some(1489.3),
        point(145.850, 44.117, 5.0),
        Choice::ByArea,
    ),
    disputed(
        "shikotan",
        [
            "Shikotan",
            "色丹島",
            "Shikotan-tō",
            "Шикотан",
            "Shikotan",
            "у Шикотана",
            "u Shikotana",
        ],
        None,
        Some(247.7),
        point(146.750, 43.800, 5.0),
        Choice::ByArea,
    ),
    disputed(
        "suisho",
        [
            "Suisho",
            "水晶島",
            "Suishō-tō",
            "Танфильева",
            "Tanfilyeva",
            "у острова Танфильева",
            "u ostrova Tanfilyeva",
        ],
        H,
        Some(12.1),
        point(145.917, 43.433, 2.0),
        Choice::ByArea,
    ),
    disputed(
        "yuri",
        [
            "Yuri",
            "勇留島",
            "Yuri-tō",
            "Юрий",
            "Yuriy",
            "у острова Юрий",
            "u ostrova Yuriy",
        ],
        H,
        Some(9.9),
        point(146.067, 43.417, 2.0),
        Choice::ByArea,
    ),
    disputed(
        "akiyuri",
        [
            "Akiyuri",
            "秋勇留島",
            "Akiyuri-tō",
            "Анучина",
            "Anuchina",
            "у острова Анучина",
            "u ostrova Anuchina",
        ],
        H,
        Some(2.1),
        point(146.000, 43.367, 2.0),
        Choice::ByArea,
    ),
    disputed(
        "shibotsu",
        [
            "Shibotsu",
            "志発島",
            "Shibotsu-tō",
            "Зелёный",
            "Zelyony",
            "у острова Зелёный",
            "u ostrova Zelyony",
        ],
        H,
        Some(58.3),
        point(146.133, 43.500, 2.0),
        Choice::ByArea,
    ),
    disputed(
        "taraku",
        [
            "Taraku",
            "多楽島",
            "Taraku-tō",
            "Полонского",
            "Polonskogo",
            "у острова Полонского",
            "u ostrova Polonskogo",
        ],
        H,
        Some(10.9),
        point(146.317, 43.633, 2.0),
        Choice::ByArea,
    ),
    // Dyomin islands, 43°25′N 146°10′E (ru.wikipedia «Острова Дёмина»): a few rocks.
    disputed(
        "harukaru",
        [
            "Harukaru",
            "春苅島",
            "Harukaru-tō",
            "Дёмина",
            "Dyomina",
            "у островов Дёмина",
            "u ostrovov Dyomina",
        ],
        H,
        None,
        Anchor::Cluster {
            at: [146.167, 43.417],
            radius_km: 2.5,
        },
        Choice::Gshhg,
    ),
    // Lighthouse at 43°23.8′N 145°51.5′E (lighthouse-japan.com); GSHHG's
    // nearest rock lies about 1.4 km east-south-east of it.
    disputed(
        "kaigara",
        [
            "Kaigara",
            "貝殻島",
            "Kaigara-jima",
            "Сигнальный",
            "Signalny",
            "у острова Сигнальный",
            "u ostrova Signalny",
        ],
        H,
        None,
        point(145.8583, 43.3967, 2.0),
        Choice::Gshhg,
    ),
    context(
        "hokkaido",
        ["Hokkaido", "北海道", "Hokkaidō", "Хоккайдо", "Khokkaido"],
        "Japan",
        point(142.8, 43.5, 0.0),
    ),
    context(
        "honshu",
        ["Honshu", "本州", "Honshū", "Хонсю", "Khonsyu"],
        "Japan",
        point(141.18, 41.29, 0.0),
    ),
    far(
        "sakhalin",
        ["Sakhalin", "サハリン", "Saharin", "Сахалин", "Sakhalin"],
        "Russia",
        point(142.73, 46.96, 0.0),
    ),
    context(
        "urup",
        ["Urup", "得撫島", "Uruppu-tō", "Уруп", "Urup"],
        "Russia",
        point(149.96, 45.90, 0.0),
    ),
    context(
        "rishiri",
        ["Rishiri", "利尻島", "Rishiri-tō", "Рисири", "Risiri"],
        "Japan",
        point(141.24, 45.18, 3.0),
    ),
    context(
        "rebun",
        ["Rebun", "礼文島", "Rebun-tō", "Ребун", "Rebun"],
        "Japan",
        point(141.02, 45.38, 3.0),
    ),
    context(
        "okushiri",
        ["Okushiri", "奥尻島", "Okushiri-tō", "Окусири", "Okusiri"],
        "Japan",
        point(139.48, 42.15, 3.0),
    ),
    context(
        "teuri",
        ["Teuri", "天売島", "Teuri-tō", "Тэури", "Teuri"],
        "Japan",
        point(141.31, 44.43, 2.0),
    ),
    context(
        "yagishiri",
        ["Yagishiri", "焼尻島", "Yagishiri-tō", "Ягисири", "Yagisiri"],
        "Japan",
        point(141.41, 44.435, 2.0),
    ),
    context(
        "oshima-oshima",
        [
            "Oshima-Ōshima",
            "渡島大島",
            "Oshima-Ōshima",
            "Осима",
            "Osima",
        ],
        "Japan",
        point(139.36, 41.51, 2.0),
    ),
    context(
        "oshima-kojima",
        [
            "Oshima-Kojima",
            "渡島小島",
            "Oshima-Kojima",
            "Кодзима",
            "Kodzima",
        ],
        "Japan",
        point(139.80, 41.36, 2.0),
    ),
    context(
        "yururi",
        ["Yururi", "ユルリ島", "Yururi-tō", "Юрури", "Yururi"],
        "Japan",
        point(145.597, 43.213, 1.0),
    ),
    context(
        "moneron",
        ["Moneron", "海馬島", "Todo-jima", "Монерон", "Moneron"],
        "Russia",
        point(141.23, 46.25, 3.0),
    ),
    context(
        "chirpoi",
        ["Chirpoi", "知理保以島", "Chirihoi-tō", "Чирпой", "Chirpoy"],
        "Russia",
        point(150.87, 46.52, 3.0),
    ),
    context(
        "brat-chirpoyev",
        [
            "Brat Chirpoyev",
            "ブラット・チルポエフ島",
            "Buratto Chirupoefu-tō",
            "Брат Чирпоев",
            "Brat Chirpoyev",
        ],
        "Russia",
        point(150.81, 46.46, 3.0),
    ),
    context(
        "broutona",
        [
            "Broutona",
            "ブロウトン島",
            "Burouton-tō",
            "Броутона",
            "Broutona",
        ],
        "Russia",
        point(150.73, 46.72, 3.0),
    ),
    // The rest of the Kuril chain, Urup (above) to Shumshu, south to north,
    // as English Wikipedia's "Kuril Islands" lists them with their Japanese
    // and Russian names (en.wikipedia.org/wiki/Kuril_Islands, "Islands");
    // each point is inside the island's GSHHG outline. Not disputed: Japan
    // renounced them in 1951 and claims none of them.
    far(
        "simushir",
        ["Simushir", "新知島", "Shinshiru-tō", "Симушир", "Simushir"],
        "Russia",
        point(152.00, 46.97, 3.0),
    ),
    far(
        "ketoy",
        ["Ketoy", "計吐夷島", "Ketoi-tō", "Кетой", "Ketoy"],
        "Russia",
        point(152.48, 47.34, 3.0),
    ),
    far(
        "ushishir",
        ["Ushishir", "宇志知島", "Ushishiru-tō", "Ушишир", "Ushishir"],
        "Russia",
        point(152.81, 47.515, 2.0),
    ),
    far(
        "rasshua",
        ["Rasshua", "羅処和島", "Rashowa-tō", "Расшуа", "Rasshua"],
        "Russia",
        point(153.01, 47.75, 3.0),
    ),
    far(
        "matua",
        ["Matua", "松輪島", "Matsuwa-tō", "Матуа", "Matua"],
        "Russia",
        point(153.22, 48.08, 3.0),
    ),
    far(
        "raikoke",
        ["Raikoke", "雷公計島", "Raikoke-tō", "Райкоке", "Raykoke"],
        "Russia",
        point(153.25, 48.29, 2.0),
    ),
    far(
        "chirinkotan",
        [
            "Chirinkotan",
            "知林古丹島",
            "Chirinkotan-tō",
            "Чиринкотан",
            "Chirinkotan",
        ],
        "Russia",
        point(153.49, 48.98, 2.0),
    ),
    far(
        "ekarma",
        ["Ekarma", "越渇磨島", "Ekaruma-tō", "Экарма", "Ekarma"],
        "Russia",
        point(153.95, 48.95, 2.0),
    ),
    far(
        "shiashkotan",
        [
            "Shiashkotan",
            "捨子古丹島",
            "Shasukotan-tō",
            "Шиашкотан",
            "Shiashkotan",
        ],
        "Russia",
        point(154.10, 48.82, 3.0),
    ),
    far(
        "kharimkotan",
        [
            "Kharimkotan",
            "春牟古丹島",
            "Harumukotan-tō",
            "Харимкотан",
            "Kharimkotan",
        ],
        "Russia",
        point(154.52, 49.12, 3.0),
    ),
    far(
        "onekotan",
        [
            "Onekotan",
            "温禰古丹島",
            "Onnekotan-tō",
            "Онекотан",
            "Onekotan",
        ],
        "Russia",
        point(154.75, 49.45, 3.0),
    ),
    far(
        "makanrushi",
        [
            "Makanrushi",
            "磨勘留島",
            "Makanru-tō",
            "Маканруши",
            "Makanrushi",
        ],
        "Russia",
        point(154.43, 49.77, 3.0),
    ),
    far(
        "antsiferov",
        [
            "Antsiferov",
            "志林規島",
            "Shirinki-tō",
            "Анциферова",
            "Antsiferova",
        ],
        "Russia",
        point(154.985, 50.20, 2.0),
    ),
    far(
        "paramushir",
        [
            "Paramushir",
            "幌筵島",
            "Horomushiro-tō",
            "Парамушир",
            "Paramushir",
        ],
        "Russia",
        point(155.70, 50.40, 3.0),
    ),
    far(
        "atlasov",
        ["Atlasov", "阿頼度島", "Araido-tō", "Атласова", "Atlasova"],
        "Russia",
        point(155.56, 50.86, 3.0),
    ),
    far(
        "shumshu",
        ["Shumshu", "占守島", "Shumushu-tō", "Шумшу", "Shumshu"],
        "Russia",
        point(156.35, 50.75, 3.0),
    ),
    // The nearby coasts, cut by the map's edge: both are pieces of GSHHG's
    // Eurasia polygon, told apart by a point inside each.
    far(
        "kamchatka",
        [
            "Kamchatka",
            "カムチャツカ半島",
            "Kamuchatsuka-hantō",
            "Камчатка",
            "Kamchatka",
        ],
        "Russia",
        point(157.20, 51.60, 0.0),
    ),
    far(
        "mainland",
        [
            "Asian mainland",
            "アジア大陸",
            "Ajia tairiku",
            "Азиатский материк",
            "Aziatskiy materik",
        ],
        "Russia",
        point(139.60, 50.00, 0.0),
    ),
];
