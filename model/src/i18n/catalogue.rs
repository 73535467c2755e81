//! A message catalogue: parsing the project's Fluent subset and formatting
//! its messages.

use std::collections::{BTreeSet, HashMap};
use std::fmt;

use super::Lang;
use super::plural::plural_category;

/// Why a catalogue file was refused: where and what.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct CatalogueError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// A value given to a message: text, or a whole number (which selectors
/// match by plural category, and which is written without grouping: years
/// and days are numbers too; grouped figures are passed as text from
/// [`Lang::number`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_owned())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(n as i64)
            }
        }
    )*};
}
number_arg!(i32, i64, u8, u16, u32, usize);

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Text(s) => f.write_str(s),
            Arg::Number(n) => write!(f, "{n}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Element {
    Text(String),
    Variable(String),
    Message(String),
    Select {
        variable: String,
        variants: Vec<(String, Pattern)>,
        default: usize,
    },
}

type Pattern = Vec<Element>;

/// The messages of one language: `key → pattern`.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    lang: Lang,
    messages: HashMap<String, Pattern>,
}

impl Catalogue {
    /// Parses the language's files (name, text), in order; a key defined
    /// twice is an error, as is anything outside the subset.
    pub fn parse(lang: Lang, files: &[(&str, &str)]) -> Result<Catalogue, CatalogueError> {
        let mut messages = HashMap::new();
        for (file, text) in files {
            for (line, key, pattern) in parse_file(file, text)? {
                if messages.insert(key.clone(), pattern).is_some() {
                    return Err(CatalogueError {
                        file: file.to_string(),
                        line,
                        message: format!("`{key}` is defined twice"),
                    });
                }
            }
        }
        Ok(Catalogue { lang, messages })
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    pub fn has(&self, key: &str) -> bool {
        self.messages.contains_key(key)
    }

    /// Every key, sorted.
    pub fn keys(&self) -> BTreeSet<&str> {
        self.messages.keys().map(String::as_str).collect()
    }

    /// The variables a message uses, its references' included.
    pub fn variables(&self, key: &str) -> BTreeSet<String> {
        let mut found = BTreeSet::new();
        if let Some(p) = self.messages.get(key) {
            self.collect_variables(p, &mut found, 0);
        }
        found
    }

    fn collect_variables(&self, pattern: &Pattern, found: &mut BTreeSet<String>, depth: u8) {
        for element in pattern {
            match element {
                Element::Variable(v) => {
                    found.insert(v.clone());
                }
                Element::Message(m) if depth < 8 => {
                    if let Some(p) = self.messages.get(m) {
                        self.collect_variables(p, found, depth + 1);
                    }
                }
                Element::Select {
                    variable, variants, ..
                } => {
                    found.insert(variable.clone());
                    for (_, p) in variants {
                        self.collect_variables(p, found, depth);
                    }
                }
                _ => {}
            }
        }
    }

    /// A message without arguments; a missing key shows as itself, so a
    /// gap is visible (and the catalogue tests catch it first).
    pub fn text(&self, key: &str) -> String {
        self.format(key, &[])
    }

    /// A message with its arguments: `format("events", &[("count", 3.into())])`.
    pub fn format(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let mut out = String::new();
        match self.messages.get(key) {
            Some(p) => self.write(p, args, &mut out, 0),
            None => out.push_str(key),
        }
        out
    }

    fn write(&self, pattern: &Pattern, args: &[(&str, Arg)], out: &mut String, depth: u8) {
        for element in pattern {
            match element {
                Element::Text(t) => out.push_str(t),
                Element::Variable(v) => match lookup(args, v) {
                    Some(a) => out.push_str(&a.to_string()),
                    None => out.push_str(&format!("{{${v}}}")),
                },
                // Fluent: a referenced message sees the caller's arguments.
                Element::Message(m) => match self.messages.get(m) {
                    Some(p) if depth < 8 => self.write(p, args, out, depth + 1),
                    _ => out.push_str(m),
                },
                Element::Select {
                    variable,
                    variants,
                    default,
                } => {
                    let chosen = lookup(args, variable)
                        .and_then(|a| self.variant(a, variants))
                        .unwrap_or(*default);
                    self.write(&variants[chosen].1, args, out, depth);
                }
            }
        }
    }

    /// An exact match first (`[1]`, `[ja]`), then a number's plural category.
    fn variant(&self, arg: &Arg, variants: &[(String, Pattern)]) -> Option<usize> {
        let exact = arg.to_string();
        variants.iter().position(|(k, _)| *k == exact).or_else(|| {
            let Arg::Number(n) = arg else { return None };
            let category = plural_category(self.lang, *n).key();
            variants.iter().position(|(k, _)| k == category)
        })
    }
}

fn lookup<'a>(args: &'a [(&str, Arg)], name: &str) -> Option<&'a Arg> {
    args.iter().find(|(n, _)| *n == name).map(|(_, a)| a)
}

/// A file's messages as (line, key, pattern).
fn parse_file(file: &str, text: &str) -> Result<Vec<(usize, String, Pattern)>, CatalogueError> {
    let error = |line: usize, message: String| CatalogueError {
        file: file.to_owned(),
        line,
        message,
    };
    let mut entries: Vec<(usize, String, String)> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        // Inside a selector, Fluent allows `}`, `[key]` and `*[key]` at the
        // start of a line too.
        if line.starts_with([' ', '\t', '}', '[', '*']) {
            if line.trim().is_empty() {
                continue;
            }
            let Some(last) = entries.last_mut() else {
                return Err(error(number, "indented text outside a message".into()));
            };
            last.2.push('\n');
            last.2.push_str(line);
        } else if line.trim().is_empty() || line.starts_with('#') {
            // A comment or a blank line ends nothing: Fluent allows blank
            // lines inside a message only when indented text follows.
            continue;
        } else {
            let Some((key, value)) = line.split_once('=') else {
                return Err(error(number, "expected `key = value`".into()));
            };
            let key = key.trim();
            if !is_identifier(key) {
                return Err(error(number, format!("`{key}` is not a message key")));
            }
            entries.push((number, key.to_owned(), value.to_owned()));
        }
    }
    entries
        .into_iter()
        .map(|(line, key, raw)| {
            let mut cursor = Cursor {
                chars: raw.chars().collect(),
                at: 0,
            };
            let pattern = cursor
                .pattern(false)
                .and_then(|p| match cursor.peek() {
                    None if !p.is_empty() => Ok(p),
                    None => Err("the message is empty".to_owned()),
                    Some(c) => Err(format!("unexpected `{c}`")),
                })
                .map_err(|m| error(line, format!("`{key}`: {m}")))?;
            Ok((line, key, pattern))
        })
        .collect()
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

struct Cursor {
    chars: Vec<char>,
    at: usize,
}

impl Cursor {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn skip_blank(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    fn skip_inline(&mut self) {
        while self.peek() == Some(' ') {
            self.at += 1;
        }
    }

    /// Text and placeables up to the end, a `}`, or (in a variant) the
    /// next line that starts a variant or closes the selector. Lines are
    /// joined by one space: the interface is HTML, where a newline is a
    /// space, and the catalogues wrap long messages.
    fn pattern(&mut self, in_variant: bool) -> Result<Pattern, String> {
        let mut pattern = Vec::new();
        let mut text = String::new();
        self.skip_inline();
        while let Some(c) = self.peek() {
            match c {
                '{' => {
                    self.at += 1;
                    if !text.is_empty() {
                        pattern.push(Element::Text(std::mem::take(&mut text)));
                    }
                    pattern.push(self.placeable()?);
                }
                '}' => break,
                '\n' => {
                    let line_start = self.at;
                    self.at += 1;
                    self.skip_blank();
                    let next = self.peek();
                    if in_variant && matches!(next, Some('[' | '*' | '}')) {
                        self.at = line_start;
                        break;
                    }
                    if !(text.is_empty() && pattern.is_empty()) && next.is_some() {
                        text.push(' ');
                    }
                }
                _ => {
                    text.push(c);
                    self.at += 1;
                }
            }
        }
        let trimmed = text.trim_end();
        if !trimmed.is_empty() {
            pattern.push(Element::Text(trimmed.to_owned()));
        }
        Ok(pattern)
    }

    /// After `{`: `$var`, `"literal"`, `message-ref`, or a selector.
    fn placeable(&mut self) -> Result<Element, String> {
        self.skip_blank();
        let element = match self.peek() {
            Some('$') => {
                self.at += 1;
                let name = self.identifier()?;
                self.skip_blank();
                if self.peek() == Some('-') {
                    return self.select(name);
                }
                Element::Variable(name)
            }
            Some('"') => {
                self.at += 1;
                let mut literal = String::new();
                loop {
                    match self.peek() {
                        Some('"') => break,
                        Some('\\') | Some('\n') | None => {
                            return Err("unsupported string literal".into());
                        }
                        Some(c) => literal.push(c),
                    }
                    self.at += 1;
                }
                self.at += 1;
                Element::Text(literal)
            }
            Some(c) if c.is_ascii_alphabetic() => Element::Message(self.identifier()?),
            other => return Err(format!("unsupported placeable at {other:?}")),
        };
        self.skip_blank();
        self.expect('}')?;
        Ok(element)
    }

    fn select(&mut self, variable: String) -> Result<Element, String> {
        self.expect('-')?;
        self.expect('>')?;
        let mut variants = Vec::new();
        let mut default = None;
        loop {
            self.skip_blank();
            match self.peek() {
                Some('}') => {
                    self.at += 1;
                    break;
                }
                Some('*') => {
                    self.at += 1;
                    if default.replace(variants.len()).is_some() {
                        return Err("two default variants".into());
                    }
                }
                _ => {}
            }
            self.expect('[')?;
            self.skip_inline();
            let mut key = String::new();
            while let Some(c) = self.peek().filter(|c| *c != ']') {
                key.push(c);
                self.at += 1;
            }
            self.expect(']')?;
            let pattern = self.pattern(true)?;
            variants.push((key.trim().to_owned(), pattern));
        }
        let default = default.ok_or("a selector needs a default variant, *[...]")?;
        Ok(Element::Select {
            variable,
            variants,
            default,
        })
    }

    fn identifier(&mut self) -> Result<String, String> {
        let mut name = String::new();
        while let Some(c) = self
            .peek()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        {
            // `->` ends a selector's variable, not the name.
            if c == '-' && self.chars.get(self.at + 1) == Some(&'>') {
                break;
            }
            name.push(c);
            self.at += 1;
        }
        if is_identifier(&name) {
            Ok(name)
        } else {
            Err("expected a name".into())
        }
    }

    fn expect(&mut self, c: char) -> Result<(), String> {
        if self.peek() == Some(c) {
            self.at += 1;
            Ok(())
        } else {
            Err(format!("expected `{c}`"))
        }
    }
}
