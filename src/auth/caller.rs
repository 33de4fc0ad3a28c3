//! The authenticated caller of a request, as its access token describes it.

use stratum_api::identity::account::AccountKind;

use crate::domain::identity::permission::{Permission, PermissionSet};
use crate::domain::identity::tree;

#[derive(Debug, Clone)]
pub struct Caller {
    /// The API key the token was issued for; scopes idempotency keys.
    pub key_id: String,
    pub account_id: String,
    /// Materialised path of the caller's account: its subtree is what it may see.
    pub account_path: String,
    pub account_kind: AccountKind,
    pub role: String,
    pub permissions: PermissionSet,
}

impl Caller {
    pub fn has(&self, p: Permission) -> bool {
        self.permissions.contains(p)
    }

    /// What the caller reads: its subtree.
    pub fn scope(&self) -> super::Scope {
        super::Scope::of(self)
    }

    /// What the caller reads of the catalog it builds on: its subtree and its ancestors'.
    pub fn catalog_scope(&self) -> super::Scope {
        super::Scope::with_ancestors(self)
    }

    /// Whether an object of the account at `path` is within the caller's reach.
    pub fn reaches(&self, path: &str) -> bool {
        tree::contains(&self.account_path, path)
    }
}
