//! JSON as bytes, for the paths that never build a tree (pages, list items, `--jq`'s plain
//! paths): whitespace removed from valid JSON, and object keys borrowed from the input.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Visitor};

/// Appends `json` (valid JSON) to `out` without the whitespace between its tokens: pages and
/// items pass through as bytes, and a server that pretty-prints must not break NDJSON's one
/// line per value. Hand-written because the only alternative in the tree is a `Value`
/// round trip, which is what this avoids; it only tracks strings and their escapes.
pub fn compact_into(json: &[u8], out: &mut Vec<u8>) {
    let mut in_string = false;
    let mut escaped = false;
    let mut run = 0;
    for (i, &byte) in json.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if byte == b'\\' {
                escaped = true;
            } else if byte == b'"' {
                in_string = false;
            }
        } else if byte == b'"' {
            in_string = true;
        } else if matches!(byte, b' ' | b'\n' | b'\r' | b'\t') {
            out.extend_from_slice(&json[run..i]);
            run = i + 1;
        }
    }
    out.extend_from_slice(&json[run..]);
}

/// An object key, borrowed unless it holds escapes.
pub struct Key<'de>(pub Cow<'de, str>);

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: de::Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
        }
        de.deserialize_str(KeyVisitor)
    }
}
