//! The timeline: a date slider from 1855 to today with the events marked
//! (exact days as ticks, years and months as spans), a play control that
//! narrates (a caption per stop, a speed, previous and next event), and a
//! field to type a date. Dragging previews the date; releasing records it in
//! the URL. Play itself is not in the URL; the date it stops at is.

use crate::compare::CompareControl;
use crate::data::AtlasData;
use crate::i18n::{self, t, tf};
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::decimal::fixed;
use model::events::Date;
use model::i18n::Lang;
use model::marks::EventMark;
use model::permalink::MapState;
use model::timeline::{
    PLAY_PAUSE, SPEEDS, START, Step, caption, day_number, fraction, from_day_number, next_after,
    play_from, previous_before, span, steps, stop_on, typed_date,
};
use std::sync::Arc;
use std::time::Duration;

/// The caption's element id, which the date field's error points to.
const CAPTION_ID: &str = "timeline-caption";

#[component]
pub fn Timeline(
    /// The first Soviet landing (from the islands data), marked by its year on the track.
    first_landing: Option<Date>,
) -> impl IntoView {
    let data: AtlasData = expect_context();
    let today = data.today;
    let (min, max) = (day_number(START), day_number(today));
    let play = Player::new();
    let from_input = move |e: &leptos::ev::Event| {
        event_target_value(e)
            .parse::<i64>()
            .ok()
            .and_then(from_day_number)
    };
    let bar = NodeRef::<leptos::html::Section>::new();
    measure_covered_bottom(bar);
    let keys = move |e: leptos::ev::KeyboardEvent| match e.key().as_str() {
        "," => play.step(previous_before),
        "." => play.step(next_after),
        _ => {}
    };
    // One view type for both buttons: each costs the wasm once.
    let step_button = move |label: &'static str,
                            title: &'static str,
                            text: &'static str,
                            find: fn(&[Step], Date) -> Option<usize>| {
        view! {
            <button type="button" aria-label=t(label) title=t(title) on:click=move |_| play.step(find)>{text}</button>
        }
    };
    let c = i18n::catalogue();
    let year = move |year: u16| c.format("date-year", &[("year", year.into())]);

    view! {
        <section class="timeline" id="timeline" aria-label=t("shell-timeline") node_ref=bar on:keydown=keys>
            <button type="button" class="play" on:click=move |_| play.toggle()
                aria-label=move || t(if play.playing.get() { "shell-pause" } else { "shell-play" })>
                {move || if play.playing.get() { "❚❚" } else { "▶" }}
            </button>
            <div class="track">
                <div class="ticks" aria-hidden="true">{move || marks(data.events.get().and_then(Result::ok), today)}</div>
                <input type="range" min=min max=max step="1"
                    aria-label=t("shell-date-slider")
                    aria-valuetext=move || c.day_words(data.date.get())
                    prop:value=move || day_number(data.date.get()).to_string()
                    on:input=move |e| data.live_date.set(from_input(&e))
                    on:change=move |e| if let Some(d) = from_input(&e) { play.go(d, true) }/>
                <div class="years" aria-hidden="true">
                    <span style:left="0%">{year(START.year)}</span>
                    {first_landing.map(|d| view! {
                        <span style:left=format!("{}%", fixed(fraction(d, today) * 100.0, 2))>{year(d.year)}</span>
                    })}
                    <span style:left="100%">{year(today.year)}</span>
                </div>
            </div>
            <output class="date">
                {move || {
                    let d = data.date.get();
                    let words = c.day_words(d);
                    if d == today { tf("shell-today-date", &[("date", words.into())]) } else { words }
                }}
            </output>
            <div class="more">
                {step_button("shell-previous", "shell-previous-key", "‹", previous_before)}
                {step_button("shell-next", "shell-next-key", "›", next_after)}
                <label class="speed">{t("shell-speed")}" "
                    <select on:change=move |e| play.speed.set(event_target_value(&e).parse().unwrap_or(PLAY_PAUSE as usize))>
                        {SPEEDS.map(|(label, ms)| view! {
                            // "0.5×" reads "0,5×" in Russian.
                            <option value=ms.to_string() selected=ms == PLAY_PAUSE>{
                                if i18n::lang() == Lang::Ru { label.replace('.', ",") } else { label.to_owned() }
                            }</option>
                        })}
                    </select>
                </label>
                <input type="text" class="goto" placeholder=t("shell-goto-placeholder")
                    aria-label=t("shell-goto")
                    aria-invalid=move || play.invalid.get().to_string() aria-describedby=CAPTION_ID
                    on:keydown=|e| e.stop_propagation() on:change=move |e| play.typed(&event_target_value(&e))/>
            </div>
            <CompareControl/>
            <Show when=move || play.url.date.get().is_some()>
                <button type="button" class="to-today" on:click=move |_| play.go(today, true)>{t("shell-today")}</button>
            </Show>
            {caption_view(play)}
        </section>
    }
}

/// What the map's date is, announced politely: the stop's first event (in
/// the reader's names, opening it when clicked) and its date in words, or
/// the end of play, or why a typed date was refused.
fn caption_view(play: Player) -> impl IntoView {
    let (url, data) = (play.url, play.data);
    // A closure, not a memo: a memo of a new type costs kilobytes of wasm,
    // and this is cheap to work out again.
    let text = move || {
        let date = data.date.get();
        if play.note_on.get() == Some(date) {
            return (None, play.note.get().unwrap_or_default());
        }
        let stop = || {
            let events = data.events.get().and_then(Result::ok)?;
            let stops = play.stops();
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
    };
    let open = move |_| {
        if let Some(id) = untrack(text).0 {
            play.pause();
            url.push(move |s| s.event = Some(id));
        }
    };
    view! {
        <p class="caption" id=CAPTION_ID aria-live="polite" class:shown=move || !text().1.is_empty()>
            <button type="button" class="link" hidden=move || text().0.is_none() on:click=open>
                {move || { let (id, t) = text(); id.map(|_| t) }}
            </button>
            {move || { let (id, t) = text(); id.is_none().then_some(t) }}
        </p>
    }
}

/// The events on the track: an exact day as a tick, a year or a month as a
/// span across it (each position once).
fn marks(events: Option<Arc<Vec<EventMark>>>, today: Date) -> impl IntoView {
    let mut spans: Vec<(String, String)> = Vec::new();
    for e in events.iter().flat_map(|e| e.iter()) {
        let (left, width) = span(e.date, today);
        let mark = (fixed(left * 100.0, 3), fixed(width * 100.0, 3));
        if (START..=today).contains(&e.date.first_day()) && !spans.contains(&mark) {
            spans.push(mark);
        }
    }
    spans
        .into_iter()
        .map(|(left, width)| {
            // An exact day has no width: a tick; a year or a month a span.
            let class = if width == "0.000" { "tick" } else { "tick span" };
            view! { <span class=class style:left=format!("{left}%") style:width=format!("{width}%")></span> }
        })
        .collect_view()
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
/// the map keeps names above it.
fn measure_covered_bottom(bar: NodeRef<leptos::html::Section>) {
    let data: AtlasData = expect_context();
    let measure = move || {
        if let Some(el) = bar.get_untracked() {
            data.covered_bottom.set(f64::from(el.offset_height()));
        }
    };
    Effect::new(move |_| {
        if bar.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || {
        resize.remove();
        // The page may be going away with it; then there is nothing to tell.
        let _ = data.covered_bottom.try_set(0.0);
    });
}
