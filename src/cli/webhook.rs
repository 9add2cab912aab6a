//! `altur webhook trigger|listen|verify` (contract section 18).

use super::*;

#[derive(Debug, Subcommand)]
pub enum WebhookCommand {
    /// Check an X-Altur-Signature against the body it came with
    #[command(after_help = WEBHOOK_VERIFY_HELP)]
    Verify(WebhookVerifyArgs),

    /// Send a signed sample event to your webhook handler
    #[command(after_help = WEBHOOK_TRIGGER_HELP)]
    Trigger(WebhookTriggerArgs),

    /// Receive webhooks locally: verify and print each delivery, optionally forward it
    #[command(after_help = WEBHOOK_LISTEN_HELP)]
    Listen(WebhookListenArgs),
}

const WEBHOOK_TRIGGER_HELP: &str = "\
The event is a realistic sample (fields as documented, fresh ids, the current time), sent as
compact JSON with non-ASCII escaped, as Python's json.dumps writes it, and signed over exactly
those bytes. The event sent goes to stdout; the signature header and your handler's status (and
the first 200 characters of its answer) to stderr. No API key is ever sent to the URL.

Exit codes: 0 your handler answered 2xx, 3 any 4xx, 5 a 5xx, 6 or 7 network failures, 2 no
secret, an unknown event or a bad --set.

Examples:
  altur webhook trigger --list
  altur webhook trigger on_call_end --url http://127.0.0.1:3000/hooks \\
      --secret-file secret.txt
  altur webhook trigger campaign.status_changed --url https://example.com/hook \\
      --set data.campaign.status='\"paused\"' --scheme hex";

const WEBHOOK_LISTEN_HELP: &str = "\
Each POST (any path) is verified against the secret and printed on stdout as one NDJSON line:
  {\"received_at\":\"...\",\"verified\":true,\"scheme\":\"base64\",\"event\":{...}}
and answered 200 when verified, 400 when not (an unsigned delivery is not verified). Without a
secret, deliveries are printed with \"verified\":null and answered 200. Bodies over 1 MiB get 413.
With --forward-to, the original body and signature of each verified delivery are posted to your
handler, and the sender gets your handler's status. Ctrl-C or SIGTERM stops it (exit 0).

Examples:
  altur webhook listen --secret-file secret.txt
  altur webhook listen --listen 127.0.0.1:9000 --secret-file secret.txt \\
      --forward-to http://127.0.0.1:3000/hooks --events on_call_end";

#[derive(Debug, Args)]
pub struct WebhookTriggerArgs {
    /// The event to send (see --list)
    #[arg(value_name = "EVENT", required_unless_present = "list")]
    pub event: Option<String>,

    /// Your webhook handler's URL (any http or https URL; the API key is never sent to it)
    #[arg(long, value_name = "URL", required_unless_present = "list")]
    pub url: Option<String>,

    #[command(flatten)]
    pub secret: WebhookSecretArgs,

    /// How to sign
    #[arg(long, value_enum, value_name = "SCHEME", default_value_t = SigningScheme::Base64)]
    pub scheme: SigningScheme,

    /// Override a field of the sample by dotted path: --set end_user.display_name='"Ada"'
    #[arg(long = "set", value_name = "PATH=JSON")]
    pub sets: Vec<String>,

    /// Print the events this can send, and nothing else
    #[arg(long, conflicts_with_all = ["url", "sets"])]
    pub list: bool,
}

#[derive(Debug, Args)]
pub struct WebhookListenArgs {
    /// Address to listen on
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8788")]
    pub listen: String,

    #[command(flatten)]
    pub secret: WebhookSecretArgs,

    /// Post each verified delivery (original body and signature) to this URL of yours
    #[arg(long, value_name = "URL")]
    pub forward_to: Option<String>,

    /// Keep only these event types (comma-separated); others are answered 200 and dropped
    #[arg(long, value_name = "EVENTS", value_delimiter = ',')]
    pub events: Vec<String>,

    /// Lower the server's limits, NAME=VALUE,... (for tests and benchmarks)
    #[arg(long, hide = true, value_name = "NAME=VALUE", value_delimiter = ',')]
    pub tune: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SigningScheme {
    /// hex(HMAC-SHA256) over the body, the secret as text
    Hex,
    /// base64(HMAC-SHA256) over the body (compact JSON), the secret base64-decoded
    Base64,
}

const WEBHOOK_VERIFY_HELP: &str = "\
Schemes (the public docs describe both):
  hex     hex(HMAC-SHA256(key = the secret's UTF-8 bytes, message = the raw body))
  base64  base64(HMAC-SHA256(key = base64-decode(secret), message = the body as compact JSON,
          key order kept; non-ASCII escaped or not, or the raw body: all three are tried))

In your own handler, sign the exact bytes received: for hex the raw body; for base64, in Python,
json.dumps(json.loads(body), separators=(\",\", \":\")), then compare with hmac.compare_digest.

Exit codes: 0 the signature matches (the scheme is printed), 10 it does not, 2 a signature that
is neither hex nor base64, no secret, or an unreadable body.

Examples:
  altur webhook verify body.json --signature \"$SIG\" --secret-file secret.txt
  ALTUR_WEBHOOK_SECRET=... altur webhook verify - --signature \"$SIG\" < body.json";

#[derive(Debug, Args)]
pub struct WebhookVerifyArgs {
    /// The body exactly as received (- for stdin)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The X-Altur-Signature header's value
    #[arg(long, value_name = "SIG")]
    pub signature: String,

    #[command(flatten)]
    pub secret: WebhookSecretArgs,

    /// The scheme to check
    #[arg(long, value_enum, value_name = "SCHEME", default_value_t = SchemeChoice::Auto)]
    pub scheme: SchemeChoice,
}

/// Where the webhook secret comes from: never argv.
#[derive(Debug, Args)]
pub struct WebhookSecretArgs {
    /// Read the webhook secret from this file [env: ALTUR_WEBHOOK_SECRET holds the secret itself]
    #[arg(long, value_name = "PATH")]
    pub secret_file: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemeChoice {
    /// Try both schemes
    Auto,
    /// hex(HMAC-SHA256) over the raw body, the secret as text
    Hex,
    /// base64(HMAC-SHA256) over compact JSON, the secret base64-decoded
    Base64,
}
