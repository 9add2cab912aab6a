//! `altur auth login|status|logout` (contract section 2).

use super::*;

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Save an API key to the selected profile
    Login {
        /// Read the key from stdin instead of a hidden prompt
        #[arg(long)]
        with_key: bool,

        /// Check the key against the API before saving it
        #[arg(long)]
        verify: bool,
    },
    /// Show where the API key comes from (masked)
    Status,
    /// Remove the selected profile's API key
    Logout,
}
