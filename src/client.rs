//! The only module that speaks HTTP: headers, TLS, proxies, timeouts, retries and the decoding
//! of answers into results or classified errors (contract section 6).

use std::io::Read;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde_json::Value;
use ureq::Agent;
use ureq::http::{HeaderMap, Response};
use ureq::tls::{RootCerts, TlsConfig};
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{
    ConnectionDetails, Connector, DefaultConnector, NextTimeout, Transport,
};

use crate::config::{BaseUrl, Settings};
use crate::error::{Error, Kind, Result};
use crate::output::{self, for_terminal};
use crate::secret::Secret;

pub const USER_AGENT: &str = concat!("altur/", env!("CARGO_PKG_VERSION"));
/// Answers larger than this are refused rather than read into memory.
pub const MAX_BODY: u64 = 10 * 1024 * 1024;
/// The longest `Retry-After` we honour.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);
/// Connection set-up gets its own, shorter limit, so a connect timeout can be told apart from
/// a request that was sent and never answered.
const MAX_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
        }
    }

    /// Whether sending the request twice does no more harm than sending it once.
    pub fn is_idempotent(self) -> bool {
        !matches!(self, Method::Post)
    }
}

/// One API request: method, path under the base URL, JSON body.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: Method,
    pub path: String,
    pub body: Option<Vec<u8>>,
}

impl Request {
    /// The request as a copy-pasteable curl command; the key is left to the shell.
    pub fn to_curl(&self, base_url: &BaseUrl) -> String {
        let mut lines = vec![
            format!(
                "curl --request {} {}",
                self.method.as_str(),
                shell_quote(&format!("{}{}", base_url.as_str(), self.path))
            ),
            "--header 'Authorization: api-key '\"$ALTUR_API_KEY\"".to_owned(),
            "--header 'Accept: application/json'".to_owned(),
        ];
        if self.body.is_some() {
            lines.push("--header 'Content-Type: application/json'".to_owned());
        }
        lines.push(format!(
            "--header {}",
            shell_quote(&format!("User-Agent: {USER_AGENT}"))
        ));
        if let Some(body) = &self.body {
            lines.push(format!(
                "--data-raw {}",
                shell_quote(&String::from_utf8_lossy(body))
            ));
        }
        let mut text = lines.join(" \\\n  ");
        text.push('\n');
        text
    }
}

fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

/// A 2xx answer.
#[derive(Debug, Clone)]
pub struct Success {
    pub status: u16,
    pub body: Value,
}

/// Whether a failed attempt may have reached the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Delivery {
    /// It failed before the request left: safe to send again.
    NotSent,
    /// The server may have acted on it.
    MaybeProcessed,
    /// The server answered, so it saw the request (an HTTP error status).
    Answered,
}

/// A failed attempt, classified for the retry rules.
#[derive(Debug, Clone)]
pub struct Failure {
    pub error: Error,
    pub delivery: Delivery,
    /// The server's `Retry-After`, for 429 and 503.
    pub retry_after: Option<Duration>,
}

impl Failure {
    /// Whether the retry rules allow sending `method` again after this failure.
    pub fn is_retriable(&self, method: Method) -> bool {
        if self.error.kind == Kind::Input {
            return false; // a bad proxy URL stays bad
        }
        match (self.delivery, self.error.status) {
            (Delivery::NotSent, _) => true,
            (_, Some(429)) => true,
            (Delivery::MaybeProcessed, _) => method.is_idempotent(),
            (Delivery::Answered, Some(502..=504)) => method.is_idempotent(),
            (Delivery::Answered, _) => false,
        }
    }
}

/// An HTTP client for one base URL and key.
pub struct Client {
    agent: Agent,
    base_url: BaseUrl,
    /// `host:port` of the proxy in use (never its credentials), for error messages.
    proxy: Option<String>,
    key: Secret,
    timeout: Duration,
    retries: u32,
    verbose: bool,
}

impl Client {
    pub fn new(settings: &Settings, key: Secret) -> Result<Client> {
        let proxy = proxy_for(&settings.base_url)?;
        Ok(Client {
            proxy: proxy.as_ref().map(|p| format!("{}:{}", p.host(), p.port())),
            agent: build_agent(&settings.base_url, settings.timeout, proxy)?,
            base_url: settings.base_url.clone(),
            key,
            timeout: settings.timeout,
            retries: settings.retries,
            verbose: settings.verbose,
        })
    }

    pub fn base_url(&self) -> &BaseUrl {
        &self.base_url
    }

    /// Sends `request` under the retry rules of contract section 6 and returns the 2xx answer.
    pub fn send(&self, request: &Request) -> Result<Success> {
        let mut attempt = 0;
        loop {
            let failure = match self.attempt(request) {
                Ok(success) => return Ok(success),
                Err(failure) => failure,
            };
            if attempt >= self.retries || !failure.is_retriable(request.method) {
                return Err(self.final_error(request, failure, attempt));
            }
            let wait = self.wait_before_retry(&failure, attempt);
            output::note(&format!(
                "{}; retrying in {:.1} s ({} of {})",
                failure.error.message,
                wait.as_secs_f64(),
                attempt + 1,
                self.retries
            ));
            std::thread::sleep(wait);
            attempt += 1;
        }
    }

    fn wait_before_retry(&self, failure: &Failure, attempt: u32) -> Duration {
        let (wait, capped) = retry_wait(failure.retry_after, attempt);
        if let Some(note) = capped {
            output::note(&note);
        }
        wait
    }

    /// Adds what the user needs to know once retries are over.
    fn final_error(&self, request: &Request, failure: Failure, attempt: u32) -> Error {
        let mut error = failure.error;
        if error.status == Some(429) {
            error.kind = Kind::RateLimited;
            error.message = format!(
                "still rate-limited after {attempt} retries: {}",
                error.message
            );
            error
                .hint
                .get_or_insert_with(|| "wait a while, or raise --retries".to_owned());
        }
        let may_exist = request.method == Method::Post
            && (failure.delivery == Delivery::MaybeProcessed
                || (failure.delivery == Delivery::Answered && error.kind == Kind::Server));
        if may_exist {
            error.hint = Some(
                "the EndUser may have been created: check before creating it again".to_owned(),
            );
        }
        error
    }

    /// One attempt, no retries: the 2xx answer or a classified failure.
    pub fn attempt(&self, request: &Request) -> Result<Success, Failure> {
        let url = format!("{}{}", self.base_url.as_str(), request.path);
        let auth = format!("api-key {}", self.key.expose());
        if self.verbose {
            self.trace_request(request, &url);
        }
        let started = Instant::now();
        let result = match request.method {
            Method::Get => self.agent.get(&url).header("Authorization", &auth).call(),
            Method::Post | Method::Put => {
                let builder = if request.method == Method::Post {
                    self.agent.post(&url)
                } else {
                    self.agent.put(&url)
                };
                builder
                    .header("Authorization", &auth)
                    .header("Content-Type", "application/json")
                    .send(request.body.as_deref().unwrap_or_default())
            }
        };
        let response = result.map_err(|e| self.transport_failure(e))?;
        if self.verbose {
            trace_response(&response, started.elapsed());
        }
        self.decode(response)
    }

    fn trace_request(&self, request: &Request, url: &str) {
        output::stderr_line(&format!("> {} {url}", request.method.as_str()));
        output::stderr_line("> authorization: api-key [REDACTED]");
        output::stderr_line("> accept: application/json");
        if let Some(body) = &request.body {
            output::stderr_line("> content-type: application/json");
            output::stderr_line(&format!("> content-length: {}", body.len()));
        }
        output::stderr_line(&format!("> user-agent: {USER_AGENT}"));
        output::stderr_line(&format!("> (timeout {:.1} s)", self.timeout.as_secs_f64()));
    }

    fn decode(&self, mut response: Response<ureq::Body>) -> Result<Success, Failure> {
        let status = response.status().as_u16();
        let retry_after = retry_after(response.headers());
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_vec();
        let body = match body {
            Ok(body) => body,
            Err(ureq::Error::BodyExceedsLimit(_)) => {
                return Err(Failure {
                    error: Error::new(
                        Kind::Server,
                        format!("the answer (HTTP {status}) is larger than 10 MiB; not reading it"),
                    )
                    .with_status(status),
                    delivery: Delivery::Answered,
                    retry_after: None,
                });
            }
            Err(e) => return Err(self.transport_failure(e)),
        };
        if (200..300).contains(&status) {
            return match serde_json::from_slice::<Value>(&body) {
                Ok(body) => Ok(Success { status, body }),
                Err(_) => Err(Failure {
                    error: Error::new(
                        Kind::Server,
                        format!(
                            "the server answered HTTP {status} but the body is not JSON: {}",
                            snippet(&body)
                        ),
                    )
                    .with_status(status),
                    delivery: Delivery::Answered,
                    retry_after: None,
                }),
            };
        }
        let kind = match status {
            401 | 403 => Kind::Auth,
            429 => Kind::RateLimited,
            500.. => Kind::Server,
            _ => Kind::Api,
        };
        let mut error = Error::new(kind, error_message(status, &body)).with_status(status);
        if status == 401 {
            error =
                error.with_hint("check the API key: `altur auth status` shows which one is used");
        }
        Err(Failure {
            error,
            delivery: Delivery::Answered,
            retry_after,
        })
    }

    /// Classifies a transport error by whether the request may have reached the server.
    fn transport_failure(&self, error: ureq::Error) -> Failure {
        use std::io::ErrorKind as Io;
        use ureq::Timeout as T;
        let host = self.base_url.host();
        let secs = self.timeout.as_secs_f64();
        let not_sent = |message: String| Failure {
            error: Error::new(Kind::Network, message),
            delivery: Delivery::NotSent,
            retry_after: None,
        };
        let lost = |message: String| Failure {
            error: Error::new(Kind::Unknown, message),
            delivery: Delivery::MaybeProcessed,
            retry_after: None,
        };
        match error {
            ureq::Error::Timeout(T::Resolve | T::Connect) => {
                not_sent(format!("timed out connecting to {host}"))
            }
            ureq::Error::Timeout(_) => lost(format!(
                "no answer from {host} within {secs} s; the outcome is unknown"
            )),
            ureq::Error::Io(e) if e.get_ref().is_some_and(|inner| inner.is::<ConnectFailed>()) => {
                let inner = e.into_inner().expect("checked above");
                let ConnectFailed(cause) = *inner.downcast::<ConnectFailed>().expect("checked");
                let tls = cause
                    .get_ref()
                    .and_then(|inner| inner.downcast_ref::<rustls::Error>());
                match tls {
                    Some(rustls::Error::InvalidCertificate(_)) => Failure {
                        error: Error::new(Kind::Network, format!("TLS error with {host}: {cause}"))
                            .with_hint(
                                "if a corporate proxy or CA signs this certificate, point \
                                 SSL_CERT_FILE at its PEM file",
                            ),
                        delivery: Delivery::NotSent,
                        retry_after: None,
                    },
                    Some(_) => not_sent(format!("TLS error with {host}: {cause}")),
                    None => match &self.proxy {
                        Some(proxy) => not_sent(format!(
                            "cannot connect to {host} through the proxy {proxy}: {cause}"
                        )),
                        None => not_sent(format!("cannot connect to {host}: {cause}")),
                    },
                }
            }
            ureq::Error::HostNotFound => not_sent(format!("cannot resolve host {host}")),
            ureq::Error::Io(e)
                if matches!(
                    e.kind(),
                    Io::ConnectionRefused
                        | Io::AddrNotAvailable
                        | Io::NetworkUnreachable
                        | Io::HostUnreachable
                ) =>
            {
                not_sent(format!("cannot connect to {host}: {e}"))
            }
            ureq::Error::Io(e) => lost(format!(
                "the connection to {host} was lost before the answer came ({e}); the outcome is unknown"
            )),
            ureq::Error::ConnectionFailed => not_sent(format!("cannot connect to {host}")),
            ureq::Error::ConnectProxyFailed(why) => {
                not_sent(format!("the proxy refused to connect to {host}: {why}"))
            }
            ureq::Error::Rustls(e) => not_sent(format!("TLS error with {host}: {e}")),
            ureq::Error::Tls(e) => not_sent(format!("TLS error with {host}: {e}")),
            ureq::Error::Pem(e) => not_sent(format!("cannot read certificates: {e}")),
            ureq::Error::InvalidProxyUrl => Failure {
                error: Error::input("invalid proxy URL in HTTPS_PROXY or ALL_PROXY"),
                delivery: Delivery::NotSent,
                retry_after: None,
            },
            other => lost(format!(
                "the exchange with {host} failed ({other}); the outcome is unknown"
            )),
        }
    }
}

fn trace_response(response: &Response<ureq::Body>, elapsed: Duration) {
    output::stderr_line(&format!(
        "< {} ({} ms)",
        response.status(),
        elapsed.as_millis()
    ));
    for (name, value) in response.headers() {
        output::stderr_line(&format!(
            "< {name}: {}",
            for_terminal(&String::from_utf8_lossy(value.as_bytes()))
        ));
    }
}

/// Builds the agent: no redirects (they could carry the key elsewhere), statuses as answers,
/// TLS roots and proxy only when the URL needs them.
fn build_agent(base_url: &BaseUrl, timeout: Duration, proxy: Option<ureq::Proxy>) -> Result<Agent> {
    let mut config = Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .user_agent(USER_AGENT)
        .accept("application/json")
        .timeout_global(Some(timeout))
        .timeout_connect(Some(timeout.min(MAX_CONNECT_TIMEOUT)))
        .max_idle_connections_per_host(64)
        .proxy(proxy);
    if base_url.is_https() {
        config = config.tls_config(tls_config()?);
    }
    Ok(Agent::with_parts(
        config.build(),
        MarkConnectFailures(DefaultConnector::new()),
        MarkConnectFailures(LiteralFirst::default()),
    ))
}

/// A failure while connecting: resolving the name, opening the socket, the proxy's CONNECT or
/// the TLS handshake. Nothing of the request has been sent yet, so it is safe to send again.
#[derive(Debug)]
struct ConnectFailed(std::io::Error);

impl std::fmt::Display for ConnectFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for ConnectFailed {}

/// ureq's own resolver and connectors, with their I/O errors marked [`ConnectFailed`]: ureq
/// reports a DNS or certificate failure as the same `Error::Io` as a connection lost
/// mid-answer, and only the phase tells whether the request may have reached the server.
#[derive(Debug)]
struct MarkConnectFailures<T>(T);

fn mark_connect_failure(error: ureq::Error) -> ureq::Error {
    match error {
        ureq::Error::Io(e) => ureq::Error::Io(std::io::Error::new(e.kind(), ConnectFailed(e))),
        // ureq names the nearest deadline, which is the global one when `--timeout` is at most
        // the connect limit; raised here, it is a connect timeout whatever its name.
        ureq::Error::Timeout(_) => ureq::Error::Timeout(ureq::Timeout::Connect),
        other => other,
    }
}

impl Connector for MarkConnectFailures<DefaultConnector> {
    type Out = Box<dyn Transport>;

    fn connect(
        &self,
        details: &ConnectionDetails,
        chained: Option<()>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        self.0
            .connect(details, chained)
            .map_err(mark_connect_failure)
    }
}

impl Resolver for MarkConnectFailures<LiteralFirst> {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        self.0
            .resolve(uri, config, timeout)
            .map_err(mark_connect_failure)
    }
}

/// ureq looks the host up before every request, kept-alive connections included, and with a
/// timeout set it starts a thread for each lookup. An IP address needs no lookup: answering it
/// here keeps a thread start out of every request to a loopback or IP host (`import` at
/// concurrency 1 against a local server ran 3 times slower with it).
#[derive(Debug, Default)]
struct LiteralFirst(DefaultResolver);

impl Resolver for LiteralFirst {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let literal = uri.host().and_then(|host| {
            host.trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<IpAddr>()
                .ok()
        });
        let port = uri.port_u16().or(match uri.scheme_str() {
            Some("https") => Some(443),
            Some("http") => Some(80),
            _ => None,
        });
        match (literal, port) {
            (Some(ip), Some(port)) => {
                let mut addresses = self.empty();
                addresses.push(SocketAddr::new(ip, port));
                Ok(addresses)
            }
            _ => self.0.resolve(uri, config, timeout),
        }
    }
}

/// The system's trust store; `SSL_CERT_FILE` adds certificates to it (a corporate CA).
fn tls_config() -> Result<TlsConfig> {
    let roots = match std::env::var_os("SSL_CERT_FILE") {
        None => RootCerts::PlatformVerifier,
        Some(path) => {
            let mut pem = Vec::new();
            std::fs::File::open(&path)
                .and_then(|mut f| f.read_to_end(&mut pem))
                .map_err(|e| {
                    Error::new(
                        Kind::Network,
                        format!("cannot read SSL_CERT_FILE {}: {e}", path.to_string_lossy()),
                    )
                })?;
            let mut certs = pem_certificates(&pem);
            // Checked before the system bundle is added, which would hide a wrong file.
            if certs.is_empty() {
                return Err(Error::new(
                    Kind::Network,
                    format!(
                        "SSL_CERT_FILE {} holds no PEM certificates",
                        path.to_string_lossy()
                    ),
                ));
            }
            if let Some(system) = SYSTEM_BUNDLES.iter().find_map(|b| std::fs::read(b).ok()) {
                certs.extend(pem_certificates(&system));
            }
            RootCerts::Specific(Arc::new(certs))
        }
    };
    Ok(TlsConfig::builder().root_certs(roots).build())
}

fn pem_certificates(pem: &[u8]) -> Vec<ureq::tls::Certificate<'static>> {
    ureq::tls::parse_pem(pem)
        .filter_map(|item| match item {
            Ok(ureq::tls::PemItem::Certificate(cert)) => Some(cert),
            _ => None,
        })
        .collect()
}

/// Where Unix systems keep their CA bundle, for combining it with `SSL_CERT_FILE`.
const SYSTEM_BUNDLES: [&str; 4] = [
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/ca-bundle.pem",
    "/etc/ssl/cert.pem",
];

/// The proxy from `HTTPS_PROXY` or `ALL_PROXY` unless `NO_PROXY` covers the host. Loopback
/// hosts never use one (ureq on its own would send even 127.0.0.1 through `HTTP_PROXY`).
fn proxy_for(base_url: &BaseUrl) -> Result<Option<ureq::Proxy>> {
    let Some(proxy) = proxy_url_for(base_url, &crate::config::process_env) else {
        return Ok(None);
    };
    ureq::Proxy::new(&proxy)
        .map(Some)
        .map_err(|_| Error::input("invalid proxy URL in HTTPS_PROXY or ALL_PROXY"))
}

/// The proxy URL the environment chooses for `base_url`, if any.
fn proxy_url_for(base_url: &BaseUrl, env: crate::config::EnvLookup<'_>) -> Option<String> {
    if base_url.is_loopback() {
        return None;
    }
    let var = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| env(n).filter(|v| !v.trim().is_empty()))
    };
    let proxy = if base_url.is_https() {
        var(&["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"])
    } else {
        var(&["HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"])
    }?;
    match var(&["NO_PROXY", "no_proxy"]) {
        Some(no_proxy) if no_proxy_matches(&no_proxy, base_url.host()) => None,
        _ => Some(proxy),
    }
}

/// `NO_PROXY` as curl reads it: `*`, or hosts and domain suffixes separated by commas.
fn no_proxy_matches(no_proxy: &str, host: &str) -> bool {
    no_proxy.split(',').map(str::trim).any(|entry| {
        let entry = entry.trim_start_matches('.').to_ascii_lowercase();
        let entry = entry.split(':').next().unwrap_or_default();
        entry == "*"
            || (!entry.is_empty() && (host == entry || host.ends_with(&format!(".{entry}"))))
    })
}

/// `Retry-After` in seconds. Anything else (the HTTP-date form, a negative or non-numeric
/// value) falls back to our own backoff; a huge value is kept huge enough for [`retry_wait`]
/// to cap it, without overflowing a `Duration`.
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    parse_retry_after(headers.get("retry-after")?.to_str().ok()?)
}

fn parse_retry_after(value: &str) -> Option<Duration> {
    /// Any wait beyond this is capped anyway; it keeps `Duration::from_secs_f64` in range.
    const LONGEST: f64 = 1e9;
    let secs: f64 = value.trim().parse().ok()?;
    (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs.min(LONGEST)))
}

/// How long to wait before trying again: the server's `Retry-After`, capped at
/// [`MAX_RETRY_AFTER`] with a note that says so, or else our own backoff.
pub fn retry_wait(retry_after: Option<Duration>, attempt: u32) -> (Duration, Option<String>) {
    match retry_after {
        Some(wait) if wait > MAX_RETRY_AFTER => (
            MAX_RETRY_AFTER,
            Some(format!(
                "the server asked to wait {} s; waiting {} s, the most altur waits",
                wait.as_secs(),
                MAX_RETRY_AFTER.as_secs()
            )),
        ),
        Some(wait) => (wait, None),
        None => (backoff(attempt), None),
    }
}

/// Exponential backoff with jitter: about 0.25 s, 0.5 s, 1 s ... at most 8 s.
pub fn backoff(attempt: u32) -> Duration {
    use std::hash::{BuildHasher, RandomState};
    let base = 0.25 * 2f64.powi(attempt.min(5) as i32);
    let random = RandomState::new().hash_one(attempt) as f64 / u64::MAX as f64;
    Duration::from_secs_f64(base * (0.5 + random / 2.0))
}

/// The message of an error answer: the server's own when it sent an Error body, else the
/// status and the start of whatever it sent.
pub fn error_message(status: u16, body: &[u8]) -> String {
    if let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) {
        let message = ["message", "detail", "error_description"]
            .iter()
            .find_map(|k| map.get(*k).and_then(Value::as_str));
        let code = match map.get("error") {
            Some(Value::String(code)) => Some(code.clone()),
            Some(Value::Number(code)) if code.as_u64() != Some(u64::from(status)) => {
                Some(code.to_string())
            }
            _ => None,
        };
        match (message, code) {
            (Some(message), Some(code)) if message != code => {
                return format!("HTTP {status} {code}: {message}");
            }
            (Some(message), _) => return format!("HTTP {status}: {message}"),
            (None, Some(code)) => return format!("HTTP {status}: {code}"),
            (None, None) => {}
        }
    }
    format!("HTTP {status}: {}", snippet(body))
}

/// At most 200 characters of a body, on one line. Redacted before it is cut: a key that
/// straddles the cut would otherwise leave its first characters unrecognisable.
fn snippet(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let text = crate::secret::redact(&text);
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return "(empty body)".to_owned();
    }
    let mut cut: String = text.chars().take(200).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ip_hosts_resolve_in_place() {
        let config = Agent::config_builder().build();
        let timeout = NextTimeout {
            after: ureq::unversioned::transport::time::Duration::from(Duration::from_secs(1)),
            reason: ureq::Timeout::Resolve,
            per_read: None,
            per_write: None,
        };
        for (url, expected) in [
            ("http://127.0.0.1:8787/api", "127.0.0.1:8787"),
            ("https://[::1]/api", "[::1]:443"),
        ] {
            let uri: ureq::http::Uri = url.parse().unwrap();
            let resolved = LiteralFirst::default()
                .resolve(&uri, &config, timeout)
                .unwrap();
            assert_eq!(resolved.len(), 1, "{url}");
            assert_eq!(resolved[0].to_string(), expected);
        }
    }

    #[test]
    fn error_bodies_with_int_or_string_codes_show_the_message() {
        assert_eq!(
            error_message(
                400,
                br#"{"error":400,"message":"display_name is required"}"#
            ),
            "HTTP 400: display_name is required"
        );
        assert_eq!(
            error_message(
                409,
                br#"{"error":"DUPLICATE","message":"exists","field":"x"}"#
            ),
            "HTTP 409 DUPLICATE: exists"
        );
        assert_eq!(
            error_message(422, br#"{"error":7,"message":"m"}"#),
            "HTTP 422 7: m"
        );
    }

    #[test]
    fn other_bodies_show_status_and_at_most_200_characters() {
        let html = format!("<html><body>{}</body></html>", "x".repeat(500));
        let m = error_message(500, html.as_bytes());
        assert!(m.starts_with("HTTP 500: <html><body>xxx"), "{m}");
        assert_eq!(m.chars().count(), "HTTP 500: ".len() + 200 + 1);
        assert_eq!(error_message(502, b""), "HTTP 502: (empty body)");
        assert_eq!(error_message(500, b"[1,2]"), "HTTP 500: [1,2]");
    }

    #[test]
    fn retry_rules_follow_the_contract() {
        let failure = |delivery, status: Option<u16>| Failure {
            error: Error {
                kind: Kind::Server,
                status,
                message: String::new(),
                hint: None,
            },
            delivery,
            retry_after: None,
        };
        use Delivery::*;
        for method in [Method::Get, Method::Put, Method::Post] {
            assert!(failure(NotSent, None).is_retriable(method));
            assert!(failure(Answered, Some(429)).is_retriable(method));
            assert!(!failure(Answered, Some(500)).is_retriable(method));
            assert!(!failure(Answered, Some(400)).is_retriable(method));
        }
        assert!(failure(MaybeProcessed, None).is_retriable(Method::Get));
        assert!(failure(Answered, Some(503)).is_retriable(Method::Put));
        assert!(!failure(MaybeProcessed, None).is_retriable(Method::Post));
        assert!(!failure(Answered, Some(503)).is_retriable(Method::Post));
    }

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(n, v)| (n.to_string(), v.to_string()))
            .collect();
        move |name| {
            pairs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
        }
    }

    #[test]
    fn proxy_choice_follows_https_proxy_all_proxy_and_no_proxy() {
        let remote = BaseUrl::parse("https://api.altur.io/api/v1.0").unwrap();
        let chosen = |pairs: &[(&str, &str)]| proxy_url_for(&remote, &env_of(pairs));
        assert_eq!(
            chosen(&[
                ("HTTPS_PROXY", "http://p1:3128"),
                ("ALL_PROXY", "http://p2:3128")
            ])
            .as_deref(),
            Some("http://p1:3128")
        );
        assert_eq!(
            chosen(&[
                ("all_proxy", "http://p2:3128"),
                ("HTTP_PROXY", "http://p3:3128")
            ])
            .as_deref(),
            Some("http://p2:3128")
        );
        assert_eq!(
            chosen(&[("HTTP_PROXY", "http://p3:3128")]),
            None,
            "not for https"
        );
        for no_proxy in [
            "altur.io",
            ".altur.io",
            "example.com, api.altur.io:443",
            "*",
        ] {
            let pairs = [("HTTPS_PROXY", "http://p1:3128"), ("NO_PROXY", no_proxy)];
            assert_eq!(chosen(&pairs), None, "{no_proxy}");
        }
        let pairs = [
            ("HTTPS_PROXY", "http://p1:3128"),
            ("no_proxy", "altur.io.evil"),
        ];
        assert!(chosen(&pairs).is_some());
        let loopback = BaseUrl::parse("http://127.0.0.1:8787").unwrap();
        let everything = env_of(&[
            ("HTTP_PROXY", "http://p1:3128"),
            ("ALL_PROXY", "http://p1:3128"),
        ]);
        assert_eq!(
            proxy_url_for(&loopback, &everything),
            None,
            "loopback never uses a proxy"
        );
    }

    #[test]
    fn no_proxy_matches_hosts_and_suffixes() {
        assert!(no_proxy_matches("*", "api.altur.io"));
        assert!(no_proxy_matches("foo, altur.io", "api.altur.io"));
        assert!(no_proxy_matches(".altur.io", "api.altur.io"));
        assert!(no_proxy_matches("api.altur.io:443", "api.altur.io"));
        assert!(!no_proxy_matches("tur.io", "api.altur.io"));
        assert!(!no_proxy_matches("", "api.altur.io"));
    }

    #[test]
    fn curl_rendering_quotes_for_the_shell_and_hides_the_key() {
        let base = BaseUrl::parse("https://api.altur.io/api/v1.0").unwrap();
        let request = Request {
            method: Method::Post,
            path: "/enduser".into(),
            body: Some(br#"{"display_name":"O'Brien"}"#.to_vec()),
        };
        let curl = request.to_curl(&base);
        assert!(
            curl.contains(r#"'Authorization: api-key '"$ALTUR_API_KEY""#),
            "{curl}"
        );
        assert!(
            curl.contains(r#"--data-raw '{"display_name":"O'\''Brien"}'"#),
            "{curl}"
        );
    }

    /// A failed lookup (or any I/O error while connecting) is "not sent", even for a create;
    /// the same error after connecting is "outcome unknown". Tested here rather than through
    /// the binary: a real failed lookup would query a DNS server off the loopback interface.
    #[test]
    fn connect_phase_io_errors_are_not_sent_and_later_ones_are_unknown() {
        let env = |name: &str| match name {
            "ALTUR_BASE_URL" => Some("https://api.altur.test/api/v1.0".to_owned()),
            "ALTUR_API_KEY" => Some("unit-test-key-0009".to_owned()),
            "ALTUR_CONFIG" => Some("/nonexistent/config.toml".to_owned()),
            _ => None,
        };
        let settings = Settings::resolve(&crate::cli::GlobalArgs::default(), &env).unwrap();
        let client = Client::new(&settings, settings.api_key().unwrap()).unwrap();
        let lookup = || std::io::Error::other("failed to lookup address information");
        let failure = client.transport_failure(mark_connect_failure(ureq::Error::Io(lookup())));
        assert_eq!(failure.delivery, Delivery::NotSent);
        assert_eq!(failure.error.kind, Kind::Network);
        assert!(failure.is_retriable(Method::Post));
        let failure = client.transport_failure(ureq::Error::Io(lookup()));
        assert_eq!(failure.delivery, Delivery::MaybeProcessed);
        assert_eq!(failure.error.kind, Kind::Unknown);
        assert!(!failure.is_retriable(Method::Post));
    }

    /// ureq names the nearest deadline: with `--timeout` at most the connect limit, a connect
    /// that times out may come back as the global timeout. Raised while connecting, it is
    /// "not sent" whatever its name.
    #[test]
    fn a_timeout_while_connecting_is_not_sent_whatever_deadline_ureq_names() {
        let env = |name: &str| match name {
            "ALTUR_BASE_URL" => Some("https://api.altur.test/api/v1.0".to_owned()),
            "ALTUR_API_KEY" => Some("unit-test-key-0010".to_owned()),
            "ALTUR_CONFIG" => Some("/nonexistent/config.toml".to_owned()),
            _ => None,
        };
        let settings = Settings::resolve(&crate::cli::GlobalArgs::default(), &env).unwrap();
        let client = Client::new(&settings, settings.api_key().unwrap()).unwrap();
        for named in [
            ureq::Timeout::Global,
            ureq::Timeout::Connect,
            ureq::Timeout::PerCall,
        ] {
            let failure =
                client.transport_failure(mark_connect_failure(ureq::Error::Timeout(named)));
            assert_eq!(failure.delivery, Delivery::NotSent, "{named:?}");
            assert_eq!(failure.error.kind, Kind::Network);
            assert!(failure.is_retriable(Method::Post));
        }
        let failure = client.transport_failure(ureq::Error::Timeout(ureq::Timeout::Global));
        assert_eq!(failure.delivery, Delivery::MaybeProcessed);
    }

    #[test]
    fn retry_after_values_parse_defensively() {
        assert_eq!(parse_retry_after(" 2 "), Some(Duration::from_secs(2)));
        assert_eq!(parse_retry_after("0.5"), Some(Duration::from_millis(500)));
        let huge = parse_retry_after("1e30").unwrap();
        assert_eq!(retry_wait(Some(huge), 0).0, MAX_RETRY_AFTER);
        for bad in ["-1", "NaN", "inf", "", "Wed, 21 Oct 2015 07:28:00 GMT"] {
            assert_eq!(parse_retry_after(bad), None, "{bad}");
        }
    }

    #[test]
    fn snippets_are_redacted_before_they_are_cut() {
        let key = crate::secret::Secret::new("snippet-cut-key-0011").unwrap();
        let body = format!("{}{}", "y".repeat(195), key.expose());
        let cut = snippet(body.as_bytes());
        assert!(!cut.contains("snip"), "{cut}");
        assert_eq!(cut, format!("{}[REDA…", "y".repeat(195)));
    }

    #[test]
    fn retry_after_is_honoured_up_to_60_seconds_and_the_cap_is_said() {
        assert_eq!(
            retry_wait(Some(Duration::from_secs(3)), 0),
            (Duration::from_secs(3), None)
        );
        let (wait, note) = retry_wait(Some(Duration::from_secs(120)), 0);
        assert_eq!(wait, MAX_RETRY_AFTER);
        assert_eq!(
            note.as_deref(),
            Some("the server asked to wait 120 s; waiting 60 s, the most altur waits")
        );
        let (wait, note) = retry_wait(None, 2);
        assert!(wait <= Duration::from_secs(1) && note.is_none());
    }

    #[test]
    fn backoff_grows_and_stays_bounded() {
        assert!(backoff(0) <= Duration::from_millis(250));
        assert!(backoff(10) <= Duration::from_secs(8));
        assert!(backoff(3) >= Duration::from_secs(1));
    }
}
