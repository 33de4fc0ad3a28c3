use std::process::ExitCode;

/// mimalloc: request handling allocates many small, short-lived buffers, which glibc's
/// malloc serves markedly slower (measured: malloc and free were the top entries of the
/// GET profile).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;
use stratum::cli::{AdminCommand, Cli, Command};
use stratum::config::Config;
use stratum::{app, rest, service, soap, telemetry};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Openapi => {
            print!("{}", rest::openapi::spec_json());
            return ExitCode::SUCCESS;
        }
        Command::EventsDoc => {
            print!("{}", stratum::events::doc::markdown());
            return ExitCode::SUCCESS;
        }
        Command::Wsdl { soap11 } => {
            let ports = if soap11 { soap::wsdl::Ports::Soap11 } else { soap::wsdl::Ports::Both };
            return match soap::wsdl_text(ports) {
                Ok(w) => {
                    print!("{w}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("stratum: {e}");
                    ExitCode::FAILURE
                }
            };
        }
        _ => {}
    }
    let config = match Config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("stratum: {e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(config.log_format, &config.log_level);
    let result = match cli.command {
        Command::Serve { demo, test_clock } => {
            actix_web::rt::System::new().block_on(app::serve(config, app::ServeOptions { demo, test_clock }))
        }
        Command::Migrate => app::open_database(&config).map(|_| println!("migrations up to date")),
        Command::Admin { command: AdminCommand::CreateApiKey { name } } => app::open_database(&config)
            .and_then(|cx| service::identity::bootstrap::create_admin_key(&cx, name).map_err(Into::into))
            .map(|(account, key)| {
                println!("{key}");
                eprintln!("provider admin key for account {account}; it is shown only this once");
            }),
        Command::Openapi | Command::Wsdl { .. } | Command::EventsDoc => Ok(()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("stratum: {e}");
            ExitCode::FAILURE
        }
    }
}
