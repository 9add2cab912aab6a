//! `altur api`: any endpoint (contract section 11).

use super::*;

/// `altur api [METHOD] PATH ...` (contract section 11).
#[derive(Debug, Clone, Args)]
#[command(override_usage = "altur api [OPTIONS] [METHOD] PATH")]
#[command(after_help = "\
PATH is relative to the base URL (/campaigns/42), or a full URL under it. METHOD defaults to GET,
or POST when fields or --input give a body; with an explicit GET or DELETE, fields become query
parameters. A JSON answer up to 10 MiB is pretty-printed (or filtered by --jq); any other answer
is written as received, byte for byte.

Examples:
  altur api /campaigns --query status=active --paginate --jq '.campaigns[].name'
  altur api POST /campaigns --input campaign.json \\
      --idempotency-key \"$(cat /proc/sys/kernel/random/uuid)\"
  altur api PATCH /campaigns/42 -f name='Spring' -F retries=3")]
pub struct ApiArgs {
    /// [METHOD] PATH: GET, POST, PUT, PATCH or DELETE, then the path or a URL under the base URL
    #[arg(value_name = "METHOD_PATH", num_args = 1..=2, required = true)]
    pub target: Vec<String>,

    /// Add a string field to the JSON body (or the query, for GET and DELETE)
    #[arg(short = 'f', long = "raw-field", value_name = "KEY=VALUE")]
    pub raw_fields: Vec<String>,

    /// Add a JSON field to the body: -F retries=3, -F 'cycles={"enabled":true}'
    #[arg(short = 'F', long = "field", value_name = "KEY=JSON")]
    pub fields: Vec<String>,

    /// Add a query parameter (percent-encoded; sent on every page of --paginate)
    #[arg(long = "query", value_name = "KEY=VALUE")]
    pub query: Vec<String>,

    /// Send this file (- for stdin) as the body instead of fields
    #[arg(long, value_name = "FILE", conflicts_with_all = ["raw_fields", "fields"])]
    pub input: Option<PathBuf>,

    /// Add a request header ('Name: value'); Authorization cannot be set
    #[arg(short = 'H', long = "header", value_name = "NAME: VALUE")]
    pub headers: Vec<String>,

    /// Print the status line and headers before the body
    #[arg(short = 'i', long)]
    pub include: bool,

    /// Send this Idempotency-Key, which makes a POST or PATCH safe to re-send
    #[arg(long, value_name = "KEY")]
    pub idempotency_key: Option<String>,

    /// Follow the API's paging (GET only): each page as one JSON line
    #[arg(long)]
    pub paginate: bool,

    /// With --paginate: print one JSON array of the pages (--jq then runs once over it)
    #[arg(long, requires = "paginate")]
    pub slurp: bool,
}
