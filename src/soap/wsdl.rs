//! The WSDL 1.1 contract (document/literal wrapped, SOAP 1.1 and 1.2 bindings, schema
//! inline), written from the model. Committed as `wsdl/stratum.wsdl`, and with the SOAP 1.1
//! binding only as `wsdl/stratum-soap11.wsdl` (for stacks such as Axis 1 that predate the
//! SOAP 1.2 binding and refuse a document that has one); both drift-tested.

use std::fmt::Write;

use super::model::{Field, Model, Operation, TypeDef, XType};
use super::xml::escape;

pub const NAMESPACE: &str = "urn:stratum:api:v1";
/// The address in the committed file; a served WSDL names the server it came from.
pub const PLACEHOLDER_LOCATION: &str = "http://localhost:8080/soap";
/// SOAP headers the operations accept, by the HTTP header they stand for.
pub const HEADERS: [(&str, &str); 2] = [("Idempotency-Key", "IdempotencyKey"), ("If-Match", "IfMatch")];

/// The element name of an HTTP header parameter.
pub fn header_element(http_name: &str) -> Option<&'static str> {
    HEADERS.iter().find(|(h, _)| h.eq_ignore_ascii_case(http_name)).map(|(_, e)| *e)
}

/// The bindings and ports a WSDL document carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ports {
    /// SOAP 1.1 and SOAP 1.2.
    Both,
    /// SOAP 1.1 only.
    Soap11,
}

pub fn soap_action(op: &str) -> String {
    format!("{NAMESPACE}/{op}")
}

fn xsd_type(t: &XType) -> String {
    match t {
        XType::String | XType::Json => "xsd:string".into(),
        XType::DateTime => "xsd:dateTime".into(),
        XType::Decimal => "xsd:decimal".into(),
        XType::Long => "xsd:long".into(),
        XType::Int => "xsd:int".into(),
        XType::Boolean => "xsd:boolean".into(),
        XType::Double => "xsd:double".into(),
        XType::Named(n) => format!("tns:{n}"),
        XType::StringMap => "tns:StringMap".into(),
    }
}

fn documentation(out: &mut String, indent: &str, doc: Option<&str>) {
    if let Some(d) = doc.filter(|d| !d.is_empty()) {
        let _ = writeln!(
            out,
            "{indent}<xsd:annotation><xsd:documentation>{}</xsd:documentation></xsd:annotation>",
            escape(d)
        );
    }
}

fn element(out: &mut String, indent: &str, f: &Field) {
    let mut attrs = format!("name=\"{}\" type=\"{}\"", f.name, xsd_type(&f.ty));
    if f.repeated {
        attrs.push_str(" minOccurs=\"0\" maxOccurs=\"unbounded\"");
    } else if !f.required {
        attrs.push_str(" minOccurs=\"0\"");
    }
    if f.nullable && !f.repeated {
        attrs.push_str(" nillable=\"true\"");
    }
    let mut doc = f.doc.clone();
    if f.ty == XType::Json {
        doc = Some(format!("{} (JSON text)", doc.unwrap_or_default()).trim().to_owned());
    }
    match doc {
        Some(d) => {
            let _ = writeln!(out, "{indent}<xsd:element {attrs}>");
            documentation(out, &format!("{indent}  "), Some(&d));
            let _ = writeln!(out, "{indent}</xsd:element>");
        }
        None => {
            let _ = writeln!(out, "{indent}<xsd:element {attrs}/>");
        }
    }
}

fn sequence(out: &mut String, indent: &str, fields: &[Field]) {
    if fields.is_empty() {
        let _ = writeln!(out, "{indent}<xsd:sequence/>");
        return;
    }
    let _ = writeln!(out, "{indent}<xsd:sequence>");
    for f in fields {
        element(out, &format!("{indent}  "), f);
    }
    let _ = writeln!(out, "{indent}</xsd:sequence>");
}

fn schema(out: &mut String, model: &Model) {
    let _ = writeln!(out, "    <xsd:schema targetNamespace=\"{NAMESPACE}\" elementFormDefault=\"qualified\">");
    let _ = writeln!(out, "      <xsd:complexType name=\"StringMap\">");
    documentation(out, "        ", Some("A map of strings: one entry per key."));
    out.push_str(concat!(
        "        <xsd:sequence>\n",
        "          <xsd:element name=\"entry\" minOccurs=\"0\" maxOccurs=\"unbounded\">\n",
        "            <xsd:complexType>\n",
        "              <xsd:sequence>\n",
        "                <xsd:element name=\"key\" type=\"xsd:string\"/>\n",
        "                <xsd:element name=\"value\" type=\"xsd:string\"/>\n",
        "              </xsd:sequence>\n",
        "            </xsd:complexType>\n",
        "          </xsd:element>\n",
        "        </xsd:sequence>\n",
        "      </xsd:complexType>\n"
    ));
    for (name, def) in &model.types {
        match def {
            TypeDef::Enum { values, doc } => {
                let _ = writeln!(out, "      <xsd:simpleType name=\"{name}\">");
                documentation(out, "        ", doc.as_deref());
                let _ = writeln!(out, "        <xsd:restriction base=\"xsd:string\">");
                for v in values {
                    let _ = writeln!(out, "          <xsd:enumeration value=\"{}\"/>", escape(v));
                }
                let _ = writeln!(out, "        </xsd:restriction>\n      </xsd:simpleType>");
            }
            TypeDef::Complex { fields, doc } => {
                let _ = writeln!(out, "      <xsd:complexType name=\"{name}\">");
                documentation(out, "        ", doc.as_deref());
                sequence(out, "        ", fields);
                let _ = writeln!(out, "      </xsd:complexType>");
            }
        }
    }
    for op in &model.operations {
        let inputs: Vec<Field> = op.inputs.iter().map(|i| i.field.clone()).collect();
        for (name, fields) in [(op.name.clone(), inputs), (format!("{}Response", op.name), op.outputs.clone())] {
            let _ = writeln!(out, "      <xsd:element name=\"{name}\">\n        <xsd:complexType>");
            sequence(out, "          ", &fields);
            let _ = writeln!(out, "        </xsd:complexType>\n      </xsd:element>");
        }
    }
    let _ = writeln!(out, "      <xsd:element name=\"StratumFault\" type=\"tns:Problem\"/>");
    // Each header element has a simple type of its own: ASMX's wsdl.exe makes a SoapHeader
    // class per header type, and two headers of type xsd:string became two classes claiming
    // that one XML type, which its serializer refuses.
    for (http, el) in HEADERS {
        let _ = writeln!(
            out,
            "      <xsd:simpleType name=\"{el}Value\"><xsd:restriction base=\"xsd:string\"/></xsd:simpleType>"
        );
        let _ = writeln!(out, "      <xsd:element name=\"{el}\" type=\"tns:{el}Value\">");
        documentation(
            out,
            "        ",
            Some(&format!("SOAP header carrying the HTTP `{http}` header of the REST call.")),
        );
        let _ = writeln!(out, "      </xsd:element>");
    }
    let _ = writeln!(out, "    </xsd:schema>");
}

fn binding(out: &mut String, model: &Model, name: &str, prefix: &str) {
    let _ = writeln!(out, "  <wsdl:binding name=\"{name}\" type=\"tns:StratumPortType\">");
    let _ =
        writeln!(out, "    <{prefix}:binding style=\"document\" transport=\"http://schemas.xmlsoap.org/soap/http\"/>");
    for op in &model.operations {
        let _ = writeln!(out, "    <wsdl:operation name=\"{}\">", op.name);
        let _ =
            writeln!(out, "      <{prefix}:operation soapAction=\"{}\" style=\"document\"/>", soap_action(&op.name));
        let _ = writeln!(out, "      <wsdl:input>");
        let _ = writeln!(out, "        <{prefix}:body use=\"literal\"/>");
        for h in header_elements(op) {
            let _ = writeln!(out, "        <{prefix}:header message=\"tns:{h}Header\" part=\"{h}\" use=\"literal\"/>");
        }
        let _ = writeln!(out, "      </wsdl:input>");
        let _ = writeln!(out, "      <wsdl:output>\n        <{prefix}:body use=\"literal\"/>\n      </wsdl:output>");
        let _ = writeln!(out, "      <wsdl:fault name=\"StratumFault\">\n        <{prefix}:fault name=\"StratumFault\" use=\"literal\"/>\n      </wsdl:fault>");
        let _ = writeln!(out, "    </wsdl:operation>");
    }
    let _ = writeln!(out, "  </wsdl:binding>");
}

fn header_elements(op: &Operation) -> Vec<&'static str> {
    op.headers.iter().filter_map(|h| header_element(h)).collect()
}

/// The whole WSDL document.
pub fn render(model: &Model, ports: Ports) -> String {
    let mut out = String::with_capacity(256 * 1024);
    let _ = writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    let soap12_ns = if ports == Ports::Both { " xmlns:soap12=\"http://schemas.xmlsoap.org/wsdl/soap12/\"" } else { "" };
    let _ = writeln!(
        out,
        "<wsdl:definitions name=\"Stratum\" targetNamespace=\"{NAMESPACE}\" xmlns:wsdl=\"http://schemas.xmlsoap.org/wsdl/\" \
         xmlns:soap=\"http://schemas.xmlsoap.org/wsdl/soap/\"{soap12_ns} \
         xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:tns=\"{NAMESPACE}\">"
    );
    let _ = writeln!(
        out,
        "  <wsdl:documentation>Stratum API: every REST operation as a SOAP operation of the same name. \
         Generated from the OpenAPI contract; see docs/soap.md.</wsdl:documentation>"
    );
    let _ = writeln!(out, "  <wsdl:types>");
    schema(&mut out, model);
    let _ = writeln!(out, "  </wsdl:types>");
    for op in &model.operations {
        let n = &op.name;
        let _ = writeln!(out, "  <wsdl:message name=\"{n}Request\">\n    <wsdl:part name=\"parameters\" element=\"tns:{n}\"/>\n  </wsdl:message>");
        let _ = writeln!(out, "  <wsdl:message name=\"{n}Response\">\n    <wsdl:part name=\"parameters\" element=\"tns:{n}Response\"/>\n  </wsdl:message>");
    }
    let _ = writeln!(out, "  <wsdl:message name=\"StratumFault\">\n    <wsdl:part name=\"fault\" element=\"tns:StratumFault\"/>\n  </wsdl:message>");
    for (_, el) in HEADERS {
        let _ = writeln!(out, "  <wsdl:message name=\"{el}Header\">\n    <wsdl:part name=\"{el}\" element=\"tns:{el}\"/>\n  </wsdl:message>");
    }
    let _ = writeln!(out, "  <wsdl:portType name=\"StratumPortType\">");
    for op in &model.operations {
        let n = &op.name;
        let _ = writeln!(out, "    <wsdl:operation name=\"{n}\">");
        if !op.doc.is_empty() {
            let _ = writeln!(out, "      <wsdl:documentation>{}</wsdl:documentation>", escape(&op.doc));
        }
        let _ = writeln!(
            out,
            "      <wsdl:input message=\"tns:{n}Request\"/>\n      <wsdl:output message=\"tns:{n}Response\"/>"
        );
        let _ = writeln!(
            out,
            "      <wsdl:fault name=\"StratumFault\" message=\"tns:StratumFault\"/>\n    </wsdl:operation>"
        );
    }
    let _ = writeln!(out, "  </wsdl:portType>");
    binding(&mut out, model, "StratumSoap11Binding", "soap");
    if ports == Ports::Both {
        binding(&mut out, model, "StratumSoap12Binding", "soap12");
    }
    let _ = writeln!(out, "  <wsdl:service name=\"Stratum\">");
    let _ = writeln!(out, "    <wsdl:port name=\"StratumSoap11\" binding=\"tns:StratumSoap11Binding\">\n      <soap:address location=\"{PLACEHOLDER_LOCATION}\"/>\n    </wsdl:port>");
    if ports == Ports::Both {
        let _ = writeln!(out, "    <wsdl:port name=\"StratumSoap12\" binding=\"tns:StratumSoap12Binding\">\n      <soap12:address location=\"{PLACEHOLDER_LOCATION}\"/>\n    </wsdl:port>");
    }
    let _ = writeln!(out, "  </wsdl:service>\n</wsdl:definitions>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::soap::model::same_identifier;
    use crate::soap::xml::{parse, Element};

    fn model() -> Model {
        Model::from_openapi(&serde_json::to_value(crate::rest::openapi::operations()).expect("spec")).expect("model")
    }

    /// A child of a wrapper element as generated code sees it: its name, type and occurrence.
    #[derive(Debug, PartialEq, Eq)]
    struct Child {
        name: String,
        ty: Option<String>,
        min: String,
        max: String,
        nillable: bool,
    }

    fn children(wrapper: &Element) -> Vec<Child> {
        let seq = wrapper.children.iter().find(|c| c.name == "complexType").and_then(|t| t.children.first());
        seq.map(|s| s.children.as_slice())
            .unwrap_or_default()
            .iter()
            .map(|e| Child {
                name: e.attr(None, "name").unwrap_or_default().to_owned(),
                ty: e.attr(None, "type").map(str::to_owned),
                min: e.attr(None, "minOccurs").unwrap_or("1").to_owned(),
                max: e.attr(None, "maxOccurs").unwrap_or("1").to_owned(),
                nillable: e.attr(None, "nillable") == Some("true"),
            })
            .collect()
    }

    /// JAX-WS wrapper style makes one Java parameter of each request child, each header part
    /// and each response child (a lone response child is the return value); a name the two
    /// wrappers share with another type or occurrence cannot be one parameter, and `wsimport`
    /// refuses the operation ("duplicate parameter name"). The SOAP header elements need
    /// types of their own for ASMX proxies.
    #[test]
    fn no_operation_reuses_a_wrapper_child_name_with_another_shape() {
        let model = model();
        let wsdl = render(&model, Ports::Both);
        let root = parse(wsdl.as_bytes()).expect("well-formed");
        let schema = &root.children.iter().find(|c| c.name == "types").expect("types").children[0];
        let global = |name: &str| {
            schema
                .children
                .iter()
                .find(|e| e.name == "element" && e.attr(None, "name") == Some(name))
                .unwrap_or_else(|| panic!("no element {name}"))
        };
        let mut problems = Vec::new();
        for op in &model.operations {
            let request = children(global(&op.name));
            let response = children(global(&format!("{}Response", op.name)));
            let headers: Vec<Child> = header_elements(op)
                .into_iter()
                .map(|h| Child { name: h.into(), ty: None, min: "1".into(), max: "1".into(), nillable: false })
                .collect();
            let params: Vec<&Child> = request.iter().chain(&headers).collect();
            for (i, a) in params.iter().enumerate() {
                for b in &params[i + 1..] {
                    if same_identifier(&a.name, &b.name) {
                        problems.push(format!(
                            "{}: request names `{}` and `{}` are one identifier",
                            op.name, a.name, b.name
                        ));
                    }
                }
                for r in &response {
                    if same_identifier(&a.name, &r.name) && (a.name != r.name || **a != *r) {
                        problems.push(format!("{}: request {a:?} and response {r:?}", op.name));
                    }
                }
            }
            if response.len() > 1 {
                problems.push(format!("{}: {} response children (one, or none)", op.name, response.len()));
            }
        }
        // One proxy class holds every header (ASMX): each needs a type of its own.
        let header_types: Vec<Option<&str>> = HEADERS.iter().map(|(_, el)| global(el).attr(None, "type")).collect();
        for (ty, (_, el)) in header_types.iter().zip(HEADERS) {
            if !ty.is_some_and(|t| t.starts_with("tns:")) || header_types.iter().filter(|t| *t == ty).count() > 1 {
                problems.push(format!("the header {el} needs a type of its own, not {ty:?}"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        assert!(model.operations.len() >= 25);
    }

    #[test]
    fn a_response_holds_its_object_in_one_child_named_after_its_type() {
        let model = model();
        let wsdl = render(&model, Ports::Both);
        assert!(wsdl.contains(
            "<xsd:element name=\"AccountGetResponse\">\n        <xsd:complexType>\n          <xsd:sequence>\n            <xsd:element name=\"AccountOut\" type=\"tns:AccountOut\"/>"
        ));
    }
}
