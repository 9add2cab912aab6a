use super::*;

#[test]
fn invalid_json_names_line_and_column() {
    let e = parse_input(
        "{\n  \"display_name\": \"Ada\",\n  oops\n}",
        "--input f.json",
    )
    .unwrap_err();
    assert_eq!(e.kind, crate::error::Kind::Input);
    assert!(
        e.message
            .starts_with("--input f.json: invalid JSON at line 3, column 3"),
        "{}",
        e.message
    );
}
