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

/// A header block's qualified name: namespace and local name.
pub type QName = (Option<String>, String);

/// The parts of a request envelope.
#[derive(Debug)]
pub struct Request<'a> {
    pub version: Version,
    /// The header blocks targeted at this node; blocks for other actors or roles are
    /// neither checked nor processed here.
    pub headers: Vec<&'a Element>,
    pub operation: &'a Element,
}

/// Why an envelope is refused, with the blocks a MustUnderstand fault reports.
#[derive(Debug, PartialEq, Eq)]
pub struct EnvelopeError {
    pub side: Side,
    pub message: String,
    pub not_understood: Vec<QName>,
}

impl EnvelopeError {
    fn new(side: Side, message: impl Into<String>) -> EnvelopeError {
        EnvelopeError { side, message: message.into(), not_understood: Vec::new() }
    }
}

const SOAP11_NEXT: &str = "http://schemas.xmlsoap.org/soap/actor/next";
const SOAP12_NEXT: &str = "http://www.w3.org/2003/05/soap-envelope/role/next";
const SOAP12_ULTIMATE: &str = "http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver";

/// Whether a header block is for this node, the ultimate receiver: no actor (1.1) or role
/// (1.2), the `next` one, or (1.2) `ultimateReceiver` (SOAP 1.1 §4.2.2, 1.2 Part 1 §5.2.2).
fn targeted_here(version: Version, h: &Element) -> bool {
    match version {
        Version::V11 => h.attr(Some(SOAP11), "actor").is_none_or(|a| a.trim().is_empty() || a.trim() == SOAP11_NEXT),
        Version::V12 => h.attr(Some(SOAP12), "role").is_none_or(|r| {
            let r = r.trim();
            r.is_empty() || r == SOAP12_NEXT || r == SOAP12_ULTIMATE
        }),
    }
}

/// Splits an envelope into its version, the header blocks for this node and the one body
/// element; a block for this node marked `mustUnderstand` that it does not process is a
/// MustUnderstand fault.
pub fn read(root: &Element) -> Result<Request<'_>, EnvelopeError> {
    let version = match root.ns.as_deref() {
        Some(SOAP11) if root.name == "Envelope" => Version::V11,
        Some(SOAP12) if root.name == "Envelope" => Version::V12,
        _ if root.name == "Envelope" => {
            return Err(EnvelopeError::new(Side::VersionMismatch, "the envelope is neither SOAP 1.1 nor SOAP 1.2"))
        }
        _ => {
            return Err(EnvelopeError::new(
                Side::Client,
                format!("the root element must be a SOAP Envelope, not `{}`", root.name),
            ))
        }
    };
    let ns = version.namespace();
    let mut blocks = Vec::new();
    let mut body = None;
    for child in &root.children {
        match (child.ns.as_deref() == Some(ns), child.name.as_str()) {
            (true, "Header") if body.is_none() && blocks.is_empty() => blocks.extend(child.children.iter()),
            (true, "Body") if body.is_none() => body = Some(child),
            _ => {
                return Err(EnvelopeError::new(
                    Side::Client,
                    format!("unexpected element `{}` in the envelope", child.name),
                ))
            }
        }
    }
    let body = body.ok_or_else(|| EnvelopeError::new(Side::Client, "the envelope has no Body"))?;
    let operation = match body.children.as_slice() {
        [op] => op,
        [] => return Err(EnvelopeError::new(Side::Client, "the Body is empty; it must hold one operation element")),
        _ => return Err(EnvelopeError::new(Side::Client, "the Body must hold exactly one operation element")),
    };
    let headers: Vec<&Element> = blocks.into_iter().filter(|h| targeted_here(version, h)).collect();
    let not_understood: Vec<QName> = headers
        .iter()
        .filter(|h| h.attr(Some(ns), "mustUnderstand").is_some_and(|v| matches!(v.trim(), "1" | "true")))
        .filter(|h| !understood(h))
        .map(|h| (h.ns.clone(), h.name.clone()))
        .collect();
    if !not_understood.is_empty() {
        let names: Vec<&str> = not_understood.iter().map(|(_, n)| n.as_str()).collect();
        return Err(EnvelopeError {
            side: Side::MustUnderstand,
            message: format!("the header block `{}` is not understood", names.join("`, `")),
            not_understood,
        });
    }
    Ok(Request { version, headers, operation })
}

fn understood(h: &Element) -> bool {
    (h.ns.as_deref() == Some(WSSE) && h.name == "Security")
        || (h.ns.as_deref() == Some(super::wsdl::NAMESPACE) && super::wsdl::HEADERS.iter().any(|(_, el)| *el == h.name))
}

/// A response envelope around `payload` (one element), with `header` blocks if any.
pub fn wrap(version: Version, header: &str, payload: &str) -> String {
    let ns = version.namespace();
    let header = if header.is_empty() { String::new() } else { format!("<soap:Header>{header}</soap:Header>") };
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soap:Envelope xmlns:soap=\"{ns}\">{header}<soap:Body>{payload}</soap:Body></soap:Envelope>"
    )
}

/// The header blocks of a fault: SOAP 1.2 names the blocks it did not understand
/// (`NotUnderstood`, Part 1 §5.4.8) and the envelopes it does speak (`Upgrade`, §5.4.7).
fn fault_header(version: Version, side: Side, not_understood: &[QName]) -> String {
    if version != Version::V12 {
        return String::new();
    }
    match side {
        Side::MustUnderstand => not_understood
            .iter()
            .map(|(ns, name)| {
                let ns = escape(ns.as_deref().unwrap_or_default()).into_owned();
                format!("<soap:NotUnderstood qname=\"q:{name}\" xmlns:q=\"{ns}\"/>")
            })
            .collect(),
        Side::VersionMismatch => format!(
            "<soap:Upgrade><soap:SupportedEnvelope qname=\"q:Envelope\" xmlns:q=\"{SOAP12}\"/>\
             <soap:SupportedEnvelope qname=\"q:Envelope\" xmlns:q=\"{SOAP11}\"/></soap:Upgrade>"
        ),
        _ => String::new(),
    }
}

/// A fault envelope after the `header` blocks; `detail` is the `StratumFault` element, when
/// there is one. A SOAP 1.1 MustUnderstand fault carries no `detail`: that is for errors in
/// the Body (SOAP 1.1 §4.4).
pub fn fault(
    version: Version,
    header: &str,
    side: Side,
    message: &str,
    detail: Option<&str>,
    not_understood: &[QName],
) -> String {
    let message = escape(message);
    let payload = match version {
        Version::V11 => {
            let code = match side {
                Side::Client => "soap:Client",
                Side::Server => "soap:Server",
                Side::MustUnderstand => "soap:MustUnderstand",
                Side::VersionMismatch => "soap:VersionMismatch",
            };
            let detail = detail
                .filter(|_| side != Side::MustUnderstand)
                .map(|d| format!("<detail>{d}</detail>"))
                .unwrap_or_default();
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
    wrap(version, &format!("{header}{}", fault_header(version, side, not_understood)), &payload)
}

/// The HTTP status of a fault: SOAP 1.1 (WS-I BP) always 500; SOAP 1.2 (Part 2 §7.5.1.2)
/// 400 for the sender's faults and 500 for all others, MustUnderstand and
/// VersionMismatch included.
pub fn fault_status(version: Version, side: Side) -> u16 {
    match (version, side) {
        (Version::V12, Side::Client) => 400,
        _ => 500,
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
        assert_eq!(read(&other).map(|_| ()).map_err(|e| e.side), Err(Side::VersionMismatch));
        let two = parse(format!("<e:Envelope xmlns:e=\"{SOAP11}\"><e:Body><A/><B/></e:Body></e:Envelope>").as_bytes())
            .expect("xml");
        assert_eq!(read(&two).map(|_| ()).map_err(|e| e.side), Err(Side::Client));
        let must = parse(
            format!("<e:Envelope xmlns:e=\"{SOAP11}\"><e:Header><x:T xmlns:x=\"urn:x\" e:mustUnderstand=\"1\"/></e:Header><e:Body><Op/></e:Body></e:Envelope>")
                .as_bytes(),
        )
        .expect("xml");
        assert_eq!(read(&must).map(|_| ()).map_err(|e| e.side), Err(Side::MustUnderstand));
    }

    fn envelope(ns: &str, headers: &str) -> Element {
        parse(
            format!("<e:Envelope xmlns:e=\"{ns}\"><e:Header>{headers}</e:Header><e:Body><Op/></e:Body></e:Envelope>")
                .as_bytes(),
        )
        .expect("xml")
    }

    #[test]
    fn only_blocks_for_this_node_are_checked_and_kept() {
        let block = |attrs: &str| format!("<x:T xmlns:x=\"urn:x\" {attrs}/>");
        for (ns, attrs, refused) in [
            (SOAP11, "e:mustUnderstand=\"1\"", true),
            (SOAP11, "e:mustUnderstand=\"1\" e:actor=\"http://schemas.xmlsoap.org/soap/actor/next\"", true),
            (SOAP11, "e:mustUnderstand=\"1\" e:actor=\"urn:other-node\"", false),
            (SOAP11, "e:mustUnderstand=\"0\"", false),
            (SOAP12, "e:mustUnderstand=\"true\"", true),
            (SOAP12, "e:mustUnderstand=\"true\" e:role=\"http://www.w3.org/2003/05/soap-envelope/role/next\"", true),
            (
                SOAP12,
                "e:mustUnderstand=\"true\" e:role=\"http://www.w3.org/2003/05/soap-envelope/role/ultimateReceiver\"",
                true,
            ),
            (SOAP12, "e:mustUnderstand=\"true\" e:role=\"http://www.w3.org/2003/05/soap-envelope/role/none\"", false),
            (SOAP12, "e:mustUnderstand=\"1\" e:role=\"urn:other-node\"", false),
            (SOAP12, "e:mustUnderstand=\"false\"", false),
        ] {
            let env = envelope(ns, &block(attrs));
            match read(&env) {
                Err(e) => {
                    assert!(refused, "{attrs}: refused");
                    assert_eq!(e.side, Side::MustUnderstand);
                    assert_eq!(e.not_understood, vec![(Some("urn:x".to_owned()), "T".to_owned())]);
                }
                Ok(r) => {
                    assert!(!refused, "{attrs}: accepted");
                    let kept = attrs.contains("actor") || attrs.contains("role");
                    assert_eq!(r.headers.len(), usize::from(!kept), "{attrs}: a block for another node is not kept");
                }
            }
        }
    }

    #[test]
    fn faults_take_the_status_and_shape_of_their_version() {
        assert_eq!(fault_status(Version::V11, Side::Client), 500);
        assert_eq!(fault_status(Version::V12, Side::Client), 400);
        for side in [Side::Server, Side::MustUnderstand, Side::VersionMismatch] {
            assert_eq!(fault_status(Version::V12, side), 500, "{side:?}");
        }
        let nu = [(Some("urn:x".to_owned()), "T".to_owned())];
        let v11 = fault(Version::V11, "", Side::MustUnderstand, "m", Some("<StratumFault/>"), &nu);
        assert!(!v11.contains("detail") && !v11.contains("Header"), "{v11}");
        let v12 = fault(Version::V12, "", Side::MustUnderstand, "m", None, &nu);
        assert!(
            v12.contains("<soap:Header><soap:NotUnderstood qname=\"q:T\" xmlns:q=\"urn:x\"/></soap:Header>"),
            "{v12}"
        );
        let vm = fault(Version::V12, "", Side::VersionMismatch, "m", None, &[]);
        assert!(vm.contains("<soap:Upgrade>"), "{vm}");
        assert!(fault(Version::V11, "", Side::Client, "m", Some("<StratumFault/>"), &[])
            .contains("<detail><StratumFault/></detail>"));
    }
}
