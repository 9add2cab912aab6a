//! `altur contact` (contract section 17).

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IfDuplicate {
    Skip,
    Update,
}

impl IfDuplicate {
    pub fn as_str(self) -> &'static str {
        match self {
            IfDuplicate::Skip => "skip",
            IfDuplicate::Update => "update",
        }
    }
}
