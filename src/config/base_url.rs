//! The base URL: parsed by hand, HTTPS-only off loopback, because the API key travels to it.

use crate::error::{Error, Result};

/// A base URL that passed the HTTPS-only rule, normalised: lower-case scheme and host, no
/// trailing slash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    url: String,
    host: String,
    https: bool,
    loopback: bool,
}

impl BaseUrl {
    /// Parses a base URL by hand (the `url` crate is not in the dependency tree, and `http::Uri`
    /// accepts what a base URL must not have: a fragment it then drops, user info, a port it
    /// cannot represent). Refused, with exit 2: anything but `https://` (or `http://` to a
    /// loopback host), user info, a query, a fragment, a port outside 1-65535, an odd host.
    pub fn parse(text: &str) -> Result<BaseUrl> {
        BaseUrl::parse_for(text, Carries::ApiKey)
    }

    /// A URL of the user's own that altur posts to without the API key (`webhook trigger`,
    /// `--forward-to`, the sandbox's `--webhook-url`): plain http to any host and a query are
    /// fine there, since no secret travels in the request's headers; user info and a fragment
    /// are still refused.
    pub fn parse_target(text: &str) -> Result<BaseUrl> {
        BaseUrl::parse_for(text, Carries::NoKey)
    }

    fn parse_for(text: &str, carries: Carries) -> Result<BaseUrl> {
        let what = match carries {
            Carries::ApiKey => "base URL",
            Carries::NoKey => "URL",
        };
        let trimmed = match carries {
            Carries::ApiKey => text.trim().trim_end_matches('/'),
            Carries::NoKey => text.trim(),
        };
        // User info may hold a password: never quote it back.
        let shown = match trimmed.split_once("://") {
            Some((scheme, rest)) if authority_of(rest).contains('@') => {
                let after = &rest[authority_of(rest).rfind('@').map_or(0, |at| at + 1)..];
                format!("{scheme}://…@{after}")
            }
            _ => trimmed.to_owned(),
        };
        let bad = |why: &str| {
            Error::input(format!(
                "invalid {what} '{}': {why}",
                crate::error::for_terminal(&shown)
            ))
        };
        let (scheme, rest) = trimmed
            .split_once("://")
            .ok_or_else(|| bad("it needs https://"))?;
        let scheme = scheme.to_ascii_lowercase();
        if rest.contains('#') {
            return Err(bad("it must not have a #fragment"));
        }
        if rest.contains('?') && carries == Carries::ApiKey {
            return Err(bad("it must not have a query string"));
        }
        let authority = authority_of(rest);
        let path = &rest[authority.len()..];
        if authority.contains('@') {
            return Err(bad(
                "it must not hold a user name or password (user:pass@); altur sends the API key",
            ));
        }
        let (host, port) = split_host_port(authority).map_err(|why| bad(&why))?;
        if path
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || !c.is_ascii())
        {
            return Err(bad(
                "its path has spaces, control or non-ASCII characters (percent-encode them)",
            ));
        }
        let loopback = is_loopback(&host);
        match scheme.as_str() {
            "https" => {}
            "http" if loopback || carries == Carries::NoKey => {}
            "http" => {
                return Err(bad(
                    "plain http is allowed only for loopback hosts (localhost, 127.0.0.1, ::1); \
                     the API key must never travel unencrypted, so use https://",
                ));
            }
            other => return Err(bad(&format!("unsupported scheme '{other}', use https://"))),
        }
        let shown_host = if host.contains(':') {
            format!("[{host}]")
        } else {
            host.clone()
        };
        let port = port.map(|p| format!(":{p}")).unwrap_or_default();
        let url = format!("{scheme}://{shown_host}{port}{path}");
        // The transport parses it again; anything it cannot take is refused here, not there.
        url.parse::<ureq::http::Uri>()
            .map_err(|_| bad("not a URL"))?;
        Ok(BaseUrl {
            url,
            host,
            https: scheme == "https",
            loopback,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.url
    }

    /// The path after the authority (`/api/v1.0`), empty when there is none.
    pub fn path(&self) -> &str {
        let rest = self.url.split_once("://").map_or("", |(_, rest)| rest);
        rest.find('/').map_or("", |at| &rest[at..])
    }

    /// The host, lower-case, without the brackets of an IPv6 literal.
    pub fn host(&self) -> &str {
        &self.host
    }

    /// Loopback hosts never go through a proxy and may use plain http.
    pub fn is_loopback(&self) -> bool {
        self.loopback
    }

    pub fn is_https(&self) -> bool {
        self.https
    }
}

/// Whether a URL will carry the API key: only then must it be HTTPS off loopback.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Carries {
    ApiKey,
    NoKey,
}

/// The authority part of what follows `scheme://`: up to the first `/`, `?` or `#`.
fn authority_of(rest: &str) -> &str {
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    &rest[..end]
}

/// The host (lower-case, IPv6 without brackets) and the port, if any, of an authority.
fn split_host_port(authority: &str) -> std::result::Result<(String, Option<u16>), String> {
    let (host, port) = if let Some(literal) = authority.strip_prefix('[') {
        let (inside, after) = literal
            .split_once(']')
            .ok_or("its IPv6 address lacks the closing ]")?;
        inside
            .parse::<std::net::Ipv6Addr>()
            .map_err(|_| "its IPv6 address is not valid")?;
        let port = match after {
            "" => None,
            _ => Some(
                after
                    .strip_prefix(':')
                    .ok_or("unexpected text after the IPv6 address")?,
            ),
        };
        (inside.to_owned(), port)
    } else {
        match authority.split_once(':') {
            Some((host, port)) => (host.to_owned(), Some(port)),
            None => (authority.to_owned(), None),
        }
    };
    if host.is_empty() {
        return Err("it has no host".to_owned());
    }
    if !host.contains(':')
        && !host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == '_')
    {
        return Err("its host name has characters a host name cannot have".to_owned());
    }
    let port = match port {
        None => None,
        Some(digits) => Some(
            digits
                .parse::<u16>()
                .ok()
                .filter(|p| *p >= 1 && digits.bytes().all(|b| b.is_ascii_digit()))
                .ok_or("its port must be a number from 1 to 65535")?,
        ),
    };
    Ok((host.to_ascii_lowercase(), port))
}

/// Exactly `localhost`, 127.0.0.0/8 and `::1`. Not `*.localhost`: such a name may resolve
/// anywhere, and the key would travel there in clear.
fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}
