use super::*;
use serde_json::json;

#[test]
fn compact_json_escapes_like_python() {
    let value = json!({"b": "Sofía 😀", "a": [1, 2.5, null], "c": "tab\there\u{7f}"});
    assert_eq!(
        compact_json(&value, true),
        r#"{"b":"Sof\u00eda \ud83d\ude00","a":[1,2.5,null],"c":"tab\there\u007f"}"#
    );
    assert_eq!(
        compact_json(&value, false),
        "{\"b\":\"Sofía 😀\",\"a\":[1,2.5,null],\"c\":\"tab\\there\u{7f}\"}"
    );
}

#[test]
fn signatures_decode_as_hex_base64_or_neither() {
    let decoded = decode_signature("00ff").unwrap();
    assert_eq!(decoded.hex, Some(vec![0, 255]));
    assert!(decoded.base64.is_some(), "hex digits are base64 text too");
    let decoded = decode_signature("AP8=").unwrap();
    assert_eq!((decoded.hex, decoded.base64), (None, Some(vec![0, 255])));
    // A truncated hex signature is not an error of form: it just does not match.
    assert!(decode_signature("abc").is_ok());
    assert_eq!(decode_signature("sig nature"), Err(MalformedSignature));
    assert_eq!(decode_signature(""), Err(MalformedSignature));
}

#[test]
fn a_base64_secret_that_does_not_decode_is_used_as_text() {
    assert!(SigningKey::new(Scheme::Base64, "not base64!").used_as_text);
    assert!(!SigningKey::new(Scheme::Base64, "c2VjcmV0").used_as_text);
    assert!(!SigningKey::new(Scheme::Hex, "not base64!").used_as_text);
}
