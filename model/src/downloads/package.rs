//! The Frictionless Data Package (https://specs.frictionlessdata.io/data-package/)
//! describing every download: its words and licences from
//! `geodata/datapackage.toml` ([`PackageMeta`]), its resources (the
//! server's download routes) and the CSVs' table schemas from the columns.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::{Column, DEPLOYMENT_COLUMNS, EVENT_COLUMNS};

/// A licence as the Data Package spec writes it: an SPDX id, its text's
/// address and a title.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct License {
    pub name: String,
    pub path: String,
    pub title: String,
}

/// Where the data comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackageSource {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
}

/// `geodata/datapackage.toml`: the package's words, the licences of each
/// kind of file (`project`, `coastlines`, `lines`) and the sources.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackageMeta {
    pub name: String,
    pub title: String,
    pub description: String,
    pub licences: BTreeMap<String, Vec<License>>,
    pub sources: Vec<PackageSource>,
}

/// Why `geodata/datapackage.toml` was refused.
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    #[cfg(feature = "loader")]
    #[error("{0}")]
    Toml(#[from] toml::de::Error),
    #[error("no licences for `{0}` (a resource needs them)")]
    MissingLicence(&'static str),
}

/// A Table Schema field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub description: String,
}

/// A Table Schema: the CSV's columns in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TableSchema {
    pub fields: Vec<Field>,
}

/// How the CSVs are written (RFC 4180 with CRLF and a header row).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dialect {
    pub delimiter: String,
    #[serde(rename = "lineTerminator")]
    pub line_terminator: String,
    #[serde(rename = "quoteChar")]
    pub quote_char: String,
    #[serde(rename = "doubleQuote")]
    pub double_quote: bool,
    pub header: bool,
}

/// One download: where it is (relative to the package's own address,
/// `/api/`), its format and media type, its licences and, for a CSV, its
/// schema.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resource {
    pub name: String,
    pub path: String,
    pub profile: String,
    pub title: String,
    pub format: String,
    pub mediatype: String,
    pub encoding: String,
    pub licenses: Vec<License>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<TableSchema>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dialect: Option<Dialect>,
}

/// `/api/datapackage.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DataPackage {
    pub profile: String,
    pub name: String,
    pub title: String,
    pub description: String,
    pub licenses: Vec<License>,
    pub sources: Vec<PackageSource>,
    pub resources: Vec<Resource>,
}

/// A download: name, path under `/api/`, title, format, media type, the
/// licence group of `datapackage.toml`, and the CSV's columns.
type Download = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static [Column]>,
);

const CSV: &str = "text/csv";
const GEOJSON: &str = "application/geo+json";

/// Every download the server offers, in the package's order.
const DOWNLOADS: [Download; 9] = [
    (
        "events-csv",
        "events.csv",
        "Events, one row each, with their sources",
        "csv",
        CSV,
        "project",
        Some(&EVENT_COLUMNS),
    ),
    (
        "events-geojson",
        "events.geojson",
        "Events with a point on the map, with their sources",
        "geojson",
        GEOJSON,
        "project",
        None,
    ),
    (
        "deployments-csv",
        "deployments.csv",
        "Military deployments, one row each, with their sources",
        "csv",
        CSV,
        "project",
        Some(&DEPLOYMENT_COLUMNS),
    ),
    (
        "deployments-geojson",
        "deployments.geojson",
        "Military deployments at their sites, with their sources",
        "geojson",
        GEOJSON,
        "project",
        None,
    ),
    (
        "land-0",
        "geo/land/0",
        "Coastlines, overview detail",
        "geojson",
        GEOJSON,
        "coastlines",
        None,
    ),
    (
        "land-1",
        "geo/land/1",
        "Coastlines, medium detail",
        "geojson",
        GEOJSON,
        "coastlines",
        None,
    ),
    (
        "land-2",
        "geo/land/2",
        "Coastlines, full detail",
        "geojson",
        GEOJSON,
        "coastlines",
        None,
    ),
    (
        "lines",
        "geo/lines",
        "Treaty and control lines",
        "geojson",
        GEOJSON,
        "lines",
        None,
    ),
    (
        "places",
        "geo/places",
        "Places: settlements, bases, airfields, island centres, each with its source",
        "geojson",
        GEOJSON,
        "project",
        None,
    ),
];

impl PackageMeta {
    /// Parses `geodata/datapackage.toml` and checks that every licence
    /// group a download names is there.
    #[cfg(feature = "loader")]
    pub fn parse(text: &str) -> Result<PackageMeta, PackageError> {
        let meta: PackageMeta = toml::from_str(text)?;
        for (.., group, _) in DOWNLOADS {
            if meta.licences.get(group).is_none_or(Vec::is_empty) {
                return Err(PackageError::MissingLicence(group));
            }
        }
        Ok(meta)
    }
}

impl DataPackage {
    /// The package: every download with its licences (the package's own
    /// are all of them, each once) and the CSVs' schemas.
    pub fn new(meta: &PackageMeta) -> DataPackage {
        let resources: Vec<Resource> = DOWNLOADS
            .iter()
            .map(
                |&(name, path, title, format, mediatype, group, columns)| Resource {
                    name: name.into(),
                    path: path.into(),
                    profile: if columns.is_some() {
                        "tabular-data-resource"
                    } else {
                        "data-resource"
                    }
                    .into(),
                    title: title.into(),
                    format: format.into(),
                    mediatype: mediatype.into(),
                    encoding: "utf-8".into(),
                    licenses: meta.licences.get(group).cloned().unwrap_or_default(),
                    schema: columns.map(|columns| TableSchema {
                        fields: columns
                            .iter()
                            .map(|c| Field {
                                name: c.name.into(),
                                kind: c.kind.into(),
                                description: c.description.into(),
                            })
                            .collect(),
                    }),
                    dialect: columns.map(|_| Dialect {
                        delimiter: ",".into(),
                        line_terminator: "\r\n".into(),
                        quote_char: "\"".into(),
                        double_quote: true,
                        header: true,
                    }),
                },
            )
            .collect();
        let mut licenses: Vec<License> = Vec::new();
        for l in resources.iter().flat_map(|r| &r.licenses) {
            if !licenses.iter().any(|x| x.name == l.name) {
                licenses.push(l.clone());
            }
        }
        DataPackage {
            profile: "data-package".into(),
            name: meta.name.clone(),
            title: meta.title.clone(),
            description: meta.description.clone(),
            licenses,
            sources: meta.sources.clone(),
            resources,
        }
    }
}
