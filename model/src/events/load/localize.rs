//! The data in the reader's language: each record's text fields in
//! Japanese or Russian where the project has translated them (English
//! otherwise, said so by `text_lang`), with `{id}` references rendered in
//! that language's script.

use super::Dataset;
use super::link::{both, both_in};
use super::translations::key;
use crate::i18n::Lang;

impl Dataset {
    /// A copy of the data with its text in `lang`. English is the data as
    /// loaded. Quotes stay as written; an excerpt's `translation` is into
    /// `lang`, and none when the quote is in `lang` already.
    pub fn in_language(&self, lang: Lang) -> Dataset {
        let mut d = self.clone();
        if lang == Lang::En {
            return d;
        }
        let names = self.names.clone();
        let text = |record: &str, id: &str, field: &str| {
            self.translations
                .get(&(lang, key(record, id, field)))
                .cloned()
        };
        // One field: its translation (rendered in `lang`) or the English
        // template rendered as English; true if translated.
        let put = |value: &mut String, template: &mut Option<String>, found: Option<String>| {
            let english = template.clone().unwrap_or_else(|| value.clone());
            *template = None;
            match found {
                Some(t) => {
                    *value = t;
                    both_in(lang, value, template, &names);
                    true
                }
                None => {
                    *value = english;
                    both(value, template, &names);
                    false
                }
            }
        };
        for e in &mut d.events {
            let id = e.id.clone();
            if put(
                &mut e.title,
                &mut e.title_template,
                text("event", &id, "title"),
            ) {
                e.text_lang = lang.code().into();
            }
            put(
                &mut e.summary,
                &mut e.summary_template,
                text("event", &id, "summary"),
            );
            if let Some(v) = &mut e.location {
                put(v, &mut e.location_template, text("event", &id, "location"));
            }
            if let Some(v) = &mut e.confidence_note {
                let found = text("event", &id, "confidence_note");
                put(v, &mut e.confidence_note_template, found);
            }
        }
        for dep in &mut d.deployments {
            let id = dep.id.clone();
            if put(
                &mut dep.unit,
                &mut dep.unit_template,
                text("deployment", &id, "unit"),
            ) {
                dep.text_lang = lang.code().into();
            }
            put(
                &mut dep.summary,
                &mut dep.summary_template,
                text("deployment", &id, "summary"),
            );
            if let Some(v) = &mut dep.confidence_note {
                let found = text("deployment", &id, "confidence_note");
                put(v, &mut dep.confidence_note_template, found);
            }
            for (n, c) in dep.changes.iter_mut().enumerate() {
                if let Some(v) = &mut c.note {
                    let found = text("deployment", &id, &format!("change{n}/note"));
                    put(v, &mut c.note_template, found);
                }
            }
        }
        for a in &mut d.annotations {
            if put(
                &mut a.note,
                &mut a.note_template,
                text("annotation", &a.id, "note"),
            ) {
                a.text_lang = lang.code().into();
            }
        }
        let quoted_in: std::collections::HashMap<String, String> = self
            .articles
            .iter()
            .map(|a| (a.id.clone(), a.language.clone()))
            .collect();
        for x in &mut d.excerpts {
            if quoted_in.get(&x.article).map(String::as_str) == Some(lang.code()) {
                x.translation = None;
                x.translation_template = None;
                x.translation_lang = None;
            } else if let Some(t) = text("excerpt", &x.id, "translation") {
                let (mut rendered, mut template) = (t, None);
                both_in(lang, &mut rendered, &mut template, &names);
                x.translation = Some(rendered);
                x.translation_template = template;
                x.translation_lang = Some(lang.code().into());
            }
        }
        for a in &mut d.articles {
            if let Some(t) = text("article", &a.id, "provenance") {
                a.provenance = Some(t);
            }
            if let Some(t) = text("article", &a.id, "outlet") {
                a.outlet = t;
            }
        }
        d
    }
}
