//! Permissions, the sets roles are made of, and the built-in roles.

use std::fmt;

/// A named permission: `<object>.<read|write>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    AccountsRead,
    AccountsWrite,
    UsersRead,
    UsersWrite,
    RolesRead,
    RolesWrite,
    ApiKeysRead,
    ApiKeysWrite,
    EventsRead,
    WebhooksRead,
    WebhooksWrite,
    TasksRead,
    TasksWrite,
    NotificationsRead,
    NotificationsWrite,
    CatalogRead,
    CatalogWrite,
    OrdersRead,
    OrdersWrite,
}

impl Permission {
    pub const ALL: [Permission; 19] = [
        Permission::AccountsRead,
        Permission::AccountsWrite,
        Permission::UsersRead,
        Permission::UsersWrite,
        Permission::RolesRead,
        Permission::RolesWrite,
        Permission::ApiKeysRead,
        Permission::ApiKeysWrite,
        Permission::EventsRead,
        Permission::WebhooksRead,
        Permission::WebhooksWrite,
        Permission::TasksRead,
        Permission::TasksWrite,
        Permission::NotificationsRead,
        Permission::NotificationsWrite,
        Permission::CatalogRead,
        Permission::CatalogWrite,
        Permission::OrdersRead,
        Permission::OrdersWrite,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Permission::AccountsRead => "accounts.read",
            Permission::AccountsWrite => "accounts.write",
            Permission::UsersRead => "users.read",
            Permission::UsersWrite => "users.write",
            Permission::RolesRead => "roles.read",
            Permission::RolesWrite => "roles.write",
            Permission::ApiKeysRead => "api_keys.read",
            Permission::ApiKeysWrite => "api_keys.write",
            Permission::EventsRead => "events.read",
            Permission::WebhooksRead => "webhooks.read",
            Permission::WebhooksWrite => "webhooks.write",
            Permission::TasksRead => "tasks.read",
            Permission::TasksWrite => "tasks.write",
            Permission::NotificationsRead => "notifications.read",
            Permission::NotificationsWrite => "notifications.write",
            Permission::CatalogRead => "catalog.read",
            Permission::CatalogWrite => "catalog.write",
            Permission::OrdersRead => "orders.read",
            Permission::OrdersWrite => "orders.write",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            Permission::AccountsRead => "Read accounts of the subtree",
            Permission::AccountsWrite => "Create and change accounts, place holds, suspend, cancel",
            Permission::UsersRead => "Read users",
            Permission::UsersWrite => "Create, change and remove users",
            Permission::RolesRead => "Read roles",
            Permission::RolesWrite => "Create, change and delete custom roles",
            Permission::ApiKeysRead => "Read API keys (never their secrets)",
            Permission::ApiKeysWrite => "Issue and revoke API keys",
            Permission::EventsRead => "Read the event log",
            Permission::WebhooksRead => "Read webhook endpoints, deliveries, attempts and script actions",
            Permission::WebhooksWrite => "Manage webhook endpoints and script actions, retry deliveries, replay events",
            Permission::TasksRead => "Read tasks",
            Permission::TasksWrite => "Retry and cancel tasks",
            Permission::NotificationsRead => "Read notification templates and the notification log",
            Permission::NotificationsWrite => "Manage notification templates, cancel scheduled notifications",
            Permission::CatalogRead => "Read the catalog (resource types, templates, plans, brands, coupons) and quote",
            Permission::CatalogWrite => "Manage the catalog: define, price, grant, publish, archive",
            Permission::OrdersRead => "Read orders",
            Permission::OrdersWrite => "Place and cancel orders",
        }
    }

    pub fn from_name(name: &str) -> Option<Permission> {
        Permission::ALL.into_iter().find(|p| p.name() == name)
    }

    fn bit(self) -> u64 {
        1 << (self as u32)
    }

    fn is_read(self) -> bool {
        self.name().ends_with(".read")
    }
}

/// A set of permissions, small enough to travel inside an access token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PermissionSet(u64);

impl PermissionSet {
    pub fn all() -> PermissionSet {
        Permission::ALL.into_iter().collect()
    }

    pub fn contains(self, p: Permission) -> bool {
        self.0 & p.bit() != 0
    }

    pub fn is_subset_of(self, other: PermissionSet) -> bool {
        self.0 & !other.0 == 0
    }

    pub fn bits(self) -> u64 {
        self.0
    }

    /// Only the bits of known permissions survive, so a token from a newer server with
    /// more permissions cannot grant unknown ones here.
    pub fn from_bits(bits: u64) -> PermissionSet {
        PermissionSet(bits & PermissionSet::all().0)
    }

    pub fn iter(self) -> impl Iterator<Item = Permission> {
        Permission::ALL.into_iter().filter(move |p| self.contains(*p))
    }

    pub fn names(self) -> Vec<String> {
        self.iter().map(|p| p.name().to_owned()).collect()
    }

    /// Parses permission names; returns the unknown ones as the error.
    pub fn parse<'a>(names: impl IntoIterator<Item = &'a str>) -> Result<PermissionSet, Vec<String>> {
        let mut set = PermissionSet::default();
        let mut unknown = Vec::new();
        for name in names {
            match Permission::from_name(name) {
                Some(p) => set.0 |= p.bit(),
                None => unknown.push(name.to_owned()),
            }
        }
        if unknown.is_empty() {
            Ok(set)
        } else {
            Err(unknown)
        }
    }

    /// The stored form: names separated by spaces.
    pub fn to_stored(self) -> String {
        self.names().join(" ")
    }

    pub fn from_stored(s: &str) -> PermissionSet {
        s.split_whitespace().filter_map(Permission::from_name).collect()
    }
}

impl FromIterator<Permission> for PermissionSet {
    fn from_iter<I: IntoIterator<Item = Permission>>(iter: I) -> Self {
        PermissionSet(iter.into_iter().fold(0, |acc, p| acc | p.bit()))
    }
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The roles every account has without defining them; their ids are their names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuiltInRole {
    Admin,
    Billing,
    Technical,
    ReadOnly,
}

impl BuiltInRole {
    pub const ALL: [BuiltInRole; 4] =
        [BuiltInRole::Admin, BuiltInRole::Billing, BuiltInRole::Technical, BuiltInRole::ReadOnly];

    pub fn id(self) -> &'static str {
        match self {
            BuiltInRole::Admin => "admin",
            BuiltInRole::Billing => "billing",
            BuiltInRole::Technical => "technical",
            BuiltInRole::ReadOnly => "read_only",
        }
    }

    pub fn description(self) -> &'static str {
        match self {
            BuiltInRole::Admin => "Everything in the account's subtree",
            BuiltInRole::Billing => {
                "Accounts, the catalog, orders, the billing side and customer notifications; reads the event log"
            }
            BuiltInRole::Technical => "Reads accounts, the catalog, orders and the event log; the provisioning side",
            BuiltInRole::ReadOnly => "Reads everything, changes nothing",
        }
    }

    pub fn from_id(id: &str) -> Option<BuiltInRole> {
        BuiltInRole::ALL.into_iter().find(|r| r.id() == id)
    }

    pub fn permissions(self) -> PermissionSet {
        use Permission::*;
        match self {
            BuiltInRole::Admin => PermissionSet::all(),
            BuiltInRole::Billing => [
                AccountsRead,
                AccountsWrite,
                EventsRead,
                NotificationsRead,
                NotificationsWrite,
                CatalogRead,
                CatalogWrite,
                OrdersRead,
                OrdersWrite,
            ]
            .into_iter()
            .collect(),
            BuiltInRole::Technical => {
                [AccountsRead, EventsRead, WebhooksRead, WebhooksWrite, TasksRead, TasksWrite, CatalogRead, OrdersRead]
                    .into_iter()
                    .collect()
            }
            BuiltInRole::ReadOnly => Permission::ALL.into_iter().filter(|p| p.is_read()).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for p in Permission::ALL {
            assert!(seen.insert(p.name()));
            assert_eq!(Permission::from_name(p.name()), Some(p));
        }
    }

    #[test]
    fn read_only_holds_every_read_and_no_write() {
        let ro = BuiltInRole::ReadOnly.permissions();
        for p in Permission::ALL {
            assert_eq!(ro.contains(p), p.name().ends_with(".read"), "{p}");
        }
    }

    #[test]
    fn subset_and_parse() {
        let admin = BuiltInRole::Admin.permissions();
        let ro = BuiltInRole::ReadOnly.permissions();
        assert!(ro.is_subset_of(admin));
        assert!(!admin.is_subset_of(ro));
        assert_eq!(PermissionSet::from_stored(&ro.to_stored()), ro);
        assert_eq!(PermissionSet::parse(["accounts.read", "nope"]), Err(vec!["nope".to_owned()]));
        assert_eq!(PermissionSet::from_bits(u64::MAX), admin);
    }
}
