//! Reading `geodata/islands.toml`: strict parsing, then the checks that keep
//! it whole (unique ids, groups whose members exist, a Soviet-control date
//! for every island) and in step with the land outlines.

use super::{Island, Islands};
use crate::events::{DataError, Known, SourceKind, Spelling};
use crate::geodata::{LandCollection, LandRole, PlaceCollection};
use crate::names::Forms;
use std::collections::BTreeMap;

impl Islands {
    /// Parses and checks `text` (the file `name`); every problem names its
    /// line and field.
    pub fn parse(name: &str, text: &str) -> Result<Islands, Vec<DataError>> {
        let islands: Islands = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| line_of(text, s.start));
            vec![error(name, line, "", e.message().trim())]
        })?;
        let file = File { name, text };
        let errors = islands.problems(&file);
        if errors.is_empty() {
            Ok(islands)
        } else {
            Err(errors)
        }
    }

    fn problems(&self, file: &File) -> Vec<DataError> {
        let mut errors = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for id in self.ids() {
            let line = file.line_of_id(id);
            if !is_slug(id) {
                errors.push(file.error(line, "id", format!("{id:?} is not a lowercase-hyphen id")));
            }
            if !seen.insert(id) {
                errors.push(file.error(line, "id", format!("{id:?} is listed twice")));
            }
        }
        for group in &self.groups {
            if group.members().is_empty() {
                let line = file.line_of_id(&group.id);
                errors.push(file.error(line, "members", "a group needs its member islands"));
            }
            for member in group.members() {
                let line = file.line_of_id(&group.id);
                if self.island(member).is_none() {
                    let message = format!("member {member:?} is not an island of this file");
                    errors.push(file.error(line, "members", message));
                }
                if self
                    .groups
                    .iter()
                    .filter(|g| g.members().contains(member))
                    .count()
                    > 1
                {
                    let message = format!("{member:?} belongs to more than one group");
                    errors.push(file.error(line, "members", message));
                }
            }
        }
        for island in self.islands.iter().chain(&self.groups) {
            errors.extend(self.island_problems(island, file));
        }
        for island in self.islands.iter().filter(|i| i.members.is_some()) {
            let line = file.line_of_id(&island.id);
            errors.push(file.error(line, "members", "only groups have members"));
        }
        errors
    }

    fn island_problems(&self, island: &Island, file: &File) -> Vec<DataError> {
        let line = file.line_of_id(&island.id);
        let mut errors = Vec::new();
        if island.soviet_control.is_none() && self.group_of(&island.id).is_none() {
            let message = "no date of Soviet control, and no group to take it from";
            errors.push(file.error(line, "soviet_control", message));
        }
        // A date or an area comes with where it was found.
        let pairs = [
            (
                "soviet_control",
                island.soviet_control.is_some(),
                &island.soviet_control_source,
            ),
            (
                "official_area_km2",
                island.official_area_km2.is_some(),
                &island.official_area_source,
            ),
        ];
        for (field, given, source) in pairs {
            if given && source.is_none() {
                errors.push(file.error(
                    line,
                    &format!("{field}_source"),
                    "missing: where is it stated?",
                ));
            }
        }
        if island.official_area_publisher.is_some() {
            let translated = [
                (
                    "official_area_publisher_ja",
                    &island.official_area_publisher_ja,
                ),
                (
                    "official_area_publisher_ru",
                    &island.official_area_publisher_ru,
                ),
            ];
            for (field, name) in translated {
                if name.as_deref().is_none_or(|n| n.trim().is_empty()) {
                    errors.push(file.error(
                        line,
                        field,
                        "missing: the publisher's name in this language",
                    ));
                }
            }
        }
        let sources = [
            (
                "soviet_control_source",
                island.soviet_control_source.as_ref(),
            ),
            ("official_area_source", island.official_area_source.as_ref()),
        ];
        let counted = island
            .population
            .iter()
            .map(|c| ("population.source", Some(&c.source)));
        for (field, url) in sources.into_iter().chain(counted) {
            if let Some(url) = url.filter(|u| !is_http_url(u)) {
                errors.push(file.error(line, field, format!("{url:?} is not an http(s) URL")));
            }
        }
        for count in &island.population {
            let Some(kind) = count.kind else {
                let message = "missing: what kind of publisher is the count's source?";
                errors.push(file.error(line, "population.kind", message));
                continue;
            };
            let secondary = matches!(
                kind,
                SourceKind::Blog | SourceKind::Reference | SourceKind::Aggregator
            );
            let caveat = count.caveat.as_deref().map(str::trim);
            if secondary && caveat.is_none_or(str::is_empty) {
                let message = format!("a count from a {kind} source needs its caveat");
                errors.push(file.error(line, "population.caveat", message));
            }
        }
        if island
            .official_area_km2
            .is_some_and(|km2| km2.is_nan() || km2 <= 0.0)
        {
            errors.push(file.error(line, "official_area_km2", "must be positive"));
        }
        errors
    }

    /// The ids records may name: every island and group here, every land
    /// the map draws, and the places with their positions.
    pub fn known(&self, land: &LandCollection, places: &PlaceCollection) -> Known {
        let drawn = land.features.iter().map(|f| f.id.as_str());
        let all = self.islands.iter().chain(&self.groups);
        let mut names: BTreeMap<String, Forms> = BTreeMap::new();
        for f in &land.features {
            names.insert(f.id.clone(), Forms::of_land(&f.properties));
        }
        for f in &places.features {
            let p = &f.properties;
            let forms = Forms::new(
                [&p.name_ja_romaji, &p.name_ru_romaji],
                [&p.name_ja, &p.name_ru],
                [&p.name_ja_cyrillic, &p.name_ru_kana],
            );
            names.insert(f.id.clone(), forms);
        }
        for i in all.clone() {
            names.insert(i.id.clone(), i.forms());
        }
        let mut spellings = Vec::new();
        for i in all {
            let whole_word = self.group_of(&i.id).is_some();
            let kanji = ["群島", "島"]
                .iter()
                .find_map(|s| i.name_ja.strip_suffix(s));
            let kana = ["諸島", "群島", "島"]
                .iter()
                .find_map(|s| i.name_ru_kana.strip_suffix(s));
            let forms = [
                Some(i.name_en.as_str()),
                Some(&i.name_ja_cyrillic),
                Some(&i.name_ru_kana),
                kana,
                Some(&i.name_ja),
                kanji,
                Some(&i.name_ja_romaji),
                Some(crate::names::bare_japanese(&i.name_ja_romaji)),
                Some(&i.name_ru),
                Some(&i.name_ru_romaji),
            ];
            for text in forms.into_iter().flatten() {
                if !spellings.iter().any(|s: &Spelling| s.text == text) {
                    spellings.push(Spelling {
                        text: text.to_owned(),
                        id: i.id.clone(),
                        whole_word,
                    });
                }
            }
        }
        Known {
            today: None,
            names,
            spellings,
            islands: self.ids().chain(drawn).map(str::to_owned).collect(),
            groups: self
                .groups
                .iter()
                .map(|g| (g.id.clone(), g.members().to_vec()))
                .collect(),
            places: places
                .features
                .iter()
                .map(|f| (f.id.clone(), Some(f.geometry.position())))
                .collect(),
            centroids: places
                .features
                .iter()
                .filter(|f| f.properties.centroid)
                .map(|f| f.id.clone())
                .collect(),
        }
    }

    /// Problems between this file (`name`) and the land outlines: every
    /// named disputed outline is an island here, with the same names, group
    /// and official area, and every island here has an outline.
    pub fn check_land(&self, name: &str, text: &str, land: &LandCollection) -> Vec<DataError> {
        let file = File { name, text };
        let mut errors = Vec::new();
        let disputed = land.disputed().filter(|f| f.properties.part_of.is_none());
        for feature in disputed {
            let p = &feature.properties;
            let Some(island) = self.island(&feature.id) else {
                let message = format!(
                    "the land has disputed island {:?}, this file does not",
                    p.id
                );
                errors.push(file.error(1, "islands", message));
                continue;
            };
            let line = file.line_of_id(&island.id);
            let names = [
                ("name_en", &island.name_en, &p.name_en),
                ("name_ja", &island.name_ja, &p.name_ja),
                ("name_ja_romaji", &island.name_ja_romaji, &p.name_ja_romaji),
                ("name_ru", &island.name_ru, &p.name_ru),
                ("name_ru_romaji", &island.name_ru_romaji, &p.name_ru_romaji),
            ];
            for (field, ours, theirs) in names {
                if ours != theirs {
                    let message = format!("{ours:?} here, {theirs:?} in the land outlines");
                    errors.push(file.error(line, field, message));
                }
            }
            let group = self.group_of(&island.id).map(|g| g.id.as_str());
            if group != p.group.as_deref() {
                let message = format!("group {group:?} here, {:?} in the land outlines", p.group);
                errors.push(file.error(line, "members", message));
            }
            let area = island.official_area_km2;
            if area != p.official_area_km2 {
                let message = format!(
                    "{area:?} km² here, {:?} in the land outlines",
                    p.official_area_km2
                );
                errors.push(file.error(line, "official_area_km2", message));
            }
        }
        for island in &self.islands {
            let drawn = land
                .find(&island.id)
                .is_some_and(|f| f.properties.role == LandRole::Disputed);
            if !drawn {
                let line = file.line_of_id(&island.id);
                errors.push(file.error(
                    line,
                    "id",
                    "no disputed outline in the land files has this id",
                ));
            }
        }
        errors
    }
}

struct File<'a> {
    name: &'a str,
    text: &'a str,
}

impl File<'_> {
    /// The line of `id = "<id>"`, where an entry starts.
    fn line_of_id(&self, id: &str) -> usize {
        let needle = format!("id = \"{id}\"");
        self.text
            .find(&needle)
            .map_or(1, |byte| line_of(self.text, byte))
    }

    fn error(&self, line: usize, field: &str, message: impl Into<String>) -> DataError {
        error(self.name, line, field, message)
    }
}

fn error(file: &str, line: usize, field: &str, message: impl Into<String>) -> DataError {
    DataError {
        file: file.to_owned(),
        line,
        field: field.to_owned(),
        message: message.into(),
    }
}

fn line_of(text: &str, byte: usize) -> usize {
    text.get(..byte)
        .map_or(1, |before| before.matches('\n').count() + 1)
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_http_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let host = rest
        .and_then(|r| r.split(['/', '?', '#']).next())
        .unwrap_or("");
    host.contains('.') && !host.ends_with('.') && !url.chars().any(char::is_whitespace)
}
