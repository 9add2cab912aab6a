//! `altur enduser import FILE`: the import engine ([`crate::commands::import`]) with
//! EndUsers as its records, one request each. Its long help is the import's reference (formats,
//! results, exit codes, journals): what the README tour leaves out lives here, next to the flags.

use crate::cli::{ImportArgs, Policy};
use crate::commands::import::{ENDUSER, run_kind};
use crate::error::Result;
use crate::session::Session;

/// Create many EndUsers from an NDJSON, CSV or JSON file
#[derive(Debug, clap::Args)]
#[command(long_about = ENDUSER_IMPORT_ABOUT, after_long_help = ENDUSER_IMPORT_DETAILS)]
#[command(after_help = ENDUSER_IMPORT_EXAMPLES)]
pub(crate) struct Args {
    #[command(flatten)]
    pub(crate) import: ImportArgs,
}

pub(crate) const POLICY: Policy = Policy::STRICT;

/// EndUsers from a file, streamed, sent in order, journaled, stopped cleanly by Ctrl-C.
pub(crate) fn run(session: &Session, args: &Args) -> Result<()> {
    run_kind(session, &args.import, &ENDUSER)
}

macro_rules! import_examples {
    () => {
        "\
Examples:
  altur enduser import users.csv --validate-only > /dev/null && echo \"all valid\"
  altur enduser import users.csv
  jq -c '.customers[]' export.json | altur enduser import - --journal ex.journal"
    };
}

const ENDUSER_IMPORT_EXAMPLES: &str = import_examples!();

const ENDUSER_IMPORT_ABOUT: &str = "\
Create many EndUsers from an NDJSON, CSV or JSON file

Streaming: records are read, checked and sent as the file is read, so a 1 GB file needs no more
memory than a 1 MB one; from a pipe, records are sent as they arrive. A bad record does not stop
the run (--fail-fast does); --validate-only checks every record and sends nothing (--dry-run is
refused: use --validate-only).";

const ENDUSER_IMPORT_DETAILS: &str = concat!(
    "\
Input formats (from the extension: .ndjson or .jsonl, .csv, .json; --format overrides; - reads
stdin, NDJSON unless --format says otherwise):
  NDJSON  one JSON object per line: display_name and, optionally, info. Blank lines are not
          records; a line that is not JSON is a failed record (with its line and column). A
          first line that reads as a CSV header is refused (exit 2: add --format csv).
  CSV     a header naming display_name (or name) and, optionally, info, in any case, separated
          by commas, semicolons or tabs (found from the header; --delimiter overrides). Quoted
          fields may hold commas, quotes (\"\") and newlines; a UTF-8 BOM is ignored; an empty
          info cell leaves info out. A quote never closed is an error naming the record and
          the line it opened on (exit 2; what came before was sent). A line equal to the header,
          a wrong field count or invalid UTF-8 fails that record (with its line) and the run
          goes on. An unknown column is refused (exit 2) with the accepted columns.
  JSON    an array of objects, read element by element (never loaded whole).

Results: one NDJSON line per record on stdout, in input order whatever --concurrency:
  {\"record\":1,\"status\":\"created\",\"id\":\"3f2b8c1e-...\"}
  created    the server answered 2xx; id is the new EndUser's
  failed     nothing was created: invalid (not sent), refused by the API, or unreachable
  uncertain  it may have reached the server, but the outcome is unknown (timeout after
             sending, connection lost, a 5xx): never sent again on its own; check first
  skipped    an earlier run with the same journal created it
  valid      (--validate-only) the record would be sent
A progress line on a terminal's stderr, and always a summary at the end:
  altur: import: 1998 created, 1 failed, 0 skipped, 1 uncertain in 2.31 s (865 records/s)

Concurrency: --concurrency N requests in flight over kept-alive connections; the reader stays
at most 4 x N + 64 records ahead. HTTP 429 pauses every worker for Retry-After (at least 1 s,
doubling while 429s go on, at most 60 s); the turned-away records are sent again without using
up --retries, and each is journaled once.

Journal: kept by default for a file, under $XDG_STATE_HOME (or ~/.local/state)/altur/imports/,
named after the input's absolute path; --journal PATH chooses another (not a symlink),
--no-journal keeps none, stdin has none unless --journal is given. An append-only file (mode
0600), one line per event, synced before each result is printed, locked while a run uses it. A run again with the same input and journal
skips what was created, sends again what failed or was never sent, and reports what was in
flight or uncertain as uncertain without sending it (--resend-uncertain sends it: check first,
or accept duplicates). Records may be edited in place between runs to fix failures: a created
record that changed since is failed, not sent twice. A journal of another input is refused
(exit 2). Ctrl-C, SIGTERM or `timeout -s INT` lets the requests in flight finish and be
journaled, prints the summary and exits 130 (signals within 0.5 s count as one); a second
Ctrl-C after that quits at once.

Exit codes: 0 every record created, skipped or valid; 9 some failed or are uncertain; 2 the
input as a whole cannot be read (missing file, unknown CSV column, CSV given as NDJSON, a JSON
file that is not an array, a record over 1 MiB), or the journal belongs to another input or is
in use; 4 the API key was refused (the run stops at once); 6 20 records in a row could not be
sent (the server looks down); 8 still rate-limited after 5 minutes without a success; 130
interrupted, or stdout closed (`... | head -1`).

",
    import_examples!()
);
