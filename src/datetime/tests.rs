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
