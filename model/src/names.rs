//! How names are shown: Japanese and Russian side by side, neutrally.
//!
//! Labels use the bare romanised name ("Etorofu", not "Etorofu-tō") the way
//! English-language maps and news do; the panel shows the full forms.

use crate::geodata::LandProperties;
use crate::i18n::{Catalogue, Lang};
use crate::marks::PlaceMark;

/// Which names the reader chose to see.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum NameStyle {
    Japanese,
    Russian,
    #[default]
    Both,
}

impl NameStyle {
    /// What a reader of `lang` sees unless they choose: Japanese readers
    /// the Japanese names, Russian readers the Russian ones, English
    /// readers both.
    pub fn default_for(lang: Lang) -> NameStyle {
        match lang {
            Lang::En => NameStyle::Both,
            Lang::Ja => NameStyle::Japanese,
            Lang::Ru => NameStyle::Russian,
        }
    }

    /// The masthead's note on the names shown ("Names: Japanese / Russian."),
    /// in the catalogue's language (`shell-names-note-*`).
    pub fn convention_note(self, c: &Catalogue) -> String {
        c.text(match self {
            NameStyle::Both => "shell-names-note-both",
            NameStyle::Japanese => "shell-names-note-ja",
            NameStyle::Russian => "shell-names-note-ru",
        })
    }

    /// The choice's name in the names switch (`shell-names-both`, …).
    pub fn choice(self, c: &Catalogue) -> String {
        c.text(match self {
            NameStyle::Both => "shell-names-both",
            NameStyle::Japanese => "shell-names-ja",
            NameStyle::Russian => "shell-names-ru",
        })
    }
}

/// How names are written: the reader's language (which script) and
/// convention (whose names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Naming {
    pub lang: Lang,
    pub style: NameStyle,
}

impl Naming {
    pub fn new(lang: Lang, style: NameStyle) -> Naming {
        Naming { lang, style }
    }

    /// A name in this naming: in English text the romanisations ("Etorofu
    /// / Iturup"), in Japanese text Japanese script (択捉島, イトゥルップ島),
    /// in Russian text Cyrillic (Эторофу, Итуруп); both names always in the
    /// order Japanese / Russian, one when they are the same.
    ///
    /// ```
    /// use model::i18n::Lang;
    /// use model::names::{Forms, NameStyle, Naming};
    /// let etorofu = Forms::new(["Etorofu-tō", "Iturup"], ["択捉島", "Итуруп"], ["Эторофу", "イトゥルップ島"]);
    /// assert_eq!(Naming::new(Lang::Ja, NameStyle::Both).label(&etorofu), "択捉島 / イトゥルップ島");
    /// assert_eq!(Naming::new(Lang::Ru, NameStyle::Japanese).label(&etorofu), "Эторофу");
    /// assert_eq!(Naming::new(Lang::En, NameStyle::Russian).label(&etorofu), "Iturup");
    /// ```
    pub fn label(&self, forms: &Forms) -> String {
        let [ja, ru] = match self.lang {
            Lang::En => [bare_japanese(&forms.ja_romaji), forms.ru_latin.as_str()],
            Lang::Ja => [forms.ja.as_str(), &forms.ru_kana],
            Lang::Ru => [forms.ja_cyrillic.as_str(), &forms.ru],
        };
        match self.style {
            NameStyle::Japanese => ja.to_owned(),
            NameStyle::Russian => ru.to_owned(),
            NameStyle::Both if ja == ru => ja.to_owned(),
            NameStyle::Both => format!("{ja} / {ru}"),
        }
    }

    /// Text with each `{id}` rendered by [`Naming::label`] from
    /// `names(id)`; an unknown id is written bare.
    pub fn render<'a>(&self, text: &str, names: impl Fn(&str) -> Option<&'a Forms>) -> String {
        render_with(text, |id| names(id).map(|f| self.label(f)))
    }

    /// A record's text in this naming: its `template` (with `{id}`
    /// references) rendered, or the text as loaded when it names nothing.
    pub fn text<'a>(
        &self,
        text: &str,
        template: Option<&str>,
        names: impl Fn(&str) -> Option<&'a Forms>,
    ) -> String {
        template.map_or_else(|| text.to_owned(), |t| self.render(t, names))
    }
}

/// Every form a name is shown in: the two romanisations, the two native
/// scripts, and each name in the other language's script (for Japanese and
/// Russian text that uses the other convention).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Forms {
    pub ja_romaji: String,
    pub ru_latin: String,
    pub ja: String,
    pub ru: String,
    /// The Japanese name in Cyrillic (Эторофу).
    pub ja_cyrillic: String,
    /// The Russian name in katakana (イトゥルップ島).
    pub ru_kana: String,
}

impl Forms {
    /// `[ja romaji, ru Latin]`, `[ja, ru]`, `[ja in Cyrillic, ru in kana]`.
    pub fn new(romaji: [&str; 2], native: [&str; 2], crossed: [&str; 2]) -> Forms {
        Forms {
            ja_romaji: romaji[0].into(),
            ru_latin: romaji[1].into(),
            ja: native[0].into(),
            ru: native[1].into(),
            ja_cyrillic: crossed[0].into(),
            ru_kana: crossed[1].into(),
        }
    }

    /// Land that has no crossed forms (Hokkaido, Urup): each script's own
    /// name stands in (北海道 in Japanese text, Хоккайдо in Russian).
    pub fn of_land(p: &LandProperties) -> Forms {
        Forms::new(
            [&p.name_ja_romaji, &p.name_ru_romaji],
            [&p.name_ja, &p.name_ru],
            [&p.name_ru, &p.name_ja],
        )
    }
}

/// Whether a character is Japanese script (kana, kanji, CJK punctuation and
/// full-width forms): the characters the app's bundled CJK font must cover,
/// because many readers' systems have no Japanese font.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{30ff}' // CJK punctuation, hiragana, katakana
        | '\u{31f0}'..='\u{31ff}' // katakana phonetic extensions
        | '\u{3400}'..='\u{4dbf}' // CJK extension A
        | '\u{4e00}'..='\u{9fff}' // CJK unified ideographs
        | '\u{ff00}'..='\u{ffef}' // half- and full-width forms
    )
}

/// Japanese romaji without the generic suffix for "island".
pub fn bare_japanese(romaji: &str) -> &str {
    ["-tō", "-jima", "-shima", "-guntō", " guntō"]
        .iter()
        .find_map(|suffix| romaji.strip_suffix(suffix))
        .unwrap_or(romaji)
}

/// The label for an island in the chosen style, e.g. "Etorofu / Iturup";
/// one name when both are the same ("Shikotan").
pub fn label(p: &LandProperties, style: NameStyle) -> String {
    label_of([&p.name_ja_romaji, &p.name_ru_romaji], style)
}

/// The label made of `[Japanese romaji, Russian Latin]` names, as [`label`]
/// makes it for an island: for groups and anything not drawn as land.
pub fn label_of([ja, ru]: [&str; 2], style: NameStyle) -> String {
    let ja = bare_japanese(ja);
    match style {
        NameStyle::Japanese => ja.to_owned(),
        NameStyle::Russian => ru.to_owned(),
        NameStyle::Both if ja == ru => ja.to_owned(),
        NameStyle::Both => format!("{ja} / {ru}"),
    }
}

/// Text with references rendered: each `{id}` (an island, group or place
/// id) becomes that id's label in `style`, as [`label_of`] makes it from
/// `names(id)`, its `[Japanese romaji, Russian Latin]` names; an id
/// `names` does not know is written bare. The data's titles, summaries and
/// notes are such templates (the validator refuses unknown ids and the
/// disputed islands' names spelt out).
///
/// ```
/// use model::names::{render, NameStyle};
/// let names = |id: &str| (id == "etorofu").then_some(["Etorofu-tō", "Iturup"]);
/// let text = "Missiles on {etorofu}.";
/// assert_eq!(render(text, NameStyle::Both, names), "Missiles on Etorofu / Iturup.");
/// assert_eq!(render(text, NameStyle::Russian, names), "Missiles on Iturup.");
/// ```
pub fn render<'a>(
    text: &str,
    style: NameStyle,
    names: impl Fn(&str) -> Option<[&'a str; 2]>,
) -> String {
    render_with(text, |id| names(id).map(|n| label_of(n, style)))
}

/// Text with each `{id}` replaced by `label(id)`, or by the bare id.
fn render_with(text: &str, label: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some((before, after)) = rest.split_once('{') {
        let Some((id, tail)) = after.split_once('}') else {
            break;
        };
        out.push_str(before);
        match label(id) {
            Some(l) => out.push_str(&l),
            None => out.push_str(id),
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// A place's label in a naming: [`place_label`] in English text (Cape
/// Nosappu keeps its English name), [`Naming::label`] in the others.
pub fn place_label_in(p: &PlaceMark, naming: Naming) -> String {
    match naming.lang {
        Lang::En => place_label(p, naming.style),
        _ => naming.label(&p.forms()),
    }
}

/// The label for a place (a town, a base, a cape) in the chosen style, in
/// Latin letters; its English name when both romanisations agree.
pub fn place_label(p: &PlaceMark, style: NameStyle) -> String {
    match style {
        NameStyle::Japanese => p.name_ja_romaji.clone(),
        NameStyle::Russian => p.name_ru_romaji.clone(),
        NameStyle::Both if p.name_ja_romaji == p.name_ru_romaji => p.name_en.clone(),
        NameStyle::Both => format!("{} / {}", p.name_ja_romaji, p.name_ru_romaji),
    }
}

/// A name as a screen reader hears it on a page in `lang`, whatever the
/// style: in English both romanisations and both scripts ([`accessible`]'s
/// form, from the forms); in Japanese and Russian both conventions in the
/// page's script ("択捉島 / イトゥルップ島", "Эторофу / Итуруп").
pub fn accessible_in(forms: &Forms, lang: Lang) -> String {
    match lang {
        Lang::En => {
            let both = Naming::new(Lang::En, NameStyle::Both).label(forms);
            format!("{both} ({} / {})", forms.ja, forms.ru)
        }
        _ => Naming::new(lang, NameStyle::Both).label(forms),
    }
}

/// Text width in characters for label placement: Japanese script counts
/// two (a CJK character is about twice as wide as a Latin one).
///
/// ```
/// assert_eq!(model::names::width("Etorofu"), 7);
/// assert_eq!(model::names::width("択捉島"), 6);
/// ```
pub fn width(text: &str) -> usize {
    text.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()
}

/// The accessible name: both romanisations and both scripts, whatever the style.
pub fn accessible(p: &LandProperties) -> String {
    format!(
        "{} ({} / {})",
        label(p, NameStyle::Both),
        p.name_ja,
        p.name_ru
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geodata::{LandRole, PlaceKind};

    fn island(ja: &str, ja_romaji: &str, ru: &str, ru_romaji: &str) -> LandProperties {
        LandProperties {
            id: "x".into(),
            role: LandRole::Disputed,
            name_en: ja_romaji.into(),
            name_ja: ja.into(),
            name_ja_romaji: ja_romaji.into(),
            name_ru: ru.into(),
            name_ru_romaji: ru_romaji.into(),
            group: None,
            part_of: None,
            administered_by: "Russia".into(),
            claimed_by: Some("Japan".into()),
            official_area_km2: None,
            official_area_source: None,
            source: "test".into(),
            source_ref: None,
            clipped: false,
            label_at: None,
        }
    }

    #[test]
    fn both_names_side_by_side_and_one_when_equal() {
        let etorofu = island("択捉島", "Etorofu-tō", "Итуруп", "Iturup");
        assert_eq!(label(&etorofu, NameStyle::Both), "Etorofu / Iturup");
        assert_eq!(label(&etorofu, NameStyle::Japanese), "Etorofu");
        assert_eq!(label(&etorofu, NameStyle::Russian), "Iturup");
        let shikotan = island("色丹島", "Shikotan-tō", "Шикотан", "Shikotan");
        assert_eq!(label(&shikotan, NameStyle::Both), "Shikotan");
        let kaigara = island("貝殻島", "Kaigara-jima", "Сигнальный", "Signalny");
        assert_eq!(label(&kaigara, NameStyle::Both), "Kaigara / Signalny");
    }

    fn place(en: &str, ja_romaji: &str, ru_romaji: &str) -> PlaceMark {
        PlaceMark {
            id: "x".into(),
            kind: PlaceKind::Settlement,
            name_en: en.into(),
            name_ja: "x".into(),
            name_ja_romaji: ja_romaji.into(),
            name_ru: "x".into(),
            name_ru_romaji: ru_romaji.into(),
            name_ru_kana: "x".into(),
            name_ja_cyrillic: "x".into(),
            at: [145.86, 44.02],
            centroid: false,
        }
    }

    #[test]
    fn place_names_side_by_side_and_the_english_one_when_equal() {
        let town = place("Yuzhno-Kurilsk", "Furukamappu", "Yuzhno-Kurilsk");
        assert_eq!(
            place_label(&town, NameStyle::Both),
            "Furukamappu / Yuzhno-Kurilsk"
        );
        assert_eq!(place_label(&town, NameStyle::Japanese), "Furukamappu");
        assert_eq!(place_label(&town, NameStyle::Russian), "Yuzhno-Kurilsk");
        let cape = place("Cape Nosappu", "Nosappu", "Nosappu");
        assert_eq!(place_label(&cape, NameStyle::Both), "Cape Nosappu");
    }

    #[test]
    fn references_render_in_the_chosen_style() {
        let names = |id: &str| match id {
            "kunashiri" => Some(["Kunashiri-tō", "Kunashir"]),
            "shikotan" => Some(["Shikotan-tō", "Shikotan"]),
            "yuzhno-kurilsk" => Some(["Furukamappu", "Yuzhno-Kurilsk"]),
            _ => None,
        };
        let text = "From {yuzhno-kurilsk} on {kunashiri} to {shikotan}.";
        assert_eq!(
            render(text, NameStyle::Both, names),
            "From Furukamappu / Yuzhno-Kurilsk on Kunashiri / Kunashir to Shikotan."
        );
        assert_eq!(
            render(text, NameStyle::Japanese, names),
            "From Furukamappu on Kunashiri to Shikotan."
        );
        assert_eq!(
            render(text, NameStyle::Russian, names),
            "From Yuzhno-Kurilsk on Kunashir to Shikotan."
        );
        // Text without references, an unknown id and an unclosed brace.
        assert_eq!(render("The Kurils", NameStyle::Both, names), "The Kurils");
        assert_eq!(render("{nowhere} x", NameStyle::Both, names), "nowhere x");
        assert_eq!(render("a {b", NameStyle::Both, names), "a {b");
        assert_eq!(render("{kunashiri}", NameStyle::Russian, names), "Kunashir");
    }

    #[test]
    fn the_accessible_name_carries_both_scripts() {
        let kunashiri = island("国後島", "Kunashiri-tō", "Кунашир", "Kunashir");
        assert_eq!(
            accessible(&kunashiri),
            "Kunashiri / Kunashir (国後島 / Кунашир)"
        );
    }
}
