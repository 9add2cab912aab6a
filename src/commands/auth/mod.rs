//! `altur auth login | status | logout`: what they share, a warning when a key from the
//! command line or the environment hides the profile's own.

crate::commands::verbs! {
    /// `altur auth ...` (contract section 2).
    pub(crate) enum AuthCommand {
        Login => login,
        Status => status,
        Logout => logout,
    }
}

use crate::config::Credential;

/// A warning when a key from the command line or the environment hides the profile's own.
pub(super) fn shadowing(credential: Option<&Credential>, what: &str) -> Option<String> {
    match credential? {
        Credential::File(path) => Some(format!(
            "--api-key-file {} takes precedence over {what}",
            path.display()
        )),
        Credential::Env(_) => Some(format!(
            "ALTUR_API_KEY is set and takes precedence over {what}"
        )),
        Credential::Config(_) | Credential::Command(_) => None,
    }
}
