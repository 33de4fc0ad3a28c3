//! Webhook rules: Standard Webhooks signatures, event-type filters, the retry schedule
//! and which URLs an endpoint may have.

use std::net::IpAddr;
use std::time::Duration;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Secrets are `whsec_` and the Base64 of 24 random bytes, as Standard Webhooks has them.
pub const SECRET_PREFIX: &str = "whsec_";

/// The delay before each retry; after the last one a delivery is dead. About a day and a
/// half in all, so a receiver that is down for a day still gets everything.
pub const RETRY_SCHEDULE: [Duration; 8] = [
    Duration::from_secs(5),
    Duration::from_secs(5 * 60),
    Duration::from_secs(30 * 60),
    Duration::from_secs(2 * 3600),
    Duration::from_secs(5 * 3600),
    Duration::from_secs(10 * 3600),
    Duration::from_secs(10 * 3600),
    Duration::from_secs(10 * 3600),
];

/// An endpoint failing for this long is disabled.
pub const DISABLE_AFTER: Duration = Duration::from_secs(5 * 24 * 3600);

pub fn new_secret(random: [u8; 24]) -> String {
    format!("{SECRET_PREFIX}{}", STANDARD.encode(random))
}

/// `v1,<Base64 HMAC-SHA256 of "id.timestamp.body">` under `secret`; `None` for a secret
/// that is not `whsec_` + Base64.
pub fn sign(secret: &str, msg_id: &str, timestamp: i64, body: &[u8]) -> Option<String> {
    let key = STANDARD.decode(secret.strip_prefix(SECRET_PREFIX)?).ok()?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).ok()?;
    mac.update(msg_id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    Some(format!("v1,{}", STANDARD.encode(mac.finalize().into_bytes())))
}

/// Whether an event type matches a filter entry: an exact name, `*`, a prefix wildcard
/// (`invoice.*` matches `invoice.paid` and `invoice.payment.failed`) or a suffix wildcard
/// (`*.failed`).
/// At most this much of a receiver's answer is kept.
pub const RESPONSE_SNIPPET: usize = 1000;

/// The first `RESPONSE_SNIPPET` characters of an answer.
pub fn snippet(body: &str) -> String {
    body.chars().take(RESPONSE_SNIPPET).collect()
}

/// Whether a subscriber owned at `owner_path`, with `filter` (patterns separated by
/// spaces), takes an event of `event_type` about the account at `account_path`: webhook
/// endpoints and script actions alike.
pub fn takes(owner_path: &str, filter: &str, account_path: &str, event_type: &str) -> bool {
    crate::identity::tree::contains(owner_path, account_path)
        && filter.split_whitespace().any(|p| type_matches(p, event_type))
}

pub fn type_matches(pattern: &str, event_type: &str) -> bool {
    if pattern == "*" || pattern == event_type {
        return true;
    }
    if let Some(prefix) = pattern.strip_suffix(".*") {
        return event_type.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('.'));
    }
    if let Some(suffix) = pattern.strip_prefix("*.") {
        return event_type.strip_suffix(suffix).is_some_and(|rest| rest.ends_with('.'));
    }
    false
}

/// Whether a filter entry is well formed and can match some type of `catalog`.
pub fn valid_pattern<'a>(pattern: &str, mut catalog: impl Iterator<Item = &'a str>) -> bool {
    catalog.any(|t| type_matches(pattern, t))
}

/// The delay before retry number `attempt` (1-based: the retry after the first failure
/// is 1), spread by `jitter` in [0, 1) over ±10% so that retries of many deliveries do not
/// arrive at once; `None` when the schedule is exhausted.
pub fn retry_delay(attempt: usize, jitter: f64) -> Option<Duration> {
    let base = RETRY_SCHEDULE.get(attempt.checked_sub(1)?)?;
    let factor = 0.9 + 0.2 * jitter.clamp(0.0, 1.0);
    Some(base.mul_f64(factor))
}

#[derive(Debug, PartialEq, Eq)]
pub enum UrlProblem {
    NotHttp,
    Private,
}

/// Checks an endpoint URL: http(s) with a host, and unless `allow_private`, no loopback,
/// private, link-local or unspecified address given literally. (Names are resolved at
/// delivery time and checked again there.)
pub fn check_url(url: &str, allow_private: bool) -> Result<(), UrlProblem> {
    let host_port = host_and_port(url).ok_or(UrlProblem::NotHttp)?;
    let host = host_in(host_port);
    let whole = url.len() <= 2000 && !url.chars().any(crate::validation::is_space);
    if host.is_empty() || !whole || !authority_is_valid(host_port) {
        return Err(UrlProblem::NotHttp);
    }
    if allow_private {
        return Ok(());
    }
    let lower = host.to_ascii_lowercase();
    if lower == "localhost" || lower.ends_with(".localhost") {
        return Err(UrlProblem::Private);
    }
    match lower.parse::<IpAddr>() {
        Ok(ip) if is_private(ip) => Err(UrlProblem::Private),
        _ => Ok(()),
    }
}

/// The host of an http(s) URL (without brackets for IPv6).
pub fn host_of(url: &str) -> Option<&str> {
    host_and_port(url).map(host_in)
}

/// The host of an authority (`host:port`, `[v6]:port`), without brackets.
fn host_in(host_port: &str) -> &str {
    match host_port.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host_port.split(':').next().unwrap_or(""),
    }
}

/// The authority of an http(s) URL without its user info: `host:port`, `[v6]:port`.
fn host_and_port(url: &str) -> Option<&str> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    Some(authority.rsplit_once('@').map_or(authority, |(_, h)| h))
}

/// Whether a client can connect to the authority (`host_and_port`): a bracketed host is an
/// IPv6 address, any other host has no brackets, and a port is a number up to 65535 (or
/// empty).
fn authority_is_valid(host_port: &str) -> bool {
    let (host_ok, port) = match host_port.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((ip, after)) => (
                ip.parse::<std::net::Ipv6Addr>().is_ok() && (after.is_empty() || after.starts_with(':')),
                after.strip_prefix(':'),
            ),
            None => (false, None),
        },
        None => match host_port.split_once(':') {
            Some((host, port)) => (!host.contains(['[', ']']), Some(port)),
            None => (!host_port.contains(['[', ']']), None),
        },
    };
    host_ok
        && port.is_none_or(|p| {
            p.is_empty() || (p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u16>().is_ok())
        })
}

/// Loopback, private, link-local, unique-local, CGNAT or unspecified.
pub fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || (o[0] == 100 && (64..128).contains(&o[1]))
        }
        IpAddr::V6(v6) => {
            let s = v6.segments();
            v6.is_loopback()
                || v6.is_unspecified()
                || (s[0] & 0xfe00) == 0xfc00
                || (s[0] & 0xffc0) == 0xfe80
                || v6.to_ipv4_mapped().is_some_and(|v4| is_private(IpAddr::V4(v4)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_matches_the_standard_webhooks_test_vector() {
        // The test vector of the Standard Webhooks specification's reference libraries.
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let body = br#"{"test": 2432232314}"#;
        assert_eq!(
            sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body).as_deref(),
            Some("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        );
        assert_eq!(sign("not-a-secret", "m", 1, b""), None);
    }

    #[test]
    fn filters() {
        for (p, t, m) in [
            ("account.created", "account.created", true),
            ("account.*", "account.hold.placed", true),
            ("account.*", "accounts.x", false),
            ("*.failed", "order.payment.failed", true),
            ("*.failed", "failed", false),
            ("*", "user.created", true),
            ("invoice.paid", "invoice.paid.x", false),
        ] {
            assert_eq!(type_matches(p, t), m, "{p} {t}");
        }
        assert!(valid_pattern("account.*", ["account.created"].into_iter()));
        assert!(!valid_pattern("nothing.*", ["account.created"].into_iter()));
    }

    #[test]
    fn schedule_and_jitter() {
        assert_eq!(retry_delay(0, 0.5), None);
        assert_eq!(retry_delay(1, 0.5), Some(Duration::from_secs(5)));
        assert_eq!(retry_delay(1, 0.0), Some(Duration::from_millis(4500)));
        assert_eq!(retry_delay(8, 1.0), Some(Duration::from_secs(11 * 3600)));
        assert_eq!(retry_delay(9, 0.5), None);
        let total: Duration = RETRY_SCHEDULE.iter().sum();
        assert!(total > Duration::from_secs(24 * 3600), "a day-long outage is survived");
    }

    #[test]
    fn urls() {
        assert_eq!(check_url("https://hooks.example.com/x", false), Ok(()));
        assert_eq!(check_url("ftp://x", false), Err(UrlProblem::NotHttp));
        assert_eq!(check_url("https://", false), Err(UrlProblem::NotHttp));
        for not_a_url in
            ["http://[0]/", "http://[::1/", "http://h]/", "http://h:port/", "http://h:70000/", "http://[::1]x/"]
        {
            assert_eq!(check_url(not_a_url, true), Err(UrlProblem::NotHttp), "{not_a_url}");
        }
        for url in ["http://[2001:db8::1]:8080/h", "https://h.example:/x", "http://u:p@h.example:443"] {
            assert_eq!(check_url(url, false), Ok(()), "{url}");
        }
        for private in [
            "http://127.0.0.1:9000/h",
            "http://localhost/h",
            "http://10.1.2.3/",
            "http://192.168.0.1",
            "http://[::1]:80/",
            "http://169.254.169.254/latest",
            "http://user@172.16.0.1/",
        ] {
            assert_eq!(check_url(private, false), Err(UrlProblem::Private), "{private}");
            assert_eq!(check_url(private, true), Ok(()), "{private}");
        }
    }
}
