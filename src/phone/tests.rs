use super::*;

#[test]
fn separators_are_removed() {
    assert_eq!(normalize("+52 (55) 1234-5678").unwrap(), "+525512345678");
    assert_eq!(normalize("+1.415.555.0100").unwrap(), "+14155550100");
    assert_eq!(normalize(" +44 20 7946 0958 ").unwrap(), "+442079460958");
    assert_eq!(normalize("(+52)\t55-1234-5678").unwrap(), "+525512345678");
    assert_eq!(normalize("+525512345678").unwrap(), "+525512345678");
}

#[test]
fn eight_to_fifteen_digits() {
    assert!(normalize("+1234567").unwrap_err().contains("7 digits"));
    assert_eq!(normalize("+12345678").unwrap(), "+12345678");
    assert_eq!(normalize("+123456789012345").unwrap(), "+123456789012345");
    assert!(
        normalize("+1234567890123456")
            .unwrap_err()
            .contains("16 digits")
    );
}

#[test]
fn a_plus_is_required_and_only_digits_follow() {
    assert!(
        normalize("5512345678")
            .unwrap_err()
            .contains("start with +")
    );
    assert!(normalize("").unwrap_err().contains("empty"));
    assert!(normalize("  ").unwrap_err().contains("empty"));
    assert!(normalize("+52 55 1234 567x").unwrap_err().contains("'x'"));
    assert!(normalize("++525512345678").unwrap_err().contains("'+'"));
    assert!(normalize("+52/5512345678").is_err());
    // Full-width digits are not ASCII digits.
    assert!(normalize("+５２5512345678").is_err());
}

#[test]
fn the_strict_form_has_no_separators() {
    assert!(is_e164("+525512345678"));
    assert!(!is_e164("+52 5512345678"));
    assert!(!is_e164("525512345678"));
}
