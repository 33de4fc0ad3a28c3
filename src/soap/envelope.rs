//! SOAP 1.1 and 1.2 envelopes: reading the request's header blocks and body, writing
//! responses and faults.

use super::xml::{escape, Element};

pub const SOAP11: &str = "http://schemas.xmlsoap.org/soap/envelope/";
pub const SOAP12: &str = "http://www.w3.org/2003/05/soap-envelope";
pub const WSSE: &str = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
pub const WSU: &str = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Version {
    V11,
    V12,
}

impl Version {
    pub fn content_type(self) -> &'static str {
        match self {
            Version::V11 => "text/xml; charset=utf-8",
            Version::V12 => "application/soap+xml; charset=utf-8",
        }
    }

    fn namespace(self) -> &'static str {
        match self {
            Version::V11 => SOAP11,
            Version::V12 => SOAP12,
        }
    }
}

/// Who is at fault: the caller (SOAP 1.1 `Client`, 1.2 `Sender`) or the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Client,
    Server,
    /// A header block marked `mustUnderstand` that this server does not process.
    MustUnderstand,
    /// The envelope is of a SOAP version the endpoint does not speak.
    VersionMismatch,
}

/// The parts of a request envelope.
#[derive(Debug)]
pub struct Request<'a> {
    pub version: Version,
    pub headers: Vec<&'a Element>,
    pub operation: &'a Element,
}

/// Splits an envelope into its version, header blocks and the one body element.
pub fn read(root: &Element) -> Result<Request<'_>, (Side, String)> {
    let version = match root.ns.as_deref() {
        Some(SOAP11) if root.name == "Envelope" => Version::V11,
        Some(SOAP12) if root.name == "Envelope" => Version::V12,
        _ if root.name == "Envelope" => {
            return Err((Side::VersionMismatch, "the envelope is neither SOAP 1.1 nor SOAP 1.2".into()))
        }
        _ => return Err((Side::Client, format!("the root element must be a SOAP Envelope, not `{}`", root.name))),
    };
    let ns = version.namespace();
    let mut headers = Vec::new();
    let mut body = None;
    for child in &root.children {
        match (child.ns.as_deref() == Some(ns), child.name.as_str()) {
            (true, "Header") if body.is_none() && headers.is_empty() => headers.extend(child.children.iter()),
            (true, "Body") if body.is_none() => body = Some(child),
            _ => return Err((Side::Client, format!("unexpected element `{}` in the envelope", child.name))),
        }
    }
    let body = body.ok_or((Side::Client, "the envelope has no Body".to_owned()))?;
    let operation = match body.children.as_slice() {
        [op] => op,
        [] => return Err((Side::Client, "the Body is empty; it must hold one operation element".into())),
        _ => return Err((Side::Client, "the Body must hold exactly one operation element".into())),
    };
    for h in &headers {
        let must = h.attr(Some(ns), "mustUnderstand").is_some_and(|v| v == "1" || v == "true");
        if must && !understood(h) {
            return Err((Side::MustUnderstand, format!("the header block `{}` is not understood", h.name)));
        }
    }
    Ok(Request { version, headers, operation })
}

fn understood(h: &Element) -> bool {
    (h.ns.as_deref() == Some(WSSE) && h.name == "Security")
        || (h.ns.as_deref() == Some(super::wsdl::NAMESPACE) && super::wsdl::HEADERS.iter().any(|(_, el)| *el == h.name))
}

/// A response envelope around `payload` (one element).
pub fn wrap(version: Version, payload: &str) -> String {
    let ns = version.namespace();
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"{ns}\"><soap:Body>{payload}</soap:Body></soap:Envelope>")
}

/// A fault envelope; `detail` is the `StratumFault` element, when there is one.
pub fn fault(version: Version, side: Side, message: &str, detail: Option<&str>) -> String {
    let message = escape(message);
    let payload = match version {
        Version::V11 => {
            let code = match side {
                Side::Client => "soap:Client",
                Side::Server => "soap:Server",
                Side::MustUnderstand => "soap:MustUnderstand",
                Side::VersionMismatch => "soap:VersionMismatch",
            };
            let detail = detail.map(|d| format!("<detail>{d}</detail>")).unwrap_or_default();
            format!(
                "<soap:Fault><faultcode>{code}</faultcode><faultstring>{message}</faultstring>{detail}</soap:Fault>"
            )
        }
        Version::V12 => {
            let code = match side {
                Side::Client => "soap:Sender",
                Side::Server => "soap:Receiver",
                Side::MustUnderstand => "soap:MustUnderstand",
                Side::VersionMismatch => "soap:VersionMismatch",
            };
            let detail = detail.map(|d| format!("<soap:Detail>{d}</soap:Detail>")).unwrap_or_default();
            format!(
                "<soap:Fault><soap:Code><soap:Value>{code}</soap:Value></soap:Code>\
                 <soap:Reason><soap:Text xml:lang=\"en\">{message}</soap:Text></soap:Reason>{detail}</soap:Fault>"
            )
        }
    };
    wrap(version, &payload)
}

/// The HTTP status of a fault: SOAP 1.1 (WS-I BP) always 500; SOAP 1.2 400 for the
/// sender's faults and 500 for the receiver's.
pub fn fault_status(version: Version, side: Side) -> u16 {
    match (version, side) {
        (Version::V11, _) => 500,
        (Version::V12, Side::Server) => 500,
        (Version::V12, _) => 400,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::soap::xml::parse;

    #[test]
    fn reads_both_versions_and_refuses_bad_envelopes() {
        let v11 = parse(
            format!("<e:Envelope xmlns:e=\"{SOAP11}\"><e:Header/><e:Body><Op/></e:Body></e:Envelope>").as_bytes(),
        )
        .expect("xml");
        let r = read(&v11).expect("valid");
        assert_eq!((r.version, r.operation.name.as_str()), (Version::V11, "Op"));
        let v12 = parse(format!("<e:Envelope xmlns:e=\"{SOAP12}\"><e:Body><Op/></e:Body></e:Envelope>").as_bytes())
            .expect("xml");
        assert_eq!(read(&v12).expect("valid").version, Version::V12);
        let other = parse(b"<e:Envelope xmlns:e=\"urn:x\"><e:Body/></e:Envelope>").expect("xml");
        assert_eq!(read(&other).map(|_| ()).map_err(|e| e.0), Err(Side::VersionMismatch));
        let two = parse(format!("<e:Envelope xmlns:e=\"{SOAP11}\"><e:Body><A/><B/></e:Body></e:Envelope>").as_bytes())
            .expect("xml");
        assert_eq!(read(&two).map(|_| ()).map_err(|e| e.0), Err(Side::Client));
        let must = parse(
            format!("<e:Envelope xmlns:e=\"{SOAP11}\"><e:Header><x:T xmlns:x=\"urn:x\" e:mustUnderstand=\"1\"/></e:Header><e:Body><Op/></e:Body></e:Envelope>")
                .as_bytes(),
        )
        .expect("xml");
        assert_eq!(read(&must).map(|_| ()).map_err(|e| e.0), Err(Side::MustUnderstand));
    }
}
