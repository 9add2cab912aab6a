//! The flags every bulk command has (`enduser import`, `contact import`, `call recordings`,
//! `call export`), defined once; each command words their help for its own jobs with
//! `#[command(mut_args(in_place(...)))]`.

use super::*;

/// `--concurrency N`: how many of a bulk command's jobs run at once. Each command names its
/// jobs and their limit with [`concurrency`].
#[derive(Debug, Clone, Copy, Args)]
pub struct Concurrency {
    #[arg(long, default_value_t = 4, value_name = "N")]
    concurrency: u16,
}

impl Concurrency {
    /// The workers to run.
    pub fn get(self) -> usize {
        usize::from(self.concurrency)
    }
}

/// `--concurrency` in a command whose jobs are `jobs` ("Downloads"): its help and its range,
/// 1 to `max`. For `#[command(mut_args(in_place("concurrency", |arg| concurrency(arg, ...))))]`.
pub fn concurrency(arg: clap::Arg, jobs: &str, max: u16) -> clap::Arg {
    arg.help(format!("{jobs} at once (1-{max})"))
        .value_parser(clap::value_parser!(u16).range(1..=i64::from(max)))
}

/// `--dir DIR`: the folder a bulk command writes into. Each command says what goes there with
/// `#[command(mut_args(in_place("dir", |arg| arg.help(...))))]`.
#[derive(Debug, Clone, Args)]
pub struct Folder {
    #[arg(long, value_name = "DIR")]
    pub dir: PathBuf,
}

/// `edit` for the argument `id` alone, as `Command::mut_arg` does, but keeping the argument
/// where it was (`mut_arg` moves it last, which reorders completions and man pages).
pub fn in_place(
    id: &'static str,
    mut edit: impl FnMut(clap::Arg) -> clap::Arg,
) -> impl FnMut(clap::Arg) -> clap::Arg {
    move |arg| match arg.get_id() == id {
        true => edit(arg),
        false => arg,
    }
}
