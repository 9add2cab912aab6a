//! A campaign's life: the actions (activate, pause, resume, archive) with their documented
//! transitions, the calls it places to its contacts, and its end once every contact is called.

use std::time::SystemTime;

use serde_json::{Value, json};

use super::{Campaign, Campaigns, Dialer, Status};
use crate::sandbox::domain::{ApiError, Outcome, Reply};

impl Campaigns {
    /// `POST /campaigns/{id}/{action}`: activate, pause, resume or archive.
    pub fn action(&self, id: &str, action: &str, now: SystemTime) -> Outcome {
        let mut inner = self.lock();
        let campaign = self.campaign(&mut inner, id, now)?;
        let from = campaign.status;
        let to = match action {
            "activate" => matches!(from, Status::Pending | Status::Ready | Status::Cooldown)
                .then_some(Status::Active),
            "pause" => match from {
                Status::Active | Status::Cooldown | Status::Inactive => Some(Status::Inactive),
                _ => None,
            },
            "resume" => match from {
                Status::Inactive | Status::Active => Some(Status::Active),
                _ => None,
            },
            "archive" => Some(from),
            _ => {
                return Err(ApiError::coded(
                    400,
                    "UNKNOWN_ACTION",
                    format!(
                        "unknown action '{action}' (actions: activate, pause, resume, archive)"
                    ),
                    json!({}),
                ));
            }
        };
        let Some(to) = to else {
            return Err(ApiError::coded(
                409,
                "INVALID_STATUS_TRANSITION",
                format!("cannot {action} a campaign in status {}", from.as_str()),
                json!({"current_status": from.as_str(), "valid_targets": from.valid_targets()}),
            ));
        };
        if action == "archive" {
            campaign.archived = true;
        }
        campaign.status = to;
        if to == Status::Active {
            campaign.dial_queue(self.dialer.as_ref(), now);
            campaign.settle();
        }
        self.changed(campaign, from, now);
        Ok(Reply::ok(
            json!({"success": true, "campaign": campaign.detail()}),
        ))
    }
}

impl Campaign {
    /// Takes in the calls that ended since the campaign was last looked at (placing the next
    /// ones while it is active), then lets the campaign finish.
    pub(super) fn refresh(&mut self, dialer: &dyn Dialer, now: SystemTime) {
        if self.take_in_ended_calls(dialer, now) {
            self.settle();
        }
    }

    /// An active campaign whose every contact has been called is over: `finished`, or in
    /// `cooldown` until its next cycle when cycles are on in cooldown mode.
    pub(super) fn settle(&mut self) {
        if self.status == Status::Active && self.contacts.all_called() {
            let cooldown = self.cycle("enabled") == Value::Bool(true)
                && self.cycle("mode").as_str().unwrap_or("cooldown") == "cooldown";
            self.status = if cooldown {
                Status::Cooldown
            } else {
                Status::Finished
            };
        }
    }
}
