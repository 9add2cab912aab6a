use super::*;

fn base() -> BaseUrl {
    BaseUrl::parse("https://api.altur.io/api/v1.0").unwrap()
}

#[test]
fn a_path_holding_the_base_path_is_not_prefixed_twice() {
    let rel = |target: &str| relative_path(&base(), target).unwrap();
    assert_eq!(rel("/api/v1.0/call/c1/recording"), "/call/c1/recording");
    assert_eq!(rel("/api/v1.0?x=1"), "/?x=1");
    assert_eq!(rel("/api/v1.0"), "/");
    assert_eq!(rel("/api/v1.0x/y"), "/api/v1.0x/y");
    assert_eq!(rel("/campaigns"), "/campaigns");
    let bare = BaseUrl::parse("http://127.0.0.1:8787").unwrap();
    assert_eq!(relative_path(&bare, "/api/v1.0/x").unwrap(), "/api/v1.0/x");
    assert_eq!(bare.path(), "");
    assert_eq!(base().path(), "/api/v1.0");
}

#[test]
fn full_urls_are_accepted_only_under_the_base_url() {
    let ok = |t: &str| relative_path(&base(), t).unwrap();
    assert_eq!(
        ok("https://api.altur.io/api/v1.0/call/7/recording"),
        "/call/7/recording"
    );
    assert_eq!(ok("HTTPS://API.altur.io:443/api/v1.0/x?a=1"), "/x?a=1");
    assert_eq!(ok("campaigns/42"), "/campaigns/42");
    for bad in [
        "https://evil.io/api/v1.0/x",
        "https://api.altur.io.evil.io/api/v1.0/x",
        "http://api.altur.io/api/v1.0/x",
        "https://api.altur.io:8443/api/v1.0/x",
        "https://api.altur.io/api/v1.00/x",
        "https://api.altur.io/other",
        "https://user@api.altur.io/api/v1.0/x",
        "ftp://api.altur.io/api/v1.0/x",
        "/a/../b",
        "/a/%2e%2e/b",
        "/a#b",
        "/a%zz",
    ] {
        let e = relative_path(&base(), bad).unwrap_err();
        assert_eq!(e.kind, Kind::Input, "{bad}");
    }
}

#[test]
fn headers_are_checked_and_authorization_refused() {
    assert_eq!(parse_header("X-Trace: a b").unwrap(), ("X-Trace", "a b"));
    for bad in [
        "Authorization: x",
        "authorization:x",
        "no colon",
        "Bad Name: x",
        ": x",
    ] {
        assert!(parse_header(bad).is_err(), "{bad}");
    }
}
