//! Which calls an export takes: the campaigns (`--campaign`, or `GET /campaigns` for
//! `--agent`, `--campaign-status` and the dates, cursor paging), each one's calls
//! (`GET /campaigns/{id}/calls` with the filters the API takes, page-index paging), then the
//! local filters (`--tag`, any; `--where`, all), and each call's file name in listing order.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use serde_json::Value;

use super::journal::Settled;
use super::names::{Fields, Template};
use crate::client::{Call, Client};
use crate::error::{Error, Kind, Result};
use crate::output::for_terminal;
use crate::paging::{self, Page};

use super::super::list::Items;

pub(super) const CAMPAIGNS: crate::client::Endpoint = crate::registry::CAMPAIGN_LIST.endpoint;
pub(super) const CAMPAIGN: crate::client::Endpoint = crate::registry::CAMPAIGN_GET.endpoint;

/// A campaign whose calls are exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Campaign {
    pub id: String,
    pub name: Option<String>,
}

/// One call to export, with everything its worker needs.
pub(super) struct Job {
    pub campaign: Arc<Campaign>,
    pub call: Value,
    /// The call's id, when it has a usable one.
    pub id: Result<String>,
    /// Its files' name relative to `transcripts/` or `recordings/`, without extension.
    pub name: String,
    pub settled: Settled,
}

/// The `startDate`/`endDate` pair: both or neither, as `GET /campaigns` wants them.
fn date_pair(args: &super::Args) -> Result<Option<(String, String)>> {
    checked_dates(args)?;
    Ok(match (&args.since, &args.until) {
        (None, None) => None,
        (Some(since), Some(until)) => Some((since.clone(), until.clone())),
        (Some(since), None) => Some((
            since.clone(),
            crate::datetime::format_utc(std::time::SystemTime::now()),
        )),
        (None, Some(until)) => Some(("1970-01-01T00:00:00Z".to_owned(), until.clone())),
    })
}

fn checked_dates(args: &super::Args) -> Result<()> {
    for (flag, value) in [("--since", &args.since), ("--until", &args.until)] {
        if let Some(value) = value {
            super::super::list::checked_date(flag, value)?;
        }
    }
    Ok(())
}

/// `GET /campaigns` with the selection, when no `--campaign` is given.
pub(super) fn campaigns_call(args: &super::Args) -> Result<Call> {
    let mut call = CAMPAIGNS.call(&[]);
    if let Some(agent) = &args.agent {
        call = call.with_query("agentId", agent.as_str());
    }
    call = call.with_query("status", args.campaign_status.clone());
    if let Some((start, end)) = date_pair(args)? {
        call = call
            .with_query("startDate", start)
            .with_query("endDate", end);
    }
    Ok(call.with_query("pageSize", paging::PAGE_SIZE.to_string()))
}

/// `GET /campaigns/{id}/calls` with the filters the API takes.
pub(super) fn calls_call(campaign: &str, args: &super::Args) -> Result<Call> {
    let call = super::super::list::calls_query(
        campaign,
        args.status,
        args.answered_by,
        args.since.as_deref(),
        args.until.as_deref(),
    )?;
    Ok(call.with_query("pageSize", paging::PAGE_SIZE.to_string()))
}

/// The local filters: `--tag` (any) and `--where FIELD=VALUE` (all).
#[derive(Debug, Clone, Default)]
pub(super) struct Filter {
    tags: Vec<String>,
    conditions: Vec<(String, String)>,
}

impl Filter {
    pub(super) fn new(args: &super::Args) -> Result<Filter> {
        let mut conditions = Vec::new();
        for condition in &args.conditions {
            let Some((field, value)) = condition.split_once('=') else {
                return Err(Error::input(format!(
                    "--where '{}' is not FIELD=VALUE",
                    for_terminal(condition)
                ))
                .with_hint("for example --where contact.f_id=0074235796811684"));
            };
            if field.is_empty() || field.split('.').any(str::is_empty) {
                return Err(Error::input(format!(
                    "--where '{}' names no field",
                    for_terminal(condition)
                )));
            }
            conditions.push((field.to_owned(), value.to_owned()));
        }
        Ok(Filter {
            tags: args.tags.clone(),
            conditions,
        })
    }

    pub(super) fn matches(&self, call: &Value) -> bool {
        let tagged = self.tags.is_empty()
            || call
                .get("tags")
                .and_then(Value::as_array)
                .is_some_and(|tags| {
                    tags.iter()
                        .filter_map(Value::as_str)
                        .any(|tag| self.tags.iter().any(|t| t == tag))
                });
        tagged
            && self.conditions.iter().all(|(field, value)| {
                super::dotted(call, field).is_some_and(|found| super::value_text(found) == *value)
            })
    }
}

/// The campaigns, one at a time.
pub(super) type Campaigns<'c> = Box<dyn Iterator<Item = Result<Campaign>> + Send + 'c>;

/// The campaigns `--campaign` names, each one's name from `GET /campaigns/{id}` (a campaign
/// that answers 404 there keeps its calls, without a name).
pub(super) fn given_campaigns<'c>(client: &'c Client, ids: Vec<String>) -> Campaigns<'c> {
    Box::new(
        ids.into_iter()
            .map(move |id| match client.call(&CAMPAIGN.call(&[&id])) {
                Ok(answer) => {
                    let campaign = answer.body.get("campaign").unwrap_or(&answer.body);
                    let name = campaign
                        .get("name")
                        .and_then(Value::as_str)
                        .map(str::to_owned);
                    Ok(Campaign { id, name })
                }
                Err(error) if error.status == Some(404) => Ok(Campaign { id, name: None }),
                Err(error) => Err(error),
            }),
    )
}

/// The campaigns `GET /campaigns` lists, page after page (cursor paging).
pub(super) fn listed_campaigns<'c>(client: &'c Client, call: Call) -> Campaigns<'c> {
    let mut items = Items::new(client, call, Page::First, "campaigns");
    Box::new(std::iter::from_fn(move || {
        let item = match items.next()? {
            Ok(item) => item,
            Err(error) => return Some(Err(error)),
        };
        let id = match item.get("id") {
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::String(s)) => s.clone(),
            _ => {
                return Some(Err(Error::new(Kind::Server, "a listed campaign has no id")));
            }
        };
        if let Err(e) = crate::ids::checked_positive("campaign", &id) {
            return Some(Err(Error {
                kind: Kind::Server,
                ..e
            }));
        }
        let name = item.get("name").and_then(Value::as_str).map(str::to_owned);
        Some(Ok(Campaign { id, name }))
    }))
}

/// Every call to export, in listing order, named.
pub(super) struct Jobs<'c> {
    pub client: &'c Client,
    pub args: &'c super::Args,
    pub campaigns: Campaigns<'c>,
    pub current: Option<(Arc<Campaign>, Items<'c>)>,
    pub filter: Filter,
    pub template: Template,
    pub settled: HashMap<String, Settled>,
    /// Names given so far in this run (a collision gets `_{id}`).
    pub used: HashSet<String>,
}

impl Iterator for Jobs<'_> {
    type Item = Result<Job>;

    fn next(&mut self) -> Option<Result<Job>> {
        loop {
            let Some((campaign, items)) = &mut self.current else {
                let campaign = match self.campaigns.next()? {
                    Ok(campaign) => Arc::new(campaign),
                    Err(error) => return Some(Err(error)),
                };
                let call = match calls_call(&campaign.id, self.args) {
                    Ok(call) => call,
                    Err(error) => return Some(Err(error)),
                };
                let items = Items::new(self.client, call, Page::Index(0), "calls");
                self.current = Some((campaign, items));
                continue;
            };
            let call = match items.next() {
                None => {
                    self.current = None;
                    continue;
                }
                Some(Err(error)) => return Some(Err(error)),
                Some(Ok(call)) => call,
            };
            if !self.filter.matches(&call) {
                continue;
            }
            let campaign = campaign.clone();
            return Some(Ok(self.job(campaign, call)));
        }
    }
}

impl Jobs<'_> {
    fn job(&mut self, campaign: Arc<Campaign>, call: Value) -> Job {
        let id = match call.get("id") {
            Some(Value::String(s)) => Ok(s.clone()),
            Some(Value::Number(n)) => Ok(n.to_string()),
            _ => Err(Error::new(Kind::Server, "a listed call has no id")),
        };
        let id = id.and_then(|id| super::super::bulk::checked_listed_id(&id).map(|()| id));
        let key = id.as_deref().unwrap_or("(no id)").to_owned();
        let settled = self.settled.remove(&key).unwrap_or_default();
        // A name an earlier run gave stays: its files are found again under it.
        let earlier = [&settled.transcript, &settled.recording]
            .into_iter()
            .flatten()
            .flatten()
            .find_map(|path| earlier_name(path));
        let name = match earlier {
            Some(name) => name,
            None => {
                let fields = Fields {
                    call: &call,
                    campaign: &campaign.id,
                    campaign_name: campaign.name.as_deref(),
                };
                let suffix = format!("_{key}");
                let name = self.template.render(&fields, suffix.len());
                if self.used.contains(&name) {
                    format!("{name}{suffix}")
                } else {
                    name
                }
            }
        };
        self.used.insert(name.clone());
        // A name that would hold the key is no name: the call fails instead.
        let id = match id {
            Ok(_) if crate::secret::redact(&name) != name => Err(Error::new(
                Kind::Server,
                "the call's file name would hold the API key: not written",
            )),
            other => other,
        };
        Job {
            campaign,
            call,
            id,
            name,
            settled,
        }
    }
}

/// `transcripts/a/b.txt` → `a/b`.
fn earlier_name(path: &str) -> Option<String> {
    let rest = path
        .strip_prefix("transcripts/")
        .or_else(|| path.strip_prefix("recordings/"))?;
    let (stem, _ext) = rest.rsplit_once('.')?;
    Some(stem.to_owned())
}
