use super::*;

fn refused(text: &str) -> String {
    Scenario::parse(text).expect_err(text)
}

#[test]
fn every_key_is_optional_and_unknown_keys_are_refused() {
    assert_eq!(Scenario::parse("{}").unwrap(), Scenario::default());
    assert!(refused(r#"{"tag": {}}"#).contains("unknown key 'tag'"));
    assert!(refused("[]").contains("one JSON object, not an array"));
    assert!(refused("{").contains("not valid JSON"));
}

#[test]
fn each_key_is_checked() {
    for (text, expected) in [
        (
            r#"{"status": {"ended": 1, "hung-up": 1}}"#,
            "unknown value 'hung-up'",
        ),
        (r#"{"status": {"ended": 0}}"#, "weight above 0"),
        (r#"{"status": {"ended": -1}}"#, "at least 0"),
        (r#"{"answered_by": {"robot": 1}}"#, "unknown value 'robot'"),
        (r#"{"answered_by": [1]}"#, "object of weights"),
        (r#"{"tags": {"PROMESA": 1.5}}"#, "odds from 0 to 1"),
        (r#"{"tags": {"": 0.5}}"#, "empty tag"),
        (r#"{"duration": [180, 20]}"#, "LOW at most HIGH"),
        (r#"{"duration": [20]}"#, "[LOW, HIGH]"),
        (r#"{"duration": [-1, 20]}"#, "[LOW, HIGH]"),
        (r#"{"transcript": []}"#, "[SPEAKER, TEXT]"),
        (r#"{"transcript": [["BOT", "hi"]]}"#, "not [\"BOT\",\"hi\"]"),
        (r#"{"transcript": [["AI", 1]]}"#, "[SPEAKER, TEXT]"),
        (
            r#"{"extracted_data": {"monto": []}}"#,
            "at least one choice",
        ),
        (r#"{"extracted_data": ["monto"]}"#, "object of choices"),
    ] {
        let message = refused(text);
        assert!(message.contains(expected), "{text}: {message}");
    }
}

fn sample() -> Scenario {
    Scenario::parse(
        r#"{"answered_by": {"human": 0.8, "machine": 0.2}, "status": {"ended": 0.9, "busy": 0.1},
            "tags": {"PROMESA": 0.3, "NO DEFINE": 0.2}, "duration": [20, 180],
            "transcript": [["AI", "Hola"], ["EU", "Pago el viernes"]],
            "extracted_data": {"monto": ["1500", "2000"]}}"#,
    )
    .unwrap()
}

#[test]
fn outcomes_follow_the_odds() {
    let scenario = sample();
    let draws = Draws::new(7);
    let count = 10_000u64;
    let mut endings = std::collections::HashMap::new();
    let (mut promesa, mut no_define, mut seconds) = (0, 0, Vec::new());
    for sequence in 1..=count {
        *endings
            .entry(scenario.ending(draws, sequence, "+525512345678"))
            .or_insert(0u64) += 1;
        let talk = scenario.talk(draws, sequence, Vec::new());
        promesa += u64::from(talk.tags.contains(&"PROMESA".to_owned()));
        no_define += u64::from(talk.tags.contains(&"NO DEFINE".to_owned()));
        seconds.push(talk.duration.unwrap().as_secs());
        assert_eq!(talk.transcript[0], ("AI".to_owned(), "Hola".to_owned()));
        assert!(["1500", "2000"].contains(&talk.extracted_data["monto"].as_str().unwrap()));
    }
    let share = |n: u64| n as f64 / count as f64;
    let near = |n: u64, p: f64| (share(n) - p).abs() < 0.02;
    assert!(near(endings[&Ending::Busy], 0.1), "{endings:?}");
    assert!(
        near(endings[&Ending::Answered(AnsweredBy::Human)], 0.72),
        "{endings:?}"
    );
    assert!(
        near(endings[&Ending::Answered(AnsweredBy::Machine)], 0.18),
        "{endings:?}"
    );
    assert!(!endings.contains_key(&Ending::NoAnswer));
    assert!(near(promesa, 0.3), "{promesa}");
    assert!(near(no_define, 0.2), "{no_define}");
    assert_eq!(seconds.iter().min(), Some(&20));
    assert_eq!(seconds.iter().max(), Some(&180));
}

#[test]
fn the_same_seed_draws_the_same_values_and_another_seed_others() {
    let scenario = sample();
    let draw = |seed: u64| -> Vec<(Ending, Talk)> {
        (1..=50)
            .map(|n| {
                let draws = Draws::new(seed);
                (
                    scenario.ending(draws, n, "+525512345678"),
                    scenario.talk(draws, n, Vec::new()),
                )
            })
            .collect()
    };
    assert_eq!(draw(7), draw(7));
    assert_ne!(draw(7), draw(8));
}

#[test]
fn the_numbers_rules_come_first_and_no_scenario_is_a_human_answer() {
    let scenario = Scenario::parse(r#"{"status": {"failed": 1}}"#).unwrap();
    let draws = Draws::new(1);
    assert_eq!(scenario.ending(draws, 1, "+525512340000"), Ending::Busy);
    assert_eq!(scenario.ending(draws, 1, "+525512349999"), Ending::NoAnswer);
    assert_eq!(scenario.ending(draws, 1, "+525512345678"), Ending::Failed);
    let plain = Scenario::default();
    for n in 1..100 {
        assert_eq!(
            plain.ending(draws, n, "+525512345678"),
            Ending::Answered(AnsweredBy::Human)
        );
        let default = vec![("AI".to_owned(), "hi".to_owned())];
        let talk = plain.talk(draws, n, default.clone());
        assert_eq!(
            talk,
            Talk {
                transcript: default,
                ..Talk::default()
            }
        );
    }
}

#[test]
fn a_list_of_transcripts_draws_one_per_call() {
    let scenario = Scenario::parse(
        r#"{"transcript": [[["AI", "uno"]], [["AI", "dos"], ["EU", "tres"], ["SYS", "fin"]]]}"#,
    )
    .unwrap();
    let firsts: std::collections::BTreeSet<String> = (1..100)
        .map(|n| {
            scenario.talk(Draws::new(3), n, Vec::new()).transcript[0]
                .1
                .clone()
        })
        .collect();
    assert_eq!(firsts.into_iter().collect::<Vec<_>>(), ["dos", "uno"]);
}
