//! What paging needs from a page, read without building it: the `pagination` object,
//! `total_count`, and the items (as borrowed raw slices) or only whether they are empty. A
//! serde visitor over [`IgnoredAny`] skips everything else, so a page of 100 campaigns costs
//! one pass over its bytes and no tree.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use crate::json::Key;

/// The `pagination` object of a page: only the fields paging reads (contract section 12).
#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize)]
pub struct Pagination {
    #[serde(default, deserialize_with = "lenient")]
    pub has_next: Option<bool>,
    #[serde(default, deserialize_with = "lenient")]
    pub has_more: Option<bool>,
    #[serde(default, deserialize_with = "lenient")]
    pub next_cursor: Option<String>,
    #[serde(default, deserialize_with = "lenient")]
    pub next_page: Option<u64>,
    #[serde(default, deserialize_with = "lenient")]
    pub page_index: Option<u64>,
}

/// A field of another type (or `null`) counts as absent, as it did when the page was a tree.
fn lenient<'de, D, T>(de: D) -> Result<Option<T>, D::Error>
where
    D: de::Deserializer<'de>,
    T: Deserialize<'de>,
{
    let value: Option<&RawValue> = Option::deserialize(de)?;
    Ok(value.and_then(|raw| serde_json::from_str(raw.get()).ok()))
}

/// A page, scanned.
#[derive(Debug, Default)]
pub struct Scanned<'a> {
    pub pagination: Option<Pagination>,
    pub total_count: Option<u64>,
    /// The items, when they were asked for and found.
    pub items: Option<Vec<&'a RawValue>>,
    /// Whether the items (or, without a key, the first array) are empty; `None` when there
    /// is no such array.
    pub empty: Option<bool>,
}

/// Scans `page`: the items under `items_key` (or the first array when `None`), collected
/// when `collect` is set. A page that is not JSON is an error (the caller says exit 5).
pub fn scan<'a>(
    page: &'a [u8],
    items_key: Option<&str>,
    collect: bool,
) -> Result<Scanned<'a>, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(page);
    let scanned = PageSeed { items_key, collect }.deserialize(&mut de)?;
    de.end()?;
    Ok(scanned)
}

struct PageSeed<'k> {
    items_key: Option<&'k str>,
    collect: bool,
}

impl<'de> DeserializeSeed<'de> for PageSeed<'_> {
    type Value = Scanned<'de>;

    fn deserialize<D: de::Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for PageSeed<'_> {
    type Value = Scanned<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a page of JSON")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut scanned = Scanned::default();
        let mut found = false;
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            match (key.as_ref(), self.items_key) {
                ("pagination", _) => {
                    let raw: &RawValue = map.next_value()?;
                    scanned.pagination = serde_json::from_str(raw.get()).ok();
                }
                ("total_count", _) => {
                    let raw: &RawValue = map.next_value()?;
                    scanned.total_count = serde_json::from_str(raw.get()).ok();
                }
                (key, Some(items_key)) if key == items_key => {
                    let items = map.next_value_seed(Items(self.collect))?;
                    scanned.empty = items.as_ref().map(|(empty, _)| *empty);
                    scanned.items = items.and_then(|(_, items)| items);
                }
                (_, None) if !found => {
                    let items = map.next_value_seed(Items(self.collect))?;
                    found = items.is_some();
                    scanned.empty = items.as_ref().map(|(empty, _)| *empty);
                    scanned.items = items.and_then(|(_, items)| items);
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(scanned)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        let (empty, items) = Items(self.collect).visit_seq(seq)?.expect("an array");
        Ok(Scanned {
            empty: Some(empty),
            items,
            ..Scanned::default()
        })
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Scanned::default())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Scanned::default())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Scanned::default())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Scanned::default())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Scanned::default())
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Scanned::default())
    }
}

/// An array's emptiness and, when collecting, its items as raw slices; `None` for a value
/// that is not an array (skipped).
struct Items(bool);

type ItemsFound<'de> = Option<(bool, Option<Vec<&'de RawValue>>)>;

impl<'de> DeserializeSeed<'de> for Items {
    type Value = ItemsFound<'de>;

    fn deserialize<D: de::Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Items {
    type Value = ItemsFound<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        if self.0 {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element::<&'de RawValue>()? {
                items.push(item);
            }
            return Ok(Some((items.is_empty(), Some(items))));
        }
        let empty = seq.next_element::<IgnoredAny>()?.is_none();
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Some((empty, None)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}
