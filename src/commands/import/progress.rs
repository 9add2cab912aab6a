//! The progress line on stderr while an import runs on a terminal.

use std::io::IsTerminal;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use super::outcome::Tally;
use super::read::Input;
use crate::error::Kind;
use crate::output::Output;

/// The progress line on stderr, only when stderr is a terminal: records done, rate, failures,
/// and an ETA from the share of the input's bytes read when the input is a file.
pub(super) struct Progress {
    pub(super) bar: Option<ProgressBar>,
    /// Results go to the same terminal as the progress line.
    pub(super) shared_terminal: bool,
    pub(super) size: Option<u64>,
    pub(super) consumed: Arc<AtomicU64>,
    pub(super) started: Instant,
    /// Where the results are written.
    pub(super) out: Arc<Output>,
}

impl Progress {
    pub(super) fn new(input: &Input, out: Arc<Output>) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            bar.set_style(
                ProgressStyle::with_template("{spinner} {msg}").expect("a valid template"),
            );
            bar.set_message(progress_message(&Tally::default(), 0.0, None));
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            shared_terminal: bar.is_some() && std::io::stdout().is_terminal(),
            bar,
            size: input.size.filter(|&size| size > 0),
            consumed: input.consumed.clone(),
            started: Instant::now(),
            out,
        }
    }

    /// Writes results (redacted) to stdout. When stdout is the progress line's terminal, the
    /// line is cleared first and drawn again after: the two would otherwise share a line.
    pub(super) fn print(&self, text: &str) -> std::io::Result<()> {
        match &self.bar {
            Some(bar) if self.shared_terminal => bar.suspend(|| write_stdout(&self.out, text)),
            _ => write_stdout(&self.out, text),
        }
    }

    pub(super) fn update(&self, tally: &Tally) {
        let Some(bar) = &self.bar else { return };
        let share = self
            .size
            .map(|size| self.consumed.load(Ordering::Relaxed) as f64 / size as f64);
        bar.set_message(progress_message(
            tally,
            self.started.elapsed().as_secs_f64(),
            share,
        ));
    }

    pub(super) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// `1 record  12/s  0 failed, 0 uncertain  ETA 3 s`: the ETA when the share of the input read
/// so far is known (a file), from the time that share took.
pub(super) fn progress_message(tally: &Tally, elapsed_secs: f64, share: Option<f64>) -> String {
    let done = tally.total();
    let plural = if done == 1 { "" } else { "s" };
    let rate = if elapsed_secs > 0.0 {
        done as f64 / elapsed_secs
    } else {
        0.0
    };
    let mut message = format!(
        "{done} record{plural}  {rate:.0}/s  {} failed, {} uncertain",
        tally.failed, tally.uncertain
    );
    if let Some(share) = share
        && share > 0.0
        && share < 1.0
        && done > 0
    {
        let left = elapsed_secs * (1.0 - share) / share;
        message.push_str(&format!("  ETA {}", format_secs(left)));
    }
    message
}

pub(super) fn format_secs(secs: f64) -> String {
    let secs = secs.round() as u64;
    match secs {
        0..60 => format!("{secs} s"),
        60..3600 => format!("{} min {} s", secs / 60, secs % 60),
        _ => format!("{} h {} min", secs / 3600, secs % 3600 / 60),
    }
}

/// Writes `text` to stdout now, through `out` (redacted). A closed stdout is a
/// `BrokenPipe` the caller handles: an import must finish what is in flight before it ends.
pub(super) fn write_stdout(out: &Output, text: &str) -> std::io::Result<()> {
    out.stdout(text).map_err(|e| match e.kind {
        Kind::StdoutClosed => std::io::ErrorKind::BrokenPipe.into(),
        _ => std::io::Error::other(e.message),
    })
}

#[cfg(test)]
mod tests;
