//! The timeline bar's markup, drawn into `index.html` (`page::index`) in
//! the link's language and with the link's date; the app only gives it its
//! behaviour (`app/src/timeline.rs` binds it).
//!
//! Why on the server: drawn by Leptos, the bar and its compare control
//! cost one render effect and one view type per reactive attribute: 6.1 KB
//! of the compressed wasm (191,939 -> 185,802 B, bench/README "The
//! timeline bar drawn by the server").
//!
//! # What the app relies on
//!
//! - `<section class="timeline" id="timeline" hidden>`: `hidden` until the
//!   app has bound it (before the wasm runs nothing in it works).
//! - Elements found by class: `.play`, `input[type=range]`, `output.date`,
//!   `.previous`, `.next`, `select`, `input.goto`, `.compare-open`,
//!   `.compare-stop`, `.compare-field input`, `#compare-error`, `.to-today`,
//!   and the caption `#timeline-caption` (its `button.link` and `span`).
//! - `data-left` / `data-width` (percent of the track) on the marks and
//!   year labels: the app sets them as styles, since the page's CSP allows
//!   no inline `style` attribute.

use model::events::{Date, PartialDate};
use model::i18n::{Catalogue, Lang};
use model::og::escape;
use model::permalink::MapState;
use model::timeline::{
    CAPTION_ID, PLAY_PAUSE, SPEEDS, START, day_number, marks, speed_label, year_labels,
};
use std::fmt::Write;

/// What the bar shows: the words, the link's state, today, where the
/// events lie, and the first Soviet landing (a year under the track).
pub struct Bar<'a> {
    pub c: &'a Catalogue,
    pub lang: Lang,
    pub state: &'a MapState,
    pub today: Date,
    /// The events' dates.
    pub dates: &'a [PartialDate],
    pub landing: Option<Date>,
}

impl Bar<'_> {
    fn t(&self, key: &str) -> String {
        escape(&self.c.text(key))
    }

    /// The map's date: the link's, else today (never after today).
    fn date(&self) -> Date {
        self.state.date.unwrap_or(self.today).min(self.today)
    }

    /// The whole `<section>`.
    pub fn draw(&self) -> String {
        let date = self.date();
        let words = self.c.day_words(date);
        let shown = if date == self.today {
            self.c
                .format("shell-today-date", &[("date", words.as_str().into())])
        } else {
            words.clone()
        };
        let mut out = format!(
            "<section class=\"timeline\" id=\"timeline\" aria-label=\"{}\" hidden>\
             <button type=\"button\" class=\"play\" aria-label=\"{}\">▶</button>\
             <div class=\"track\">{}\
             <input type=\"range\" min=\"{}\" max=\"{}\" step=\"1\" value=\"{}\" aria-label=\"{}\" aria-valuetext=\"{}\">\
             {}</div><output class=\"date\">{}</output>",
            self.t("shell-timeline"),
            self.t("shell-play"),
            self.ticks(),
            day_number(START),
            day_number(self.today),
            day_number(date),
            self.t("shell-date-slider"),
            escape(&words),
            self.years(),
            escape(&shown),
        );
        out.push_str(&self.more());
        out.push_str(&self.compare());
        let _ = write!(
            out,
            "<button type=\"button\" class=\"to-today\"{}>{}</button>\
             <p class=\"caption\" id=\"{CAPTION_ID}\" aria-live=\"polite\">\
             <button type=\"button\" class=\"link\" hidden></button><span></span></p></section>",
            hidden(self.state.date.is_none()),
            self.t("shell-today"),
        );
        out
    }

    /// The events on the track: an exact day a tick, a year or a month a span.
    fn ticks(&self) -> String {
        let mut out = String::from("<div class=\"ticks\" aria-hidden=\"true\">");
        for m in marks(self.dates, self.today) {
            let class = if m.is_tick() { "tick" } else { "tick span" };
            let _ = write!(
                out,
                "<span class=\"{class}\" data-left=\"{}\" data-width=\"{}\"></span>",
                m.left, m.width
            );
        }
        out.push_str("</div>");
        out
    }

    /// The years under the track.
    fn years(&self) -> String {
        let mut out = String::from("<div class=\"years\" aria-hidden=\"true\">");
        for (year, left) in year_labels(self.landing, self.today) {
            let text = self.c.format("date-year", &[("year", year.into())]);
            let _ = write!(out, "<span data-left=\"{left}\">{}</span>", escape(&text));
        }
        out.push_str("</div>");
        out
    }

    /// Previous, next, the speed and the date field.
    fn more(&self) -> String {
        let mut options = String::new();
        for (label, ms) in SPEEDS {
            let selected = if ms == PLAY_PAUSE { " selected" } else { "" };
            let _ = write!(
                options,
                "<option value=\"{ms}\"{selected}>{}</option>",
                escape(&speed_label(label, self.lang))
            );
        }
        format!(
            "<div class=\"more\">\
             <button type=\"button\" class=\"previous\" aria-label=\"{}\" title=\"{}\">‹</button>\
             <button type=\"button\" class=\"next\" aria-label=\"{}\" title=\"{}\">›</button>\
             <label class=\"speed\">{} <select>{options}</select></label>\
             <input type=\"text\" class=\"goto\" placeholder=\"{}\" aria-label=\"{}\" aria-invalid=\"false\" aria-describedby=\"{CAPTION_ID}\">\
             </div>",
            self.t("shell-previous"),
            self.t("shell-previous-key"),
            self.t("shell-next"),
            self.t("shell-next-key"),
            self.t("shell-speed"),
            self.t("shell-goto-placeholder"),
            self.t("shell-goto"),
        )
    }

    /// "Compare with…": the button, the stop button while comparing, and
    /// the date field it opens.
    fn compare(&self) -> String {
        let open = match self.state.compare {
            Some(d) => self
                .c
                .format("compare-comparing", &[("date", self.c.day_words(d).into())]),
            None => self.c.text("compare-with"),
        };
        format!(
            "<div class=\"compare\">\
             <button type=\"button\" class=\"compare-open\" aria-expanded=\"false\" aria-controls=\"compare-field\">{}</button>\
             <button type=\"button\" class=\"compare-stop\"{}>{}</button>\
             <div class=\"compare-field\" id=\"compare-field\" hidden><label>{} \
             <input type=\"text\" placeholder=\"{}\" aria-invalid=\"false\" aria-describedby=\"compare-error\"></label>\
             <p id=\"compare-error\" class=\"compare-error\" aria-live=\"polite\"></p></div></div>",
            escape(&open),
            hidden(self.state.compare.is_none()),
            self.t("compare-stop"),
            self.t("compare-field"),
            self.t("shell-goto-placeholder"),
        )
    }
}

fn hidden(yes: bool) -> &'static str {
    if yes { " hidden" } else { "" }
}

/// `html` with the bar inserted before `</body>` (the app moves it into
/// place when it binds it).
pub fn insert(html: &mut String, bar: &Bar) {
    if let Some(at) = html.rfind("</body>") {
        html.insert_str(at, &bar.draw());
    }
}
