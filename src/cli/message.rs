//! `altur message`, `altur thread` and `altur chat` (contract section 14).

use super::*;

/// `--tz`, for `-o transcript`.
#[derive(Debug, Args)]
pub struct TzArg {
    /// The zone of -o transcript's times: UTC (the default), an offset (+05:30, -06:00) or a tz
    /// database name (America/Mexico_City, read from $TZDIR or /usr/share/zoneinfo)
    #[arg(long, value_name = "ZONE", allow_hyphen_values = true)]
    pub tz: Option<String>,
}

impl TzArg {
    pub fn as_deref(&self) -> Option<&str> {
        self.tz.as_deref()
    }
}

/// `altur chat` (contract section 14).
#[derive(Debug, Args)]
#[command(
    group(clap::ArgGroup::new("who").required(true).args(["enduser", "name"])),
    after_help = "\
Each line read is sent as a message; an empty line is skipped; /quit or end of input ends the
chat. On a terminal there is a prompt with line editing and replies show as `agent> ...`; on a
pipe only the replies are printed, one per line (-o ndjson: one MessageResponse per line). A
failed send is reported and the chat goes on (--fail-fast stops); the exit code is the first
failure's.

Examples:
  altur chat --agent \"$AGENT\" --name \"Ada Lovelace\"
  printf 'hi\\nprice?\\n' | altur chat --agent \"$AGENT\" --enduser \"$EU\" -o ndjson"
)]
pub struct ChatArgs {
    /// The agent to talk to
    #[arg(long, value_name = "AGENT_ID")]
    pub agent: String,

    /// Talk as this EndUser (a UUID)
    #[arg(long, value_name = "UUID")]
    pub enduser: Option<String>,

    /// Create an EndUser with this name first and talk as them (the id goes to stderr)
    #[arg(long, visible_alias = "display-name", value_name = "NAME")]
    pub name: Option<String>,

    /// Stop at the first failed message
    #[arg(long)]
    pub fail_fast: bool,
}
