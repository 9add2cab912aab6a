use serde_json::json;

use super::{message_text, render};

#[test]
fn roles_are_named_and_times_are_utc_to_the_second() {
    let messages = [
        json!({"sent_by": "AI", "sent_at": "2026-05-14T08:39:40.250-06:00", "type": "text", "content": "Hola"}),
        json!({"sent_by": "EU", "sent_at": "2026-05-14T14:40:02Z", "content": "Hi"}),
        json!({"sent_by": "SYS", "sent_at": "2026-05-14T14:41:00Z", "content": "ended"}),
        json!({"sent_by": "BOT", "sent_at": "yesterday", "content": "?"}),
    ];
    assert_eq!(
        render("th_1", &messages),
        "Thread th_1 (4 messages)\n\n\
         [2026-05-14 14:39:40] Agent: Hola\n\
         [2026-05-14 14:40:02] Customer: Hi\n\
         [2026-05-14 14:41:00] System: ended\n\
         [yesterday] BOT: ?\n"
    );
    assert_eq!(render("t", &[]), "Thread t (0 messages)\n\n");
}

#[test]
fn media_reads_as_its_type_and_url() {
    assert_eq!(
        message_text(&json!({"type": "text", "content": "hi"})),
        "hi"
    );
    assert_eq!(message_text(&json!({"content": "no type"})), "no type");
    assert_eq!(
        message_text(&json!({"type": "image", "media": "https://x/y.png"})),
        "[image] https://x/y.png"
    );
    assert_eq!(
        message_text(&json!({"type": "audio", "media": "https://x/a.ogg", "content": "voice"})),
        "[audio] https://x/a.ogg\nvoice"
    );
    assert_eq!(
        message_text(&json!({"type": "template", "content": "Welcome"})),
        "[template]\nWelcome"
    );
}

mod zones {
    use std::path::Path;

    use serde_json::json;

    use crate::error::Kind;
    use crate::transcript::{Zone, render_in};

    #[test]
    fn utc_and_fixed_offsets() {
        assert_eq!(Zone::parse("UTC", None).unwrap(), Zone::Utc);
        assert_eq!(Zone::parse("utc", None).unwrap(), Zone::Utc);
        for (text, seconds) in [
            ("+05:30", 19800),
            ("-06:00", -21600),
            ("+0545", 20700),
            ("-03", -10800),
            ("+14:00", 50400),
        ] {
            let zone = Zone::parse(text, None).unwrap();
            assert_eq!(zone.offset_at(0), seconds, "{text}");
            assert_eq!(zone.name(), text);
        }
        for bad in [
            "+14:01",
            "+5:30",
            "+05:60",
            "+05:3",
            "-",
            "+05:30:00",
            "+0a:00",
        ] {
            let error = Zone::parse(bad, None).unwrap_err();
            assert_eq!(error.kind, Kind::Input, "{bad}");
            assert!(
                error.message.contains(&format!("'{bad}'")),
                "{}",
                error.message
            );
        }
    }

    #[test]
    fn local_times_shift_by_the_offset_and_cross_midnight() {
        let zone = Zone::parse("-06:00", None).unwrap();
        assert_eq!(
            zone.local_time("2026-05-14T02:00:00Z"),
            "2026-05-13 20:00:00"
        );
        assert_eq!(
            zone.local_time("2026-05-14T02:00:00.999+01:00"),
            "2026-05-13 19:00:00"
        );
        assert_eq!(zone.local_time("not a time"), "not a time");
    }

    #[test]
    fn named_zones_follow_daylight_saving_time() {
        let zone = Zone::parse(
            "America/New_York",
            Some(Path::new(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/fixtures/zoneinfo"
            ))),
        )
        .expect("the repository's copy of the zone");
        assert_eq!(
            zone.local_time("2026-03-08T06:59:59Z"),
            "2026-03-08 01:59:59"
        );
        assert_eq!(
            zone.local_time("2026-03-08T07:00:00Z"),
            "2026-03-08 03:00:00"
        );
        assert_eq!(
            zone.local_time("2026-11-01T05:59:59Z"),
            "2026-11-01 01:59:59"
        );
        assert_eq!(
            zone.local_time("2026-11-01T06:00:00Z"),
            "2026-11-01 01:00:00"
        );
    }

    #[test]
    fn zone_names_never_leave_the_database() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("secret"), "x").unwrap();
        let inside = dir.path().join("db");
        std::fs::create_dir(&inside).unwrap();
        for bad in [
            "../secret",
            "/etc/passwd",
            "a//b",
            "America/../secret",
            ".hidden",
            "",
        ] {
            let error = Zone::parse(bad, Some(&inside)).unwrap_err();
            assert_eq!(error.kind, Kind::Input, "{bad}");
        }
        std::fs::write(inside.join("Broken"), "not TZif").unwrap();
        let error = Zone::parse("Broken", Some(&inside)).unwrap_err();
        assert!(error.message.contains("does not read"), "{}", error.message);
    }

    #[test]
    fn the_header_names_a_zone_other_than_utc() {
        let messages =
            [json!({"sent_by": "AI", "sent_at": "2026-05-14T14:39:40Z", "content": "Hi"})];
        let zone = Zone::parse("+01:00", None).unwrap();
        assert_eq!(
            render_in("t", &messages, &zone),
            "Thread t (1 message, times in +01:00)\n\n[2026-05-14 15:39:40] Agent: Hi\n"
        );
    }
}
