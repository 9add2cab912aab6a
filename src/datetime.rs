//! ISO 8601 date-times: the API's timestamps (`2026-11-27T08:00:00Z`, formatted by humantime)
//! and the date filters people give (`--since 2026-11-01`, `...T08:00-06:00`), parsed here
//! because humantime takes neither a bare date nor a UTC offset. Days are counted with Howard
//! Hinnant's `days_from_civil` algorithm (proleptic Gregorian calendar).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// `t` as `YYYY-MM-DDTHH:MM:SSZ`, to the second; an instant before 1970 (humantime panics
/// on those) as the epoch.
pub fn format_utc(t: SystemTime) -> String {
    humantime::format_rfc3339_seconds(t.max(UNIX_EPOCH)).to_string()
}

/// An ISO 8601 date (`2026-11-27`, midnight UTC) or date-time (`2026-11-27T08:00`,
/// `...T08:00:00`, `...T08:00:00.250Z`, `...T08:00:00-06:00`; UTC when no offset is given; a
/// space may stand for the `T`), or why it is not one.
pub fn parse(text: &str) -> Result<SystemTime, String> {
    let mut cursor = Cursor(text.as_bytes());
    let year = cursor.number(4, "a four-digit year")?;
    cursor.expect(b'-', "'-' after the year")?;
    let month = cursor.number(2, "a two-digit month")?;
    cursor.expect(b'-', "'-' after the month")?;
    let day = cursor.number(2, "a two-digit day")?;
    if !(1..=12).contains(&month) {
        return Err(format!("month {month} does not exist"));
    }
    if day < 1 || day > days_in_month(year, month) {
        return Err(format!("day {day} does not exist in {year:04}-{month:02}"));
    }
    let mut seconds = days_from_civil(year, month, day) * 86_400;
    let mut nanos = 0u32;
    if !cursor.is_empty() {
        if !matches!(cursor.next(), Some(b'T' | b't' | b' ')) {
            return Err("expected 'T' and a time after the date".into());
        }
        let hour = cursor.number(2, "a two-digit hour")?;
        cursor.expect(b':', "':' after the hour")?;
        let minute = cursor.number(2, "two-digit minutes")?;
        let mut second = 0;
        if cursor.peek() == Some(b':') {
            cursor.next();
            second = cursor.number(2, "two-digit seconds")?;
            if matches!(cursor.peek(), Some(b'.' | b',')) {
                cursor.next();
                nanos = cursor.fraction()?;
            }
        }
        if hour > 23 || minute > 59 || second > 60 {
            return Err(format!(
                "{hour:02}:{minute:02}:{second:02} is not a time of day"
            ));
        }
        // A leap second counts as the last second of its minute.
        seconds += hour * 3600 + minute * 60 + second.min(59);
        seconds -= match cursor.next() {
            None | Some(b'Z' | b'z') => 0,
            Some(sign @ (b'+' | b'-')) => {
                let hours = cursor.number(2, "a two-digit offset hour")?;
                if cursor.peek() == Some(b':') {
                    cursor.next();
                }
                let minutes = if cursor.is_empty() {
                    0
                } else {
                    cursor.number(2, "two-digit offset minutes")?
                };
                if hours > 23 || minutes > 59 {
                    return Err("the UTC offset is out of range".into());
                }
                let offset = hours * 3600 + minutes * 60;
                if sign == b'+' { offset } else { -offset }
            }
            Some(_) => {
                return Err("expected Z or a UTC offset such as +02:00 after the time".into());
            }
        };
    }
    if !cursor.is_empty() {
        return Err("unexpected text after the date-time".into());
    }
    let since_epoch = Duration::new(seconds.unsigned_abs(), 0);
    let whole = if seconds >= 0 {
        UNIX_EPOCH + since_epoch
    } else {
        UNIX_EPOCH - since_epoch
    };
    Ok(whole + Duration::from_nanos(nanos.into()))
}

struct Cursor<'a>(&'a [u8]);

impl Cursor<'_> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn peek(&self) -> Option<u8> {
        self.0.first().copied()
    }

    fn next(&mut self) -> Option<u8> {
        let (first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(*first)
    }

    fn expect(&mut self, byte: u8, what: &str) -> Result<(), String> {
        match self.next() {
            Some(b) if b == byte => Ok(()),
            _ => Err(format!("expected {what}")),
        }
    }

    /// Exactly `digits` ASCII digits.
    fn number(&mut self, digits: usize, what: &str) -> Result<i64, String> {
        let field = self
            .0
            .get(..digits)
            .filter(|f| f.iter().all(u8::is_ascii_digit));
        let field = field.ok_or_else(|| format!("expected {what}"))?;
        self.0 = &self.0[digits..];
        Ok(field.iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')))
    }

    /// The digits of a decimal fraction of a second, as nanoseconds (beyond 9 digits ignored).
    fn fraction(&mut self) -> Result<u32, String> {
        let count = self.0.iter().take_while(|b| b.is_ascii_digit()).count();
        if count == 0 {
            return Err("expected digits after the decimal point".into());
        }
        let mut nanos = 0u32;
        for position in 0..9 {
            let digit = self.0.get(position).filter(|_| position < count);
            nanos = nanos * 10 + digit.map_or(0, |d| u32::from(d - b'0'));
        }
        self.0 = &self.0[count..];
        Ok(nanos)
    }
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a date in the proleptic Gregorian calendar.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds)
    }

    #[test]
    fn formats_known_instants() {
        assert_eq!(format_utc(at(0)), "1970-01-01T00:00:00Z");
        // date -u -d @1795766400 → 2026-11-27 08:00:00 UTC
        assert_eq!(format_utc(at(1_795_766_400)), "2026-11-27T08:00:00Z");
        // A leap day, and sub-second parts cut off.
        assert_eq!(
            format_utc(at(951_825_599) + Duration::from_millis(999)),
            "2000-02-29T11:59:59Z"
        );
        assert_eq!(
            format_utc(UNIX_EPOCH - Duration::from_secs(1)),
            "1970-01-01T00:00:00Z"
        );
    }

    #[test]
    fn parses_dates_and_date_times() {
        assert_eq!(parse("2026-11-27"), Ok(at(1_795_737_600)));
        assert_eq!(parse("2026-11-27T08:00:00Z"), Ok(at(1_795_766_400)));
        assert_eq!(parse("2026-11-27T08:00"), Ok(at(1_795_766_400)));
        assert_eq!(parse("2026-11-27 08:00:00z"), Ok(at(1_795_766_400)));
        assert_eq!(parse("2026-11-27T02:00:00-06:00"), Ok(at(1_795_766_400)));
        assert_eq!(parse("2026-11-27T13:30:00+0530"), Ok(at(1_795_766_400)));
        assert_eq!(parse("2026-11-27T09:00:00+01"), Ok(at(1_795_766_400)));
        assert_eq!(
            parse("2026-11-27T08:00:00.25Z"),
            Ok(at(1_795_766_400) + Duration::from_millis(250))
        );
        assert_eq!(parse("2024-02-29"), Ok(at(1_709_164_800)));
    }

    #[test]
    fn every_day_round_trips_through_the_formatter() {
        // Every day of four centuries (each leap-year rule), at a time that moves through
        // the day.
        for day in 0..146_097u64 {
            let t = at(day * 86_400 + day * 7_919 % 86_400);
            assert_eq!(parse(&format_utc(t)), Ok(t), "{}", format_utc(t));
        }
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        for bad in [
            "",
            "yesterday",
            "2026-13-01",
            "2026-02-29",
            "2026-11-31",
            "2026-11-27T24:00",
            "2026-11-27T08",
            "2026-11-27T08:00:00.Z",
            "2026-11-27T08:00:00+25:00",
            "2026-11-27T08:00:00Zjunk",
            "2026-11-27x",
            "26-11-27",
            "2026/11/27",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} was accepted");
        }
        assert_eq!(
            parse("2026-02-29").unwrap_err(),
            "day 29 does not exist in 2026-02"
        );
    }
}
