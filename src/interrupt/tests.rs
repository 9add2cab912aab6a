use super::*;

fn state(mode: Mode) -> State {
    State {
        mode,
        error: Error::new(Kind::Interrupted, "interrupted"),
        last: None,
    }
}

#[test]
fn a_stop_is_asked_once_and_signals_within_half_a_second_are_the_same_one() {
    let start = Instant::now();
    let mut state = state(Mode::Stop);
    assert_eq!(state.on_signal(start), Action::Stop);
    // `timeout -s INT` signals the process, then its group: the second is the same Ctrl-C.
    assert_eq!(
        state.on_signal(start + Duration::from_micros(30)),
        Action::Ignore
    );
    // A burst that keeps coming stays one interruption.
    assert_eq!(
        state.on_signal(start + Duration::from_millis(400)),
        Action::Ignore
    );
    assert_eq!(
        state.on_signal(start + Duration::from_millis(800)),
        Action::Ignore
    );
    // A second Ctrl-C, after a pause: at once.
    assert_eq!(
        state.on_signal(start + Duration::from_millis(1400)),
        Action::Exit
    );
}

#[test]
fn around_a_single_request_the_first_signal_ends_the_program() {
    let start = Instant::now();
    let mut state = state(Mode::Exit);
    assert_eq!(state.on_signal(start), Action::Exit);
}

#[test]
fn the_message_changes_as_the_command_moves_on_and_stays_an_interruption() {
    let interrupt = Interrupt {
        inner: Arc::new(Inner {
            json: true,
            out: Arc::new(Output::memory()),
            state: Mutex::new(state(Mode::Exit)),
            requested: AtomicBool::new(false),
        }),
    };
    interrupt.stop_with(Error::input("stopping").with_hint("run again"));
    {
        let state = interrupt.state();
        assert_eq!(state.mode, Mode::Stop);
        assert_eq!(state.error.kind, Kind::Interrupted);
        assert_eq!(state.error.hint.as_deref(), Some("run again"));
    }
    interrupt.on_signal(Instant::now());
    assert!(interrupt.requested());
    interrupt.set(Error::new(Kind::Unknown, "follow with altur call wait"));
    assert_eq!(interrupt.state().error.kind, Kind::Interrupted);
    assert!(interrupt.json());
}
