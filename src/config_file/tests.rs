use super::*;

fn key(text: &str) -> Secret {
    Secret::new(text).unwrap()
}

fn save_api_key(path: &Path, profile: &str, key: &Secret) -> Result<()> {
    let mut doc = ConfigDocument::open(path)?;
    doc.set_api_key(profile, key)?;
    doc.save()
}

fn remove_api_key(path: &Path, profile: &str) -> bool {
    let mut doc = ConfigDocument::open(path).unwrap();
    let removed = doc.remove_api_key(profile);
    doc.save().unwrap();
    removed
}

const LAYOUT: &str = "# my settings\n\n[profiles.default]  # main account\napi_key = \"old-key-00000001\" # rotated monthly\nbase_url = \"https://a.example/api\"\n\n[profiles.staging]\napi_key_command = \"pass show altur/staging\"\n\n[other]\nx = 1\n";

#[test]
fn saving_replaces_only_the_key_and_keeps_the_layout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, LAYOUT).unwrap();
    save_api_key(&path, "default", &key("new-key-00000002")).unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        LAYOUT.replace("old-key-00000001", "new-key-00000002")
    );
}

#[test]
fn saving_adds_a_profile_after_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, LAYOUT).unwrap();
    save_api_key(&path, "team.eu", &key("eu-key-00000003")).unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        LAYOUT.replace(
            "\n[other]",
            "\n[profiles.\"team.eu\"]\napi_key = \"eu-key-00000003\"\n\n[other]"
        )
    );
}

#[test]
fn saving_into_a_new_file_writes_one_profile_table() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("altur/config.toml");
    save_api_key(&path, "default", &key("first-key-0004")).unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "[profiles.default]\napi_key = \"first-key-0004\"\n"
    );
}

#[test]
fn inline_profiles_stay_inline() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "profiles = { a = { base_url = \"https://x\" } }\n").unwrap();
    save_api_key(&path, "a", &key("inline-key-0005")).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let parsed = crate::config::ConfigFile::parse(&text, &path).unwrap();
    assert_eq!(
        parsed.profiles["a"].api_key.as_deref(),
        Some("inline-key-0005")
    );
    assert_eq!(parsed.profiles["a"].base_url.as_deref(), Some("https://x"));
}

#[test]
fn removing_takes_out_the_key_line_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, LAYOUT).unwrap();
    assert!(remove_api_key(&path, "default"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        LAYOUT.replace("api_key = \"old-key-00000001\" # rotated monthly\n", "")
    );
    assert!(!remove_api_key(&path, "default"));
    assert!(!remove_api_key(&path, "staging"));
    assert!(!remove_api_key(&path, "absent"));
}

#[test]
fn a_profiles_value_that_is_not_a_table_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("config.toml");
    std::fs::write(&path, "profiles = 3\n").unwrap();
    let err = save_api_key(&path, "default", &key("k-0000000006")).unwrap_err();
    assert!(err.message.contains("not a table"), "{}", err.message);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "profiles = 3\n");
}
