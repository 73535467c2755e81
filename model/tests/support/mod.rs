//! The committed data loaded as the server loads it, for tests over it.

use std::path::{Path, PathBuf};

use model::events::{DataError, Dataset, Known};
use model::geodata::{LandCollection, PlaceCollection};
use model::islands::Islands;

pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

pub fn read_geodata(name: &str) -> String {
    std::fs::read_to_string(repo().join("geodata").join(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every file under geodata/events, as (repo-relative name, text).
pub fn data_files() -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("read geodata/events") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push(path);
            }
        }
    }
    let root = repo();
    let mut paths = Vec::new();
    walk(&root.join("geodata/events"), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let name = p
                .strip_prefix(&root)
                .expect("under repo")
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
            (name, text)
        })
        .collect()
}

pub fn islands() -> Islands {
    Islands::parse("islands.toml", &read_geodata("islands.toml")).expect("islands parse")
}

/// The coarsest land, which the server checks the data against.
pub fn land() -> LandCollection {
    LandCollection::from_json(&read_geodata("land-0.geojson")).expect("land parses")
}

pub fn places() -> PlaceCollection {
    PlaceCollection::from_json(&read_geodata("places.geojson")).expect("places parse")
}

/// The ids of the committed islands, land and places, as the server builds them.
pub fn known() -> Known {
    let mut known = islands().known(&land(), &places());
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("a clock after 1970");
    known.today = model::timeline::date_of_unix_seconds(now.as_secs());
    known
}

/// The events data, loaded with zero errors.
pub fn dataset() -> Dataset {
    let files = data_files();
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    Dataset::load(&refs, &known()).unwrap_or_else(|errors: Vec<DataError>| {
        let listed: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("{} errors:\n{}", errors.len(), listed.join("\n"))
    })
}
