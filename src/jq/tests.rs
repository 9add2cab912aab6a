//! Unit tests of `--jq`.

use super::*;
use serde_json::json;

fn lines(code: &str, value: Value) -> Vec<String> {
    let mut lines = Vec::new();
    Jq::compile(code)
        .unwrap()
        .run(&value, |line| {
            lines.push(line.to_owned());
            Ok(())
        })
        .unwrap();
    lines
}

#[test]
fn strings_are_raw_and_other_values_compact_json() {
    let v = json!({"id": "a\"b", "n": 1, "o": {"z": 1, "a": [true, null]}});
    assert_eq!(lines(".id", v.clone()), ["a\"b"]);
    assert_eq!(
        lines(".n, .o", v.clone()),
        ["1", r#"{"z":1,"a":[true,null]}"#]
    );
    assert_eq!(lines(".o.a[]", v.clone()), ["true", "null"]);
    assert_eq!(lines("[.[]] | length", v), ["3"]);
    assert_eq!(
        lines("map(select(.x > 1)) | .[].x", json!([{"x": 1}, {"x": 2}])),
        ["2"]
    );
}

#[test]
fn the_common_standard_library_is_there() {
    let v = json!([{"n": "b", "x": 2.5}, {"n": "a", "x": 1}]);
    assert_eq!(
        lines("sort_by(.n) | map(.n) | join(\",\")", v.clone()),
        ["a,b"]
    );
    assert_eq!(lines("map(.x | floor) | add", v.clone()), ["3"]);
    assert_eq!(
        lines(".[] | select(.n | startswith(\"a\")) | .x", v.clone()),
        ["1"]
    );
    assert_eq!(
        lines(".[] | [.n, .x] | @csv", v.clone()),
        ["\"b\",2.5", "\"a\",1"]
    );
    assert_eq!(lines(".[0] | keys | @tsv", v.clone()), ["n\tx"]);
    assert_eq!(
        lines(
            r#"["a\"b", null, true, "t\tn\n\\"] | @csv, @tsv"#,
            json!(null)
        ),
        [
            "\"a\"\"b\",,true,\"t\tn\n\\\"",
            "a\"b\t\ttrue\tt\\tn\\n\\\\"
        ]
    );
    assert_eq!(lines("group_by(.x > 2) | length", v.clone()), ["2"]);
    assert_eq!(lines(".[0].n | ascii_upcase", v.clone()), ["B"]);
    assert_eq!(lines("map(.x) | tostring", v), ["[2.5,1]"]);
    let e = Jq::compile(r#".[] | test("a")"#).err().unwrap();
    assert!(
        e.message.contains("undefined function 'test'"),
        "{}",
        e.message
    );
}

#[test]
fn a_bad_filter_is_an_input_error_that_says_why() {
    for bad in [".[", "foo(1)", "$x", ".a |"] {
        let e = Jq::compile(bad)
            .err()
            .unwrap_or_else(|| panic!("{bad} compiled"));
        assert_eq!(e.kind, Kind::Input, "{bad}");
        assert!(
            e.message.starts_with("invalid --jq filter: "),
            "{}",
            e.message
        );
    }
}
