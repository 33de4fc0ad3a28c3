//! The SOAP endpoint: `POST /soap` runs any REST operation by its operationId, `GET
//! /soap?wsdl` serves the contract. Both are derived from the OpenAPI document, so a new
//! REST operation is a SOAP operation without any code here.

pub mod convert;
pub mod envelope;
pub mod model;
pub mod security;
pub mod translate;
pub mod wsdl;
pub mod xml;

use actix_web::http::header;
use actix_web::{web, HttpRequest, HttpResponse};

use model::{Model, ModelError};

/// The model and the WSDL, built once at start.
pub struct Soap {
    pub model: Model,
    pub wsdl: String,
}

impl Soap {
    pub fn from_spec(spec: &utoipa::openapi::OpenApi) -> Result<Soap, ModelError> {
        let json = serde_json::to_value(spec).map_err(|e| ModelError(e.to_string()))?;
        let model = Model::from_openapi(&json)?;
        let wsdl = wsdl::render(&model);
        Ok(Soap { model, wsdl })
    }
}

/// The committed form of the WSDL.
pub fn wsdl_text() -> Result<String, ModelError> {
    Soap::from_spec(&crate::rest::openapi::operations()).map(|s| s.wsdl)
}

/// `GET /soap?wsdl` (and `GET /soap`): the WSDL, addressed to the server that serves it.
async fn wsdl_get(req: HttpRequest, soap: web::Data<Soap>) -> HttpResponse {
    let info = req.connection_info();
    let location = format!("{}://{}/soap", info.scheme(), info.host());
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "text/xml; charset=utf-8"))
        .body(soap.wsdl.replace(wsdl::PLACEHOLDER_LOCATION, &location))
}

pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.route("/soap", web::get().to(wsdl_get));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_wsdl_matches_the_code() {
        let committed =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/wsdl/stratum.wsdl")).unwrap_or_default();
        assert!(
            committed == wsdl_text().expect("model"),
            "wsdl/stratum.wsdl differs from the code; regenerate it with:\n    cargo run -- wsdl > wsdl/stratum.wsdl"
        );
    }

    #[test]
    fn every_rest_operation_has_its_soap_twin() {
        let spec = serde_json::to_value(crate::rest::openapi::operations()).expect("spec");
        let wsdl = wsdl_text().expect("model");
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
        let wsdl = wsdl_text().expect("model");
        let root = xml::parse(wsdl.as_bytes()).expect("well-formed");
        assert_eq!(root.name, "definitions");
        assert!(wsdl.contains("elementFormDefault=\"qualified\""));
        // One part per message (WS-I BP R2201/R2210 for document/literal).
        for msg in root.children.iter().filter(|c| c.name == "message") {
            assert_eq!(msg.children.len(), 1, "message {:?}", msg.attr(None, "name"));
        }
    }
}
