//! The mapping between the catalog's wire types and the documents the store keeps
//! (`store::catalog::spec`), in one place: a wire field may be renamed without touching
//! stored data, and a stored field without touching the contract.

use stratum_api::catalog::coupon::DiscountAppliesTo;
use stratum_api::catalog::plan::{PlanPeriod, PlanRate, PriceTier, PricingModel, UnitPrice};
use stratum_api::catalog::service_template::{OrderParameter, ParameterKind, TemplateResource};

use diesel::result::Error as DieselError;

use crate::store::catalog::spec::{
    AppliesToDoc, OrderParameterDoc, ParameterKindDoc, PeriodDoc, PricingModelDoc, RateDoc, TemplateResourceDoc,
    TierDoc, UnitPriceDoc,
};
use crate::store::{json_text, text_json};

pub fn period_doc(p: &PlanPeriod) -> PeriodDoc {
    PeriodDoc {
        months: p.months,
        days: p.days,
        setup_fee: p.setup_fee,
        recurring_fee: p.recurring_fee,
        renewal_fee: p.renewal_fee,
        trial_days: p.trial_days,
        trial_waives_setup: p.trial_waives_setup,
    }
}

pub fn period(d: PeriodDoc) -> PlanPeriod {
    PlanPeriod {
        months: d.months,
        days: d.days,
        setup_fee: d.setup_fee,
        recurring_fee: d.recurring_fee,
        renewal_fee: d.renewal_fee,
        trial_days: d.trial_days,
        trial_waives_setup: d.trial_waives_setup,
    }
}

pub fn rate_doc(r: &PlanRate) -> RateDoc {
    RateDoc {
        resource_type_id: r.resource_type_id.clone(),
        included: r.included,
        maximum: r.maximum,
        setup_fee: r.setup_fee.as_ref().map(unit_price_doc),
        recurring_fee: r.recurring_fee.as_ref().map(unit_price_doc),
        overage: r.overage.as_ref().map(unit_price_doc),
    }
}

pub fn rate(d: RateDoc) -> PlanRate {
    PlanRate {
        resource_type_id: d.resource_type_id,
        included: d.included,
        maximum: d.maximum,
        setup_fee: d.setup_fee.map(unit_price),
        recurring_fee: d.recurring_fee.map(unit_price),
        overage: d.overage.map(unit_price),
    }
}

fn unit_price_doc(u: &UnitPrice) -> UnitPriceDoc {
    UnitPriceDoc {
        model: match u.model {
            PricingModel::Flat => PricingModelDoc::Flat,
            PricingModel::Volume => PricingModelDoc::Volume,
            PricingModel::Graduated => PricingModelDoc::Graduated,
        },
        unit_price: u.unit_price,
        tiers: u.tiers.as_ref().map(|ts| {
            ts.iter().map(|t| TierDoc { up_to: t.up_to, unit_price: t.unit_price, flat_fee: t.flat_fee }).collect()
        }),
    }
}

fn unit_price(d: UnitPriceDoc) -> UnitPrice {
    UnitPrice {
        model: match d.model {
            PricingModelDoc::Flat => PricingModel::Flat,
            PricingModelDoc::Volume => PricingModel::Volume,
            PricingModelDoc::Graduated => PricingModel::Graduated,
        },
        unit_price: d.unit_price,
        tiers: d.tiers.map(|ts| {
            ts.into_iter()
                .map(|t| PriceTier { up_to: t.up_to, unit_price: t.unit_price, flat_fee: t.flat_fee })
                .collect()
        }),
    }
}

pub fn resource_doc(r: &TemplateResource) -> TemplateResourceDoc {
    TemplateResourceDoc { resource_type_id: r.resource_type_id.clone(), included: r.included, maximum: r.maximum }
}

pub fn resource(d: TemplateResourceDoc) -> TemplateResource {
    TemplateResource { resource_type_id: d.resource_type_id, included: d.included, maximum: d.maximum }
}

pub fn parameter_doc(p: &OrderParameter) -> OrderParameterDoc {
    OrderParameterDoc {
        name: p.name.clone(),
        label: p.label.clone(),
        kind: match p.kind {
            ParameterKind::String => ParameterKindDoc::String,
            ParameterKind::DomainName => ParameterKindDoc::DomainName,
            ParameterKind::Enum => ParameterKindDoc::Enum,
            ParameterKind::Integer => ParameterKindDoc::Integer,
        },
        required: p.required,
        values: p.values.clone(),
        min: p.min,
        max: p.max,
        max_length: p.max_length,
    }
}

pub fn parameter(d: OrderParameterDoc) -> OrderParameter {
    OrderParameter {
        name: d.name,
        label: d.label,
        kind: match d.kind {
            ParameterKindDoc::String => ParameterKind::String,
            ParameterKindDoc::DomainName => ParameterKind::DomainName,
            ParameterKindDoc::Enum => ParameterKind::Enum,
            ParameterKindDoc::Integer => ParameterKind::Integer,
        },
        required: d.required,
        values: d.values,
        min: d.min,
        max: d.max,
        max_length: d.max_length,
    }
}

pub fn applies_to_doc(a: DiscountAppliesTo) -> AppliesToDoc {
    match a {
        DiscountAppliesTo::Setup => AppliesToDoc::Setup,
        DiscountAppliesTo::Recurring => AppliesToDoc::Recurring,
        DiscountAppliesTo::SetupAndRecurring => AppliesToDoc::SetupAndRecurring,
    }
}

pub fn applies_to(d: AppliesToDoc) -> DiscountAppliesTo {
    match d {
        AppliesToDoc::Setup => DiscountAppliesTo::Setup,
        AppliesToDoc::Recurring => DiscountAppliesTo::Recurring,
        AppliesToDoc::SetupAndRecurring => DiscountAppliesTo::SetupAndRecurring,
    }
}

/// `service_templates.resources` as stored.
pub fn resources_text(resources: &[TemplateResource]) -> String {
    json_text(&resources.iter().map(resource_doc).collect::<Vec<_>>())
}

pub fn resources_of(text: &str) -> Result<Vec<TemplateResource>, DieselError> {
    Ok(text_json::<Vec<TemplateResourceDoc>>(text)?.into_iter().map(resource).collect())
}

/// `service_templates.parameters` as stored.
pub fn parameters_text(parameters: &[OrderParameter]) -> String {
    json_text(&parameters.iter().map(parameter_doc).collect::<Vec<_>>())
}

pub fn parameters_of(text: &str) -> Result<Vec<OrderParameter>, DieselError> {
    Ok(text_json::<Vec<OrderParameterDoc>>(text)?.into_iter().map(parameter).collect())
}
