//! `altur message`, `altur thread` and `altur chat` (contract section 14).

use super::*;
use crate::ids::{OpaqueId, text_of};

#[derive(Debug, Subcommand)]
pub enum MessageCommand {
    /// Send an EndUser's message to an agent and print the agent's replies
    #[command(after_help = "\
The message is never sent twice: if the answer is lost, altur says the outcome is unknown (exit 7)
and the message may have been delivered.

Examples:
  altur message send --agent \"$AGENT\" --enduser \"$ENDUSER\" --content \"Hours?\"
  altur message send --agent \"$AGENT\" --enduser \"$ENDUSER\" \\
      --content-file question.txt -o json")]
    Send(MessageSendArgs),

    /// List a thread's messages, oldest first
    ///
    /// Each message shows its time, who sent it (AI, EU for the EndUser, SYS) and the text, or
    /// `[image] URL` for media; -o json is the array as received, -o ndjson one message a line,
    /// -o csv a header and one row a message (an empty thread: the header alone), -o
    /// transcript one `[time] Agent: text` line a message.
    #[command(after_help = "\
Examples:
  altur message list \"$THREAD\" -o table
  altur message list \"$THREAD\" -o transcript --tz America/Mexico_City
  altur message list \"$THREAD\" -o csv --fields sent_at,sent_by,content")]
    List {
        /// The thread's id (from `message send -o json` or `thread get`)
        #[arg(value_name = "THREAD_ID", value_parser = text_of::<OpaqueId>)]
        thread_id: String,

        #[command(flatten)]
        tz: TzArg,
    },
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("message").required(true).args(["content", "content_file"])))]
pub struct MessageSendArgs {
    /// The agent that answers
    #[arg(long, value_name = "AGENT_ID")]
    pub agent: String,

    /// The EndUser who sends the message (a UUID)
    #[arg(long, value_name = "UUID")]
    pub enduser: String,

    /// The message
    #[arg(long, value_name = "TEXT")]
    pub content: Option<String>,

    /// Read the message from a file (- for stdin)
    #[arg(long, value_name = "PATH")]
    pub content_file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum ThreadCommand {
    /// Fetch a thread with its agent, EndUser, integration, tags and assignees
    ///
    /// The API's older field names (chatbot, enduser) are read as well as the current ones
    /// (agent, end_user); -o json is the body as received; -o transcript reads the thread's
    /// messages: a header, then one `[time] Agent: text` line a message (Agent, Customer,
    /// System), times in UTC unless --tz.
    #[command(after_help = "\
Examples:
  altur thread get \"$THREAD\"
  altur thread get \"$THREAD\" -o json | jq .agent.id
  altur thread get \"$THREAD\" -o transcript --tz -06:00")]
    Get {
        /// The thread's id
        #[arg(value_name = "THREAD_ID", value_parser = text_of::<OpaqueId>)]
        id: String,

        #[command(flatten)]
        tz: TzArg,
    },
}

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
