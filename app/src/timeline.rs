//! The timeline's behaviour: a date slider from 1855 to today with the
//! events marked, a play control that narrates (a caption per stop, a
//! speed, previous and next event), a field to type a date, and "Compare
//! with…" ([`crate::compare::CompareField`]). Dragging previews the date;
//! releasing records it in the URL. Play itself is not in the URL; the date
//! it stops at is.
//!
//! The server draws the bar into `index.html`, in the page's language and
//! at the link's date (`server/src/timeline.rs`, whose header lists what
//! this relies on). [`Timeline`] moves it into the page, binds one listener
//! per kind of event on its host and keeps up to date what changes (the
//! slider, the date, play's label, the caption, "Today", the compare
//! control) by setting the DOM directly. Drawn with Leptos views it cost
//! 6.1 KB more of the compressed wasm (bench/README "The timeline bar
//! drawn by the server").

use crate::compare::CompareField;
use crate::data::AtlasData;
use crate::i18n::{self, t, tf};
use crate::url_state::UrlState;
use leptos::ev::{Event, KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use model::events::Date;
use model::permalink::MapState;
use model::timeline::{
    PLAY_PAUSE, Step, caption, day_number, from_day_number, next_after, play_from, previous_before,
    steps, stop_on, typed_date,
};
use std::time::Duration;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

#[component]
pub fn Timeline() -> impl IntoView {
    let play = Player::new();
    let compare = CompareField::new();
    let host = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(host) = host.get() {
            bind(&host, play.data);
        }
    });
    // What changes, set on the server's markup.
    Effect::new(move |_| play.show());
    Effect::new(move |_| compare.show());
    measure_covered_bottom();
    view! {
        <div class="timeline-host" node_ref=host
            on:click=move |e| clicked(play, compare, e)
            on:input=move |e| play.input(&e)
            on:change=move |e| changed(play, compare, &e)
            on:keydown=move |e| key_down(play, compare, e)></div>
    }
}

/// The element `selector` finds in the bar.
pub(crate) fn part(selector: &str) -> Option<HtmlElement> {
    let found = document().query_selector(&format!("#timeline {selector}"));
    found.ok().flatten().map(JsCast::unchecked_into)
}

/// Sets `el`'s text, unless it says that already (a live region would
/// announce it again).
pub(crate) fn set_text(el: Option<HtmlElement>, text: &str) {
    if let Some(el) = el
        && el.text_content().as_deref() != Some(text)
    {
        el.set_text_content(Some(text));
    }
}

pub(crate) fn set_attr(el: &Option<HtmlElement>, name: &str, value: &str) {
    if let Some(el) = el {
        let _ = el.set_attribute(name, value);
    }
}

pub(crate) fn set_hidden(el: Option<HtmlElement>, hidden: bool) {
    if let Some(el) = el {
        el.set_hidden(hidden);
    }
}

/// Moves the server's bar into `host`, places its marks (the CSP allows
/// no inline style in the markup), ends the slider on the browser's today
/// and shows it.
fn bind(host: &Element, data: AtlasData) {
    let Some(bar) = document().get_element_by_id("timeline") else {
        return;
    };
    let _ = host.append_child(&bar);
    if let Ok(marks) = bar.query_selector_all("[data-left]") {
        for i in 0..marks.length() {
            let Some(el) = marks.get(i).map(JsCast::unchecked_into::<HtmlElement>) else {
                continue;
            };
            let style = el.style();
            for side in ["left", "width"] {
                if let Some(v) = el.get_attribute(&format!("data-{side}")) {
                    let _ = style.set_property(side, &format!("{v}%"));
                }
            }
        }
    }
    let today = day_number(data.today).to_string();
    set_attr(&part("input[type=range]"), "max", &today);
    bar.unchecked_ref::<HtmlElement>().set_hidden(false);
    measure(data);
}

fn target(e: &Event) -> Option<Element> {
    e.target().and_then(|t| t.dyn_into::<Element>().ok())
}

/// A button of the bar: which one by its class.
fn clicked(play: Player, compare: CompareField, e: MouseEvent) {
    let Some(button) = target(&e).and_then(|t| t.closest("button").ok().flatten()) else {
        return;
    };
    match button.class_name().as_str() {
        "play" => play.toggle(),
        "previous" => play.step(previous_before),
        "next" => play.step(next_after),
        "to-today" => play.go(play.data.today, true),
        "link" => play.open(),
        "compare-open" => compare.toggle(),
        "compare-stop" => play.url.push(|s| s.compare = None),
        _ => {}
    }
}

/// The slider released, the speed chosen, a date typed (in the date field
/// or the compare field).
fn changed(play: Player, compare: CompareField, e: &Event) {
    let Some(el) = target(e) else { return };
    let kind = el.get_attribute("type").unwrap_or_default();
    if el.tag_name() == "SELECT" {
        let value = el.unchecked_ref::<HtmlSelectElement>().value();
        play.speed.set(value.parse().unwrap_or(PLAY_PAUSE as usize));
        return;
    }
    let value = el.unchecked_ref::<HtmlInputElement>().value();
    match (kind.as_str(), el.class_name() == "goto") {
        ("range", _) => {
            if let Some(d) = from_slider(&value) {
                play.go(d, true)
            }
        }
        ("text", true) => play.typed(&value),
        ("text", false) => compare.typed(&value),
        _ => {}
    }
}

/// `,` and `.`: previous and next event; keys typed in a field stay there
/// (Escape closes the compare field).
fn key_down(play: Player, compare: CompareField, e: KeyboardEvent) {
    let key = e.key();
    if target(&e).is_some_and(|t| t.get_attribute("type").as_deref() == Some("text")) {
        e.stop_propagation();
        if key == "Escape" {
            compare.open.set(false);
        }
        return;
    }
    match key.as_str() {
        "," => play.step(previous_before),
        "." => play.step(next_after),
        _ => {}
    }
}

fn from_slider(value: &str) -> Option<Date> {
    value.parse::<i64>().ok().and_then(from_day_number)
}

/// Play: moves the map from stop to stop at the chosen speed, the first
/// move a new history entry and the next ones replacing it, until the last
/// stop; then the map shows today and the caption says play ended. Also the
/// previous and next event, and a typed date: every date change of the bar.
#[derive(Clone, Copy)]
struct Player {
    url: UrlState,
    data: AtlasData,
    playing: RwSignal<bool>,
    /// The pause between two stops, in milliseconds.
    speed: RwSignal<usize>,
    /// A message for the caption while the map stays on the date `note_on`.
    note: RwSignal<Option<String>>,
    note_on: RwSignal<Option<Date>>,
    /// The typed date was refused.
    invalid: RwSignal<bool>,
    /// Which run of play a pending step belongs to: a pause ends the run.
    run: RwSignal<usize>,
}

// Signals of types the app already has, and no memo: each new type costs
// kilobytes of wasm.
impl Player {
    fn new() -> Self {
        Player {
            url: expect_context(),
            data: expect_context(),
            playing: RwSignal::new(false),
            speed: RwSignal::new(PLAY_PAUSE as usize),
            note: RwSignal::new(None),
            note_on: RwSignal::new(None),
            invalid: RwSignal::new(false),
            run: RwSignal::new(0),
        }
    }

    /// The bar's state on the page: the slider, the date in words, play's
    /// button, the date field's validity, "Today", the caption.
    fn show(self) {
        let (data, c) = (self.data, i18n::catalogue());
        let date = data.date.get();
        let words = c.day_words(date);
        let slider = part("input[type=range]");
        if let Some(input) = &slider {
            input
                .unchecked_ref::<HtmlInputElement>()
                .set_value(&day_number(date).to_string());
        }
        set_attr(&slider, "aria-valuetext", &words);
        let shown = if date == data.today {
            tf("shell-today-date", &[("date", words.into())])
        } else {
            words
        };
        set_text(part("output.date"), &shown);
        let playing = self.playing.get();
        let button = part(".play");
        set_attr(
            &button,
            "aria-label",
            &t(if playing { "shell-pause" } else { "shell-play" }),
        );
        set_text(button, if playing { "❚❚" } else { "▶" });
        set_attr(
            &part(".goto"),
            "aria-invalid",
            &self.invalid.get().to_string(),
        );
        set_hidden(part(".to-today"), self.url.date.get().is_none());
        let (id, text) = self.caption();
        set_attr(
            &part(".caption"),
            "class",
            if text.is_empty() {
                "caption"
            } else {
                "caption shown"
            },
        );
        let link = part(".caption .link");
        set_hidden(link.clone(), id.is_none());
        set_text(link, if id.is_some() { &text } else { "" });
        set_text(part(".caption span"), if id.is_none() { &text } else { "" });
    }

    /// What the map's date is, announced politely: the stop's first event
    /// (in the reader's names; its id, to open it when clicked) and its date
    /// in words, or the end of play, or why a typed date was refused.
    fn caption(self) -> (Option<String>, String) {
        let (url, data) = (self.url, self.data);
        let date = data.date.get();
        if self.note_on.get() == Some(date) {
            return (None, self.note.get().unwrap_or_default());
        }
        let stop = || {
            let events = data.events.get().and_then(Result::ok)?;
            let stops = self.stops();
            let step = stop_on(&stops, date)?;
            let e = events.get(*step.events.first()?)?;
            let title = data.named(url.names.get(), &e.title, &e.title_template);
            let more = step.events.len() - 1;
            Some((
                Some(e.id.clone()),
                caption(i18n::catalogue(), e.date, &title, more),
            ))
        };
        stop().unwrap_or_default()
    }

    /// The caption's event, opened.
    fn open(self) {
        if let Some(id) = untrack(|| self.caption()).0 {
            self.pause();
            self.url.push(move |s| s.event = Some(id));
        }
    }

    /// The slider dragged: the map previews its date.
    fn input(self, e: &Event) {
        // The speed and the text fields send `input` too: only the slider previews.
        if let Some(el) = target(e).filter(|t| t.get_attribute("type").as_deref() == Some("range"))
        {
            let value = el.unchecked_ref::<HtmlInputElement>().value();
            self.data.live_date.set(from_slider(&value));
        }
    }

    /// The stops of the events loaded (tracked).
    fn stops(self) -> Vec<Step> {
        let events = self.data.events.get().and_then(Result::ok);
        let dates: Vec<_> = events.map_or(vec![], |e| e.iter().map(|e| e.date).collect());
        steps(&dates, self.data.today)
    }

    /// The date of the stop `find` picks from the map's date.
    fn find(self, find: impl Fn(&[Step], Date) -> Option<usize>) -> Option<Date> {
        let stops = untrack(|| self.stops());
        find(&stops, self.data.date.get_untracked()).map(|i| stops[i].date)
    }

    /// A message for the caption while the map stays on `on`.
    fn say(self, on: Date, text: String) {
        self.note_on.set(Some(on));
        self.note.set(Some(text));
    }

    /// Moves the map to `date`, as a new history entry or in place.
    fn go(self, date: Date, push: bool) {
        self.data.live_date.set(None);
        let date = (date != self.data.today).then_some(date);
        let change = move |s: &mut MapState| s.date = date;
        if push {
            self.url.push(change);
        } else {
            self.url.replace(change);
        }
    }

    fn pause(self) {
        self.playing.set(false);
        self.run.update(|r| *r += 1);
    }

    fn toggle(self) {
        if self.playing.get_untracked() {
            return self.pause();
        }
        let today = self.data.today;
        let Some(first) = self.find(|s, current| play_from(s, current, today)) else {
            return;
        };
        self.pause();
        self.playing.set(true);
        self.go(first, true);
        self.schedule(self.run.get_untracked());
    }

    fn schedule(self, run: usize) {
        let pause = Duration::from_millis(self.speed.get_untracked() as u64);
        set_timeout(move || self.tick(run), pause);
    }

    fn tick(self, run: usize) {
        if self.run.try_get_untracked() != Some(run) {
            return;
        }
        match self.find(next_after) {
            Some(next) => {
                self.go(next, false);
                self.schedule(run);
            }
            None => {
                self.pause();
                let today = self.data.today;
                self.go(today, false);
                self.say(today, t("shell-played-to-end"));
            }
        }
    }

    /// The previous or the next event.
    fn step(self, find: fn(&[Step], Date) -> Option<usize>) {
        if let Some(date) = self.find(find) {
            self.go(date, true);
        }
    }

    /// A typed date: the map moves there, or the caption says why not.
    fn typed(self, text: &str) {
        let date = typed_date(text, self.data.today);
        self.invalid.set(date.is_err());
        match date {
            Ok(date) => self.go(date, true),
            Err(why) => self.say(self.data.date.get_untracked(), why.words(i18n::catalogue())),
        }
    }
}

/// The bar lies over the map's bottom edge; it tells the map how much, so
/// the map keeps names above it, and the page's CSS (`--timeline-height`),
/// so the scale, attribution and layers button stay above it when it takes
/// a second row (Russian at 1024 px covered them).
fn measure(data: AtlasData) {
    if let Some(bar) = document().get_element_by_id("timeline") {
        let height = bar.unchecked_ref::<HtmlElement>().offset_height();
        let _ = data.covered_bottom.try_set(f64::from(height));
        if let Some(root) = document().document_element() {
            let style = root.unchecked_into::<HtmlElement>().style();
            let _ = style.set_property("--timeline-height", &format!("{height}px"));
        }
    }
}

/// Measures the bar again whenever the window changes size.
fn measure_covered_bottom() {
    let data: AtlasData = expect_context();
    let resize = window_event_listener(leptos::ev::resize, move |_| measure(data));
    on_cleanup(move || {
        resize.remove();
        // The page may be going away with it; then there is nothing to tell.
        let _ = data.covered_bottom.try_set(0.0);
    });
}
