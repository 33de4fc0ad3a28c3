//! Objects that belong to an account: their events are scoped to that account's subtree.

/// An object owned by an account of the tree.
pub trait Owned {
    /// The owning account's id and materialised path.
    fn owner_id(&self) -> &str;
    fn owner_path(&self) -> &str;
    /// The object's own id (the subject of its events).
    fn object_id(&self) -> &str;
}

/// An object of an account that has no row of its own (a plan's publication on a brand).
#[derive(Debug, Clone, Copy)]
pub struct OwnedBy<'a> {
    pub account_id: &'a str,
    pub account_path: &'a str,
    pub object_id: &'a str,
}

impl Owned for OwnedBy<'_> {
    fn owner_id(&self) -> &str {
        self.account_id
    }

    fn owner_path(&self) -> &str {
        self.account_path
    }

    fn object_id(&self) -> &str {
        self.object_id
    }
}

/// Implements [`Owned`] for a row with `id`, `account_id` and `account_path` columns.
#[macro_export]
macro_rules! owned {
    ($row:ident) => {
        impl $crate::owned::Owned for $row {
            fn owner_id(&self) -> &str {
                &self.account_id
            }

            fn owner_path(&self) -> &str {
                &self.account_path
            }

            fn object_id(&self) -> &str {
                &self.id
            }
        }
    };
}
