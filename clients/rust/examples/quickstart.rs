//! Get a token, create a reseller and a customer under it, page through all accounts,
//! and handle a validation error by its code. Run against a live server:
//! `STRATUM_BASE_URL=http://127.0.0.1:8080 STRATUM_API_KEY=stk_... cargo run -p stratum-client --example quickstart`

use std::collections::{BTreeMap, HashSet};

use stratum_api::{AccountIn, AccountKind, ErrorCode, ResellerTier};
use stratum_client::{AccountListQuery, Client, Error};

fn account(kind: AccountKind, name: &str, parent: Option<&str>) -> AccountIn {
    AccountIn {
        kind,
        name: name.to_owned(),
        parent_id: parent.map(str::to_owned),
        reseller_tier: (kind == AccountKind::Reseller).then_some(ResellerTier::Advanced),
        email: None,
        phone: None,
        tax_id: None,
        address: None,
        language: None,
        metadata: BTreeMap::from([("source".to_owned(), "rust-example".to_owned())]),
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let base = std::env::var("STRATUM_BASE_URL").unwrap_or_else(|_| "http://127.0.0.1:8080".into());
    let key = std::env::var("STRATUM_API_KEY").map_err(|_| "set STRATUM_API_KEY")?;
    let client = Client::new(&base, &key)?;

    // The client fetches its token on the first call.
    let reseller = client.account_create(&account(AccountKind::Reseller, "Rust Reseller", None)).await?;
    let customer = client.account_create(&account(AccountKind::Customer, "Rust Customer", Some(&reseller.id))).await?;
    assert_eq!(customer.parent_id.as_deref(), Some(reseller.id.as_str()));
    println!("created reseller {} and customer {}", reseller.id, customer.id);

    // Every page, two accounts at a time.
    let all = client.account_list_all(&AccountListQuery { limit: Some(2), ..Default::default() }).await?;
    let ids: HashSet<&str> = all.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids.len(), all.len(), "no account twice");
    assert!(ids.contains(reseller.id.as_str()) && ids.contains(customer.id.as_str()));
    println!("paged through {} accounts", all.len());

    // Errors carry their stable code.
    match client.account_create(&account(AccountKind::Customer, "", None)).await {
        Err(Error::Api(problem)) if problem.code == ErrorCode::ValidationFailed => {
            assert!(problem.errors.iter().any(|e| e.field == "name"));
            println!("refused as expected: {}", problem.detail);
        }
        other => return Err(format!("expected validation_failed, got {other:?}").into()),
    }
    Ok(())
}
