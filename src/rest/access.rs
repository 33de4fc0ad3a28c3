//! Who may call each operation, in one table: the permissions it needs, whether only the
//! provider may call it, and whether it reads the catalog of the caller's ancestors too.
//! `enforce` applies the table to every request before its body is read, so a caller
//! without the permission gets 403 whatever it sent; the contract publishes each row as
//! the operation's `x-authorization` extension, so clients and the auth matrix test
//! (tests/it/auth_matrix.rs) read the rules from the document.

use std::collections::HashMap;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web;
use actix_web::HttpMessage;
use serde_json::{json, Value};
use stratum_api::identity::account::AccountKind;

use crate::auth::Caller;
use crate::domain::identity::permission::Permission::{self, *};
use crate::rest::problem::ApiError;
use crate::service::ServiceError;

/// The access rule of one operation.
pub struct Access {
    /// Every permission the caller's role must hold (none: any valid token).
    pub permissions: &'static [Permission],
    /// Only a key of the provider account may call it (it acts for every tenant).
    pub provider_only: bool,
    /// It reads objects of the caller's ancestors as well as of its subtree (the
    /// resource types and service templates an account builds on, docs/catalog.md).
    pub reads_ancestors: bool,
}

const fn needs(permissions: &'static [Permission]) -> Access {
    Access { permissions, provider_only: false, reads_ancestors: false }
}

const fn reads_ancestors(permissions: &'static [Permission]) -> Access {
    Access { permissions, provider_only: false, reads_ancestors: true }
}

const ANY_TOKEN: Access = needs(&[]);
const PROVIDER_ONLY: Access = Access { permissions: &[], provider_only: true, reads_ancestors: false };

/// Every bearer-authenticated operation by `operation_id`. An operation missing here
/// fails `openapi::tests::every_authenticated_operation_has_an_access_rule`.
pub const TABLE: &[(&str, Access)] = &[
    ("AccountCreate", needs(&[AccountsWrite])),
    ("AccountList", needs(&[AccountsRead])),
    ("AccountGet", needs(&[AccountsRead])),
    ("AccountUpdate", needs(&[AccountsWrite])),
    ("AccountHoldPlace", needs(&[AccountsWrite])),
    ("AccountHoldRelease", needs(&[AccountsWrite])),
    ("AccountSuspend", needs(&[AccountsWrite])),
    ("AccountReactivate", needs(&[AccountsWrite])),
    ("AccountCancel", needs(&[AccountsWrite])),
    ("UserCreate", needs(&[UsersWrite])),
    ("UserList", needs(&[UsersRead])),
    ("UserGet", needs(&[UsersRead])),
    ("UserUpdate", needs(&[UsersWrite])),
    ("UserRemove", needs(&[UsersWrite])),
    ("RoleCreate", needs(&[RolesWrite])),
    ("RoleList", needs(&[RolesRead])),
    ("RoleGet", needs(&[RolesRead])),
    ("RoleUpdate", needs(&[RolesWrite])),
    ("RoleDelete", needs(&[RolesWrite])),
    ("PermissionList", ANY_TOKEN),
    ("ApiKeyCreate", needs(&[ApiKeysWrite])),
    ("ApiKeyList", needs(&[ApiKeysRead])),
    ("ApiKeyGet", needs(&[ApiKeysRead])),
    ("ApiKeyRevoke", needs(&[ApiKeysWrite])),
    ("EventTypeList", ANY_TOKEN),
    ("EventList", needs(&[EventsRead])),
    ("EventGet", needs(&[EventsRead])),
    ("EventReplay", needs(&[WebhooksWrite])),
    ("WebhookEndpointCreate", needs(&[WebhooksWrite])),
    ("WebhookEndpointList", needs(&[WebhooksRead])),
    ("WebhookEndpointGet", needs(&[WebhooksRead])),
    ("WebhookEndpointUpdate", needs(&[WebhooksWrite])),
    ("WebhookEndpointDelete", needs(&[WebhooksWrite])),
    ("WebhookEndpointSecretRotate", needs(&[WebhooksWrite])),
    ("WebhookEndpointTest", needs(&[WebhooksWrite])),
    ("DeliveryList", needs(&[WebhooksRead])),
    ("DeliveryGet", needs(&[WebhooksRead])),
    ("DeliveryAttemptList", needs(&[WebhooksRead])),
    ("DeliveryRetry", needs(&[WebhooksWrite])),
    ("ScriptActionCreate", needs(&[WebhooksWrite])),
    ("ScriptActionList", needs(&[WebhooksRead])),
    ("ScriptActionGet", needs(&[WebhooksRead])),
    ("ScriptActionUpdate", needs(&[WebhooksWrite])),
    ("ScriptActionDelete", needs(&[WebhooksWrite])),
    ("NotificationTemplateCreate", needs(&[NotificationsWrite])),
    ("NotificationTemplateList", needs(&[NotificationsRead])),
    ("NotificationTemplateGet", needs(&[NotificationsRead])),
    ("NotificationTemplateUpdate", needs(&[NotificationsWrite])),
    ("NotificationTemplateDelete", needs(&[NotificationsWrite])),
    ("NotificationTemplatePreview", needs(&[NotificationsRead, EventsRead])),
    ("NotificationList", needs(&[NotificationsRead])),
    ("NotificationGet", needs(&[NotificationsRead])),
    ("NotificationCancel", needs(&[NotificationsWrite])),
    ("ResourceTypeCreate", needs(&[CatalogWrite])),
    ("ResourceTypeList", reads_ancestors(&[CatalogRead])),
    ("ResourceTypeGet", reads_ancestors(&[CatalogRead])),
    ("ResourceTypeUpdate", needs(&[CatalogWrite])),
    ("ServiceTemplateCreate", needs(&[CatalogWrite])),
    ("ServiceTemplateList", reads_ancestors(&[CatalogRead])),
    ("ServiceTemplateGet", reads_ancestors(&[CatalogRead])),
    ("ServiceTemplateUpdate", needs(&[CatalogWrite])),
    ("ServiceTemplateArchive", needs(&[CatalogWrite])),
    ("PlanCreate", needs(&[CatalogWrite])),
    ("PlanList", needs(&[CatalogRead])),
    ("PlanGet", needs(&[CatalogRead])),
    ("PlanUpdate", needs(&[CatalogWrite])),
    ("PlanArchive", needs(&[CatalogWrite])),
    ("PlanGrantCreate", needs(&[CatalogWrite])),
    ("PlanGrantList", needs(&[CatalogRead])),
    ("PlanGrantDelete", needs(&[CatalogWrite])),
    ("BrandCreate", needs(&[CatalogWrite])),
    ("BrandList", needs(&[CatalogRead])),
    ("BrandGet", needs(&[CatalogRead])),
    ("BrandUpdate", needs(&[CatalogWrite])),
    ("BrandPlanPublish", needs(&[CatalogWrite])),
    ("BrandPlanList", needs(&[CatalogRead])),
    ("BrandPlanUnpublish", needs(&[CatalogWrite])),
    ("CouponCreate", needs(&[CatalogWrite])),
    ("CouponList", needs(&[CatalogRead])),
    ("CouponGet", needs(&[CatalogRead])),
    ("CouponUpdate", needs(&[CatalogWrite])),
    ("CouponArchive", needs(&[CatalogWrite])),
    ("QuoteCreate", needs(&[CatalogRead])),
    ("OrderCreate", needs(&[OrdersWrite])),
    ("OrderList", needs(&[OrdersRead])),
    ("OrderGet", needs(&[OrdersRead])),
    ("OrderCancel", needs(&[OrdersWrite])),
    ("OrderApprove", needs(&[OrdersWrite])),
    ("OrderReject", needs(&[OrdersWrite])),
    ("OrderRetry", needs(&[OrdersWrite])),
    ("FraudRuleCreate", needs(&[OrdersWrite])),
    ("FraudRuleList", needs(&[OrdersRead])),
    ("FraudRuleGet", needs(&[OrdersRead])),
    ("FraudRuleUpdate", needs(&[OrdersWrite])),
    ("FraudRuleDelete", needs(&[OrdersWrite])),
    ("WorkflowCreate", needs(&[OrdersWrite])),
    ("WorkflowList", needs(&[OrdersRead])),
    ("WorkflowGet", needs(&[OrdersRead])),
    ("WorkflowUpdate", needs(&[OrdersWrite])),
    ("WorkflowArchive", needs(&[OrdersWrite])),
    ("SubscriptionList", needs(&[OrdersRead])),
    ("SubscriptionGet", needs(&[OrdersRead])),
    ("TaskList", needs(&[TasksRead])),
    ("TaskGet", needs(&[TasksRead])),
    ("TaskRetry", needs(&[TasksWrite])),
    ("TaskCancel", needs(&[TasksWrite])),
    ("TestClockGet", ANY_TOKEN),
    ("TestClockAdvance", PROVIDER_ONLY),
];

pub fn of(operation_id: &str) -> Option<&'static Access> {
    TABLE.iter().find(|(id, _)| *id == operation_id).map(|(_, a)| a)
}

impl Access {
    /// The `x-authorization` extension: `permissions` always, the flags when set.
    pub fn extension(&self) -> Value {
        let mut v = json!({ "permissions": self.permissions.iter().map(|p| p.name()).collect::<Vec<_>>() });
        if self.provider_only {
            v["provider_only"] = json!(true);
        }
        if self.reads_ancestors {
            v["reads_ancestors"] = json!(true);
        }
        v
    }
}

/// Whether `caller` may call an operation with this rule (its objects' tenancy is the
/// service's to check).
pub fn check(access: &Access, caller: &Caller) -> Result<(), ServiceError> {
    for p in access.permissions {
        crate::service::require(caller, *p)?;
    }
    if access.provider_only && caller.account_kind != AccountKind::Provider {
        return Err(ServiceError::PermissionDenied("only the provider may call this operation".into()));
    }
    Ok(())
}

/// The rule of each route, by method and route pattern (`POST /api/v1/accounts/{id}/hold`),
/// read once from the contract the server serves.
pub struct AccessRoutes(HashMap<(String, String), &'static Access>);

impl AccessRoutes {
    pub fn from_spec(spec: &utoipa::openapi::OpenApi) -> AccessRoutes {
        let mut out = HashMap::new();
        for (path, item) in &spec.paths.paths {
            let ops = [
                ("GET", &item.get),
                ("POST", &item.post),
                ("PUT", &item.put),
                ("PATCH", &item.patch),
                ("DELETE", &item.delete),
            ];
            for (method, op) in ops {
                if let Some(access) = op.as_ref().and_then(|o| o.operation_id.as_deref()).and_then(of) {
                    out.insert((method.to_owned(), path.clone()), access);
                }
            }
        }
        AccessRoutes(out)
    }

    fn rule(&self, req: &ServiceRequest) -> Option<&'static Access> {
        let pattern = req.match_pattern()?;
        self.0.get(&(req.method().as_str().to_owned(), pattern)).copied()
    }
}

/// Authenticates and authorizes a call of a table operation before its handler parses anything.
pub async fn enforce<B: MessageBody + 'static>(
    mut req: ServiceRequest,
    next: Next<B>,
) -> Result<ServiceResponse<EitherBody<B>>, actix_web::Error> {
    let rule = req.app_data::<web::Data<AccessRoutes>>().and_then(|routes| routes.rule(&req));
    if let Some(access) = rule {
        let refused = match req.extract::<Caller>().await {
            Ok(caller) => {
                let refused = check(access, &caller).err().map(ApiError::from);
                // The handler's `Caller` is this one: the token is verified once a request.
                req.extensions_mut().insert(caller);
                refused
            }
            Err(e) => Some(e),
        };
        if let Some(e) = refused {
            return Ok(req.error_response(e).map_into_right_body());
        }
    }
    Ok(next.call(req).await?.map_into_left_body())
}
