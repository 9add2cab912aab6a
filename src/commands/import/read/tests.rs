use super::*;
use crate::commands::import::kind::ENDUSER;
use std::io::Cursor;

fn records(format: ImportFormat, text: &str) -> Result<Vec<Parsed>> {
    let input = Input {
        name: "input".into(),
        reader: Box::new(Cursor::new(text.as_bytes().to_vec())),
        size: None,
        consumed: Arc::default(),
    };
    let mut out = Vec::new();
    read(input, format, &ENDUSER, None, &mut |parsed| {
        out.push(parsed);
        true
    })?;
    Ok(out)
}

fn names(parsed: &[Parsed]) -> Vec<String> {
    parsed
        .iter()
        .map(|p| match p {
            Ok(body) => {
                let d: crate::model::EndUserData = serde_json::from_slice::<Value>(body)
                    .map(|v| crate::model::EndUserData::from_json(v).unwrap())
                    .unwrap();
                format!("{}|{:?}", d.display_name.clone().unwrap(), d.info)
            }
            Err(e) => format!("error: {e}"),
        })
        .collect()
}

#[test]
fn fnv1a_is_the_published_function() {
    assert_eq!(fnv1a(b""), 0xcbf29ce484222325);
    assert_eq!(fnv1a(b"a"), 0xaf63dc4c8601ec8c);
}

#[test]
fn formats_come_from_extensions_unless_given() {
    assert_eq!(
        format_for(Path::new("a.CSV"), None).unwrap(),
        ImportFormat::Csv
    );
    assert_eq!(
        format_for(Path::new("a.jsonl"), None).unwrap(),
        ImportFormat::Ndjson
    );
    assert_eq!(
        format_for(Path::new("-"), None).unwrap(),
        ImportFormat::Ndjson
    );
    assert_eq!(
        format_for(Path::new("a.txt"), Some(ImportFormat::Json)).unwrap(),
        ImportFormat::Json
    );
    assert!(format_for(Path::new("a.txt"), None).is_err());
}

#[test]
fn ndjson_skips_blank_lines_and_reports_bad_ones() {
    let parsed = records(
        ImportFormat::Ndjson,
        "\u{feff}{\"display_name\":\"A\"}\r\n\n{oops\n{\"display_name\":\"\"}\n{\"display_name\":\"B\",\"info\":\"i\"}",
    )
    .unwrap();
    let names = names(&parsed);
    assert_eq!(names[0], "A|None");
    assert_eq!(
        names[1],
        "error: invalid JSON on line 3, column 2: key must be a string"
    );
    assert!(names[2].contains("must not be empty"), "{names:?}");
    assert_eq!(names[3], "B|Some(\"i\")");
    assert_eq!(names.len(), 4);
}

#[test]
fn long_lines_are_refused_without_being_kept() {
    let mut reader = Cursor::new(b"abcdef\nxy\n".to_vec());
    let mut line = Vec::new();
    assert_eq!(
        read_line_limited(&mut reader, &mut line, 3).unwrap(),
        Some(false)
    );
    assert!(line.len() <= 3);
    line.clear();
    assert_eq!(
        read_line_limited(&mut reader, &mut line, 3).unwrap(),
        Some(true)
    );
    assert_eq!(line, b"xy");
    assert_eq!(read_line_limited(&mut reader, &mut line, 3).unwrap(), None);
}

#[test]
fn csv_handles_quotes_newlines_bom_and_empty_cells() {
    let parsed = records(
        ImportFormat::Csv,
        "\u{feff}name,info\n\"Lovelace, Ada\",\"line 1\nline 2\"\nBob,\n,x\n\"Q \"\"q\"\"\",y,extra\n",
    )
    .unwrap();
    assert_eq!(
        names(&parsed),
        [
            "Lovelace, Ada|Some(\"line 1\\nline 2\")",
            "Bob|None",
            "error: the display name must not be empty",
            "error: line 6: expected 2 fields like the header, found 3",
        ]
    );
}

#[test]
fn csv_header_must_name_known_columns() {
    let e = records(ImportFormat::Csv, "display_name,email\nA,a@x\n").unwrap_err();
    assert!(
        e.message.contains("unknown column 'email'"),
        "{}",
        e.message
    );
    let e = records(ImportFormat::Csv, "info\nx\n").unwrap_err();
    assert!(e.message.contains("no display_name"), "{}", e.message);
}

#[test]
fn json_array_is_read_element_by_element() {
    let parsed = records(
        ImportFormat::Json,
        " [ {\"display_name\":\"A\"}, 3, {\"display_name\":\"B\",\"x\":\"y\"} ] ",
    )
    .unwrap();
    let names = names(&parsed);
    assert_eq!(names[0], "A|None");
    assert!(names[1].contains("found a number"), "{names:?}");
    assert!(names[2].contains("unknown field 'x'"), "{names:?}");
    let e = records(ImportFormat::Json, "{\"display_name\":\"A\"}").unwrap_err();
    assert!(e.message.contains("invalid JSON"), "{}", e.message);
    let e = records(ImportFormat::Json, "[{\"display_name\":\"A\"},").unwrap_err();
    assert!(e.message.contains("line 1"), "{}", e.message);
}

#[test]
fn a_record_as_large_as_the_file_is_refused_not_kept() {
    let big = "x".repeat(2 * 1024 * 1024);
    let e = records(ImportFormat::Csv, &format!("name\nA\n\"open quote {big}\n")).unwrap_err();
    assert_eq!(
        e.message,
        "input: record 2 is larger than 1 MiB: the quoted field opened on line 3 is not closed within it"
    );
    let e = records(ImportFormat::Csv, &format!("name\n{big}{big}\n")).unwrap_err();
    assert!(
        e.message.contains("a CSV record is larger than 1 MiB"),
        "{}",
        e.message
    );
    let e = records(
        ImportFormat::Json,
        &format!("[{{\"display_name\":\"{big}\"}}]"),
    )
    .unwrap_err();
    assert!(
        e.message
            .contains("an element of the array is larger than 1 MiB"),
        "{}",
        e.message
    );
    // Many records together may be as large as they like.
    let many = "{\"display_name\":\"a\"},".repeat(200_000);
    let parsed = records(
        ImportFormat::Json,
        &format!("[{many}{{\"display_name\":\"b\"}}]"),
    )
    .unwrap();
    assert_eq!(parsed.len(), 200_001);
}

#[test]
fn ndjson_that_is_an_array_is_refused_as_a_whole() {
    let e = records(ImportFormat::Ndjson, "[{\"display_name\":\"A\"}]").unwrap_err();
    assert!(e.message.contains("JSON array"), "{}", e.message);
}

#[test]
fn an_unclosed_quote_at_the_end_names_its_record_and_line_and_nothing_from_it_is_read() {
    let mut seen = Vec::new();
    let input = Input {
        name: "u.csv".into(),
        reader: Box::new(Cursor::new(
            b"name,info\nBob,ok\n\"Ann\nLee\",two lines\nAda,\"x\nGrace,y\n".to_vec(),
        )),
        size: None,
        consumed: Arc::default(),
    };
    let e = read(input, ImportFormat::Csv, &ENDUSER, None, &mut |parsed| {
        seen.push(parsed);
        true
    })
    .unwrap_err();
    assert_eq!(
        e.message,
        "u.csv: record 3 has a quoted field that is never closed: the quote opened on line 5"
    );
    assert_eq!(
        names(&seen),
        ["Bob|Some(\"ok\")", "Ann\nLee|Some(\"two lines\")"]
    );
    // A quote that closes, doubled quotes, and quotes inside an unquoted field are fine.
    let parsed = records(
        ImportFormat::Csv,
        "name,info\na\"b,\"x \"\"y\"\"\"\nc,\"\"\n",
    )
    .unwrap();
    assert_eq!(names(&parsed), ["a\"b|Some(\"x \\\"y\\\"\")", "c|None"]);
    let e = records(ImportFormat::Csv, "\u{feff}\"name,info\nA,b\n").unwrap_err();
    assert_eq!(
        e.message,
        "input: the CSV header has a quoted field that is never closed: the quote opened on line 1"
    );
    // The record with the open quote is refused even when it has too few fields.
    let e = records(ImportFormat::Csv, "name,info\nA,b\n\"C\nD\n").unwrap_err();
    assert!(e.message.contains("record 2 "), "{}", e.message);
}

#[test]
fn csv_header_names_match_whatever_their_case() {
    let parsed = records(ImportFormat::Csv, "Name,INFO\nAda,x\n").unwrap();
    assert_eq!(names(&parsed), ["Ada|Some(\"x\")"]);
    let parsed = records(ImportFormat::Csv, "Display_Name\nAda\n").unwrap();
    assert_eq!(names(&parsed), ["Ada|None"]);
}

#[test]
fn csv_read_as_ndjson_is_recognised_by_its_header() {
    for text in [
        "name,info\nAda,x\n",
        "\u{feff}Display_Name\nAda\n",
        "\n\"name\",\"info\"\n",
        "name;info\nAda;x\n",
    ] {
        let e = records(ImportFormat::Ndjson, text).unwrap_err();
        assert_eq!(
            e.message, "input looks like CSV: add --format csv",
            "{text:?}"
        );
    }
    // A line of garbage is a failed record, not a reason to refuse the input.
    for text in ["oops\n", "{\"a\":1,\"b\":2}\n", "hello world\n"] {
        assert_eq!(
            records(ImportFormat::Ndjson, text).unwrap().len(),
            1,
            "{text:?}"
        );
    }
}

#[test]
fn the_csv_delimiter_is_found_from_the_header_line() {
    let detect = |text: &str| {
        let mut reader = Cursor::new(text.as_bytes().to_vec());
        crate::commands::import::csv_input::detect_delimiter(&mut reader) as char
    };
    assert_eq!(detect("name,info\na;b,c\n"), ',');
    assert_eq!(detect("name;info\nAda;x,y\n"), ';');
    assert_eq!(detect("name\tinfo\n"), '\t');
    assert_eq!(
        detect("\"a;b\",info\n"),
        ',',
        "inside quotes it does not count"
    );
    assert_eq!(detect("name\n"), ',');
    assert_eq!(detect(""), ',');
    let parsed = records(ImportFormat::Csv, "name;info\nAda;\"x; y\"\n").unwrap();
    assert_eq!(names(&parsed), ["Ada|Some(\"x; y\")"]);
    let parsed = records(ImportFormat::Csv, "name\tinfo\nAda\tx\n").unwrap();
    assert_eq!(names(&parsed), ["Ada|Some(\"x\")"]);
}

#[test]
fn a_repeated_header_and_bad_bytes_fail_their_line_and_the_rest_goes_on() {
    let mut text = b"name,info\nAda,x\nname,info\nBob,\xff\nGrace,y\n".to_vec();
    let input = Input {
        name: "in.csv".into(),
        reader: Box::new(Cursor::new(std::mem::take(&mut text))),
        size: None,
        consumed: Arc::default(),
    };
    let mut out = Vec::new();
    read(input, ImportFormat::Csv, &ENDUSER, None, &mut |parsed| {
        out.push(parsed);
        true
    })
    .unwrap();
    assert_eq!(
        names(&out),
        [
            "Ada|Some(\"x\")",
            "error: line 3: repeated header line",
            "error: line 4: the info field is not UTF-8 text",
            "Grace|Some(\"y\")",
        ]
    );
}

#[test]
fn an_unknown_column_lists_the_accepted_ones() {
    let e = records(ImportFormat::Csv, "display_name,email\nA,a@x\n").unwrap_err();
    assert!(
        e.message
            .contains("(accepted columns: display_name or name, info)"),
        "{}",
        e.message
    );
}

#[test]
fn a_null_optional_field_is_absent() {
    let parsed = records(
        ImportFormat::Ndjson,
        "{\"display_name\":\"Ada\",\"info\":null}\n",
    )
    .unwrap();
    assert_eq!(names(&parsed), ["Ada|None"]);
}
