//! `sandbox serve --scenario FILE`: the odds of each outcome of the sandbox's calls, so a
//! script's filters have something to find (contract section 21). The file is one JSON object,
//! every key optional, unknown keys refused:
//!
//! ```json
//! {"answered_by": {"human": 0.8, "machine": 0.2}, "status": {"ended": 0.9, "busy": 0.1},
//!  "tags": {"PROMESA": 0.3, "NO DEFINE": 0.2}, "duration": [20, 180],
//!  "transcript": [["AI", "Hola"], ["EU", "Sí, pago el viernes"]],
//!  "extracted_data": {"monto": ["1500", "2000"]}}
//! ```
//!
//! `answered_by` and `status` are weights; each tag is drawn on its own with its odds (0-1);
//! `duration` is a range of seconds; `transcript` is the lines of every answered call (or a
//! list of such transcripts, one drawn per call); `extracted_data` gives each key's choices.
//! Numbers ending in `0000` and `9999` still end `busy` and `no-answer`.

use std::time::Duration;

use serde_json::{Map, Value};

use super::draw::{Draws, Stream};
use super::record::{AnsweredBy, Ending, Talk};

/// The keys a scenario may have.
const KEYS: [&str; 6] = [
    "answered_by",
    "status",
    "tags",
    "duration",
    "transcript",
    "extracted_data",
];
const STATUSES: [&str; 4] = ["ended", "busy", "no-answer", "failed"];
const ANSWERERS: [&str; 3] = ["human", "machine", "unknown"];
const SPEAKERS: [&str; 3] = ["AI", "EU", "SYS"];
/// The longest call a scenario may describe: a day.
const LONGEST_CALL: u64 = 86_400;

/// A transcript line: who sent it (`AI`, `EU`, `SYS`) and what it says.
type Line = (String, String);

/// The odds of every drawn value. The default is the sandbox without a scenario: every call
/// answered by a human, no tags, the default transcript, no extracted data.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scenario {
    status: Vec<(Ending, f64)>,
    answered_by: Vec<(AnsweredBy, f64)>,
    tags: Vec<(String, f64)>,
    duration: Option<(u64, u64)>,
    /// Alternatives: one is drawn per answered call.
    transcripts: Vec<Vec<Line>>,
    extracted_data: Vec<(String, Vec<Value>)>,
}

impl Scenario {
    /// Reads a scenario from its JSON text; the error says which key is wrong and how.
    pub fn parse(text: &str) -> Result<Scenario, String> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| format!("it is not valid JSON: {e}"))?;
        let Value::Object(object) = value else {
            return Err(format!(
                "it must be one JSON object, not {}",
                crate::model::json_type(&value)
            ));
        };
        let mut scenario = Scenario::default();
        for (key, value) in object {
            match key.as_str() {
                "status" => {
                    scenario.status = weights(&key, &value, &STATUSES)?
                        .into_iter()
                        .map(|(name, w)| (ending(&name), w))
                        .collect();
                }
                "answered_by" => {
                    scenario.answered_by = weights(&key, &value, &ANSWERERS)?
                        .into_iter()
                        .map(|(name, w)| (answerer(&name), w))
                        .collect();
                }
                "tags" => scenario.tags = odds(&value)?,
                "duration" => scenario.duration = Some(range(&value)?),
                "transcript" => scenario.transcripts = transcripts(&value)?,
                "extracted_data" => scenario.extracted_data = choices(&value)?,
                _ => {
                    return Err(format!(
                        "unknown key '{key}' (the keys are {})",
                        KEYS.join(", ")
                    ));
                }
            }
        }
        Ok(scenario)
    }

    /// Reads `--scenario FILE`: a file that cannot be read, or is not a scenario, is refused
    /// (exit 2).
    pub fn read(path: &std::path::Path) -> crate::error::Result<Scenario> {
        let shown = path.display().to_string();
        let shown = crate::output::for_terminal(&shown);
        let text = std::fs::read_to_string(path).map_err(|e| {
            crate::error::Error::input(format!("cannot read the scenario {shown}: {e}"))
        })?;
        Scenario::parse(&text).map_err(|why| {
            crate::error::Error::input(format!("the scenario {shown} is refused: {why}"))
                .with_hint("see 'altur sandbox serve --help' for the scenario's shape")
        })
    }

    /// How the call with this sequence number ends: the number's rule first (`0000` busy,
    /// `9999` no-answer), then the drawn status and, for an ended call, who answered.
    pub(super) fn ending(&self, draws: Draws, sequence: u64, phone_number: &str) -> Ending {
        let by_number = Ending::for_number(phone_number);
        if by_number != Ending::Answered(AnsweredBy::Human) {
            return by_number;
        }
        let answerer = draws
            .weighted(sequence, Stream::AnsweredBy, &self.answered_by)
            .copied()
            .unwrap_or(AnsweredBy::Human);
        match draws.weighted(sequence, Stream::Status, &self.status) {
            None | Some(Ending::Answered(_)) => Ending::Answered(answerer),
            Some(other) => *other,
        }
    }

    /// What an answered call leaves: its tags, data, duration and transcript (`default` when
    /// the scenario gives none).
    pub(super) fn talk(&self, draws: Draws, sequence: u64, default: Vec<Line>) -> Talk {
        let tags = self
            .tags
            .iter()
            .enumerate()
            .filter(|(index, (_, odds))| draws.unit(sequence, Stream::Tag, *index as u64) < *odds)
            .map(|(_, (tag, _))| tag.clone())
            .collect();
        let extracted_data: Map<String, Value> = self
            .extracted_data
            .iter()
            .enumerate()
            .map(|(index, (key, choices))| {
                let pick = draws.value(sequence, Stream::Data, index as u64) % choices.len() as u64;
                (key.clone(), choices[pick as usize].clone())
            })
            .collect();
        let duration = self.duration.map(|(low, high)| {
            Duration::from_secs(draws.between(sequence, Stream::Duration, low, high))
        });
        let transcript = match self.transcripts.len() {
            0 => default,
            count => {
                let pick = draws.value(sequence, Stream::Transcript, 0) % count as u64;
                self.transcripts[pick as usize].clone()
            }
        };
        Talk {
            duration,
            tags,
            extracted_data,
            transcript,
        }
    }
}

fn ending(name: &str) -> Ending {
    match name {
        "busy" => Ending::Busy,
        "no-answer" => Ending::NoAnswer,
        "failed" => Ending::Failed,
        // Who answered is drawn apart.
        _ => Ending::Answered(AnsweredBy::Human),
    }
}

fn answerer(name: &str) -> AnsweredBy {
    match name {
        "machine" => AnsweredBy::Machine,
        "unknown" => AnsweredBy::Unknown,
        _ => AnsweredBy::Human,
    }
}

/// `{"name": weight, ...}` with names from `known`, weights of at least 0, some above 0.
fn weights(key: &str, value: &Value, known: &[&str]) -> Result<Vec<(String, f64)>, String> {
    let Value::Object(object) = value else {
        return Err(format!(
            "{key} must be an object of weights, like {{\"{}\": 0.9, \"{}\": 0.1}}",
            known[0], known[1]
        ));
    };
    let mut weights = Vec::new();
    for (name, weight) in object {
        if !known.contains(&name.as_str()) {
            return Err(format!(
                "{key} has an unknown value '{name}' (the values are {})",
                known.join(", ")
            ));
        }
        let weight = weight
            .as_f64()
            .filter(|w| w.is_finite() && *w >= 0.0)
            .ok_or_else(|| format!("{key}.{name} must be a number of at least 0, not {weight}"))?;
        weights.push((name.clone(), weight));
    }
    if !weights.iter().any(|(_, w)| *w > 0.0) {
        return Err(format!("{key} must give some value a weight above 0"));
    }
    Ok(weights)
}

/// `{"TAG": odds, ...}`, each from 0 to 1.
fn odds(value: &Value) -> Result<Vec<(String, f64)>, String> {
    let Value::Object(object) = value else {
        return Err("tags must be an object of odds, like {\"PROMESA\": 0.3}".to_owned());
    };
    object
        .iter()
        .map(|(tag, odds)| {
            if tag.trim().is_empty() {
                return Err("tags must not hold an empty tag".to_owned());
            }
            let odds = odds
                .as_f64()
                .filter(|p| (0.0..=1.0).contains(p))
                .ok_or_else(|| format!("tags.{tag} must be odds from 0 to 1, not {odds}"))?;
            Ok((tag.clone(), odds))
        })
        .collect()
}

/// `[low, high]`: whole seconds, low at most high, at most a day.
fn range(value: &Value) -> Result<(u64, u64), String> {
    let bounds: Option<Vec<u64>> = value
        .as_array()
        .map(|items| items.iter().map(Value::as_u64).collect())
        .and_then(|bounds: Option<Vec<u64>>| bounds);
    match bounds.as_deref() {
        Some(&[low, high]) if low <= high && high <= LONGEST_CALL => Ok((low, high)),
        _ => Err(format!(
            "duration must be [LOW, HIGH]: whole seconds, LOW at most HIGH, at most \
             {LONGEST_CALL}, not {value}"
        )),
    }
}

/// `[["AI", "..."], ["EU", "..."]]`, or a list of those to draw one from.
fn transcripts(value: &Value) -> Result<Vec<Vec<Line>>, String> {
    let shape = "transcript must be a list of [SPEAKER, TEXT] lines (SPEAKER: AI, EU or SYS), \
                 or a list of such lists";
    let Some(items) = value.as_array().filter(|items| !items.is_empty()) else {
        return Err(shape.to_owned());
    };
    let is_line = |item: &Value| {
        item.as_array()
            .and_then(|pair| pair.first())
            .is_some_and(Value::is_string)
    };
    let alternatives: Vec<&Value> = if items.iter().all(is_line) {
        vec![value]
    } else {
        items.iter().collect()
    };
    alternatives
        .into_iter()
        .map(|alternative| {
            let lines = alternative.as_array().filter(|lines| !lines.is_empty());
            let lines = lines.ok_or_else(|| shape.to_owned())?;
            lines
                .iter()
                .map(|line| match line.as_array().map(Vec::as_slice) {
                    Some([Value::String(speaker), Value::String(text)])
                        if SPEAKERS.contains(&speaker.as_str()) =>
                    {
                        Ok((speaker.clone(), text.clone()))
                    }
                    _ => Err(format!("{shape}; not {line}")),
                })
                .collect()
        })
        .collect()
}

/// `{"key": [choice, ...]}`; a value that is not a list is the key's only choice.
fn choices(value: &Value) -> Result<Vec<(String, Vec<Value>)>, String> {
    let Value::Object(object) = value else {
        return Err(
            "extracted_data must be an object of choices, like {\"monto\": [\"1500\", \"2000\"]}"
                .to_owned(),
        );
    };
    object
        .iter()
        .map(|(key, choices)| match choices {
            Value::Array(list) if list.is_empty() => Err(format!(
                "extracted_data.{key} must hold at least one choice"
            )),
            Value::Array(list) => Ok((key.clone(), list.clone())),
            one => Ok((key.clone(), vec![one.clone()])),
        })
        .collect()
}

#[cfg(test)]
mod tests;
