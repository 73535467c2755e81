//! The timeline: a date slider from 1855 to today with the events marked and
//! a play control. Dragging previews the date; releasing records it in the URL.

use crate::data::AtlasData;
use crate::url_state::UrlState;
use leptos::prelude::*;
use model::decimal::fixed;
use model::events::Date;
use model::timeline::{START, day_number, fraction, from_day_number, next_step};
use std::time::Duration;

/// Pause between two steps of the play control.
const PLAY_STEP: Duration = Duration::from_millis(1200);

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
    let event_dates = move || {
        data.events
            .get()
            .and_then(Result::ok)
            .map(|events| {
                events
                    .iter()
                    .map(|e| e.date.first_day())
                    .filter(|d| *d >= START && *d <= today)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let ticks = move || {
        event_dates()
            .into_iter()
            .map(|d| {
                let left = format!("{}%", fixed(fraction(d, today) * 100.0, 3));
                view! { <span class="tick" style:left=left></span> }
            })
            .collect_view()
    };
    let (playing, play) = player(event_dates);
    let bar = NodeRef::<leptos::html::Section>::new();
    measure_covered_bottom(bar);

    view! {
        <section class="timeline" id="timeline" aria-label="Timeline" node_ref=bar>
            <button type="button" class="play" on:click=move |_| play()
                aria-label=move || if playing.get() { "Pause the timeline" } else { "Play through the events" }>
                {move || if playing.get() { "❚❚" } else { "▶" }}
            </button>
            <div class="track">
                <div class="ticks" aria-hidden="true">{ticks}</div>
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
            <output class="date" aria-live="polite">
                {move || {
                    let d = data.date.get();
                    if d == today { format!("Today, {d}") } else { d.to_string() }
                }}
            </output>
            <Show when=move || url.date.get().is_some()>
                <button type="button" class="to-today" on:click=move |_| commit(today)>"Today"</button>
            </Show>
        </section>
    }
}

/// Play: steps to the next event date until the end, replacing the URL
/// entry; the returned action starts and pauses it.
fn player(
    event_dates: impl Fn() -> Vec<Date> + Copy + 'static,
) -> (RwSignal<bool>, impl Fn() + Copy + 'static) {
    let url: UrlState = expect_context();
    let data: AtlasData = expect_context();
    let playing = RwSignal::new(false);
    let step = move || {
        let dates = event_dates();
        match next_step(&dates, data.date.get_untracked()) {
            Some(next) if playing.get_untracked() => {
                url.replace(|s| s.date = Some(next));
                true
            }
            _ => {
                playing.set(false);
                false
            }
        }
    };
    let play = move || {
        if playing.get_untracked() {
            playing.set(false);
            return;
        }
        playing.set(true);
        fn tick(step: impl Fn() -> bool + Copy + 'static) {
            if step() {
                set_timeout(move || tick(step), PLAY_STEP);
            }
        }
        tick(step);
    };

    (playing, play)
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
