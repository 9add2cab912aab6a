//! Routing as a table: each [`Route`] is a method, a path pattern and a handler. A pattern's
//! segments are literal (`enduser`) or a parameter (`{id}`) that matches any one non-empty
//! segment. Of the patterns a path matches, only the most specific count (those with the most
//! literal segments: `/campaigns/{id}/calls` before `/campaigns/{id}/{action}`). A path whose
//! most specific patterns have another method is a 405 (with exactly their methods), one that
//! matches no pattern a 404.

#[derive(Clone, Copy)]
pub struct Route<H> {
    pub method: &'static str,
    pub pattern: &'static str,
    pub handler: H,
}

/// The route of a documented `operation` (method and path are the registry's, so the sandbox
/// cannot drift from what the commands send), answered by `handler`.
pub const fn route<H>(operation: crate::registry::Operation, handler: H) -> Route<H> {
    Route {
        method: operation.endpoint.method.as_str(),
        pattern: operation.endpoint.template,
        handler,
    }
}

/// The outcome of looking a request up in a table.
pub enum Found<'t, 'p, H> {
    Handler(&'t H, Params<'p>),
    /// The path is known but not with this method: the methods it has, `GET, PUT`.
    WrongMethod {
        allow: String,
    },
    NoRoute,
}

/// The parameters a pattern captured, by name.
#[derive(Debug, Default)]
pub struct Params<'p>(Vec<(&'static str, &'p str)>);

impl<'p> Params<'p> {
    /// The segment captured by `{name}`; empty if the pattern has no such parameter, which is
    /// a mistake in the table, caught by its tests.
    pub fn get(&self, name: &str) -> &'p str {
        self.0
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, value)| value)
    }
}

/// Finds the route for `method` and `path` (without query), among the most specific patterns
/// that match it. Routes of equal specificity are tried in order.
pub fn find<'t, 'p, H>(routes: &'t [Route<H>], method: &str, path: &'p str) -> Found<'t, 'p, H> {
    let matching: Vec<(&Route<H>, Params<'p>)> = routes
        .iter()
        .filter_map(|route| Some((route, match_pattern(route.pattern, path)?)))
        .collect();
    let Some(most) = matching.iter().map(|(r, _)| literals(r.pattern)).max() else {
        return Found::NoRoute;
    };
    let mut allow: Vec<&str> = Vec::new();
    for (route, params) in matching {
        if literals(route.pattern) != most {
            continue;
        }
        if route.method == method {
            return Found::Handler(&route.handler, params);
        }
        if !allow.contains(&route.method) {
            allow.push(route.method);
        }
    }
    Found::WrongMethod {
        allow: allow.join(", "),
    }
}

/// How many segments of a pattern are literal, not parameters.
fn literals(pattern: &str) -> usize {
    pattern
        .split('/')
        .filter(|segment| !segment.is_empty() && !segment.starts_with('{'))
        .count()
}

fn match_pattern<'p>(pattern: &'static str, path: &'p str) -> Option<Params<'p>> {
    let mut params = Params::default();
    let mut wanted = pattern.split('/');
    let mut given = path.split('/');
    loop {
        match (wanted.next(), given.next()) {
            (None, None) => return Some(params),
            (Some(want), Some(segment)) => {
                match want.strip_prefix('{').and_then(|w| w.strip_suffix('}')) {
                    Some(_) if segment.is_empty() => return None,
                    Some(name) => params.0.push((name, segment)),
                    None if want != segment => return None,
                    None => {}
                }
            }
            _ => return None,
        }
    }
}

#[cfg(test)]
mod tests;
