//! Account rules: what a valid account is, who may have children, and the status
//! lifecycle (active, credit hold, suspended, cancelled).

use stratum_api::identity::account::{AccountIn, AccountKind, AccountPatch, AccountStatus, Address, HoldType};
use stratum_api::FieldError;

use crate::validation::Checks;

pub const NAME_MAX: usize = 200;

/// Checks the fields of a new account.
pub fn check_new(input: &AccountIn) -> Result<(), Vec<FieldError>> {
    let mut c = Checks::new();
    if input.kind == AccountKind::Provider {
        c.fail("kind", "not_allowed", "must be `reseller` or `customer`; the provider account exists from the start");
    }
    if input.kind == AccountKind::Customer && input.reseller_tier.is_some() {
        c.fail("reseller_tier", "not_allowed", "only resellers have a tier");
    }
    c.text("name", &input.name, NAME_MAX);
    check_contact(
        &mut c,
        input.email.as_deref(),
        input.phone.as_deref(),
        input.tax_id.as_deref(),
        input.address.as_ref(),
    );
    if let Some(language) = &input.language {
        c.language("language", language);
    }
    c.metadata("metadata", input.metadata.iter());
    c.finish()
}

/// Checks the fields of an account change against the account's kind.
pub fn check_patch(kind: AccountKind, patch: &AccountPatch) -> Result<(), Vec<FieldError>> {
    let mut c = Checks::new();
    if let Some(name) = &patch.name {
        c.text("name", name, NAME_MAX);
    }
    if patch.reseller_tier.is_some() && kind != AccountKind::Reseller {
        c.fail("reseller_tier", "not_allowed", "only resellers have a tier");
    }
    check_contact(
        &mut c,
        patch.email.as_ref().and_then(|o| o.as_deref()),
        patch.phone.as_ref().and_then(|o| o.as_deref()),
        patch.tax_id.as_ref().and_then(|o| o.as_deref()),
        patch.address.as_ref().and_then(|o| o.as_ref()),
    );
    if let Some(Some(language)) = &patch.language {
        c.language("language", language);
    }
    if let Some(m) = &patch.metadata {
        c.metadata("metadata", m.iter());
    }
    c.finish()
}

fn check_contact(
    c: &mut Checks,
    email: Option<&str>,
    phone: Option<&str>,
    tax_id: Option<&str>,
    address: Option<&Address>,
) {
    if let Some(e) = email {
        c.email("email", e);
    }
    if let Some(p) = phone {
        c.phone("phone", p);
    }
    c.optional_text("tax_id", tax_id, 40);
    if let Some(a) = address {
        c.text("address.line1", &a.line1, 200);
        c.optional_text("address.line2", a.line2.as_deref(), 200);
        c.text("address.city", &a.city, 100);
        c.optional_text("address.region", a.region.as_deref(), 100);
        c.text("address.postal_code", &a.postal_code, 20);
        c.country("address.country", &a.country);
    }
}

/// Only the provider and resellers have child accounts.
pub fn can_have_children(kind: AccountKind) -> bool {
    matches!(kind, AccountKind::Provider | AccountKind::Reseller)
}

/// A change of an account's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusAction {
    PlaceHold(HoldType),
    ReleaseHold,
    Suspend,
    Reactivate,
    Cancel,
}

impl StatusAction {
    pub fn name(self) -> &'static str {
        match self {
            StatusAction::PlaceHold(_) => "hold",
            StatusAction::ReleaseHold => "release-hold",
            StatusAction::Suspend => "suspend",
            StatusAction::Reactivate => "reactivate",
            StatusAction::Cancel => "cancel",
        }
    }
}

/// The status (and hold type) after `action`, or `None` when the action is not possible
/// from `status`.
pub fn transition(status: AccountStatus, action: StatusAction) -> Option<(AccountStatus, Option<HoldType>)> {
    use AccountStatus::*;
    match (status, action) {
        (Active, StatusAction::PlaceHold(h)) => Some((CreditHold, Some(h))),
        (CreditHold, StatusAction::ReleaseHold) => Some((Active, None)),
        (Active | CreditHold, StatusAction::Suspend) => Some((Suspended, None)),
        (Suspended | Cancelled, StatusAction::Reactivate) => Some((Active, None)),
        (Active | CreditHold | Suspended, StatusAction::Cancel) => Some((Cancelled, None)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;
    use AccountStatus::*;

    fn account_in(kind: AccountKind) -> AccountIn {
        AccountIn {
            kind,
            name: "Northwind".into(),
            parent_id: None,
            reseller_tier: None,
            email: None,
            phone: None,
            tax_id: None,
            address: None,
            language: None,
            metadata: BTreeMap::new(),
        }
    }

    #[test]
    fn transitions_table() {
        let hold = StatusAction::PlaceHold(HoldType::Credit);
        let cases = [
            (Active, hold, Some(CreditHold)),
            (CreditHold, hold, None),
            (CreditHold, StatusAction::ReleaseHold, Some(Active)),
            (Active, StatusAction::ReleaseHold, None),
            (Active, StatusAction::Suspend, Some(Suspended)),
            (CreditHold, StatusAction::Suspend, Some(Suspended)),
            (Suspended, StatusAction::Suspend, None),
            (Suspended, StatusAction::Reactivate, Some(Active)),
            (Cancelled, StatusAction::Reactivate, Some(Active)),
            (Active, StatusAction::Reactivate, None),
            (Suspended, StatusAction::Cancel, Some(Cancelled)),
            (Cancelled, StatusAction::Cancel, None),
        ];
        for (from, action, to) in cases {
            assert_eq!(transition(from, action).map(|t| t.0), to, "{from:?} {action:?}");
        }
        assert_eq!(transition(Active, hold).and_then(|t| t.1), Some(HoldType::Credit));
    }

    #[test]
    fn new_account_rules() {
        assert!(check_new(&account_in(AccountKind::Customer)).is_ok());
        let errs = check_new(&account_in(AccountKind::Provider)).expect_err("provider refused");
        assert_eq!(errs[0].field, "kind");
        let mut c = account_in(AccountKind::Customer);
        c.reseller_tier = Some(stratum_api::identity::account::ResellerTier::Basic);
        c.name = String::new();
        let errs = check_new(&c).expect_err("two errors");
        assert_eq!(errs.len(), 2);
    }

    #[test]
    fn who_has_children() {
        assert!(can_have_children(AccountKind::Provider));
        assert!(can_have_children(AccountKind::Reseller));
        assert!(!can_have_children(AccountKind::Customer));
    }
}
