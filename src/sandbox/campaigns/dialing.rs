//! The calls a campaign places: at most `concurrency_limit` at a time, each next one as soon
//! as a slot frees up, while the campaign is active. Nothing runs in the background: when a
//! campaign is looked at, the calls that ended since are taken in the order they ended, and
//! each freed slot is given to the next contact at the instant it freed up, so the campaign is
//! where it would be had it been watched all along.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::time::SystemTime;

use super::contacts::Book;
use super::{CallOutcome, CallRequest, Campaign, Channel, Dialer, Status};
use crate::datetime;
use crate::sandbox::domain::SANDBOX_AGENT_ID;

/// The calls a campaign places at a time when `concurrency_limit` is not given.
pub const DEFAULT_CONCURRENCY: u64 = 5;

impl Campaign {
    /// Fills the free slots with calls to the contacts still in the queue, placed at `at`; a
    /// WhatsApp campaign's template message is delivered to every queued contact at once
    /// instead (the sandbox has no WhatsApp to wait for). The calls placed: contact and call
    /// ids.
    pub(super) fn dial_queue(&mut self, dialer: &dyn Dialer, at: SystemTime) -> Vec<(u64, String)> {
        if self.channel == Channel::Whatsapp {
            self.contacts.deliver_queued();
            return Vec::new();
        }
        let free =
            (self.settings.concurrency_limit as usize).saturating_sub(self.contacts.dialing.len());
        let first_message = self.settings.first_message.clone();
        self.contacts
            .dial_queued(self.id, first_message.as_deref(), free, dialer, at)
    }

    /// Takes in the calls that ended by `now`, in the order they ended; while the campaign is
    /// active each freed slot goes to the next queued contact at the instant it freed up (and
    /// that call, if it ended by `now` too, is taken in in its turn). True when a call ended.
    pub(super) fn take_in_ended_calls(&mut self, dialer: &dyn Dialer, now: SystemTime) -> bool {
        // Earliest end first; contact ids break ties so the order never depends on a hash.
        let mut ended: BinaryHeap<Reverse<(SystemTime, u64, String)>> = self
            .contacts
            .dialing
            .iter()
            .filter_map(|(contact, call)| {
                let outcome = dialer.outcome(call, now)?;
                Some(Reverse((outcome.ended_at, *contact, call.clone())))
            })
            .collect();
        let any = !ended.is_empty();
        while let Some(Reverse((at, contact, call))) = ended.pop() {
            if let Some(outcome) = dialer.outcome(&call, now) {
                self.contacts.take_outcome(contact, &outcome);
            }
            if self.status != Status::Active {
                continue;
            }
            for (contact, call) in self.dial_queue(dialer, at) {
                if let Some(outcome) = dialer.outcome(&call, now) {
                    ended.push(Reverse((outcome.ended_at, contact, call)));
                }
            }
        }
        any
    }
}

impl Book {
    /// Places a call to each of the first `free` contacts in `queue`, at `at`; the contact and
    /// call ids of the calls placed.
    pub(super) fn dial_queued(
        &mut self,
        campaign_id: u64,
        first_message: Option<&str>,
        free: usize,
        dialer: &dyn Dialer,
        at: SystemTime,
    ) -> Vec<(u64, String)> {
        let mut placed = Vec::new();
        let queued = self
            .contacts
            .range_mut(self.queue_from..)
            .map(|(_, contact)| contact)
            .filter(|c| c.status == "queue");
        for contact in queued.take(free) {
            self.queue_from = contact.id + 1;
            let request = CallRequest {
                campaign_id,
                contact_id: contact.id,
                agent_id: SANDBOX_AGENT_ID,
                phone: &contact.contact,
                name: contact.name.as_deref(),
                context: contact.context.as_deref(),
                first_message,
                f_id: contact.f_id.as_deref(),
                extracted_data: &contact.extracted_data,
            };
            match dialer.place_call(&request, at) {
                Some(call_id) => {
                    contact.status = "sending";
                    contact.call_count += 1;
                    // The API's `last_call_at` format: `2026-11-27 08:00:05`, no zone.
                    let at = datetime::format_utc(at).replace('T', " ").replace('Z', "");
                    contact.last_call_at = Some(at);
                    self.calls += 1;
                    self.dialing.insert(contact.id, call_id.clone());
                    placed.push((contact.id, call_id));
                }
                None => contact.status = "failed",
            }
        }
        placed
    }

    /// Marks every contact in `queue` as having received the campaign's message.
    pub(super) fn deliver_queued(&mut self) {
        for contact in self.contacts.values_mut().filter(|c| c.status == "queue") {
            contact.status = "delivered";
        }
    }

    /// Records how the call to `contact_id` ended: its status, the analytics, the bill.
    pub(super) fn take_outcome(&mut self, contact_id: u64, outcome: &CallOutcome) {
        self.dialing.remove(&contact_id);
        let answered_by = outcome.answered_by.as_deref().unwrap_or("unknown");
        let status = match outcome.status.as_str() {
            "ended" => match answered_by {
                "human" => {
                    self.human += 1;
                    "answered"
                }
                "machine" => {
                    self.machine += 1;
                    "voicemail"
                }
                _ => {
                    self.unknown += 1;
                    "answered"
                }
            },
            "busy" => "busy",
            "no-answer" => "no-answer",
            _ => "failed",
        };
        if let Some(contact) = self.contacts.get_mut(&contact_id) {
            contact.status = status;
            contact.billed_duration += outcome.billed_duration;
        }
    }
}

#[cfg(test)]
mod tests;
