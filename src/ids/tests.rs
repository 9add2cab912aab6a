//! The id types: what each accepts and refuses.

use super::*;

#[test]
fn numeric_ids_are_positive_integers() {
    assert_eq!("42".parse::<CampaignId>().unwrap().get(), 42);
    assert_eq!("7".parse::<ContactId>().unwrap().get(), 7);
    for bad in [
        "0",
        "-1",
        "+4",
        "abc",
        "",
        "4.0",
        " 4",
        "99999999999999999999",
    ] {
        assert!(bad.parse::<CampaignId>().is_err(), "{bad:?}");
        assert!(bad.parse::<ContactId>().is_err(), "{bad:?}");
    }
    assert_eq!(
        "abc".parse::<CampaignId>().unwrap_err(),
        "campaign ids are positive integers"
    );
}

#[test]
fn enduser_ids_are_hyphenated_uuids_of_any_version_and_case() {
    for good in [
        "1b4e28ba-2fa1-11d2-883f-0dc7a9b3d5d2",
        "3F2B8C1E-9A4D-4E6F-8B7A-1C2D3E4F5A6B",
    ] {
        assert_eq!(good.parse::<EndUserId>().unwrap().as_str(), good);
    }
    for bad in [
        "1b4e28ba2fa111d2883f0dc7a9b3d5d2",
        "{1b4e28ba-2fa1-11d2-883f-0dc7a9b3d5d2}",
        "../enduser",
        "",
    ] {
        assert!(bad.parse::<EndUserId>().is_err(), "{bad:?}");
        assert!(checked_enduser(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn opaque_ids_are_one_path_segment() {
    for good in ["cll_a208c12cf0c7b709", "agt_123-abc", "thr.1", "x..y", "ñ"] {
        assert_eq!(good.parse::<OpaqueId>().unwrap().as_str(), good);
        assert_eq!(checked_opaque("call", good).unwrap(), good);
    }
    for (bad, why) in [
        ("", "ids are not empty"),
        (".", "'.' would be read as a path step, not an id"),
        ("..", "'..' would be read as a path step, not an id"),
        ("a/b", "ids hold no '/'"),
        ("a\\b", "ids hold no '\\'"),
        ("a?b", "ids hold no '?'"),
        ("a#b", "ids hold no '#'"),
        ("a b", "ids hold no whitespace or control characters"),
        ("a\tb", "ids hold no whitespace or control characters"),
        ("a\u{7f}", "ids hold no whitespace or control characters"),
        ("a\u{a0}b", "ids hold no whitespace or control characters"),
    ] {
        assert_eq!(check_opaque(bad).unwrap_err(), why, "{bad:?}");
        assert!(bad.parse::<OpaqueId>().is_err(), "{bad:?}");
    }
    assert_eq!(
        checked_opaque("call", "..").unwrap_err().message,
        "'..' is not a valid call id: '..' would be read as a path step, not an id"
    );
}
