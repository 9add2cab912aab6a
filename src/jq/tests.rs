//! Unit tests of `--jq`.

use super::*;
use serde_json::{Value, json};

/// The filter's results on `value`, one per element (a result may hold newlines).
fn lines(code: &str, value: Value) -> Vec<String> {
    let jq = Jq::compile(code).unwrap();
    let mut lines = Vec::new();
    jq.for_each_result(&serde_json::to_vec(&value).unwrap(), &mut |line| {
        lines.push(String::from_utf8(line.to_vec()).unwrap());
        true
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

fn compiled(code: &str, budget: Budget) -> Arc<Jq> {
    Arc::new(Jq::compile(code).unwrap().with_budget(budget))
}

fn run_bytes(jq: Arc<Jq>, input: &str) -> (String, Result<()>) {
    let mut out = Vec::new();
    let ran = jq.run_bytes(input.as_bytes(), &mut |chunk| {
        out.extend_from_slice(chunk);
        Ok(())
    });
    (String::from_utf8(out).unwrap(), ran)
}

#[test]
fn plain_paths_are_recognised_and_anything_else_goes_to_jaq() {
    use plain::Step::{Each, Key};
    let key = |k: &str| Key(k.to_owned());
    assert_eq!(plain::parse("."), Some(vec![]));
    assert_eq!(plain::parse(".a"), Some(vec![key("a")]));
    assert_eq!(
        plain::parse(".campaigns[]"),
        Some(vec![key("campaigns"), Each])
    );
    assert_eq!(
        plain::parse(".a[].b_2"),
        Some(vec![key("a"), Each, key("b_2")])
    );
    assert_eq!(
        plain::parse(" .a[] | .b "),
        Some(vec![key("a"), Each, key("b")])
    );
    assert_eq!(plain::parse(".[]"), Some(vec![Each]));
    for other in [
        ".a?",
        ".[0]",
        "..",
        ".a | length",
        ".\"a\"",
        "map(.a)",
        ".a[1:]",
        "",
    ] {
        assert_eq!(plain::parse(other), None, "{other}");
    }
}

#[test]
fn the_fast_path_answers_as_jaq_does() {
    let input = r#"{"campaigns":[{"id":1,"name":"Sp\u00e9 \"q\"","agent":{"n":null},"t":[1, 2]},
        {"id":2.50,"name":"b","agent":{"n":"x"}}],"pagination":{"has_next":false}}"#;
    for code in [
        ".campaigns[]",
        ".campaigns[].name",
        ".campaigns[] | .agent.n",
        ".campaigns[].t",
        ".pagination",
        ".missing.deeper",
        ".",
    ] {
        let fast = run_bytes(compiled(code, Budget::default()), input);
        let jaq_code = format!("({code}) | select(true)");
        let slow = run_bytes(compiled(&jaq_code, Budget::default()), input);
        assert!(fast.1.is_ok() && slow.1.is_ok(), "{code}");
        let parse = |text: &str| -> Vec<Value> {
            text.lines()
                .map(|l| serde_json::from_str(l).unwrap_or(Value::String(l.to_owned())))
                .collect()
        };
        assert_eq!(parse(&fast.0), parse(&slow.0), "{code}");
    }
    let (_, ran) = run_bytes(compiled(".campaigns[].t[]", Budget::default()), input);
    assert_eq!(
        ran.unwrap_err().kind,
        Kind::Jq,
        "null iterated: jaq's error, kind jq"
    );
}

// Only the time budget is tested in-process: a filter stopped for its memory goes on in its
// thread until the process exits, which the binary does at once (tests/cli/output.rs).
#[test]
fn a_filter_that_never_ends_is_a_jq_error_at_its_time_budget() {
    let small = Budget {
        time: std::time::Duration::from_millis(300),
        memory: 512 * 1024 * 1024,
    };
    let started = std::time::Instant::now();
    let (_, ran) = run_bytes(compiled("def f: f; f", small), "null");
    let e = ran.unwrap_err();
    assert_eq!(e.kind, Kind::Jq, "{}", e.message);
    assert!(
        e.message.contains("ran for more than 0.3 s"),
        "{}",
        e.message
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
}

#[test]
fn a_failing_filter_keeps_the_results_before_it_and_is_kind_jq() {
    let (out, ran) = run_bytes(
        compiled(".[] | .a", Budget::default()),
        r#"[{"a":1}, 0, {"a":2}]"#,
    );
    assert!(out.starts_with("1"), "{out}");
    assert_eq!(ran.unwrap_err().kind, Kind::Jq);
}
