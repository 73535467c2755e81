//! The panels, drawn by the server as HTML fragments: an island's or a
//! group's panel with its story, an event's card, a deployment's card, the
//! changes between two dates (`compare=`), and the article reader.
//!
//! Why on the server: each panel drawn in the app cost its view code and
//! the decoders of its answers in the wasm (together about a third of the
//! module; bench/README "Panels drawn by the server"). Here the same
//! permalink gives the same HTML, in the link's language, with every word
//! from the catalogue, names in the link's convention and text escaped.
//!
//! `GET /fragments/panel?<permalink>[&from=<event or deployment id>]` answers the side
//! panel of that state (the first that applies: the event's card, the
//! deployment's card, the island's panel, the list of changes while
//! comparing; `204` when none is open); `GET /fragments/story?<permalink>&period=N`
//! the entries of period N of the island's story, as its panel on that
//! permalink would draw them open (`204` without an island or that
//! period); `GET /fragments/reader?<permalink>` the reader (`204` without
//! `article=`). The view (`map=`) and `embed=`
//! are not part of a panel: the app leaves them out, so panning asks for
//! nothing; it always sends `lang=`. `from=` is the record an island's
//! story was reached from: the event whose card was open over it, or the
//! deployment whose card led to it (its entry is marked and scrolled to).
//!
//! # What the app does with a fragment (`app/src/panel_host.rs`)
//!
//! The fragment is plain HTML; its behaviour is declared with attributes the
//! app's one host handles for every panel:
//!
//! - `<a href="/?…" data-nav>`: a plain click moves the page to that state
//!   (History API), keeping the current view when the link has none. Links
//!   without `data-nav` (sources, `/events/{id}`, downloads) are ordinary.
//! - `<button type="button" data-href="/?…">`: the same, for controls that
//!   are buttons (close, "Show on the map").
//! - `data-close` on the panel's close button: Escape inside the panel
//!   activates it.
//! - `data-fit="lon,lat lon,lat …"` beside `data-href`: the map also fits
//!   those points (a reader's excerpt: its places).
//! - `<select data-filter="NAME">` (or radios or checkboxes with that
//!   attribute): items marked `data-NAME="v1 v2"` stay visible when the
//!   chosen value is one of theirs or the value is empty (radios and
//!   checkboxes: one of theirs is checked); the rest get `hidden`. An item
//!   marked for several filters must pass each. Filters are the page's
//!   state, not the URL's; the same panel drawn again (same `data-key`, say
//!   on a new date) keeps them, and its scroll. (The island's story has no
//!   empty value: "All" is `all`, which every entry carries, and each
//!   period's label is written once per value, the others `hidden`, so its
//!   count follows the filter.)
//! - `data-count="KEY"` (with `data-arg-NAME="…"` attributes, if the
//!   message has other variables): after a filter changes, the element's
//!   text becomes the catalogue's message KEY with those and `count`, the
//!   number of `[data-counted]` items still visible in its closest
//!   `[data-count-scope]`, else in the panel ("31 quotes").
//! - `data-scroll`: the element scrolled into view once shown (the entry a
//!   panel was opened from, the excerpt chosen), when not in view already.
//! - `<details data-fill="URL">`: a folded part whose content is another
//!   fragment (an island's story period: its entries). Until then it holds
//!   a plain link to URL. When the reader opens it (its `<summary>`, by
//!   click or keyboard), the host asks for URL, puts the answer in place of
//!   the element after its `<summary>`, applies the filters to it and opens
//!   it; meanwhile the `<details>` is `aria-busy`, so it says "expanded"
//!   only with its content there. A failure opens it on the link.
//! - A `data-href` that is not a button (an excerpt `<mark role="button"
//!   tabindex="0">`) is activated by Enter and Space too.
//! - The root is `<aside … id="panel" data-key="…">` (the reader:
//!   `<aside class="reader" data-key="…">`); a new `data-key` means a new
//!   panel: its heading (`tabindex="-1"`) is announced, and takes focus
//!   when the reader opened it (a control in a panel, a symbol on the map).
//!   Closing one from inside returns focus into the panel below it, else to
//!   where the reader was before it opened.

mod cards;
mod changes;
pub mod html;
mod island;
mod measure;
mod reader;
pub mod route;

use html::Ctx;
use model::events::Dataset;
use model::i18n::Catalogue;
use model::islands::Islands;
use model::marks::Overlays;
use model::measure::Resolved;
use model::permalink::MapState;
use model::scene::LandShapes;

/// What the side panel of `state` is, drawn; `None` when no panel is open.
pub fn side_panel(ctx: &Ctx, from_event: Option<&str>) -> Option<String> {
    let s = ctx.state;
    if let Some(event) = &s.event {
        return Some(cards::event_card(ctx, event));
    }
    if let Some(deployment) = &s.deployment {
        return Some(cards::deployment_card(ctx, deployment));
    }
    if let Some(island) = &s.island {
        return Some(island::island_panel(ctx, island, from_event));
    }
    let compare = s.compare?;
    Some(changes::changes_panel(ctx, compare))
}

/// Period `period`'s entries of the story the link's island opens
/// (`/fragments/story`; the panel holds a folded period's link to them).
pub fn story_period(ctx: &Ctx, period: usize) -> Option<String> {
    island::story_period(ctx, ctx.state.island.as_deref()?, period)
}

/// The reader of `state`'s article; `None` without one, or for an article
/// the data does not have (the page's bad-link notice says so).
pub fn reader_panel(ctx: &Ctx) -> Option<String> {
    let article = ctx.state.article.as_deref()?;
    reader::reader(ctx, article, ctx.state.excerpt)
}

/// The measure tool's list of well-known distances.
pub fn measure_panel(ctx: &Ctx) -> String {
    measure::known_distances(ctx)
}

/// Everything a panel is drawn from, in one language, prepared once.
pub struct PanelData<'a> {
    pub data: &'a Dataset,
    pub islands: &'a Islands,
    pub land: &'a LandShapes,
    pub marks: &'a Overlays,
    pub distances: &'a [Resolved],
    /// Both positions in one line, in this language.
    pub positions_line: &'a str,
    pub c: &'a Catalogue,
}

impl<'a> PanelData<'a> {
    /// The context for one request: `state` as parsed from its permalink,
    /// `today` the server's day (the date when the link has none).
    pub fn ctx(&self, state: &'a MapState, today: model::events::Date) -> Ctx<'a> {
        Ctx {
            lang: state.lang(),
            naming: state.naming(),
            c: self.c,
            data: self.data,
            islands: self.islands,
            land: self.land,
            marks: self.marks,
            distances: self.distances,
            positions_line: self.positions_line,
            state,
            date: state.date.unwrap_or(today),
            today,
        }
    }
}
