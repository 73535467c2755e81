//! CLDR cardinal plural categories for the app's languages: English
//! one/other, Russian one/few/many, Japanese other (integers only: counts,
//! days and years are all the catalogues select on).

use super::Lang;

/// A CLDR plural category, as a Fluent variant key names it (`[one]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralCategory {
    One,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    pub fn key(self) -> &'static str {
        match self {
            PluralCategory::One => "one",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        }
    }
}

/// The category of a whole number in a language.
///
/// ```
/// use model::i18n::{plural_category, Lang, PluralCategory::*};
/// assert_eq!(plural_category(Lang::Ru, 21), One);
/// assert_eq!(plural_category(Lang::Ru, 22), Few);
/// assert_eq!(plural_category(Lang::Ru, 12), Many);
/// assert_eq!(plural_category(Lang::En, 1), One);
/// assert_eq!(plural_category(Lang::Ja, 1), Other);
/// ```
pub fn plural_category(lang: Lang, n: i64) -> PluralCategory {
    let n = n.unsigned_abs();
    match lang {
        Lang::En if n == 1 => PluralCategory::One,
        Lang::En | Lang::Ja => PluralCategory::Other,
        Lang::Ru => match (n % 10, n % 100) {
            (1, rem100) if rem100 != 11 => PluralCategory::One,
            (2..=4, rem100) if !(12..=14).contains(&rem100) => PluralCategory::Few,
            _ => PluralCategory::Many,
        },
    }
}
