//! A small, hardened XML reader: the whole document into a tree of namespaced elements.
//!
//! Refused outright, before anything is built: DTDs (so no external entities and no
//! entity expansion: only the five predefined entities and character references exist),
//! processing instructions, documents deeper than `MAX_DEPTH` or with more than
//! `MAX_ELEMENTS` elements. The body size is limited before parsing starts. UTF-16 and
//! UTF-8 with a byte order mark are read too (`charset`).

use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

pub const MAX_DEPTH: usize = 32;
pub const MAX_ELEMENTS: usize = 10_000;
pub const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// An element: namespace, local name, attributes, child elements and its own text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Element {
    pub ns: Option<String>,
    pub name: String,
    /// (namespace, local name, value)
    pub attrs: Vec<(Option<String>, String, String)>,
    pub children: Vec<Element>,
    pub text: String,
}

impl Element {
    pub fn attr(&self, ns: Option<&str>, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, l, _)| n.as_deref() == ns && l == name).map(|(_, _, v)| v.as_str())
    }

    pub fn child(&self, ns: &str, name: &str) -> Option<&Element> {
        self.children.iter().find(|c| c.ns.as_deref() == Some(ns) && c.name == name)
    }

    /// Whether the element carries `xsi:nil="true"`.
    pub fn is_nil(&self) -> bool {
        matches!(self.attr(Some(XSI), "nil"), Some("true" | "1"))
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum XmlError {
    #[error("the XML is not well-formed: {0}")]
    Malformed(String),
    #[error("DTDs and entity declarations are not allowed")]
    Dtd,
    #[error("processing instructions are not allowed")]
    ProcessingInstruction,
    #[error("the entity `&{0};` is not defined")]
    UnknownEntity(String),
    #[error("the XML is nested deeper than {MAX_DEPTH} levels")]
    TooDeep,
    #[error("the XML has more than {MAX_ELEMENTS} elements")]
    TooManyElements,
    #[error("the document has no root element")]
    Empty,
    #[error("{0}")]
    Encoding(String),
}

fn ns_of(r: ResolveResult<'_>) -> Result<Option<String>, XmlError> {
    match r {
        ResolveResult::Bound(ns) => Ok(Some(ns.as_ref().to_owned())),
        ResolveResult::Unbound => Ok(None),
        ResolveResult::Unknown(p) => Err(XmlError::Malformed(format!("undeclared namespace prefix `{p}`"))),
    }
}

fn malformed(e: impl std::fmt::Display) -> XmlError {
    XmlError::Malformed(e.to_string())
}

fn open(
    reader: &NsReader<&[u8]>,
    ns: Option<String>,
    e: &quick_xml::events::BytesStart<'_>,
) -> Result<Element, XmlError> {
    let mut el = Element { ns, name: e.local_name().as_ref().to_owned(), ..Element::default() };
    for a in e.attributes() {
        let a = a.map_err(malformed)?;
        if a.key.as_namespace_binding().is_some() {
            continue;
        }
        let (ns, local) = reader.resolver().resolve_attribute(a.key);
        let value = a.normalized_value(quick_xml::XmlVersion::Implicit1_0).map_err(malformed)?.into_owned();
        el.attrs.push((ns_of(ns)?, local.as_ref().to_owned(), value));
    }
    Ok(el)
}

/// Parses a whole document into its root element.
pub fn parse(bytes: &[u8]) -> Result<Element, XmlError> {
    let utf8 = super::charset::to_utf8(bytes).map_err(|e| XmlError::Encoding(e.0))?;
    let mut reader = NsReader::from_reader(utf8.as_ref());
    reader.config_mut().trim_text(false);
    let mut stack: Vec<Element> = Vec::new();
    let mut count = 0usize;
    let mut root = None;
    loop {
        let (resolved, event) = reader.read_resolved_event().map_err(malformed)?;
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(_) | Event::Empty(_) if root.is_some() => {
                return Err(XmlError::Malformed("content after the root element".into()));
            }
            Event::Start(e) | Event::Empty(e) => {
                count += 1;
                if count > MAX_ELEMENTS {
                    return Err(XmlError::TooManyElements);
                }
                if stack.len() >= MAX_DEPTH {
                    return Err(XmlError::TooDeep);
                }
                let ns = ns_of(resolved)?;
                let el = open(&reader, ns, &e)?;
                if empty {
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(el),
                        None => root = Some(el),
                    }
                } else {
                    stack.push(el);
                }
            }
            Event::End(_) => {
                let el = stack.pop().ok_or_else(|| malformed("unbalanced end tag"))?;
                match stack.last_mut() {
                    Some(parent) => parent.children.push(el),
                    None => root = Some(el),
                }
            }
            Event::Text(t) => {
                let text = t.xml10_content();
                match stack.last_mut() {
                    Some(el) => el.text.push_str(&text),
                    None if text.trim().is_empty() => {}
                    None => return Err(malformed("text outside the root element")),
                }
            }
            Event::CData(c) => {
                let text = c.into_inner().into_owned();
                match stack.last_mut() {
                    Some(el) => el.text.push_str(&text),
                    None => return Err(malformed("CDATA outside the root element")),
                }
            }
            Event::GeneralRef(r) => {
                let ch = if r.is_char_ref() {
                    r.resolve_char_ref().map_err(malformed)?.ok_or_else(|| malformed("invalid character reference"))?
                } else {
                    match r.into_inner().as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => return Err(XmlError::UnknownEntity(other.to_owned())),
                    }
                };
                match stack.last_mut() {
                    Some(el) => el.text.push(ch),
                    None => return Err(malformed("a reference outside the root element")),
                }
            }
            Event::DocType(_) => return Err(XmlError::Dtd),
            Event::PI(_) => return Err(XmlError::ProcessingInstruction),
            Event::Decl(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if !stack.is_empty() {
        return Err(malformed("the document ends inside an element"));
    }
    root.ok_or(XmlError::Empty)
}

/// Escapes text for element content and attribute values.
pub fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    quick_xml::escape::escape(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_namespaces_attributes_text_and_entities() {
        let doc = br#"<?xml version="1.0"?><e:Envelope xmlns:e="urn:e" xmlns:x="urn:x"><e:Body><x:Op a="1" x:b="2">A &amp; B &#65;<x:c/></x:Op></e:Body></e:Envelope>"#;
        let root = parse(doc).expect("parses");
        assert_eq!((root.ns.as_deref(), root.name.as_str()), (Some("urn:e"), "Envelope"));
        let op = &root.children[0].children[0];
        assert_eq!(op.name, "Op");
        assert_eq!(op.text, "A & B A");
        assert_eq!(op.attr(None, "a"), Some("1"));
        assert_eq!(op.attr(Some("urn:x"), "b"), Some("2"));
        assert_eq!(op.children[0].name, "c");
    }

    #[test]
    fn refuses_dtds_entities_pis_depth_and_size() {
        let xxe = br#"<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>"#;
        assert_eq!(parse(xxe), Err(XmlError::Dtd));
        let laughs = br#"<!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><r>&b;</r>"#;
        assert_eq!(parse(laughs), Err(XmlError::Dtd));
        assert_eq!(parse(b"<r>&nbsp;</r>"), Err(XmlError::UnknownEntity("nbsp".into())));
        assert_eq!(parse(b"<?php x?><r/>"), Err(XmlError::ProcessingInstruction));
        let deep = format!("{}{}", "<a>".repeat(40), "</a>".repeat(40));
        assert_eq!(parse(deep.as_bytes()), Err(XmlError::TooDeep));
        let wide = format!("<r>{}</r>", "<a/>".repeat(MAX_ELEMENTS + 1));
        assert_eq!(parse(wide.as_bytes()), Err(XmlError::TooManyElements));
        assert!(matches!(parse(b"<a><b></a>"), Err(XmlError::Malformed(_))));
        assert!(matches!(parse(b"<p:a/>"), Err(XmlError::Malformed(_))));
        assert_eq!(parse(b"  "), Err(XmlError::Empty));
    }

    #[test]
    fn reads_utf16_and_a_utf8_byte_order_mark() {
        let doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><e:r xmlns:e=\"urn:e\">Grüße</e:r>";
        let le: Vec<u8> = "\u{feff}".encode_utf16().chain(doc.encode_utf16()).flat_map(u16::to_le_bytes).collect();
        let root = parse(&le).expect("UTF-16LE parses");
        assert_eq!((root.name.as_str(), root.text.as_str()), ("r", "Grüße"));
        let bom8 = [b"\xEF\xBB\xBF".as_slice(), b"<r>x</r>"].concat();
        assert_eq!(parse(&bom8).expect("UTF-8 with a mark parses").text, "x");
        assert!(matches!(parse(b"<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><r/>"), Err(XmlError::Encoding(_))));
    }
}
