//! The `Idempotency-Key` of a create (`campaign create`, `contact add`): given or fresh, and
//! the exact command to run again with it when the outcome stays unknown.

use crate::error::{Error, Result};

/// `--idempotency-key`, or a fresh UUIDv4.
pub fn idempotency_key(given: Option<&str>) -> Result<String> {
    match given {
        // It goes in a header: visible ASCII only, so it reaches the API exactly as given.
        Some(key)
            if key.is_empty() || key.len() > 255 || !key.bytes().all(|b| b.is_ascii_graphic()) =>
        {
            Err(Error::input(
                "--idempotency-key must be 1 to 255 printable ASCII characters, without spaces",
            ))
        }
        Some(key) => Ok(key.to_owned()),
        None => Ok(uuid::Uuid::new_v4().to_string()),
    }
}

/// What to do when a create's outcome stays unknown: the exact command again, with the key.
pub fn retry_hint(what: &str, key: &str) -> String {
    let mut words: Vec<String> = std::env::args().collect();
    if !words
        .iter()
        .any(|w| w == "--idempotency-key" || w.starts_with("--idempotency-key="))
    {
        words.push("--idempotency-key".into());
        words.push(key.into());
    }
    if let Some(first) = words.first_mut() {
        *first = "altur".into();
    }
    format!(
        "{what} may have been created; the API de-duplicates on the Idempotency-Key, so \
         retrying with the same key is safe: {}",
        shell_words::join(&words)
    )
}
