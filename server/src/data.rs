//! The data files, each read once and parsed once, typed: the land at every
//! level of detail, lines, places, the overview map's coastlines and the events data (`geodata/events/`),
//! validated together. Whoever needs a file takes its typed value (and its
//! text, where it is served as committed) from [`Data`].
//!
//! A new data file is one more field and one more [`parse`] line in
//! [`Data::load`].

use std::path::{Path, PathBuf};

use std::time::{SystemTime, UNIX_EPOCH};

use model::events::Date;
use sha2::{Digest, Sha256};

use model::downloads::PackageMeta;
use model::events::{DataError, Dataset, Denylist, Known};
use model::geodata::{LandCollection, LineCollection, PlaceCollection};
use model::islands::Islands;
use model::measure::Distances;
use model::overview::OverviewCollection;
use model::positions::Positions;

/// Number of land levels of detail in `geodata/` (`land-0` coarsest).
pub const LAND_LEVELS: usize = 3;

/// Why the data did not load; each names the file (or folder) at fault.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: {problem}", path.display())]
    Parse { path: PathBuf, problem: String },
    #[error("{}: no disputed island in the file", path.display())]
    NoDisputedIsland { path: PathBuf },
    #[error("the events data has {} error(s); fix them and restart:{}", errors.len(), listed(errors))]
    Events { errors: Vec<DataError> },
    #[error("the islands data has {} error(s); fix them and restart:{}", errors.len(), listed(errors))]
    Islands { errors: Vec<DataError> },
    #[error("the positions data has {} error(s); fix them and restart:{}", errors.len(), listed(errors))]
    Positions { errors: Vec<DataError> },
    #[error("the distances data has {} error(s); fix them and restart:{}", errors.len(), listed(errors))]
    Distances { errors: Vec<DataError> },
}

fn listed(errors: &[DataError]) -> String {
    errors.iter().map(|e| format!("\n  {e}")).collect()
}

/// A file as committed (served as is) and its parsed value.
pub struct Parsed<T> {
    pub text: String,
    pub value: T,
}

/// Every data file, parsed and validated.
pub struct Data {
    /// `islands.toml`: the disputed islands and groups, in step with every land level.
    pub islands: Parsed<Islands>,
    /// `land-{level}.geojson`, coarsest first; each has a disputed island.
    pub land: Vec<Parsed<LandCollection>>,
    pub lines: Parsed<LineCollection>,
    pub places: Parsed<PlaceCollection>,
    /// `overview.geojson`: the overview map's coastlines.
    pub overview: Parsed<OverviewCollection>,
    /// Events, deployments and articles, checked against the places above.
    pub events: Dataset,
    /// `positions.toml`: both governments' positions, their references checked.
    pub positions: Positions,
    /// `distances.toml`: the well-known distances the measure tool offers.
    pub distances: Distances,
    /// The data revision: a hash of every file above as read.
    pub revision: Revision,
    /// The day (UTC) the newest of those files was last written: the
    /// revision's date (`dateModified`, a citation's year); the load's day
    /// when the file system keeps no times.
    pub modified: Date,
    /// What `/api/datapackage.json` says besides the downloads themselves.
    pub package: PackageMeta,
}

/// The UTC day of `time`; `None` before 1970 or past the years [`Date`] allows.
pub fn day_of(time: SystemTime) -> Option<Date> {
    let seconds = time.duration_since(UNIX_EPOCH).ok()?.as_secs();
    model::timeline::date_of_unix_seconds(seconds)
}

/// Today, UTC, by the server's clock.
pub fn today() -> Date {
    day_of(SystemTime::now()).unwrap_or(Date {
        year: 1970,
        month: 1,
        day: 1,
    })
}

/// Hex digits of the data revision: 48 bits, plenty to tell revisions apart.
const REVISION_DIGITS: usize = 12;

/// The data revision: the first [`REVISION_DIGITS`] hex digits of a SHA-256
/// over every data file the server read, in a fixed order (land levels,
/// lines, places, the overview, islands, the events folder by path, positions), each as
/// its path relative to the data folder and its bytes. The same files give
/// the same revision wherever the folder is; any changed byte, a renamed or
/// an added events file gives another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision(String);

impl Revision {
    pub fn of<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Revision {
        let mut hash = Sha256::new();
        for (name, text) in files {
            for part in [name.as_bytes(), text.as_bytes()] {
                hash.update((part.len() as u64).to_le_bytes());
                hash.update(part);
            }
        }
        let digest = hash.finalize();
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        Revision(hex[..REVISION_DIGITS].to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Revision {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Data {
    /// Reads and validates every file in `dir`; the first problem stops it
    /// (for the events data: all of its problems, with file, line and field).
    pub fn load(dir: &Path) -> Result<Data, LoadError> {
        let land = (0..LAND_LEVELS)
            .map(|level| land(&dir.join(format!("land-{level}.geojson"))))
            .collect::<Result<Vec<_>, _>>()?;
        let lines = parse(&dir.join("lines.geojson"), LineCollection::from_json)?;
        let places = parse(&dir.join("places.geojson"), PlaceCollection::from_json)?;
        let overview = parse(&dir.join("overview.geojson"), OverviewCollection::from_json)?;
        let islands = islands(&dir.join("islands.toml"), &land)?;
        let coarsest = &land[0].value;
        let mut known = islands.value.known(coarsest, &places.value);
        // No record may be added or updated after today.
        known.today = day_of(SystemTime::now());
        let (events, event_files) = events(dir, &known)?;
        let (positions, positions_text) =
            positions(&dir.join("positions.toml"), &known, &events.denylist)?;
        let package = parse(&dir.join("datapackage.toml"), PackageMeta::parse)?;
        let distances = read(&dir.join("distances.toml"))?;
        let distances_value = {
            let name = dir.join("distances.toml").display().to_string();
            Distances::parse(&name, &distances, &known, &events.denylist)
                .map_err(|errors| LoadError::Distances { errors })?
        };
        let levels: Vec<String> = (0..LAND_LEVELS)
            .map(|level| format!("land-{level}.geojson"))
            .collect();
        let named = levels
            .iter()
            .map(String::as_str)
            .zip(land.iter().map(|l| l.text.as_str()))
            .chain([
                ("lines.geojson", lines.text.as_str()),
                ("places.geojson", places.text.as_str()),
                ("overview.geojson", overview.text.as_str()),
                ("islands.toml", islands.text.as_str()),
            ])
            .chain(event_files.iter().map(|(n, t)| (n.as_str(), t.as_str())))
            .chain([
                ("positions.toml", positions_text.as_str()),
                ("datapackage.toml", package.text.as_str()),
                ("distances.toml", distances.as_str()),
            ]);
        let names: Vec<&str> = named.clone().map(|(name, _)| name).collect();
        let revision = Revision::of(named);
        let modified = names
            .iter()
            .filter_map(|name| dir.join(name).metadata().ok()?.modified().ok())
            .max()
            .and_then(day_of)
            .unwrap_or_else(today);
        Ok(Data {
            islands,
            land,
            lines,
            places,
            overview,
            events,
            positions,
            distances: distances_value,
            revision,
            modified,
            package: package.value,
        })
    }
}

fn read(path: &Path) -> Result<String, LoadError> {
    std::fs::read_to_string(path).map_err(|source| LoadError::Read {
        path: path.to_owned(),
        source,
    })
}

/// Reads `path` and parses it with `from_text`, whose error names the place in the file.
pub fn parse<T, E: std::fmt::Display>(
    path: &Path,
    from_text: impl FnOnce(&str) -> Result<T, E>,
) -> Result<Parsed<T>, LoadError> {
    let text = read(path)?;
    let value = from_text(&text).map_err(|problem| LoadError::Parse {
        path: path.to_owned(),
        problem: problem.to_string(),
    })?;
    Ok(Parsed { text, value })
}

/// A land file; one without a disputed island is the wrong file.
fn land(path: &Path) -> Result<Parsed<LandCollection>, LoadError> {
    let parsed = parse(path, LandCollection::from_json)?;
    if parsed.value.disputed().next().is_none() {
        return Err(LoadError::NoDisputedIsland {
            path: path.to_owned(),
        });
    }
    Ok(parsed)
}

/// The islands data, checked on its own and against every land level.
fn islands(path: &Path, land: &[Parsed<LandCollection>]) -> Result<Parsed<Islands>, LoadError> {
    let name = path.display().to_string();
    let text = read(path)?;
    let value = Islands::parse(&name, &text).map_err(|errors| LoadError::Islands { errors })?;
    let errors: Vec<DataError> = land
        .iter()
        .flat_map(|level| value.check_land(&name, &text, &level.value))
        .collect();
    if !errors.is_empty() {
        return Err(LoadError::Islands { errors });
    }
    Ok(Parsed { text, value })
}

/// The positions file, its island and place references checked against
/// `known`, its sources against the events data's `denylist`; and its text.
fn positions(
    path: &Path,
    known: &Known,
    denylist: &Denylist,
) -> Result<(Positions, String), LoadError> {
    let name = path.display().to_string();
    let text = read(path)?;
    let positions = Positions::parse(&name, &text, known, denylist)
        .map_err(|errors| LoadError::Positions { errors })?;
    Ok((positions, text))
}

/// Every `.toml` and `.txt` file under `data/events`, loaded as one
/// [`Dataset`]; and the files as read (path relative to `data`, text), in
/// path order.
fn events(data: &Path, known: &Known) -> Result<(Dataset, Vec<(String, String)>), LoadError> {
    let dir = data.join("events");
    let mut paths = Vec::new();
    collect_files(&dir, &mut paths)?;
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    for path in &paths {
        let name = path.to_string_lossy().replace('\\', "/");
        files.push((name, read(path)?));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let dataset = Dataset::load(&refs, known).map_err(|errors| LoadError::Events { errors })?;
    let relative = paths
        .iter()
        .zip(files)
        .map(|(path, (_, text))| {
            let name = path.strip_prefix(data).unwrap_or(path);
            (name.to_string_lossy().replace('\\', "/"), text)
        })
        .collect();
    Ok((dataset, relative))
}

fn collect_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), LoadError> {
    let unreadable = |source| LoadError::Read {
        path: dir.to_owned(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let path = entry.map_err(unreadable)?.path();
        if path.is_dir() {
            collect_files(&path, out)?;
        } else if path.extension().is_some_and(|x| x == "toml" || x == "txt") {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn geodata() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../geodata")
    }

    #[test]
    fn islands_that_disagree_with_the_land_stop_the_load_naming_the_line() {
        let dir = std::env::temp_dir().join(format!("kuril-islands-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("tmp dir");
        let text = std::fs::read_to_string(geodata().join("islands.toml")).expect("islands");
        let broken = text.replacen("name_ru = \"Шикотан\"", "name_ru = \"Sikotan\"", 1);
        std::fs::write(dir.join("islands.toml"), &broken).expect("write");
        let land = vec![
            parse(&geodata().join("land-0.geojson"), LandCollection::from_json)
                .expect("land parses"),
        ];
        let result = islands(&dir.join("islands.toml"), &land);
        let _ = std::fs::remove_dir_all(&dir);
        let Err(e) = result else {
            panic!("a Russian name unlike the land's was accepted");
        };
        let line = broken[..broken.find("id = \"shikotan\"").expect("entry")]
            .lines()
            .count()
            + 1;
        let text = e.to_string();
        assert!(
            text.contains(&format!("islands.toml:{line}: name_ru")),
            "{text}"
        );
    }

    #[test]
    fn the_revision_follows_names_and_bytes_and_nothing_else() {
        let files = [("a.toml", "x = 1\n"), ("events/b.toml", "y = 2\n")];
        let revision = Revision::of(files);
        assert_eq!(revision, Revision::of(files));
        assert_eq!(revision.as_str().len(), REVISION_DIGITS);
        assert!(revision.as_str().bytes().all(|b| b.is_ascii_hexdigit()));
        let renamed = [("a.toml", "x = 1\n"), ("events/c.toml", "y = 2\n")];
        let changed = [("a.toml", "x = 1\n"), ("events/b.toml", "y = 3\n")];
        // The boundary between name and bytes is part of the hash.
        let shifted = [("a.toml", "x = 1\nevents/b.toml"), ("", "y = 2\n")];
        for other in [renamed, changed, shifted] {
            assert_ne!(Revision::of(other), revision);
        }
    }

    #[test]
    fn errors_name_the_file_and_the_problem() {
        let missing = geodata().join("no-such-file.geojson");
        let Err(e) = parse(&missing, LandCollection::from_json) else {
            panic!("a missing file parsed");
        };
        let text = e.to_string();
        assert!(
            text.starts_with("cannot read ") && text.contains("no-such-file.geojson"),
            "{text}"
        );
        let Err(e) = land(&geodata().join("lines.geojson")) else {
            panic!("lines parsed as land");
        };
        assert!(e.to_string().contains("lines.geojson: "), "{e}");
    }
}
