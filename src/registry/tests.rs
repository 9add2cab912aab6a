use std::collections::BTreeSet;

use super::*;

/// Operations the spec documents that altur deliberately does not offer (none today), as
/// `METHOD /path`.
const ABSENT: &[&str] = &[];

fn spec_operations() -> BTreeSet<String> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("spec/altur-openapi.yaml");
    let text = std::fs::read_to_string(&path).expect("spec/altur-openapi.yaml");
    let spec = yaml_rust2::YamlLoader::load_from_str(&text).expect("the spec is YAML");
    let paths = spec[0]["paths"].as_hash().expect("the spec has paths");
    let mut found = BTreeSet::new();
    for (path, item) in paths {
        let path = path.as_str().expect("a path is a string");
        for (method, _) in item.as_hash().expect("a path item is a map") {
            let method = method.as_str().expect("a method is a string");
            if ["get", "post", "put", "patch", "delete"].contains(&method) {
                found.insert(format!("{} {path}", method.to_ascii_uppercase()));
            }
        }
    }
    found
}

fn key(operation: &Operation) -> String {
    format!(
        "{} {}",
        operation.endpoint.method.as_str(),
        operation.endpoint.template
    )
}

/// Every operation the code knows is one the committed spec documents (a typo in a template
/// cannot ship), and every documented operation is either known or listed as absent.
#[test]
fn the_registry_and_the_api_spec_name_the_same_operations() {
    let spec = spec_operations();
    assert!(spec.len() > 10, "the spec lists its operations: {spec:?}");
    let known: BTreeSet<String> = OPERATIONS.iter().map(key).collect();
    let missing: Vec<&String> = known.difference(&spec).collect();
    assert!(missing.is_empty(), "not in the spec: {missing:?}");
    let absent: BTreeSet<String> = ABSENT.iter().map(|s| s.to_string()).collect();
    let unknown: Vec<&String> = spec
        .difference(&known)
        .filter(|o| !absent.contains(*o))
        .collect();
    assert!(
        unknown.is_empty(),
        "in the spec but not in the registry: {unknown:?}"
    );
    // The check itself can fail: a path the spec does not have is found missing.
    assert!(!spec.contains("GET /endusers/{id}"));
    assert!(!spec.contains("DELETE /enduser"));
}

#[test]
fn names_are_unique_and_snake_case_with_the_toolset_s_resource_first() {
    let mut names = BTreeSet::new();
    for operation in OPERATIONS {
        assert!(names.insert(operation.name), "{} twice", operation.name);
        assert!(
            operation
                .name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'_'),
            "{}",
            operation.name
        );
        let resource = operation.name.split('_').next().unwrap();
        assert!(
            operation.toolset.name().starts_with(resource)
                || (resource == "thread" && operation.toolset == Toolset::Messages),
            "{} in {}",
            operation.name,
            operation.toolset.name()
        );
    }
}

#[test]
fn reads_are_gets_and_contact_is_exactly_the_four_operations_that_reach_people() {
    for operation in OPERATIONS {
        assert_eq!(
            operation.access == Access::Read,
            operation.endpoint.method == Method::Get,
            "{}",
            operation.name
        );
    }
    let contact: Vec<&str> = OPERATIONS
        .iter()
        .filter(|o| o.access == Access::Contact)
        .map(|o| o.name)
        .collect();
    assert_eq!(
        contact,
        [
            "message_send",
            "call_start",
            "campaign_activate",
            "campaign_resume"
        ]
    );
}

/// Every id place of a template (`{...}` but `{action}`) is named, in order.
#[test]
fn every_id_in_a_path_is_named() {
    for operation in OPERATIONS {
        let template = operation.endpoint.template;
        let places = template.matches('{').count() - template.matches("{action}").count();
        assert_eq!(operation.ids.len(), places, "{}", operation.name);
    }
}
