use super::classify::{error_message, snippet};
use super::retry::parse_retry_after;
use super::transport::{LiteralFirst, mark_connect_failure, no_proxy_matches, proxy_url_for};
use super::*;
use ureq::unversioned::resolver::Resolver;
use ureq::unversioned::transport::NextTimeout;

/// Notes nobody reads, for clients that never retry here.
struct Quiet;

impl Notes for Quiet {
    fn note(&self, _: &str) {}
    fn trace(&self, _: &str) {}
}

#[test]
fn ip_hosts_resolve_in_place() {
    let config = Agent::config_builder().build();
    let timeout = NextTimeout {
        after: ureq::unversioned::transport::time::Duration::from(Duration::from_secs(1)),
        reason: ureq::Timeout::Resolve,
        per_read: None,
        per_write: None,
    };
    for (url, expected) in [
        ("http://127.0.0.1:8787/api", "127.0.0.1:8787"),
        ("https://[::1]/api", "[::1]:443"),
    ] {
        let uri: ureq::http::Uri = url.parse().unwrap();
        let resolved = LiteralFirst::default()
            .resolve(&uri, &config, timeout)
            .unwrap();
        assert_eq!(resolved.len(), 1, "{url}");
        assert_eq!(resolved[0].to_string(), expected);
    }
}

#[test]
fn error_bodies_with_int_or_string_codes_show_the_message() {
    assert_eq!(
        error_message(
            400,
            br#"{"error":400,"message":"display_name is required"}"#
        ),
        "HTTP 400: display_name is required"
    );
    assert_eq!(
        error_message(
            409,
            br#"{"error":"DUPLICATE","message":"exists","field":"x"}"#
        ),
        "HTTP 409 DUPLICATE: exists"
    );
    assert_eq!(
        error_message(422, br#"{"error":7,"message":"m"}"#),
        "HTTP 422 7: m"
    );
}

#[test]
fn other_bodies_show_status_and_at_most_200_characters() {
    let html = format!("<html><body>{}</body></html>", "x".repeat(500));
    let m = error_message(500, html.as_bytes());
    assert!(m.starts_with("HTTP 500: <html><body>xxx"), "{m}");
    assert_eq!(m.chars().count(), "HTTP 500: ".len() + 200 + 1);
    assert_eq!(error_message(502, b""), "HTTP 502: (empty body)");
    assert_eq!(error_message(500, b"[1,2]"), "HTTP 500: [1,2]");
}

#[test]
fn retry_rules_follow_the_contract() {
    let failure = |delivery, status: Option<u16>| Failure {
        error: Error {
            kind: Kind::Server,
            status,
            message: String::new(),
            hint: None,
            body: None,
        },
        delivery,
        retry_after: None,
    };
    use Delivery::*;
    let key = Retry::WithKey("k".into());
    for policy in [&Retry::Safe, &Retry::Never, &key] {
        assert!(policy.allows(&failure(NotSent, None)));
        assert!(policy.allows(&failure(Answered, Some(429))));
        assert!(!policy.allows(&failure(Answered, Some(500))));
        assert!(!policy.allows(&failure(Answered, Some(400))));
    }
    for policy in [&Retry::Safe, &key] {
        assert!(policy.allows(&failure(MaybeProcessed, None)));
        assert!(policy.allows(&failure(Answered, Some(503))));
    }
    assert!(!Retry::Never.allows(&failure(MaybeProcessed, None)));
    assert!(!Retry::Never.allows(&failure(Answered, Some(503))));
    for method in [Method::Get, Method::Put, Method::Delete] {
        assert_eq!(Call::new(method, "/x").retry, Retry::Safe);
    }
    for method in [Method::Post, Method::Patch] {
        assert_eq!(Call::new(method, "/x").retry, Retry::Never);
    }
}

fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let pairs: Vec<(String, String)> = pairs
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    move |name| {
        pairs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    }
}

#[test]
fn proxy_choice_follows_https_proxy_all_proxy_and_no_proxy() {
    let remote = BaseUrl::parse("https://api.altur.io/api/v1.0").unwrap();
    let chosen = |pairs: &[(&str, &str)]| proxy_url_for(&remote, &env_of(pairs));
    assert_eq!(
        chosen(&[
            ("HTTPS_PROXY", "http://p1:3128"),
            ("ALL_PROXY", "http://p2:3128")
        ])
        .as_deref(),
        Some("http://p1:3128")
    );
    assert_eq!(
        chosen(&[
            ("all_proxy", "http://p2:3128"),
            ("HTTP_PROXY", "http://p3:3128")
        ])
        .as_deref(),
        Some("http://p2:3128")
    );
    assert_eq!(
        chosen(&[("HTTP_PROXY", "http://p3:3128")]),
        None,
        "not for https"
    );
    for no_proxy in [
        "altur.io",
        ".altur.io",
        "example.com, api.altur.io:443",
        "*",
    ] {
        let pairs = [("HTTPS_PROXY", "http://p1:3128"), ("NO_PROXY", no_proxy)];
        assert_eq!(chosen(&pairs), None, "{no_proxy}");
    }
    let pairs = [
        ("HTTPS_PROXY", "http://p1:3128"),
        ("no_proxy", "altur.io.evil"),
    ];
    assert!(chosen(&pairs).is_some());
    let loopback = BaseUrl::parse("http://127.0.0.1:8787").unwrap();
    let everything = env_of(&[
        ("HTTP_PROXY", "http://p1:3128"),
        ("ALL_PROXY", "http://p1:3128"),
    ]);
    assert_eq!(
        proxy_url_for(&loopback, &everything),
        None,
        "loopback never uses a proxy"
    );
}

#[test]
fn no_proxy_matches_hosts_and_suffixes() {
    assert!(no_proxy_matches("*", "api.altur.io"));
    assert!(no_proxy_matches("foo, altur.io", "api.altur.io"));
    assert!(no_proxy_matches(".altur.io", "api.altur.io"));
    assert!(no_proxy_matches("api.altur.io:443", "api.altur.io"));
    assert!(!no_proxy_matches("tur.io", "api.altur.io"));
    assert!(!no_proxy_matches("", "api.altur.io"));
}

#[test]
fn curl_rendering_quotes_for_the_shell_and_hides_the_key() {
    let base = BaseUrl::parse("https://api.altur.io/api/v1.0").unwrap();
    let request = Request {
        method: Method::Post,
        path: "/enduser".into(),
        body: Some(br#"{"display_name":"O'Brien"}"#.to_vec()),
    };
    let curl = request.to_call().to_curl(&base);
    assert!(
        curl.contains(r#"'Authorization: api-key '"$ALTUR_API_KEY""#),
        "{curl}"
    );
    assert!(
        curl.contains(r#"--data-raw '{"display_name":"O'\''Brien"}'"#),
        "{curl}"
    );
}

/// A failed lookup (or any I/O error while connecting) is "not sent", even for a create;
/// the same error after connecting is "outcome unknown". Tested here rather than through
/// the binary: a real failed lookup would query a DNS server off the loopback interface.
#[test]
fn connect_phase_io_errors_are_not_sent_and_later_ones_are_unknown() {
    let env = |name: &str| match name {
        "ALTUR_BASE_URL" => Some("https://api.altur.test/api/v1.0".to_owned()),
        "ALTUR_API_KEY" => Some("unit-test-key-0009".to_owned()),
        "ALTUR_CONFIG" => Some("/nonexistent/config.toml".to_owned()),
        _ => None,
    };
    let settings = Settings::resolve(&crate::cli::GlobalArgs::default(), &env).unwrap();
    let client = Client::new(&settings, settings.api_key().unwrap(), Arc::new(Quiet)).unwrap();
    let lookup = || std::io::Error::other("failed to lookup address information");
    let failure = client.transport_failure(mark_connect_failure(ureq::Error::Io(lookup())));
    assert_eq!(failure.delivery, Delivery::NotSent);
    assert_eq!(failure.error.kind, Kind::Network);
    assert!(Retry::Never.allows(&failure));
    let failure = client.transport_failure(ureq::Error::Io(lookup()));
    assert_eq!(failure.delivery, Delivery::MaybeProcessed);
    assert_eq!(failure.error.kind, Kind::Unknown);
    assert!(!Retry::Never.allows(&failure));
}

/// ureq names the nearest deadline: with `--timeout` at most the connect limit, a connect
/// that times out may come back as the global timeout. Raised while connecting, it is
/// "not sent" whatever its name.
#[test]
fn a_timeout_while_connecting_is_not_sent_whatever_deadline_ureq_names() {
    let env = |name: &str| match name {
        "ALTUR_BASE_URL" => Some("https://api.altur.test/api/v1.0".to_owned()),
        "ALTUR_API_KEY" => Some("unit-test-key-0010".to_owned()),
        "ALTUR_CONFIG" => Some("/nonexistent/config.toml".to_owned()),
        _ => None,
    };
    let settings = Settings::resolve(&crate::cli::GlobalArgs::default(), &env).unwrap();
    let client = Client::new(&settings, settings.api_key().unwrap(), Arc::new(Quiet)).unwrap();
    for named in [
        ureq::Timeout::Global,
        ureq::Timeout::Connect,
        ureq::Timeout::PerCall,
    ] {
        let failure = client.transport_failure(mark_connect_failure(ureq::Error::Timeout(named)));
        assert_eq!(failure.delivery, Delivery::NotSent, "{named:?}");
        assert_eq!(failure.error.kind, Kind::Network);
        assert!(Retry::Never.allows(&failure));
    }
    let failure = client.transport_failure(ureq::Error::Timeout(ureq::Timeout::Global));
    assert_eq!(failure.delivery, Delivery::MaybeProcessed);
}

#[test]
fn retry_after_values_parse_defensively() {
    assert_eq!(parse_retry_after(" 2 "), Some(Duration::from_secs(2)));
    assert_eq!(parse_retry_after("0.5"), Some(Duration::from_millis(500)));
    let huge = parse_retry_after("1e30").unwrap();
    assert_eq!(retry_wait(Some(huge), 0).0, MAX_RETRY_AFTER);
    for bad in ["-1", "NaN", "inf", "", "Wed, 21 Oct 2015 07:28:00 GMT"] {
        assert_eq!(parse_retry_after(bad), None, "{bad}");
    }
}

#[test]
fn snippets_are_redacted_before_they_are_cut() {
    let key = crate::secret::Secret::new("snippet-cut-key-0011").unwrap();
    let body = format!("{}{}", "y".repeat(195), key.expose());
    let cut = snippet(body.as_bytes());
    assert!(!cut.contains("snip"), "{cut}");
    assert_eq!(cut, format!("{}[REDA…", "y".repeat(195)));
}

#[test]
fn retry_after_is_honoured_up_to_60_seconds_and_the_cap_is_said() {
    assert_eq!(
        retry_wait(Some(Duration::from_secs(3)), 0),
        (Duration::from_secs(3), None)
    );
    let (wait, note) = retry_wait(Some(Duration::from_secs(120)), 0);
    assert_eq!(wait, MAX_RETRY_AFTER);
    assert_eq!(
        note.as_deref(),
        Some("the server asked to wait 120 s; waiting 60 s, the most altur waits")
    );
    let (wait, note) = retry_wait(None, 2);
    assert!(wait <= Duration::from_secs(1) && note.is_none());
}

#[test]
fn paths_and_queries_are_percent_encoded() {
    let base = BaseUrl::parse("https://api.altur.io/api/v1.0").unwrap();
    let endpoint = Endpoint {
        method: Method::Get,
        template: "/campaigns/{id}/contacts/{contact}",
    };
    let call = endpoint
        .call(&["4 2", "a/../b"])
        .with_query("q", "a b&c#d+e%f é")
        .with_query("x y", "1");
    assert_eq!(call.path, "/campaigns/4%202/contacts/a%2F..%2Fb");
    assert_eq!(
        call.url(&base),
        "https://api.altur.io/api/v1.0/campaigns/4%202/contacts/a%2F..%2Fb\
         ?q=a%20b%26c%23d%2Be%25f%20%C3%A9&x%20y=1"
    );
}

#[test]
fn idempotency_keys_make_a_post_safe_to_resend_and_are_sent() {
    let call = Call::new(Method::Post, "/campaigns").with_idempotency_key("key-1");
    assert_eq!(call.retry, Retry::WithKey("key-1".into()));
    assert_eq!(
        call.headers,
        [("Idempotency-Key".to_owned(), "key-1".to_owned())]
    );
}

#[test]
fn backoff_grows_and_stays_bounded() {
    assert!(backoff(0) <= Duration::from_millis(250));
    assert!(backoff(10) <= Duration::from_secs(8));
    assert!(backoff(3) >= Duration::from_secs(1));
}
