//! Finds a JSON object that holds a key twice. JSON parsers disagree on which value wins (the
//! last for serde_json and Python, the first for some), and the base64 scheme signs a
//! re-serialisation that keeps only one: such a payload cannot be verified.
//!
//! A serde visitor over the document, not a hand-written parser: serde_json does the lexing,
//! and the visitor only compares each object's keys.

use std::collections::HashSet;
use std::fmt;

use serde::Deserializer;
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};

/// Whether `body` is JSON with an object that repeats a key. A body that is not JSON is not
/// reported here (its signature decides).
pub fn has_duplicate_keys(body: &[u8]) -> bool {
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    match Unique.deserialize(&mut deserializer) {
        Ok(()) => false,
        Err(e) => e.to_string().starts_with(DUPLICATE),
    }
}

const DUPLICATE: &str = "duplicate key";

/// Visits one JSON value, failing on a repeated key in any object within it.
#[derive(Clone, Copy)]
struct Unique;

impl<'de> DeserializeSeed<'de> for Unique {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Unique {
    type Value = ();

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key) {
                return Err(de::Error::custom(DUPLICATE));
            }
            map.next_value_seed(self)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
