//! The last phase, once everything is valid: records in their documented
//! order, events linked to the excerpts that cite them, and the id indexes.

use std::collections::{BTreeMap, HashMap};

use super::Dataset;
use super::known::Known;
use crate::events::types::{Annotation, Article, Deployment, Event, Excerpt};
use crate::i18n::Lang;
use crate::names::{Forms, NameStyle, Naming};

/// The valid records of all files.
pub(super) struct Records {
    pub(super) events: Vec<Event>,
    pub(super) deployments: Vec<Deployment>,
    pub(super) articles: Vec<Article>,
    pub(super) excerpts: Vec<Excerpt>,
    pub(super) annotations: Vec<Annotation>,
}

pub(super) fn link(records: Records, known: &Known) -> Dataset {
    let Records {
        mut events,
        mut deployments,
        mut articles,
        mut excerpts,
        mut annotations,
    } = records;
    events.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    deployments.sort_by(|a, b| (a.period.from, &a.id).cmp(&(b.period.from, &b.id)));
    // Shipped articles first, then quoted ones by date (undated last).
    let order = |a: &Article| (a.text.is_none(), a.published.is_none(), a.published);
    articles.sort_by(|a, b| (order(a), &a.id).cmp(&(order(b), &b.id)));
    // In article order (the shipped one's first), then text order.
    let article_at = index(articles.iter().map(|a| &a.id));
    let at = |x: &Excerpt| article_at.get(&x.article).copied();
    excerpts.sort_by(|a, b| (at(a), a.start, &a.id).cmp(&(at(b), b.start, &b.id)));
    annotations.sort_by(|a, b| a.id.cmp(&b.id));
    let names = &known.names;
    for e in &mut events {
        both(&mut e.title, &mut e.title_template, names);
        both(&mut e.summary, &mut e.summary_template, names);
        both_opt(&mut e.location, &mut e.location_template, names);
        both_opt(
            &mut e.confidence_note,
            &mut e.confidence_note_template,
            names,
        );
    }
    for d in &mut deployments {
        both(&mut d.unit, &mut d.unit_template, names);
        both(&mut d.summary, &mut d.summary_template, names);
        both_opt(
            &mut d.confidence_note,
            &mut d.confidence_note_template,
            names,
        );
        for c in &mut d.changes {
            both_opt(&mut c.note, &mut c.note_template, names);
        }
    }
    for a in &mut annotations {
        both(&mut a.note, &mut a.note_template, names);
    }
    for x in &mut excerpts {
        both_opt(&mut x.translation, &mut x.translation_template, names);
    }
    let event_index = index(events.iter().map(|e| &e.id));
    for x in &excerpts {
        for e in &x.events {
            if let Some(&i) = event_index.get(e) {
                events[i].excerpts.push(x.id.clone());
            }
        }
    }
    Dataset {
        deployment_index: index(deployments.iter().map(|d| &d.id)),
        article_index: article_at,
        excerpt_index: index(excerpts.iter().map(|x| &x.id)),
        event_index,
        events,
        deployments,
        articles,
        excerpts,
        annotations,
        places: known.places.clone(),
        centroids: known.centroids.clone(),
        islands: known.islands.clone(),
        groups: known.groups.clone(),
        denylist: Default::default(),
        translations: Default::default(),
        names: known.names.clone(),
    }
}

/// `text`, a template, rendered with the names of islands, groups and places
/// in both conventions ("Etorofu / Iturup"), the template kept in `template`
/// when it has references: what every reader of the data gets, the API
/// included, and what a client rendering one convention starts from.
pub(super) fn both(
    text: &mut String,
    template: &mut Option<String>,
    names: &BTreeMap<String, Forms>,
) {
    both_in(Lang::En, text, template, names)
}

/// [`both`] in a language's script ("択捉島 / イトゥルップ島").
pub(super) fn both_in(
    lang: Lang,
    text: &mut String,
    template: &mut Option<String>,
    names: &BTreeMap<String, Forms>,
) {
    if text.contains('{') {
        let rendered = Naming::new(lang, NameStyle::Both).render(text, |id| names.get(id));
        *template = Some(std::mem::replace(text, rendered));
    }
}

fn both_opt(
    text: &mut Option<String>,
    template: &mut Option<String>,
    names: &BTreeMap<String, Forms>,
) {
    if let Some(t) = text {
        both(t, template, names);
    }
}

/// Id → position.
fn index<'a>(ids: impl Iterator<Item = &'a String>) -> HashMap<String, usize> {
    ids.enumerate().map(|(i, id)| (id.clone(), i)).collect()
}
