//! `altur sandbox serve|exec` (contract sections 9 and 19).

use super::*;

#[derive(Debug, Subcommand)]
pub enum SandboxCommand {
    /// Serve the local API until Ctrl-C
    ///
    /// Every endpoint of the API, in memory, on a loopback port; each request is logged on
    /// stderr. Point altur (or your own code) at it with ALTUR_BASE_URL and ALTUR_API_KEY, as
    /// printed at start. Faults (--latency, --fail-rate, --rate-limit) test retries.
    #[command(after_help = "\
Examples:
  altur sandbox serve
  altur sandbox serve --listen 127.0.0.1:9000 --state sandbox.state
  altur sandbox serve --fail-rate 0.2 --seed 7 --rate-limit 50")]
    Serve(SandboxOptions),

    /// Run a command against a fresh sandbox, then stop it
    ///
    /// Starts a sandbox on a free loopback port, runs COMMAND with ALTUR_BASE_URL,
    /// ALTUR_API_KEY and ALTUR_SANDBOX_AGENT_ID pointing at it, stops the sandbox when the
    /// command ends, and exits with the command's exit code.
    #[command(after_help = "\
Examples:
  altur sandbox exec -- altur enduser create --name \"Ada Lovelace\"
  altur sandbox exec --latency 200 -- bash ./scripts/onboard-customers.sh")]
    Exec {
        #[command(flatten)]
        options: SandboxOptions,

        /// The command and its arguments (after --)
        #[arg(last = true, required = true, value_name = "COMMAND")]
        command: Vec<OsString>,
    },
}

#[derive(Debug, Clone, Args)]
pub struct SandboxOptions {
    /// Address to listen on [default: 127.0.0.1:8787; exec: a free loopback port]
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<String>,

    /// The only API key the sandbox accepts
    #[arg(long = "api-key", default_value = crate::secret::PUBLIC_SANDBOX_KEY, value_name = "KEY")]
    pub sandbox_key: String,

    /// Keep records in this file so they survive a restart
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,

    /// Milliseconds added to every answer
    #[arg(long, default_value_t = 0, value_name = "MS")]
    pub latency: u64,

    /// Fraction of requests answered with 503 (0 to 1)
    #[arg(long, default_value_t = 0.0, value_name = "P")]
    pub fail_rate: f64,

    /// Requests allowed per second before answering 429
    #[arg(long, value_name = "N")]
    pub rate_limit: Option<u32>,

    /// Seed for the random faults, to make them repeatable
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,

    /// Seconds a call takes from queued to ended (decimals allowed, 0-3600)
    #[arg(long, default_value_t = 3.0, value_name = "N", value_parser = seconds_parser(0.0, 3600.0))]
    pub call_seconds: f64,

    /// Deliver signed webhooks (on_call_end, campaign.status_changed) to this URL of yours
    #[arg(long, value_name = "URL")]
    pub webhook_url: Option<String>,

    /// Sign them with the secret in this file [env: ALTUR_WEBHOOK_SECRET holds the secret]
    #[arg(long, value_name = "PATH", requires = "webhook_url")]
    pub webhook_secret_file: Option<PathBuf>,

    /// How to sign them
    #[arg(long, value_enum, value_name = "SCHEME", default_value_t = SigningScheme::Base64)]
    pub webhook_scheme: SigningScheme,
}
