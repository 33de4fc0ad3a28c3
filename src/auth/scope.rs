//! The tenant scope of a caller: the store's `Scope`, which only a `Tenant` makes, and
//! the one `Tenant` of the server, the authenticated `Caller`.

pub use crate::store::scope::{Scope, Tenant};

use super::Caller;

impl Tenant for Caller {
    fn account_id(&self) -> &str {
        &self.account_id
    }

    fn account_path(&self) -> &str {
        &self.account_path
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::identity::permission::BuiltInRole;
    use crate::domain::identity::tree;
    use stratum_api::identity::account::AccountKind;

    fn caller(path: &str) -> Caller {
        Caller {
            key_id: "key_1".into(),
            account_id: tree::lineage(path).last().cloned().unwrap_or_default(),
            account_path: path.into(),
            account_kind: AccountKind::Reseller,
            role: "admin".into(),
            permissions: BuiltInRole::Admin.permissions(),
        }
    }

    #[test]
    fn a_scope_sees_its_subtree_and_with_ancestors_what_is_above() {
        let c = caller("/acc_p/acc_a/");
        let s = Scope::of(&c);
        assert!(s.contains("/acc_p/acc_a/acc_c/") && !s.contains("/acc_p/acc_b/") && s.above().is_empty());
        assert_eq!(Scope::with_ancestors(&c).above(), ["/acc_p/"]);
    }

    #[test]
    fn narrowing_stays_inside_the_subtree() {
        let s = Scope::with_ancestors(&caller("/acc_p/acc_a/"));
        let n = s.narrowed_to("acc_c", "/acc_p/acc_a/acc_c/").expect("inside");
        assert_eq!((n.account_id(), n.above()), ("acc_c", &["/acc_p/".to_owned(), "/acc_p/acc_a/".to_owned()][..]));
        assert!(s.narrowed_to("acc_b", "/acc_p/acc_b/").is_none());
        assert!(Scope::of(&caller("/acc_p/"))
            .narrowed_to("acc_a", "/acc_p/acc_a/")
            .expect("inside")
            .above()
            .is_empty());
    }
}
