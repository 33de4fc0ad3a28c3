//! Wiring: configuration → database → services → HTTP server.

use std::io::Write;
use std::sync::Arc;

use actix_web::{middleware, web, App, HttpServer};
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::jwt::JwtKeys;
use crate::clock::{SystemClock, TestClock};
use crate::config::Config;
use crate::rest::{self, AppState};
use crate::service::{identity::bootstrap, platform::demo, Context, Settings};
use crate::soap::{self, Soap};
use crate::store::Db;
use crate::tasks;

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Db(#[from] crate::store::DbError),
    #[error("{0}")]
    Setup(String),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl From<crate::service::ServiceError> for StartError {
    fn from(e: crate::service::ServiceError) -> Self {
        let fields: Vec<String> = e.field_errors().iter().map(|f| format!("{}: {}", f.field, f.message)).collect();
        StartError::Setup(if fields.is_empty() { e.to_string() } else { fields.join("; ") })
    }
}

/// How `serve` was asked to run.
#[derive(Debug, Clone, Copy, Default)]
pub struct ServeOptions {
    pub demo: bool,
    pub test_clock: bool,
}

/// Opens the database and applies pending migrations.
pub fn open_database(config: &Config) -> Result<Context, StartError> {
    let db = Db::connect(&config.database_url, config.pool_connections())?;
    let applied = db.migrate()?;
    if applied > 0 {
        tracing::info!(applied, "migrations applied");
    }
    let settings = Settings {
        allow_private_webhook_urls: config.webhook_allow_private_urls,
        default_language: config.default_language.clone(),
    };
    Ok(Context { db, clock: Arc::new(SystemClock), settings: Arc::new(settings), test_clock: None })
}

fn jwt_keys(config: &Config) -> Result<JwtKeys, StartError> {
    let secret = match &config.jwt_signing_secret {
        Some(s) => s.expose().to_owned(),
        None => {
            tracing::warn!("jwt_signing_secret is not set: using a random one, so tokens end with this process");
            crate::auth::api_key::generate()
        }
    };
    JwtKeys::new(
        &config.jwt_signing_kid,
        &secret,
        config.jwt_verification_keys.as_ref().map(|s| s.expose()),
        config.jwt_ttl_seconds,
    )
    .map_err(|e| StartError::Setup(e.to_string()))
}

/// Runs the server until it is stopped. On SQLite it first takes the file's server lock
/// (held until it returns, or the kernel drops it with the process), before it migrates or
/// writes anything.
pub async fn serve(config: Config, options: ServeOptions) -> Result<(), StartError> {
    let _one_server_per_file = crate::store::server_lock::hold(&config.database_url)?;
    let mut cx = open_database(&config)?;
    if options.test_clock {
        tracing::warn!("running on a test clock: POST /api/v1/test-clock/advance moves time");
        let clock = Arc::new(TestClock::default());
        cx.clock = clock.clone();
        cx.test_clock = Some(clock);
    }
    bootstrap::ensure_root(&cx)?;
    crate::service::platform::periodic::ensure_scheduled(&cx, &tasks::runner::TABLE.schedules())?;
    if let Some(key) = &config.bootstrap_api_key {
        if bootstrap::install_bootstrap_key(&cx, key.expose())? {
            tracing::info!("bootstrap API key installed for the provider admin");
        }
    }
    if options.demo {
        print_demo(demo::seed(&cx)?, &config.listen);
    }
    let metrics = rest::platform::metrics::Metrics::new().map_err(|e| StartError::Setup(e.to_string()))?;
    let wake = tasks::Wake::default();
    let mailer =
        tasks::handlers::notification::Mailer::new(config.smtp_url.as_ref().map(|s| s.expose()), &config.mail_from)
            .map_err(StartError::Setup)?;
    tasks::start(cx.clone(), wake.clone(), config.webhook_concurrency, config.action_concurrency, mailer);
    let state = web::Data::new(AppState::new(cx, jwt_keys(&config)?, metrics, config.request_connections(), wake));
    // The contract is built once: SOAP serves its operations (the webhooks are calls
    // Stratum makes), the served document and the routing tables come from the whole.
    let operations = rest::openapi::operations();
    let soap = web::Data::new(Soap::from_spec(&operations).map_err(|e| StartError::Setup(e.to_string()))?);
    let spec = rest::openapi::with_webhooks(operations);
    let known_paths = web::Data::new(rest::platform::known_paths::KnownPaths::from_spec(&spec));
    let access_routes = web::Data::new(rest::access::AccessRoutes::from_spec(&spec));
    let max_body = config.max_body_bytes;
    let mut server = HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .app_data(soap.clone())
            .app_data(known_paths.clone())
            .app_data(access_routes.clone())
            .app_data(web::PayloadConfig::new(max_body))
            .app_data(web::QueryConfig::default().error_handler(rest::extract::query_error))
            // Innermost: after SOAP calls are translated, before any handler reads a body.
            .wrap(middleware::from_fn(rest::access::enforce))
            .wrap(middleware::from_fn(soap::translate::translate))
            .wrap(middleware::from_fn(rest::platform::metrics::observe))
            .configure(rest::platform::ops::routes)
            .configure(soap::routes)
            .configure(|cfg| {
                let mut api = utoipa_actix_web::service_config::ServiceConfig::new(cfg);
                rest::api_routes(&mut api);
            })
            // After the API: routes are tried in order, and this one matches by regex.
            .service(SwaggerUi::new("/docs/{_:.*}").url("/openapi.json", spec.clone()))
            .service(web::redirect("/docs", "/docs/"))
            .default_service(web::to(rest::platform::ops::route_not_found))
    });
    if config.workers > 0 {
        server = server.workers(config.workers);
    }
    let server = server.bind(&config.listen)?;
    for addr in server.addrs() {
        // Tests and scripts read this line to find the port when listening on port 0.
        println!("stratum listening on http://{addr}");
    }
    std::io::stdout().flush()?;
    server.run().await?;
    Ok(())
}

fn print_demo(summary: Option<demo::DemoSummary>, listen: &str) {
    let Some(s) = summary else {
        println!("demo: the database holds accounts already; nothing seeded");
        return;
    };
    let base = format!("http://{listen}");
    println!("demo data seeded: 3 resellers (one a sub-reseller), 6 customers, 4 users;");
    println!("  a hosting catalog: web hosting, VPS, mail and domain plans on 3 brands, coupon WELCOME20;");
    println!("  4 orders: 2 complete, 1 waits for approval (a fraud rule), 1 is rejected (Northwind's workflow).");
    println!("  provider admin key:  {}", s.provider_key);
    for (label, key) in &s.keys {
        println!("  {label}: {key}");
    }
    println!("get a token and list accounts:");
    println!("  TOKEN=$(curl -s -X POST {base}/api/v1/auth/token -H 'Content-Type: application/json' -d '{{\"api_key\":\"{}\"}}' | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')", s.provider_key);
    println!("  curl -s {base}/api/v1/accounts -H \"Authorization: Bearer $TOKEN\"");
}
