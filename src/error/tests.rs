use super::*;

#[test]
fn exit_codes_match_the_contract() {
    let table = [
        (Kind::Internal, 1),
        (Kind::Input, 2),
        (Kind::Api, 3),
        (Kind::Auth, 4),
        (Kind::Server, 5),
        (Kind::Network, 6),
        (Kind::Unknown, 7),
        (Kind::RateLimited, 8),
        (Kind::Partial, 9),
        (Kind::SignatureMismatch, 10),
        (Kind::Interrupted, 130),
    ];
    for (kind, code) in table {
        assert_eq!(kind.exit_code(), code, "{kind:?}");
    }
}

#[test]
fn json_form_names_kind_and_status() {
    let e = Error::new(Kind::Api, "bad").with_status(400);
    assert_eq!(
        e.to_json().to_string(),
        r#"{"error":{"kind":"api","status":400,"message":"bad"}}"#
    );
}
