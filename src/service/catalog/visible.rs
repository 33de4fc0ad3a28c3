//! What a caller sees of its ancestors' catalog.

use crate::auth::Caller;

/// The paths of the caller's ancestors: resource types and service templates defined
/// above an account are visible to it (it builds on them), besides its own subtree's.
pub(crate) fn above(caller: &Caller) -> Vec<String> {
    crate::domain::identity::tree::ancestor_paths(&caller.account_path)
}
