//! Integration tests: the real binary against real HTTP servers on 127.0.0.1.

mod import;
mod support;
