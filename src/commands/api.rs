//! `altur api [METHOD] PATH`: any endpoint with altur's key, retries, redaction and exit
//! codes (contract section 11). Everything is checked before anything is sent.

use std::io::Read;
use std::path::{Path, PathBuf};

use serde::de::IgnoredAny;
use serde_json::{Map, Value};

use crate::cli::{OutputFormat, Policy};
use crate::client::{self, Body, Call, Client, Expect, MAX_BODY, Method};
use crate::config::{BaseUrl, Settings};
use crate::error::{Error, Kind, Result};
use crate::output::{self, Output, StdoutBytes};
use crate::paging::{Page, Pager};
use crate::session::Session;

/// Send any request to the API, with altur's key, retries and redaction
#[derive(Debug, Clone, clap::Args)]
#[command(override_usage = "altur api [OPTIONS] [METHOD] PATH")]
#[command(after_help = "\
PATH is relative to the base URL (/campaigns/42), or a full URL under it. METHOD defaults to GET,
or POST when fields or --input give a body; with an explicit GET or DELETE, fields become query
parameters. A JSON answer up to 10 MiB is pretty-printed (or filtered by --jq); any other answer
is written as received, byte for byte.

Examples:
  altur api /campaigns --query status=active --paginate --jq '.campaigns[].name'
  altur api POST /campaigns --input campaign.json \\
      --idempotency-key \"$(cat /proc/sys/kernel/random/uuid)\"
  altur api PATCH /campaigns/42 -f name='Spring' -F retries=3")]
pub(crate) struct Args {
    /// [METHOD] PATH: GET, POST, PUT, PATCH or DELETE, then the path or a URL under the base URL
    #[arg(value_name = "METHOD_PATH", num_args = 1..=2, required = true)]
    pub(crate) target: Vec<String>,

    /// Add a string field to the JSON body (or the query, for GET and DELETE)
    #[arg(short = 'f', long = "raw-field", value_name = "KEY=VALUE")]
    pub(crate) raw_fields: Vec<String>,

    /// Add a JSON field to the body: -F retries=3, -F 'cycles={"enabled":true}'
    #[arg(short = 'F', long = "field", value_name = "KEY=JSON")]
    pub(crate) fields: Vec<String>,

    /// Add a query parameter (percent-encoded; sent on every page of --paginate)
    #[arg(long = "query", value_name = "KEY=VALUE")]
    pub(crate) query: Vec<String>,

    /// Send this file (- for stdin) as the body instead of fields
    #[arg(long, value_name = "FILE", conflicts_with_all = ["raw_fields", "fields"])]
    pub(crate) input: Option<PathBuf>,

    /// Add a request header ('Name: value'); Authorization cannot be set
    #[arg(short = 'H', long = "header", value_name = "NAME: VALUE")]
    pub(crate) headers: Vec<String>,

    /// Print the status line and headers before the body
    #[arg(short = 'i', long)]
    pub(crate) include: bool,

    /// Send this Idempotency-Key, which makes a POST or PATCH safe to re-send
    #[arg(long, value_name = "KEY")]
    pub(crate) idempotency_key: Option<String>,

    /// Follow the API's paging (GET only): each page as one JSON line
    #[arg(long)]
    pub(crate) paginate: bool,

    /// With --paginate: print one JSON array of the pages (--jq then runs once over it)
    #[arg(long, requires = "paginate")]
    pub(crate) slurp: bool,
}

/// Checks everything, then sends the one request (or every page, `--paginate`) and prints
/// the answer as received; `--dry-run` prints it as curl.
/// `-o` does not apply to `altur api` (contract section 11), but `-o json` makes its errors
/// JSON, as everywhere.
pub(crate) const POLICY: Policy = Policy {
    formats: &[OutputFormat::Json],
    ..Policy::READ
};

pub fn run(session: &Session, args: &Args) -> Result<()> {
    let call = build(session.settings()?, args)?;
    let Some(client) = session.prepare(&call)? else {
        return Ok(());
    };
    if args.paginate {
        return paginate(session.out(), client, call, args);
    }
    let mut raw = StdoutBytes::new(session.out());
    let reply = client.exchange(&call, Expect::Bytes(&mut raw), args.include)?;
    match reply.body {
        Body::Streamed(_) => raw.finish(),
        Body::Bytes(bytes) => {
            raw.finish()?;
            print_body(session.out(), &bytes)
        }
        Body::Json(value) => print_value(session.out(), &value),
        Body::Empty | Body::Open(_) => Ok(()),
    }
}

/// A body up to 10 MiB: pretty JSON (or `--jq`'s results, the bytes straight into jq),
/// else the bytes as received.
fn print_body(out: &Output, bytes: &[u8]) -> Result<()> {
    if bytes.is_empty() {
        return Ok(());
    }
    let is_json = serde_json::from_slice::<IgnoredAny>(bytes).is_ok();
    match out.jq() {
        Some(jq) if is_json => out.print_jq_bytes(jq, bytes),
        Some(_) => Err(Error::new(
            Kind::Server,
            "the answer is not JSON, so --jq cannot filter it (run without --jq to see it)",
        )),
        None => match serde_json::from_slice::<Value>(bytes) {
            Ok(value) => out.print_json(&value),
            Err(_) => out.stdout_bytes(bytes),
        },
    }
}

fn print_value(out: &Output, value: &Value) -> Result<()> {
    match out.jq() {
        Some(jq) => out.print_jq(jq, value),
        None => out.print_json(value),
    }
}

/// `--paginate`: each page as the server sent it, on one line (whitespace between tokens
/// removed), with `--jq` run on each; or with `--slurp` one array of the pages (`--jq` once
/// over it). Only what paging needs is read from a page. A failure keeps what was printed
/// and says how to resume; a closed stdout stops with exit 130 and a summary on stderr.
fn paginate(out: &Output, client: &Client, call: Call, args: &Args) -> Result<()> {
    let jq = out.jq();
    let mut pager = Pager::new(client, call, Page::First, None);
    let mut printed = 0u64;
    let mut slurped: Vec<u8> = Vec::new();
    let failed = loop {
        let shown = pager.fetch_with(|bytes, _| {
            if args.slurp {
                slurped.push(if printed == 0 { b'[' } else { b',' });
                output::compact_into(bytes, &mut slurped);
            } else if let Some(jq) = jq {
                out.print_jq_bytes(jq, bytes)?;
            } else {
                let mut line = Vec::with_capacity(bytes.len() + 1);
                output::compact_into(bytes, &mut line);
                line.push(b'\n');
                out.stdout_part(&line)?;
            }
            printed += 1;
            Ok(())
        });
        match shown {
            Ok(Some(_)) => {}
            Ok(None) => break None,
            Err(error) => break Some(error),
        }
    };
    let resume = pager.upcoming().and_then(Page::resume_hint);
    match failed {
        None if args.slurp => {
            if printed == 0 {
                slurped.push(b'[');
            }
            slurped.extend_from_slice(b"]");
            match jq {
                Some(jq) => out.print_jq_bytes(jq, &slurped),
                None => {
                    slurped.push(b'\n');
                    out.stdout_bytes(&slurped)
                }
            }
        }
        None => Ok(()),
        Some(error) if error.kind == Kind::StdoutClosed => {
            let mut closed = Error::new(
                Kind::Interrupted,
                format!("stdout was closed after {printed} page(s); stopped paging"),
            );
            if let Some(hint) = resume {
                closed = closed.with_hint(format!("to resume, run the same command with {hint}"));
            }
            Err(closed)
        }
        Some(mut error) => {
            if printed > 0
                && let Some(hint) = resume
            {
                error.hint = Some(format!(
                    "{printed} page(s) were printed; to resume, run the same command with {hint}"
                ));
            }
            Err(error)
        }
    }
}

/// The request, checked: nothing is sent when anything is wrong (exit 2).
fn build(settings: &Settings, args: &Args) -> Result<Call> {
    let (method, target) = match args.target.as_slice() {
        [target] => (None, target),
        [method, target] => (
            Some(Method::parse(method).ok_or_else(|| {
                Error::input(format!(
                    "'{}' is not a method: use GET, POST, PUT, PATCH or DELETE",
                    output::for_terminal(method)
                ))
            })?),
            target,
        ),
        _ => unreachable!("clap takes one or two"),
    };
    let path = relative_path(&settings.base_url, target)?;
    let fields = fields(args)?;
    let body_given = !fields.is_empty() || args.input.is_some();
    let method = method.unwrap_or(if body_given {
        Method::Post
    } else {
        Method::Get
    });
    if args.paginate && method != Method::Get {
        return Err(Error::input(format!(
            "--paginate follows pages of a GET; this is a {}",
            method.as_str()
        )));
    }
    let mut call = Call::new(method, path);
    let fields_in_query = matches!(method, Method::Get | Method::Delete);
    if fields_in_query {
        for (name, value) in fields {
            let value = match value {
                Value::String(text) => text,
                other => other.to_string(),
            };
            call = call.with_query(name, value);
        }
    } else if !fields.is_empty() {
        let body = Value::Object(fields.into_iter().collect::<Map<String, Value>>());
        call = call.with_body(body.to_string().into_bytes());
    }
    if let Some(input) = &args.input {
        call = call.with_body(read_input(input)?);
    }
    for pair in &args.query {
        let (name, value) = split_pair(pair, "--query")?;
        call = call.with_query(name, value);
    }
    for header in &args.headers {
        let (name, value) = parse_header(header)?;
        call = call.with_header(name, value);
    }
    if !call.has_header("accept") {
        call = call.with_header("Accept", ACCEPT);
    }
    call = match &args.idempotency_key {
        Some(key) => {
            if key.is_empty() || key.chars().any(|c| c.is_control()) {
                return Err(Error::input(
                    "--idempotency-key must be non-empty, without control characters",
                ));
            }
            let hint = format!(
                "the outcome is unknown; sending it again with the same --idempotency-key \
                 {key} is safe"
            );
            call.with_idempotency_key(key).if_unknown(hint)
        }
        None if !method.is_idempotent() => call.if_unknown(format!(
            "the {} may have been processed: check before sending it again (with \
             --idempotency-key, altur re-sends it safely)",
            method.as_str()
        )),
        None => call,
    };
    Ok(call)
}

/// `PATH` under the base URL: relative (`/campaigns/42`, `campaigns/42`) or a full URL with
/// the base URL's scheme, host and port and a path under its path, compared as parsed URLs.
fn relative_path(base_url: &BaseUrl, target: &str) -> Result<String> {
    if target.contains('#') {
        return Err(Error::input(
            "the path must not hold '#' (percent-encode it as %23 in a path, or use --query)",
        ));
    }
    if target.chars().any(|c| c.is_control()) {
        return Err(Error::input("the path must not hold control characters"));
    }
    let lower = target.to_ascii_lowercase();
    let path = if lower.starts_with("http://") || lower.starts_with("https://") {
        under_base(base_url, target)?
    } else if target.contains("://") {
        return Err(Error::input(format!(
            "'{}' is not a path under the base URL",
            output::for_terminal(target)
        )));
    } else if target.starts_with('/') {
        without_base_path(base_url, target)
    } else {
        format!("/{target}")
    };
    let (just_path, _) = path.split_once('?').unwrap_or((&path, ""));
    check_escapes(&path)?;
    for segment in just_path.split('/') {
        let decoded = percent_encoding::percent_decode_str(segment).decode_utf8_lossy();
        if decoded == ".." || decoded == "." {
            return Err(Error::input(format!(
                "the path '{}' has a '{decoded}' segment; give the path it leads to",
                output::for_terminal(target)
            )));
        }
    }
    Ok(client::encode_typed_path(&path))
}

/// An absolute path that already starts with the base URL's path (the API's own
/// `recording_url` is `/api/v1.0/call/ID/recording`) loses that prefix, so it is not sent
/// twice; any other path is taken as relative to the base URL.
fn without_base_path(base_url: &BaseUrl, target: &str) -> String {
    let base_path = base_url.path();
    if base_path.is_empty() || base_path == "/" {
        return target.to_owned();
    }
    match target.strip_prefix(base_path) {
        Some(rest) if rest.starts_with('/') => rest.to_owned(),
        Some(rest) if rest.is_empty() || rest.starts_with('?') => format!("/{rest}"),
        _ => target.to_owned(),
    }
}

/// A full URL's path below the base URL's, or an input error: the key never goes elsewhere.
fn under_base(base_url: &BaseUrl, target: &str) -> Result<String> {
    let not_under = || {
        Error::input(format!(
            "'{}' is not under the base URL {}: altur sends the key only there",
            output::for_terminal(target),
            base_url.as_str()
        ))
        .with_hint("give a path (/campaigns/42), or set --base-url")
    };
    let base: ureq::http::Uri = base_url
        .as_str()
        .parse()
        .map_err(|_| Error::internal("the base URL does not parse"))?;
    let url: ureq::http::Uri = client::encode_typed_path(target)
        .parse()
        .map_err(|_| not_under())?;
    let parts = |uri: &ureq::http::Uri| {
        let scheme = uri.scheme_str().unwrap_or_default().to_ascii_lowercase();
        let default = if scheme == "https" { 443 } else { 80 };
        (
            uri.host()
                .unwrap_or_default()
                .trim_start_matches('[')
                .trim_end_matches(']')
                .to_ascii_lowercase(),
            uri.port_u16().unwrap_or(default),
            scheme,
        )
    };
    if parts(&base) != parts(&url) || url.authority().is_some_and(|a| a.as_str().contains('@')) {
        return Err(not_under());
    }
    let base_segments: Vec<&str> = base.path().split('/').filter(|s| !s.is_empty()).collect();
    let segments: Vec<&str> = url.path().split('/').filter(|s| !s.is_empty()).collect();
    if !segments.starts_with(&base_segments) {
        return Err(not_under());
    }
    let mut rest = String::new();
    for segment in &segments[base_segments.len()..] {
        rest.push('/');
        rest.push_str(segment);
    }
    if rest.is_empty() {
        rest.push('/');
    }
    if let Some(query) = url.query() {
        rest.push('?');
        rest.push_str(query);
    }
    Ok(rest)
}

/// A `%` must start an escape (`%2F`), else the URL would not parse after the checks.
fn check_escapes(path: &str) -> Result<()> {
    let bytes = path.as_bytes();
    for (i, byte) in bytes.iter().enumerate() {
        if *byte == b'%'
            && !(bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit))
        {
            return Err(Error::input(
                "the path has a '%' that does not start an escape such as %2F (write %25 for %)",
            ));
        }
    }
    Ok(())
}

/// `-f` and `-F` fields, in that order, each name once.
fn fields(args: &Args) -> Result<Vec<(String, Value)>> {
    let mut fields: Vec<(String, Value)> = Vec::new();
    let raw = args.raw_fields.iter().map(|f| (f, false));
    let typed = args.fields.iter().map(|f| (f, true));
    for (field, is_json) in raw.chain(typed) {
        let flag = if is_json { "-F" } else { "-f" };
        let (name, value) = split_pair(field, flag)?;
        if fields.iter().any(|(n, _)| n == name) {
            return Err(Error::input(format!(
                "the field '{}' is given twice",
                output::for_terminal(name)
            )));
        }
        let value = if is_json {
            serde_json::from_str(value).map_err(|e| {
                Error::input(format!(
                    "-F {}: the value is not JSON ({e}); use -f for a string, or quote it: \
                     -F '{}=\"...\"'",
                    output::for_terminal(field),
                    output::for_terminal(name)
                ))
            })?
        } else {
            Value::String(value.to_owned())
        };
        fields.push((name.to_owned(), value));
    }
    Ok(fields)
}

fn split_pair<'a>(pair: &'a str, flag: &str) -> Result<(&'a str, &'a str)> {
    match pair.split_once('=') {
        Some((name, value)) if !name.is_empty() => Ok((name, value)),
        _ => Err(Error::input(format!(
            "{flag} {}: expected KEY=VALUE",
            output::for_terminal(pair)
        ))),
    }
}

/// Headers that only the HTTP client may set (contract section 20, "Safety").
const FRAMING_HEADERS: [&str; 4] = ["Host", "Content-Length", "Transfer-Encoding", "Connection"];

/// What `altur api` accepts: JSON first, anything else (a recording's audio) after it, so a
/// server that serves only audio answers rather than saying 406.
const ACCEPT: &str = "application/json, */*;q=0.8";

/// `Name: value`, with a valid name, no line breaks, and never Authorization or a header
/// that frames or routes the request.
fn parse_header(header: &str) -> Result<(&str, &str)> {
    let bad = |why: &str| {
        Error::input(format!(
            "--header '{}': {why}",
            output::for_terminal(header)
        ))
    };
    let (name, value) = header
        .split_once(':')
        .ok_or_else(|| bad("expected 'Name: value'"))?;
    let (name, value) = (name.trim(), value.trim());
    let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if name.is_empty() || !name.chars().all(token) {
        return Err(bad("not a valid header name"));
    }
    if value.chars().any(|c| c.is_control() && c != '\t') {
        return Err(bad(
            "the value must not hold line breaks or control characters",
        ));
    }
    if name.eq_ignore_ascii_case("authorization") {
        return Err(Error::input(
            "--header cannot set Authorization: altur sends the configured key",
        ));
    }
    // These decide where the request goes and how its body is framed: a `Host` would send
    // the key to another virtual host, a `Content-Length: 0` would drop the body unseen.
    if let Some(framing) = FRAMING_HEADERS
        .iter()
        .find(|framing| name.eq_ignore_ascii_case(framing))
    {
        return Err(Error::input(format!(
            "--header cannot set {framing}: altur sets it from the base URL and the body"
        ))
        .with_hint("remove the header; use --base-url to choose the server"));
    }
    Ok((name, value))
}

/// The body from `--input`: a file, or stdin for `-`; at most 10 MiB.
fn read_input(path: &Path) -> Result<Vec<u8>> {
    let what = format!("--input {}", path.display());
    let mut bytes = Vec::new();
    let read = if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(MAX_BODY + 1)
            .read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(MAX_BODY + 1).read_to_end(&mut bytes))
    };
    read.map_err(|e| Error::input(format!("cannot read {what}: {e}")))?;
    if bytes.len() as u64 > MAX_BODY {
        return Err(Error::input(format!("{what} is larger than 10 MiB")));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests;
