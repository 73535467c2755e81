//! The message catalogues: read and checked at start-up from
//! `assets/i18n/<lang>/*.ftl` (joined in file-name order, one download per
//! language), served at `/i18n/<lang>.ftl`, and used by the server's own
//! pages (titles, descriptions, link previews).

use crate::http_cache::{Served, cached};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use model::i18n::{Catalogue, CatalogueError, Lang};
use std::path::Path as FsPath;

const FLUENT: &str = "text/plain; charset=utf-8";

/// Why the catalogues could not be used.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueLoadError {
    #[error("{path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Malformed(#[from] CatalogueError),
}

/// One `T` for each language: what the server prepares once per language
/// (catalogues, pages, the API's data views), the one way it keeps them.
#[derive(Debug, Clone)]
pub struct PerLang<T>([T; Lang::ALL.len()]);

impl<T> PerLang<T> {
    /// `make(lang)` for each language.
    pub fn new(make: impl FnMut(Lang) -> T) -> Self {
        PerLang(Lang::ALL.map(make))
    }

    /// `make(lang)` for each language, or the first error.
    pub fn try_new<E>(mut make: impl FnMut(Lang) -> Result<T, E>) -> Result<Self, E> {
        let [en, ja, ru] = Lang::ALL;
        Ok(PerLang([make(en)?, make(ja)?, make(ru)?]))
    }

    /// `lang`'s.
    pub fn get(&self, lang: Lang) -> &T {
        // `Lang::ALL` lists the languages in their declaration order.
        &self.0[lang as usize]
    }
}

/// Every language's catalogue, parsed, and its text as served.
pub struct Catalogues(PerLang<(Catalogue, Served)>);

impl Catalogues {
    /// Reads `dir/<lang>/*.ftl` for every language.
    pub fn load(dir: &FsPath) -> Result<Catalogues, CatalogueLoadError> {
        PerLang::try_new(|lang| {
            let files = read_language(&dir.join(lang.code()))?;
            let refs: Vec<(&str, &str)> = files
                .iter()
                .map(|(n, t)| (n.as_str(), t.as_str()))
                .collect();
            let parsed = Catalogue::parse(lang, &refs)?;
            let joined: String = files.iter().map(|(_, t)| format!("{t}\n")).collect();
            Ok((parsed, Served::new(joined)))
        })
        .map(Catalogues)
    }

    pub fn get(&self, lang: Lang) -> &Catalogue {
        &self.0.get(lang).0
    }

    fn served(&self, lang: Lang) -> &Served {
        &self.0.get(lang).1
    }
}

fn read_language(dir: &FsPath) -> Result<Vec<(String, String)>, CatalogueLoadError> {
    let read_error = |path: &FsPath, source| CatalogueLoadError::Read {
        path: path.display().to_string(),
        source,
    };
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| read_error(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ftl"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).map_err(|e| read_error(&p, e))?;
            Ok((p.display().to_string(), text))
        })
        .collect()
}

/// `GET /i18n/{lang}.ftl`: one language's messages (Fluent).
pub async fn catalogue(
    State(state): State<AppState>,
    Path(file): Path<String>,
    headers: HeaderMap,
) -> Response {
    let lang = file
        .strip_suffix(".ftl")
        .and_then(|l| l.parse::<Lang>().ok());
    match lang {
        Some(lang) => {
            let response = cached(state.catalogues().served(lang), FLUENT, &headers);
            crate::page::ServedLang::named(lang).label(response)
        }
        None => (
            StatusCode::NOT_FOUND,
            "no such catalogue: expected en.ftl, ja.ftl or ru.ftl\n",
        )
            .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_gets_its_own() {
        let codes = PerLang::new(Lang::code);
        for lang in Lang::ALL {
            assert_eq!(*codes.get(lang), lang.code());
        }
        let failed = PerLang::try_new(|lang| match lang {
            Lang::Ru => Err(lang),
            other => Ok(other),
        });
        assert_eq!(failed.err(), Some(Lang::Ru));
    }
}
