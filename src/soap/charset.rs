//! The character encoding of a request: UTF-8 (with or without a byte order mark) or
//! UTF-16 in either byte order (with a byte order mark, or detected from the `<?xml`
//! declaration as XML 1.0 Appendix F describes), the two that XML parsers must read and
//! WS-I Basic Profile 1.1 (R1012) allows. Everything is handed on as UTF-8.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Why a document's bytes cannot be read as text.
#[derive(Debug, PartialEq, Eq)]
pub struct CharsetError(pub String);

/// The document as UTF-8, without a byte order mark.
pub fn to_utf8(bytes: &[u8]) -> Result<Cow<'_, [u8]>, CharsetError> {
    let (encoding, bom) = match Encoding::for_bom(bytes) {
        Some(found) => found,
        None => (sniff(bytes), 0),
    };
    let text = &bytes[bom..];
    if encoding == UTF_8 {
        if let Some(declared) = declared_encoding(text).filter(|d| !d.eq_ignore_ascii_case("UTF-8")) {
            return Err(CharsetError(format!(
                "the document declares encoding `{declared}` but is UTF-8; only UTF-8 and UTF-16 are accepted"
            )));
        }
        return Ok(Cow::Borrowed(text));
    }
    let (decoded, malformed) = encoding.decode_without_bom_handling(text);
    if malformed {
        return Err(CharsetError(format!("the document is not valid {}", encoding.name())));
    }
    match declared_encoding(decoded.as_bytes()) {
        Some(d) if !d.to_ascii_uppercase().starts_with("UTF-16") => {
            Err(CharsetError(format!("the document declares encoding `{d}` but is {}", encoding.name())))
        }
        _ => Ok(Cow::Owned(decoded.into_owned().into_bytes())),
    }
}

/// UTF-16 without a byte order mark, told by the zero byte of its first `<`; else UTF-8.
fn sniff(bytes: &[u8]) -> &'static Encoding {
    match bytes {
        [b'<', 0, ..] => UTF_16LE,
        [0, b'<', ..] => UTF_16BE,
        _ => UTF_8,
    }
}

/// The `encoding` of an `<?xml ...?>` declaration at the start of `text`, if it names one.
fn declared_encoding(text: &[u8]) -> Option<&str> {
    let decl = text.strip_prefix(b"<?xml")?;
    let decl = &decl[..decl.windows(2).position(|w| w == b"?>")?];
    let decl = std::str::from_utf8(decl).ok()?;
    let rest = &decl[decl.find("encoding")? + "encoding".len()..];
    let rest = rest.trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|q| *q == '"' || *q == '\'')?;
    let value = &rest[1..];
    value.find(quote).map(|end| &value[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        let units = (if bom { "\u{feff}" } else { "" }).encode_utf16().chain(s.encode_utf16());
        for u in units {
            out.extend_from_slice(&if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        out
    }

    #[test]
    fn utf16_in_either_byte_order_with_or_without_a_mark_becomes_utf8() {
        let doc = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><r>Grüße €</r>";
        for (be, bom) in [(false, true), (true, true), (false, false), (true, false)] {
            assert_eq!(to_utf8(&utf16(doc, be, bom)).expect("decodes").as_ref(), doc.as_bytes(), "be={be} bom={bom}");
        }
        let no_decl = "<r>x</r>";
        assert_eq!(to_utf8(&utf16(no_decl, false, true)).expect("decodes").as_ref(), no_decl.as_bytes());
    }

    #[test]
    fn utf8_loses_its_mark_and_other_encodings_are_refused() {
        let doc = "<?xml version='1.0' encoding='utf-8'?><r/>";
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), doc.as_bytes()].concat();
        assert_eq!(to_utf8(&with_bom).expect("decodes").as_ref(), doc.as_bytes());
        assert_eq!(to_utf8(b"<r/>").expect("decodes").as_ref(), b"<r/>");
        assert!(to_utf8(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r/>").is_err());
        assert!(to_utf8(b"<?xml version=\"1.0\" encoding=\"UTF-16\"?><r/>").is_err(), "declared UTF-16, is UTF-8");
        let lying = utf16("<?xml version=\"1.0\" encoding=\"UTF-8\"?><r/>", false, true);
        assert!(to_utf8(&lying).is_err(), "declared UTF-8, is UTF-16");
        assert!(to_utf8(&[0xFF, 0xFE, 0x00, 0xD8]).is_err(), "a lone surrogate");
    }

    #[test]
    fn reads_the_declared_encoding() {
        assert_eq!(declared_encoding(b"<?xml version=\"1.0\" encoding = 'UTF-16' ?><r/>"), Some("UTF-16"));
        assert_eq!(declared_encoding(b"<?xml version=\"1.0\"?><r encoding=\"x\"/>"), None);
        assert_eq!(declared_encoding(b"<r/>"), None);
    }
}
