//! `altur auth login|status|logout` (contract section 2).

use super::*;

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Save an API key to the selected profile
    ///
    /// The key is typed at a hidden prompt, or read from stdin with --with-key; it is never
    /// taken as an argument (it would stay in the shell's history). It is saved in the config
    /// file, created readable by you only (0600). --verify checks it against the API first.
    #[command(after_help = "\
Examples:
  altur auth login
  echo \"$ALTUR_KEY\" | altur auth login --with-key --verify
  echo \"$STAGING_KEY\" | altur --profile staging auth login --with-key")]
    Login {
        /// Read the key from stdin instead of a hidden prompt
        #[arg(long)]
        with_key: bool,

        /// Check the key against the API before saving it
        #[arg(long)]
        verify: bool,
    },
    /// Show where the API key comes from (masked)
    ///
    /// Says which source gives the key (--api-key-file, ALTUR_API_KEY, the profile's api_key
    /// or api_key_command), the base URL and the profile, with the key masked. Exit 4 when no
    /// key is configured.
    #[command(after_help = "\
Examples:
  altur auth status
  altur --profile staging auth status -o json")]
    Status,
    /// Remove the selected profile's API key
    ///
    /// Removes api_key from the profile in the config file; an ALTUR_API_KEY in the
    /// environment or an api_key_command is left alone (and named, if one would still apply).
    #[command(after_help = "\
Examples:
  altur auth logout
  altur --profile staging auth logout")]
    Logout,
}
