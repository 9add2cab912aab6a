use std::cell::RefCell;
use std::io::Cursor;

use serde_json::json;

use super::*;

/// Runs [`converse`] over `lines`, where a send of a line starting with `fail` fails with
/// the kind named after it; returns the ending, what was sent and what was reported.
fn run(lines: &[&str], fail_fast: bool) -> (Ending, Vec<String>, Vec<String>) {
    let mut input = lines.iter().map(|l| match *l {
        "^C" => Input::Interrupted,
        "<bad>" => Input::Bad(Error::input("bad line")),
        line => Input::Line(line.to_owned()),
    });
    let sent = RefCell::new(Vec::new());
    let reported = RefCell::new(Vec::new());
    let ending = converse(
        fail_fast,
        || input.next().unwrap_or(Input::End),
        |line| {
            sent.borrow_mut().push(line.to_owned());
            match line {
                "fail-api" => Err(Error::new(Kind::Api, "400")),
                "fail-unknown" => Err(Error::new(Kind::Unknown, "timeout")),
                _ => Ok(json!({"messages": [{"type": "text", "content": line}]})),
            }
        },
        |answer| {
            assert_eq!(replies(answer).len(), 1);
            Ok(())
        },
        |error| reported.borrow_mut().push(error.message.clone()),
    );
    (ending, sent.into_inner(), reported.into_inner())
}

#[test]
fn every_line_is_one_exchange_and_empty_lines_are_skipped() {
    let (ending, sent, reported) = run(&["hi", "", "  ", "price?", "bye"], false);
    assert_eq!(
        ending,
        Ending {
            code: 0,
            exchanges: 3
        }
    );
    assert_eq!(sent, ["hi", "price?", "bye"]);
    assert!(reported.is_empty());
}

#[test]
fn quit_ends_the_conversation() {
    let (ending, sent, _) = run(&["hi", " /quit ", "never"], false);
    assert_eq!(
        ending,
        Ending {
            code: 0,
            exchanges: 1
        }
    );
    assert_eq!(sent, ["hi"]);
}

#[test]
fn a_failure_is_reported_and_the_first_one_gives_the_exit_code() {
    let (ending, sent, reported) =
        run(&["a", "fail-api", "b", "fail-unknown", "<bad>", "c"], false);
    assert_eq!(
        ending,
        Ending {
            code: 3,
            exchanges: 3
        }
    );
    assert_eq!(sent, ["a", "fail-api", "b", "fail-unknown", "c"]);
    assert_eq!(reported, ["400", "timeout", "bad line"]);
}

#[test]
fn fail_fast_stops_at_the_first_failure() {
    let (ending, sent, reported) = run(&["a", "fail-unknown", "b"], true);
    assert_eq!(
        ending,
        Ending {
            code: 7,
            exchanges: 1
        }
    );
    assert_eq!(sent, ["a", "fail-unknown"]);
    assert_eq!(reported, ["timeout"]);
    let (ending, sent, _) = run(&["<bad>", "b"], true);
    assert_eq!(ending.code, 2);
    assert!(sent.is_empty());
}

#[test]
fn ctrl_c_ends_with_130_whatever_failed_before() {
    let (ending, sent, _) = run(&["fail-api", "^C", "never"], false);
    assert_eq!(
        ending,
        Ending {
            code: 130,
            exchanges: 0
        }
    );
    assert_eq!(sent, ["fail-api"]);
}

fn lines_of(bytes: &[u8]) -> Vec<std::result::Result<String, String>> {
    let mut reader = Cursor::new(bytes.to_vec());
    let mut lines = Vec::new();
    for number in 1.. {
        match read_line(&mut reader, number) {
            Input::Line(line) => lines.push(Ok(line)),
            Input::Bad(error) => lines.push(Err(error.message)),
            Input::End => break,
            Input::Interrupted => unreachable!(),
        }
    }
    lines
}

#[test]
fn lines_lose_their_endings_and_keep_everything_else() {
    assert_eq!(
        lines_of("a\r\n  b \n\nΩ 👋\tx".as_bytes()),
        [
            Ok("a".into()),
            Ok("  b ".into()),
            Ok("".into()),
            Ok("Ω 👋\tx".into())
        ]
    );
}

#[test]
fn bad_lines_are_reported_and_the_next_ones_read() {
    let mut input = b"ok\n\xff\xfe\n".to_vec();
    input.extend(vec![b'a'; INPUT_LIMIT as usize + 10]);
    input.extend(b"\nafter\n");
    input.extend(vec![b'b'; INPUT_LIMIT as usize]);
    input.extend(b"\r\n");
    let lines = lines_of(&input);
    assert_eq!(lines.len(), 5);
    assert_eq!(lines[0], Ok("ok".into()));
    assert_eq!(
        lines[1],
        Err("line 2 is not UTF-8 text (invalid byte at offset 0); it was not sent".into())
    );
    assert_eq!(
        lines[2],
        Err("line 3 is larger than 1 MiB; it was not sent".into())
    );
    assert_eq!(lines[3], Ok("after".into()));
    assert_eq!(lines[4].as_ref().map(String::len), Ok(INPUT_LIMIT as usize));
}

#[test]
fn replies_are_the_texts_of_the_messages() {
    let answer = json!({"messages": [
        {"type": "text", "content": "one"},
        {"type": "image", "media": "https://x/i.png"},
    ]});
    assert_eq!(replies(&answer), ["one", "[image] https://x/i.png"]);
    assert!(replies(&json!({})).is_empty());
}
