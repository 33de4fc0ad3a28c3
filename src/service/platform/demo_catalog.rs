//! The demo's hosting catalog: shared web hosting, VPS, mail and domains, with resources,
//! plans, periods, grants to resellers, brands and a coupon.

use rust_decimal::Decimal;
use stratum_api::catalog::brand::{BrandIn, PublicationIn};
use stratum_api::catalog::coupon::{CouponIn, DiscountAppliesTo};
use stratum_api::catalog::plan::{PlanGrantIn, PlanIn, PlanPeriod, PlanRate, PriceTier, PricingModel, UnitPrice};
use stratum_api::catalog::resource_type::ResourceTypeIn;
use stratum_api::catalog::service_template::{OrderParameter, ParameterKind, ServiceTemplateIn, TemplateResource};
use stratum_api::identity::account::AccountKind;

use crate::auth::Caller;
use crate::domain::identity::permission::BuiltInRole;
use crate::service::{
    catalog::brand, catalog::coupon, catalog::plan, catalog::resource_type, catalog::service_template, Context,
    ServiceError,
};

fn dec(units: i64, scale: u32) -> Decimal {
    Decimal::new(units, scale)
}

fn admin_of(account_id: &str, account_path: &str, kind: AccountKind) -> Caller {
    Caller {
        key_id: "demo-seed".into(),
        account_id: account_id.to_owned(),
        account_path: account_path.to_owned(),
        account_kind: kind,
        role: BuiltInRole::Admin.id().into(),
        permissions: BuiltInRole::Admin.permissions(),
    }
}

fn period(months: i32, setup: Decimal, recurring: Decimal, trial_days: Option<i32>) -> PlanPeriod {
    PlanPeriod {
        months: Some(months),
        days: None,
        setup_fee: setup,
        recurring_fee: recurring,
        renewal_fee: None,
        trial_days,
        trial_waives_setup: trial_days.map(|_| true),
    }
}

fn flat(price: Decimal) -> Option<UnitPrice> {
    Some(UnitPrice { model: PricingModel::Flat, unit_price: Some(price), tiers: None })
}

fn rate(resource_type_id: &str, recurring: Option<UnitPrice>) -> PlanRate {
    PlanRate {
        resource_type_id: resource_type_id.to_owned(),
        included: None,
        maximum: None,
        setup_fee: None,
        recurring_fee: recurring,
        overage: None,
    }
}

fn res(resource_type_id: &str, included: i64, maximum: Option<i64>) -> TemplateResource {
    TemplateResource {
        resource_type_id: resource_type_id.to_owned(),
        included: Decimal::from(included),
        maximum: maximum.map(Decimal::from),
    }
}

fn param(name: &str, label: &str, kind: ParameterKind, values: Option<&[&str]>) -> OrderParameter {
    OrderParameter {
        name: name.into(),
        label: label.into(),
        kind,
        required: true,
        values: values.map(|v| v.iter().map(|s| (*s).to_owned()).collect()),
        min: None,
        max: None,
        max_length: None,
    }
}

/// The accounts the catalog is made for.
pub struct DemoAccounts<'a> {
    pub provider: &'a Caller,
    pub northwind: (&'a str, &'a str),
    pub bluebird: (&'a str, &'a str),
}

/// The plans the demo orders buy.
pub struct DemoPlans {
    /// The provider's, 1 or 12 months, 14 days of trial; Bluebird sells it too.
    pub web_starter: String,
    /// Northwind's own plan on Web Starter: 6.99 a month or 69.90 a year, disk 0.35/GB.
    pub northwind_web: String,
}

/// Seeds the catalog.
pub fn seed(cx: &Context, a: DemoAccounts<'_>) -> Result<DemoPlans, ServiceError> {
    let p = a.provider;
    let rt = |name: &str, unit: &str, metered: bool, gateway: &str| -> Result<String, ServiceError> {
        let input = ResourceTypeIn {
            account_id: None,
            name: name.into(),
            description: None,
            unit: unit.into(),
            metered,
            gateway: gateway.into(),
        };
        Ok(resource_type::create(cx, p, input, None)?.into_fresh()?.id)
    };
    let disk = rt("Disk space", "GB", false, "plesk")?;
    let mailboxes = rt("Mailboxes", "mailbox", false, "plesk")?;
    let traffic = rt("Traffic", "GB-month", true, "plesk")?;
    let vcpu = rt("vCPU", "core", false, "kvm")?;
    let ram = rt("Memory", "GB", false, "kvm")?;
    let vps_disk = rt("SSD storage", "GB", false, "kvm")?;
    let ipv4 = rt("IPv4 address", "address", false, "kvm")?;
    let domain = rt("Domain registration", "domain", false, "registrar")?;
    let template = |name: &str, resources: Vec<TemplateResource>, parameters: Vec<OrderParameter>| {
        let input = ServiceTemplateIn { account_id: None, name: name.into(), description: None, resources, parameters };
        service_template::create(cx, p, input, None).and_then(|o| o.into_fresh()).map(|t| t.id)
    };
    let domain_param = || param("domain", "Domain name", ParameterKind::DomainName, None);
    let web = template(
        "Shared web hosting",
        vec![res(&disk, 10, Some(200)), res(&mailboxes, 5, Some(100)), res(&traffic, 100, None)],
        vec![domain_param()],
    )?;
    let vps = template(
        "VPS",
        vec![res(&vcpu, 1, Some(16)), res(&ram, 2, Some(64)), res(&vps_disk, 40, Some(2000)), res(&ipv4, 1, Some(8))],
        vec![
            param("hostname", "Host name", ParameterKind::DomainName, None),
            param("os", "Operating system", ParameterKind::Enum, Some(&["debian-12", "ubuntu-24.04", "alma-9"])),
        ],
    )?;
    let mail = template(
        "Business mail",
        vec![res(&mailboxes, 10, Some(1000)), res(&disk, 20, Some(2000))],
        vec![domain_param()],
    )?;
    let domains = template("Domain registration", vec![res(&domain, 1, Some(1))], vec![domain_param()])?;
    let mk_plan = |caller: &Caller, input: PlanIn| plan::create(cx, caller, input, None).and_then(|o| o.into_fresh());
    let base = |template_id: &str, name: &str, category: &str, periods: Vec<PlanPeriod>, rates: Vec<PlanRate>| PlanIn {
        account_id: None,
        service_template_id: Some(template_id.to_owned()),
        base_plan_id: None,
        name: name.into(),
        description: None,
        currency: "USD".into(),
        categories: vec![category.into()],
        periods,
        rates,
        upgrade_to: Vec::new(),
        available_from: None,
        available_until: None,
    };
    let web_starter = mk_plan(
        p,
        base(
            &web,
            "Web Starter",
            "shared-hosting",
            vec![period(1, dec(0, 0), dec(499, 2), Some(14)), period(12, dec(0, 0), dec(4990, 2), Some(14))],
            vec![
                rate(&disk, flat(dec(25, 2))),
                rate(&mailboxes, flat(dec(50, 2))),
                PlanRate { overage: flat(dec(5, 2)), ..rate(&traffic, None) },
            ],
        ),
    )?;
    let web_pro = mk_plan(
        p,
        base(
            &web,
            "Web Pro",
            "shared-hosting",
            vec![period(1, dec(0, 0), dec(1299, 2), None), period(12, dec(0, 0), dec(12990, 2), None)],
            vec![
                PlanRate { included: Some(Decimal::from(50)), ..rate(&disk, flat(dec(20, 2))) },
                PlanRate { included: Some(Decimal::from(25)), ..rate(&mailboxes, flat(dec(40, 2))) },
            ],
        ),
    )?;
    let tiers = |t: &[(Option<i64>, Decimal)]| UnitPrice {
        model: PricingModel::Graduated,
        unit_price: None,
        tiers: Some(
            t.iter()
                .map(|(up, price)| PriceTier { up_to: up.map(Decimal::from), unit_price: *price, flat_fee: None })
                .collect(),
        ),
    };
    let vps_s = mk_plan(
        p,
        base(
            &vps,
            "VPS S",
            "vps",
            vec![period(1, dec(1000, 2), dec(1500, 2), None), period(12, dec(0, 0), dec(15000, 2), None)],
            vec![
                rate(&vcpu, flat(dec(600, 2))),
                rate(&ram, Some(tiers(&[(Some(6), dec(400, 2)), (None, dec(300, 2))]))),
                rate(&vps_disk, Some(tiers(&[(Some(160), dec(10, 2)), (None, dec(5, 2))]))),
                PlanRate { setup_fee: flat(dec(200, 2)), ..rate(&ipv4, flat(dec(250, 2))) },
            ],
        ),
    )?;
    let mail_plan = mk_plan(
        p,
        base(
            &mail,
            "Mail Business",
            "mail",
            vec![period(1, dec(0, 0), dec(900, 2), None), period(12, dec(0, 0), dec(9000, 2), None)],
            vec![rate(&mailboxes, flat(dec(75, 2)))],
        ),
    )?;
    let dot_com = mk_plan(
        p,
        base(
            &domains,
            ".com domain",
            "domains",
            vec![PlanPeriod { renewal_fee: Some(dec(1599, 2)), ..period(12, dec(0, 0), dec(999, 2), None) }],
            Vec::new(),
        ),
    )?;
    let all = [&web_starter, &web_pro, &vps_s, &mail_plan, &dot_com];
    // Upgrades within shared hosting.
    let up = stratum_api::catalog::plan::PlanPatch { upgrade_to: Some(vec![web_pro.id.clone()]), ..Default::default() };
    plan::update(cx, p, &web_starter.id, up, None)?;
    let coupon_in =
        |code: Option<&str>, name: &str, percent: i64, applies_to, periods, plan_ids: Vec<String>| CouponIn {
            account_id: None,
            code: code.map(str::to_owned),
            name: name.into(),
            percent: Some(Decimal::from(percent)),
            amount: None,
            currency: None,
            applies_to,
            duration_periods: periods,
            valid_from: None,
            valid_until: None,
            max_redemptions: None,
            plan_ids,
        };
    coupon::create(
        cx,
        p,
        coupon_in(
            Some("WELCOME20"),
            "Welcome: 20% off the first period",
            20,
            DiscountAppliesTo::Recurring,
            Some(1),
            Vec::new(),
        ),
        None,
    )?
    .into_fresh()?;
    coupon::create(
        cx,
        p,
        coupon_in(None, "VPS launch: no setup fee", 100, DiscountAppliesTo::Setup, Some(1), vec![vps_s.id.clone()]),
        None,
    )?
    .into_fresh()?;
    let mk_brand = |caller: &Caller, name: &str, host: &str| {
        let input = BrandIn {
            account_id: None,
            name: name.into(),
            host_name: host.into(),
            default_language: "en".into(),
            languages: vec!["de".into()],
            currency: "USD".into(),
        };
        brand::create(cx, caller, input, None).and_then(|o| o.into_fresh()).map(|b| b.id)
    };
    let publish = |caller: &Caller, brand_id: &str, plan_id: &str| {
        let input = PublicationIn { plan_id: plan_id.to_owned(), display_name: None, description: None };
        brand::publish(cx, caller, brand_id, input, None).and_then(|o| o.into_fresh()).map(drop)
    };
    let shop = mk_brand(p, "Example Hosting", "shop.example-hosting.test")?;
    for pl in all {
        publish(p, &shop, &pl.id)?;
    }
    // Resellers: Northwind (advanced) builds its own plan on Web Starter; Bluebird (basic)
    // sells Web Starter and the .com domain at the provider's prices.
    let grant = |plan_id: &str, account_id: &str| {
        plan::grant(cx, p, plan_id, PlanGrantIn { account_id: account_id.to_owned() }, None)
            .and_then(|o| o.into_fresh())
    };
    for pl in [&web_starter, &vps_s, &dot_com] {
        grant(&pl.id, a.northwind.0)?;
    }
    for pl in [&web_starter, &dot_com] {
        grant(&pl.id, a.bluebird.0)?;
    }
    let northwind = admin_of(a.northwind.0, a.northwind.1, AccountKind::Reseller);
    let nw_web = mk_plan(
        &northwind,
        PlanIn {
            service_template_id: None,
            base_plan_id: Some(web_starter.id.clone()),
            name: "Northwind Web".into(),
            periods: vec![period(1, dec(0, 0), dec(699, 2), None), period(12, dec(0, 0), dec(6990, 2), None)],
            rates: vec![rate(&disk, flat(dec(35, 2)))],
            ..base(&web, "", "shared-hosting", Vec::new(), Vec::new())
        },
    )?;
    let nw_shop = mk_brand(&northwind, "Northwind Hosting", "shop.northwind.test")?;
    publish(&northwind, &nw_shop, &nw_web.id)?;
    publish(&northwind, &nw_shop, &dot_com.id)?;
    let bluebird = admin_of(a.bluebird.0, a.bluebird.1, AccountKind::Reseller);
    let bb_shop = mk_brand(&bluebird, "Bluebird Cloud", "shop.bluebird.test")?;
    publish(&bluebird, &bb_shop, &web_starter.id)?;
    publish(&bluebird, &bb_shop, &dot_com.id)?;
    Ok(DemoPlans { web_starter: web_starter.id.clone(), northwind_web: nw_web.id.clone() })
}
