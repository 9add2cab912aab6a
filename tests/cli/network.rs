//! HTTPS, certificates and proxies, end to end on 127.0.0.1: a TLS server with a certificate
//! from a test CA (made by rcgen), and a CONNECT proxy that records where it was asked to go and
//! sends every tunnel to that server, so `api.altur.test` needs no DNS.

use std::io::{BufRead, BufReader, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::thread;

use crate::support::{Altur, ID, KEY, Reply, Server};

/// A CA, written to a PEM file for `SSL_CERT_FILE`, and a TLS server whose certificate it signed
/// for `api.altur.test` and `localhost`.
struct TlsServer {
    port: u16,
    ca_file: PathBuf,
    _dir: tempfile::TempDir,
    /// "METHOD PATH" and the Authorization header of every request that got through TLS.
    requests: Arc<Mutex<Vec<(String, String)>>>,
    /// TCP connections accepted, whether or not TLS then succeeded.
    connections: Arc<Mutex<usize>>,
}

impl TlsServer {
    fn new() -> TlsServer {
        let mut ca_params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        ca_params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        ca_params.distinguished_name.push(
            rcgen::DnType::CommonName,
            format!("altur test CA {}", uuid::Uuid::new_v4()),
        );
        let ca =
            rcgen::CertifiedIssuer::self_signed(ca_params, rcgen::KeyPair::generate().unwrap())
                .unwrap();
        let server_key = rcgen::KeyPair::generate().unwrap();
        let server_cert =
            rcgen::CertificateParams::new(vec!["api.altur.test".into(), "localhost".into()])
                .unwrap()
                .signed_by(&server_key, &ca)
                .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let ca_file = dir.path().join("corporate-ca.pem");
        std::fs::write(&ca_file, ca.pem()).unwrap();

        let config = rustls::ServerConfig::builder()
            .with_no_client_auth()
            .with_single_cert(
                vec![server_cert.der().clone()],
                rustls::pki_types::PrivateKeyDer::Pkcs8(server_key.serialize_der().into()),
            )
            .unwrap();
        let config = Arc::new(config);
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(Mutex::new(0));
        {
            let (requests, connections) = (requests.clone(), connections.clone());
            thread::spawn(move || {
                for stream in listener.incoming() {
                    let Ok(stream) = stream else { break };
                    *connections.lock().unwrap() += 1;
                    let (config, requests) = (config.clone(), requests.clone());
                    thread::spawn(move || serve_tls(stream, config, requests));
                }
            });
        }
        TlsServer {
            port,
            ca_file,
            _dir: dir,
            requests,
            connections,
        }
    }

    fn requests(&self) -> Vec<(String, String)> {
        self.requests.lock().unwrap().clone()
    }

    fn connections(&self) -> usize {
        *self.connections.lock().unwrap()
    }
}

/// Answers one request with an EndUser and closes the connection.
fn serve_tls(
    stream: TcpStream,
    config: Arc<rustls::ServerConfig>,
    requests: Arc<Mutex<Vec<(String, String)>>>,
) {
    let connection = rustls::ServerConnection::new(config).unwrap();
    let mut reader = BufReader::new(rustls::StreamOwned::new(connection, stream));
    let Some((line, headers)) = read_head(&mut reader) else {
        return; // the handshake failed, or the client went away
    };
    let request = line
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    let authorization = header(&headers, "authorization").unwrap_or_default();
    requests.lock().unwrap().push((request, authorization));
    let body =
        serde_json::json!({"id": ID, "display_name": "Ada", "integration_type": "api"}).to_string();
    let stream = reader.get_mut();
    let _ = write!(
        stream,
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.flush();
    stream.conn.send_close_notify();
    let _ = stream.flush();
}

/// The request line and headers (names lower-cased); `None` if the stream ends first.
fn read_head(reader: &mut impl BufRead) -> Option<(String, Vec<(String, String)>)> {
    let mut line = String::new();
    if reader.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut headers = Vec::new();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).ok()? == 0 {
            return None;
        }
        let header = header.trim_end();
        if header.is_empty() {
            return Some((line.trim_end().to_owned(), headers));
        }
        let (name, value) = header.split_once(':')?;
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
}

fn header(headers: &[(String, String)], name: &str) -> Option<String> {
    headers
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.clone())
}

/// An HTTP proxy that understands CONNECT only. It records the whole head of each request it
/// receives (in clear, so a test can check the key is not in it) and tunnels every CONNECT to
/// 127.0.0.1 on the requested port.
struct ConnectProxy {
    port: u16,
    heads: Arc<Mutex<Vec<String>>>,
}

impl ConnectProxy {
    fn new() -> ConnectProxy {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let heads = Arc::new(Mutex::new(Vec::new()));
        {
            let heads = heads.clone();
            thread::spawn(move || {
                for stream in listener.incoming() {
                    let Ok(stream) = stream else { break };
                    let heads = heads.clone();
                    thread::spawn(move || tunnel(stream, heads));
                }
            });
        }
        ConnectProxy { port, heads }
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The request lines received, e.g. `CONNECT api.altur.test:443 HTTP/1.1`.
    fn request_lines(&self) -> Vec<String> {
        self.heads
            .lock()
            .unwrap()
            .iter()
            .map(|head| head.lines().next().unwrap_or_default().to_owned())
            .collect()
    }
}

fn tunnel(client: TcpStream, heads: Arc<Mutex<Vec<String>>>) {
    let mut reader = BufReader::new(client.try_clone().unwrap());
    let Some((line, headers)) = read_head(&mut reader) else {
        return;
    };
    let mut head = line.clone();
    for (name, value) in &headers {
        head.push_str(&format!("\n{name}: {value}"));
    }
    heads.lock().unwrap().push(head);
    let mut client_writer = client;
    let mut parts = line.split_whitespace();
    let port = match (parts.next(), parts.next()) {
        (Some("CONNECT"), Some(target)) => {
            target.rsplit_once(':').and_then(|(_, p)| p.parse().ok())
        }
        _ => None,
    };
    let Some(port) = port else {
        let _ = client_writer
            .write_all(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n");
        return;
    };
    let Ok(upstream) = TcpStream::connect(("127.0.0.1", port)) else {
        let _ = client_writer.write_all(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
        return;
    };
    if client_writer
        .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
        .is_err()
    {
        return;
    }
    let mut upstream_writer = upstream.try_clone().unwrap();
    let upload = thread::spawn(move || {
        // Bytes the client sent right behind the head are in the reader's buffer.
        let _ = std::io::copy(&mut reader, &mut upstream_writer);
        let _ = upstream_writer.shutdown(Shutdown::Write);
    });
    let mut upstream_reader = upstream;
    let _ = std::io::copy(&mut upstream_reader, &mut client_writer);
    let _ = client_writer.shutdown(Shutdown::Write);
    let _ = upload.join();
}

fn get_through(server: &TlsServer, host: &str) -> Altur {
    Altur::new()
        .env(
            "ALTUR_BASE_URL",
            format!("https://{host}:{}/api/v1.0", server.port),
        )
        .env("ALTUR_API_KEY", KEY)
        .args(["enduser", "get", ID, "-o", "json", "--retries", "0"])
}

#[test]
fn https_goes_through_the_connect_proxy_and_trusts_the_ca_in_ssl_cert_file() {
    let server = TlsServer::new();
    for variable in ["HTTPS_PROXY", "https_proxy", "ALL_PROXY"] {
        let proxy = ConnectProxy::new();
        let run = get_through(&server, "api.altur.test")
            .env(variable, proxy.url())
            .env("SSL_CERT_FILE", &server.ca_file)
            .run();
        run.success();
        assert_eq!(run.stderr, "", "{variable}: nothing to say on success");
        assert_eq!(run.json()["id"], ID, "{variable}");
        assert_eq!(
            proxy.request_lines(),
            [format!("CONNECT api.altur.test:{} HTTP/1.1", server.port)],
            "{variable}"
        );
        // The proxy sees only the CONNECT head, never the key.
        let heads = proxy.heads.lock().unwrap().join("\n");
        assert!(
            !heads.to_ascii_lowercase().contains("authorization"),
            "{heads}"
        );
    }
    assert_eq!(
        server.requests(),
        vec![
            (
                format!("GET /api/v1.0/enduser/{ID}"),
                format!("api-key {KEY}")
            );
            3
        ]
    );
}

#[test]
fn an_untrusted_certificate_is_a_tls_error_and_nothing_is_sent() {
    let server = TlsServer::new();
    let other_ca = TlsServer::new();
    for ca_file in [None, Some(&other_ca.ca_file)] {
        let proxy = ConnectProxy::new();
        let mut altur = get_through(&server, "api.altur.test").env("HTTPS_PROXY", proxy.url());
        if let Some(ca_file) = ca_file {
            altur = altur.env("SSL_CERT_FILE", ca_file);
        }
        altur
            .run()
            .code(6)
            .stdout_empty()
            .stderr_has(
                r#"{"error":{"kind":"network","message":"TLS error with api.altur.test: invalid peer certificate: UnknownIssuer","hint":"if a corporate proxy or CA signs this certificate, point SSL_CERT_FILE at its PEM file"}}"#,
            );
        assert_eq!(proxy.request_lines().len(), 1);
    }
    assert_eq!(server.connections(), 2, "the client did reach the server");
    assert!(server.requests().is_empty(), "but sent no request");
}

/// Which hosts NO_PROXY sends direct is a unit test in `client.rs`: going direct to
/// `api.altur.test` here would need a DNS lookup, and tests never leave the loopback interface.
#[test]
fn a_no_proxy_that_does_not_match_leaves_the_proxy_in_use() {
    let server = TlsServer::new();
    // A NO_PROXY that does not match leaves the proxy in use.
    let proxy = ConnectProxy::new();
    get_through(&server, "api.altur.test")
        .env("HTTPS_PROXY", proxy.url())
        .env("no_proxy", "example.com,altur.test.evil")
        .env("SSL_CERT_FILE", &server.ca_file)
        .run()
        .success();
    assert_eq!(proxy.request_lines().len(), 1);
    assert!(server.requests().len() == 1);
}

#[test]
fn loopback_hosts_never_use_a_proxy() {
    let proxy = ConnectProxy::new();
    let with_proxies = |altur: Altur| {
        ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "ALL_PROXY"]
            .iter()
            .fold(altur, |altur, variable| altur.env(variable, proxy.url()))
    };

    let plain = Server::new([Reply::enduser("Ada")]);
    with_proxies(Altur::new().against(&plain))
        .args(["enduser", "get", ID])
        .run()
        .success();
    assert_eq!(plain.only_request().path, format!("/enduser/{ID}"));

    let tls = TlsServer::new();
    with_proxies(get_through(&tls, "localhost"))
        .env("SSL_CERT_FILE", &tls.ca_file)
        .run()
        .success();
    assert_eq!(tls.requests().len(), 1);
    assert!(proxy.request_lines().is_empty());
}

#[test]
fn plain_http_to_a_remote_host_is_refused_before_anything_is_sent() {
    let proxy = ConnectProxy::new();
    let run = Altur::new()
        .env("ALTUR_BASE_URL", "http://api.altur.test/api/v1.0")
        .env("ALTUR_API_KEY", KEY)
        .env("HTTP_PROXY", proxy.url())
        .env("HTTPS_PROXY", proxy.url())
        .args(["enduser", "create", "--name", "Ada"])
        .run();
    run.code(2).stdout_empty();
    assert_eq!(
        run.stderr,
        "altur: error: invalid base URL 'http://api.altur.test/api/v1.0': plain http is allowed \
         only for loopback hosts (localhost, 127.0.0.1, ::1); the API key must never travel \
         unencrypted, so use https://\n"
    );
    assert!(proxy.request_lines().is_empty());
}

#[test]
fn an_unreadable_ssl_cert_file_or_proxy_url_fails_before_sending() {
    let server = TlsServer::new();
    get_through(&server, "api.altur.test")
        .env("SSL_CERT_FILE", "/nonexistent/ca.pem")
        .run()
        .code(6)
        .stderr_has("cannot read SSL_CERT_FILE /nonexistent/ca.pem");
    let not_pem = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(not_pem.path(), "not a certificate").unwrap();
    get_through(&server, "api.altur.test")
        .env("SSL_CERT_FILE", not_pem.path())
        .run()
        .code(6)
        .stderr_has("holds no PEM certificates");
    get_through(&server, "api.altur.test")
        .env("HTTPS_PROXY", "http://[not a proxy")
        .env("SSL_CERT_FILE", &server.ca_file)
        .run()
        .code(2)
        .stderr_has("invalid proxy URL");
    assert_eq!(server.connections(), 0);
}

#[test]
fn a_proxy_that_is_down_or_refuses_is_a_network_error_and_safe_to_retry() {
    let port = crate::support::closed_port();
    // A create may be retried: nothing reached the API.
    let run = Altur::new()
        .env("ALTUR_BASE_URL", "https://api.altur.test/api/v1.0")
        .env("ALTUR_API_KEY", KEY)
        .env(
            "HTTPS_PROXY",
            format!("http://user:proxy-password@127.0.0.1:{port}"),
        )
        .args(["enduser", "create", "--name", "Ada", "--retries", "1"])
        .run();
    run.code(6)
        .stdout_empty()
        .stderr_has(&format!(
            "cannot connect to api.altur.test through the proxy 127.0.0.1:{port}: "
        ))
        .stderr_has("retrying in");
    assert!(!run.stderr.contains("proxy-password"), "{}", run.stderr);
    assert!(
        !run.stderr.contains("may have been created"),
        "{}",
        run.stderr
    );

    // The proxy is up but cannot reach the target: it answers the CONNECT with 502.
    let proxy = ConnectProxy::new();
    Altur::new()
        .env(
            "ALTUR_BASE_URL",
            format!("https://api.altur.test:{port}/api/v1.0"),
        )
        .env("ALTUR_API_KEY", KEY)
        .env("HTTPS_PROXY", proxy.url())
        .args(["enduser", "create", "--name", "Ada", "--retries", "0"])
        .run()
        .code(6)
        .stderr_has("the proxy refused to connect to api.altur.test");
    assert_eq!(
        proxy.request_lines(),
        [format!("CONNECT api.altur.test:{port} HTTP/1.1")]
    );
}

// ---- answers that must not break the client (issue 8) ----

#[test]
fn an_error_body_cut_at_200_characters_never_shows_part_of_the_key() {
    // The key starts at character 190 of the body, so a cut at 200 splits it.
    let body = format!("{}{KEY} and more", "x".repeat(190));
    let server = Server::new([Reply::Raw(500, vec![], body.into_bytes())]);
    let run = Altur::new()
        .against(&server)
        .args(["--retries", "0", "enduser", "get", ID])
        .run();
    run.code(5)
        .stderr_has(&format!("HTTP 500: {}", "x".repeat(190)));
    assert!(!run.stderr.contains(&KEY[..10]), "{}", run.stderr);
    assert!(run.stderr.contains("[REDACTED]"), "{}", run.stderr);
}

#[test]
fn a_huge_negative_or_malformed_retry_after_is_ignored_or_capped_never_a_crash() {
    for value in [
        "1e30",
        "18446744073709551616",
        "-5",
        "NaN",
        "inf",
        "Wed, 21 Oct 2015 07:28:00 GMT",
    ] {
        let answer = serde_json::json!({"id": ID, "display_name": "Ada"}).to_string();
        let server = Server::new([Reply::with_headers(
            200,
            &[("Content-Type", "application/json"), ("Retry-After", value)],
            &answer,
        )]);
        Altur::new()
            .against(&server)
            .args(["-o", "id", "enduser", "create", "--name", "Ada"])
            .run()
            .success()
            .stdout_is(&format!("{ID}\n"));
    }
}

/// A listening socket whose accept queue is full: the kernel drops further SYNs, so a connect
/// to it neither succeeds nor is refused until the client gives up. Linux lets a backlog of
/// 0 hold one connection; `filler` is that connection, never accepted.
struct FullBacklog {
    _fd: std::os::fd::OwnedFd,
    port: u16,
    _filler: Vec<TcpStream>,
}

impl FullBacklog {
    fn new() -> FullBacklog {
        let (fd, port) = crate::support::bound_socket();
        rustix::net::listen(&fd, 0).expect("listen");
        let filler = vec![TcpStream::connect(("127.0.0.1", port)).expect("first connection")];
        FullBacklog {
            _fd: fd,
            port,
            _filler: filler,
        }
    }
}

/// On the old code this failed about half the runs: ureq named whichever deadline came first,
/// the connect one or the global one; the unit test on the classification is deterministic.
#[test]
fn a_connect_that_times_out_is_not_sent_and_is_retried() {
    let backlog = FullBacklog::new();
    let run = Altur::new()
        .env("ALTUR_API_KEY", KEY)
        .args(["--base-url", &format!("http://127.0.0.1:{}", backlog.port)])
        .args(["--timeout", "0.5", "--retries", "1"])
        .args(["enduser", "create", "--name", "Ada"])
        .run();
    run.code(6)
        .stdout_empty()
        .stderr_has("timed out connecting to 127.0.0.1")
        .stderr_has("retrying in");
    assert!(
        !run.stderr.contains("may have been created"),
        "{}",
        run.stderr
    );
}
