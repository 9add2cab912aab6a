//! `altur call` (contract section 15).

use super::*;
use crate::ids::CampaignId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportPart {
    Transcripts,
    Recordings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IndexFormat {
    Ndjson,
    Csv,
}

#[derive(Debug, Clone, Args)]
pub struct CallWaitArgs {
    /// Seconds between two polls (0.01-3600) [default: 2]
    #[arg(long, value_name = "SECS", value_parser = seconds_parser(0.01, 3600.0))]
    pub interval: Option<f64>,

    /// Seconds to wait at most before giving up with exit 11 (0-604800) [default: 3600]
    #[arg(long, value_name = "SECS", value_parser = seconds_parser(0.0, 604_800.0))]
    pub max_wait: Option<f64>,
}

/// A number of seconds between `min` and `max`, decimals allowed.
pub(crate) fn seconds_parser(min: f64, max: f64) -> impl Fn(&str) -> Result<f64, String> + Clone {
    move |text: &str| {
        let value: f64 = text
            .trim()
            .parse()
            .map_err(|_| format!("'{text}' is not a number of seconds"))?;
        if value.is_finite() && (min..=max).contains(&value) {
            Ok(value)
        } else {
            Err(format!("must be between {min} and {max} seconds"))
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CallStatusFilter {
    Ended,
    Failed,
    Busy,
    NoAnswer,
    InProgress,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnsweredByFilter {
    Human,
    Machine,
    Unknown,
}

/// Which calls of a campaign: the filters of GET /campaigns/{id}/calls.
#[derive(Debug, Clone, Args)]
pub struct CallFilterArgs {
    /// The campaign (a positive integer)
    #[arg(long, value_name = "ID")]
    pub campaign: CampaignId,

    /// Only calls with this status
    #[arg(long, value_enum, value_name = "STATUS")]
    pub status: Option<CallStatusFilter>,

    /// Only calls answered by
    #[arg(long, value_enum, value_name = "WHO")]
    pub answered_by: Option<AnsweredByFilter>,

    /// Only calls created at or after this ISO 8601 date or date-time
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Only calls created before this ISO 8601 date or date-time
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,
}
