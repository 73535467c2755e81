//! The interface's language. Chosen once, before the app mounts: the
//! link's `lang=`, else the first of the browser's languages the app has,
//! else English. Only that language's catalogue is downloaded
//! (`/i18n/<lang>.ftl`, asked for by the loader script beside the app).
//! A change of language is a new page: the URL changes and the page
//! reloads, so no text has to know how to change language in place.

use model::i18n::{Arg, Catalogue, Lang};
use model::permalink;
use std::sync::OnceLock;
use wasm_bindgen::JsValue;

static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();

/// The language the page is in.
pub fn lang() -> Lang {
    catalogue().lang()
}

/// The page's catalogue (empty before [`start`]: keys show as themselves).
pub fn catalogue() -> &'static Catalogue {
    CATALOGUE.get_or_init(Catalogue::default)
}

/// A message without arguments.
pub fn t(key: &str) -> String {
    catalogue().text(key)
}

/// A message with arguments: `tf("events-count", &[("count", n.into())])`.
pub fn tf(key: &str, args: &[(&str, Arg)]) -> String {
    catalogue().format(key, args)
}

/// Chooses the language (the link's, else the one the reader chose in the
/// switch before, else the browser's), writes it into the address bar when the link did
/// not say (so that a copied link keeps it), sets `<html lang>`, and
/// fetches the catalogue.
pub async fn start() -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let search = window.location().search().unwrap_or_default();
    let (state, _) = permalink::parse(&search);
    let lang = state.lang.or_else(remembered).unwrap_or_else(|| {
        let preferred: Vec<String> = window
            .navigator()
            .languages()
            .iter()
            .filter_map(|l| l.as_string())
            .collect();
        Lang::negotiate(preferred.iter().map(String::as_str))
    });
    if state.lang.is_none() && lang != Lang::En {
        // Only `lang=` is added; the rest of the query stays as written
        // (the app reports and drops what it cannot apply).
        let sep = if search.len() > 1 { "&" } else { "?" };
        let url = format!(
            "{}{search}{sep}lang={lang}",
            window.location().pathname().unwrap_or_default()
        );
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }
    if let Some(html) = window.document().and_then(|d| d.document_element()) {
        let _ = html.set_attribute("lang", lang.code());
    }
    let text = crate::api::catalogue(lang).await?;
    let parsed = Catalogue::parse(lang, &[(&format!("{lang}.ftl"), &text)])
        .map_err(|e| format!("the {lang} messages are malformed: {e}"))?;
    let _ = CATALOGUE.set(parsed);
    Ok(())
}

/// Where the reader's own choice of language is kept, for links without
/// `lang=` (an English page's links have none).
const CHOICE: &str = "kuril-atlas-lang";

/// Remembers the language the reader chose in the switch: it outranks the
/// browser's languages on a link without `lang=`.
pub fn remember(lang: Lang) {
    if let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) {
        let _ = storage.set_item(CHOICE, lang.code());
    }
}

/// The language the reader chose earlier, if any.
fn remembered() -> Option<Lang> {
    let storage = web_sys::window()?.local_storage().ok()??;
    storage.get_item(CHOICE).ok()??.parse().ok()
}

/// Reloads the page when a navigation changed the language (a language
/// switch, or Back across one).
pub fn follow(state: &model::permalink::MapState) {
    if state.lang() != lang()
        && let Some(window) = web_sys::window()
    {
        let _ = window.location().reload();
    }
}
