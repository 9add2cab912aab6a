//! The progress line of the bulk downloads (`call recordings`, `call export`): a spinner with
//! a count and a message on stderr, only when stderr is a terminal.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub(super) struct Spinner {
    bar: Option<ProgressBar>,
}

impl Spinner {
    pub(super) fn new() -> Spinner {
        Spinner {
            bar: std::io::stderr().is_terminal().then(|| {
                let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
                bar.set_style(
                    ProgressStyle::with_template("{spinner} {pos} calls  {msg}")
                        .expect("a valid template"),
                );
                bar.enable_steady_tick(Duration::from_millis(200));
                bar
            }),
        }
    }

    /// Shows `calls` handled so far and the message (built only when there is a terminal).
    pub(super) fn show(&self, calls: u64, message: impl FnOnce() -> String) {
        if let Some(bar) = &self.bar {
            bar.set_position(calls);
            bar.set_message(message());
        }
    }

    /// Runs `print` with the line cleared, so that a result never lands on the spinner's line.
    pub(super) fn suspend(&self, print: impl FnOnce()) {
        match &self.bar {
            Some(bar) => bar.suspend(print),
            None => print(),
        }
    }

    pub(super) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
