//! `altur sandbox serve|exec` (contract sections 9 and 19).

use super::*;

#[derive(Debug, Subcommand)]
pub enum SandboxCommand {
    /// Serve the local API until Ctrl-C
    Serve(SandboxOptions),

    /// Run a command against a fresh sandbox, then stop it
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

    /// Lower the server's limits, NAME=VALUE,... (for tests and benchmarks)
    #[arg(long, hide = true, value_name = "NAME=VALUE", value_delimiter = ',')]
    pub tune: Vec<String>,
}
