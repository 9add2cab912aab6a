use super::inside;

#[test]
fn a_path_must_stay_inside_the_folder() {
    for good in ["a.wav", "calls/a.wav", "./a.wav", "a/./b.wav"] {
        assert!(inside(good).is_ok(), "{good}");
    }
    for bad in ["", "/etc/x", "../x", "a/../../x", "a/.."] {
        let error = inside(bad).unwrap_err();
        assert!(error.contains("`path`"), "{bad}: {error}");
    }
}
