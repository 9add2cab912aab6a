//! `altur sandbox serve|exec` (contract sections 9 and 19).

use super::*;

#[derive(Debug, Subcommand)]
pub enum SandboxCommand {
    /// Serve the local API until Ctrl-C
    ///
    /// Every documented endpoint under /api/v1.0, statefully, and stricter than the API (bodies
    /// are checked like the spec; unknown fields and query parameters are a 400 naming them).
    /// Only `Authorization: api-key KEY` with its key gets in. Point altur (or your own code)
    /// at it with ALTUR_BASE_URL and ALTUR_API_KEY, as printed at start. Each answer is logged
    /// on stderr (method, path, status, time; never the key), or to --log FILE, or not at all
    /// with --quiet.
    ///
    /// Seeded: the agent 11111111-1111-4111-8111-111111111111 and the integrations int_phone
    /// and int_whatsapp. Calls go queued, ringing, in-progress, ended over --call-seconds,
    /// with a small WAV recording (numbers ending in 0000 end busy, in 9999 no-answer);
    /// campaign 4821 comes with 24 finished calls. Everything but EndUsers lives in memory;
    /// --state keeps EndUsers in a file.
    ///
    /// Faults on purpose: --latency, --fail-rate (503s; --seed makes them repeatable by request number) and
    /// --rate-limit (429s with Retry-After). Limits that keep it up: heads over 64 KiB get 431,
    /// bodies over 1 MiB 413, broken framing 400, a head not complete within 10 s closes the
    /// connection, 1,024 connections at once. Ctrl-C or SIGTERM finishes the requests in
    /// progress and exits 0; a second signal stops it at once.
    #[command(after_help = SANDBOX_SERVE_HELP)]
    Serve(SandboxOptions),

    /// Run a command against a fresh sandbox, then stop it
    ///
    /// Starts a sandbox on a free loopback port, runs COMMAND once it accepts connections,
    /// with ALTUR_BASE_URL, ALTUR_API_KEY and ALTUR_SANDBOX_AGENT_ID pointing at it, stops the
    /// sandbox when the command ends, and exits with the command's exit code (128+N if it
    /// died of signal N). Takes the options of `sandbox serve`; see its help for what the
    /// sandbox serves.
    #[command(after_help = "\
Examples:
  altur sandbox exec -- altur enduser create --name \"Ada Lovelace\"
  altur sandbox exec --quiet -- altur call list --campaign 4821")]
    Exec {
        #[command(flatten)]
        options: SandboxOptions,

        /// The command and its arguments (after --)
        #[arg(last = true, required = true, value_name = "COMMAND")]
        command: Vec<OsString>,
    },
}

const SANDBOX_SERVE_HELP: &str = "\
Calls walk queued -> ringing -> in-progress -> ended over --call-seconds; numbers ending in 0000
end busy, in 9999 no-answer. An ended, answered call has a recording and a thread whose messages
(GET /message/THREAD_ID) are its transcript. Campaign calls are placed concurrency_limit at a
time (1-1000 on POST /campaigns, default 5).

--scenario FILE sets the odds of each outcome, so a script's filters have something to find. It
is one JSON object; every key is optional and an unknown key is refused:
  {\"answered_by\": {\"human\": 0.8, \"machine\": 0.2},
   \"status\": {\"ended\": 0.9, \"busy\": 0.1},
   \"tags\": {\"PROMESA\": 0.3, \"NO DEFINE\": 0.2},
   \"duration\": [20, 180],
   \"transcript\": [[\"AI\", \"Hola\"], [\"EU\", \"Pago el viernes\"]],
   \"extracted_data\": {\"monto\": [\"1500\", \"2000\"]}}
answered_by (human, machine, unknown) and status (ended, busy, no-answer, failed) are weights;
each tag is drawn on its own with its odds (0-1); duration is the range of seconds a call
reports; transcript is the lines (AI, EU, SYS) of every answered call, or a list of such
transcripts to draw one from; extracted_data gives each key's choices. Tags, data and
transcripts are those of answered calls.

With --seed N, ids and every drawn value repeat from run to run, and --fail-rate fails the same
request numbers; without it, ids differ between runs.

Examples:
  altur sandbox serve --quiet
  altur sandbox serve --scenario scenario.json --seed 7 --log requests.log
  altur sandbox serve --fail-rate 0.2 --seed 7 --rate-limit 50";

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

    /// Seed for every random value (ids, outcomes, faults), to make runs repeatable
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,

    /// The odds of the calls' outcomes, tags, durations, transcripts and data (a JSON file)
    #[arg(long, value_name = "FILE")]
    pub scenario: Option<PathBuf>,

    /// Seconds a call takes from queued to ended (decimals allowed, 0-3600)
    #[arg(long, default_value_t = 3.0, value_name = "N", value_parser = seconds_parser(0.0, 3600.0))]
    pub call_seconds: f64,

    /// Log no requests (the start-up and stop lines stay on stderr)
    #[arg(long, conflicts_with = "log")]
    pub quiet: bool,

    /// Append the request log (one line per request) to this file instead of stderr
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,

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
