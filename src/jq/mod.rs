//! `--jq EXPR` (contract section 12): a jq filter compiled once, before anything is sent, and
//! run on the JSON a command would print. Results are printed one per line: strings raw (like
//! `jq -r`), everything else as compact JSON. Implemented with the jaq crates, not a
//! subprocess.

use std::sync::Arc;

use jaq_core::load::{Arena, File, Loader};
use jaq_core::{Compiler, Ctx, Vars, data, unwrap_valr};
use jaq_json::Val;

use crate::error::{Error, Kind, Result};

mod budget;
mod plain;

pub use budget::Budget;

type Filter = jaq_core::Filter<data::JustLut<Val>>;

/// A compiled filter.
pub struct Jq {
    filter: Filter,
    /// The filter's steps when it is a plain path, run without jaq.
    plain: Option<Vec<plain::Step>>,
    budget: Budget,
}

impl Jq {
    /// Compiles `code`; a filter that does not compile is a usage error (exit 2).
    pub fn compile(code: &str) -> Result<Jq> {
        let defs = jaq_core::defs()
            .chain(jaq_std::defs().filter(|def| !needs_left_out_natives(def.name, def.args.len())))
            .chain(jaq_json::defs())
            .chain(own_defs());
        let funs = jaq_core::funs()
            .chain(jaq_std::base_funs())
            .chain(jaq_json::funs());
        let loader = Loader::new(defs);
        let arena = Arena::default();
        let bad = |why: String| Error::input(format!("invalid --jq filter: {why}"));
        let at = |slice: &str| {
            let offset = (slice.as_ptr() as usize).saturating_sub(code.as_ptr() as usize);
            let shown: String = slice.chars().take(20).collect();
            if shown.is_empty() {
                "at the end".to_owned()
            } else {
                format!("at character {} ('{shown}')", offset + 1)
            }
        };
        let modules = loader
            .load(&arena, File { code, path: () })
            .map_err(|errors| {
                let mut reasons = Vec::new();
                for (_, error) in errors {
                    match error {
                        jaq_core::load::Error::Io(items) => {
                            reasons.extend(items.into_iter().map(|(_, why)| why));
                        }
                        jaq_core::load::Error::Lex(items) => {
                            reasons.extend(items.into_iter().map(|(expect, where_)| {
                                format!("expected {} {}", expect.as_str(), at(where_))
                            }));
                        }
                        jaq_core::load::Error::Parse(items) => {
                            reasons.extend(items.into_iter().map(|(expect, where_)| {
                                format!("expected {} {}", expect.as_str(), at(where_))
                            }));
                        }
                    }
                }
                bad(reasons.join("; "))
            })?;
        let filter = Compiler::default()
            .with_funs(funs)
            .compile(modules)
            .map_err(|errors| {
                let names: Vec<String> = errors
                    .into_iter()
                    .flat_map(|(_, undefined)| undefined)
                    .map(|(name, kind)| {
                        let what = match kind {
                            jaq_core::compile::Undefined::Var => "variable",
                            jaq_core::compile::Undefined::Filter(_) => "function",
                            _ => "name",
                        };
                        format!("undefined {what} '{name}'")
                    })
                    .collect();
                bad(names.join("; "))
            })?;
        Ok(Jq {
            filter,
            plain: plain::parse(code),
            budget: Budget::default(),
        })
    }

    /// Runs the filter on the JSON document `input`, appending each result as the line it is
    /// printed as (strings raw, other values compact JSON) and handing the lines to `emit`
    /// in chunks. A plain path (`.a[].b`) reads the bytes directly; anything else runs in
    /// jaq under the [`Budget`]. A runtime failure is kind `jq` (exit 1): the request
    /// succeeded, so no code of a failed request fits.
    pub fn run_bytes(
        self: &Arc<Self>,
        input: &[u8],
        emit: &mut dyn FnMut(&[u8]) -> Result<()>,
    ) -> Result<()> {
        if let Some(steps) = &self.plain
            && let Some(text) = plain::run(steps, input)
        {
            return emit(&text);
        }
        budget::run(self.clone(), input.to_vec(), self.budget, emit)
    }

    #[cfg(test)]
    /// The same filter with another budget (tests use short ones).
    pub fn with_budget(mut self, budget: Budget) -> Jq {
        self.budget = budget;
        self
    }

    /// Runs jaq itself (on the evaluator's thread, see [`budget`]): the results' lines in
    /// chunks to `out`, which says whether to go on.
    fn evaluate(&self, input: &[u8], out: &mut dyn FnMut(&[u8]) -> bool) -> Result<(), String> {
        let mut text = Vec::new();
        let ran = self.for_each_result(input, &mut |result| {
            text.extend_from_slice(result);
            text.push(b'\n');
            text.len() < 64 * 1024 || out(&std::mem::take(&mut text))
        });
        out(&text);
        ran
    }

    /// Runs jaq on `input`, handing each result to `each` as it is printed (strings raw, other
    /// values compact JSON, no newline) while `each` says to go on.
    fn for_each_result(
        &self,
        input: &[u8],
        each: &mut dyn FnMut(&[u8]) -> bool,
    ) -> Result<(), String> {
        let input = jaq_json::read::parse_single(input)
            .map_err(|e| format!("cannot read the JSON: {e}"))?;
        let ctx = Ctx::<data::JustLut<Val>>::new(&self.filter.lut, Vars::new([]));
        let mut text = Vec::new();
        for result in self.filter.id.run((ctx, input)).map(unwrap_valr) {
            text.clear();
            match result {
                Ok(Val::TStr(bytes) | Val::BStr(bytes)) => text.extend_from_slice(&bytes),
                Ok(other) => {
                    use std::io::Write;
                    let _ = write!(text, "{other}");
                }
                Err(e) => return Err(e.to_string()),
            }
            if !each(&text) {
                break;
            }
        }
        Ok(())
    }
}

/// A runtime failure of the filter.
fn failed(why: impl std::fmt::Display) -> Error {
    Error::new(Kind::Jq, format!("--jq: {why}"))
        .with_hint("the request itself succeeded; the filter failed on its answer")
}

/// `@csv` and `@tsv`, which jaq-std keeps with the native groups left out below; written in
/// jq, as jq documents them (strings quoted or escaped, null empty, other values as text).
const OWN_DEFS: &str = r#"
def @csv: [.[] | if isstring then "\"" + (split("\"") | join("\"\"")) + "\""
                 elif . == null then "" else tostring end] | join(",");
def @tsv: [.[] | if isstring then split("\\") | join("\\\\") | split("\t") | join("\\t")
                   | split("\n") | join("\\n") | split("\r") | join("\\r")
                 elif . == null then "" else tostring end] | join("\t");
"#;

fn own_defs() -> impl Iterator<Item = jaq_core::load::parse::Def<&'static str>> {
    jaq_core::load::parse(OWN_DEFS, |p| p.defs())
        .expect("the definitions of @csv and @tsv parse")
        .into_iter()
}

/// jaq-std's definitions that call its optional native groups (regular expressions, dates,
/// logging, extra maths, `@base64`-style formats), which are left out: they come only all
/// together, with a date library, and would take the release binary over its 5 MB budget.
fn needs_left_out_natives(name: &str, arity: usize) -> bool {
    const LEFT_OUT: [&str; 29] = [
        "stderr",
        "debug",
        "halt_error",
        "logb",
        "significand",
        "pow10",
        "drem",
        "nexttoward",
        "scalb",
        "gamma",
        "test",
        "scan_",
        "match",
        "capture",
        "splits",
        "sub",
        "gsub",
        "scan",
        "todate",
        "fromdate",
        "@html",
        "@htmld",
        "@uri",
        "@urid",
        "@base64",
        "@base64d",
        "dateadd",
        "datesub",
        "date",
    ];
    LEFT_OUT.contains(&name) || (name == "split" && arity == 2)
}

#[cfg(test)]
mod tests;
