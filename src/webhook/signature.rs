//! Webhook signatures (contract section 18): the two schemes the public docs describe, signing
//! and constant-time verification. Pure functions: no I/O, no printing.
//!
//! - `hex`: hex(HMAC-SHA256(key = the secret's UTF-8 bytes, message = the raw body)).
//! - `base64`: base64(HMAC-SHA256(key = base64-decode(secret), message = the payload
//!   re-serialised as compact JSON, key order kept)). Senders differ on escaping non-ASCII
//!   (Python's `json.dumps` escapes it by default), so verification tries both compact forms
//!   and the raw body.

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_PAD_INDIFFERENT, URL_SAFE_NO_PAD};
use ring::hmac;
use serde_json::Value;

/// A signature scheme of the docs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Hex,
    Base64,
}

impl Scheme {
    pub fn name(self) -> &'static str {
        match self {
            Scheme::Hex => "hex",
            Scheme::Base64 => "base64",
        }
    }
}

/// Which bytes a matching signature was computed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signed {
    RawBody,
    CompactEscaped,
    CompactUnescaped,
}

impl Signed {
    pub fn describe(self) -> &'static str {
        match self {
            Signed::RawBody => "the raw body",
            Signed::CompactEscaped => "compact JSON, non-ASCII escaped",
            Signed::CompactUnescaped => "compact JSON, non-ASCII as UTF-8",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Signed::RawBody => "raw",
            Signed::CompactEscaped => "compact_escaped",
            Signed::CompactUnescaped => "compact_unescaped",
        }
    }
}

/// A verified signature: the scheme and the bytes it covered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub scheme: Scheme,
    pub signed: Signed,
}

/// The HMAC key of a scheme, from the secret's text.
pub struct SigningKey {
    key: hmac::Key,
    /// For `base64`: the secret was not valid base64 and is used as its UTF-8 bytes (legacy
    /// secrets are plain text).
    pub used_as_text: bool,
}

impl SigningKey {
    pub fn new(scheme: Scheme, secret: &str) -> SigningKey {
        let (bytes, used_as_text) = match scheme {
            Scheme::Hex => (secret.as_bytes().to_vec(), false),
            Scheme::Base64 => match STANDARD_PAD_INDIFFERENT.decode(secret) {
                Ok(bytes) if !bytes.is_empty() => (bytes, false),
                _ => (secret.as_bytes().to_vec(), true),
            },
        };
        SigningKey {
            key: hmac::Key::new(hmac::HMAC_SHA256, &bytes),
            used_as_text,
        }
    }

    /// The signature of `message` as the scheme writes it (lower-case hex, or padded base64).
    pub fn sign(&self, scheme: Scheme, message: &[u8]) -> String {
        let tag = hmac::sign(&self.key, message);
        match scheme {
            Scheme::Hex => tag.as_ref().iter().map(|b| format!("{b:02x}")).collect(),
            Scheme::Base64 => STANDARD.encode(tag.as_ref()),
        }
    }

    /// Constant-time comparison (ring's `hmac::verify`).
    fn verifies(&self, message: &[u8], tag: &[u8]) -> bool {
        hmac::verify(&self.key, message, tag).is_ok()
    }
}

/// The tag bytes a signature header stands for, read as each scheme writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedSignature {
    pub hex: Option<Vec<u8>>,
    pub base64: Option<Vec<u8>>,
}

/// A signature header that is neither hex nor base64.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MalformedSignature;

/// The byte strings a signature header may stand for, per scheme. A string made of hex digits
/// is also valid base64 text, so both readings are kept. A signature of the right alphabet but
/// an impossible length (a truncated one) decodes to nothing and simply fails to match.
///
/// A `sha256=` prefix (as GitHub and others write their signatures) is read past.
pub fn decode_signature(signature: &str) -> Result<DecodedSignature, MalformedSignature> {
    let signature = signature.trim();
    let signature = match signature.get(..7) {
        Some(prefix) if prefix.eq_ignore_ascii_case("sha256=") => signature[7..].trim(),
        _ => signature,
    };
    let hex_alphabet = |c: char| c.is_ascii_hexdigit();
    let base64_alphabet = |c: char| c.is_ascii_alphanumeric() || "+/-_".contains(c);
    let unpadded = signature.trim_end_matches('=');
    let is_hex = !signature.is_empty() && signature.chars().all(hex_alphabet);
    let is_base64 = !unpadded.is_empty() && unpadded.chars().all(base64_alphabet);
    if !is_hex && !is_base64 {
        return Err(MalformedSignature);
    }
    let hex = is_hex.then(|| decode_hex(signature)).flatten();
    let base64 = is_base64
        .then(|| {
            STANDARD_PAD_INDIFFERENT
                .decode(signature)
                .or_else(|_| URL_SAFE_NO_PAD.decode(unpadded))
                .ok()
        })
        .flatten();
    Ok(DecodedSignature { hex, base64 })
}

fn decode_hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|at| u8::from_str_radix(&text[at..at + 2], 16).ok())
        .collect()
}

/// Checks `signature` against `body` with the schemes asked for, in order; `None` when none
/// matches. `schemes` is `[Hex, Base64]` for `auto`.
pub fn verify(
    body: &[u8],
    signature: &str,
    secret: &str,
    schemes: &[Scheme],
) -> Result<Option<Match>, MalformedSignature> {
    let decoded = decode_signature(signature)?;
    for &scheme in schemes {
        // Each scheme writes its tag its own way: a hex tag never passes as a base64 one.
        let tag = match scheme {
            Scheme::Hex => &decoded.hex,
            Scheme::Base64 => &decoded.base64,
        };
        let Some(tag) = tag else { continue };
        let key = SigningKey::new(scheme, secret);
        for (signed, message) in messages(scheme, body) {
            if key.verifies(&message, tag) {
                return Ok(Some(Match { scheme, signed }));
            }
        }
    }
    Ok(None)
}

/// The byte strings a scheme may have signed, most likely first.
fn messages(scheme: Scheme, body: &[u8]) -> Vec<(Signed, Vec<u8>)> {
    match scheme {
        Scheme::Hex => vec![(Signed::RawBody, body.to_vec())],
        Scheme::Base64 => {
            let mut messages = Vec::new();
            if let Ok(value) = serde_json::from_slice::<Value>(body) {
                messages.push((
                    Signed::CompactEscaped,
                    compact_json(&value, true).into_bytes(),
                ));
                messages.push((
                    Signed::CompactUnescaped,
                    compact_json(&value, false).into_bytes(),
                ));
            }
            messages.push((Signed::RawBody, body.to_vec()));
            messages
        }
    }
}

/// `value` as Python's `json.dumps(value, separators=(',', ':'), ensure_ascii=...)` writes it:
/// key order kept, and with `ensure_ascii` every character outside printable ASCII written as
/// `\uXXXX` (lower-case hex, UTF-16 surrogate pairs beyond the BMP).
pub fn compact_json(value: &Value, ensure_ascii: bool) -> String {
    let text = serde_json::to_string(value).expect("a JSON value serialises");
    if !ensure_ascii {
        return text;
    }
    // Outside strings, serde_json writes only printable ASCII, so escaping every other
    // character of the whole text escapes exactly the characters inside strings.
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if (' '..='~').contains(&c) {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for unit in c.encode_utf16(&mut units) {
                out.push_str(&format!("\\u{unit:04x}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;
