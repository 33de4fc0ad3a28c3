//! WS-Security UsernameToken: the API key as `PasswordText`, or a `PasswordDigest`; and
//! the response's `wsu:Timestamp`.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use super::envelope::{WSSE, WSU};
use super::xml::Element;

/// The credential a request's Security header carries.
#[derive(Debug, PartialEq, Eq)]
pub enum Credential {
    /// The API key itself.
    Key(String),
    Digest {
        key_id: String,
        nonce: Vec<u8>,
        created: String,
        digest: String,
    },
}

/// The credential of the `wsse:Security` header block, if there is one.
pub fn credential(headers: &[&Element]) -> Result<Option<Credential>, String> {
    let Some(security) = security_header(headers) else {
        return Ok(None);
    };
    let token = security.child(WSSE, "UsernameToken").ok_or("the Security header has no UsernameToken")?;
    let password = token.child(WSSE, "Password").ok_or("the UsernameToken has no Password")?;
    let kind = password.attr(None, "Type").unwrap_or("#PasswordText");
    if kind.ends_with("#PasswordText") {
        return Ok(Some(Credential::Key(password.text.trim().to_owned())));
    }
    if !kind.ends_with("#PasswordDigest") {
        return Err(format!("unsupported password type `{kind}`"));
    }
    let username = token.child(WSSE, "Username").ok_or("a PasswordDigest needs the key id as Username")?;
    let nonce = token.child(WSSE, "Nonce").ok_or("a PasswordDigest needs a Nonce")?;
    let created = token.child(WSU, "Created").ok_or("a PasswordDigest needs a Created time")?;
    let nonce = STANDARD.decode(nonce.text.trim()).map_err(|_| "the Nonce is not Base64")?;
    Ok(Some(Credential::Digest {
        key_id: username.text.trim().to_owned(),
        nonce,
        created: created.text.trim().to_owned(),
        digest: password.text.trim().to_owned(),
    }))
}

/// How long a response's timestamp is valid: WCF's default (and its clock skew allowance).
const TIMESTAMP_LIFETIME_MINUTES: i64 = 5;

fn security_header<'e>(headers: &[&'e Element]) -> Option<&'e Element> {
    headers.iter().find(|h| h.ns.as_deref() == Some(WSSE) && h.name == "Security").copied()
}

/// Whether the request's Security header carries a `wsu:Timestamp`. A client that sends
/// one (WCF `TransportWithMessageCredential` does) expects one in the response.
pub fn has_timestamp(headers: &[&Element]) -> bool {
    security_header(headers).is_some_and(|s| s.child(WSU, "Timestamp").is_some())
}

/// The response's `wsse:Security` header block with a `wsu:Timestamp` made at `now`.
pub fn response_timestamp(now: chrono::DateTime<chrono::Utc>) -> String {
    let at = |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let expires = now + chrono::Duration::minutes(TIMESTAMP_LIFETIME_MINUTES);
    format!(
        "<wsse:Security xmlns:wsse=\"{WSSE}\" xmlns:wsu=\"{WSU}\"><wsu:Timestamp wsu:Id=\"_0\">\
         <wsu:Created>{}</wsu:Created><wsu:Expires>{}</wsu:Expires></wsu:Timestamp></wsse:Security>",
        at(now),
        at(expires)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::soap::xml::parse;

    fn header(inner: &str) -> Element {
        parse(format!("<wsse:Security xmlns:wsse=\"{WSSE}\" xmlns:wsu=\"{WSU}\">{inner}</wsse:Security>").as_bytes())
            .expect("xml")
    }

    #[test]
    fn text_and_digest_tokens() {
        let h = header("<wsse:UsernameToken><wsse:Username>api</wsse:Username><wsse:Password>stk_x</wsse:Password></wsse:UsernameToken>");
        assert_eq!(credential(&[&h]), Ok(Some(Credential::Key("stk_x".into()))));
        let h = header(
            "<wsse:UsernameToken><wsse:Username>key_1</wsse:Username>\
             <wsse:Password Type=\"http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest\">d</wsse:Password>\
             <wsse:Nonce>AAEC</wsse:Nonce><wsu:Created>2026-11-26T00:00:00Z</wsu:Created></wsse:UsernameToken>",
        );
        assert_eq!(
            credential(&[&h]),
            Ok(Some(Credential::Digest {
                key_id: "key_1".into(),
                nonce: vec![0, 1, 2],
                created: "2026-11-26T00:00:00Z".into(),
                digest: "d".into()
            }))
        );
        assert_eq!(credential(&[]), Ok(None));
        assert!(credential(&[&header("")]).is_err());
    }

    #[test]
    fn a_timestamp_is_answered_with_one() {
        let with = header("<wsu:Timestamp><wsu:Created>2026-01-01T00:00:00Z</wsu:Created></wsu:Timestamp>");
        assert!(has_timestamp(&[&with]));
        assert!(!has_timestamp(&[&header("<wsse:UsernameToken/>")]));
        assert!(!has_timestamp(&[]));
        let now = chrono::DateTime::parse_from_rfc3339("2026-01-01T10:00:00Z").expect("time").to_utc();
        let answer = parse(response_timestamp(now).as_bytes()).expect("well-formed");
        let ts = answer.child(WSU, "Timestamp").expect("timestamp");
        assert_eq!(ts.child(WSU, "Created").map(|c| c.text.as_str()), Some("2026-01-01T10:00:00.000Z"));
        assert_eq!(ts.child(WSU, "Expires").map(|c| c.text.as_str()), Some("2026-01-01T10:05:00.000Z"));
    }
}
