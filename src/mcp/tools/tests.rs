use super::*;
use crate::registry::OPERATIONS;

#[test]
fn every_registry_operation_is_a_tool() {
    for operation in OPERATIONS {
        // The recording is served as a file the tool saves, not as bytes in a result.
        let name = match operation.name {
            "call_recording" => "call_recording_save",
            name => name,
        };
        let spec = TOOLS.iter().find(|s| s.name == name);
        let spec = spec.unwrap_or_else(|| panic!("no tool for {}", operation.name));
        assert!(spec.access >= operation.access, "{name}");
        assert_eq!(spec.toolset, operation.toolset, "{name}");
    }
}

#[test]
fn tools_act_on_id_and_never_take_a_key_or_secret() {
    for spec in TOOLS.iter() {
        for arg in spec.args {
            assert!(
                !arg.name.contains("key") && !arg.name.contains("secret"),
                "{}: {}",
                spec.name,
                arg.name
            );
        }
        let schema = schema(spec);
        assert_eq!(schema["additionalProperties"], false);
    }
}

#[test]
fn the_default_session_is_read_only_and_contact_needs_both_switches() {
    let names = |selection: &Selection| -> Vec<&str> {
        selection.tools().unwrap().iter().map(|s| s.name).collect()
    };
    let reads = names(&Selection::default());
    assert!(reads.iter().all(|n| {
        TOOLS
            .iter()
            .any(|s| s.name == *n && s.access == Access::Read)
    }));
    let contact_only = Selection {
        allow_contact: true,
        ..Selection::default()
    };
    assert_eq!(names(&contact_only), reads);
    let err = Selection {
        tools: vec!["call_start".into()],
        allow_writes: true,
        ..Selection::default()
    }
    .tools()
    .unwrap_err();
    assert!(err.hint.unwrap().contains("--allow-contact"));
}

/// The tools that need no code of their own are the plain GETs of one resource; a tool made
/// from an operation under another name, a list, or one with optional arguments keeps its own.
#[test]
fn only_plain_gets_are_run_from_their_registry_row() {
    let generic = |name: &str| {
        let spec = TOOLS.iter().find(|s| s.name == name).unwrap();
        spec.path_only_get().is_some()
    };
    for name in [
        "enduser_get",
        "thread_get",
        "call_get",
        "campaign_get",
        "contact_get",
    ] {
        assert!(generic(name), "{name}");
    }
    for name in [
        "thread_transcript",
        "call_recording_save",
        "message_list",
        "campaign_list",
        "contact_delete",
        "webhook_verify",
    ] {
        assert!(!generic(name), "{name}");
    }
}
