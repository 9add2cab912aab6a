//! A campaign's fields as the API names them, listed once: `campaign create` and `update`
//! check a body against them before sending, and the sandbox checks what it is sent.

/// The days of a schedule, as the API writes them.
pub const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/// The most characters a campaign's name may have.
pub const NAME_LIMIT: usize = 255;
/// A campaign's `integration_type`s.
pub const CHANNELS: [&str; 2] = ["phone_call", "whatsapp"];

/// The fields of `CampaignCreate`.
pub const CREATE_FIELDS: [&str; 13] = [
    "name",
    "agent_id",
    "integration_id",
    "integration_type",
    "description",
    "timezone",
    "retries",
    "message_limit",
    "first_message",
    "template",
    "template_alt",
    "scheduling",
    "cycles",
];

/// The fields fixed at creation: not in `CampaignUpdate`.
pub const IMMUTABLE_FIELDS: [&str; 3] = ["agent_id", "integration_id", "integration_type"];
