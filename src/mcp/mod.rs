//! `altur mcp` (contract section 22): the API as tools for AI assistants, a Model Context
//! Protocol server on stdio built with `rmcp`, on a current-thread tokio runtime.
//!
//! [`tools`] is the catalogue (generated from the operation registry), [`args`] checks a
//! call's arguments, [`call`] sends it through the `client` module, `crate::transcript` and
//! [`verify`] are the two tools that are not one request.

mod args;
mod call;
mod outcome;
mod stdin;
mod tools;
mod verify;

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::Arc;

use rmcp::model::{
    CallToolRequestParams, CallToolResponse, CallToolResult, ContentBlock, CustomRequest,
    CustomResult, ErrorCode, ErrorData, Implementation, ListToolsResult, PaginatedRequestParams,
    ProtocolVersion, ServerCapabilities, ServerConfig, Tool,
};
use rmcp::service::{RequestContext, ServerInitializeError};
use rmcp::{RoleServer, ServerHandler, ServiceExt};

use crate::cli::Policy;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::registry::Toolset;
use crate::session::Session;
use call::Runner;
use tools::{Selection, Spec};

/// The newest revision answered; a later one asked for is answered with this.
const NEWEST: ProtocolVersion = ProtocolVersion::V_2025_11_25;

const MCP_HELP: &str = "\
Speaks the Model Context Protocol on stdin and stdout, for an AI assistant that starts it. The
key is read like every command's (ALTUR_API_KEY, --api-key-file, the profile), never from a
tool argument. Read-only tools only, unless --allow-writes; tools that call or message people
(call_start, message_send, campaign_activate, campaign_resume) also need --allow-contact.

Examples:
  altur mcp --list-tools
  altur mcp --list-tools --toolsets campaigns,calls --allow-writes
  altur mcp --allow-writes --dir recordings";

/// Serve the API as tools to an AI assistant (Model Context Protocol on stdio)
#[derive(Debug, clap::Args)]
#[command(after_help = MCP_HELP)]
pub(crate) struct Args {
    /// Offer only these toolsets: endusers, messages, calls, campaigns, contacts, webhooks
    /// [default: all]
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    pub(crate) toolsets: Vec<String>,

    /// Offer only these tools (names as --list-tools prints them)
    #[arg(long, value_delimiter = ',', value_name = "LIST")]
    pub(crate) tools: Vec<String>,

    /// Also offer the tools that change data (create, update, delete, save a recording)
    #[arg(long)]
    pub(crate) allow_writes: bool,

    /// Also offer the tools that reach real people (needs --allow-writes)
    #[arg(long, requires = "allow_writes")]
    pub(crate) allow_contact: bool,

    /// The folder call_recording_save writes under [default: the current folder]
    #[arg(long, value_name = "DIR")]
    pub(crate) dir: Option<PathBuf>,

    /// Print the names of the tools a session with these flags offers, one per line, and exit
    #[arg(long)]
    pub(crate) list_tools: bool,
}

/// A server on stdio: it prints protocol messages only, and never sends on its own.
pub(crate) const POLICY: Policy = Policy::STRICT;

/// Runs `altur mcp`: prints the tool names (`--list-tools`), or serves until stdin ends.
pub(crate) fn run(session: &Session, args: &Args) -> Result<i32> {
    let settings = session.shared_settings()?;
    let selection = selection(args)?;
    let specs = selection.tools()?;
    if args.list_tools {
        let mut names = String::new();
        for spec in &specs {
            names.push_str(spec.name);
            names.push('\n');
        }
        session.out().stdout(&names)?;
        return Ok(0);
    }
    let dir = args.dir.clone().unwrap_or_else(|| ".".into());
    if !dir.is_dir() {
        return Err(Error::input(format!(
            "--dir {} is not a folder",
            crate::output::for_terminal(&dir.display().to_string())
        ))
        .with_hint("create it first: call_recording_save writes under it"));
    }
    let server = Server {
        tools: Arc::new(specs.iter().map(|spec| tools::describe(spec)).collect()),
        specs,
        runner: Arc::new(Runner::new(settings, dir, session.shared_out())),
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::internal(format!("cannot start the MCP server: {e}")))?;
    runtime.block_on(serve(server, session.shared_out()))
}

async fn serve(server: Server, out: Arc<Output>) -> Result<i32> {
    let running = match server
        .serve((stdin::json_lines(out), tokio::io::stdout()))
        .await
    {
        Ok(running) => running,
        // stdin ended before `initialize`: nothing went wrong, nothing to serve.
        Err(ServerInitializeError::ConnectionClosed(_)) => return Ok(0),
        Err(e) => {
            return Err(Error::internal(format!(
                "the MCP session did not start: {e}"
            )));
        }
    };
    running
        .waiting()
        .await
        .map_err(|e| Error::internal(format!("the MCP server stopped: {e}")))?;
    Ok(0)
}

fn selection(args: &Args) -> Result<Selection> {
    let mut toolsets = Vec::new();
    for name in &args.toolsets {
        let Some(toolset) = Toolset::parse(name) else {
            let known: Vec<&str> = Toolset::ALL.iter().map(|t| t.name()).collect();
            return Err(
                Error::input(format!("--toolsets: no toolset is named '{name}'"))
                    .with_hint(format!("the toolsets are {}", known.join(", "))),
            );
        };
        toolsets.push(toolset);
    }
    Ok(Selection {
        toolsets,
        tools: args.tools.clone(),
        allow_writes: args.allow_writes,
        allow_contact: args.allow_contact,
    })
}

/// One MCP session's tools.
struct Server {
    specs: Vec<&'static Spec>,
    tools: Arc<Vec<Tool>>,
    runner: Arc<Runner>,
}

impl ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(
                Implementation::new("altur", env!("CARGO_PKG_VERSION")).with_title("Altur API"),
            )
            .with_protocol_version(NEWEST)
            .with_instructions(
                "Tools for the Altur API (AI agents that phone and message customers). Lists \
                 return at most `limit` items and an `after` token for the next ones.",
            )
    }

    fn supported_protocol_versions(&self) -> Cow<'static, [ProtocolVersion]> {
        Cow::Borrowed(ProtocolVersion::known_up_to(&NEWEST))
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> std::result::Result<ListToolsResult, ErrorData> {
        Ok(ListToolsResult::with_all_items(self.tools.as_ref().clone()))
    }

    /// rmcp hands over what it could not read as a known request: an unknown method (-32601),
    /// or a `tools/call` whose params are malformed, such as `arguments` that is not an object
    /// (-32602, so the client learns what to fix).
    async fn on_custom_request(
        &self,
        request: CustomRequest,
        _context: RequestContext<RoleServer>,
    ) -> std::result::Result<CustomResult, ErrorData> {
        let method = crate::secret::redact(&request.method).into_owned();
        if method == "tools/call" {
            return Err(ErrorData::invalid_params(
                "tools/call takes `name` (a string) and `arguments` (an object)",
                None,
            ));
        }
        Err(ErrorData::new(
            ErrorCode::METHOD_NOT_FOUND,
            format!("unknown method: {method}"),
            None,
        ))
    }

    fn get_tool(&self, name: &str) -> Option<Tool> {
        self.tools.iter().find(|t| t.name == name).cloned()
    }

    async fn call_tool(
        &self,
        request: CallToolRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> std::result::Result<CallToolResponse, ErrorData> {
        let Some(spec) = self.specs.iter().find(|s| s.name == request.name).copied() else {
            return Err(ErrorData::invalid_params(
                format!(
                    "this session has no tool named '{}' (see tools/list; writes need \
                     --allow-writes, calls and messages --allow-contact)",
                    crate::secret::redact(&request.name)
                ),
                None,
            ));
        };
        let arguments = request.arguments.unwrap_or_default();
        let runner = self.runner.clone();
        let outcome = tokio::task::spawn_blocking(move || {
            let args = args::Args::check(spec, &arguments)?;
            runner.run(spec, &args)
        })
        .await
        .unwrap_or_else(|e| Err(format!("the tool failed: {e}")));
        Ok(CallToolResponse::Complete(result_of(outcome)))
    }
}

/// A tool result: lists and objects as structured content and as their JSON text; the
/// transcript as text; an error as text with `isError`.
fn result_of(outcome: outcome::Outcome) -> CallToolResult {
    match outcome {
        Ok(serde_json::Value::String(text)) => {
            CallToolResult::success(vec![ContentBlock::text(text)])
        }
        Ok(value @ serde_json::Value::Object(_)) => CallToolResult::structured(value),
        Ok(value) => CallToolResult::structured(serde_json::json!({ "result": value })),
        Err(message) => CallToolResult::error(vec![ContentBlock::text(message)]),
    }
}
