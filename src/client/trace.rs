//! What `-v` shows on stderr and what `--dry-run` prints: the same request, the key never.

use std::time::Duration;

use ureq::http::HeaderMap;

use super::Notes;
use super::{Call, USER_AGENT};
use crate::config::BaseUrl;
use crate::error::for_terminal;

/// The request line and headers as they are sent, the key replaced.
/// `keyed` is false for a URL of the user's own, where no key is sent.
pub(super) fn request(out: &dyn Notes, call: &Call, url: &str, timeout: Duration, keyed: bool) {
    out.trace(&format!("> {} {url}", call.method.as_str()));
    if keyed {
        out.trace("> authorization: api-key [REDACTED]");
    }
    if !call.has_header("accept") {
        out.trace("> accept: application/json");
    }
    if let Some(body) = &call.body {
        if !call.has_header("content-type") {
            out.trace("> content-type: application/json");
        }
        out.trace(&format!("> content-length: {}", body.len()));
    }
    for (name, value) in &call.headers {
        out.trace(&format!(
            "> {}: {}",
            name.to_ascii_lowercase(),
            for_terminal(value)
        ));
    }
    out.trace(&format!("> user-agent: {USER_AGENT}"));
    out.trace(&format!("> (timeout {:.1} s)", timeout.as_secs_f64()));
}

/// The status line, timing and headers of an answer.
pub(super) fn response(out: &dyn Notes, status: u16, headers: &HeaderMap, elapsed: Duration) {
    let reason = ureq::http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .map(|r| format!(" {r}"))
        .unwrap_or_default();
    out.trace(&format!("< {status}{reason} ({} ms)", elapsed.as_millis()));
    for (name, value) in headers {
        out.trace(&format!(
            "< {name}: {}",
            for_terminal(&String::from_utf8_lossy(value.as_bytes()))
        ));
    }
}

/// The request as a copy-pasteable curl command; the key is left to the shell. `keyed` is
/// false for a URL of the user's own, where no key is sent.
pub(super) fn curl(call: &Call, base_url: &BaseUrl, keyed: bool) -> String {
    let mut lines = vec![format!(
        "curl --request {} {}",
        call.method.as_str(),
        shell_words::quote(&call.url(base_url))
    )];
    if keyed {
        lines.push("--header 'Authorization: api-key '\"$ALTUR_API_KEY\"".to_owned());
    }
    if keyed && !call.has_header("accept") {
        lines.push("--header 'Accept: application/json'".to_owned());
    }
    if call.body.is_some() && !call.has_header("content-type") {
        lines.push("--header 'Content-Type: application/json'".to_owned());
    }
    for (name, value) in &call.headers {
        lines.push(format!(
            "--header {}",
            shell_words::quote(&format!("{name}: {value}"))
        ));
    }
    lines.push(format!(
        "--header {}",
        shell_words::quote(&format!("User-Agent: {USER_AGENT}"))
    ));
    if let Some(body) = &call.body {
        lines.push(format!(
            "--data-raw {}",
            shell_words::quote(&String::from_utf8_lossy(body))
        ));
    }
    let mut text = lines.join(" \\\n  ");
    text.push('\n');
    text
}
