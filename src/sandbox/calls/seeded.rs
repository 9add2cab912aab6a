//! The campaign every sandbox starts with: finished calls of every ending, so `call list` and
//! `call recordings` can be tried before any campaign has run.

use std::time::{Duration, SystemTime};

use serde_json::json;

use super::draw::mix;
use super::record::{AnsweredBy, CampaignContact, Ending, Placement, Timeline};
use super::{Calls, default_transcript};
use crate::sandbox::domain::SANDBOX_AGENT_ID;

/// The campaign seeded with finished calls (the id of the sample campaign of
/// `webhook trigger`).
pub const SEEDED_CAMPAIGN_ID: u64 = 4821;

/// How many calls the seeded campaign has: more than one page of 10, less than one of 50.
pub(super) const SEEDED_CALLS: usize = 24;

impl Calls {
    /// The seeded campaign: finished calls of every ending, two hours to one hour before
    /// `now`, with realistic ring and talk times.
    pub(super) fn seed_campaign(&self, now: SystemTime) {
        const NAMES: [&str; 8] = [
            "Sofía Ramírez",
            "Mateo Hernández",
            "Valentina López",
            "Santiago García",
            "Camila Martínez",
            "Leonardo Pérez",
            "Regina Sánchez",
            "Emiliano Torres",
        ];
        const ENDINGS: [Ending; 10] = [
            Ending::Answered(AnsweredBy::Human),
            Ending::Answered(AnsweredBy::Human),
            Ending::Answered(AnsweredBy::Machine),
            Ending::Busy,
            Ending::Answered(AnsweredBy::Human),
            Ending::NoAnswer,
            Ending::Answered(AnsweredBy::Human),
            Ending::Answered(AnsweredBy::Unknown),
            Ending::Failed,
            Ending::Answered(AnsweredBy::Human),
        ];
        let start = now - Duration::from_secs(2 * 3600);
        for index in 0..SEEDED_CALLS {
            let n = index as u64;
            let ending = ENDINGS[index % ENDINGS.len()];
            let ringing = Duration::from_secs(2 + mix(n) % 4);
            let answered = ringing + Duration::from_secs(8 + mix(n + 100) % 15);
            let talk = Duration::from_secs(35 + mix(n + 200) % 240);
            let timeline = Timeline {
                ringing_at: ringing,
                answered_at: answered,
                ends_at: if matches!(ending, Ending::Answered(_)) {
                    answered + talk
                } else {
                    answered + Duration::from_secs(20)
                },
            };
            let name = NAMES[index % NAMES.len()];
            let placement = Placement {
                agent_id: SANDBOX_AGENT_ID.into(),
                phone_number_to: format!("+5255{:08}", 10_203_040 + n * 1_111),
                end_user_display_name: Some(name.into()),
                end_user_context: Some(format!("Renovación de póliza {}", 7_100 + n).into()),
                initial_message: None,
                campaign: Some(CampaignContact {
                    campaign_id: SEEDED_CAMPAIGN_ID,
                    contact_id: n + 1,
                    f_id: Some(format!("crm-{}", 1_001 + n)),
                    name: Some(name.into()),
                    extracted_data: match ending {
                        Ending::Answered(AnsweredBy::Human) => {
                            json!({"renewal_confirmed": !n.is_multiple_of(3)})
                        }
                        _ => json!({}),
                    }
                    .as_object()
                    .cloned()
                    .unwrap_or_default(),
                    tags: if n.is_multiple_of(4) {
                        vec!["vip".into()]
                    } else {
                        vec![]
                    },
                }),
            };
            let created = start + Duration::from_secs(n * 150);
            let decide = |placement: &Placement, _| {
                let talk = super::Talk {
                    transcript: default_transcript(placement),
                    ..super::Talk::default()
                };
                (ending, talk)
            };
            self.insert(placement, created, timeline, decide)
                .expect("the seed fits in an empty sandbox");
        }
    }
}
