//! The sandbox's randomness: every drawn value (an id, an outcome, a tag) is a pure function
//! of the seed, the call's sequence number and what is drawn, so `--seed N` repeats them all
//! whatever else the sandbox is asked, and one more kind of draw never shifts the others.

/// A deterministic, well-mixed number (the splitmix64 finaliser). It is a bijection of `u64`:
/// different inputs never give the same output, so ids made from it never collide.
pub(super) fn mix(n: u64) -> u64 {
    let mut z = n.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// What is drawn, each from a stream of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Stream {
    CallId = 1,
    ThreadId,
    EndUserHigh,
    EndUserLow,
    Status,
    AnsweredBy,
    Duration,
    Transcript,
    /// Tags and extracted data add the index of the tag or key.
    Tag,
    Data,
}

/// The draws of one sandbox run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Draws {
    seed: u64,
}

impl Draws {
    pub fn new(seed: u64) -> Draws {
        Draws { seed }
    }

    pub fn seed(self) -> u64 {
        self.seed
    }

    /// The number drawn for the call with this sequence number, from `stream` (`index`
    /// tells apart the tags, or the keys of extracted data). For a given seed and stream,
    /// different sequence numbers give different numbers.
    pub(super) fn value(self, sequence: u64, stream: Stream, index: u64) -> u64 {
        let stream = mix(self.seed ^ mix((stream as u64) << 32 | index));
        mix(sequence.wrapping_add(stream))
    }

    /// A number in [0, 1).
    pub(super) fn unit(self, sequence: u64, stream: Stream, index: u64) -> f64 {
        (self.value(sequence, stream, index) >> 11) as f64 / (1u64 << 53) as f64
    }

    /// One of `weights`' items, each as likely as its weight (the weights sum above 0).
    pub(super) fn weighted<T>(
        self,
        sequence: u64,
        stream: Stream,
        weights: &[(T, f64)],
    ) -> Option<&T> {
        let total: f64 = weights.iter().map(|(_, w)| w).sum();
        let mut left = self.unit(sequence, stream, 0) * total;
        let mut last = None;
        for (item, weight) in weights {
            if *weight <= 0.0 {
                continue;
            }
            if left < *weight {
                return Some(item);
            }
            left -= weight;
            last = Some(item);
        }
        // Rounding may leave a sliver above the last weight: it is the last item's.
        last
    }

    /// A whole number from `low` to `high`, both included.
    pub(super) fn between(self, sequence: u64, stream: Stream, low: u64, high: u64) -> u64 {
        let span = high.saturating_sub(low).saturating_add(1);
        low + self.value(sequence, stream, 0) % span
    }
}
