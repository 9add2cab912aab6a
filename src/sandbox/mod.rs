//! `altur sandbox serve | exec`: a local stand-in for the EndUser API, for trying the CLI
//! without an account and for testing scripts in CI (contract section 9).
//!
//! Outside Unix there are no signals to pass on or to die of: `exec` waits for its command and
//! exits with its exit code, and `serve` stops on Ctrl-C (or SIGTERM where the C runtime
//! raises it).

mod app;
pub mod calls;
mod campaign_routes;
pub mod campaigns;
pub mod domain;
mod faults;
pub mod messages;
mod request_log;
mod router;
mod server;
mod store;
pub mod webhooks;

use std::ffi::OsString;
use std::net::{SocketAddr, TcpListener};
use std::process::{Child, Command};
use std::sync::Arc;
use std::time::Duration;

use crate::cli::{Policy, SandboxCommand, SandboxOptions};
use crate::error::{Error, Result};
use crate::output::{self, Output};
use crate::server::{Limits, StopSignals, parse_listen};
use app::{App, BASE_PATH, BODY_LIMIT};
use faults::Faults;
use store::Store;

const DEFAULT_LISTEN: &str = "127.0.0.1:8787";
const DEFAULT_KEY: &str = crate::secret::PUBLIC_SANDBOX_KEY;

/// The sandbox reads no settings and sends nothing.
pub(crate) const POLICY: Policy = Policy::LOCAL;

/// Runs the sandbox; what it says goes to `out` (stderr, never stdout).
pub fn run(command: &SandboxCommand, out: &Arc<Output>) -> Result<i32> {
    match command {
        SandboxCommand::Serve(options) => serve(options, out),
        SandboxCommand::Exec { options, command } => exec(options, command, out),
    }
}

/// Serves until SIGINT or SIGTERM, then stops cleanly: exit 0, since that is how it ends.
fn serve(options: &SandboxOptions, out: &Arc<Output>) -> Result<i32> {
    // Caught before listening, so a signal right after the ready line is never lost.
    let mut signals = StopSignals::catch()?;
    let address = parse_listen(options.listen.as_deref().unwrap_or(DEFAULT_LISTEN))?;
    let sandbox = Sandbox::start(options, address, out)?;
    if !sandbox.address.ip().is_loopback() {
        out.warn(&format!(
            "listening on {}, which other machines can reach; the sandbox is for testing only",
            sandbox.address
        ));
    }
    let key = if options.sandbox_key == DEFAULT_KEY {
        DEFAULT_KEY
    } else {
        "from --api-key"
    };
    out.stderr_line(&seeded_line());
    let seed = sandbox.app.calls.seed();
    out.stderr_line(&format!(
        "altur sandbox: seed {seed} (--seed {seed} repeats this run)"
    ));
    out.stderr_line(&format!(
        "altur sandbox: listening on {} (key: {key})",
        sandbox.base_url()
    ));
    let name = signals.wait();
    // Stopping waits for the requests in progress (maybe a long --latency): a second signal
    // ends it at once. Every record is already in the state file, flushed as it was written.
    signals.exit_on_next("altur sandbox", out.clone());
    sandbox.stop()?;
    out.stderr_line(&format!("altur sandbox: stopped ({name})"));
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
fn exec(options: &SandboxOptions, command: &[OsString], out: &Arc<Output>) -> Result<i32> {
    let signals = StopSignals::catch()?;
    let address = parse_listen(options.listen.as_deref().unwrap_or("127.0.0.1:0"))?;
    if !address.ip().is_loopback() {
        return Err(Error::input(format!(
            "sandbox exec listens on loopback only, not {address}: the command reaches it over \
             plain http"
        )));
    }
    let sandbox = Sandbox::start(options, address, out)?;
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
            out.stderr_line(&format!(
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
    use rustix::process::{Pid, Signal, kill_process};
    use signal_hook::consts::SIGTERM;
    use std::os::unix::process::ExitStatusExt;

    let mut signals = signals.0;
    let handle = signals.handle();
    let child_pid = Pid::from_child(&child);
    let forwarder = std::thread::spawn(move || {
        for signal in signals.forever() {
            if signal == SIGTERM {
                // The child is not reaped before this thread ends, so the pid cannot belong
                // to another process.
                let _ = kill_process(child_pid, Signal::TERM);
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
fn wait_without_reaping(pid: rustix::process::Pid) {
    use rustix::process::{WaitId, WaitIdOptions, waitid};
    // Retry only when a signal interrupted the wait; any other error means there is nothing
    // to wait for, and `Child::wait` reports it.
    while let Err(rustix::io::Errno::INTR) = waitid(
        WaitId::Pid(pid),
        WaitIdOptions::EXITED | WaitIdOptions::NOWAIT,
    ) {}
}

/// `--webhook-url` and its secret and scheme: the scheduler of outbound webhooks, started.
fn outbound_webhooks(
    options: &SandboxOptions,
    tuning: &Tuning,
    out: &Arc<Output>,
) -> Result<Option<webhooks::Webhooks>> {
    let Some(url) = &options.webhook_url else {
        return Ok(None);
    };
    let url = crate::config::BaseUrl::parse_target(url)?;
    let secret = crate::webhook::secret::webhook_secret(
        options.webhook_secret_file.as_deref(),
        &crate::config::process_env,
    )?;
    let scheme = match options.webhook_scheme {
        crate::cli::SigningScheme::Hex => crate::webhook::signature::Scheme::Hex,
        crate::cli::SigningScheme::Base64 => crate::webhook::signature::Scheme::Base64,
    };
    out.stderr_line(&format!(
        "altur sandbox: webhooks go to {} ({} scheme)",
        url.as_str(),
        scheme.name()
    ));
    Ok(Some(webhooks::Webhooks::start(webhooks::Target {
        url,
        secret,
        scheme,
        backoff: tuning.webhook_backoff,
        timeout: Duration::from_secs(10),
        out: out.clone(),
    })))
}

/// The server's limits and the sandbox's timings: the standard ones, unless the hidden
/// `--tune NAME=VALUE,...` changes them (tests and benchmarks, in release builds too).
struct Tuning {
    limits: Limits,
    /// The rate limit's window (one second).
    rate_window: Option<Duration>,
    /// The wait before a webhook's second attempt; it doubles after.
    webhook_backoff: Duration,
}

impl Tuning {
    fn from_options(options: &SandboxOptions) -> Result<Tuning> {
        let mut tuning = Tuning {
            limits: Limits::standard(BODY_LIMIT),
            rate_window: None,
            webhook_backoff: Duration::from_secs(1),
        };
        for setting in &options.tune {
            let (name, value) = setting.split_once('=').unwrap_or((setting, ""));
            let duration = || {
                humantime::parse_duration(value)
                    .map_err(|e| format!("{name}={value}: not a duration like 500ms ({e})"))
            };
            let tuned = match name {
                "rate-window" => duration().map(|d| tuning.rate_window = Some(d)),
                "webhook-backoff" => duration().map(|d| tuning.webhook_backoff = d),
                _ => tuning.limits.tune(name, value),
            };
            tuned.map_err(|why| Error::input(format!("--tune: {why}")))?;
        }
        Ok(tuning)
    }
}

/// A listening sandbox: its address, its records and its HTTP server.
struct Sandbox {
    address: SocketAddr,
    app: Arc<App>,
    server: crate::server::Server,
}

impl Sandbox {
    fn start(options: &SandboxOptions, address: SocketAddr, out: &Arc<Output>) -> Result<Sandbox> {
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
                    out.warn(warning);
                }
                out.stderr_line(&format!(
                    "altur sandbox: {} record(s) loaded from {}",
                    opened.records,
                    output::for_terminal(&path.display().to_string())
                ));
                opened.store
            }
        };
        let tuning = Tuning::from_options(options)?;
        let webhooks = outbound_webhooks(options, &tuning, out)?;
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
        let mut faults = Faults::new(options.fail_rate, options.rate_limit, seed);
        if let Some(window) = tuning.rate_window {
            faults = faults.with_rate_window(window);
        }
        let app = Arc::new(App {
            key: options.sandbox_key.clone(),
            store,
            messages: messages::Messages::new(),
            faults,
            latency: Duration::from_millis(options.latency),
            campaigns,
            calls,
            log: request_log::RequestLog::from_options(options, out)?,
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
        let server = crate::server::Server::start(
            "altur sandbox",
            listener,
            app.clone(),
            tuning.limits,
            out.clone(),
        )
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
