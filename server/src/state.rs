//! State shared by all handlers: data loaded and validated once at start-up.

use crate::config::Config;
use crate::http_cache::Served;
use model::geodata::{LandCollection, LandShapes, LineCollection, PlaceCollection};
use model::marks::Overlays;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Number of land levels of detail in `geodata/` (`land-0` coarsest).
pub const LAND_LEVELS: usize = 3;
/// The level link previews are drawn from: detailed enough at 1200 px, quick to draw.
const PREVIEW_LEVEL: usize = 1;

#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    dist: PathBuf,
    /// Land GeoJSON per level of detail, as served (validated, bytes ready).
    land: Vec<Served>,
    /// The same levels projected to SVG path data, as the app draws them.
    shapes: Vec<Served>,
    /// Treaty and claim lines, and places (settlements, bases), as served.
    lines: Served,
    places: Served,
    /// Places and lines digested for the app (`model::marks`).
    overlays: Served,
    /// Outlines used for link-preview images (the medium level of detail).
    preview_land: LandCollection,
    /// The coarsest outlines, drawn into `index.html` so the map paints before the app runs.
    overview_land: LandCollection,
    previews: crate::page::Previews,
    /// Events, deployments and articles (`geodata/events/`), validated.
    api: crate::api::Api,
}

impl AppState {
    /// Loads and validates every data file; any problem stops start-up with a
    /// message naming the file.
    pub fn load(config: &Config) -> Result<Self, String> {
        let mut land = Vec::with_capacity(LAND_LEVELS);
        let mut shapes = Vec::with_capacity(LAND_LEVELS);
        let mut preview_land = None;
        let mut overview_land = None;
        for level in 0..LAND_LEVELS {
            let path = config.data.join(format!("land-{level}.geojson"));
            let text = read(&path)?;
            let collection =
                LandCollection::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            if collection.disputed().next().is_none() {
                return Err(format!(
                    "{}: no disputed island in the file",
                    path.display()
                ));
            }
            land.push(Served::new(text));
            let drawn = serde_json::to_vec(&LandShapes::from_land(&collection))
                .map_err(|e| format!("{}: {e}", path.display()))?;
            shapes.push(Served::new(drawn));
            if level == 0 {
                overview_land = Some(collection.clone());
            }
            if level == PREVIEW_LEVEL {
                preview_land = Some(collection);
            }
        }
        let preview_land = preview_land.ok_or("no level of detail for previews")?;
        let overview_land = overview_land.ok_or("no overview level of detail")?;
        let lines_path = config.data.join("lines.geojson");
        let lines = read(&lines_path)?;
        let line_collection = LineCollection::from_json(&lines)
            .map_err(|e| format!("{}: {e}", lines_path.display()))?;
        let places_path = config.data.join("places.geojson");
        let places = read(&places_path)?;
        let place_collection = PlaceCollection::from_json(&places)
            .map_err(|e| format!("{}: {e}", places_path.display()))?;
        let overlays = serde_json::to_vec(&Overlays::from_collections(
            &place_collection,
            &line_collection,
        ))
        .map_err(|e| {
            format!(
                "{} and {}: {e}",
                places_path.display(),
                lines_path.display()
            )
        })?;
        Ok(AppState {
            inner: Arc::new(Inner {
                dist: config.dist.clone(),
                land,
                shapes,
                lines: Served::new(lines),
                places: Served::new(places),
                overlays: Served::new(overlays),
                preview_land,
                overview_land,
                previews: crate::page::Previews::new(),
                api: crate::api::Api::load(&config.data)?,
            }),
        })
    }

    pub fn dist(&self) -> &Path {
        &self.inner.dist
    }

    pub fn land(&self, level: usize) -> Option<&Served> {
        self.inner.land.get(level)
    }

    pub fn shapes(&self, level: usize) -> Option<&Served> {
        self.inner.shapes.get(level)
    }

    pub fn lines(&self) -> &Served {
        &self.inner.lines
    }

    pub fn places(&self) -> &Served {
        &self.inner.places
    }

    pub fn overlays(&self) -> &Served {
        &self.inner.overlays
    }

    pub fn preview_land(&self) -> &LandCollection {
        &self.inner.preview_land
    }

    pub fn overview_land(&self) -> &LandCollection {
        &self.inner.overview_land
    }

    pub fn previews(&self) -> &crate::page::Previews {
        &self.inner.previews
    }

    pub fn api(&self) -> &crate::api::Api {
        &self.inner.api
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}
