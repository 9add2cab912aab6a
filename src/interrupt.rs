//! Ctrl-C and SIGTERM, handled in one place: what an interruption means is said in the
//! session's error format (`-o json` gives one JSON error object), and exit code 130.
//!
//! A command either ends at the first signal ([`Interrupt::exit_with`], around single
//! requests: nothing to clean up, but the user must learn whether the request may have been
//! carried out) or is asked to stop ([`Interrupt::stop_with`], bulk work: in-flight requests
//! finish and are journaled, then the summary). SIGTERM is the first Ctrl-C. Signals within
//! [`WINDOW`] of each other count as one: coreutils `timeout -s INT` signals the process and
//! then its whole group, so one timeout is two signals a few microseconds apart. Only a signal
//! after that window, while a stop is under way, ends the program at once.
//!
//! ```ignore
//! let interrupt = session.interrupt();               // the one handler, on first use
//! interrupt.exit_with(may_have_been_sent);           // around one request
//! interrupt.set(now_following_the_call);             // as the command moves on
//! interrupt.stop_with(stopped_at_once);              // bulk work, which then polls:
//! while !interrupt.requested() { /* take the next item */ }
//! ```

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock, Mutex, Once};
use std::time::{Duration, Instant};

use crate::error::{Error, Kind};
use crate::output::Output;

/// Signals closer together than this are one interruption.
pub const WINDOW: Duration = Duration::from_millis(500);

/// The process's answer to Ctrl-C and SIGTERM, shared by every thread of a command. Cloning
/// gives another handle on the same state.
#[derive(Clone)]
pub struct Interrupt {
    inner: Arc<Inner>,
}

struct Inner {
    /// Errors print as one JSON object (`-o json`).
    json: bool,
    /// Where the interruption is said.
    out: Arc<Output>,
    state: Mutex<State>,
    /// Set by the first signal in [`Mode::Stop`].
    requested: AtomicBool,
}

/// What the first signal does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Print the error and end with 130.
    Exit,
    /// Ask the command to stop; a later signal ends the program.
    Stop,
}

#[derive(Debug)]
struct State {
    mode: Mode,
    /// What an interruption means now; its kind is always `Interrupted`.
    error: Error,
    /// When the last signal arrived.
    last: Option<Instant>,
}

/// What a signal arriving now does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    /// Part of an interruption already being handled.
    Ignore,
    Stop,
    Exit,
}

impl State {
    fn on_signal(&mut self, now: Instant) -> Action {
        let previous = self.last.replace(now);
        match previous {
            Some(last) if now.saturating_duration_since(last) < WINDOW => Action::Ignore,
            Some(_) => Action::Exit,
            None if self.mode == Mode::Stop => Action::Stop,
            None => Action::Exit,
        }
    }
}

impl Interrupt {
    /// Catches SIGINT and SIGTERM from now on. Until told otherwise, the first one prints
    /// "interrupted" and ends the program with 130, said on `out`; `json` prints it as a JSON
    /// object.
    ///
    /// Signals belong to the process, not to a command: one thread listens for them, and they
    /// go to the `Interrupt` installed last, so installing again never prints twice.
    pub fn install(json: bool, out: Arc<Output>) -> Interrupt {
        let interrupt = Interrupt {
            inner: Arc::new(Inner {
                json,
                out,
                state: Mutex::new(State {
                    mode: Mode::Exit,
                    error: Error::new(Kind::Interrupted, "interrupted"),
                    last: None,
                }),
                requested: AtomicBool::new(false),
            }),
        };
        *CURRENT.lock().unwrap_or_else(|e| e.into_inner()) = Some(interrupt.clone());
        LISTENING.call_once(listen);
        interrupt
    }

    /// From now on the first signal prints `error` (as an interruption) and exits 130.
    pub fn exit_with(&self, error: Error) {
        self.update(Mode::Exit, error);
    }

    /// From now on the first signal only asks the command to stop ([`Interrupt::requested`]);
    /// a signal after that, beyond [`WINDOW`], prints `error` and exits 130 at once.
    pub fn stop_with(&self, error: Error) {
        self.update(Mode::Stop, error);
    }

    /// Changes what an interruption means, as the command moves on.
    pub fn set(&self, error: Error) {
        let mut state = self.state();
        state.error = interrupted(error);
    }

    /// Whether a signal asked the command to stop. A signal counts from the moment it is
    /// delivered, not when the listening thread gets to it: work that ends just after Ctrl-C
    /// still reports the interruption.
    pub fn requested(&self) -> bool {
        self.inner.requested.load(Ordering::Relaxed)
            || (RAISED.load(Ordering::Relaxed) && self.state().mode == Mode::Stop)
    }

    #[cfg(test)]
    /// Whether errors print as JSON (`-o json`).
    pub fn json(&self) -> bool {
        self.inner.json
    }

    fn update(&self, mode: Mode, error: Error) {
        let mut state = self.state();
        state.mode = mode;
        state.error = interrupted(error);
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.inner.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// One signal, at `now`.
    fn on_signal(&self, now: Instant) {
        let (action, error) = {
            let mut state = self.state();
            (state.on_signal(now), state.error.clone())
        };
        match action {
            Action::Ignore => {}
            Action::Stop => self.inner.requested.store(true, Ordering::Relaxed),
            Action::Exit => {
                self.inner.out.print_error(&error, self.inner.json);
                std::process::exit(Kind::Interrupted.exit_code());
            }
        }
    }
}

/// Where signals go: the `Interrupt` installed last.
static CURRENT: Mutex<Option<Interrupt>> = Mutex::new(None);
static LISTENING: Once = Once::new();
/// Set by the signal handler itself, as the signal is delivered (the listening thread may run
/// later, when the machine is busy).
static RAISED: LazyLock<Arc<AtomicBool>> = LazyLock::new(Arc::default);

/// Hands each signal, as it arrives, to the current `Interrupt`.
fn deliver() {
    let current = CURRENT.lock().unwrap_or_else(|e| e.into_inner()).clone();
    if let Some(interrupt) = current {
        interrupt.on_signal(Instant::now());
    }
}

#[cfg(unix)]
fn listen() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    // Without a handler the default applies: the shell still sees 130 for Ctrl-C.
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    for signal in [SIGINT, SIGTERM] {
        let _ = signal_hook::flag::register(signal, RAISED.clone());
    }
    std::thread::spawn(move || {
        for _ in signals.forever() {
            deliver();
        }
    });
}

#[cfg(not(unix))]
fn listen() {
    // No signal iterator here: a flag looked at often, so a stop still works.
    let flag = Arc::new(AtomicBool::new(false));
    if signal_hook::flag::register(signal_hook::consts::SIGINT, flag.clone()).is_ok() {
        std::thread::spawn(move || {
            loop {
                if flag.swap(false, Ordering::Relaxed) {
                    deliver();
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        });
    }
}

fn interrupted(error: Error) -> Error {
    Error {
        kind: Kind::Interrupted,
        ..error
    }
}

#[cfg(test)]
mod tests;
