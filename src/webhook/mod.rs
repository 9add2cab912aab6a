//! Webhooks (contract section 18): Altur's two signature schemes and sample events. The
//! command-line side is `commands::webhook`.

pub mod events;
pub mod listen;
pub mod receive;
pub mod signature;
