//! `altur webhook verify | trigger | listen` (contract section 18): checks Altur's
//! `X-Altur-Signature`, sends signed sample events to your handler, and receives webhooks
//! locally. The signing, the events and the receiver are [`crate::webhook`]'s.

crate::commands::verbs! {
    /// `altur webhook ...` (contract section 13).
    pub(crate) enum WebhookCommand {
        Verify => verify,
        Trigger => trigger,
        Listen => listen,
    }
}
