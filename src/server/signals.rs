//! SIGINT and SIGTERM for the servers (`sandbox serve | exec`, `webhook listen`): caught from
//! the start, so that neither ends a server before it has stopped cleanly, and a second one
//! ends it at once.

#[cfg(not(unix))]
use std::sync::Arc;
#[cfg(not(unix))]
use std::time::Duration;

use signal_hook::consts::{SIGINT, SIGTERM};

use crate::error::{Error, Result};
use crate::output::Output;

/// SIGINT and SIGTERM, caught from the start so that neither ends the process by default.
#[cfg(unix)]
pub struct StopSignals(pub signal_hook::iterator::Signals);

#[cfg(unix)]
impl StopSignals {
    pub fn catch() -> Result<StopSignals> {
        signal_hook::iterator::Signals::new([SIGINT, SIGTERM])
            .map(StopSignals)
            .map_err(|e| Error::internal(format!("cannot handle SIGINT/SIGTERM: {e}")))
    }

    /// Blocks until a signal comes; its name.
    pub fn wait(&mut self) -> &'static str {
        match self.0.forever().next() {
            Some(SIGTERM) => "SIGTERM",
            _ => "SIGINT",
        }
    }
}

/// Outside Unix, signal_hook has no iterator: the handlers set a flag that `wait` looks at.
#[cfg(not(unix))]
pub struct StopSignals(Arc<std::sync::atomic::AtomicUsize>);

#[cfg(not(unix))]
impl StopSignals {
    pub fn catch() -> Result<StopSignals> {
        let caught = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        for signal in [SIGINT, SIGTERM] {
            signal_hook::flag::register_usize(signal, caught.clone(), signal as usize)
                .map_err(|e| Error::internal(format!("cannot handle Ctrl-C: {e}")))?;
        }
        Ok(StopSignals(caught))
    }

    pub fn wait(&mut self) -> &'static str {
        loop {
            match self.0.swap(0, std::sync::atomic::Ordering::SeqCst) {
                0 => std::thread::sleep(Duration::from_millis(100)),
                signal if signal == SIGTERM as usize => return "SIGTERM",
                _ => return "SIGINT",
            }
        }
    }
}

impl StopSignals {
    /// From now on, the next signal ends the process at once.
    /// `who` starts the line that says so (on `out`): `altur sandbox`, `altur webhook`.
    pub fn exit_on_next(mut self, who: &'static str, out: std::sync::Arc<Output>) {
        std::thread::spawn(move || {
            self.wait();
            out.stderr_line(&format!("{who}: stopped at once (second signal)"));
            std::process::exit(crate::error::Kind::Interrupted.exit_code());
        });
    }
}
