//! WS-Security UsernameToken: the API key as `PasswordText`, or a `PasswordDigest`.

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
    let Some(security) = headers.iter().find(|h| h.ns.as_deref() == Some(WSSE) && h.name == "Security") else {
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
}
