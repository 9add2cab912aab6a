//! The command tree: one module per command family, one file per verb (`campaign/get.rs`).
//! A verb's file holds all of it: its clap `Args` (help and examples included), its
//! global-option `POLICY` and its `run(&Session, &Args)`. A family's `mod.rs` lists its verbs
//! once, in [`verbs!`], and keeps what they share. The root of the tree (the `tree` module) joins the families.

pub mod api;
pub mod auth;
pub mod call;
pub mod campaign;
pub mod chat;
pub mod completions;
pub mod contact;
pub mod enduser;
pub mod idempotency;
pub mod import;
pub mod list;
pub mod message;
pub mod thread;
pub mod webhook;

use crate::error::Result;

/// What a verb's `run` returns, as an exit code: most succeed with 0, some choose their code
/// (`auth status`, `webhook verify`).
pub(crate) trait Outcome {
    fn code(self) -> Result<i32>;
}

impl Outcome for Result<()> {
    fn code(self) -> Result<i32> {
        self.map(|()| 0)
    }
}

impl Outcome for Result<i32> {
    fn code(self) -> Result<i32> {
        self
    }
}

/// A family's verbs, each `Variant => module` (the module is named as the command, the
/// variant is its clap name in CamelCase): declares the modules, and the family's clap enum
/// with `run` (the verb's `run`) and `policy` (the verb's `POLICY`, by name). The order is the
/// help's.
macro_rules! verbs {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $($variant:ident => $module:ident),* $(,)? }) => {
        $(pub(crate) mod $module;)*

        $(#[$meta])*
        #[derive(Debug, clap::Subcommand)]
        $vis enum $name {
            $($variant($module::Args),)*
        }

        impl $name {
            /// Runs the verb given.
            pub(crate) fn run(&self, session: &$crate::session::Session) -> $crate::error::Result<i32> {
                match self {
                    $(Self::$variant(args) => $crate::commands::Outcome::code($module::run(session, args)),)*
                }
            }

            /// The global-option policy of the verb named `verb`, if the family has it.
            pub(crate) fn policy(verb: &str) -> Option<$crate::cli::Policy> {
                match verb {
                    $(stringify!($module) => Some($module::POLICY),)*
                    _ => None,
                }
            }
        }
    };
}
pub(crate) use verbs;
