use super::*;

#[test]
fn extensions_follow_the_content_type() {
    assert_eq!(extension_for(Some("audio/wav")), "wav");
    assert_eq!(extension_for(Some("Audio/X-WAV; rate=8000")), "wav");
    assert_eq!(extension_for(Some("audio/mpeg")), "mp3");
    assert_eq!(extension_for(Some("audio/ogg; codecs=opus")), "ogg");
    assert_eq!(extension_for(Some("audio/webm")), "webm");
    assert_eq!(extension_for(Some("audio/mp4")), "m4a");
    assert_eq!(extension_for(Some("application/octet-stream")), "bin");
    assert_eq!(extension_for(Some("")), "bin");
    assert_eq!(extension_for(None), "bin");
}

#[test]
fn an_existing_recording_is_found_under_any_extension() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(existing_recording(dir.path(), "cll_1"), None);
    std::fs::write(dir.path().join("cll_1.ogg"), b"x").unwrap();
    std::fs::write(dir.path().join("cll_10.wav"), b"x").unwrap();
    std::fs::write(dir.path().join("cll_3.wav"), b"").unwrap();
    assert_eq!(existing_recording(dir.path(), "cll_3"), None);
    std::fs::create_dir(dir.path().join("cll_2.wav")).unwrap();
    assert_eq!(
        existing_recording(dir.path(), "cll_1"),
        Some(dir.path().join("cll_1.ogg"))
    );
    assert_eq!(existing_recording(dir.path(), "cll_2"), None);
}

#[test]
fn stale_temp_files_are_ours_only() {
    let dir = tempfile::tempdir().unwrap();
    let temp = temp_file_in(dir.path(), "cll_1").unwrap();
    let (_file, path) = temp.keep().unwrap();
    let name = path.file_name().unwrap().to_str().unwrap().to_owned();
    assert!(
        name.starts_with(".cll_1.") && name.ends_with(".altur.part"),
        "{name}"
    );
    for other in ["cll_1.wav", ".hidden", "notes.part", ".x.part"] {
        std::fs::write(dir.path().join(other), b"keep").unwrap();
    }
    assert_eq!(remove_stale_temp_files(dir.path()).unwrap(), 1);
    assert!(!path.exists());
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    left.sort();
    assert_eq!(left, [".hidden", ".x.part", "cll_1.wav", "notes.part"]);
}

#[test]
fn a_folder_is_locked_once() {
    let dir = tempfile::tempdir().unwrap();
    let first = lock_dir(dir.path()).unwrap();
    let second = lock_dir(dir.path()).unwrap_err();
    assert_eq!(second.kind, crate::error::Kind::Input);
    assert!(
        second
            .message
            .starts_with("another altur run is downloading into")
    );
    drop(first);
    assert!(lock_dir(dir.path()).is_ok());
    assert!(lock_dir(&dir.path().join("missing")).is_err());
}

#[test]
fn in_flight_files_are_removed_and_nothing_finishes_after() {
    let dir = tempfile::tempdir().unwrap();
    let in_flight = InFlight::default();
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    std::fs::write(&a, b"").unwrap();
    std::fs::write(&b, b"").unwrap();
    assert!(in_flight.register(&a));
    assert!(in_flight.register(&b));
    assert_eq!(in_flight.complete(&b, || 7), Some(7));
    assert_eq!(in_flight.close_and_remove(), 1);
    assert!(!a.exists() && b.exists());
    assert!(!in_flight.register(&b));
    assert_eq!(in_flight.complete(&a, || 7), None);
}

#[test]
fn recording_urls_are_followed_only_under_the_base_url() {
    let base = "https://api.altur.io/api/v1.0";
    let path = |url| recording_path(base, "cll_1", url);
    assert_eq!(path(None), "/call/cll_1/recording");
    assert_eq!(
        path(Some("/api/v1.0/call/cll_1/recording")),
        "/call/cll_1/recording"
    );
    assert_eq!(
        path(Some(
            "https://API.altur.io:443/api/v1.0/recordings/r1.mp3?sig=abc"
        )),
        "/recordings/r1.mp3?sig=abc"
    );
    for elsewhere in [
        "https://evil.example/api/v1.0/call/cll_1/recording",
        "http://api.altur.io/api/v1.0/call/cll_1/recording",
        "https://api.altur.io:8443/api/v1.0/call/cll_1/recording",
        "https://user@api.altur.io/api/v1.0/call/cll_1/recording",
        "//evil.example/api/v1.0/call/cll_1/recording",
        "/api/v2.0/call/cll_1/recording",
        "/api/v1.0",
        "/api/v1.0/",
        "/api/v1.0/../admin",
        "/api/v1.0/%2E%2E/admin",
        "/api/v1.0/call/cll_1/recording#x",
        "/api/v1.0x/call",
        "call/cll_1/recording",
        "",
        "ftp://api.altur.io/api/v1.0/x",
    ] {
        assert_eq!(
            path(Some(elsewhere)),
            "/call/cll_1/recording",
            "{elsewhere}"
        );
    }
    // A call id is one path segment however odd.
    assert_eq!(recording_path(base, "a b", None), "/call/a%20b/recording");
    let local = "http://127.0.0.1:8787/api/v1.0";
    assert_eq!(
        recording_path(
            local,
            "cll_2",
            Some("http://127.0.0.1:8787/api/v1.0/call/cll_2/recording")
        ),
        "/call/cll_2/recording"
    );
}
