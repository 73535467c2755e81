//! The disputed islands and their groups as data (`geodata/islands.toml`):
//! names, group membership, the day each passed to Soviet control, official
//! areas and population counts, each with its source. Who administered an
//! island on a date is an [`Administration`], computed here and worded in
//! one place ([`Administration::name`]).
//!
//! The server parses the file once ([`Islands::parse`], feature `loader`),
//! checks it against the land outlines ([`Islands::check_land`]) and sends it
//! to the app inside the land answer (`/api/geo/shapes`), so the panel, the
//! labels and the link previews read the same facts.

use crate::events::{Date, SourceKind};
use crate::i18n::Catalogue;
use crate::names::NameStyle;
use serde::{Deserialize, Serialize};

/// Every disputed island and group, with the dates administration changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Islands {
    /// From this day the Russian Federation administers what the Soviet Union did.
    pub soviet_union_ended: Date,
    // Not in the app's decoder (wasm budget): the panels that show it are drawn by the server.
    #[cfg(feature = "loader")]
    pub soviet_union_ended_source: String,
    pub islands: Vec<Island>,
    /// Groups told as one (the Habomai islets): each has `members`.
    pub groups: Vec<Island>,
}

/// A population count on a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Count {
    pub people: u32,
    pub as_of: Date,
    /// What the number means beyond the count, e.g. "border guards only".
    pub note: Option<String>,
    pub publisher: String,
    pub source: String,
    /// What kind of publisher `source` is (required by the loader).
    pub kind: Option<SourceKind>,
    /// Why the figure needs care, e.g. a secondary source's; required when
    /// `kind` is a blog, an encyclopedia or a republisher.
    pub caveat: Option<String>,
    /// The publisher and caveat in Japanese and Russian (the project's
    /// translation); the server puts them in place for `?lang=`.
    pub ja: Option<CountText>,
    pub ru: Option<CountText>,
}

/// A count's words in another language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
#[serde(deny_unknown_fields)]
pub struct CountText {
    pub publisher: String,
    pub caveat: Option<String>,
    /// The count's `note`, where it has one.
    pub note: Option<String>,
}

/// One island (or islet) the map shows as disputed, or a group of them: one
/// shape for both, so what names them, dates them and counts them is
/// written and decoded once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "mini", derive(miniserde::Deserialize))]
#[serde(deny_unknown_fields)]
pub struct Island {
    pub id: String,
    /// A group's island ids, each listed in `islands`; `None` for an island.
    pub members: Option<Vec<String>>,
    pub name_en: String,
    pub name_ja: String,
    pub name_ja_romaji: String,
    pub name_ru: String,
    pub name_ru_romaji: String,
    /// The Russian name in katakana (イトゥルップ島) and the Japanese in
    /// Cyrillic (Эторофу): for Japanese and Russian text in the other
    /// convention ([`crate::names::Forms`]).
    pub name_ru_kana: String,
    pub name_ja_cyrillic: String,
    /// The day it passed to Soviet control; islets of a group take the group's.
    pub soviet_control: Option<Date>,
    // Not in the app's decoder (wasm budget): the panels that show it are drawn by the server.
    #[cfg(feature = "loader")]
    pub soviet_control_source: Option<String>,
    /// Japan's official area, with when, by whom and where it was published.
    /// Flat fields, not nested tables: each nested type the app decodes
    /// costs it about 250 bytes of wasm (brotli).
    // Not in the app's decoder (wasm budget): the panels that show it are drawn by the server.
    #[cfg(feature = "loader")]
    pub official_area_km2: Option<f64>,
    #[cfg(feature = "loader")]
    pub official_area_as_of: Option<String>,
    #[cfg(feature = "loader")]
    pub official_area_publisher: Option<String>,
    /// The publisher's name in Japanese and in Russian (the project's
    /// translation; required with `official_area_publisher`).
    #[cfg(feature = "loader")]
    pub official_area_publisher_ja: Option<String>,
    #[cfg(feature = "loader")]
    pub official_area_publisher_ru: Option<String>,
    #[cfg(feature = "loader")]
    pub official_area_source: Option<String>,
    /// Counts of its own (`[]` for islets counted with their group).
    // Not in the app's decoder (wasm budget): the panels that show it are drawn by the server.
    #[cfg(feature = "loader")]
    pub population: Vec<Count>,
}

/// Who administered an island on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Administration {
    Japan,
    SovietUnion,
    Russia,
}

impl Administration {
    /// The administering state, as the panel and the API write it.
    pub fn name(self) -> &'static str {
        match self {
            Administration::Japan => "Japan",
            Administration::SovietUnion => "Soviet Union",
            Administration::Russia => "Russia",
        }
    }

    /// The administering state inside a sentence: "administered by the Soviet Union".
    pub fn in_sentence(self) -> &'static str {
        match self {
            Administration::SovietUnion => "the Soviet Union",
            other => other.name(),
        }
    }

    /// The catalogue key's value part: `japan`, `soviet-union`, `russia`.
    fn key(self) -> &'static str {
        match self {
            Administration::Japan => "japan",
            Administration::SovietUnion => "soviet-union",
            Administration::Russia => "russia",
        }
    }

    /// The administering state in the catalogue's language (`admin-…`).
    pub fn label(self, catalogue: &crate::i18n::Catalogue) -> String {
        catalogue.text(&format!("admin-{}", self.key()))
    }

    /// "administered by the Soviet Union" in the catalogue's language
    /// (`admin-by-…`): Russian declines the state's name.
    pub fn held_by(self, catalogue: &crate::i18n::Catalogue) -> String {
        catalogue.text(&format!("admin-by-{}", self.key()))
    }

    /// Whether Japan, which claims the islands, held them then: no claim to show.
    pub fn is_japan(self) -> bool {
        self == Administration::Japan
    }
}

impl Islands {
    /// The islands with their counts' words in `lang` (the project's
    /// translation), English where there is none.
    #[cfg(feature = "loader")]
    pub fn in_language(&self, lang: crate::i18n::Lang) -> Islands {
        let mut out = self.clone();
        for island in out.islands.iter_mut().chain(out.groups.iter_mut()) {
            for count in &mut island.population {
                let text = match lang {
                    crate::i18n::Lang::En => None,
                    crate::i18n::Lang::Ja => count.ja.take(),
                    crate::i18n::Lang::Ru => count.ru.take(),
                };
                if let Some(t) = text {
                    count.publisher = t.publisher;
                    count.caveat = t.caveat.or(count.caveat.take());
                    count.note = t.note.or(count.note.take());
                }
                count.ja = None;
                count.ru = None;
            }
        }
        out
    }
}

impl Island {
    /// `[Japanese romaji, Russian Latin]`, the names labels are made of.
    pub fn romaji(&self) -> [&str; 2] {
        [&self.name_ja_romaji, &self.name_ru_romaji]
    }

    /// Every form of its name.
    pub fn forms(&self) -> crate::names::Forms {
        crate::names::Forms::new(
            self.romaji(),
            self.native(),
            [&self.name_ja_cyrillic, &self.name_ru_kana],
        )
    }

    /// `[Japanese, Russian]` in their own scripts.
    pub fn native(&self) -> [&str; 2] {
        [&self.name_ja, &self.name_ru]
    }

    /// A group's member ids; none for an island.
    pub fn members(&self) -> &[String] {
        self.members.as_deref().unwrap_or_default()
    }
}

impl Islands {
    pub fn island(&self, id: &str) -> Option<&Island> {
        self.islands.iter().find(|i| i.id == id)
    }

    pub fn group(&self, id: &str) -> Option<&Island> {
        self.groups.iter().find(|g| g.id == id)
    }

    /// The island or group with this id.
    pub fn find(&self, id: &str) -> Option<&Island> {
        self.island(id).or_else(|| self.group(id))
    }

    /// The order the island list gives: the islands not in a group, then
    /// each group followed by its members (`true`: a member, listed under
    /// its group).
    pub fn list_order(&self) -> Vec<(&Island, bool)> {
        let mut out = Vec::new();
        for island in &self.islands {
            if self.group_of(&island.id).is_none() {
                out.push((island, false));
            }
        }
        for group in &self.groups {
            out.push((group, false));
            for member in group.members().iter().filter_map(|m| self.island(m)) {
                out.push((member, true));
            }
        }
        out
    }

    /// The group an island belongs to.
    pub fn group_of(&self, island: &str) -> Option<&Island> {
        self.groups
            .iter()
            .find(|g| g.members().iter().any(|m| m == island))
    }

    /// Whether choosing `chosen` (an `island=` id) selects the outline `id`
    /// (`part_of` an island, for unnamed islets): the island itself, or
    /// every outline of a chosen group's members.
    pub fn selects(&self, chosen: &str, id: &str, part_of: Option<&str>) -> bool {
        let island = part_of.unwrap_or(id);
        chosen == id || self.group_of(island).is_some_and(|g| g.id == chosen)
    }

    /// What a panel tells the story of: an islet's group, else the id itself.
    pub fn story_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.group_of(id).map_or(id, |g| g.id.as_str())
    }

    /// Every island and group id, islands first.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        let islands = self.islands.iter().map(|i| i.id.as_str());
        islands.chain(self.groups.iter().map(|g| g.id.as_str()))
    }

    /// The day `id` (an island or a group) passed to Soviet control.
    pub fn soviet_control(&self, id: &str) -> Option<Date> {
        let own = self.find(id).and_then(|i| i.soviet_control);
        own.or_else(|| self.group_of(id)?.soviet_control)
    }

    /// The first day any island passed to Soviet control: where the 1945 era begins.
    pub fn first_soviet_control(&self) -> Option<Date> {
        let all = self.islands.iter().chain(&self.groups);
        all.filter_map(|i| i.soviet_control).min()
    }

    /// The page header's sentence on who held the islands on `date`: the
    /// header follows the map's date (in 1855 it must not say Russia), in
    /// the catalogue's words (`shell-held-*`).
    ///
    /// ```
    /// # use model::islands::Islands;
    /// # use model::events::Date;
    /// let islands = Islands::parse("islands.toml", r#"
    ///     soviet_union_ended = "1991-12-26"
    ///     soviet_union_ended_source = "https://example.org/a"
    ///     groups = []
    ///     [[islands]]
    ///     id = "etorofu"
    ///     name_en = "Etorofu"
    ///     name_ja = "択捉島"
    ///     name_ja_romaji = "Etorofu-tō"
    ///     name_ru = "Итуруп"
    ///     name_ru_romaji = "Iturup"
    ///     name_ru_kana = "イトゥルップ島"
    ///     name_ja_cyrillic = "Эторофу"
    ///     soviet_control = "1945-08-28"
    ///     soviet_control_source = "https://example.org/b"
    ///     population = []
    ///     [[islands]]
    ///     id = "shikotan"
    ///     name_en = "Shikotan"
    ///     name_ja = "色丹島"
    ///     name_ja_romaji = "Shikotan-tō"
    ///     name_ru = "Шикотан"
    ///     name_ru_romaji = "Shikotan"
    ///     name_ru_kana = "シコタン島"
    ///     name_ja_cyrillic = "Сикотан"
    ///     soviet_control = "1945-09-01"
    ///     soviet_control_source = "https://example.org/c"
    ///     population = []
    /// "#).expect("a valid file");
    /// let c = model::i18n::Catalogue::parse(model::i18n::Lang::En, &[("f.ftl",
    ///     "shell-held-japan = J\nshell-held-occupying = O\nshell-held-soviet = S\nshell-held-russia = R")]).unwrap();
    /// let on = |y, m, d| islands.held_on(Date::new(y, m, d).unwrap(), &c);
    /// assert_eq!(on(1855, 3, 1), "J");
    /// assert_eq!(on(1945, 8, 30), "O");
    /// assert_eq!(on(1960, 1, 1), "S");
    /// assert_eq!(on(2026, 1, 1), "R");
    /// ```
    pub fn held_on(&self, date: Date, c: &Catalogue) -> String {
        let all = || self.islands.iter().chain(&self.groups);
        let first = all().filter_map(|i| i.soviet_control).min();
        let last = all().filter_map(|i| i.soviet_control).max();
        c.text(match (first, last) {
            (Some(first), _) if date < first => "shell-held-japan",
            (_, Some(last)) if date < last => "shell-held-occupying",
            _ if date < self.soviet_union_ended => "shell-held-soviet",
            _ => "shell-held-russia",
        })
    }

    /// The masthead's note under the title, in `catalogue`'s language: the
    /// names convention, then who held the islands on `date` (`None`:
    /// today), from the `shell-names-note-…` and `shell-held-…` messages.
    /// The server's first paint shows it before the app runs.
    pub fn masthead_note(&self, names: NameStyle, date: Option<Date>, c: &Catalogue) -> String {
        // Today is after the Soviet Union ended: the same wording.
        let held = self.held_on(date.unwrap_or(self.soviet_union_ended), c);
        c.format(
            "shell-masthead-note",
            &[
                ("names", names.convention_note(c).into()),
                ("held", held.into()),
            ],
        )
    }

    /// Who administered `id` (an island or a group) on `date`; `None` for an
    /// id this file does not list.
    ///
    /// ```
    /// # use model::islands::{Administration, Islands};
    /// # use model::events::Date;
    /// let islands = Islands::parse("islands.toml", r#"
    ///     soviet_union_ended = "1991-12-26"
    ///     soviet_union_ended_source = "https://example.org/a"
    ///     groups = []
    ///     [[islands]]
    ///     id = "shikotan"
    ///     name_en = "Shikotan"
    ///     name_ja = "色丹島"
    ///     name_ja_romaji = "Shikotan-tō"
    ///     name_ru = "Шикотан"
    ///     name_ru_romaji = "Shikotan"
    ///     name_ru_kana = "シコタン島"
    ///     name_ja_cyrillic = "Сикотан"
    ///     soviet_control = "1945-09-01"
    ///     soviet_control_source = "https://example.org/b"
    ///     population = []
    /// "#).expect("a valid file");
    /// let on = |y, m, d| islands.administration("shikotan", Date::new(y, m, d).unwrap());
    /// assert_eq!(on(1945, 8, 31), Some(Administration::Japan));
    /// assert_eq!(on(1960, 1, 1), Some(Administration::SovietUnion));
    /// assert_eq!(on(1991, 12, 26), Some(Administration::Russia));
    /// ```
    pub fn administration(&self, id: &str, date: Date) -> Option<Administration> {
        let soviet = self.soviet_control(id)?;
        Some(if date < soviet {
            Administration::Japan
        } else if date < self.soviet_union_ended {
            Administration::SovietUnion
        } else {
            Administration::Russia
        })
    }

    /// Who published `id`'s official area, named in `lang` (the project's
    /// translation), with the year of the figures and where it is stated.
    #[cfg(feature = "loader")]
    pub fn area_publisher(&self, id: &str, lang: crate::i18n::Lang) -> Option<(&str, &str, &str)> {
        let island = self.find(id)?;
        let name = match lang {
            crate::i18n::Lang::En => island.official_area_publisher.as_deref(),
            crate::i18n::Lang::Ja => island.official_area_publisher_ja.as_deref(),
            crate::i18n::Lang::Ru => island.official_area_publisher_ru.as_deref(),
        }?;
        Some((
            name,
            island.official_area_as_of.as_deref()?,
            island.official_area_source.as_deref()?,
        ))
    }

    /// The latest population count of `id`; an islet's is its group's.
    #[cfg(feature = "loader")]
    pub fn population(&self, id: &str) -> Option<&Count> {
        let own = self.find(id).map(|i| &i.population);
        let counts = match own {
            Some(counts) if !counts.is_empty() => counts,
            _ => &self.group_of(id)?.population,
        };
        counts.iter().max_by_key(|c| c.as_of)
    }
}

#[cfg(feature = "loader")]
mod load;

/// The committed `geodata/islands.toml`, for tests that need real islands.
#[cfg(all(test, feature = "loader"))]
pub(crate) fn committed() -> Islands {
    let text = include_str!("../../geodata/islands.toml");
    Islands::parse("geodata/islands.toml", text).unwrap_or_else(|e| panic!("{e:?}"))
}

#[cfg(test)]
mod tests;
