//! Rules between the fields of one request body, in JSON Schema (2020-12, as OpenAPI 3.1
//! has it), for the schemas whose fields depend on each other: "`months` or `days`",
//! "`percent`, or `amount` with `currency`", "only a reseller has a tier". The contract
//! builder adds each to its schema (`rest::openapi`), so the contract refuses what the
//! server's checks refuse.
//!
//! Written as `if`/`then`/`else` on the object itself, never as `allOf`/`oneOf` beside its
//! `properties`: client generators read those as model composition or unions, and
//! would change the generated types; they leave conditionals alone.

use serde_json::{json, Value};

/// Each schema name with the keywords to add to it.
pub fn all() -> Vec<(&'static str, Value)> {
    vec![
        ("AccountIn", only_resellers_have_a_tier()),
        ("TokenIn", api_key_or_client_credentials()),
        ("PlanIn", template_or_base_plan()),
        ("PlanPeriod", months_or_days(json!({"enum": [1, 3, 6, 12, 24, 36]}), json!({"minimum": 1}))),
        ("QuoteIn", months_or_days(json!({"minimum": 0}), json!({"minimum": 0}))),
        ("OrderLineIn", months_or_days(json!({"minimum": 0}), json!({"minimum": 0}))),
        ("UnitPrice", flat_or_tiered()),
        ("CouponIn", percent_or_amount_with_currency()),
        ("OrderParameter", parameter_kind_rules()),
        ("FraudRuleIn", fraud_rule_terms()),
        ("WorkflowStep", workflow_step_shape()),
        ("WorkflowCondition", workflow_condition_terms()),
    ]
}

/// What each kind of workflow step carries: an automatic step its action, a decision its
/// condition, a manual step neither, and only a manual step a timeout (its hours and its
/// outcome together). A step is not named like an end.
fn workflow_step_shape() -> Value {
    let kind = |k: &str| json!({"properties": {"kind": {"const": k}}});
    let not_an_end = json!({"not": {"enum": ["completed", "rejected"]}});
    // An automatic step's action or a decision's condition, the other absent, no timeout.
    let carries = |own: &str, own_type: &str, other: &str| {
        json!({
            "required": [own],
            "properties": {
                own: {"type": own_type},
                other: {"type": "null"},
                "name": not_an_end,
                "timeout_hours": {"type": "null"},
                "timeout_outcome": {"type": "null"}
            }
        })
    };
    json!({
        "if": kind("automatic"),
        "then": carries("action", "string", "condition"),
        "else": {
            "if": kind("decision"),
            "then": carries("condition", "object", "action"),
            "else": {
                "properties": {"action": {"type": "null"}, "condition": {"type": "null"}, "name": not_an_end},
                "if": {"required": ["timeout_hours"], "properties": {"timeout_hours": {"type": "integer"}}},
                "then": {"required": ["timeout_outcome"], "properties": {"timeout_outcome": {"type": "string"}}},
                "else": {"properties": {"timeout_outcome": {"type": "null"}}}
            }
        }
    })
}

/// A number fact (`fraud_score`, `total`, `customer_age_days`) compares with `value` by
/// ge, gt, le, lt or eq; a text fact with `values` by eq (one) or in (up to 100), each in
/// the fact's own form.
fn workflow_condition_terms() -> Value {
    let fact = |f: &str| json!({"properties": {"fact": {"const": f}}});
    let items = |item: Value| json!({"properties": {"values": {"items": item}}});
    // Each text fact's form of a value, as a chain of conditionals.
    let forms = json!({
        "if": fact("currency"),
        "then": items(json!({"pattern": "^[A-Z]{3}$"})),
        "else": {
            "if": fact("customer_country"),
            "then": items(json!({"pattern": "^[A-Z]{2}$"})),
            "else": {
                "if": fact("order_type"),
                "then": items(json!({"const": "sales"})),
                "else": items(json!({"minLength": 1, "maxLength": 64}))
            }
        }
    });
    json!({
        "if": {"properties": {"fact": {"enum": ["fraud_score", "total", "customer_age_days"]}}},
        "then": {
            "required": ["value"],
            "properties": {
                "op": {"enum": ["ge", "gt", "le", "lt", "eq"]},
                "value": {"type": "string"},
                "values": {"maxItems": 0}
            }
        },
        "else": {
            "required": ["values"],
            "properties": {"op": {"enum": ["eq", "in"]}, "value": {"type": "null"}, "values": {"minItems": 1, "maxItems": 100}},
            "if": {"properties": {"op": {"const": "eq"}}},
            "then": merge(json!({"properties": {"values": {"maxItems": 1}}}), forms.clone()),
            "else": forms
        }
    })
}

/// The terms each kind of fraud rule needs: `total_above` an amount and its currency,
/// `order_velocity` a count and hours, `email_domain` one domain or more, `customer_age`
/// days, `external_screening` its script action; `ip_country_mismatch` none.
fn fraud_rule_terms() -> Value {
    let kind = |k: &str| json!({"properties": {"kind": {"const": k}}});
    json!({
        "if": kind("total_above"),
        "then": {"required": ["amount", "currency"], "properties": {"amount": {"type": "string"}, "currency": {"type": "string"}}},
        "else": {
            "if": kind("order_velocity"),
            "then": {"required": ["count", "hours"], "properties": {"count": {"type": "integer"}, "hours": {"type": "integer"}}},
            "else": {
                "if": kind("email_domain"),
                "then": {"required": ["domains"], "properties": {"domains": {"type": "array", "minItems": 1}}},
                "else": {
                    "if": kind("customer_age"),
                    "then": {"required": ["days"], "properties": {"days": {"type": "integer"}}},
                    "else": {
                        "if": kind("external_screening"),
                        "then": {"required": ["script_action_id"],
                                 "properties": {"script_action_id": {"type": "string", "pattern": "\\S"}}}
                    }
                }
            }
        }
    })
}

/// A new account is a reseller or a customer (the provider exists from the start), and
/// only a reseller has a tier.
fn only_resellers_have_a_tier() -> Value {
    json!({
        "if": {"properties": {"kind": {"const": "customer"}}},
        "then": {"properties": {"reseller_tier": {"type": "null"}}},
        "else": {"properties": {"kind": {"const": "reseller"}}}
    })
}

/// `api_key` alone, or `grant_type` `client_credentials` with the key as `client_secret`.
fn api_key_or_client_credentials() -> Value {
    json!({
        "if": {"required": ["api_key"], "properties": {"api_key": {"type": "string"}}},
        "then": {"properties": {"grant_type": {"type": "null"}, "client_secret": {"type": "null"}}},
        "else": {
            "required": ["grant_type", "client_secret"],
            "properties": {"grant_type": {"const": "client_credentials"}, "client_secret": {"type": "string"}}
        }
    })
}

/// A plan prices a template or a base plan (which one the owner's kind decides: the
/// provider prices templates, an advanced reseller its parent's plans).
fn template_or_base_plan() -> Value {
    json!({
        "if": {"required": ["base_plan_id"], "properties": {"base_plan_id": {"type": "string"}}},
        "else": {"required": ["service_template_id"], "properties": {"service_template_id": {"type": "string"}}}
    })
}

/// Exactly one of `months` and `days`, each within its own rule.
fn months_or_days(months: Value, days: Value) -> Value {
    json!({
        "if": {"required": ["months"], "properties": {"months": {"type": "integer"}}},
        "then": {"properties": {"months": months, "days": {"type": "null"}}},
        "else": {"required": ["days"], "properties": {"days": merge(json!({"type": "integer"}), days)}}
    })
}

/// `flat` with `unit_price`, `volume` and `graduated` with one tier or more.
fn flat_or_tiered() -> Value {
    json!({
        "if": {"properties": {"model": {"const": "flat"}}},
        "then": {"required": ["unit_price"], "properties": {"unit_price": {"type": "string"}, "tiers": {"type": "null"}}},
        "else": {
            "required": ["tiers"],
            "properties": {"tiers": {"type": "array", "minItems": 1}, "unit_price": {"type": "null"}}
        }
    })
}

/// A percentage alone, or a fixed amount with its currency.
fn percent_or_amount_with_currency() -> Value {
    json!({
        "if": {"required": ["percent"], "properties": {"percent": {"type": "string"}}},
        "then": {"properties": {"amount": {"type": "null"}, "currency": {"type": "null"}}},
        "else": {
            "required": ["amount", "currency"],
            "properties": {"amount": {"type": "string"}, "currency": {"type": "string"}}
        }
    })
}

/// `values` (one or more, none empty) for `enum` parameters and only for them;
/// `max_length` of a `string` parameter within 1 to 10,000.
fn parameter_kind_rules() -> Value {
    json!({
        "if": {"properties": {"kind": {"const": "enum"}}},
        "then": {
            "required": ["values"],
            "properties": {"values": {"type": "array", "minItems": 1, "items": {"minLength": 1}}}
        },
        "else": {
            "properties": {"values": {"type": "null"}},
            "if": {"properties": {"kind": {"const": "string"}}},
            "then": {"properties": {"max_length": {"minimum": 1, "maximum": 10000}}}
        }
    })
}

fn merge(mut a: Value, b: Value) -> Value {
    if let (Some(a), Value::Object(b)) = (a.as_object_mut(), b) {
        a.extend(b);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_a_conditional_on_the_object() {
        for (name, rule) in all() {
            let keys: Vec<&String> = rule.as_object().map(|o| o.keys().collect()).unwrap_or_default();
            assert!(
                keys.iter().all(|k| ["if", "then", "else"].contains(&k.as_str())),
                "{name}: {keys:?} would change generated models"
            );
        }
    }
}
