//! The account tree as materialised paths: `/<root>/<child>/…/<self>/`.
//!
//! A subtree is the half-open key range `[path, upper)`, where `upper` is the path with its
//! final `/` replaced by `0` (the next byte). Ids never contain `/`, so the range holds
//! exactly the paths that start with `path`, and an ordinary index answers it at any size.

/// The path of the root account.
pub fn root_path(id: &str) -> String {
    format!("/{id}/")
}

/// The path of a new child under `parent_path`.
pub fn child_path(parent_path: &str, id: &str) -> String {
    format!("{parent_path}{id}/")
}

/// The exclusive upper bound of the subtree at `path`.
pub fn subtree_upper(path: &str) -> String {
    let mut upper = path.strip_suffix('/').unwrap_or(path).to_owned();
    upper.push('0');
    upper
}

/// Whether `path` lies in the subtree at `scope` (an account is in its own subtree).
pub fn contains(scope: &str, path: &str) -> bool {
    path.starts_with(scope)
}

/// The paths of the accounts above the one at `path`, from the root down.
pub fn ancestor_paths(path: &str) -> Vec<String> {
    let ids = lineage(path);
    (1..ids.len()).map(|n| format!("/{}/", ids[..n].join("/"))).collect()
}

/// The ids on `path`, from the root down to the account itself.
pub fn lineage(path: &str) -> Vec<String> {
    path.split('/').filter(|s| !s.is_empty()).map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lineage_runs_from_the_root_down() {
        let path = child_path(&child_path(&root_path("acc_a"), "acc_b"), "acc_c");
        assert_eq!(lineage(&path), ["acc_a", "acc_b", "acc_c"]);
        assert_eq!(ancestor_paths(&path), ["/acc_a/", "/acc_a/acc_b/"]);
        assert!(ancestor_paths(&root_path("acc_a")).is_empty());
    }

    #[test]
    fn subtree_range_holds_exactly_the_descendants() {
        let root = root_path("acc_a");
        let child = child_path(&root, "acc_b");
        let grandchild = child_path(&child, "acc_c");
        let sibling = child_path(&root, "acc_bb");
        let upper = subtree_upper(&child);
        for (path, inside) in [(&child, true), (&grandchild, true), (&sibling, false), (&root, false)] {
            let in_range = path.as_str() >= child.as_str() && path.as_str() < upper.as_str();
            assert_eq!(in_range, inside, "{path}");
            assert_eq!(contains(&child, path), inside, "{path}");
        }
    }
}
