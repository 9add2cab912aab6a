//! stdin as the MCP session reads it: lines that are not JSON are dropped with a note on
//! stderr (as the official SDKs do: answering junk can start a storm between two peers);
//! every other line goes on to rmcp, which answers what is not a message with -32600.

use serde::de::IgnoredAny;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, DuplexStream};

use crate::output::Output;
use std::sync::Arc;

/// Lines of up to this many bytes pass at once; longer ones still pass, in pieces.
const BUFFER: usize = 64 * 1024;

/// The reading end of stdin's JSON lines; the task that fills it ends with stdin. Notes go
/// to `out`'s stderr.
pub(crate) fn json_lines(out: Arc<Output>) -> DuplexStream {
    let (reader, mut writer) = tokio::io::duplex(BUFFER);
    tokio::spawn(async move {
        let mut lines = BufReader::new(tokio::io::stdin()).lines();
        while let Ok(Some(line)) = lines.next_line().await {
            if !is_json(&line) {
                out.note("mcp: dropped a line of stdin that is not JSON");
                continue;
            }
            if writer.write_all(line.as_bytes()).await.is_err()
                || writer.write_all(b"\n").await.is_err()
            {
                break;
            }
        }
        // Dropping the writer is the end of input for the session.
    });
    reader
}

/// Whether a line is JSON (blank lines pass: the transport skips them).
pub(crate) fn is_json(line: &str) -> bool {
    line.trim().is_empty() || serde_json::from_str::<IgnoredAny>(line).is_ok()
}
