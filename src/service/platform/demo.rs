//! `stratum serve --demo`: a believable provider to try the API on.

use std::collections::BTreeMap;

use stratum_api::identity::account::{AccountIn, AccountKind, Address, ResellerTier};
use stratum_api::identity::api_key::ApiKeyIn;
use stratum_api::identity::user::UserIn;

use crate::auth::Caller;
use crate::domain::identity::permission::BuiltInRole;
use crate::service::{
    identity::account, identity::api_key, identity::bootstrap, identity::user, Context, ServiceError,
};
use crate::store::identity::account as accounts;

/// What the demo created: keys to try, one line each.
pub struct DemoSummary {
    pub provider_key: String,
    pub keys: Vec<(String, String)>,
}

fn acc(
    kind: AccountKind,
    name: &str,
    parent: Option<&str>,
    tier: Option<ResellerTier>,
    email: &str,
    country: &str,
    city: &str,
) -> AccountIn {
    AccountIn {
        kind,
        name: name.into(),
        parent_id: parent.map(str::to_owned),
        reseller_tier: tier,
        email: Some(email.into()),
        phone: Some("+1 555 0100".into()),
        tax_id: None,
        address: Some(Address {
            line1: "1 Main Street".into(),
            line2: None,
            city: city.into(),
            region: None,
            postal_code: "10115".into(),
            country: country.into(),
        }),
        language: None,
        metadata: BTreeMap::from([("source".into(), "demo".into())]),
    }
}

/// Seeds the demo data unless the database holds accounts already.
pub fn seed(cx: &Context) -> Result<Option<DemoSummary>, ServiceError> {
    if cx.db.read(|c| accounts::count(c).map_err(ServiceError::from))? > 1 {
        return Ok(None);
    }
    let (provider_id, provider_key) = bootstrap::create_admin_key(cx, Some("demo provider admin".into()))?;
    let provider =
        cx.db.read(|c| accounts::unscoped::find(c, &provider_id)?.ok_or(ServiceError::NotFound("account")))?;
    let admin = Caller {
        key_id: "demo-seed".into(),
        account_id: provider.id.clone(),
        account_path: provider.path.clone(),
        account_kind: AccountKind::Provider,
        role: BuiltInRole::Admin.id().into(),
        permissions: BuiltInRole::Admin.permissions(),
    };
    let mk = |input: AccountIn| account::create(cx, &admin, input, None).and_then(|o| o.into_fresh());
    let northwind = mk(acc(
        AccountKind::Reseller,
        "Northwind Hosting",
        None,
        Some(ResellerTier::Advanced),
        "ops@northwind.example",
        "DE",
        "Berlin",
    ))?;
    let partners = mk(acc(
        AccountKind::Reseller,
        "Northwind Partners",
        Some(&northwind.id),
        Some(ResellerTier::Basic),
        "partners@northwind.example",
        "AT",
        "Vienna",
    ))?;
    let bluebird = mk(acc(
        AccountKind::Reseller,
        "Bluebird Cloud",
        None,
        Some(ResellerTier::Basic),
        "hello@bluebird.example",
        "US",
        "Austin",
    ))?;
    let customers = [
        ("Acme Bakery", &northwind.id, "owner@acme-bakery.example", "DE", "Hamburg"),
        ("Kite Surf School", &northwind.id, "info@kitesurf.example", "DE", "Kiel"),
        ("Alpine Dental", &partners.id, "admin@alpinedental.example", "AT", "Graz"),
        ("Lakeside Books", &bluebird.id, "books@lakeside.example", "US", "Madison"),
        ("Red Rock Outfitters", &bluebird.id, "it@redrock.example", "US", "Sedona"),
        ("Direct Customer Ltd", &provider.id, "it@direct.example", "GB", "Leeds"),
    ];
    let mut made = Vec::new();
    for (name, parent, email, country, city) in customers {
        made.push(mk(acc(AccountKind::Customer, name, Some(parent), None, email, country, city))?);
    }
    let users = [
        (&northwind.id, "Nora Lind", "nora@northwind.example", "admin"),
        (&northwind.id, "Sam Ortiz", "sam@northwind.example", "billing"),
        (&bluebird.id, "Bea Blue", "bea@bluebird.example", "admin"),
        (&made[0].id, "Anton Acme", "anton@acme-bakery.example", "admin"),
    ];
    for (account_id, name, email, role) in users {
        let input =
            UserIn { account_id: Some(account_id.clone()), email: email.into(), name: name.into(), role: role.into() };
        user::create(cx, &admin, input, None)?.into_fresh()?;
    }
    let northwind_path = account_path(cx, &northwind.id)?;
    let plans = crate::service::platform::demo_catalog::seed(
        cx,
        crate::service::platform::demo_catalog::DemoAccounts {
            provider: &admin,
            northwind: (&northwind.id, &northwind_path),
            bluebird: (&bluebird.id, &account_path(cx, &bluebird.id)?),
        },
    )?;
    crate::service::platform::demo_orders::seed(
        cx,
        &admin,
        &plans,
        crate::service::platform::demo_orders::Customers {
            northwind: &northwind.id,
            bluebird: &bluebird.id,
            direct: &made[5].id,
            acme: &made[0].id,
            kite: &made[1].id,
            lakeside: &made[3].id,
        },
    )?;
    let mut keys = Vec::new();
    for (label, account_id, role) in [
        ("Northwind Hosting (reseller admin)", &northwind.id, "admin"),
        ("Bluebird Cloud (reseller, read only)", &bluebird.id, "read_only"),
        ("Acme Bakery (customer admin)", &made[0].id, "admin"),
    ] {
        let input = ApiKeyIn {
            account_id: Some(account_id.clone()),
            role: role.into(),
            name: Some("demo".into()),
            expires_at: None,
        };
        let created = api_key::create(cx, &admin, input, None)?.into_fresh()?;
        keys.push((label.to_owned(), created.key));
    }
    Ok(Some(DemoSummary { provider_key, keys }))
}

fn account_path(cx: &Context, id: &str) -> Result<String, ServiceError> {
    cx.db.read(|c| accounts::unscoped::find(c, id)?.map(|a| a.path).ok_or(ServiceError::NotFound("account")))
}
