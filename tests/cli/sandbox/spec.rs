//! The API spec's schemas, read from `spec/enduser-create.yaml` (a copy committed in this repository), and
//! a checker for the part of JSON Schema they use. Every answer the sandbox tests receive goes
//! through [`check_answer`].
//!
//! Hand-written rather than the `jsonschema` crate: these schemas use only `type`,
//! `properties`, `required`, `enum` and `format`, and a full validator (with its regex and
//! HTTP dependencies) would cost CI minutes for nothing. Any other keyword fails the test, so
//! the checker cannot silently pass a schema it does not understand.

use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::{Map, Value};

/// `required` names that the spec does not declare as properties: the published docs list
/// `integration`, while the field is `integration_type` (`altur-openapi.yaml` notes this too).
/// Requiring them would demand a field that no server sends.
const KNOWN_SPEC_DEFECTS: [(&str, &str); 1] = [("EndUser", "integration")];

pub fn spec_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("spec/enduser-create.yaml")
}

/// The spec as JSON, read once.
pub fn spec() -> &'static Value {
    static SPEC: OnceLock<Value> = OnceLock::new();
    SPEC.get_or_init(|| {
        let path = spec_path();
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!(
                "the conformance checks need the API spec at {}: {e}",
                path.display()
            )
        });
        let documents = yaml_rust2::YamlLoader::load_from_str(&text).expect("the spec is YAML");
        to_json(&documents[0])
    })
}

pub fn to_json(yaml: &yaml_rust2::Yaml) -> Value {
    use yaml_rust2::Yaml;
    match yaml {
        Yaml::Real(text) => text.parse::<f64>().map(Value::from).expect("a YAML real"),
        Yaml::Integer(n) => Value::from(*n),
        Yaml::String(text) => Value::from(text.as_str()),
        Yaml::Boolean(b) => Value::from(*b),
        Yaml::Array(items) => Value::Array(items.iter().map(to_json).collect()),
        Yaml::Hash(hash) => Value::Object(
            hash.iter()
                .map(|(k, v)| {
                    let key = match k {
                        Yaml::String(s) => s.clone(),
                        Yaml::Integer(n) => n.to_string(),
                        other => panic!("unexpected YAML key {other:?}"),
                    };
                    (key, to_json(v))
                })
                .collect(),
        ),
        Yaml::Null => Value::Null,
        other => panic!("unexpected YAML node {other:?}"),
    }
}

/// The schema the spec gives for an answer with `status` to `method path`: the operation's
/// documented response when there is one, else `EndUser` for 200 and `Error` for the rest
/// (the spec documents only POST's 200, 400 and 401; every error body is an `Error`).
pub fn schema_for(method: &str, path: &str, status: u16) -> Value {
    let template = if path.contains("/enduser/") {
        "/enduser/{id}"
    } else {
        "/enduser"
    };
    let documented = spec()
        .pointer(&format!(
            "/paths/{}/{}/responses/{status}/content/application~1json/schema",
            template.replace('/', "~1"),
            method.to_ascii_lowercase()
        ))
        .cloned();
    documented.unwrap_or_else(|| {
        let name = if status == 200 { "EndUser" } else { "Error" };
        serde_json::json!({"$ref": format!("#/components/schemas/{name}")})
    })
}

/// Fails the test unless `body` (an answer to `method path` with `status`) matches the spec.
#[track_caller]
pub fn check_answer(method: &str, path: &str, status: u16, body: &str) {
    let value: Value = serde_json::from_str(body)
        .unwrap_or_else(|e| panic!("{method} {path} -> {status}: body is not JSON ({e}): {body}"));
    let mut problems = Vec::new();
    check(&schema_for(method, path, status), &value, "", &mut problems);
    assert!(
        problems.is_empty(),
        "{method} {path} -> {status}: the body does not match the spec: {problems:?}\n{body}"
    );
    if status != 200 {
        assert_eq!(
            value["error"], status,
            "the Error body's code is the status: {body}"
        );
    }
}

/// Checks `value` against `schema`, adding what is wrong to `problems`.
pub fn check(schema: &Value, value: &Value, at: &str, problems: &mut Vec<String>) {
    let schema = schema.as_object().expect("a schema is an object");
    if let Some(reference) = schema.get("$ref") {
        let (name, target) = resolve(reference.as_str().expect("$ref is a string"));
        return check_schema(&name, target, value, at, problems);
    }
    check_schema("", schema, value, at, problems);
}

fn resolve(reference: &str) -> (String, &'static Map<String, Value>) {
    let pointer = reference
        .strip_prefix('#')
        .unwrap_or_else(|| panic!("only local $refs are supported: {reference}"));
    let target = spec()
        .pointer(pointer)
        .and_then(Value::as_object)
        .unwrap_or_else(|| panic!("the spec has no {reference}"));
    let name = pointer.rsplit('/').next().unwrap().to_owned();
    (name, target)
}

/// Checks `value` against the schema named `name` ("" when inline).
fn check_schema(
    name: &str,
    schema: &Map<String, Value>,
    value: &Value,
    at: &str,
    problems: &mut Vec<String>,
) {
    for keyword in schema.keys() {
        assert!(
            [
                "type",
                "properties",
                "required",
                "enum",
                "format",
                "description"
            ]
            .contains(&keyword.as_str()),
            "the checker does not support the schema keyword '{keyword}' (in {name}); extend it"
        );
    }
    if let Some(kind) = schema.get("type").and_then(Value::as_str) {
        let fits = match kind {
            "object" => value.is_object(),
            "string" => value.is_string(),
            "integer" => value.is_i64() || value.is_u64(),
            "number" => value.is_number(),
            "boolean" => value.is_boolean(),
            "array" => value.is_array(),
            other => panic!("unsupported type '{other}'"),
        };
        if !fits {
            problems.push(format!("{at}: expected {kind}, found {value}"));
            return;
        }
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
        && !allowed.contains(value)
    {
        problems.push(format!("{at}: {value} is not one of {allowed:?}"));
    }
    if let Some(format) = schema.get("format").and_then(Value::as_str) {
        check_format(format, value, at, problems);
    }
    let Some(object) = value.as_object() else {
        return;
    };
    let properties = schema.get("properties").and_then(Value::as_object);
    if let Some(required) = schema.get("required").and_then(Value::as_array) {
        for field in required.iter().map(|f| f.as_str().expect("required names")) {
            let declared = properties.is_some_and(|p| p.contains_key(field));
            if !declared && KNOWN_SPEC_DEFECTS.contains(&(name, field)) {
                continue;
            }
            if !object.contains_key(field) {
                problems.push(format!("{at}: required field '{field}' is missing"));
            }
        }
    }
    if let Some(properties) = properties {
        for (field, field_value) in object {
            match properties.get(field) {
                Some(field_schema) => check(
                    field_schema,
                    field_value,
                    &format!("{at}/{field}"),
                    problems,
                ),
                // Stricter than the spec, which allows extra fields: the sandbox must not
                // invent any, or scripts tested against it would come to rely on them.
                None => problems.push(format!("{at}: field '{field}' is not in the spec")),
            }
        }
    }
}

fn check_format(format: &str, value: &Value, at: &str, problems: &mut Vec<String>) {
    match format {
        "uuid4" => {
            let text = value.as_str().unwrap_or("");
            let ok = text.len() == 36
                && uuid::Uuid::try_parse(text)
                    .is_ok_and(|id| id.get_version() == Some(uuid::Version::Random));
            if !ok {
                problems.push(format!("{at}: {value} is not a UUIDv4"));
            }
        }
        "int32" => {
            if value.as_i64().is_none_or(|n| i32::try_from(n).is_err()) {
                problems.push(format!("{at}: {value} is not an int32"));
            }
        }
        "date-time" => {
            let text = value.as_str().unwrap_or("");
            if humantime::parse_rfc3339(text).is_err() {
                problems.push(format!("{at}: {value} is not an RFC 3339 date-time"));
            }
        }
        other => panic!("unsupported format '{other}'"),
    }
}

#[test]
fn the_checker_reads_the_spec_and_catches_what_breaks_it() {
    // The spec documents POST's answers; the checker must use them.
    assert_eq!(
        schema_for("POST", "/api/v1.0/enduser", 401)["$ref"],
        "#/components/schemas/Error"
    );
    let enduser = schema_for("GET", "/api/v1.0/enduser/x", 200);
    let problems = |value: Value| {
        let mut problems = Vec::new();
        check(&enduser, &value, "", &mut problems);
        problems
    };
    let good = serde_json::json!({
        "id": "3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b",
        "display_name": "Ada",
        "integration_type": "api",
    });
    assert_eq!(problems(good.clone()), Vec::<String>::new());
    let mut bad = good.clone();
    bad["integration_type"] = "fax".into();
    assert_eq!(problems(bad).len(), 1);
    let mut bad = good.clone();
    bad["id"] = "3f2b8c1e-9a4d-1e6f-8b7a-1c2d3e4f5a6b".into(); // version 1
    assert_eq!(problems(bad).len(), 1);
    let mut bad = good.clone();
    bad.as_object_mut().unwrap().remove("display_name");
    assert_eq!(problems(bad).len(), 1);
    let mut bad = good;
    bad["extra"] = 1.into();
    assert_eq!(problems(bad).len(), 1);
    let mut problems = Vec::new();
    check(
        &schema_for("POST", "/api/v1.0/enduser", 400),
        &serde_json::json!({"error": "400", "message": 3}),
        "",
        &mut problems,
    );
    assert_eq!(problems.len(), 2, "{problems:?}");
}
