//! `altur webhook trigger|listen|verify` (contract section 18).

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SigningScheme {
    /// hex(HMAC-SHA256) over the body, the secret as text
    Hex,
    /// base64(HMAC-SHA256) over the body (compact JSON), the secret base64-decoded
    Base64,
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
