//! What the wire types cannot declare on their own, added to the built contract: the rules
//! between the fields of one body (`stratum_api::body_rules`) and the names that only the
//! domain knows (the permissions, the built-in roles a custom role may not be named after).

use serde_json::{json, Value};
use utoipa::openapi::schema::{Object, Schema};
use utoipa::openapi::{OpenApi as Spec, RefOr};

use crate::domain::identity::permission::{BuiltInRole, Permission};

pub fn add(spec: &mut Spec) {
    for (name, rules) in stratum_api::body_rules::all() {
        if let (Some(object), Value::Object(rules)) = (component(spec, name), rules) {
            object.extensions.get_or_insert_with(Default::default).extend(rules);
        }
    }
    if let Some(names) = component(spec, "PermissionName") {
        names.enum_values = Some(Permission::ALL.iter().map(|p| json!(p.name())).collect());
    }
    let built_in: Vec<&str> = BuiltInRole::ALL.iter().map(|r| r.id()).collect();
    let reserved = json!({"pattern": format!(r"^\s*({})\s*$", built_in.join("|"))});
    for role in ["RoleIn", "RolePatch"] {
        if let Some(RefOr::T(Schema::Object(field))) = component(spec, role).and_then(|o| o.properties.get_mut("name"))
        {
            field.extensions.get_or_insert_with(Default::default).insert("not".to_owned(), reserved.clone());
        }
    }
}

fn component<'a>(spec: &'a mut Spec, name: &str) -> Option<&'a mut Object> {
    match spec.components.as_mut()?.schemas.get_mut(name)? {
        RefOr::T(Schema::Object(object)) => Some(object),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_lands_on_its_schema() {
        let spec = serde_json::to_value(super::super::spec()).unwrap_or_default();
        let schemas = &spec["components"]["schemas"];
        for (name, rules) in stratum_api::body_rules::all() {
            for key in rules.as_object().into_iter().flat_map(|o| o.keys()) {
                assert!(schemas[name].get(key).is_some(), "{name} lacks its `{key}`");
            }
        }
        assert_eq!(schemas["PermissionName"]["enum"].as_array().map(Vec::len), Some(Permission::ALL.len()));
        assert!(schemas["RoleIn"]["properties"]["name"]["not"]["pattern"].is_string());
    }
}
