//! `altur auth login|status|logout` (contract section 2).

use super::*;

macro_rules! auth_login_examples {
    () => {
        "\
Examples:
  altur auth login
  echo \"$ALTUR_KEY\" | altur auth login --with-key --verify
  echo \"$STAGING_KEY\" | altur --profile staging auth login --with-key"
    };
}

const AUTH_LOGIN_ABOUT: &str = "\
Save an API key to the selected profile

On a terminal the key is read from a hidden prompt; with --with-key, from stdin (for CI). It is
never taken as an argument: a command line is visible to other users and stays in the shell's
history. When stdin is not a terminal and --with-key is not given, login stops (exit 2) rather
than wait on a pipe.";

const AUTH_LOGIN_DETAILS: &str = concat!(
    "\
The trailing newline is trimmed; an empty key, or one with whitespace or control characters
inside, is refused (exit 4) and nothing is saved; so is a key shorter than 16 characters for a
profile whose base URL is not loopback. --profile NAME (or ALTUR_PROFILE) may name a profile
that does not exist yet: login creates it (every other command refuses an unknown profile).

--verify first makes one request that changes nothing (GET /enduser/<random UUID>): a 404 means
the key was accepted; a 401 or 403 that it was not, and nothing is saved (exit 4). Any other
failure (network, 5xx) also leaves the file unchanged, with that failure's exit code.

The config file is edited, not regenerated: other profiles, keys, comments and blank lines stay
as they were. The write is atomic (a 0600 temporary file in the same folder, flushed, renamed
over the old one): if anything fails, the old file is intact. A folder altur creates gets 0700;
the file ends up 0600. A symlinked config file stays a symlink (its target is rewritten). A
file that is not valid TOML is never rewritten (exit 2, naming the file and line). When
ALTUR_API_KEY or --api-key-file is set, the key is still saved, with a warning that the other
source takes precedence. --dry-run reads and checks the key, says on stderr what it would do,
and does nothing.

Exit codes: 0 saved; 1 the file could not be written (the old one is intact); 2 an invalid
config file or path, or no terminal for the prompt; 4 an unusable or too short key, or
--verify rejected by the API; 5, 6, 7 --verify reached no verdict (server error, network error,
timeout): nothing saved.

",
    auth_login_examples!()
);

#[derive(Debug, Subcommand)]
pub enum AuthCommand {
    /// Save an API key to the selected profile
    #[command(long_about = AUTH_LOGIN_ABOUT, after_long_help = AUTH_LOGIN_DETAILS)]
    #[command(after_help = auth_login_examples!())]
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
    /// Says which source gives the key (source: flag for --api-key-file, env for ALTUR_API_KEY,
    /// config for the profile's api_key, command for its api_key_command, or none), the base
    /// URL, the profile and the config file, with only the key's last 4 characters (none for a
    /// key under 12 characters). Each problem found is a warning on stderr and in `warnings`:
    /// a config file others can read, a key hiding another, an api_key_command that fails, an
    /// unusable key, no key at all. Exit 0 when a usable key was found, 4 when not (the facts
    /// are printed either way); api_key_command is run to check it.
    #[command(after_help = "\
Examples:
  altur auth status
  altur --profile staging auth status -o json")]
    Status,
    /// Remove the selected profile's API key
    ///
    /// Removes the api_key line of the selected profile and nothing else: the rest of the
    /// profile, other profiles and comments stay. With no key saved it says so and leaves the
    /// file untouched. It warns when a key would still be found elsewhere (api_key_command,
    /// ALTUR_API_KEY, --api-key-file). --dry-run says what it would remove and changes nothing.
    #[command(after_help = "\
Examples:
  altur auth logout
  altur --profile staging auth logout")]
    Logout,
}
