//! The event catalog: every event type Stratum raises (71 billing, 47 provisioning), one
//! row each in the table below. The enum, `GET /api/v1/event-types`, the typed payloads,
//! the OpenAPI `webhooks` section and `docs/events.md` all come from it (`event_catalog!`).
//!
//! To add an event type, add one row: the variant, the wire name, the domain, the kind of
//! object whose snapshot it carries, the wire type of that snapshot (its `…Out`, or the
//! placeholder of `event_data.rs` until the object has an API), when it fires and its
//! legacy name if it had one. Then regenerate `docs/events.md`, the contract and the clients.

use std::str::FromStr;

use crate::catalog::brand::PublicationOut;
use crate::catalog::coupon::CouponOut;
use crate::catalog::plan::PlanOut;
use crate::catalog::resource_type::ResourceTypeOut;
use crate::catalog::service_template::ServiceTemplateOut;
use crate::identity::account::AccountOut;
use crate::identity::api_key::ApiKeyOut;
use crate::identity::user::UserOut;
use crate::messaging::event_data::*;
use crate::messaging::webhook_endpoint::WebhookEndpointOut;
use crate::ordering::order::OrderOut;
use crate::platform::task::TaskOut;
use crate::subscriptions::subscription::SubscriptionOut;

/// The business domain an event type belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventDomain {
    Billing,
    Provisioning,
}

impl EventDomain {
    pub fn as_str(self) -> &'static str {
        match self {
            EventDomain::Billing => "billing",
            EventDomain::Provisioning => "provisioning",
        }
    }
}

/// One row of the catalog.
#[derive(Debug)]
pub struct EventTypeDef {
    pub event_type: EventType,
    pub name: &'static str,
    pub domain: EventDomain,
    /// The kind of object whose snapshot the event carries.
    pub object: &'static str,
    /// The schema (and Rust type) of that snapshot, the event's `data`.
    pub payload: &'static str,
    /// When the event fires: the exact transition that raises it.
    pub description: &'static str,
    /// The event's name in the Parallels Business/Operations Automation event manager.
    pub legacy_name: Option<&'static str>,
}

event_catalog! {
    AccountCreated: "account.created", Billing, account, AccountOut,
        "an account (reseller or customer) is created";
    AccountUpdated: "account.updated", Billing, account, AccountOut,
        "contact, address, tax id or settings change (previous given)";
    AccountHoldPlaced: "account.hold.placed", Billing, account, AccountOut,
        "a credit or administrative hold is placed (hold_type)",
        legacy "Account Put On Hold / On Administrative Hold";
    AccountHoldReleased: "account.hold.released", Billing, account, AccountOut,
        "a hold is lifted",
        legacy "Account Taken From Hold";
    AccountSuspended: "account.suspended", Billing, account, AccountOut,
        "the account is suspended (all its services stop)";
    AccountReactivated: "account.reactivated", Billing, account, AccountOut,
        "a suspended or cancelled account is active again";
    AccountCancelled: "account.cancelled", Billing, account, AccountOut,
        "the account is closed";
    AccountBalanceAdjusted: "account.balance.adjusted", Billing, account, AccountOut,
        "a manual balance adjustment is booked";
    UserCreated: "user.created", Billing, user, UserOut,
        "a staff user of an account is created",
        legacy "User Created";
    UserUpdated: "user.updated", Billing, user, UserOut,
        "a user's profile, role or status changes";
    UserRemoved: "user.removed", Billing, user, UserOut,
        "a user is removed";
    ApiKeyCreated: "api_key.created", Billing, api_key, ApiKeyOut,
        "an API key is issued";
    ApiKeyRevoked: "api_key.revoked", Billing, api_key, ApiKeyOut,
        "an API key is revoked";
    PlanCreated: "plan.created", Billing, plan, PlanOut,
        "a service plan is created";
    PlanUpdated: "plan.updated", Billing, plan, PlanOut,
        "prices, periods, rates or texts change (previous given)";
    PlanArchived: "plan.archived", Billing, plan, PlanOut,
        "a plan is withdrawn from sale";
    PlanPublished: "plan.published", Billing, plan, PublicationOut,
        "a plan is published to a brand";
    CouponRedeemed: "coupon.redeemed", Billing, coupon, CouponOut,
        "a coupon is applied to an order";
    OrderPlaced: "order.placed", Billing, order, OrderOut,
        "an order of any type is placed (order_type)",
        legacy "Order Placed / Renewal Order Placed / Cancellation Order Placed";
    OrderFraudCheckPassed: "order.fraud_check.passed", Billing, order, OrderOut,
        "fraud screening accepts the order";
    OrderFraudCheckFlagged: "order.fraud_check.flagged", Billing, order, OrderOut,
        "fraud screening marks the order suspect",
        legacy "(status Suspected)";
    OrderApprovalRequired: "order.approval.required", Billing, order, OrderOut,
        "the workflow reaches a manual step",
        legacy "(status Waiting for Approval / Manual Operation Required)";
    OrderApproved: "order.approved", Billing, order, OrderOut,
        "a manual step is approved";
    OrderRejected: "order.rejected", Billing, order, OrderOut,
        "the order is rejected (reason)";
    OrderPaymentPending: "order.payment.pending", Billing, order, OrderOut,
        "the workflow waits for a payment",
        legacy "(status Waiting for Payment)";
    OrderPaymentFailed: "order.payment.failed", Billing, order, OrderOut,
        "charging the order failed (decline_code)";
    OrderProvisioningStarted: "order.provisioning.started", Billing, order, OrderOut,
        "the workflow hands the order to provisioning";
    OrderProvisioningFailed: "order.provisioning.failed", Billing, order, OrderOut,
        "provisioning of the order failed and was rolled back",
        legacy "(status Provisioning Failed)";
    OrderCompleted: "order.completed", Billing, order, OrderOut,
        "the order reaches its final success state",
        legacy "(status Completed)";
    OrderCancelled: "order.cancelled", Billing, order, OrderOut,
        "an open order is cancelled",
        legacy "Cancellation Order Cancelled";
    SubscriptionCreated: "subscription.created", Billing, subscription, SubscriptionOut,
        "a subscription is created from an order";
    SubscriptionTrialStarted: "subscription.trial.started", Billing, subscription, SubscriptionOut,
        "a trial begins";
    SubscriptionTrialEnding: "subscription.trial.ending", Billing, subscription, SubscriptionOut,
        "a trial ends in 3 days (schedule configurable)";
    SubscriptionActivated: "subscription.activated", Billing, subscription, SubscriptionOut,
        "the subscription becomes active (paid and provisioned)",
        legacy "Start Service";
    SubscriptionRenewed: "subscription.renewed", Billing, subscription, SubscriptionOut,
        "a renewal extends the expiry date";
    SubscriptionExpiring: "subscription.expiring", Billing, subscription, SubscriptionOut,
        "expiry is near (schedule: 14 and 3 days by default)",
        legacy "Scheduled subscription notification";
    SubscriptionGraceStarted: "subscription.grace.started", Billing, subscription, SubscriptionOut,
        "the period ended unpaid; the grace period begins",
        legacy "Subscription period has ended";
    SubscriptionExpired: "subscription.expired", Billing, subscription, SubscriptionOut,
        "grace is over and the subscription expires",
        legacy "Subscription passed Expiration Date";
    SubscriptionSuspended: "subscription.suspended", Billing, subscription, SubscriptionOut,
        "services are stopped (non-payment, hold, overuse or by hand; reason)",
        legacy "Stop Service / Subscription Put On Hold";
    SubscriptionResumed: "subscription.resumed", Billing, subscription, SubscriptionOut,
        "a suspended subscription runs again",
        legacy "Subscription Taken From Hold";
    SubscriptionPlanChanged: "subscription.plan.changed", Billing, subscription, SubscriptionOut,
        "an upgrade or downgrade takes effect (previous plan)",
        legacy "Change Plan Completed";
    SubscriptionResourcesChanged: "subscription.resources.changed", Billing, subscription, SubscriptionOut,
        "extra resources bought or released (previous limits)",
        legacy "Upgrade Completed";
    SubscriptionCancellationScheduled: "subscription.cancellation.scheduled", Billing, subscription, SubscriptionOut,
        "a cancellation at period end is requested";
    SubscriptionCancelled: "subscription.cancelled", Billing, subscription, SubscriptionOut,
        "the subscription is cancelled (services will be removed)",
        legacy "Stop And Delete Service";
    InvoiceCreated: "invoice.created", Billing, invoice, InvoiceEventData,
        "a draft invoice is created",
        legacy "Invoice Created";
    InvoiceIssued: "invoice.issued", Billing, invoice, InvoiceEventData,
        "the invoice is finalised and numbered";
    InvoicePaid: "invoice.paid", Billing, invoice, InvoiceEventData,
        "the invoice balance reaches zero";
    InvoiceOverdue: "invoice.overdue", Billing, invoice, InvoiceEventData,
        "the due date passes unpaid",
        legacy "Invoice due date is over";
    InvoiceVoided: "invoice.voided", Billing, invoice, InvoiceEventData,
        "an issued invoice is voided";
    InvoiceMarkedUncollectible: "invoice.marked_uncollectible", Billing, invoice, InvoiceEventData,
        "the invoice is written off",
        legacy "Invoice cutoff date is over";
    CreditNoteIssued: "credit_note.issued", Billing, credit_note, CreditNoteEventData,
        "a credit note is issued",
        legacy "(Credit Memo)";
    PaymentSucceeded: "payment.succeeded", Billing, payment, PaymentEventData,
        "a payment is captured or recorded";
    PaymentFailed: "payment.failed", Billing, payment, PaymentEventData,
        "a payment attempt is declined or errors (decline_code)";
    PaymentRequiresAction: "payment.requires_action", Billing, payment, PaymentEventData,
        "the customer must act (e.g. 3-D Secure)",
        legacy "(3-D Secure notification)";
    PaymentApplied: "payment.applied", Billing, payment, PaymentEventData,
        "a payment is applied to an invoice";
    PaymentReversed: "payment.reversed", Billing, payment, PaymentEventData,
        "an application is reversed or a payment voided";
    RefundSucceeded: "refund.succeeded", Billing, refund, RefundEventData,
        "a refund is completed";
    RefundFailed: "refund.failed", Billing, refund, RefundEventData,
        "a refund attempt fails";
    PaymentMethodAdded: "payment_method.added", Billing, payment_method, PaymentMethodEventData,
        "a payment method is stored";
    PaymentMethodRemoved: "payment_method.removed", Billing, payment_method, PaymentMethodEventData,
        "a payment method is removed";
    PaymentMethodExpiring: "payment_method.expiring", Billing, payment_method, PaymentMethodEventData,
        "a card expires within 30 days";
    UsageThresholdReached: "usage.threshold.reached", Billing, subscription, SubscriptionOut,
        "metered use crosses a configured share of the limit (e.g. 80%)",
        legacy "(limit notification)";
    UsageOverageRated: "usage.overage.rated", Billing, subscription, SubscriptionOut,
        "overage use is rated into charges";
    DunningStepExecuted: "dunning.step.executed", Billing, account, AccountOut,
        "a dunning step runs (reminder, credit hold, suspension, termination; step)";
    DunningResolved: "dunning.resolved", Billing, account, AccountOut,
        "the overdue balance is settled and dunning ends";
    BillingRunCompleted: "billing_run.completed", Billing, billing_run, BillingRunEventData,
        "a billing run finishes (counts)";
    AffiliateCommissionEarned: "affiliate.commission.earned", Billing, account, AccountOut,
        "an affiliate earns a commission on a referred sale";
    DomainRegistered: "domain.registered", Billing, domain, DomainEventData,
        "a registrar confirms a registration",
        legacy "(DomainOperation registration completed)";
    DomainRegistrationFailed: "domain.registration.failed", Billing, domain, DomainEventData,
        "a registrar refuses or fails a registration",
        legacy "Operations domain registration failed";
    DomainRenewed: "domain.renewed", Billing, domain, DomainEventData,
        "a registrar confirms a renewal";
    DomainTransferred: "domain.transferred", Billing, domain, DomainEventData,
        "an incoming transfer completes",
        legacy "(DomainOperation transfer completed)";
    ProvisioningStarted: "provisioning.started", Provisioning, provisioning_plan, ProvisioningPlanEventData,
        "a provisioning plan starts for an order",
        legacy "(status Provisioning)";
    ProvisioningCompleted: "provisioning.completed", Provisioning, provisioning_plan, ProvisioningPlanEventData,
        "every step of the plan succeeded",
        legacy "Creation Completed";
    ProvisioningFailed: "provisioning.failed", Provisioning, provisioning_plan, ProvisioningPlanEventData,
        "a step failed for good",
        legacy "(status Provisioning Failed)";
    ProvisioningRolledBack: "provisioning.rolled_back", Provisioning, provisioning_plan, ProvisioningPlanEventData,
        "the steps already done were undone after a failure";
    ProvisioningStepSucceeded: "provisioning_step.succeeded", Provisioning, provisioning_step, ProvisioningStepEventData,
        "one step (one service or resource) is delivered";
    ProvisioningStepFailed: "provisioning_step.failed", Provisioning, provisioning_step, ProvisioningStepEventData,
        "one step fails (error, attempt)";
    ProvisioningStepCompensated: "provisioning_step.compensated", Provisioning, provisioning_step, ProvisioningStepEventData,
        "a done step is undone during rollback";
    ServiceCreated: "service.created", Provisioning, service, ServiceEventData,
        "a service instance exists on its gateway";
    ServiceSuspended: "service.suspended", Provisioning, service, ServiceEventData,
        "the service is disabled on its gateway",
        legacy "Stop Service (operations side)";
    ServiceResumed: "service.resumed", Provisioning, service, ServiceEventData,
        "the service is enabled again",
        legacy "Start Service (operations side)";
    ServiceLimitsChanged: "service.limits.changed", Provisioning, service, ServiceEventData,
        "the gateway applied new resource limits (previous)",
        legacy "(APS limits changed)";
    ServiceMigrated: "service.migrated", Provisioning, service, ServiceEventData,
        "the service moved to another server (previous server)";
    ServiceRemoved: "service.removed", Provisioning, service, ServiceEventData,
        "the service is deleted from its gateway",
        legacy "Deletion Completed";
    ServiceUserCreated: "service_user.created", Provisioning, service_user, ServiceUserEventData,
        "an end user of a service (e.g. a mailbox) is created";
    ServiceUserUpdated: "service_user.updated", Provisioning, service_user, ServiceUserEventData,
        "its settings or quota change";
    ServiceUserDisabled: "service_user.disabled", Provisioning, service_user, ServiceUserEventData,
        "it is disabled";
    ServiceUserRemoved: "service_user.removed", Provisioning, service_user, ServiceUserEventData,
        "it is removed";
    ResourceUsageCollected: "resource_usage.collected", Provisioning, service, ServiceEventData,
        "usage figures are read from a gateway";
    ResourceLimitReached: "resource_limit.reached", Provisioning, service, ServiceEventData,
        "usage reaches 100% of a hard limit";
    ResourceTypeCreated: "resource_type.created", Provisioning, resource_type, ResourceTypeOut,
        "a resource type is defined";
    ServiceTemplateCreated: "service_template.created", Provisioning, service_template, ServiceTemplateOut,
        "a service template is created";
    ServiceTemplateUpdated: "service_template.updated", Provisioning, service_template, ServiceTemplateOut,
        "its resources or limits change";
    ServiceTemplateArchived: "service_template.archived", Provisioning, service_template, ServiceTemplateOut,
        "it is withdrawn";
    ServerRegistered: "server.registered", Provisioning, server, ServerEventData,
        "a server (hardware node) is added";
    ServerReady: "server.ready", Provisioning, server, ServerEventData,
        "the server is marked ready to take new services",
        legacy "(host ready to provide)";
    ServerCapacityLow: "server.capacity.low", Provisioning, server, ServerEventData,
        "free capacity of a resource drops below its threshold";
    ServerUnreachable: "server.unreachable", Provisioning, server, ServerEventData,
        "health checks of a server fail";
    ServerDecommissioned: "server.decommissioned", Provisioning, server, ServerEventData,
        "the server is taken out of service";
    IpPoolCreated: "ip_pool.created", Provisioning, ip_pool, IpPoolEventData,
        "an IP pool is created";
    IpAddressAllocated: "ip_address.allocated", Provisioning, ip_address, IpAddressEventData,
        "an address is assigned to a service";
    IpAddressReleased: "ip_address.released", Provisioning, ip_address, IpAddressEventData,
        "an address returns to its pool";
    IpPoolExhausted: "ip_pool.exhausted", Provisioning, ip_pool, IpPoolEventData,
        "a pool has no free address left";
    DnsZoneCreated: "dns_zone.created", Provisioning, dns_zone, DnsZoneEventData,
        "a DNS zone is created";
    DnsZoneRemoved: "dns_zone.removed", Provisioning, dns_zone, DnsZoneEventData,
        "a DNS zone is removed";
    DnsRecordChanged: "dns_record.changed", Provisioning, dns_zone, DnsZoneEventData,
        "records of a zone are created, changed or deleted (changes)";
    HostedDomainAdded: "hosted_domain.added", Provisioning, hosted_domain, HostedDomainEventData,
        "a domain is attached to a customer's services";
    HostedDomainRemoved: "hosted_domain.removed", Provisioning, hosted_domain, HostedDomainEventData,
        "a domain is detached";
    GatewayUnreachable: "gateway.unreachable", Provisioning, gateway, GatewayEventData,
        "a provisioning gateway stops answering";
    GatewayRecovered: "gateway.recovered", Provisioning, gateway, GatewayEventData,
        "it answers again";
    ApplicationRegistered: "application.registered", Provisioning, application, ApplicationEventData,
        "an external application (connector) is registered";
    ApplicationRemoved: "application.removed", Provisioning, application, ApplicationEventData,
        "it is removed";
    TaskFailed: "task.failed", Provisioning, task, TaskOut,
        "a task attempt fails (error, attempt)",
        legacy "(task Failed)";
    TaskRescheduled: "task.rescheduled", Provisioning, task, TaskOut,
        "a failed task is scheduled again",
        legacy "(task Rescheduled)";
    TaskDead: "task.dead", Provisioning, task, TaskOut,
        "a task gave up after its last attempt";
    TaskCancelled: "task.cancelled", Provisioning, task, TaskOut,
        "a task is cancelled",
        legacy "(task Canceled)";
    WebhookEndpointDisabled: "webhook_endpoint.disabled", Provisioning, webhook_endpoint, WebhookEndpointOut,
        "an endpoint is disabled after failing for days, or by a 410";
    WebhookEndpointRecovered: "webhook_endpoint.recovered", Provisioning, webhook_endpoint, WebhookEndpointOut,
        "a disabled endpoint is enabled again and delivers";
}

impl EventType {
    /// The catalog row of this type.
    pub fn def(self) -> &'static EventTypeDef {
        &CATALOG[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.def().name
    }

    pub fn from_name(name: &str) -> Option<EventType> {
        CATALOG.iter().find(|d| d.name == name).map(|d| d.event_type)
    }
}

impl FromStr for EventType {
    type Err = UnknownEventType;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        EventType::from_name(s).ok_or_else(|| UnknownEventType(s.to_owned()))
    }
}

impl std::fmt::Display for EventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is not in the catalog.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEventType(pub String);

impl std::fmt::Display for UnknownEventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}` is not in the event catalog", self.0)
    }
}

impl std::error::Error for UnknownEventType {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_matches_the_published_counts() {
        let billing = CATALOG.iter().filter(|d| d.domain == EventDomain::Billing).count();
        let provisioning = CATALOG.len() - billing;
        assert_eq!((billing, provisioning), (71, 47));
    }

    #[test]
    fn catalog_is_indexed_by_discriminant_and_names_are_unique() {
        let mut names = std::collections::HashSet::new();
        for (i, d) in CATALOG.iter().enumerate() {
            assert_eq!(d.event_type as usize, i, "{} out of order", d.name);
            assert!(names.insert(d.name), "{} listed twice", d.name);
            assert_eq!(EventType::from_name(d.name), Some(d.event_type));
            assert_eq!(d.name.parse::<EventType>().map(|t| t.to_string()).as_deref(), Ok(d.name));
        }
        assert_eq!("no.such".parse::<EventType>(), Err(UnknownEventType("no.such".into())));
    }

    #[test]
    fn names_are_lowercase_and_dotted_and_every_row_says_when_it_fires() {
        for d in CATALOG {
            assert!(d.name.contains('.'), "{}", d.name);
            assert!(d.name.chars().all(|c| c.is_ascii_lowercase() || c == '.' || c == '_'), "{}", d.name);
            assert!(!d.description.is_empty(), "{} has no description", d.name);
        }
    }

    #[test]
    fn every_payload_schema_is_named_as_in_the_table_and_brings_itself() {
        for d in CATALOG {
            let t = d.event_type;
            assert_eq!(t.payload_schema_name(), d.payload, "{}", d.name);
            let mut schemas = Vec::new();
            t.payload_schemas(&mut schemas);
            assert!(schemas.iter().any(|(n, _)| n == d.payload), "{}: {} not collected", d.name, d.payload);
        }
    }

    #[test]
    fn a_payload_parses_as_its_type_and_knows_its_event_type() {
        let data = serde_json::json!({"id": "inv_1", "status": "open"});
        let p = EventPayload::parse(EventType::InvoiceCreated, data).expect("an invoice snapshot");
        assert_eq!(p.event_type(), EventType::InvoiceCreated);
        assert!(matches!(p, EventPayload::InvoiceCreated(InvoiceEventData(ref m)) if m["id"] == "inv_1"));
        assert!(EventPayload::parse(EventType::AccountCreated, serde_json::json!({"id": 1})).is_err());
    }
}
