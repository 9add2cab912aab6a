//! UTC timestamps as the API writes them, and the ISO 8601 dates its filters take, without a
//! date crate: all that is needed is the civil calendar (Howard Hinnant's `days_from_civil`).

use std::time::{SystemTime, UNIX_EPOCH};

const DAY: i64 = 86_400;

/// `2026-11-27T08:00:00Z`.
pub fn rfc3339(time: SystemTime) -> String {
    let (date, [h, m, s]) = split(seconds(time));
    format!("{date}T{h:02}:{m:02}:{s:02}Z")
}

/// `2026-11-27 08:00:00`: the API's `last_call_at` format (no zone).
pub fn date_time_with_space(time: SystemTime) -> String {
    let (date, [h, m, s]) = split(seconds(time));
    format!("{date} {h:02}:{m:02}:{s:02}")
}

/// Seconds since the Unix epoch (negative before it).
pub fn seconds(time: SystemTime) -> i64 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => after.as_secs() as i64,
        Err(before) => -(before.duration().as_secs() as i64),
    }
}

fn split(seconds: i64) -> (String, [i64; 3]) {
    let days = seconds.div_euclid(DAY);
    let rest = seconds.rem_euclid(DAY);
    let (y, mo, d) = civil_from_days(days);
    (
        format!("{y:04}-{mo:02}-{d:02}"),
        [rest / 3600, rest % 3600 / 60, rest % 60],
    )
}

/// The instants an ISO 8601 date or date-time stands for, as Unix seconds: a date is its whole
/// UTC day (first and last second), a date-time the one second. `None` when `text` is neither.
/// Accepted: `YYYY-MM-DD`, then optionally `T` (or a space) `HH:MM[:SS[.fraction]]` and a zone
/// `Z`, `±HH:MM` or `±HHMM` (none means UTC).
pub fn parse_iso8601(text: &str) -> Option<(i64, i64)> {
    let bytes = text.as_bytes();
    if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = digits(&text[0..4])?;
    let month = digits(&text[5..7])?;
    let day = digits(&text[8..10])?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let midnight = days_from_civil(year, month, day) * DAY;
    let rest = &text[10..];
    if rest.is_empty() {
        return Some((midnight, midnight + DAY - 1));
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    // Time: HH:MM, then :SS and a fraction, each optional.
    if rest.len() < 5 || rest.as_bytes()[2] != b':' {
        return None;
    }
    let hour = digits(&rest[0..2])?;
    let minute = digits(&rest[3..5])?;
    let mut rest = &rest[5..];
    let mut second = 0;
    if let Some(after) = rest.strip_prefix(':') {
        second = digits(after.get(0..2)?)?;
        rest = &after[2..];
        if let Some(fraction) = rest.strip_prefix(['.', ',']) {
            let end = fraction
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(fraction.len());
            if end == 0 {
                return None;
            }
            rest = &fraction[end..];
        }
    }
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let offset = match rest {
        "" | "Z" | "z" => 0,
        zone => {
            let sign = match zone.as_bytes()[0] {
                b'+' => 1,
                b'-' => -1,
                _ => return None,
            };
            let zone = &zone[1..];
            let (h, m) = match zone.len() {
                5 if zone.as_bytes()[2] == b':' => (digits(&zone[0..2])?, digits(&zone[3..5])?),
                4 => (digits(&zone[0..2])?, digits(&zone[2..4])?),
                2 => (digits(zone)?, 0),
                _ => return None,
            };
            if h > 23 || m > 59 {
                return None;
            }
            sign * (h * 3600 + m * 60)
        }
    };
    let instant = midnight + hour * 3600 + minute * 60 + second.min(59) - offset;
    Some((instant, instant))
}

fn digits(text: &str) -> Option<i64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds)
    }

    #[test]
    fn formats_known_instants() {
        assert_eq!(rfc3339(at(0)), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(at(951_782_400)), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(at(1_795_766_461)), "2026-11-27T08:01:01Z");
        assert_eq!(
            date_time_with_space(at(1_795_766_461)),
            "2026-11-27 08:01:01"
        );
    }

    #[test]
    fn parses_dates_and_date_times() {
        assert_eq!(parse_iso8601("1970-01-01"), Some((0, 86_399)));
        assert_eq!(
            parse_iso8601("2000-02-29"),
            Some((951_782_400, 951_868_799))
        );
        assert_eq!(
            parse_iso8601("2026-11-27T08:01:01Z").unwrap().0,
            1_795_766_461
        );
        assert_eq!(
            parse_iso8601("2026-11-27T08:01:01.250Z").unwrap().0,
            1_795_766_461
        );
        assert_eq!(
            parse_iso8601("2026-11-27T09:01:01+01:00").unwrap().0,
            1_795_766_461
        );
        assert_eq!(
            parse_iso8601("2026-11-27T03:01:01-0500").unwrap().0,
            1_795_766_461
        );
        assert_eq!(parse_iso8601("2026-11-27 08:01").unwrap().0, 1_795_766_460);
        for bad in [
            "",
            "yesterday",
            "2026-13-01",
            "2026-02-30",
            "2025-02-29",
            "2026-11-27T",
            "2026-11-27T25:00",
            "2026-11-27T10:00:00Q",
            "2026-11-27T10:00:00.",
            "2026/11/27",
            "26-11-27",
        ] {
            assert_eq!(parse_iso8601(bad), None, "{bad}");
        }
    }

    #[test]
    fn round_trips_every_day_of_four_centuries() {
        for days in (-800_000..800_000).step_by(7) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
