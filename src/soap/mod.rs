//! The SOAP endpoint: `POST /soap` runs any REST operation by its operationId, `GET
//! /soap?wsdl` serves the contract. Both are derived from the OpenAPI document, so a new
//! REST operation is a SOAP operation without any code here.

pub mod charset;
pub mod convert;
pub mod envelope;
pub mod model;
pub mod security;
pub mod translate;
pub mod wsdl;
pub mod xml;

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};

use crate::rest::problem::ApiError;
use model::{Model, ModelError};
use stratum_api::ErrorCode;
use wsdl::Ports;

/// The model and the WSDL documents, built once at start.
pub struct Soap {
    pub model: Model,
    /// SOAP 1.1 and 1.2 bindings.
    pub wsdl: String,
    /// The SOAP 1.1 binding only.
    pub wsdl_soap11: String,
}

impl Soap {
    pub fn from_spec(spec: &utoipa::openapi::OpenApi) -> Result<Soap, ModelError> {
        let json = serde_json::to_value(spec).map_err(|e| ModelError(e.to_string()))?;
        let model = Model::from_openapi(&json)?;
        let wsdl = wsdl::render(&model, Ports::Both);
        let wsdl_soap11 = wsdl::render(&model, Ports::Soap11);
        Ok(Soap { model, wsdl, wsdl_soap11 })
    }

    pub fn wsdl(&self, ports: Ports) -> &str {
        match ports {
            Ports::Both => &self.wsdl,
            Ports::Soap11 => &self.wsdl_soap11,
        }
    }
}

/// The committed form of a WSDL document (`wsdl/stratum.wsdl`, `wsdl/stratum-soap11.wsdl`).
pub fn wsdl_text(ports: Ports) -> Result<String, ModelError> {
    Soap::from_spec(&crate::rest::openapi::operations()).map(|s| s.wsdl(ports).to_owned())
}

/// The document a query string asks for: `?wsdl` (or nothing) both bindings,
/// `?wsdl=soap11` the SOAP 1.1 binding only.
fn requested_ports(query: &str) -> Result<Ports, String> {
    let mut ports = Ports::Both;
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        match pair.split_once('=').unwrap_or((pair, "")) {
            ("wsdl" | "WSDL", "") => {}
            ("wsdl" | "WSDL", "soap11") => ports = Ports::Soap11,
            ("wsdl" | "WSDL", other) => return Err(format!("`wsdl={other}`: use `?wsdl` or `?wsdl=soap11`")),
            (other, _) => return Err(format!("unknown query parameter `{other}`; use `?wsdl` or `?wsdl=soap11`")),
        }
    }
    Ok(ports)
}

/// `GET /soap?wsdl` (and `GET /soap`): the WSDL, addressed to the server that serves it;
/// `GET /soap?wsdl=soap11` the same contract with the SOAP 1.1 binding only.
async fn wsdl_get(req: HttpRequest, soap: web::Data<Soap>) -> Result<HttpResponse, ApiError> {
    let ports = requested_ports(req.query_string()).map_err(|m| ApiError::new(ErrorCode::InvalidQuery, m))?;
    let info = req.connection_info();
    let location = format!("{}://{}/soap", info.scheme(), info.host());
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/xml; charset=utf-8"))
        .body(soap.wsdl(ports).replace(wsdl::PLACEHOLDER_LOCATION, &location)))
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/soap", web::get().to(wsdl_get));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_wsdl_matches_the_code() {
        for (ports, file, flag) in
            [(Ports::Both, "stratum.wsdl", ""), (Ports::Soap11, "stratum-soap11.wsdl", " --soap11")]
        {
            let path = format!("{}/wsdl/{file}", env!("CARGO_MANIFEST_DIR"));
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == wsdl_text(ports).expect("model"),
                "wsdl/{file} differs from the code; regenerate it with:\n    cargo run -- wsdl{flag} > wsdl/{file}"
            );
        }
    }

    #[test]
    fn the_query_picks_the_document() {
        assert_eq!(requested_ports(""), Ok(Ports::Both));
        assert_eq!(requested_ports("wsdl"), Ok(Ports::Both));
        assert_eq!(requested_ports("WSDL"), Ok(Ports::Both));
        assert_eq!(requested_ports("wsdl=soap11"), Ok(Ports::Soap11));
        assert!(requested_ports("wsdl=soap13").is_err());
        assert!(requested_ports("xsd=1").is_err());
    }

    #[test]
    fn the_soap11_document_is_the_same_contract_without_soap12() {
        let both = wsdl_text(Ports::Both).expect("model");
        let v11 = wsdl_text(Ports::Soap11).expect("model");
        assert!(!v11.contains("soap12"), "a SOAP 1.2 trace in the SOAP 1.1 document");
        let types = |w: &str| {
            w[w.find("<wsdl:types>").expect("types")..w.find("</wsdl:portType>").expect("port type")].to_owned()
        };
        assert_eq!(types(&both), types(&v11));
        assert!(v11.contains("<wsdl:port name=\"StratumSoap11\" binding=\"tns:StratumSoap11Binding\">"));
    }

    #[test]
    fn every_rest_operation_has_its_soap_twin() {
        let spec = serde_json::to_value(crate::rest::openapi::operations()).expect("spec");
        let wsdl = wsdl_text(Ports::Both).expect("model");
        let mut count = 0;
        for item in spec["paths"].as_object().expect("paths").values() {
            for op in item.as_object().expect("item").values() {
                let Some(id) = op.get("operationId").and_then(|v| v.as_str()) else { continue };
                count += 1;
                for needle in [
                    format!("<xsd:element name=\"{id}\">"),
                    format!("<xsd:element name=\"{id}Response\">"),
                    format!("<wsdl:operation name=\"{id}\">"),
                    format!("soapAction=\"urn:stratum:api:v1/{id}\""),
                ] {
                    assert!(wsdl.contains(&needle), "{id}: the WSDL lacks {needle}");
                }
                let bindings = wsdl.matches(&format!("<wsdl:operation name=\"{id}\">")).count();
                assert_eq!(bindings, 3, "{id}: port type and both bindings");
            }
        }
        assert!(count >= 25, "only {count} operations");
    }

    #[test]
    fn the_wsdl_is_well_formed_and_ws_i_shaped() {
        let wsdl = wsdl_text(Ports::Both).expect("model");
        let root = xml::parse(wsdl.as_bytes()).expect("well-formed");
        assert_eq!(root.name, "definitions");
        assert!(wsdl.contains("elementFormDefault=\"qualified\""));
        // One part per message (WS-I BP R2201/R2210 for document/literal).
        for msg in root.children.iter().filter(|c| c.name == "message") {
            assert_eq!(msg.children.len(), 1, "message {:?}", msg.attr(None, "name"));
        }
    }
}
