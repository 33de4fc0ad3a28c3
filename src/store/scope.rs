//! The tenant scope: what a caller may read, as a value only a `Tenant` (the caller) makes. Every
//! store read of tenant data takes one, so a service cannot reach another tenant's
//! object by forgetting a filter; reads that must ignore tenancy (workers, periodic
//! jobs) live in `unscoped` modules of the store, whose name says so.

use stratum_domain::identity::tree;

/// Whom a scope is for. In the server only the authenticated `Caller` is one (see
/// `auth::scope`), so a scope always stands for a caller's subtree.
pub trait Tenant {
    fn account_id(&self) -> &str;
    fn account_path(&self) -> &str;
}

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
    pub fn of(caller: &impl Tenant) -> Scope {
        Scope { account_id: caller.account_id().to_owned(), path: caller.account_path().to_owned(), above: Vec::new() }
    }

    /// The caller's subtree and what its ancestors define (resource types, service templates).
    pub fn with_ancestors(caller: &impl Tenant) -> Scope {
        Scope { above: tree::ancestor_paths(caller.account_path()), ..Scope::of(caller) }
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

    /// The catalog an account of this subtree buys from: its subtree and every ancestor's
    /// definitions, whether or not this scope sees above itself (a provider's scope has no
    /// ancestors to see, but its customers do). None when the account lies outside.
    pub fn catalog_of(&self, account_id: &str, path: &str) -> Option<Scope> {
        if !tree::contains(&self.path, path) {
            return None;
        }
        Some(Scope { account_id: account_id.to_owned(), path: path.to_owned(), above: tree::ancestor_paths(path) })
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
