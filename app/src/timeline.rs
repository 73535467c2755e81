//! The timeline: a date slider from 1855 to today with the events marked
//! (exact days as ticks, years and months as spans), a play control that
//! narrates (a caption per stop, a speed, previous and next event), and a
//! field to type a date. Dragging previews the date; releasing records it in
//! the URL. Play itself is not in the URL; the date it stops at is.

use crate::data::AtlasData;
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::decimal::fixed;
use model::events::{Date, Event};
use model::timeline::{
    DEFAULT_SPEED, SPEEDS, START, Step, caption, day_number, fraction, from_day_number, next_after,
    play_from, previous_before, span, steps, stop_on, typed_date,
};
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;

/// The caption's element id, which the date field's error points to.
const CAPTION_ID: &str = "timeline-caption";

#[component]
pub fn Timeline(
    /// The first Soviet landing (from the islands data), marked by its year on the track.
    first_landing: Option<Date>,
) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let today = data.today;
    let (min, max) = (day_number(START), day_number(today));

    let commit = move |date: Date| {
        data.live_date.set(None);
        let date = (date != today).then_some(date);
        url.push(|s| s.date = date);
    };
    let from_input = move |e: &leptos::ev::Event| {
        event_target_value(e)
            .parse::<i64>()
            .ok()
            .and_then(from_day_number)
    };
    let events = move || data.events.get().and_then(Result::ok);
    let stops = Memo::new(move |_| {
        let dates: Vec<_> = events().map_or(vec![], |e| e.iter().map(|e| e.date).collect());
        steps(&dates, today)
    });
    let play = Player::new(stops);
    let bar = NodeRef::<leptos::html::Section>::new();
    measure_covered_bottom(bar);
    let keys = move |e: leptos::ev::KeyboardEvent| match e.key().as_str() {
        "," => play.previous(),
        "." => play.next(),
        _ => {}
    };

    view! {
        <section class="timeline" aria-label="Timeline" node_ref=bar on:keydown=keys
            data-interval=move || SPEEDS[play.speed.get()].1>
            <button type="button" class="play" on:click=move |_| play.toggle()
                aria-label=move || if play.playing.get() { "Pause the timeline" } else { "Play through the events" }>
                {move || if play.playing.get() { "❚❚" } else { "▶" }}
            </button>
            <div class="track">
                <div class="ticks" aria-hidden="true">{move || marks(events(), today)}</div>
                <input type="range" min=min max=max step="1"
                    aria-label="Date shown on the map"
                    aria-valuetext=move || data.date.get().to_string()
                    prop:value=move || day_number(data.date.get()).to_string()
                    on:input=move |e| data.live_date.set(from_input(&e))
                    on:change=move |e| if let Some(d) = from_input(&e) { commit(d) }/>
                <div class="years" aria-hidden="true">
                    <span style:left="0%">"1855"</span>
                    {first_landing.map(|d| view! {
                        <span style:left=format!("{}%", fixed(fraction(d, today) * 100.0, 2))>{d.year.to_string()}</span>
                    })}
                    <span style:left="100%">{today.year.to_string()}</span>
                </div>
            </div>
            <output class="date">
                {move || {
                    let d = data.date.get();
                    if d == today { format!("Today, {d}") } else { d.to_string() }
                }}
            </output>
            <div class="more">
                <button type="button" aria-label="Previous event" title="Previous event (key: ,)"
                    aria-keyshortcuts="," on:click=move |_| play.previous()>"‹"</button>
                <button type="button" aria-label="Next event" title="Next event (key: .)"
                    aria-keyshortcuts="." on:click=move |_| play.next()>"›"</button>
                <label class="speed">"Speed "
                    <select on:change=move |e| play.speed.set(event_target_value(&e).parse().unwrap_or(DEFAULT_SPEED))>
                        {SPEEDS.iter().enumerate().map(|(i, (label, _))| view! {
                            <option value=i.to_string() selected=i == DEFAULT_SPEED>{*label}</option>
                        }).collect_view()}
                    </select>
                </label>
                <DateField note=play.note/>
            </div>
            <Show when=move || url.date.get().is_some()>
                <button type="button" class="to-today" on:click=move |_| commit(today)>"Today"</button>
            </Show>
            <Caption stops=stops play=play/>
        </section>
    }
}

/// A date typed as YYYY, YYYY-MM or YYYY-MM-DD; a refusal says why in the
/// caption.
#[component]
fn DateField(note: RwSignal<Option<(Date, String)>>) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let invalid = RwSignal::new(false);
    let enter = move |e: leptos::ev::Event| {
        let text = event_target_value(&e);
        match typed_date(&text, data.today) {
            Ok(date) => {
                invalid.set(false);
                note.set(None);
                let date = (date != data.today).then_some(date);
                url.push(|s| s.date = date);
            }
            Err(why) => {
                invalid.set(true);
                note.set(Some((data.date.get_untracked(), why.to_string())));
            }
        }
    };
    view! {
        <input type="text" class="goto" size="10" placeholder="YYYY-MM-DD"
            aria-label="Go to date (YYYY, YYYY-MM or YYYY-MM-DD)"
            aria-invalid=move || invalid.get().to_string() aria-describedby=CAPTION_ID
            on:keydown=|e| e.stop_propagation() on:change=enter/>
    }
}

/// What the map's date is: the stop's first event (in the reader's names,
/// opening it when clicked) and its date in words, or the end of play, or a
/// refused date. Announced politely.
#[component]
fn Caption(stops: Memo<Vec<Step>>, play: Player) -> impl IntoView {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let stop_event = move || {
        let date = data.date.get();
        let note = play.note.get().filter(|(on, _)| *on == date);
        if note.is_some() {
            return Some((None, note.map(|(_, text)| text)));
        }
        let events = data.events.get().and_then(Result::ok)?;
        let step = stops.with(|s| stop_on(s, date).cloned())?;
        let event = events.get(*step.events.first()?)?.clone();
        let title = data.named(url.names.get(), &event.title, &event.title_template);
        let text = caption(event.date, &title, step.events.len() - 1);
        Some((Some(event.id), Some(text)))
    };
    let stop_event = move || stop_event().unwrap_or((None, None));
    view! {
        <p class="caption" id=CAPTION_ID aria-live="polite">
            {move || match stop_event() {
                (Some(id), Some(text)) => view! {
                    <button type="button" class="link" on:click=move |_| {
                        play.pause();
                        let id = id.clone();
                        url.push(move |s| s.event = Some(id));
                    }>{text}</button>
                }.into_any(),
                (None, Some(text)) => text.into_any(),
                _ => ().into_any(),
            }}
        </p>
    }
}

/// The events on the track: an exact day as a tick, a year or a month as a
/// span across it (each position once).
fn marks(events: Option<Arc<Vec<Event>>>, today: Date) -> impl IntoView {
    let spans: BTreeSet<(String, String)> = events
        .iter()
        .flat_map(|e| e.iter())
        .filter(|e| (START..=today).contains(&e.date.first_day()))
        .map(|e| {
            let (left, width) = span(e.date, today);
            (fixed(left * 100.0, 3), fixed(width * 100.0, 3))
        })
        .collect();
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
/// stop; then the map shows today and the caption says play ended.
#[derive(Clone, Copy)]
struct Player {
    url: UrlState,
    data: AtlasData,
    stops: Memo<Vec<Step>>,
    playing: RwSignal<bool>,
    /// An index into [`SPEEDS`].
    speed: RwSignal<usize>,
    /// A message for the caption while the map stays on its date.
    note: RwSignal<Option<(Date, String)>>,
    /// Which run of play a pending step belongs to: a pause ends the run.
    run: StoredValue<u32>,
}

impl Player {
    fn new(stops: Memo<Vec<Step>>) -> Self {
        Player {
            url: expect_context(),
            data: expect_context(),
            stops,
            playing: RwSignal::new(false),
            speed: RwSignal::new(DEFAULT_SPEED),
            note: RwSignal::new(None),
            run: StoredValue::new(0),
        }
    }

    fn go(self, date: Date, push: bool) {
        let (url, data) = (self.url, self.data);
        data.live_date.set(None);
        let date = (date != data.today).then_some(date);
        if push {
            url.push(|s| s.date = date);
        } else {
            url.replace(|s| s.date = date);
        }
    }

    fn pause(self) {
        self.playing.set(false);
        self.run.update_value(|r| *r += 1);
    }

    fn toggle(self) {
        if self.playing.get_untracked() {
            return self.pause();
        }
        let data = self.data;
        let (current, today) = (data.date.get_untracked(), data.today);
        let Some(first) = self.stops.with_untracked(|s| play_from(s, current, today)) else {
            return;
        };
        self.pause();
        self.playing.set(true);
        self.go(self.stops.with_untracked(|s| s[first].date), true);
        self.schedule(self.run.get_value());
    }

    fn schedule(self, run: u32) {
        let pause = Duration::from_millis(u64::from(SPEEDS[self.speed.get_untracked()].1));
        set_timeout(move || self.tick(run), pause);
    }

    fn tick(self, run: u32) {
        if self.run.try_get_value() != Some(run) {
            return;
        }
        let data = self.data;
        let current = data.date.get_untracked();
        match self
            .stops
            .with_untracked(|s| next_after(s, current).map(|i| s[i].date))
        {
            Some(next) => {
                self.go(next, false);
                self.schedule(run);
            }
            None => {
                self.pause();
                self.go(data.today, false);
                let end = "Played to the end: the map shows today.".to_owned();
                self.note.set(Some((data.today, end)));
            }
        }
    }

    fn step(self, find: fn(&[Step], Date) -> Option<usize>) {
        let current = self.data.date.get_untracked();
        if let Some(date) = self
            .stops
            .with_untracked(|s| find(s, current).map(|i| s[i].date))
        {
            self.go(date, true);
        }
    }

    fn previous(self) {
        self.step(previous_before);
    }

    fn next(self) {
        self.step(next_after);
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
