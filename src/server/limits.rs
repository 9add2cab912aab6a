//! The limits that keep slow, idle or hostile clients from taking a server over (contract
//! section 20, "Servers"). They are a parameter of the server, so tests build one with short
//! limits instead of waiting for the real ones.

use std::time::Duration;

/// How much of a connection a client may hold, and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The largest request head (request line and headers); beyond it, 431.
    pub head_bytes: usize,
    /// A connection that has not sent a complete head this long after it opened (or after its
    /// previous answer) is closed.
    pub head_timeout: Duration,
    /// The largest body; beyond it, 413.
    pub body_bytes: usize,
    /// A whole body must arrive within this long after its head, else 408.
    pub body_deadline: Duration,
    /// After this long, a body must have arrived at [`Limits::body_rate`] on average, else 408.
    pub body_grace: Duration,
    /// Bytes per second, on average over the whole body so far, once past the grace.
    pub body_rate: u64,
    /// An answer the client does not take (its socket stays full) for this long closes the
    /// connection.
    pub write_timeout: Duration,
    /// Connections served at once; more wait in the kernel's backlog until one closes.
    pub connections: usize,
}

impl Limits {
    /// The contract's limits, with the application's largest body.
    pub fn standard(body_bytes: usize) -> Limits {
        Limits {
            head_bytes: 64 * 1024,
            head_timeout: Duration::from_secs(10),
            body_bytes,
            body_deadline: Duration::from_secs(30),
            body_grace: Duration::from_secs(10),
            body_rate: 1024,
            write_timeout: Duration::from_secs(10),
            connections: 1024,
        }
    }

    /// Changes one limit by name (`head-timeout=500ms`, `connections=3`); how the hidden
    /// `--tune` flag of the servers' commands lowers them for tests and benchmarks. `Err`
    /// with a reason for an unknown name or a bad value.
    pub fn tune(&mut self, name: &str, value: &str) -> Result<(), String> {
        let duration = || {
            humantime::parse_duration(value)
                .map_err(|e| format!("{name}={value}: not a duration like 500ms ({e})"))
        };
        let count = || {
            value
                .parse::<u64>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| format!("{name}={value}: not a positive whole number"))
        };
        match name {
            "head-bytes" => self.head_bytes = count()? as usize,
            "head-timeout" => self.head_timeout = duration()?,
            "body-bytes" => self.body_bytes = count()? as usize,
            "body-deadline" => self.body_deadline = duration()?,
            "body-grace" => self.body_grace = duration()?,
            "body-rate" => self.body_rate = count()?,
            "write-timeout" => self.write_timeout = duration()?,
            "connections" => self.connections = count()? as usize,
            _ => return Err(format!("unknown server limit '{name}'")),
        }
        Ok(())
    }
}
