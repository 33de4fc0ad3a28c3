from enum import StrEnum


class PermissionName(StrEnum):
    ACCOUNTS_READ = "accounts.read"
    ACCOUNTS_WRITE = "accounts.write"
    API_KEYS_READ = "api_keys.read"
    API_KEYS_WRITE = "api_keys.write"
    CATALOG_READ = "catalog.read"
    CATALOG_WRITE = "catalog.write"
    EVENTS_READ = "events.read"
    NOTIFICATIONS_READ = "notifications.read"
    NOTIFICATIONS_WRITE = "notifications.write"
    ORDERS_READ = "orders.read"
    ORDERS_WRITE = "orders.write"
    ROLES_READ = "roles.read"
    ROLES_WRITE = "roles.write"
    TASKS_READ = "tasks.read"
    TASKS_WRITE = "tasks.write"
    USERS_READ = "users.read"
    USERS_WRITE = "users.write"
    WEBHOOKS_READ = "webhooks.read"
    WEBHOOKS_WRITE = "webhooks.write"

    def __str__(self) -> str:
        return str(self.value)
