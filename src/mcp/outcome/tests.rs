use super::rename;

#[test]
fn flags_in_the_commands_messages_become_argument_names() {
    assert_eq!(rename("--phone: not E.164"), "`phone`: not E.164");
    assert_eq!(
        rename("--until needs --since, and --contact-retries 0-5"),
        "`until` needs `since`, and `contact_retries` 0-5"
    );
    assert_eq!(rename("a -- b"), "a -- b");
}
