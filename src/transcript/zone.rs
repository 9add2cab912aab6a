//! The zone of `--tz`: UTC, a fixed offset (`+05:30`, `-06:00`) or an IANA name
//! (`America/Mexico_City`) read from the system's tz database (`$TZDIR`, else
//! `/usr/share/zoneinfo`) with tz-rs, so daylight saving time follows the rules in force at
//! each instant.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use crate::error::{Error, Result};

/// Where times are shown.
#[derive(Debug, Clone, PartialEq)]
pub enum Zone {
    Utc,
    /// Seconds east of UTC, as written (`+05:30`).
    Fixed {
        seconds: i32,
        name: String,
    },
    /// A zone of the tz database, by its name.
    Named {
        name: String,
        zone: tz::TimeZone,
    },
}

impl Zone {
    /// `UTC` (or `Z`), `+HH:MM`/`-HH:MM` (`+HHMM` and `+HH` too), or an IANA zone name; anything
    /// else is a usage error naming the zone. `tzdir` overrides `$TZDIR`.
    pub fn parse(text: &str, tzdir: Option<&Path>) -> Result<Zone> {
        if text.eq_ignore_ascii_case("utc") || text == "Z" {
            return Ok(Zone::Utc);
        }
        if text.starts_with(['+', '-']) {
            return fixed_offset(text)
                .map(|seconds| Zone::Fixed {
                    seconds,
                    name: text.to_owned(),
                })
                .ok_or_else(|| {
                    unknown(
                        text,
                        "an offset is written +HH:MM or -HH:MM (at most 14 hours)",
                    )
                });
        }
        let Some(relative) = safe_name(text) else {
            return Err(unknown(
                text,
                "give UTC, an offset like -06:00 or a name like America/Mexico_City",
            ));
        };
        let dir = tzdir.map(Path::to_path_buf).unwrap_or_else(database_dir);
        let bytes = std::fs::read(dir.join(&relative)).map_err(|_| {
            unknown(
                text,
                &format!(
                    "no such zone in {} (give UTC, an offset like -06:00 or a name like America/Mexico_City)",
                    dir.display()
                ),
            )
        })?;
        let zone = tz::TimeZone::from_tz_data(&bytes)
            .map_err(|e| unknown(text, &format!("its tz database file does not read: {e}")))?;
        Ok(Zone::Named {
            name: text.to_owned(),
            zone,
        })
    }

    /// As the user wrote it (`UTC` for UTC).
    pub fn name(&self) -> &str {
        match self {
            Zone::Utc => "UTC",
            Zone::Fixed { name, .. } | Zone::Named { name, .. } => name,
        }
    }

    /// Seconds east of UTC at the instant `unix` (seconds since 1970).
    pub fn offset_at(&self, unix: i64) -> i32 {
        match self {
            Zone::Utc => 0,
            Zone::Fixed { seconds, .. } => *seconds,
            Zone::Named { zone, .. } => zone
                .find_local_time_type(unix)
                .map_or(0, tz::LocalTimeType::ut_offset),
        }
    }

    /// `2026-05-14T08:39:40-06:00` as `YYYY-MM-DD HH:MM:SS` in this zone; a time that does
    /// not parse is shown as given.
    pub fn local_time(&self, text: &str) -> String {
        let Ok(time) = crate::datetime::parse(text) else {
            return text.to_owned();
        };
        let unix = match time.duration_since(UNIX_EPOCH) {
            Ok(since) => since.as_secs() as i64,
            Err(_) => 0,
        };
        let offset = i64::from(self.offset_at(unix));
        let shifted = u64::try_from(unix + offset).unwrap_or(0);
        let local = UNIX_EPOCH + std::time::Duration::from_secs(shifted);
        crate::datetime::format_utc(local)
            .replacen('T', " ", 1)
            .trim_end_matches('Z')
            .to_owned()
    }
}

/// The tz database: `$TZDIR` when set, else `/usr/share/zoneinfo`.
fn database_dir() -> PathBuf {
    std::env::var_os("TZDIR")
        .filter(|dir| !dir.is_empty())
        .map_or_else(|| PathBuf::from("/usr/share/zoneinfo"), PathBuf::from)
}

/// A zone name as a path under the database: parts of letters, digits, `_`, `-` and `+`,
/// never `.` or `..`, nothing absolute.
fn safe_name(text: &str) -> Option<PathBuf> {
    let ok = !text.is_empty()
        && text.split('/').all(|part| {
            !part.is_empty()
                && part.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'))
        });
    ok.then(|| PathBuf::from(text))
}

/// `+05:30`, `-0600`, `+05` as seconds east of UTC (at most 14 hours, minutes below 60).
fn fixed_offset(text: &str) -> Option<i32> {
    let (sign, rest) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    let digits: String = rest.chars().filter(|c| *c != ':').collect();
    let colon_ok = match rest.find(':') {
        None => true,
        Some(at) => at == 2 && rest.len() == 5,
    };
    if !colon_ok || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (hours, minutes) = match digits.len() {
        2 => (digits.parse::<i32>().ok()?, 0),
        4 => (
            digits[..2].parse::<i32>().ok()?,
            digits[2..].parse::<i32>().ok()?,
        ),
        _ => return None,
    };
    if minutes >= 60 || hours * 60 + minutes > 14 * 60 {
        return None;
    }
    Some(sign * (hours * 3600 + minutes * 60))
}

fn unknown(zone: &str, why: &str) -> Error {
    Error::input(format!(
        "unknown time zone '{}': {why}",
        crate::error::for_terminal(zone)
    ))
}
