//! `altur sandbox serve | exec`: a local stand-in for the EndUser API, for trying the CLI
//! without an account and for testing scripts in CI (contract section 9).
//!
//! Outside Unix there are no signals to pass on or to die of: `exec` waits for its command and
//! exits with its exit code, and `serve` stops on Ctrl-C (or SIGTERM where the C runtime
//! raises it).

pub mod calls;
mod campaign_routes;
pub mod campaigns;
pub mod domain;
mod faults;
// The HTTP stack is shared with `webhook listen`.
pub(crate) mod http;
pub mod messages;
mod request_log;
mod router;
pub(crate) mod server;
mod store;
pub mod webhooks;

use std::ffi::OsString;
use std::net::{SocketAddr, TcpListener, ToSocketAddrs};
use std::process::{Child, Command};
use std::sync::Arc;
use std::time::Duration;

use signal_hook::consts::{SIGINT, SIGTERM};

use crate::cli::{SandboxCommand, SandboxOptions};
use crate::error::{Error, Result};
use crate::output;
use faults::Faults;
use server::{App, BASE_PATH, BODY_LIMIT};
use store::Store;

const DEFAULT_LISTEN: &str = "127.0.0.1:8787";
const DEFAULT_KEY: &str = crate::secret::PUBLIC_SANDBOX_KEY;

pub fn run(command: &SandboxCommand) -> Result<i32> {
    match command {
        SandboxCommand::Serve(options) => serve(options),
        SandboxCommand::Exec { options, command } => exec(options, command),
    }
}

/// Serves until SIGINT or SIGTERM, then stops cleanly: exit 0, since that is how it ends.
fn serve(options: &SandboxOptions) -> Result<i32> {
    // Caught before listening, so a signal right after the ready line is never lost.
    let mut signals = StopSignals::catch()?;
    let address = parse_listen(options.listen.as_deref().unwrap_or(DEFAULT_LISTEN))?;
    let sandbox = Sandbox::start(options, address)?;
    if !sandbox.address.ip().is_loopback() {
        output::warn(&format!(
            "listening on {}, which other machines can reach; the sandbox is for testing only",
            sandbox.address
        ));
    }
    let key = if options.sandbox_key == DEFAULT_KEY {
        DEFAULT_KEY
    } else {
        "from --api-key"
    };
    output::stderr_line(&seeded_line());
    let seed = sandbox.app.calls.seed();
    output::stderr_line(&format!(
        "altur sandbox: seed {seed} (--seed {seed} repeats this run)"
    ));
    output::stderr_line(&format!(
        "altur sandbox: listening on {} (key: {key})",
        sandbox.base_url()
    ));
    let name = signals.wait();
    // Stopping waits for the requests in progress (maybe a long --latency): a second signal
    // ends it at once. Every record is already in the state file, flushed as it was written.
    signals.exit_on_next("altur sandbox");
    sandbox.stop()?;
    output::stderr_line(&format!("altur sandbox: stopped ({name})"));
    Ok(0)
}

/// What every sandbox starts with (contract section 19), for `sandbox serve`'s start-up lines.
fn seeded_line() -> String {
    use domain::{
        PHONE_INTEGRATION_ID, SANDBOX_AGENT_ID, SANDBOX_AGENT_NAME, WHATSAPP_INTEGRATION_ID,
    };
    format!(
        "altur sandbox: agent {SANDBOX_AGENT_ID} ({SANDBOX_AGENT_NAME}); integrations \
         {PHONE_INTEGRATION_ID} (phone), {WHATSAPP_INTEGRATION_ID} (whatsapp)"
    )
}

/// Runs `command` against a sandbox on a free loopback port and exits with its exit code.
fn exec(options: &SandboxOptions, command: &[OsString]) -> Result<i32> {
    let signals = StopSignals::catch()?;
    let address = parse_listen(options.listen.as_deref().unwrap_or("127.0.0.1:0"))?;
    if !address.ip().is_loopback() {
        return Err(Error::input(format!(
            "sandbox exec listens on loopback only, not {address}: the command reaches it over \
             plain http"
        )));
    }
    let sandbox = Sandbox::start(options, address)?;
    let (program, args) = command
        .split_first()
        .ok_or_else(|| Error::input("give a command to run after --"))?;
    // The listener is bound before the command starts: its first connection cannot be refused.
    let spawned = Command::new(program)
        .args(args)
        .env("ALTUR_BASE_URL", sandbox.base_url())
        .env("ALTUR_API_KEY", &options.sandbox_key)
        .env("ALTUR_SANDBOX_AGENT_ID", domain::SANDBOX_AGENT_ID)
        .spawn();
    let child = match spawned {
        Ok(child) => child,
        Err(e) => {
            sandbox.stop()?;
            let program = program.to_string_lossy();
            output::stderr_line(&format!(
                "altur: error: cannot run '{}': {e}",
                output::for_terminal(&program)
            ));
            // The shell's codes: 127 when there is no such command, 126 when it cannot run.
            let code = if e.kind() == std::io::ErrorKind::NotFound {
                127
            } else {
                126
            };
            return Ok(code);
        }
    };
    let code = wait_for_command(child, signals);
    sandbox.stop()?;
    code.map_err(|e| Error::internal(format!("cannot wait for the command: {e}")))
}

/// Waits for the command and returns its exit code, 128 + N if it died of signal N.
///
/// Ctrl-C at a terminal reaches the command directly (same process group): the sandbox only
/// outlives it and waits. A SIGTERM sent to the sandbox alone is passed on.
#[cfg(unix)]
fn wait_for_command(mut child: Child, signals: StopSignals) -> std::io::Result<i32> {
    use std::os::unix::process::ExitStatusExt;

    let mut signals = signals.0;
    let handle = signals.handle();
    let child_pid = child.id() as libc::pid_t;
    let forwarder = std::thread::spawn(move || {
        for signal in signals.forever() {
            if signal == SIGTERM {
                // SAFETY: kill(2) touches no memory of ours; the child is not reaped before
                // this thread ends, so the pid cannot belong to another process.
                unsafe { libc::kill(child_pid, SIGTERM) };
            }
        }
    });
    // Wait for the exit without reaping, so the pid stays the child's while signals may
    // still be passed on; `wait` reaps it once the forwarder is gone.
    wait_without_reaping(child_pid);
    handle.close();
    let _ = forwarder.join();
    let status = child.wait()?;
    Ok(status
        .code()
        .unwrap_or_else(|| 128 + status.signal().unwrap_or(0)))
}

/// Outside Unix, Ctrl-C reaches the command too (same console); the sandbox, which catches
/// it, waits for the command and passes its exit code on.
#[cfg(not(unix))]
fn wait_for_command(mut child: Child, _signals: StopSignals) -> std::io::Result<i32> {
    let status = child.wait()?;
    Ok(status.code().unwrap_or(1))
}

/// Blocks until the child has exited, leaving it to be reaped by `Child::wait`.
#[cfg(unix)]
fn wait_without_reaping(pid: libc::pid_t) {
    loop {
        // SAFETY: `info` is a plain C struct that waitid(2) fills in; zeroed is a valid value.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        let result = unsafe {
            libc::waitid(
                libc::P_PID,
                pid as libc::id_t,
                &mut info,
                libc::WEXITED | libc::WNOWAIT,
            )
        };
        // Retry only when a signal interrupted the wait; any other error means there is
        // nothing to wait for, and `Child::wait` reports it.
        if result == 0 || std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted
        {
            return;
        }
    }
}

/// SIGINT and SIGTERM, caught from the start so that neither ends the process by default.
#[cfg(unix)]
pub(crate) struct StopSignals(signal_hook::iterator::Signals);

#[cfg(unix)]
impl StopSignals {
    pub(crate) fn catch() -> Result<StopSignals> {
        signal_hook::iterator::Signals::new([SIGINT, SIGTERM])
            .map(StopSignals)
            .map_err(|e| Error::internal(format!("cannot handle SIGINT/SIGTERM: {e}")))
    }

    /// Blocks until a signal comes; its name.
    pub(crate) fn wait(&mut self) -> &'static str {
        match self.0.forever().next() {
            Some(SIGTERM) => "SIGTERM",
            _ => "SIGINT",
        }
    }
}

/// Outside Unix, signal_hook has no iterator: the handlers set a flag that `wait` looks at.
#[cfg(not(unix))]
pub(crate) struct StopSignals(Arc<std::sync::atomic::AtomicUsize>);

#[cfg(not(unix))]
impl StopSignals {
    pub(crate) fn catch() -> Result<StopSignals> {
        let caught = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        for signal in [SIGINT, SIGTERM] {
            signal_hook::flag::register_usize(signal, caught.clone(), signal as usize)
                .map_err(|e| Error::internal(format!("cannot handle Ctrl-C: {e}")))?;
        }
        Ok(StopSignals(caught))
    }

    pub(crate) fn wait(&mut self) -> &'static str {
        loop {
            match self.0.swap(0, std::sync::atomic::Ordering::SeqCst) {
                0 => std::thread::sleep(Duration::from_millis(100)),
                signal if signal == SIGTERM as usize => return "SIGTERM",
                _ => return "SIGINT",
            }
        }
    }
}

impl StopSignals {
    /// From now on, the next signal ends the process at once.
    /// `who` starts the line that says so: `altur sandbox`, `altur webhook`.
    pub(crate) fn exit_on_next(mut self, who: &'static str) {
        std::thread::spawn(move || {
            self.wait();
            output::stderr_line(&format!("{who}: stopped at once (second signal)"));
            std::process::exit(crate::error::Kind::Interrupted.exit_code());
        });
    }
}

/// `--webhook-url` and its secret and scheme: the scheduler of outbound webhooks, started.
fn outbound_webhooks(options: &SandboxOptions) -> Result<Option<webhooks::Webhooks>> {
    let Some(url) = &options.webhook_url else {
        return Ok(None);
    };
    let url = crate::config::BaseUrl::parse_target(url)?;
    let secret = crate::commands::webhook::webhook_secret(
        &crate::cli::WebhookSecretArgs {
            secret_file: options.webhook_secret_file.clone(),
        },
        &crate::config::process_env,
    )?;
    let scheme = match options.webhook_scheme {
        crate::cli::SigningScheme::Hex => crate::webhook::signature::Scheme::Hex,
        crate::cli::SigningScheme::Base64 => crate::webhook::signature::Scheme::Base64,
    };
    output::stderr_line(&format!(
        "altur sandbox: webhooks go to {} ({} scheme)",
        url.as_str(),
        scheme.name()
    ));
    Ok(Some(webhooks::Webhooks::start(webhooks::Target {
        url,
        secret,
        scheme,
        backoff: webhook_backoff(),
        timeout: Duration::from_secs(10),
    })))
}

/// The wait before a webhook's second attempt (it doubles after): 1 s, or in debug builds
/// `ALTUR_SANDBOX_WEBHOOK_BACKOFF_MS`, so the retry tests need not wait.
fn webhook_backoff() -> Duration {
    let standard = Duration::from_secs(1);
    if cfg!(debug_assertions) {
        std::env::var("ALTUR_SANDBOX_WEBHOOK_BACKOFF_MS")
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map_or(standard, Duration::from_millis)
    } else {
        standard
    }
}

pub(crate) fn parse_listen(text: &str) -> Result<SocketAddr> {
    text.to_socket_addrs()
        .ok()
        .and_then(|mut addresses| addresses.next())
        .ok_or_else(|| {
            Error::input(format!(
                "invalid --listen address '{}': expected HOST:PORT, like 127.0.0.1:8787",
                output::for_terminal(text)
            ))
        })
}

/// A listening sandbox: its address, its records and its HTTP server.
struct Sandbox {
    address: SocketAddr,
    app: Arc<App>,
    server: http::Server,
}

impl Sandbox {
    fn start(options: &SandboxOptions, address: SocketAddr) -> Result<Sandbox> {
        if !(0.0..=1.0).contains(&options.fail_rate) {
            return Err(Error::input(format!(
                "--fail-rate must be between 0 and 1, not {}",
                options.fail_rate
            )));
        }
        let key = &options.sandbox_key;
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_graphic()) {
            return Err(Error::input(
                "--api-key must be printable ASCII without spaces, as API keys are",
            ));
        }
        let store = match &options.state {
            None => Store::in_memory(),
            Some(path) => {
                let opened = Store::open(path)?;
                if let Some(warning) = &opened.warning {
                    output::warn(warning);
                }
                output::stderr_line(&format!(
                    "altur sandbox: {} record(s) loaded from {}",
                    opened.records,
                    output::for_terminal(&path.display().to_string())
                ));
                opened.store
            }
        };
        let webhooks = outbound_webhooks(options)?;
        let mut calls = calls::Calls::from_options(options, std::time::SystemTime::now())?;
        if let Some(webhooks) = &webhooks {
            calls = calls.notify(webhooks.clone());
        }
        let seed = calls.seed();
        let calls = Arc::new(calls);
        // The campaigns place their calls among the sandbox's calls, and tell the webhook
        // receiver of each status change.
        let mut campaigns = campaigns::Campaigns::new(calls.clone());
        if let Some(webhooks) = &webhooks {
            let webhooks = webhooks.clone();
            campaigns = campaigns.on_status_change(move |event| webhooks.now(event));
        }
        let app = Arc::new(App {
            key: options.sandbox_key.clone(),
            store,
            messages: messages::Messages::new(),
            faults: Faults::new(options.fail_rate, options.rate_limit, seed),
            latency: Duration::from_millis(options.latency),
            campaigns,
            calls,
            log: request_log::RequestLog::from_options(options)?,
        });
        if webhooks.is_some() {
            // Campaigns move on by themselves (next calls placed, their ends delivered)
            // without anyone looking at them, until the sandbox is gone.
            let app = Arc::downgrade(&app);
            std::thread::spawn(move || {
                while let Some(app) = app.upgrade() {
                    app.campaigns.tick(std::time::SystemTime::now());
                    drop(app);
                    std::thread::sleep(Duration::from_millis(200));
                }
            });
        }
        let listener = TcpListener::bind(address).map_err(|e| {
            Error::input(format!("cannot listen on {address}: {e}"))
                .with_hint("choose another address with --listen HOST:PORT")
        })?;
        let address = listener
            .local_addr()
            .map_err(|e| Error::internal(format!("cannot read the listening address: {e}")))?;
        let limits = http::Limits::standard(BODY_LIMIT).with_test_overrides();
        raise_open_file_limit(limits.connections);
        let server = http::Server::start(listener, app.clone(), limits)
            .map_err(|e| Error::internal(format!("cannot start the HTTP server: {e}")))?;
        Ok(Sandbox {
            address,
            app,
            server,
        })
    }

    /// The base URL for the CLI; an unspecified address (0.0.0.0) is reached over loopback.
    fn base_url(&self) -> String {
        let mut address = self.address;
        if address.ip().is_unspecified() {
            address.set_ip(match address {
                SocketAddr::V4(_) => std::net::Ipv4Addr::LOCALHOST.into(),
                SocketAddr::V6(_) => std::net::Ipv6Addr::LOCALHOST.into(),
            });
        }
        format!("http://{address}{BASE_PATH}")
    }

    /// Finishes the requests in progress, then flushes the state file to disk.
    fn stop(self) -> Result<()> {
        self.server.stop();
        self.app
            .store
            .close()
            .map_err(|e| Error::internal(format!("cannot save the state file: {e}")))
    }
}

/// Makes room for `connections` open sockets plus the files a process needs anyway: the usual
/// soft limit of 1,024 open files would otherwise fail accepts (EMFILE) below the cap.
#[cfg(unix)]
fn raise_open_file_limit(connections: usize) {
    let wanted = (connections + 256) as libc::rlim_t;
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit(2) and setrlimit(2) only read and write the struct given.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 || limit.rlim_cur >= wanted {
            return;
        }
        limit.rlim_cur = wanted.min(limit.rlim_max);
        // Failing leaves the limit as it was: accepts then wait for a connection to close.
        libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
    }
}

#[cfg(not(unix))]
fn raise_open_file_limit(_connections: usize) {}
