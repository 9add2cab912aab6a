use super::*;

const TABLE: &[Route<u8>] = &[
    Route {
        method: "POST",
        pattern: "/enduser",
        handler: 1,
    },
    Route {
        method: "GET",
        pattern: "/enduser/{id}",
        handler: 2,
    },
    Route {
        method: "PUT",
        pattern: "/enduser/{id}",
        handler: 3,
    },
    Route {
        method: "GET",
        pattern: "/campaigns/{id}/contacts/{contact}",
        handler: 4,
    },
    Route {
        method: "GET",
        pattern: "/campaigns/{id}/calls",
        handler: 5,
    },
    Route {
        method: "POST",
        pattern: "/campaigns/{id}/{action}",
        handler: 6,
    },
];

fn found(method: &str, path: &str) -> String {
    match find(TABLE, method, path) {
        Found::Handler(handler, params) => {
            format!("{handler} {} {}", params.get("id"), params.get("contact"))
        }
        Found::WrongMethod { allow } => format!("405 {allow}"),
        Found::NoRoute => "404".to_owned(),
    }
}

#[test]
fn routes_match_segment_by_segment() {
    assert_eq!(found("POST", "/enduser"), "1  ");
    assert_eq!(found("GET", "/enduser/abc"), "2 abc ");
    assert_eq!(found("PUT", "/enduser/abc"), "3 abc ");
    assert_eq!(found("GET", "/campaigns/c1/contacts/k9"), "4 c1 k9");
    for path in [
        "/enduser/",
        "/enduser/a/b",
        "/endusers",
        "enduser",
        "/enduser/abc/",
        "",
        "/",
        "/campaigns//contacts/k",
    ] {
        assert_eq!(found("GET", path), "404", "{path}");
    }
}

#[test]
fn a_known_path_with_another_method_lists_the_allowed_ones() {
    assert_eq!(found("GET", "/enduser"), "405 POST");
    assert_eq!(found("DELETE", "/enduser/x"), "405 GET, PUT");
    assert_eq!(
        found("get", "/enduser/x"),
        "405 GET, PUT",
        "methods are case-sensitive"
    );
}

#[test]
fn a_literal_segment_beats_a_parameter() {
    assert_eq!(found("GET", "/campaigns/7/calls"), "5 7 ");
    assert_eq!(found("POST", "/campaigns/7/activate"), "6 7 ");
    // /campaigns/{id}/calls has no POST, whatever {action} would take.
    assert_eq!(found("POST", "/campaigns/7/calls"), "405 GET");
    assert_eq!(found("DELETE", "/campaigns/7/calls"), "405 GET");
    assert_eq!(found("GET", "/campaigns/7/activate"), "405 POST");
}
