//! A tool call turned into requests through the `client` module, with the commands' checks,
//! retry policy, Idempotency-Keys and redaction; the answer turned into a tool result.

#[cfg(test)]
mod tests;

use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, OnceLock};

use serde_json::{Value, json};

use super::args::Args;
use super::outcome::{Outcome, rename, words};
use super::tools::{DEFAULT_LIMIT, MAX_LIMIT, Spec};
use crate::client::{Body, Call, Client, Expect, Method};
use crate::commands::campaign::{CampaignFields, create_body, update_body};
use crate::commands::contact::{ContactFlags, contact_from_flags};
use crate::commands::idempotency::idempotency_key;
use crate::config::Settings;
use crate::model::EndUserData;
use crate::output::Output;
use crate::paging::{Page, Pager, Position};
use crate::registry as ops;
use crate::secret::redact;
use crate::transcript;

/// What a session needs to run tools: the settings, a client built on first use (so that a
/// session that lists tools needs no key), and the folder for recordings.
pub(crate) struct Runner {
    pub settings: Arc<Settings>,
    pub dir: PathBuf,
    client: OnceLock<Client>,
    /// Where the client's notes go (stderr; stdout is the protocol's).
    out: Arc<Output>,
}

impl Runner {
    pub(crate) fn new(settings: Arc<Settings>, dir: PathBuf, out: Arc<Output>) -> Runner {
        Runner {
            settings,
            dir,
            client: OnceLock::new(),
            out,
        }
    }

    fn client(&self) -> Result<&Client, String> {
        if let Some(client) = self.client.get() {
            return Ok(client);
        }
        let client = self
            .settings
            .api_key()
            .and_then(|key| Client::new(&self.settings, key, self.out.clone()))
            .map_err(|e| words(&e))?;
        Ok(self.client.get_or_init(|| client))
    }

    /// Runs one tool whose arguments were checked; the result is redacted.
    pub(crate) fn run(&self, spec: &Spec, args: &Args) -> Outcome {
        let outcome = self.dispatch(spec, args);
        match outcome {
            Ok(value) => {
                let text = redact(&value.to_string()).into_owned();
                Ok(serde_json::from_str(&text).unwrap_or(Value::String(text)))
            }
            Err(message) => Err(redact(&message).into_owned()),
        }
    }

    fn dispatch(&self, spec: &Spec, args: &Args) -> Outcome {
        if let Some(endpoint) = spec.path_only_get() {
            let values: Vec<String> = spec.args.iter().map(|arg| args.get(arg.name)).collect();
            let values: Vec<&str> = values.iter().map(String::as_str).collect();
            return self.json(endpoint.call(&values));
        }
        let id = || args.get("id");
        let campaign = || args.get("campaign");
        match spec.name {
            "enduser_create" | "enduser_update" => {
                let data = EndUserData {
                    display_name: args.text("name"),
                    info: args.text("info"),
                };
                let call = if spec.name == "enduser_create" {
                    data.check_for_create().map_err(|e| rename(&e))?;
                    ops::ENDUSER_CREATE.endpoint.call(&[]).if_unknown(
                        "the EndUser may have been created: check before creating it again",
                    )
                } else {
                    data.check_for_update().map_err(|e| rename(&e))?;
                    ops::ENDUSER_UPDATE.endpoint.call(&[&id()])
                };
                self.json(call.with_body(data.to_body()))
            }
            "message_send" => {
                let content = crate::commands::message::checked_content(args.get("text"))
                    .map_err(|e| format!("`text`: {}", e.message))?;
                let call = crate::commands::message::send_call(
                    &args.get("agent"),
                    &args.get("enduser"),
                    &content,
                );
                self.json(call)
            }
            "message_list" => self.list(args, ops::MESSAGE_LIST.endpoint.call(&[&id()]), None),
            "thread_transcript" => {
                let messages = self.json(ops::MESSAGE_LIST.endpoint.call(&[&id()]))?;
                let messages = crate::paging::items_of(&messages, None)
                    .cloned()
                    .unwrap_or_default();
                Ok(Value::String(transcript::render(&id(), &messages)))
            }
            "call_start" => {
                let body = crate::commands::call::start::start_body(
                    &crate::commands::call::start::StartInput {
                        agent: &args.get("agent"),
                        to: &args.get("to"),
                        name: args.text("name").as_deref(),
                        context: args.text("context").as_deref(),
                        context_json: None,
                        first_message: args.text("first_message").as_deref(),
                    },
                )
                .map_err(|e| rename(&e.message))?;
                self.json(
                    ops::CALL_START
                        .endpoint
                        .call(&[])
                        .with_body(body)
                        .if_unknown(
                            "the call may have been placed: look for it before starting it again",
                        ),
                )
            }
            "call_list" => {
                let mut call = ops::CALL_LIST.endpoint.call(&[&campaign()]);
                for (arg, query) in [
                    ("status", "status"),
                    ("answered_by", "answeredBy"),
                    ("since", "startDate"),
                    ("until", "endDate"),
                ] {
                    if let Some(value) = args.text(arg) {
                        call = call.with_query(query, value);
                    }
                }
                self.list(args, call, Some("calls"))
            }
            "call_recording_save" => self.save_recording(&id(), args.text("path").as_deref()),
            "campaign_list" => {
                let mut call = ops::CAMPAIGN_LIST.endpoint.call(&[]);
                for (arg, query) in [
                    ("status", "status"),
                    ("integration", "integration"),
                    ("agent", "agentId"),
                ] {
                    if let Some(value) = args.text(arg) {
                        call = call.with_query(query, value);
                    }
                }
                match (args.text("since"), args.text("until")) {
                    (None, None) => {}
                    (None, Some(_)) => {
                        return Err("`until` needs `since`: the API takes both together".into());
                    }
                    (Some(since), until) => {
                        let until = until.unwrap_or_else(|| {
                            crate::datetime::format_utc(std::time::SystemTime::now())
                        });
                        call = call
                            .with_query("startDate", since)
                            .with_query("endDate", until);
                    }
                }
                if args.flag("archived") {
                    call = call.with_query("archived", "true");
                }
                self.list(args, call, Some("campaigns"))
            }
            "campaign_create" => {
                let body =
                    create_body(None, &campaign_fields(args)).map_err(|e| rename(&e.message))?;
                let key = idempotency_key(None).map_err(|e| words(&e))?;
                self.json(
                    ops::CAMPAIGN_CREATE
                        .endpoint
                        .call(&[])
                        .with_body(to_bytes(&Value::Object(body)))
                        .with_idempotency_key(&key)
                        .if_unknown(may_exist("the campaign", "campaign_list", &key)),
                )
            }
            "campaign_update" => {
                let body =
                    update_body(None, &campaign_fields(args)).map_err(|e| rename(&e.message))?;
                self.json(
                    ops::CAMPAIGN_UPDATE
                        .endpoint
                        .call(&[&id()])
                        .with_body(to_bytes(&Value::Object(body))),
                )
            }
            "campaign_activate" | "campaign_pause" | "campaign_resume" | "campaign_archive" => {
                let action = spec.name.trim_start_matches("campaign_");
                self.json(ops::CAMPAIGN_ACTIVATE.endpoint.call(&[&id(), action]))
            }
            "contact_add" => {
                let contact = contact_from_flags(&ContactFlags {
                    phone: args.get("phone"),
                    name: args.text("name"),
                    context: args.text("context"),
                    data: args.texts("data"),
                    external_id: args.text("external_id"),
                })
                .map_err(|e| rename(&e.message))?;
                let key = idempotency_key(None).map_err(|e| words(&e))?;
                self.json(
                    ops::CONTACT_ADD
                        .endpoint
                        .call(&[&campaign()])
                        .with_body(to_bytes(&json!({"contacts": [contact]})))
                        .with_idempotency_key(&key)
                        .if_unknown(may_exist("the contact", "contact_list", &key)),
                )
            }
            "contact_list" => {
                let mut call = ops::CONTACT_LIST.endpoint.call(&[&campaign()]);
                if let Some(status) = args.text("status") {
                    call = call.with_query("status", status);
                }
                self.list(args, call, Some("contacts"))
            }
            "contact_delete" => {
                let call = ops::CONTACT_DELETE.endpoint.call(&[&campaign(), &id()]);
                let reply = self
                    .client()?
                    .exchange(&call, Expect::Empty, false)
                    .map_err(|e| words(&e))?;
                Ok(match reply.body {
                    Body::Json(value) => value,
                    _ => json!({"deleted": true, "campaign": campaign(), "id": id()}),
                })
            }
            "webhook_verify" => super::verify::run(&self.settings, args),
            other => Err(format!("no tool is named {other}")),
        }
    }

    /// One request whose answer is JSON.
    fn json(&self, call: Call) -> Outcome {
        let client = self.client()?;
        client.call(&call).map(|s| s.body).map_err(|e| words(&e))
    }

    /// A bounded list: at most `limit` items from `after` on, and the token to go on.
    fn list(&self, args: &Args, call: Call, key: Option<&'static str>) -> Outcome {
        let limit = args
            .integer("limit")
            .map_or(DEFAULT_LIMIT, |n| n as u64)
            .min(MAX_LIMIT);
        let start = match args.text("after") {
            Some(token) => Position::from_token(&token)
                .map_err(|_| "`after` is not a token an earlier list returned".to_owned())?,
            None => Position {
                page: Page::First,
                skip: 0,
                before: 0,
            },
        };
        let call = if call.method == Method::Get && key.is_some() {
            call.with_query("pageSize", crate::paging::PAGE_SIZE.to_string())
        } else {
            call
        };
        let client = self.client()?;
        let mut pager = Pager::new(client, call, start.page.clone(), key);
        let mut items: Vec<Value> = Vec::new();
        let mut skip = start.skip as usize;
        while let Some(fetched) = pager.fetch().map_err(|e| words(&e))? {
            let page_items = crate::paging::items_of(&fetched.body, key)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let available = page_items.len();
            let wanted = limit as usize - items.len();
            let take = wanted.min(available.saturating_sub(skip));
            items.extend(page_items.iter().skip(skip).take(take).cloned());
            if items.len() == limit as usize {
                // Full: the rest of this page, or else the next page, comes after.
                let consumed = skip + take;
                let after = if consumed < available {
                    Some(Position {
                        page: fetched.page,
                        skip: consumed as u64,
                        before: 0,
                    })
                } else {
                    fetched.next.map(|page| Position {
                        page,
                        skip: 0,
                        before: 0,
                    })
                };
                return Ok(json!({"items": items, "after": after.map(|p| p.token())}));
            }
            skip = 0;
        }
        Ok(json!({"items": items, "after": null}))
    }

    /// Downloads a recording to a file under `--dir`; the file lands whole.
    fn save_recording(&self, id: &str, path: Option<&str>) -> Outcome {
        if let Some(path) = path {
            inside(path)?;
        }
        let client = self.client()?;
        let call = Call::new(Method::Get, ops::CALL_RECORDING.endpoint.call(&[id]).path)
            .with_header("Accept", "*/*");
        let dir = std::fs::canonicalize(&self.dir)
            .map_err(|e| format!("the folder {} cannot be used: {e}", self.dir.display()))?;
        let mut temp = tempfile::Builder::new()
            .prefix(".altur-recording.")
            .tempfile_in(&dir)
            .map_err(|e| format!("cannot write in {}: {e}", dir.display()))?;
        let reply = client
            .exchange(&call, Expect::Bytes(temp.as_file_mut()), false)
            .map_err(|e| words(&e))?;
        let bytes = match reply.body {
            Body::Bytes(bytes) => {
                std::io::Write::write_all(temp.as_file_mut(), &bytes)
                    .map_err(|e| format!("cannot write the recording: {e}"))?;
                bytes.len() as u64
            }
            Body::Streamed(n) => n,
            Body::Json(value) => {
                let bytes = to_bytes(&value);
                std::io::Write::write_all(temp.as_file_mut(), &bytes)
                    .map_err(|e| format!("cannot write the recording: {e}"))?;
                bytes.len() as u64
            }
            Body::Empty | Body::Open(_) => 0,
        };
        let content_type = reply
            .headers
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case("content-type"))
            .map(|(_, value)| value.as_str());
        let name = match path {
            Some(path) => PathBuf::from(path),
            None => PathBuf::from(format!(
                "{id}.{}",
                crate::commands::call::files::extension_for(content_type)
            )),
        };
        let target = dir.join(name);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        temp.as_file()
            .sync_all()
            .map_err(|e| format!("cannot write the recording: {e}"))?;
        temp.persist_noclobber(&target).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                format!(
                    "`path`: {} exists; give another `path` (a file is never replaced)",
                    target.display()
                )
            } else {
                format!("cannot save {}: {}", target.display(), e.error)
            }
        })?;
        Ok(json!({"path": target.display().to_string(), "bytes": bytes}))
    }
}

/// A relative path that stays inside the folder: no root, no `..`.
pub(crate) fn inside(path: &str) -> Result<(), String> {
    let escapes = Path::new(path).components().any(|c| {
        matches!(
            c,
            Component::ParentDir | Component::RootDir | Component::Prefix(_)
        )
    });
    if escapes || path.is_empty() {
        return Err(format!(
            "`path` '{path}' must be a relative path inside the server's --dir (no leading / and no ..)"
        ));
    }
    Ok(())
}

/// What a create whose outcome stayed unknown (after retries under one Idempotency-Key) may
/// have done, and how to find out.
fn may_exist(what: &str, list_tool: &str, key: &str) -> String {
    format!(
        "{what} may have been created (sent with Idempotency-Key {key}): look with {list_tool} \
         before creating it again"
    )
}

fn campaign_fields(args: &Args) -> CampaignFields {
    CampaignFields {
        name: args.text("name"),
        agent: args.text("agent"),
        integration_id: args.text("integration_id"),
        channel: args.text("channel"),
        description: args.text("description"),
        timezone: args.text("timezone"),
        contact_retries: args.integer("contact_retries"),
        message_limit: args.integer("message_limit"),
        first_message: args.text("first_message"),
        template: args.text("template"),
        template_alt: args.text("template_alt"),
        schedules: args.texts("schedule"),
    }
}

fn to_bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).expect("JSON values always serialize")
}
