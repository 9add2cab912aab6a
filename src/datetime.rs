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
mod tests;
