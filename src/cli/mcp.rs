//! `altur mcp` (contract section 22): the flags that choose which tools a session offers.

use std::path::PathBuf;

use clap::Args;

const MCP_HELP: &str = "\
Speaks the Model Context Protocol on stdin and stdout, for an AI assistant that starts it. The
key is read like every command's (ALTUR_API_KEY, --api-key-file, the profile), never from a
tool argument. Read-only tools only, unless --allow-writes; tools that call or message people
(call_start, message_send, campaign_activate, campaign_resume) also need --allow-contact.

Examples:
  altur mcp --list-tools
  altur mcp --list-tools --toolsets campaigns,calls --allow-writes
  altur mcp --allow-writes --dir recordings";

/// `altur mcp`.
#[derive(Debug, Args)]
#[command(after_help = MCP_HELP)]
pub struct McpArgs {
    /// Offer only these toolsets: endusers, messages, calls, campaigns, contacts, webhooks
    /// [default: all]
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    pub toolsets: Vec<String>,

    /// Offer only these tools (names as --list-tools prints them)
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    pub tools: Vec<String>,

    /// Also offer the tools that change data (create, update, delete, save a recording)
    #[arg(long)]
    pub allow_writes: bool,

    /// Also offer the tools that reach real people (needs --allow-writes)
    #[arg(long, requires = "allow_writes")]
    pub allow_contact: bool,

    /// The folder call_recording_save writes under [default: the current folder]
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Print the names of the tools a session with these flags offers, one per line, and exit
    #[arg(long)]
    pub list_tools: bool,
}
