//! Unit tests of the output module.

use super::resource::Resource;
use super::sink::redacted;
use super::table::*;
use super::*;
use serde_json::Value;

const CAMPAIGN: Resource = Resource {
    name: "campaign",
    fields: &["id", "name"],
    columns: &["id", "name", "agent.name"],
    id: "id",
    wrapper: Some("campaign"),
};

#[test]
fn tables_flatten_nested_objects_and_show_arrays_as_json() {
    let v: Value = serde_json::from_str(
        r#"{"success":true,"campaign":{"agent":{"name":"Eve","id":"a1"},"id":42,"name":"Spring","tags":["x",1],"empty":{}}}"#,
    )
    .unwrap();
    let inner = CAMPAIGN.inside(&v);
    assert_eq!(CAMPAIGN.id_of(inner).as_deref(), Some("42"));
    let t = resource_table(inner, &CAMPAIGN);
    let order: Vec<usize> = ["│ id ", "│ name ", "agent.name", "agent.id", "tags"]
        .iter()
        .map(|k| t.find(k).unwrap_or_else(|| panic!("{k} in {t}")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{t}");
    assert!(t.contains(r#"["x",1]"#) && t.contains("{}"), "{t}");
    assert!(!t.contains("success"), "the wrapper is not shown: {t}");
}

#[test]
fn list_columns_read_dotted_paths() {
    let item: Value = serde_json::from_str(r#"{"id":1,"agent":{"name":"Eve"}}"#).unwrap();
    assert_eq!(field_at(&item, "agent.name"), Some(&Value::from("Eve")));
    assert_eq!(field_at(&item, "agent.missing"), None);
}

#[test]
fn byte_redaction_keeps_other_bytes_and_finds_keys_in_text_runs() {
    let key = crate::secret::Secret::new("byte-run-key-0012345").unwrap();
    let mut bytes = vec![0xff, 0xfe, b'a'];
    bytes.extend_from_slice(key.expose().as_bytes());
    bytes.extend_from_slice(&[0x80, b'z']);
    let out = redacted(&bytes);
    assert_eq!(
        &*out,
        [&[0xff, 0xfe, b'a'][..], b"[REDACTED]", &[0x80, b'z']].concat()
    );
    assert_eq!(&*redacted(&[0, 1, 0xc3]), [0, 1, 0xc3]);
}

#[test]
fn control_characters_are_neutralised() {
    assert_eq!(for_terminal("a\x1b[31mb\nc"), "a\u{FFFD}[31mb\nc");
    assert!(matches!(
        for_terminal("plain"),
        std::borrow::Cow::Borrowed(_)
    ));
}

#[test]
fn table_cells_are_redacted_before_they_can_be_wrapped() {
    let key = crate::secret::Secret::new("table-cell-key-0007").unwrap();
    let rows = [("info".to_owned(), format!("long text {}", key.expose()))];
    let table = key_value_table(&rows);
    assert!(table.contains("long text [REDACTED]"), "{table}");
}

#[test]
fn table_puts_known_fields_first_and_keeps_extras() {
    let v: Value = serde_json::from_str(
        r#"{"extra":1,"info":"i","id":"x","display_name":"n","integration_type":"api"}"#,
    )
    .unwrap();
    const ENDUSER: Resource = Resource {
        name: "EndUser",
        fields: &["id", "display_name", "integration_type", "info"],
        columns: &[],
        id: "id",
        wrapper: None,
    };
    let t = resource_table(&v, &ENDUSER);
    let order: Vec<usize> = ["id", "display_name", "integration_type", "info", "extra"]
        .iter()
        .map(|k| t.find(k).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{t}");
}

#[test]
fn a_key_straddling_a_flush_is_still_redacted_and_writes_are_large() {
    let key = crate::secret::Secret::new("straddle-key-0123456789").unwrap();
    let mut sink = Sink::memory();
    // The key is cut between two writes right where the first flush happens.
    let mut first = vec![b'x'; super::sink::FLUSH_AT + super::sink::HELD_BACK - 10];
    first.extend_from_slice(&key.expose().as_bytes()[..10]);
    sink.write(&first).unwrap();
    sink.write(&key.expose().as_bytes()[10..]).unwrap();
    sink.write(b" end\n").unwrap();
    let out = String::from_utf8(sink.taken()).unwrap();
    assert!(!out.contains("straddle-key"), "the key was printed");
    assert!(
        out.ends_with("x[REDACTED] end\n"),
        "{}",
        &out[out.len() - 40..]
    );
}

#[test]
fn csv_cells_are_raw_values_arrays_joined_objects_as_json() {
    use super::csv::cell;
    let item: Value = serde_json::from_str(
        r#"{"s":"a, \"b\"\n","n":0.25,"big":12345678901234567,"t":true,"z":null,
            "arr":["x",1,null,{"k":"v"},[2,3]],"obj":{"k":[1]},"empty":[]}"#,
    )
    .unwrap();
    let at = |path: &str| cell(field_at(&item, path));
    assert_eq!(at("s"), "a, \"b\"\n", "the csv writer quotes, not the cell");
    assert_eq!(at("n"), "0.25");
    assert_eq!(at("big"), "12345678901234567");
    assert_eq!(at("t"), "true");
    assert_eq!(at("z"), "");
    assert_eq!(at("missing"), "");
    assert_eq!(at("obj.k"), "1");
    assert_eq!(at("arr"), "x;1;;{\"k\":\"v\"};[2,3]");
    assert_eq!(at("obj"), "{\"k\":[1]}");
    assert_eq!(at("empty"), "");
}

#[test]
fn fields_are_dotted_paths_and_nothing_else() {
    use super::csv::parse_fields;
    let given =
        |list: &[&str]| parse_fields(&list.iter().map(|s| s.to_string()).collect::<Vec<_>>());
    assert_eq!(
        given(&["id", " contact.f_id "]).unwrap(),
        ["id", "contact.f_id"]
    );
    for bad in [&[""][..], &["a."], &[".a"], &["a..b"], &[]] {
        assert_eq!(
            given(bad).unwrap_err().kind,
            crate::error::Kind::Input,
            "{bad:?}"
        );
    }
}

/// What an in-memory output has written so far, without flushing what waits.
fn emitted(out: &Output) -> String {
    out.with_sink(|sink| String::from_utf8(sink.emitted().to_vec()).unwrap())
}

#[test]
fn parts_wait_in_the_buffer_until_a_whole_result_a_diagnostic_or_the_end() {
    let out = Output::memory();
    out.stdout_part(b"first ").unwrap();
    assert_eq!(emitted(&out), "", "a part waits for more");
    out.stdout("result\n").unwrap();
    assert_eq!(
        emitted(&out),
        "first result\n",
        "a whole result leaves at once"
    );
    out.stdout_part(b"pending\n").unwrap();
    out.note("a note on stderr");
    assert_eq!(
        emitted(&out),
        "first result\npending\n",
        "what waits is written before a diagnostic"
    );
    assert_eq!(out.stderr_taken(), "altur: a note on stderr\n");
    out.stdout_part(b"last\n").unwrap();
    out.finish().unwrap();
    assert!(emitted(&out).ends_with("pending\nlast\n"));
}

#[test]
fn an_output_redacts_the_key_in_results_and_lists() {
    let key = crate::secret::Secret::new("output-key-0123456789").unwrap();
    let out = Output::memory();
    out.stdout(&format!("echo {}\n", key.expose())).unwrap();
    let mut list = ListPrinter::new(&out, &CAMPAIGN, crate::cli::OutputFormat::Json);
    list.item(&serde_json::json!({"id": 1, "name": key.expose()}))
        .unwrap();
    list.item(&serde_json::json!({"id": 2})).unwrap();
    list.finish().unwrap();
    let text = String::from_utf8(out.taken()).unwrap();
    assert!(!text.contains("output-key"), "{text}");
    assert_eq!(
        text,
        "echo [REDACTED]\n[\n  {\"id\":1,\"name\":\"[REDACTED]\"},\n  {\"id\":2}\n]\n"
    );
}

#[test]
fn the_outputs_filter_and_columns_are_its_own() {
    let mut filtered = Output::memory();
    filtered.jq = Some(std::sync::Arc::new(
        crate::jq::Jq::compile(".name").unwrap(),
    ));
    let plain = Output::memory();
    let body: Value = serde_json::from_str(r#"{"campaign":{"id":7,"name":"Spring"}}"#).unwrap();
    filtered
        .print_resource(&body, &CAMPAIGN, crate::cli::OutputFormat::Json)
        .unwrap();
    plain
        .print_resource(&body, &CAMPAIGN, crate::cli::OutputFormat::Id)
        .unwrap();
    assert_eq!(filtered.taken(), b"Spring\n");
    assert_eq!(plain.taken(), b"7\n");
    assert_eq!(
        filtered.format_for(crate::cli::OutputFormat::Table, false),
        crate::cli::OutputFormat::Json,
        "--jq implies JSON when no -o was given"
    );
    assert_eq!(
        plain.format_for(crate::cli::OutputFormat::Table, false),
        crate::cli::OutputFormat::Table
    );

    let mut columns = Output::memory();
    columns.fields = Some(vec!["name".to_owned(), "agent.name".to_owned()]);
    let mut list = ListPrinter::new(&columns, &CAMPAIGN, crate::cli::OutputFormat::Csv);
    list.item(&serde_json::json!({"id": 1, "name": "a,b", "agent": {"name": "Eve"}}))
        .unwrap();
    list.finish().unwrap();
    assert_eq!(columns.taken(), b"name,agent.name\r\n\"a,b\",Eve\r\n");
}

#[test]
fn a_bad_filter_or_field_list_is_refused_when_the_output_is_built() {
    let refused = |jq: Option<&str>, format, fields: Option<&[String]>| {
        Output::new(jq, format, fields).err().map(|e| e.kind)
    };
    use crate::cli::OutputFormat::{Json, Table};
    use crate::error::Kind::Input;
    assert_eq!(refused(Some(".a"), Some(Json), None), None);
    assert_eq!(refused(Some(".a"), Some(Table), None), Some(Input));
    assert_eq!(refused(Some(".["), None, None), Some(Input));
    assert_eq!(refused(None, None, Some(&["a..b".to_owned()])), Some(Input));
}

#[test]
fn diagnostics_are_redacted_and_neutralised_and_errors_follow_the_format() {
    let key = crate::secret::Secret::new("diagnostic-key-0123456789").unwrap();
    let out = Output::memory();
    out.warn(&format!("echoed {} \x1b[31m", key.expose()));
    let error = crate::error::Error::input(format!("bad {}", key.expose())).with_hint("fix it");
    out.print_error(&error, false);
    out.print_error(&error, true);
    let text = out.stderr_taken();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "altur: warning: echoed [REDACTED] \u{FFFD}[31m");
    assert_eq!(lines[1], "altur: error: bad [REDACTED]");
    assert_eq!(lines[2], "altur: hint: fix it");
    let json: Value = serde_json::from_str(lines[3]).unwrap();
    assert_eq!(json["error"]["message"], "bad [REDACTED]", "{json}");
    assert_eq!(lines.len(), 4);
}
