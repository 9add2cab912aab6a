//! `altur enduser` and its bulk import (contract sections 1 and 8).

use super::*;
use crate::ids::{EndUserId, text_of};

#[derive(Debug, Subcommand)]
pub enum EnduserCommand {
    /// Create an EndUser
    #[command(
        after_help = "Example:\n  altur enduser create --name \"Ada Lovelace\" --info \"Prefers email\""
    )]
    Create(EnduserFields),

    /// Fetch an EndUser by id
    Get {
        /// The EndUser's id (a UUID)
        #[arg(value_parser = text_of::<EndUserId>)]
        id: String,
    },

    /// Change an EndUser's name or info (only the fields given are sent)
    Update {
        /// The EndUser's id (a UUID)
        #[arg(value_parser = text_of::<EndUserId>)]
        id: String,
        #[command(flatten)]
        fields: EnduserFields,
    },

    /// Create many EndUsers from an NDJSON, CSV or JSON file
    Import(ImportArgs),
}

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
pub struct ImportArgs {
    /// Input file, or - for stdin
    pub file: PathBuf,

    /// Input format [default: from the file's extension; ndjson for stdin]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ImportFormat>,

    /// Requests in flight at once (1-64)
    #[arg(
        long,
        default_value_t = 4,
        value_name = "N",
        value_parser = clap::value_parser!(u16).range(1..=64)
    )]
    pub concurrency: u16,

    #[command(flatten)]
    pub run: BulkRunArgs,
}

/// How a bulk import runs, for every kind of record (`enduser import`, `contact import`).
#[derive(Debug, Clone, Args)]
pub struct BulkRunArgs {
    /// Append-only log that makes a re-run skip what was already created
    #[arg(long, value_name = "PATH")]
    pub journal: Option<PathBuf>,

    /// Stop at the first failed record
    #[arg(long)]
    pub fail_fast: bool,

    /// Check every record and send nothing
    #[arg(long)]
    pub validate_only: bool,

    /// Re-send records whose outcome the journal says is unknown (for EndUsers, may create
    /// duplicates; contact batches carry keys that make it harmless)
    #[arg(long)]
    pub resend_uncertain: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    Ndjson,
    Csv,
    Json,
}
