//! The tenant scope: what a caller may read, as a value only a `Caller` makes. Every
//! store read of tenant data takes one, so a service cannot reach another tenant's
//! object by forgetting a filter; reads that must ignore tenancy (workers, periodic
//! jobs) live in `unscoped` modules of the store, whose name says so.

use super::Caller;
use crate::domain::identity::tree;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    /// The account whose subtree this is.
    account_id: String,
    /// Its materialised path: the subtree is every path that starts with it.
    path: String,
    /// Paths of the ancestors whose objects are visible too (catalog definitions an
    /// account builds on); empty for objects seen only downwards.
    above: Vec<String>,
}

impl Scope {
    /// The caller's subtree.
    pub fn of(caller: &Caller) -> Scope {
        Scope { account_id: caller.account_id.clone(), path: caller.account_path.clone(), above: Vec::new() }
    }

    /// The caller's subtree and what its ancestors define (resource types, service templates).
    pub fn with_ancestors(caller: &Caller) -> Scope {
        Scope { above: tree::ancestor_paths(&caller.account_path), ..Scope::of(caller) }
    }

    /// The scope of an account in this one's subtree (the owner an object is made for),
    /// seeing what that account would: its subtree, and its ancestors' if this one does.
    /// None when the account lies outside.
    pub fn narrowed_to(&self, account_id: &str, path: &str) -> Option<Scope> {
        if !tree::contains(&self.path, path) {
            return None;
        }
        let above = if self.above.is_empty() { Vec::new() } else { tree::ancestor_paths(path) };
        Some(Scope { account_id: account_id.to_owned(), path: path.to_owned(), above })
    }

    pub fn account_id(&self) -> &str {
        &self.account_id
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn above(&self) -> &[String] {
        &self.above
    }

    /// The half-open key range of the subtree.
    pub fn range(&self) -> (String, String) {
        (self.path.clone(), tree::subtree_upper(&self.path))
    }

    /// Whether an object of the account at `path` lies in the subtree.
    pub fn contains(&self, path: &str) -> bool {
        tree::contains(&self.path, path)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::identity::permission::BuiltInRole;
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
