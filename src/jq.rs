//! `--jq EXPR` (contract section 12): a jq filter compiled once, before anything is sent, and
//! run on the JSON a command would print. Results are printed one per line: strings raw (like
//! `jq -r`), everything else as compact JSON. Implemented with the jaq crates, not a
//! subprocess.

use jaq_core::load::{Arena, File, Loader};
use jaq_core::{Compiler, Ctx, Vars, data, unwrap_valr};
use jaq_json::Val;
use serde_json::Value;

use crate::error::{Error, Kind, Result};

type Filter = jaq_core::Filter<data::JustLut<Val>>;

/// A compiled filter.
pub struct Jq {
    filter: Filter,
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
        Ok(Jq { filter })
    }

    /// Runs the filter on `value`; each result as the line it is printed as (without the
    /// newline). A runtime error (`.a` on a number) is exit 1: the request succeeded, so no
    /// code of a failed request fits.
    pub fn run(&self, value: &Value, mut emit: impl FnMut(&str) -> Result<()>) -> Result<()> {
        let text = serde_json::to_vec(value).expect("a Value always serializes");
        let input = jaq_json::read::parse_single(&text)
            .map_err(|e| Error::internal(format!("cannot read JSON for --jq: {e}")))?;
        let ctx = Ctx::<data::JustLut<Val>>::new(&self.filter.lut, Vars::new([]));
        for result in self.filter.id.run((ctx, input)).map(unwrap_valr) {
            match result {
                Ok(Val::TStr(bytes) | Val::BStr(bytes)) => emit(&String::from_utf8_lossy(&bytes))?,
                Ok(other) => emit(&other.to_string())?,
                Err(e) => {
                    return Err(Error::new(Kind::Internal, format!("--jq: {e}")).with_hint(
                        "the request itself succeeded; the filter failed on its answer",
                    ));
                }
            }
        }
        Ok(())
    }
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
mod tests {
    use super::*;
    use serde_json::json;

    fn lines(code: &str, value: Value) -> Vec<String> {
        let mut lines = Vec::new();
        Jq::compile(code)
            .unwrap()
            .run(&value, |line| {
                lines.push(line.to_owned());
                Ok(())
            })
            .unwrap();
        lines
    }

    #[test]
    fn strings_are_raw_and_other_values_compact_json() {
        let v = json!({"id": "a\"b", "n": 1, "o": {"z": 1, "a": [true, null]}});
        assert_eq!(lines(".id", v.clone()), ["a\"b"]);
        assert_eq!(
            lines(".n, .o", v.clone()),
            ["1", r#"{"z":1,"a":[true,null]}"#]
        );
        assert_eq!(lines(".o.a[]", v.clone()), ["true", "null"]);
        assert_eq!(lines("[.[]] | length", v), ["3"]);
        assert_eq!(
            lines("map(select(.x > 1)) | .[].x", json!([{"x": 1}, {"x": 2}])),
            ["2"]
        );
    }

    #[test]
    fn the_common_standard_library_is_there() {
        let v = json!([{"n": "b", "x": 2.5}, {"n": "a", "x": 1}]);
        assert_eq!(
            lines("sort_by(.n) | map(.n) | join(\",\")", v.clone()),
            ["a,b"]
        );
        assert_eq!(lines("map(.x | floor) | add", v.clone()), ["3"]);
        assert_eq!(
            lines(".[] | select(.n | startswith(\"a\")) | .x", v.clone()),
            ["1"]
        );
        assert_eq!(
            lines(".[] | [.n, .x] | @csv", v.clone()),
            ["\"b\",2.5", "\"a\",1"]
        );
        assert_eq!(lines(".[0] | keys | @tsv", v.clone()), ["n\tx"]);
        assert_eq!(
            lines(
                r#"["a\"b", null, true, "t\tn\n\\"] | @csv, @tsv"#,
                json!(null)
            ),
            [
                "\"a\"\"b\",,true,\"t\tn\n\\\"",
                "a\"b\t\ttrue\tt\\tn\\n\\\\"
            ]
        );
        assert_eq!(lines("group_by(.x > 2) | length", v.clone()), ["2"]);
        assert_eq!(lines(".[0].n | ascii_upcase", v.clone()), ["B"]);
        assert_eq!(lines("map(.x) | tostring", v), ["[2.5,1]"]);
        let e = Jq::compile(r#".[] | test("a")"#).err().unwrap();
        assert!(
            e.message.contains("undefined function 'test'"),
            "{}",
            e.message
        );
    }

    #[test]
    fn a_bad_filter_is_an_input_error_that_says_why() {
        for bad in [".[", "foo(1)", "$x", ".a |"] {
            let e = Jq::compile(bad)
                .err()
                .unwrap_or_else(|| panic!("{bad} compiled"));
            assert_eq!(e.kind, Kind::Input, "{bad}");
            assert!(
                e.message.starts_with("invalid --jq filter: "),
                "{}",
                e.message
            );
        }
    }
}
