//! Languages and message catalogues: the interface in English, Japanese or
//! Russian.
//!
//! The catalogues are Fluent (`.ftl`) files in `assets/i18n/<lang>/`, the
//! Rust ecosystem's convention, read by [`Catalogue`]: a parser and
//! formatter for the subset of Fluent the project uses (text, `{ $var }`,
//! message references, and selectors on a number's plural category or on
//! an exact value). Why not `fluent-bundle`: see `bench/README.md` ("Message
//! catalogues"): it would add its ICU plural data and resolver to a wasm
//! already over budget, for features the catalogues do not use. Native
//! tests check that every file is also valid Fluent to the reference parser
//! (`fluent-syntax`), so a switch stays possible.

mod catalogue;
mod dates;
mod plural;
#[cfg(test)]
mod tests;

/// The committed catalogue of a language (every `assets/i18n/<lang>/*.ftl`,
/// in file-name order, as the server joins them), for native tests of the
/// wording.
#[cfg(test)]
pub(crate) fn committed(lang: Lang) -> Catalogue {
    let dir = format!(
        "{}/../assets/i18n/{}",
        env!("CARGO_MANIFEST_DIR"),
        lang.code()
    );
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("catalogue directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    paths.sort();
    let files: Vec<(String, String)> = paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("readable catalogue");
            (p.display().to_string(), text)
        })
        .collect();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    match Catalogue::parse(lang, &refs) {
        Ok(c) => c,
        Err(e) => panic!("{e}"),
    }
}

pub use catalogue::{Arg, Catalogue, CatalogueError};
pub use plural::{PluralCategory, plural_category};

use std::fmt;
use std::str::FromStr;

/// A language of the interface and of the records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Lang {
    #[default]
    En,
    Ja,
    Ru,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ja, Lang::Ru];

    /// The BCP 47 tag: `en`, `ja`, `ru`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
            Lang::Ru => "ru",
        }
    }

    /// The language's name in itself, for the language switch.
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ja => "日本語",
            Lang::Ru => "Русский",
        }
    }

    /// `og:locale`'s form: `en_GB`-style territory included.
    pub fn og_locale(self) -> &'static str {
        match self {
            Lang::En => "en_GB",
            Lang::Ja => "ja_JP",
            Lang::Ru => "ru_RU",
        }
    }

    /// The language of a tag's primary subtag (`ja-JP` is Japanese), if the
    /// app has it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The first of the reader's preferred languages the app has (in the
    /// order of `navigator.languages`), else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or_default()
    }

    /// [`Lang::negotiate`] over an `Accept-Language` header: tags ordered
    /// by their `q` weight (ties keep their order); `q=0` means "not this".
    ///
    /// ```
    /// use model::i18n::Lang;
    /// assert_eq!(Lang::from_accept_language("fr-CA, ja;q=0.8, ru;q=0.9"), Lang::Ru);
    /// assert_eq!(Lang::from_accept_language("de, *;q=0.5"), Lang::En);
    /// ```
    pub fn from_accept_language(header: &str) -> Lang {
        let mut weighted: Vec<(&str, f32)> = header
            .split(',')
            .filter_map(|item| {
                let mut parts = item.split(';');
                let tag = parts.next()?.trim();
                let q = parts
                    .filter_map(|p| p.trim().strip_prefix("q="))
                    .find_map(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                (q > 0.0 && !tag.is_empty()).then_some((tag, q))
            })
            .collect();
        weighted.sort_by(|a, b| b.1.total_cmp(&a.1));
        Lang::negotiate(weighted.into_iter().map(|(tag, _)| tag))
    }

    /// A number with the language's separators: `3,166.6` in English and
    /// Japanese, `3 166,6` (no-break space) in Russian, CLDR's conventions.
    ///
    /// ```
    /// use model::i18n::Lang;
    /// assert_eq!(Lang::En.number(3166.6, 1), "3,166.6");
    /// assert_eq!(Lang::Ru.number(3166.6, 1), "3\u{a0}166,6");
    /// assert_eq!(Lang::Ja.number(6916.0, 0), "6,916");
    /// ```
    pub fn number(self, value: f64, decimals: usize) -> String {
        let (group, point) = match self {
            Lang::En | Lang::Ja => (",", "."),
            Lang::Ru => ("\u{a0}", ","),
        };
        // Through integers, not `format!`: float formatting costs the wasm
        // about 6 KB compressed (model::decimal).
        let text = crate::decimal::fixed(value.abs(), decimals as u32);
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = String::new();
        if value < 0.0 {
            out.push('-');
        }
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                out.push_str(group);
            }
            out.push(digit);
        }
        if !fraction.is_empty() {
            out.push_str(point);
            out.push_str(fraction);
        }
        out
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = &'static str;
    /// Exactly `en`, `ja` or `ru` (the permalink's and the API's values).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code() == s)
            .ok_or("expected en, ja or ru")
    }
}
