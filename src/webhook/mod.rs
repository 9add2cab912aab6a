//! Webhooks (contract section 18): Altur's two signature schemes and sample events. The
//! command-line side is `commands::webhook`.

mod duplicates;
pub mod events;
pub mod listen;
pub mod receive;
mod replay;
pub mod secret;
pub mod signature;
