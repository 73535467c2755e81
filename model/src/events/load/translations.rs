//! The records' Japanese and Russian text (`[events.ja]`, `ja = { note =
//! … }`): checked like the English (no unknown `{id}`, no disputed name
//! spelt out, nothing empty), gathered by record and field, and every
//! record without one of the languages listed by file, line and field (the
//! loader refuses those too).

use std::collections::HashMap;

use toml::Spanned;

use super::fields::Check;
use super::ids::Ids;
use super::raw::{
    Parsed, RawArticleText, RawDeployment, RawDeploymentText, RawEvent, RawEventText,
    RawExcerptText, RawNoteText,
};
use super::report::{DataError, Report};
use crate::i18n::Lang;

/// `(language, "kind/id/field") → text`, e.g. `(Ja, "event/x/title")`.
pub type Translations = HashMap<(Lang, String), String>;

/// The key of a record's field: `key("event", "x", "title")`.
pub fn key(kind: &str, id: &str, field: &str) -> String {
    format!("{kind}/{id}/{field}")
}

/// A record's fields in one language, as written, for the checks.
struct Fields<'t> {
    record: &'static str,
    id: &'t str,
    /// (field, its translation, whether the English record has the field).
    texts: Vec<(String, Option<&'t str>, bool)>,
}

pub(super) struct Found {
    pub(super) translations: Translations,
    /// Records (or fields) with no text in a language, one per record and
    /// language.
    pub(super) missing: Vec<DataError>,
}

pub(super) fn collect<'a>(
    files: &'a [Parsed<'a>],
    ids: &Ids,
    errors: &mut Vec<DataError>,
) -> Found {
    let mut found = Found {
        translations: HashMap::new(),
        missing: Vec::new(),
    };
    for file in files {
        let raw = &file.raw;
        let mut each = |span: std::ops::Range<usize>,
                        path: String,
                        langs: [(Lang, Option<Fields>, bool); 2],
                        errors: &mut Vec<DataError>| {
            let span = file.src.item(span);
            for (lang, fields, wanted) in langs {
                match fields {
                    Some(f) => {
                        let gaps = f.gaps(lang);
                        let mut report = Report::new(&file.src, errors);
                        let mut check = Check::new(&mut report, span.clone(), path.clone());
                        store(&mut check, ids, lang, f, &mut found.translations);
                        let mut report = Report::new(&file.src, &mut found.missing);
                        let mut check = Check::new(&mut report, span.clone(), path.clone());
                        for (field, message) in gaps {
                            check.error(&field, message);
                        }
                    }
                    None if wanted => {
                        let mut report = Report::new(&file.src, &mut found.missing);
                        Check::new(&mut report, span.clone(), path.clone())
                            .error(lang.code(), format!("no {} text", lang.code()));
                    }
                    None => {}
                }
            }
        };
        for (i, e) in raw.events.iter().enumerate() {
            let r = e.get_ref();
            let langs = [
                (Lang::Ja, event_fields(r, r.ja.as_ref()), true),
                (Lang::Ru, event_fields(r, r.ru.as_ref()), true),
            ];
            each(e.span(), format!("events[{i}]"), langs, errors);
        }
        for (i, d) in raw.deployments.iter().enumerate() {
            let r = d.get_ref();
            let langs = [
                (
                    Lang::Ja,
                    deployment_fields(r, Lang::Ja, r.ja.as_ref()),
                    true,
                ),
                (
                    Lang::Ru,
                    deployment_fields(r, Lang::Ru, r.ru.as_ref()),
                    true,
                ),
            ];
            each(d.span(), format!("deployments[{i}]"), langs, errors);
        }
        for (i, a) in raw.annotations.iter().enumerate() {
            let r = a.get_ref();
            let fields = |t: Option<&'a Spanned<RawNoteText>>| {
                t.map(|t| Fields {
                    record: "annotation",
                    id: &r.id,
                    texts: vec![("note".into(), Some(t.get_ref().note.as_str()), true)],
                })
            };
            let langs = [
                (Lang::Ja, fields(r.ja.as_ref()), true),
                (Lang::Ru, fields(r.ru.as_ref()), true),
            ];
            each(a.span(), format!("annotations[{i}]"), langs, errors);
        }
        let article_language = raw.article.as_ref().map(|a| a.get_ref().language.as_str());
        for (i, x) in raw.excerpts.iter().enumerate() {
            let r = x.get_ref();
            let fields = |t: Option<&'a Spanned<RawExcerptText>>| {
                t.map(|t| Fields {
                    record: "excerpt",
                    id: &r.id,
                    texts: vec![(
                        "translation".into(),
                        Some(t.get_ref().translation.as_str()),
                        true,
                    )],
                })
            };
            // A quote needs no translation into its own language.
            let wanted = |lang: Lang| article_language != Some(lang.code());
            let langs = [
                (Lang::Ja, fields(r.ja.as_ref()), wanted(Lang::Ja)),
                (Lang::Ru, fields(r.ru.as_ref()), wanted(Lang::Ru)),
            ];
            each(x.span(), format!("excerpts[{i}]"), langs, errors);
        }
        if let Some(a) = &raw.article {
            let r = a.get_ref();
            let fields = |t: Option<&'a Spanned<RawArticleText>>| {
                t.map(|t| Fields {
                    record: "article",
                    id: &r.id,
                    texts: vec![
                        (
                            "provenance".into(),
                            t.get_ref().provenance.as_deref(),
                            r.provenance.is_some(),
                        ),
                        // Optional: an outlet's name is not translated.
                        ("outlet".into(), t.get_ref().outlet.as_deref(), false),
                    ],
                })
            };
            let wanted = r.provenance.is_some();
            let langs = [
                (Lang::Ja, fields(r.ja.as_ref()), wanted),
                (Lang::Ru, fields(r.ru.as_ref()), wanted),
            ];
            each(a.span(), "article".into(), langs, errors);
        }
    }
    found
}

fn event_fields<'t>(r: &'t RawEvent, t: Option<&'t Spanned<RawEventText>>) -> Option<Fields<'t>> {
    let t = t?.get_ref();
    let texts = vec![
        ("title".into(), Some(t.title.as_str()), true),
        ("summary".into(), Some(t.summary.as_str()), true),
        (
            "location".into(),
            t.location.as_deref(),
            r.location.is_some(),
        ),
        (
            "confidence_note".into(),
            t.confidence_note.as_deref(),
            r.confidence_note.is_some(),
        ),
    ];
    Some(Fields {
        record: "event",
        id: &r.id,
        texts,
    })
}

fn deployment_fields<'t>(
    r: &'t RawDeployment,
    lang: Lang,
    t: Option<&'t Spanned<RawDeploymentText>>,
) -> Option<Fields<'t>> {
    let t = t?.get_ref();
    let mut texts = vec![
        ("unit".into(), Some(t.unit.as_str()), true),
        ("summary".into(), Some(t.summary.as_str()), true),
        (
            "confidence_note".into(),
            t.confidence_note.as_deref(),
            r.confidence_note.is_some(),
        ),
    ];
    for (n, c) in r.changes.iter().enumerate() {
        let c = c.get_ref();
        let note = match lang {
            Lang::Ja => c.ja.as_ref(),
            _ => c.ru.as_ref(),
        };
        let field = format!("change{n}/note");
        texts.push((field, note.map(|n| n.note.as_str()), c.note.is_some()));
    }
    Some(Fields {
        record: "deployment",
        id: &r.id,
        texts,
    })
}

impl Fields<'_> {
    /// Fields the English has and this language lacks.
    fn gaps(&self, lang: Lang) -> Vec<(String, String)> {
        self.texts
            .iter()
            .filter(|(_, text, english)| text.is_none() && *english)
            .map(|(field, ..)| {
                let name = format!("{}.{field}", lang.code());
                (name, format!("no {} text for {field}", lang.code()))
            })
            .collect()
    }
}

fn store(check: &mut Check, ids: &Ids, lang: Lang, fields: Fields, into: &mut Translations) {
    for (field, text, _) in fields.texts {
        let Some(text) = text else { continue };
        let name = format!("{}.{field}", lang.code());
        check.non_empty(&name, text);
        check.text(ids, &name, text);
        into.insert(
            (lang, key(fields.record, fields.id, &field)),
            text.to_owned(),
        );
    }
}
