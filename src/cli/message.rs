//! `altur message`, `altur thread` and `altur chat` (contract section 14).

use super::*;

/// `--tz`, for `-o transcript`.
#[derive(Debug, Args)]
pub struct TzArg {
    /// The zone of -o transcript's times: UTC (the default), an offset (+05:30, -06:00) or a tz
    /// database name (America/Mexico_City, read from $TZDIR or /usr/share/zoneinfo)
    #[arg(long, value_name = "ZONE", allow_hyphen_values = true)]
    pub tz: Option<String>,
}

impl TzArg {
    pub fn as_deref(&self) -> Option<&str> {
        self.tz.as_deref()
    }
}
