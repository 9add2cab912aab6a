//! `altur enduser` and its bulk import (contract sections 1 and 8).

use super::*;

/// The fields of an EndUser, from flags or a JSON file.
#[derive(Debug, Default, Clone, Args)]
pub struct EnduserFields {
    /// Display name
    #[arg(long, visible_alias = "display-name", value_name = "NAME")]
    pub name: Option<String>,

    /// Information for the agents
    #[arg(long, value_name = "TEXT", conflicts_with = "info_file")]
    pub info: Option<String>,

    /// Read the info text from a file (- for stdin)
    #[arg(long, value_name = "PATH")]
    pub info_file: Option<PathBuf>,

    /// Read fields from a JSON object in FILE (- for stdin); flags override its fields
    #[arg(long, value_name = "FILE")]
    pub input: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
#[command(mut_args(in_place("concurrency", |arg| {
    concurrency(arg, "Requests in flight", 64)
})))]
pub struct ImportArgs {
    /// Input file, or - for stdin
    pub file: PathBuf,

    /// Input format [default: from the file's extension; ndjson for stdin]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ImportFormat>,

    #[command(flatten)]
    pub concurrency: Concurrency,

    #[command(flatten)]
    pub run: BulkRunArgs,
}

/// How a bulk import runs, for every kind of record (`enduser import`, `contact import`).
#[derive(Debug, Clone, Args)]
pub struct BulkRunArgs {
    /// Append-only log that makes a re-run skip what was already created [enduser import:
    /// one per input file by default, under the state directory]
    #[arg(long, value_name = "PATH")]
    pub journal: Option<PathBuf>,

    /// Keep no journal: a re-run sends every record again
    #[arg(long, conflicts_with = "journal")]
    pub no_journal: bool,

    /// CSV field separator: , ; tab or another character [default: found from the header]
    #[arg(long, value_name = "CHAR", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,

    /// Stop at the first failed record
    #[arg(long)]
    pub fail_fast: bool,

    /// Check every record and send nothing
    #[arg(long)]
    pub validate_only: bool,

    /// Re-send records whose outcome the journal says is unknown (for EndUsers, may create
    /// duplicates; contact batches the journal kept are sent again under their keys anyway)
    #[arg(long)]
    pub resend_uncertain: bool,
}

/// One ASCII character, or `tab`: what separates the fields of a CSV line.
fn parse_delimiter(text: &str) -> Result<u8, String> {
    match text {
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ => match text.as_bytes() {
            [byte] if byte.is_ascii() && !matches!(byte, b'"' | b'\n' | b'\r') => Ok(*byte),
            _ => Err("give one character, like ; or , or the word tab".to_owned()),
        },
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    Ndjson,
    Csv,
    Json,
}
