//! Ctrl-C and SIGTERM: end with exit code 130 and say what the interruption means.

use crate::error::{Error, Kind};
use crate::output;

/// From now on, SIGINT or SIGTERM prints `error` (its kind forced to `Interrupted`) and ends the
/// process with code 130. Used around single requests, where there is nothing to clean up but
/// the user must learn whether the request may have been carried out.
pub fn exit_on_signal(error: Error) {
    #[cfg(unix)]
    {
        use signal_hook::consts::{SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
            return; // Without a handler the default applies: the shell still sees 130 for Ctrl-C.
        };
        std::thread::spawn(move || {
            if signals.forever().next().is_some() {
                output::print_error(
                    &Error {
                        kind: Kind::Interrupted,
                        ..error
                    },
                    false,
                );
                std::process::exit(Kind::Interrupted.exit_code());
            }
        });
    }
    #[cfg(not(unix))]
    let _ = (error, output::print_error);
}
