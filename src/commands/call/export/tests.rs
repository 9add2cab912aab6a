use serde_json::json;

use super::index::{COLUMNS, entry};
use super::names::{Fields, Template};
use super::select::Campaign;
use super::*;

fn call() -> Value {
    json!({
        "id": "cll_1",
        "created_at": "2026-05-14T23:39:40-06:00",
        "status": "ended",
        "answered_by": "human",
        "duration": 95,
        "tags": ["PROMESA", "VIP"],
        "contact": {"id": 7, "f_id": "0074235796811684", "name": "Ana / Pérez", "phone_number": "+525510203040"},
        "extra": true
    })
}

fn render(template: &str, call: &Value, room: usize) -> String {
    Template::parse(template).unwrap().render(
        &Fields {
            call,
            campaign: "4821",
            campaign_name: Some("Cobranza Mayo"),
        },
        room,
    )
}

#[test]
fn templates_fill_fields_dates_in_utc_and_folders() {
    let call = call();
    assert_eq!(render("{id}", &call, 0), "cll_1");
    assert_eq!(
        render("{created_at:%Y-%m-%d}/{contact.f_id}_{id}", &call, 0),
        "2026-05-15/0074235796811684_cll_1"
    );
    assert_eq!(
        render("{campaign}-{campaign_name}/{created_at:%F %T}", &call, 0),
        "4821-Cobranza Mayo/2026-05-15 05:39:40"
    );
    // A value's '/' makes no folder; missing fields and dot parts are replaced.
    assert_eq!(render("{contact.name}", &call, 0), "Ana _ Pérez");
    assert_eq!(render("{nothing}/x", &call, 0), "_/x");
    assert_eq!(render("../{id}", &call, 0), "_/cll_1");
    assert_eq!(render("a\\b\u{7}{tags}", &call, 0), "a_b_PROMESA;VIP");
}

#[test]
fn long_names_fit_in_255_bytes_with_suffix_and_extension() {
    let mut call = call();
    call["contact"]["name"] = json!("é".repeat(400));
    let name = render("{contact.name}", &call, "_cll_1".len());
    assert!(
        name.len() + "_cll_1".len() + ".webm".len() <= 255,
        "{}",
        name.len()
    );
    assert!(name.len() > 200);
    let folders = render("{contact.name}/{contact.name}", &call, 0);
    let (first, last) = folders.split_once('/').unwrap();
    assert!(first.len() <= 255 && last.len() <= 250);
}

#[test]
fn bad_templates_are_refused() {
    for bad in [
        "",
        "{",
        "}",
        "{}",
        "{a..b}",
        "{created_at:%Q}",
        "{x:%}",
        "{a b}",
    ] {
        let error = Template::parse(bad).unwrap_err();
        assert_eq!(error.kind, Kind::Input, "{bad}");
    }
}

#[test]
fn index_entries_have_the_contract_keys_in_order() {
    let campaign = Campaign {
        id: "4821".into(),
        name: Some("Mayo".into()),
    };
    let entry = entry(&campaign, &call(), Some("transcripts/cll_1.txt"), None);
    let keys: Vec<&String> = entry.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "campaign_id",
            "campaign_name",
            "id",
            "created_at",
            "status",
            "answered_by",
            "duration",
            "tags",
            "contact",
            "transcript",
            "recording"
        ]
    );
    assert_eq!(entry["campaign_id"], json!(4821));
    assert_eq!(
        entry["contact"],
        json!({"id": 7, "f_id": "0074235796811684", "name": "Ana / Pérez", "phone_number": "+525510203040"})
    );
    assert_eq!(entry["recording"], Value::Null);
    assert_eq!(COLUMNS.len(), 14);
}

#[test]
fn dotted_paths_reach_nested_fields() {
    let call = call();
    assert_eq!(
        dotted(&call, "contact.f_id"),
        Some(&json!("0074235796811684"))
    );
    assert_eq!(dotted(&call, "tags.1"), Some(&json!("VIP")));
    assert_eq!(dotted(&call, "contact.none"), None);
    assert_eq!(value_text(&json!(95)), "95");
}
