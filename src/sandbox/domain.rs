//! What the sandbox's resource modules (messages, calls, campaigns, contacts) return, apart
//! from any HTTP transport or router: a success with a JSON or binary body, or an API error
//! shaped like the real API's (`{"error": 404, "message": "..."}`, or the Campaigns API's
//! string codes with their extra keys). The router turns these into HTTP answers.

use serde_json::{Map, Value, json};

/// A successful answer of a resource operation.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// A JSON body with its status (200, 201, 202...).
    Json(u16, Value),
    /// A binary body (a call recording), with its content type.
    Bytes {
        content_type: &'static str,
        data: Vec<u8>,
    },
}

impl Reply {
    pub fn ok(body: Value) -> Reply {
        Reply::Json(200, body)
    }
}

/// A refused operation: the status and the error body the API documents.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub status: u16,
    pub body: Value,
}

impl ApiError {
    /// The legacy shape: `{"error": <status>, "message": "..."}`.
    pub fn new(status: u16, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            body: json!({"error": status, "message": message.into()}),
        }
    }

    /// The Campaigns API's shape: `{"error": "CODE", "message": "...", ...extra}`.
    pub fn coded(status: u16, code: &str, message: impl Into<String>, extra: Value) -> ApiError {
        let mut body = Map::new();
        body.insert("error".into(), code.into());
        body.insert("message".into(), message.into().into());
        if let Value::Object(extra) = extra {
            body.extend(extra);
        }
        ApiError {
            status,
            body: Value::Object(body),
        }
    }

    pub fn not_found(what: &str, id: &str) -> ApiError {
        ApiError::new(404, format!("{what} {id} not found"))
    }

    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(400, message)
    }
}

/// The result of every resource operation.
pub type Outcome = Result<Reply, ApiError>;

/// A JSON request body that must be an object: 400 otherwise, with the reason.
pub fn object_body(body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(other) => Err(ApiError::bad_request(format!(
            "the body must be a JSON object, not {}",
            crate::model::json_type(&other)
        ))),
        Err(e) => Err(ApiError::bad_request(format!(
            "the body is not valid JSON: {e}"
        ))),
    }
}

/// The seeded agent every sandbox has (contract section 19).
pub const SANDBOX_AGENT_ID: &str = "11111111-1111-4111-8111-111111111111";
pub const SANDBOX_AGENT_NAME: &str = "Sandbox Agent";
/// The seeded integrations: one per channel.
pub const PHONE_INTEGRATION_ID: &str = "int_phone";
pub const WHATSAPP_INTEGRATION_ID: &str = "int_whatsapp";
