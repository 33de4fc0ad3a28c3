//! The command line.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "stratum", version, about = "Headless billing and provisioning for hosting providers")]
pub struct Cli {
    /// A TOML configuration file (default: ./stratum.toml when present). Every key can
    /// also be set as STRATUM_<KEY>.
    #[arg(long, global = true)]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the API server (applies pending migrations first).
    Serve {
        /// Seed a demo provider (resellers, customers, users, keys) into an empty database.
        #[arg(long)]
        demo: bool,
        /// Run on a test clock that `POST /api/v1/test-clock/advance` moves forward (for
        /// sandboxes and tests; never in production).
        #[arg(long)]
        test_clock: bool,
    },
    /// Apply pending database migrations and exit.
    Migrate,
    /// Administration.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Print the OpenAPI contract.
    Openapi,
    /// Print the WSDL contract of the SOAP endpoint.
    Wsdl {
        /// Only the SOAP 1.1 binding and port (as served at `/soap?wsdl=soap11`), for
        /// stacks that predate the WSDL SOAP 1.2 binding.
        #[arg(long)]
        soap11: bool,
    },
    /// Print the event catalog as Markdown (committed as docs/events.md).
    EventsDoc,
}

#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Issue a provider-admin API key and print it (creating the provider on first use).
    CreateApiKey {
        /// A label for the key.
        #[arg(long)]
        name: Option<String>,
    },
}
