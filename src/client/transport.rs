//! The connection layer: TLS roots, proxies, the resolver, and the marking of failures that
//! happen before a request leaves (contract section 6).

use std::io::Read;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use ureq::Agent;
use ureq::tls::{RootCerts, TlsConfig};
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::{
    ConnectionDetails, Connector, DefaultConnector, NextTimeout, Transport,
};

use super::USER_AGENT;
use crate::config::BaseUrl;
use crate::error::{Error, Kind, Result};

/// Connection set-up gets its own, shorter limit, so a connect timeout can be told apart from
/// a request that was sent and never answered.
const MAX_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Builds the agent: no redirects (they could carry the key elsewhere), statuses as answers,
/// TLS roots and proxy only when the URL needs them.
pub(super) fn build_agent(
    base_url: &BaseUrl,
    timeout: Duration,
    proxy: Option<ureq::Proxy>,
) -> Result<Agent> {
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
pub(super) struct ConnectFailed(pub(super) std::io::Error);

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

pub(super) fn mark_connect_failure(error: ureq::Error) -> ureq::Error {
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
pub(super) struct LiteralFirst(DefaultResolver);

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
pub(super) fn proxy_for(base_url: &BaseUrl) -> Result<Option<ureq::Proxy>> {
    let Some(proxy) = proxy_url_for(base_url, &crate::config::process_env) else {
        return Ok(None);
    };
    ureq::Proxy::new(&proxy)
        .map(Some)
        .map_err(|_| Error::input("invalid proxy URL in HTTPS_PROXY or ALL_PROXY"))
}

/// The proxy URL the environment chooses for `base_url`, if any.
pub(super) fn proxy_url_for(
    base_url: &BaseUrl,
    env: crate::config::EnvLookup<'_>,
) -> Option<String> {
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
pub(super) fn no_proxy_matches(no_proxy: &str, host: &str) -> bool {
    no_proxy.split(',').map(str::trim).any(|entry| {
        let entry = entry.trim_start_matches('.').to_ascii_lowercase();
        let entry = entry.split(':').next().unwrap_or_default();
        entry == "*"
            || (!entry.is_empty() && (host == entry || host.ends_with(&format!(".{entry}"))))
    })
}
