//! `altur message send`: posts one message and prints the agent's replies.

use serde_json::{Value, json};

use super::{message_text, replies_of, send_call};
use crate::cli::OutputFormat;
use crate::cli::Policy;
use crate::error::Result;
use crate::ids::{EndUserId, OpaqueId};
use crate::output::{self, Output, Resource};
use crate::session::Session;
use std::path::PathBuf;

/// The agent's replies in `message send`'s table: one row per message.
const REPLY: Resource = Resource {
    name: "message",
    fields: &["sent_at", "sent_by", "type", "content"],
    columns: &["sent_at", "sent_by", "type", "content"],
    id: "thread_id",
    wrapper: None,
};

/// Send an EndUser's message to an agent and print the agent's replies
#[derive(Debug, clap::Args)]
#[command(after_help = "\
The message is never sent twice: if the answer is lost, altur says the outcome is unknown (exit 7)
and the message may have been delivered.

Examples:
  altur message send --agent \"$AGENT\" --enduser \"$ENDUSER\" --content \"Hours?\"
  altur message send --agent \"$AGENT\" --enduser \"$ENDUSER\" \\
      --content-file question.txt -o json")]
#[command(group(clap::ArgGroup::new("message").required(true).args(["content", "content_file"])))]
pub(crate) struct Args {
    /// The agent that answers
    #[arg(long, value_name = "AGENT_ID")]
    pub(crate) agent: OpaqueId,

    /// The EndUser who sends the message (a UUID)
    #[arg(long, value_name = "UUID")]
    pub(crate) enduser: EndUserId,

    /// The message
    #[arg(long, value_name = "TEXT")]
    pub(crate) content: Option<String>,

    /// Read the message from a file (- for stdin)
    #[arg(long, value_name = "PATH")]
    pub(crate) content_file: Option<PathBuf>,
}

pub(crate) const POLICY: Policy = Policy::READ;

/// `altur message send`: posts the message (never twice; Ctrl-C says it may have been
/// delivered) and prints the agent's replies.
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    let content = super::content_from(args.content.as_deref(), args.content_file.as_deref())?;
    let call = send_call(args.agent.as_str(), args.enduser.as_str(), &content);
    let Some(answer) = session.execute(&call)? else {
        return Ok(()); // --dry-run
    };
    print_send_answer(session.out(), &answer.body, session.format()?)
}

/// `-o json` the whole MessageResponse, `-o id` the thread's id, `-o table` the replies.
fn print_send_answer(out: &Output, answer: &Value, format: OutputFormat) -> Result<()> {
    if let Some(jq) = out.jq() {
        return out.print_jq(jq, answer);
    }
    match format {
        OutputFormat::Json => out.print_json(answer),
        OutputFormat::Ndjson => out.stdout(&format!("{}\n", output::compact(answer))),
        OutputFormat::Id => match answer.pointer("/thread/id").and_then(Value::as_str) {
            Some(id) => out.stdout(&format!("{id}\n")),
            None => {
                out.warn("the answer has no thread id to print");
                Ok(())
            }
        },
        // -o csv and -o transcript are refused for `message send` by its policy.
        OutputFormat::Table | OutputFormat::Csv | OutputFormat::Transcript => {
            let replies = replies_of(answer);
            if replies.is_empty() {
                out.note("the agent sent no reply");
                return Ok(());
            }
            let mut printer = output::ListPrinter::new(out, &REPLY, OutputFormat::Table);
            for reply in replies {
                // The text column says what media messages are, too.
                let mut row = reply.clone();
                if let Value::Object(fields) = &mut row {
                    fields.insert("content".to_owned(), json!(message_text(reply)));
                }
                printer.item(&row)?;
            }
            printer.finish()
        }
    }
}
