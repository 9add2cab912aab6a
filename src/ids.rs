//! Ids as types: parsed once where they enter (the command line, the API's answers), so that
//! an id can never change the path of the request it is put in, and each kind of id is refused
//! with the same words wherever it is given (contract sections 12 and 20).
//!
//! Campaign and contact ids are positive integers, EndUser ids hyphenated UUIDs; call, thread,
//! message and agent ids are opaque strings (the docs' own sample agent id is not hex), which
//! must still be usable as one path segment.

use std::fmt;
use std::str::FromStr;

use crate::error::{Error, Result, for_terminal};

/// A positive integer id, shared by campaigns and contacts.
fn positive(text: &str, what: &str) -> std::result::Result<u64, String> {
    text.parse::<u64>()
        .ok()
        .filter(|n| *n > 0 && !text.starts_with('+'))
        .ok_or_else(|| format!("{what} ids are positive integers"))
}

/// A campaign id (`campaign get 42`, `--campaign 42`): a positive integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CampaignId(u64);

impl CampaignId {
    pub fn get(self) -> u64 {
        self.0
    }
}

impl FromStr for CampaignId {
    type Err = String;
    fn from_str(text: &str) -> std::result::Result<Self, String> {
        positive(text, "campaign").map(CampaignId)
    }
}

/// A contact id of a campaign: a positive integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ContactId(u64);

impl ContactId {
    #[cfg(test)]
    pub fn get(self) -> u64 {
        self.0
    }
}

impl FromStr for ContactId {
    type Err = String;
    fn from_str(text: &str) -> std::result::Result<Self, String> {
        positive(text, "contact").map(ContactId)
    }
}

/// An EndUser id: a UUID in its hyphenated 8-4-4-4-12 form, any version, any case.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EndUserId(String);

impl EndUserId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for EndUserId {
    type Err = String;
    fn from_str(text: &str) -> std::result::Result<Self, String> {
        if text.len() == 36 && uuid::Uuid::try_parse(text).is_ok() {
            Ok(EndUserId(text.to_owned()))
        } else {
            Err("EndUser ids are UUIDs like 1b4e28ba-2fa1-11d2-883f-0dc7a9b3d5d2".to_owned())
        }
    }
}

/// `id` when it is an EndUser id, else exit 2 naming it.
pub fn checked_enduser(id: &str) -> Result<&str> {
    EndUserId::from_str(id).map(|_| id).map_err(|why| {
        Error::input(format!(
            "'{}' is not an EndUser id: {why}",
            for_terminal(id)
        ))
    })
}

/// A call, thread, message or agent id: any text that is one path segment.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OpaqueId(String);

impl OpaqueId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for OpaqueId {
    type Err = String;
    fn from_str(text: &str) -> std::result::Result<Self, String> {
        check_opaque(text).map(|()| OpaqueId(text.to_owned()))
    }
}

macro_rules! display_as_text {
    ($($id:ty),*) => {$(
        impl fmt::Display for $id {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}
display_as_text!(CampaignId, ContactId, EndUserId, OpaqueId);

/// Why `id` cannot be an opaque id, if it cannot: empty, `.` or `..` (dot segments, which a
/// normalising proxy turns into another endpoint), or holding `/ \ ? #`, whitespace or a
/// control character. For ids given on the command line and ids read from the API alike.
pub fn check_opaque(id: &str) -> std::result::Result<(), String> {
    if id.is_empty() {
        return Err("ids are not empty".to_owned());
    }
    if id == "." || id == ".." {
        return Err(format!("'{id}' would be read as a path step, not an id"));
    }
    match id
        .chars()
        .find(|c| matches!(c, '/' | '\\' | '?' | '#') || c.is_whitespace() || c.is_control())
    {
        Some(c @ ('/' | '\\' | '?' | '#')) => Err(format!("ids hold no '{c}'")),
        Some(_) => Err("ids hold no whitespace or control characters".to_owned()),
        None => Ok(()),
    }
}

/// `id` when it is a valid opaque id, else exit 2 naming `what` (`call`, `thread`, `agent`).
pub fn checked_opaque<'a>(what: &str, id: &'a str) -> Result<&'a str> {
    check_opaque(id).map(|()| id).map_err(|why| {
        Error::input(format!(
            "'{}' is not a valid {what} id: {why}",
            for_terminal(id)
        ))
    })
}

/// A positive integer id given as text (`what` is `campaign` or `contact`), or exit 2.
pub fn checked_positive(what: &str, id: &str) -> Result<u64> {
    positive(id, what)
        .map_err(|why| Error::input(format!("'{}' is not a {what} id: {why}", for_terminal(id))))
}

#[cfg(test)]
mod tests;
