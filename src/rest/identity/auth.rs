//! `/api/v1/auth/token`: API key → access token.

use actix_web::http::header;
use actix_web::{post, web, HttpRequest, HttpResponse};
use stratum_api::identity::auth::{TokenForm, TokenIn, TokenOut};
use stratum_api::ErrorCode;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::rest::problem::ApiError;
use crate::rest::AppState;
use crate::service::identity::auth as svc;

/// Exchange an API key for a short-lived access token (JWT).
///
/// Send `{"api_key": "stk_…"}` as JSON, or the OAuth2 client-credentials form
/// (`grant_type=client_credentials&client_secret=stk_…`, form-encoded or JSON). Use the
/// token as `Authorization: Bearer <access_token>` until it expires.
#[utoipa::path(
    operation_id = "AuthTokenCreate",
    tag = "Auth",
    security(()),
    request_body(content((TokenIn = "application/json"), (TokenForm = "application/x-www-form-urlencoded"))),
    responses((status = 200, description = "An access token", body = TokenOut))
)]
#[post("/auth/token")]
async fn auth_token_create(
    state: web::Data<AppState>,
    req: HttpRequest,
    body: web::Bytes,
) -> Result<HttpResponse, ApiError> {
    let input = parse(&req, &body)?;
    let key = match (input.api_key, input.grant_type.as_deref(), input.client_secret) {
        (Some(k), None, None) => k,
        (None, Some("client_credentials"), Some(secret)) => secret,
        (None, Some(other), _) if other != "client_credentials" => {
            return Err(ApiError::new(ErrorCode::InvalidBody, "grant_type must be `client_credentials`"))
        }
        _ => {
            return Err(ApiError::new(
                ErrorCode::InvalidBody,
                "send either `api_key`, or `grant_type=client_credentials` with the key as `client_secret`",
            ))
        }
    };
    let jwt = state.jwt.clone();
    let out = state.run(move |cx| svc::exchange(cx, &jwt, &key)).await?;
    Ok(HttpResponse::Ok().insert_header((header::CACHE_CONTROL, "no-store")).json(out))
}

fn parse(req: &HttpRequest, body: &[u8]) -> Result<TokenIn, ApiError> {
    let ct = req.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let mime = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match mime.as_str() {
        "application/x-www-form-urlencoded" => serde_urlencoded::from_bytes::<TokenForm>(body)
            .map(|f| TokenIn {
                grant_type: Some("client_credentials".into()),
                client_id: f.client_id,
                client_secret: Some(f.client_secret),
                ..TokenIn::default()
            })
            .map_err(|e| ApiError::new(ErrorCode::InvalidBody, format!("the form is not valid: {e}"))),
        "application/json" => serde_json::from_slice(body)
            .map_err(|e| ApiError::new(ErrorCode::InvalidBody, format!("the request body is not valid: {e}"))),
        _ => Err(ApiError::new(
            ErrorCode::InvalidBody,
            "Content-Type must be application/json or application/x-www-form-urlencoded",
        )),
    }
}

pub fn routes(cfg: &mut ServiceConfig) {
    cfg.service(auth_token_create);
}
