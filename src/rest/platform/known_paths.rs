//! The paths of the contract and the methods each declares, so that a request for a known
//! path with a method it does not declare answers 405 with `Allow` (RFC 9110 §15.5.6)
//! rather than the 404 of an unknown route.

use utoipa::openapi::OpenApi as Spec;

/// One path template (`/api/v1/accounts/{id}`), split at `/`, with its methods.
struct Template {
    /// `None` for a `{parameter}` segment, which matches any one non-empty segment.
    segments: Vec<Option<String>>,
    methods: Vec<&'static str>,
}

pub struct KnownPaths {
    templates: Vec<Template>,
}

impl KnownPaths {
    pub fn from_spec(spec: &Spec) -> KnownPaths {
        let templates = spec
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let declared = [
                    ("GET", item.get.is_some()),
                    ("HEAD", item.head.is_some()),
                    ("POST", item.post.is_some()),
                    ("PUT", item.put.is_some()),
                    ("PATCH", item.patch.is_some()),
                    ("DELETE", item.delete.is_some()),
                    ("OPTIONS", item.options.is_some()),
                    ("TRACE", item.trace.is_some()),
                ];
                Template {
                    segments: path
                        .split('/')
                        .map(|s| if s.starts_with('{') && s.ends_with('}') { None } else { Some(s.to_owned()) })
                        .collect(),
                    methods: declared.iter().filter(|(_, on)| *on).map(|(m, _)| *m).collect(),
                }
            })
            .collect();
        KnownPaths { templates }
    }

    /// The methods declared for `path`, or `None` when the contract has no such path.
    /// Literal segments win over parameters (`/plans/{id}` and `/plans/grants` are apart),
    /// as the router chooses.
    pub fn allowed(&self, path: &str) -> Option<Vec<&'static str>> {
        let parts: Vec<&str> = path.split('/').collect();
        self.templates
            .iter()
            .filter(|t| t.segments.len() == parts.len())
            .filter(|t| {
                t.segments.iter().zip(&parts).all(|(s, p)| match s {
                    Some(lit) => lit == p,
                    None => !p.is_empty(),
                })
            })
            .max_by_key(|t| t.segments.iter().filter(|s| s.is_some()).count())
            .map(|t| t.methods.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_paths_and_their_methods() {
        let known = KnownPaths::from_spec(&crate::rest::openapi::spec());
        assert_eq!(known.allowed("/api/v1/accounts"), Some(vec!["GET", "POST"]));
        assert_eq!(known.allowed("/api/v1/accounts/acc_1"), Some(vec!["GET", "PATCH"]));
        assert_eq!(known.allowed("/api/v1/accounts/acc_1/suspend"), Some(vec!["POST"]));
        assert_eq!(known.allowed("/api/v1/accounts//suspend"), None, "a parameter is never empty");
        assert_eq!(known.allowed("/api/v1/no-such-route"), None);
        assert_eq!(known.allowed("/api/v1/accounts/"), None);
        assert_eq!(known.allowed("/healthz"), None);
    }
}
