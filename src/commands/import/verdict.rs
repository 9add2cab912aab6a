//! Whether a resumed run's journal belongs to its input, decided before anything is sent.

use super::journal::{History, Prior};
use super::journal_path::Chosen;
use super::read;
use crate::error::Error;

/// A resumed run compares up to this many records the journal lists as sent with the input
/// before it sends anything...
pub(super) const VERDICT_SAMPLE: u64 = 16;
/// ...holding back at most this many records meanwhile (fewer than the reordering window).
pub(super) const VERDICT_HOLD: usize = 32;

/// Whether the journal of a resumed run belongs to this input, decided from the first records
/// it lists as sent, before anything is sent. Records that failed before may have been edited
/// since (that is how they are fixed); records that were sent should be the same: when most of
/// them differ, this is another input, or the same one reordered, and the whole run is refused.
pub(super) struct Verdict {
    /// The records read while the verdict is pending; `None` once it is given (or not needed).
    pub(super) held: Option<Vec<(u64, read::Parsed)>>,
    /// The highest record number the journal knows: past it there is nothing to compare.
    pub(super) last_known: u64,
    pub(super) compared: u64,
    pub(super) differ: u64,
    pub(super) journal: String,
    /// The journal is the one kept by default for the input's path.
    pub(super) default: bool,
}

impl Verdict {
    pub(super) fn new(history: &History, journal: Option<&Chosen>) -> Verdict {
        let sent = |prior: &Prior| !matches!(prior, Prior::Failed);
        let last_known = history
            .iter()
            .filter(|(_, (_, prior))| sent(prior))
            .map(|(number, _)| *number)
            .max();
        Verdict {
            held: last_known.map(|_| Vec::new()),
            last_known: last_known.unwrap_or_default(),
            compared: 0,
            differ: 0,
            journal: journal
                .map(|j| j.path.display().to_string())
                .unwrap_or_default(),
            default: journal.is_some_and(|j| j.default),
        }
    }

    /// Notes a record; true once enough is known to decide.
    pub(super) fn note(&mut self, number: u64, parsed: &read::Parsed, history: &History) -> bool {
        if let (Ok(body), Some((recorded, prior))) = (parsed, history.get(&number))
            && !matches!(prior, Prior::Failed)
        {
            self.compared += 1;
            if *recorded != read::fnv1a(body) {
                self.differ += 1;
            }
        }
        let held = self.held.as_ref().map_or(0, Vec::len);
        self.compared >= VERDICT_SAMPLE || held >= VERDICT_HOLD || number >= self.last_known
    }

    pub(super) fn refusal(&self) -> Option<Error> {
        (self.differ * 2 > self.compared).then(|| {
            let hint = if self.default {
                // The file was replaced by another of the same name (this week's users.csv).
                "this is the journal altur keeps for this file's path, from an earlier run on other records: give --no-journal to send every record, or --journal PATH for a new journal"
            } else {
                "give the input this journal was written for (records may be edited in place, not added, removed or reordered), or a new --journal path (records the old journal lists as created would then be created again)"
            };
            Error::input(format!(
                "the journal {} does not belong to this input: {} of the first {} records it lists as sent differ from the records with the same numbers here",
                self.journal, self.differ, self.compared
            ))
            .with_hint(hint)
        })
    }
}
