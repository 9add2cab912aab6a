//! What every command gets from `lib.rs`: the settings (resolved once, when first asked for),
//! the client (built once, when a request is really sent: the key is read then), the one
//! [`Output`] (every byte printed), the one Ctrl-C handler, and the one place that decides
//! between `--dry-run` and sending.
//!
//! ```ignore
//! let call = GET.call(&[id]).if_unknown("...");
//! let Some(answer) = session.execute(&call)? else { return Ok(()) };  // None: dry run
//! ```

use std::sync::{Arc, OnceLock};

use crate::cli::{GlobalArgs, OutputFormat};
use crate::client::{Call, Client, Success};
use crate::config::{self, BaseUrl, ProfileRule, Settings};
use crate::error::{Error, Kind, Result};
use crate::interrupt::Interrupt;
use crate::output::Output;
use crate::secret::Secret;

/// The factory a command is handed: settings, client, output, Ctrl-C and dry run.
pub struct Session<'a> {
    global: &'a GlobalArgs,
    out: Arc<Output>,
    env: config::EnvLookup<'a>,
    rule: ProfileRule,
    settings: OnceLock<Arc<Settings>>,
    client: OnceLock<Arc<Client>>,
    interrupt: OnceLock<Interrupt>,
}

impl<'a> Session<'a> {
    /// A session for the global options `global`, read with `env`; `rule` says whether the
    /// selected profile must exist (every command but `auth login`); everything it prints goes
    /// through `out`. Nothing is resolved yet.
    pub fn new(
        global: &'a GlobalArgs,
        env: config::EnvLookup<'a>,
        rule: ProfileRule,
        out: Arc<Output>,
    ) -> Self {
        Session {
            global,
            out,
            env,
            rule,
            settings: OnceLock::new(),
            client: OnceLock::new(),
            interrupt: OnceLock::new(),
        }
    }

    /// The run's one output: results, notes, warnings and errors.
    pub fn out(&self) -> &Output {
        &self.out
    }

    /// [`Session::out`], shared, for threads and servers that print.
    pub fn shared_out(&self) -> Arc<Output> {
        self.out.clone()
    }

    /// The settings (flag > environment > profile > default), resolved on the first call.
    pub fn settings(&self) -> Result<&Settings> {
        if let Some(settings) = self.settings.get() {
            return Ok(settings);
        }
        let warn = |message: &str| self.out.warn(message);
        let settings = Settings::resolve_with(self.global, self.env, self.rule, &warn)?;
        Ok(self.settings.get_or_init(|| Arc::new(settings)))
    }

    /// The settings, shared, for work that outlives a borrow of the session (`mcp`'s tools).
    pub fn shared_settings(&self) -> Result<Arc<Settings>> {
        self.settings()?;
        Ok(self.settings.get().expect("resolved just above").clone())
    }

    /// `-o`, or a table on a terminal and JSON elsewhere; needs no settings.
    pub fn output_format(&self) -> OutputFormat {
        config::output_format(self.global)
    }

    /// The format results print in (`--jq` implies JSON when no `-o` is given).
    pub fn format(&self) -> Result<OutputFormat> {
        let settings = self.settings()?;
        Ok(self
            .out
            .format_for(settings.output, settings.output_explicit))
    }

    /// Whether errors print as one JSON object: only under an explicit `-o json`.
    pub fn json_errors(&self) -> bool {
        self.global.output == Some(OutputFormat::Json)
    }

    /// Whether `--dry-run` was given: print what would be sent, send nothing.
    pub fn dry_run(&self) -> bool {
        self.global.dry_run
    }

    /// The client for the API, built on first use; the key is read (and checked) then.
    pub fn client(&self) -> Result<&Client> {
        if let Some(client) = self.client.get() {
            return Ok(client);
        }
        let settings = self.settings()?;
        let client = Client::new(settings, settings.api_key()?, self.shared_out())?;
        Ok(self.client.get_or_init(|| Arc::new(client)))
    }

    /// [`Session::client`], shared, for downloads awaited on threads of their own.
    pub fn shared_client(&self) -> Result<Arc<Client>> {
        self.client()?;
        Ok(self.client.get().expect("built just above").clone())
    }

    /// A client for another key than the settings' (`auth login --verify` checks the key
    /// typed before saving it).
    pub fn client_with_key(&self, key: Secret) -> Result<Client> {
        Client::new(self.settings()?, key, self.shared_out())
    }

    /// The process's one Ctrl-C and SIGTERM handler, installed on first use in this session's
    /// error format. Until told otherwise, a signal prints "interrupted" and exits 130.
    pub fn interrupt(&self) -> &Interrupt {
        self.interrupt
            .get_or_init(|| Interrupt::install(self.json_errors(), self.shared_out()))
    }

    /// From now on Ctrl-C ends the program with 130 and `call`'s own word (its `if_unknown`)
    /// on what it may already have done.
    pub fn guard(&self, call: &Call) {
        let mut interrupted = Error::new(Kind::Interrupted, "interrupted");
        if let Some(hint) = &call.if_unknown {
            interrupted = interrupted.with_hint(hint.clone());
        }
        self.interrupt().exit_with(interrupted);
    }

    /// Prints `call` as the curl command that would send it (`--dry-run`), the key left to
    /// the shell. The one printer of every dry run to the API.
    pub fn print_call(&self, call: &Call) -> Result<()> {
        self.out.stdout(&call.to_curl(&self.settings()?.base_url))
    }

    /// What a command that sends `call` does first: under `--dry-run` print it and give
    /// `None`; otherwise the client (the key checked once), with Ctrl-C guarded for `call`.
    pub fn prepare(&self, call: &Call) -> Result<Option<&Client>> {
        if self.dry_run() {
            self.print_call(call)?;
            return Ok(None);
        }
        let client = self.client()?;
        self.guard(call);
        Ok(Some(client))
    }

    /// [`Session::prepare`] for a call to a URL of the user's own (a webhook handler): no key
    /// is ever sent there (nor printed), and the client never retries on its own.
    pub fn prepare_keyless(&self, call: &Call, url: &BaseUrl) -> Result<Option<Client>> {
        if self.dry_run() {
            self.out.stdout(&call.to_keyless_curl(url))?;
            return Ok(None);
        }
        let settings = self.settings()?;
        let client =
            Client::without_key(url, settings.timeout, settings.verbose, self.shared_out())?;
        self.guard(call);
        Ok(Some(client))
    }

    /// Sends `call` under its retry rules and gives its 2xx JSON answer; under `--dry-run`
    /// prints it and gives `None`.
    pub fn execute(&self, call: &Call) -> Result<Option<Success>> {
        match self.prepare(call)? {
            Some(client) => client.call(call).map(Some),
            None => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests;
