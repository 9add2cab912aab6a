//! The fast path of `--jq` for plain paths (`.a`, `.a[]`, `.a[].b`, `.a[] | .b`): they read
//! the answer's bytes directly, as borrowed JSON slices, and build no jaq values. Whatever
//! the fast path cannot answer as jq would (a type that does not fit, an object iterated)
//! falls back to jaq, which then also gives jq's error.

use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::json::{Key, compact_into};

/// One step of a plain path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Each,
}

/// The steps of `code` when it is a plain path, else `None`. Hand-written: it accepts only
/// `.`, `.name`, `[]` and `|`, and anything else goes to jaq.
pub fn parse(code: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    for part in code.split('|') {
        let mut rest = part.trim().strip_prefix('.')?;
        loop {
            if let Some(after) = rest.strip_prefix("[]") {
                steps.push(Step::Each);
                rest = after;
            } else if rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') {
                let end = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                steps.push(Step::Key(rest[..end].to_owned()));
                rest = &rest[end..];
            } else if rest.is_empty() {
                break;
            } else {
                return None;
            }
            if rest.is_empty() {
                break;
            }
            if !rest.starts_with("[]") {
                rest = rest.strip_prefix('.')?;
            }
        }
    }
    Some(steps)
}

/// Runs `steps` on `input`: the results' lines, or `None` when jaq must answer.
pub fn run(steps: &[Step], input: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(input).ok()?;
    let root: &RawValue = serde_json::from_str(text).ok()?;
    let mut out = Vec::with_capacity(input.len());
    walk(root, steps, &mut out)?;
    Some(out)
}

fn walk(value: &RawValue, steps: &[Step], out: &mut Vec<u8>) -> Option<()> {
    let json = value.get();
    let Some((step, rest)) = steps.split_first() else {
        return print(json, out);
    };
    match step {
        Step::Key(key) if json.starts_with('{') => {
            let mut de = serde_json::Deserializer::from_str(json);
            match (FindKey { key }).deserialize(&mut de).ok()? {
                Some(inner) => walk(inner, rest, out),
                None => walk_null(rest, out),
            }
        }
        Step::Key(_) if json == "null" => walk_null(rest, out),
        Step::Each if json.starts_with('[') => {
            let items: Vec<&RawValue> = serde_json::from_str(json).ok()?;
            items.into_iter().try_for_each(|item| walk(item, rest, out))
        }
        _ => None,
    }
}

/// `.a.b` on null is null; `.[]` on null is jq's error, so jaq answers.
fn walk_null(rest: &[Step], out: &mut Vec<u8>) -> Option<()> {
    if rest.contains(&Step::Each) {
        return None;
    }
    out.extend_from_slice(b"null\n");
    Some(())
}

/// One result: a string raw (like `jq -r`), anything else as compact JSON.
fn print(json: &str, out: &mut Vec<u8>) -> Option<()> {
    if json.starts_with('"') {
        if json.contains('\\') {
            let text: String = serde_json::from_str(json).ok()?;
            out.extend_from_slice(text.as_bytes());
        } else {
            out.extend_from_slice(&json.as_bytes()[1..json.len() - 1]);
        }
    } else {
        compact_into(json.as_bytes(), out);
    }
    out.push(b'\n');
    Some(())
}

/// Finds the value of `key` in an object, borrowed; the last one wins, as in jq.
struct FindKey<'k> {
    key: &'k str,
}

impl<'de> DeserializeSeed<'de> for FindKey<'_> {
    type Value = Option<&'de RawValue>;

    fn deserialize<D: de::Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FindKey<'_> {
    type Value = Option<&'de RawValue>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut found = None;
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            if key == self.key {
                found = Some(map.next_value::<&'de RawValue>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found)
    }
}
