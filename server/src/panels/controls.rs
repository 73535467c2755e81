//! The page controls, drawn by the server (`GET /fragments/controls`):
//! Leaflet's layers control (the names switch, the layers, the legend and
//! the share area: copy link, cite this view, embed, download image and
//! data), or in an embed its footer (the map's date, the legend, a link
//! out). The app inserts it once and binds it (`app/src/controls.rs`):
//! what it does is in the markup's names and attributes:
//!
//! - `input[name=names]` / `input[name=layers]` (`model::share`): a change
//!   is a new state; the app keeps `checked` in step with the URL.
//! - `.controls-toggle` folds and unfolds `#controls-body` (`aria-expanded`).
//! - `button[data-copy="link|citation|embed"]` copies that text, saying so
//!   in `.copied`; `button[data-show="cite|embed"]` shows `[data-part]` of
//!   the same name in `.share-code` (`aria-expanded`).
//! - `input[name=cite-format]`: its `data-label` names the citation's text
//!   box, its `data-copy-label` the copy button.
//! - `a[data-export="png|svg"]`: the app writes the state and the map's
//!   size into `href` when the pointer or the keyboard reaches it.
//! - In an embed, `.embed-date` and `a.open-full` follow the state.
//!
//! Everything in it is a catalogue's words, escaped, and the state the
//! link asks for (names and layers checked). After the layers control
//! comes the island list (`.island-list`, which the app moves to its place
//! after the timeline): `button[data-open-island]` opens that island's or
//! group's panel; the list's `data-names` says which of its labels show.

use super::html::Ctx;
use model::events::DeploymentCategory;
use model::i18n::{Catalogue, Lang};
use model::islands::Islands;
use model::names::{NameStyle, Naming};
use model::og::escape;
use model::permalink::MapState;
use model::share::{CITATION_FORMATS, LAYER_CHOICES, LAYERS, NAME_CHOICES, NAMES};

/// The controls of `ctx`'s state: the embed's footer for `embed=1`.
pub fn controls(ctx: &Ctx) -> String {
    let state = ctx.state;
    if state.embed {
        embed_footer(ctx.c, state, &ctx.c.day_words(ctx.date))
    } else {
        layers_control(ctx.c, state) + &island_list(ctx.c, &ctx.land.islands, state)
    }
}

/// The text list of the islands and groups that mirrors the map, for
/// screen readers and keyboards: each a button opening its panel
/// (`data-open-island`). Names follow the names switch without a reload:
/// each label is written once per convention that words it differently
/// (`data-names`), and the stylesheet shows those of the list's
/// `data-names`, which the app keeps in step with the URL.
pub fn island_list(c: &Catalogue, islands: &Islands, state: &MapState) -> String {
    let lang = c.lang();
    let items: String = islands
        .list_order()
        .into_iter()
        .map(|(entry, member)| {
            let forms = entry.forms();
            let both = Naming::new(lang, NameStyle::Both).label(&forms);
            let [ja, ru] = entry.native();
            // Both names in their own scripts, unless the label is just that.
            let words = |style: NameStyle| {
                let label = Naming::new(lang, style).label(&forms);
                let scripts = match lang {
                    Lang::En => format!("{ja} / {ru}"),
                    _ if both == label => String::new(),
                    _ => both.clone(),
                };
                (label, scripts)
            };
            let variants: Vec<(&str, (String, String))> =
                NAME_CHOICES.iter().map(|(v, s)| (*v, words(*s))).collect();
            let same = variants.iter().all(|(_, w)| *w == variants[0].1);
            let part = |pick: fn(&(String, String)) -> &String| -> String {
                if same {
                    return escape(pick(&variants[0].1));
                }
                variants
                    .iter()
                    .map(|(v, w)| format!("<span data-names=\"{v}\">{}</span>", escape(pick(w))))
                    .collect()
            };
            format!(
                "<li{}><button type=\"button\" class=\"link\" data-open-island=\"{}\">{}</button> <span class=\"scripts\">{}</span></li>",
                if member { " class=\"member\"" } else { "" },
                escape(&entry.id),
                part(|w| &w.0),
                part(|w| &w.1),
            )
        })
        .collect();
    let shown = NAME_CHOICES
        .iter()
        .find(|(_, s)| *s == state.naming().style)
        .map_or("both", |(v, _)| v);
    format!(
        "<details class=\"island-list\" id=\"island-list\" data-names=\"{shown}\"><summary>{}</summary><ul>{items}</ul></details>",
        t(c, "shell-island-list")
    )
}

/// A catalogue's message, escaped.
fn t(c: &Catalogue, key: &str) -> String {
    escape(&c.text(key))
}

/// ` checked` when `on`.
fn checked(on: bool) -> &'static str {
    if on { " checked" } else { "" }
}

/// The layers control, folded (the app unfolds it on a wide screen).
pub fn layers_control(c: &Catalogue, state: &MapState) -> String {
    let style = state.naming().style;
    let names: String = NAME_CHOICES
        .iter()
        .map(|(value, choice)| {
            format!(
                "<label><input type=\"radio\" name=\"{NAMES}\" value=\"{value}\"{}>{}</label>",
                checked(*choice == style),
                escape(&choice.choice(c))
            )
        })
        .collect();
    let layers: String = LAYER_CHOICES
        .iter()
        .map(|(layer, key)| {
            format!(
                "<label><input type=\"checkbox\" name=\"{LAYERS}\" value=\"{}\"{}>{}</label>",
                layer.as_str(),
                checked(state.layers.contains(*layer)),
                t(c, key)
            )
        })
        .collect();
    format!(
        "<nav class=\"controls\" aria-label=\"{options}\">\
         <button type=\"button\" class=\"controls-toggle\" aria-expanded=\"false\" aria-controls=\"controls-body\" \
         aria-label=\"{toggle}\" title=\"{toggle}\">\
         <svg width=\"22\" height=\"22\" viewBox=\"0 0 22 22\" aria-hidden=\"true\"><path d=\"M11 3 2 8l9 5 9-5zM2 12l9 5 9-5M2 16l9 5 9-5\"/></svg></button>\
         <div id=\"controls-body\" class=\"controls-body\" hidden>\
         <fieldset><legend>{names_title}</legend>{names}</fieldset>\
         <fieldset><legend>{layers_title}</legend>{layers}{legend}</fieldset>{share}</div></nav>",
        options = t(c, "shell-options"),
        toggle = t(c, "shell-layers-toggle"),
        names_title = t(c, "shell-names"),
        layers_title = t(c, "shell-layers"),
        legend = legend_box(c, "legend-box controls-legend"),
        share = share(c),
    )
}

/// The legend behind a "Legend" summary, folded: the deployment symbols'
/// categories, the mark of a site never published, the event diamond.
/// `class` includes `legend-box`.
pub fn legend_box(c: &Catalogue, class: &str) -> String {
    let categories: String = DeploymentCategory::ALL
        .iter()
        .map(|cat| {
            format!(
                "<li><span class=\"badge {}\" aria-hidden=\"true\">{}</span> {}</li>",
                cat.class(),
                cat.letter(),
                t(c, cat.name_key())
            )
        })
        .collect();
    format!(
        "<details class=\"{class}\"><summary>{legend}</summary><div class=\"legend-body\">\
         <ul class=\"legend\" aria-label=\"{symbols}\">{categories}\
         <li class=\"wide\"><span class=\"badge approximate\" aria-hidden=\"true\"></span> {approximate}</li>\
         <li class=\"wide\"><svg class=\"legend-event\" width=\"18\" height=\"18\" viewBox=\"-9 -9 18 18\" aria-hidden=\"true\">\
         <rect x=\"-5\" y=\"-5\" width=\"10\" height=\"10\" transform=\"rotate(45)\"/></svg> {event}</li></ul>\
         <p class=\"legend-note\">{japanese}</p></div></details>",
        legend = t(c, "shell-legend"),
        symbols = t(c, "shell-symbols"),
        approximate = t(c, "shell-legend-approximate"),
        event = t(c, "shell-legend-event"),
        japanese = t(c, "shell-legend-japanese"),
    )
}

/// "Copy link", "Cite this view", "Embed", the downloads, the status line
/// and, beside the controls, the citation's and the embed code's boxes.
fn share(c: &Catalogue) -> String {
    let format_name = |key: &str| c.text(key);
    let formats: String = CITATION_FORMATS
        .iter()
        .enumerate()
        .map(|(i, (value, key))| {
            let name = format_name(key);
            format!(
                "<label><input type=\"radio\" name=\"cite-format\" value=\"{value}\" data-label=\"{}\" data-copy-label=\"{}\"{}>{}</label>",
                escape(&c.format("cite-text", &[("format", name.as_str().into())])),
                escape(&c.format("cite-copy", &[("format", name.as_str().into())])),
                checked(i == 0),
                escape(&name)
            )
        })
        .collect();
    let first = format_name(CITATION_FORMATS[0].1);
    format!(
        "<div class=\"share\">\
         <button type=\"button\" data-copy=\"link\">{copy_link}</button>\
         <button type=\"button\" data-show=\"cite\" aria-expanded=\"false\">{cite}</button>\
         <button type=\"button\" data-show=\"embed\" aria-expanded=\"false\">{embed}</button>\
         <p class=\"downloads download-image\">{image}: \
         <a href=\"/export.png\" data-export=\"png\" download>{png}</a> · \
         <a href=\"/export.svg\" data-export=\"svg\" download>{svg}</a></p>{data}\
         <p class=\"copied\" role=\"status\"></p>\
         <div class=\"share-code\" hidden>\
         <div data-part=\"cite\" hidden><fieldset class=\"cite-formats\"><legend>{format}</legend>{formats}</fieldset>\
         <label class=\"citation\"><span class=\"citation-label\">{text}</span>\
         <textarea readonly rows=\"6\" aria-busy=\"true\" data-loading=\"{loading}\"></textarea></label>\
         <button type=\"button\" data-copy=\"citation\" disabled>{copy}</button></div>\
         <div data-part=\"embed\" hidden><label class=\"citation\">{embed_code}<textarea readonly rows=\"4\"></textarea></label>\
         <button type=\"button\" data-copy=\"embed\">{copy_embed}</button></div></div></div>",
        copy_link = t(c, "shell-copy-link"),
        cite = t(c, "shell-cite"),
        embed = t(c, "shell-embed"),
        image = t(c, "export-download-image"),
        png = t(c, "export-image-png"),
        svg = t(c, "export-image-svg"),
        data = data_links(c),
        format = t(c, "cite-format"),
        text = escape(&c.format("cite-text", &[("format", first.as_str().into())])),
        loading = t(c, "cite-loading"),
        copy = escape(&c.format("cite-copy", &[("format", first.as_str().into())])),
        embed_code = t(c, "shell-embed-code"),
        copy_embed = t(c, "shell-copy-embed"),
    )
}

/// "Download data": every event and deployment as CSV and GeoJSON, and the
/// Data Package, in the page's language. (An island's panel links its own.)
fn data_links(c: &Catalogue) -> String {
    let query = match c.lang() {
        Lang::En => String::new(),
        lang => format!("?lang={}", lang.code()),
    };
    let files = [
        ("events.csv", "export-events-csv"),
        ("events.geojson", "export-events-geojson"),
        ("deployments.csv", "export-deployments-csv"),
        ("deployments.geojson", "export-deployments-geojson"),
        ("datapackage.json", "export-datapackage"),
    ];
    let links: String = files
        .iter()
        .map(|(file, key)| {
            format!(
                "<li><a href=\"/api/{file}{query}\" download>{}</a></li>",
                t(c, key)
            )
        })
        .collect();
    format!(
        "<details class=\"downloads download-data\"><summary>{}</summary><ul>{links}</ul></details>",
        t(c, "export-download-data")
    )
}

/// An embedded map's slim footer: the map's date (`day`, in words), the
/// legend (folded) and the same view in the full atlas.
pub fn embed_footer(c: &Catalogue, state: &MapState, day: &str) -> String {
    let full = escape(&model::share::link("", state));
    format!(
        "<footer class=\"embed-footer\"><span class=\"embed-date\">{date}</span>{legend}\
         <a class=\"open-full\" href=\"{full}\" target=\"_blank\" rel=\"noopener\">{open}</a></footer>",
        date = escape(&c.format("shell-embed-date", &[("date", day.into())])),
        legend = legend_box(c, "legend-box embed-legend"),
        open = t(c, "shell-open-full"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use model::permalink::parse;

    fn hostile() -> Catalogue {
        let text = "shell-names-both = <img src=x onerror=alert(1)>\n\
                    shell-layer-places = \"><script>alert(2)</script>\n\
                    cite-format-apa = A\"PA\n\
                    cite-copy = Copy { $format }\n\
                    shell-open-full = <b>out</b>\n\
                    shell-embed-date = Date: { $date }\n";
        Catalogue::parse(Lang::En, &[("hostile.ftl", text)]).expect("parses")
    }

    #[test]
    fn catalogue_words_are_text_not_markup() {
        let c = hostile();
        let html = layers_control(&c, &MapState::default());
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
        assert!(html.contains("&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
        assert!(!html.contains("<img") && !html.contains("<script"));
        assert!(html.contains("data-copy-label=\"Copy A&quot;PA\""));
        let footer = embed_footer(&c, &MapState::default(), "<i>1 May</i>");
        assert!(
            footer.contains("Date: &lt;i&gt;1 May&lt;/i&gt;"),
            "{footer}"
        );
        assert!(footer.contains("&lt;b&gt;out&lt;/b&gt;"));
    }

    #[test]
    fn the_links_names_and_layers_are_checked() {
        let c = Catalogue::default();
        let (state, _) = parse("names=ru&layers=islands,events");
        let html = layers_control(&c, &state);
        let input = |name: &str, value: &str| {
            let at = html
                .find(&format!("name=\"{name}\" value=\"{value}\""))
                .expect("the input");
            html[at..at + html[at..].find('>').expect("ends")].contains(" checked")
        };
        assert!(input(NAMES, "ru"));
        assert!(!input(NAMES, "both") && !input(NAMES, "ja"));
        assert!(input(LAYERS, "islands") && input(LAYERS, "events"));
        assert!(!input(LAYERS, "lines") && !input(LAYERS, "places"));
        assert!(!input(LAYERS, "deployments"));
        // Folded until the app, which binds it, unfolds it.
        assert!(html.contains("aria-expanded=\"false\""));
        assert!(html.contains("class=\"controls-body\" hidden"));
    }
}
