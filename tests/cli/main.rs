//! Integration tests: the real binary against real HTTP servers on 127.0.0.1.

mod api;
mod auth;
mod call;
mod campaign;
mod contact;
mod enduser;
mod export;
mod formats;
mod import;
mod interface;
mod mcp;
mod message;
mod network;
mod output;
mod readme;
mod sandbox;
mod secrets;
mod support;
mod sweep;
mod webhook;
