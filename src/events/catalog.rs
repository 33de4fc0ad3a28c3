//! The event catalog: every event type Stratum raises, one entry each (71 billing, 47
//! provisioning). Generated once from the shared catalog and maintained by hand since;
//! `catalog_matches_the_published_counts` keeps the counts honest.

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

/// One catalog entry.
#[derive(Debug)]
pub struct EventTypeDef {
    pub event_type: EventType,
    pub name: &'static str,
    pub domain: EventDomain,
    /// The kind of object whose snapshot the event carries.
    pub object: &'static str,
    /// When the event fires: the exact transition that raises it.
    pub description: &'static str,
    /// The event's name in the Parallels Business/Operations Automation event manager.
    pub legacy_name: Option<&'static str>,
}

/// Every event type, by its wire name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventType {
    /// `account.created`
    AccountCreated,
    /// `account.updated`
    AccountUpdated,
    /// `account.hold.placed`
    AccountHoldPlaced,
    /// `account.hold.released`
    AccountHoldReleased,
    /// `account.suspended`
    AccountSuspended,
    /// `account.reactivated`
    AccountReactivated,
    /// `account.cancelled`
    AccountCancelled,
    /// `account.balance.adjusted`
    AccountBalanceAdjusted,
    /// `user.created`
    UserCreated,
    /// `user.updated`
    UserUpdated,
    /// `user.removed`
    UserRemoved,
    /// `api_key.created`
    ApiKeyCreated,
    /// `api_key.revoked`
    ApiKeyRevoked,
    /// `plan.created`
    PlanCreated,
    /// `plan.updated`
    PlanUpdated,
    /// `plan.archived`
    PlanArchived,
    /// `plan.published`
    PlanPublished,
    /// `coupon.redeemed`
    CouponRedeemed,
    /// `order.placed`
    OrderPlaced,
    /// `order.fraud_check.passed`
    OrderFraudCheckPassed,
    /// `order.fraud_check.flagged`
    OrderFraudCheckFlagged,
    /// `order.approval.required`
    OrderApprovalRequired,
    /// `order.approved`
    OrderApproved,
    /// `order.rejected`
    OrderRejected,
    /// `order.payment.pending`
    OrderPaymentPending,
    /// `order.payment.failed`
    OrderPaymentFailed,
    /// `order.provisioning.started`
    OrderProvisioningStarted,
    /// `order.provisioning.failed`
    OrderProvisioningFailed,
    /// `order.completed`
    OrderCompleted,
    /// `order.cancelled`
    OrderCancelled,
    /// `subscription.created`
    SubscriptionCreated,
    /// `subscription.trial.started`
    SubscriptionTrialStarted,
    /// `subscription.trial.ending`
    SubscriptionTrialEnding,
    /// `subscription.activated`
    SubscriptionActivated,
    /// `subscription.renewed`
    SubscriptionRenewed,
    /// `subscription.expiring`
    SubscriptionExpiring,
    /// `subscription.grace.started`
    SubscriptionGraceStarted,
    /// `subscription.expired`
    SubscriptionExpired,
    /// `subscription.suspended`
    SubscriptionSuspended,
    /// `subscription.resumed`
    SubscriptionResumed,
    /// `subscription.plan.changed`
    SubscriptionPlanChanged,
    /// `subscription.resources.changed`
    SubscriptionResourcesChanged,
    /// `subscription.cancellation.scheduled`
    SubscriptionCancellationScheduled,
    /// `subscription.cancelled`
    SubscriptionCancelled,
    /// `invoice.created`
    InvoiceCreated,
    /// `invoice.issued`
    InvoiceIssued,
    /// `invoice.paid`
    InvoicePaid,
    /// `invoice.overdue`
    InvoiceOverdue,
    /// `invoice.voided`
    InvoiceVoided,
    /// `invoice.marked_uncollectible`
    InvoiceMarkedUncollectible,
    /// `credit_note.issued`
    CreditNoteIssued,
    /// `payment.succeeded`
    PaymentSucceeded,
    /// `payment.failed`
    PaymentFailed,
    /// `payment.requires_action`
    PaymentRequiresAction,
    /// `payment.applied`
    PaymentApplied,
    /// `payment.reversed`
    PaymentReversed,
    /// `refund.succeeded`
    RefundSucceeded,
    /// `refund.failed`
    RefundFailed,
    /// `payment_method.added`
    PaymentMethodAdded,
    /// `payment_method.removed`
    PaymentMethodRemoved,
    /// `payment_method.expiring`
    PaymentMethodExpiring,
    /// `usage.threshold.reached`
    UsageThresholdReached,
    /// `usage.overage.rated`
    UsageOverageRated,
    /// `dunning.step.executed`
    DunningStepExecuted,
    /// `dunning.resolved`
    DunningResolved,
    /// `billing_run.completed`
    BillingRunCompleted,
    /// `affiliate.commission.earned`
    AffiliateCommissionEarned,
    /// `domain.registered`
    DomainRegistered,
    /// `domain.registration.failed`
    DomainRegistrationFailed,
    /// `domain.renewed`
    DomainRenewed,
    /// `domain.transferred`
    DomainTransferred,
    /// `provisioning.started`
    ProvisioningStarted,
    /// `provisioning.completed`
    ProvisioningCompleted,
    /// `provisioning.failed`
    ProvisioningFailed,
    /// `provisioning.rolled_back`
    ProvisioningRolledBack,
    /// `provisioning_step.succeeded`
    ProvisioningStepSucceeded,
    /// `provisioning_step.failed`
    ProvisioningStepFailed,
    /// `provisioning_step.compensated`
    ProvisioningStepCompensated,
    /// `service.created`
    ServiceCreated,
    /// `service.suspended`
    ServiceSuspended,
    /// `service.resumed`
    ServiceResumed,
    /// `service.limits.changed`
    ServiceLimitsChanged,
    /// `service.migrated`
    ServiceMigrated,
    /// `service.removed`
    ServiceRemoved,
    /// `service_user.created`
    ServiceUserCreated,
    /// `service_user.updated`
    ServiceUserUpdated,
    /// `service_user.disabled`
    ServiceUserDisabled,
    /// `service_user.removed`
    ServiceUserRemoved,
    /// `resource_usage.collected`
    ResourceUsageCollected,
    /// `resource_limit.reached`
    ResourceLimitReached,
    /// `resource_type.created`
    ResourceTypeCreated,
    /// `service_template.created`
    ServiceTemplateCreated,
    /// `service_template.updated`
    ServiceTemplateUpdated,
    /// `service_template.archived`
    ServiceTemplateArchived,
    /// `server.registered`
    ServerRegistered,
    /// `server.ready`
    ServerReady,
    /// `server.capacity.low`
    ServerCapacityLow,
    /// `server.unreachable`
    ServerUnreachable,
    /// `server.decommissioned`
    ServerDecommissioned,
    /// `ip_pool.created`
    IpPoolCreated,
    /// `ip_address.allocated`
    IpAddressAllocated,
    /// `ip_address.released`
    IpAddressReleased,
    /// `ip_pool.exhausted`
    IpPoolExhausted,
    /// `dns_zone.created`
    DnsZoneCreated,
    /// `dns_zone.removed`
    DnsZoneRemoved,
    /// `dns_record.changed`
    DnsRecordChanged,
    /// `hosted_domain.added`
    HostedDomainAdded,
    /// `hosted_domain.removed`
    HostedDomainRemoved,
    /// `gateway.unreachable`
    GatewayUnreachable,
    /// `gateway.recovered`
    GatewayRecovered,
    /// `application.registered`
    ApplicationRegistered,
    /// `application.removed`
    ApplicationRemoved,
    /// `task.failed`
    TaskFailed,
    /// `task.rescheduled`
    TaskRescheduled,
    /// `task.dead`
    TaskDead,
    /// `task.cancelled`
    TaskCancelled,
    /// `webhook_endpoint.disabled`
    WebhookEndpointDisabled,
    /// `webhook_endpoint.recovered`
    WebhookEndpointRecovered,
}

pub static CATALOG: [EventTypeDef; 118] = [
    EventTypeDef {
        event_type: EventType::AccountCreated,
        name: "account.created",
        domain: EventDomain::Billing,
        object: "account",
        description: "an account (reseller or customer) is created",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::AccountUpdated,
        name: "account.updated",
        domain: EventDomain::Billing,
        object: "account",
        description: "contact, address, tax id or settings change (previous given)",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::AccountHoldPlaced,
        name: "account.hold.placed",
        domain: EventDomain::Billing,
        object: "account",
        description: "a credit or administrative hold is placed (hold_type)",
        legacy_name: Some("Account Put On Hold / On Administrative Hold"),
    },
    EventTypeDef {
        event_type: EventType::AccountHoldReleased,
        name: "account.hold.released",
        domain: EventDomain::Billing,
        object: "account",
        description: "a hold is lifted",
        legacy_name: Some("Account Taken From Hold"),
    },
    EventTypeDef {
        event_type: EventType::AccountSuspended,
        name: "account.suspended",
        domain: EventDomain::Billing,
        object: "account",
        description: "the account is suspended (all its services stop)",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::AccountReactivated,
        name: "account.reactivated",
        domain: EventDomain::Billing,
        object: "account",
        description: "a suspended or cancelled account is active again",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::AccountCancelled,
        name: "account.cancelled",
        domain: EventDomain::Billing,
        object: "account",
        description: "the account is closed",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::AccountBalanceAdjusted,
        name: "account.balance.adjusted",
        domain: EventDomain::Billing,
        object: "account",
        description: "a manual balance adjustment is booked",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::UserCreated,
        name: "user.created",
        domain: EventDomain::Billing,
        object: "user",
        description: "a staff user of an account is created",
        legacy_name: Some("User Created"),
    },
    EventTypeDef {
        event_type: EventType::UserUpdated,
        name: "user.updated",
        domain: EventDomain::Billing,
        object: "user",
        description: "a user's profile, role or status changes",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::UserRemoved,
        name: "user.removed",
        domain: EventDomain::Billing,
        object: "user",
        description: "a user is removed",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ApiKeyCreated,
        name: "api_key.created",
        domain: EventDomain::Billing,
        object: "api_key",
        description: "an API key is issued",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ApiKeyRevoked,
        name: "api_key.revoked",
        domain: EventDomain::Billing,
        object: "api_key",
        description: "an API key is revoked",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::PlanCreated,
        name: "plan.created",
        domain: EventDomain::Billing,
        object: "plan",
        description: "a service plan is created",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::PlanUpdated,
        name: "plan.updated",
        domain: EventDomain::Billing,
        object: "plan",
        description: "prices, periods, rates or texts change (previous given)",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::PlanArchived,
        name: "plan.archived",
        domain: EventDomain::Billing,
        object: "plan",
        description: "a plan is withdrawn from sale",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::PlanPublished,
        name: "plan.published",
        domain: EventDomain::Billing,
        object: "plan",
        description: "a plan is published to a brand",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::CouponRedeemed,
        name: "coupon.redeemed",
        domain: EventDomain::Billing,
        object: "coupon",
        description: "a coupon is applied to an order",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::OrderPlaced,
        name: "order.placed",
        domain: EventDomain::Billing,
        object: "order",
        description: "an order of any type is placed (order_type)",
        legacy_name: Some("Order Placed / Renewal Order Placed / Cancellation Order Placed"),
    },
    EventTypeDef {
        event_type: EventType::OrderFraudCheckPassed,
        name: "order.fraud_check.passed",
        domain: EventDomain::Billing,
        object: "order",
        description: "fraud screening accepts the order",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::OrderFraudCheckFlagged,
        name: "order.fraud_check.flagged",
        domain: EventDomain::Billing,
        object: "order",
        description: "fraud screening marks the order suspect",
        legacy_name: Some("(status Suspected)"),
    },
    EventTypeDef {
        event_type: EventType::OrderApprovalRequired,
        name: "order.approval.required",
        domain: EventDomain::Billing,
        object: "order",
        description: "the workflow reaches a manual step",
        legacy_name: Some("(status Waiting for Approval / Manual Operation Required)"),
    },
    EventTypeDef {
        event_type: EventType::OrderApproved,
        name: "order.approved",
        domain: EventDomain::Billing,
        object: "order",
        description: "a manual step is approved",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::OrderRejected,
        name: "order.rejected",
        domain: EventDomain::Billing,
        object: "order",
        description: "the order is rejected (reason)",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::OrderPaymentPending,
        name: "order.payment.pending",
        domain: EventDomain::Billing,
        object: "order",
        description: "the workflow waits for a payment",
        legacy_name: Some("(status Waiting for Payment)"),
    },
    EventTypeDef {
        event_type: EventType::OrderPaymentFailed,
        name: "order.payment.failed",
        domain: EventDomain::Billing,
        object: "order",
        description: "charging the order failed (decline_code)",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::OrderProvisioningStarted,
        name: "order.provisioning.started",
        domain: EventDomain::Billing,
        object: "order",
        description: "the workflow hands the order to provisioning",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::OrderProvisioningFailed,
        name: "order.provisioning.failed",
        domain: EventDomain::Billing,
        object: "order",
        description: "provisioning of the order failed and was rolled back",
        legacy_name: Some("(status Provisioning Failed)"),
    },
    EventTypeDef {
        event_type: EventType::OrderCompleted,
        name: "order.completed",
        domain: EventDomain::Billing,
        object: "order",
        description: "the order reaches its final success state",
        legacy_name: Some("(status Completed)"),
    },
    EventTypeDef {
        event_type: EventType::OrderCancelled,
        name: "order.cancelled",
        domain: EventDomain::Billing,
        object: "order",
        description: "an open order is cancelled",
        legacy_name: Some("Cancellation Order Cancelled"),
    },
    EventTypeDef {
        event_type: EventType::SubscriptionCreated,
        name: "subscription.created",
        domain: EventDomain::Billing,
        object: "subscription",
        description: "a subscription is created from an order",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::SubscriptionTrialStarted,
        name: "subscription.trial.started",
        domain: EventDomain::Billing,
        object: "subscription",
        description: "a trial begins",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::SubscriptionTrialEnding,
        name: "subscription.trial.ending",
        domain: EventDomain::Billing,
        object: "subscription",
        description: "a trial ends in 3 days (schedule configurable)",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::SubscriptionActivated,
        name: "subscription.activated",
        domain: EventDomain::Billing,
        object: "subscription",
        description: "the subscription becomes active (paid and provisioned)",
        legacy_name: Some("Start Service"),
    },
    EventTypeDef {
        event_type: EventType::SubscriptionRenewed,
        name: "subscription.renewed",
        domain: EventDomain::Billing,
        object: "subscription",
        description: "a renewal extends the expiry date",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::SubscriptionExpiring,
        name: "subscription.expiring",
        domain: EventDomain::Billing,
        object: "subscription",
        description: "expiry is near (schedule: 14 and 3 days by default)",
        legacy_name: Some("Scheduled subscription notification"),
    },
    EventTypeDef {
        event_type: EventType::SubscriptionGraceStarted,
        name: "subscription.grace.started",
        domain: EventDomain::Billing,
        object: "subscription",
        description: "the period ended unpaid; the grace period begins",
        legacy_name: Some("Subscription period has ended"),
    },
    EventTypeDef {
        event_type: EventType::SubscriptionExpired,
        name: "subscription.expired",
        domain: EventDomain::Billing,
        object: "subscription",
        description: "grace is over and the subscription expires",
        legacy_name: Some("Subscription passed Expiration Date"),
    },
    EventTypeDef {
        event_type: EventType::SubscriptionSuspended,
        name: "subscription.suspended",
        domain: EventDomain::Billing,
        object: "subscription",
        description: "services are stopped (non-payment, hold, overuse or by hand; reason)",
        legacy_name: Some("Stop Service / Subscription Put On Hold"),
    },
    EventTypeDef {
        event_type: EventType::SubscriptionResumed,
        name: "subscription.resumed",
        domain: EventDomain::Billing,
        object: "subscription",
        description: "a suspended subscription runs again",
        legacy_name: Some("Subscription Taken From Hold"),
    },
    EventTypeDef {
        event_type: EventType::SubscriptionPlanChanged,
        name: "subscription.plan.changed",
        domain: EventDomain::Billing,
        object: "subscription",
        description: "an upgrade or downgrade takes effect (previous plan)",
        legacy_name: Some("Change Plan Completed"),
    },
    EventTypeDef {
        event_type: EventType::SubscriptionResourcesChanged,
        name: "subscription.resources.changed",
        domain: EventDomain::Billing,
        object: "subscription",
        description: "extra resources bought or released (previous limits)",
        legacy_name: Some("Upgrade Completed"),
    },
    EventTypeDef {
        event_type: EventType::SubscriptionCancellationScheduled,
        name: "subscription.cancellation.scheduled",
        domain: EventDomain::Billing,
        object: "subscription",
        description: "a cancellation at period end is requested",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::SubscriptionCancelled,
        name: "subscription.cancelled",
        domain: EventDomain::Billing,
        object: "subscription",
        description: "the subscription is cancelled (services will be removed)",
        legacy_name: Some("Stop And Delete Service"),
    },
    EventTypeDef {
        event_type: EventType::InvoiceCreated,
        name: "invoice.created",
        domain: EventDomain::Billing,
        object: "invoice",
        description: "a draft invoice is created",
        legacy_name: Some("Invoice Created"),
    },
    EventTypeDef {
        event_type: EventType::InvoiceIssued,
        name: "invoice.issued",
        domain: EventDomain::Billing,
        object: "invoice",
        description: "the invoice is finalised and numbered",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::InvoicePaid,
        name: "invoice.paid",
        domain: EventDomain::Billing,
        object: "invoice",
        description: "the invoice balance reaches zero",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::InvoiceOverdue,
        name: "invoice.overdue",
        domain: EventDomain::Billing,
        object: "invoice",
        description: "the due date passes unpaid",
        legacy_name: Some("Invoice due date is over"),
    },
    EventTypeDef {
        event_type: EventType::InvoiceVoided,
        name: "invoice.voided",
        domain: EventDomain::Billing,
        object: "invoice",
        description: "an issued invoice is voided",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::InvoiceMarkedUncollectible,
        name: "invoice.marked_uncollectible",
        domain: EventDomain::Billing,
        object: "invoice",
        description: "the invoice is written off",
        legacy_name: Some("Invoice cutoff date is over"),
    },
    EventTypeDef {
        event_type: EventType::CreditNoteIssued,
        name: "credit_note.issued",
        domain: EventDomain::Billing,
        object: "credit_note",
        description: "a credit note is issued",
        legacy_name: Some("(Credit Memo)"),
    },
    EventTypeDef {
        event_type: EventType::PaymentSucceeded,
        name: "payment.succeeded",
        domain: EventDomain::Billing,
        object: "payment",
        description: "a payment is captured or recorded",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::PaymentFailed,
        name: "payment.failed",
        domain: EventDomain::Billing,
        object: "payment",
        description: "a payment attempt is declined or errors (decline_code)",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::PaymentRequiresAction,
        name: "payment.requires_action",
        domain: EventDomain::Billing,
        object: "payment",
        description: "the customer must act (e.g. 3-D Secure)",
        legacy_name: Some("(3-D Secure notification)"),
    },
    EventTypeDef {
        event_type: EventType::PaymentApplied,
        name: "payment.applied",
        domain: EventDomain::Billing,
        object: "payment",
        description: "a payment is applied to an invoice",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::PaymentReversed,
        name: "payment.reversed",
        domain: EventDomain::Billing,
        object: "payment",
        description: "an application is reversed or a payment voided",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::RefundSucceeded,
        name: "refund.succeeded",
        domain: EventDomain::Billing,
        object: "refund",
        description: "a refund is completed",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::RefundFailed,
        name: "refund.failed",
        domain: EventDomain::Billing,
        object: "refund",
        description: "a refund attempt fails",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::PaymentMethodAdded,
        name: "payment_method.added",
        domain: EventDomain::Billing,
        object: "payment_method",
        description: "a payment method is stored",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::PaymentMethodRemoved,
        name: "payment_method.removed",
        domain: EventDomain::Billing,
        object: "payment_method",
        description: "a payment method is removed",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::PaymentMethodExpiring,
        name: "payment_method.expiring",
        domain: EventDomain::Billing,
        object: "payment_method",
        description: "a card expires within 30 days",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::UsageThresholdReached,
        name: "usage.threshold.reached",
        domain: EventDomain::Billing,
        object: "subscription",
        description: "metered use crosses a configured share of the limit (e.g. 80%)",
        legacy_name: Some("(limit notification)"),
    },
    EventTypeDef {
        event_type: EventType::UsageOverageRated,
        name: "usage.overage.rated",
        domain: EventDomain::Billing,
        object: "subscription",
        description: "overage use is rated into charges",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::DunningStepExecuted,
        name: "dunning.step.executed",
        domain: EventDomain::Billing,
        object: "account",
        description: "a dunning step runs (reminder, credit hold, suspension, termination; step)",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::DunningResolved,
        name: "dunning.resolved",
        domain: EventDomain::Billing,
        object: "account",
        description: "the overdue balance is settled and dunning ends",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::BillingRunCompleted,
        name: "billing_run.completed",
        domain: EventDomain::Billing,
        object: "billing_run",
        description: "a billing run finishes (counts)",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::AffiliateCommissionEarned,
        name: "affiliate.commission.earned",
        domain: EventDomain::Billing,
        object: "account",
        description: "an affiliate earns a commission on a referred sale",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::DomainRegistered,
        name: "domain.registered",
        domain: EventDomain::Billing,
        object: "domain",
        description: "a registrar confirms a registration",
        legacy_name: Some("(DomainOperation registration completed)"),
    },
    EventTypeDef {
        event_type: EventType::DomainRegistrationFailed,
        name: "domain.registration.failed",
        domain: EventDomain::Billing,
        object: "domain",
        description: "a registrar refuses or fails a registration",
        legacy_name: Some("Operations domain registration failed"),
    },
    EventTypeDef {
        event_type: EventType::DomainRenewed,
        name: "domain.renewed",
        domain: EventDomain::Billing,
        object: "domain",
        description: "a registrar confirms a renewal",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::DomainTransferred,
        name: "domain.transferred",
        domain: EventDomain::Billing,
        object: "domain",
        description: "an incoming transfer completes",
        legacy_name: Some("(DomainOperation transfer completed)"),
    },
    EventTypeDef {
        event_type: EventType::ProvisioningStarted,
        name: "provisioning.started",
        domain: EventDomain::Provisioning,
        object: "provisioning_plan",
        description: "a provisioning plan starts for an order",
        legacy_name: Some("(status Provisioning)"),
    },
    EventTypeDef {
        event_type: EventType::ProvisioningCompleted,
        name: "provisioning.completed",
        domain: EventDomain::Provisioning,
        object: "provisioning_plan",
        description: "every step of the plan succeeded",
        legacy_name: Some("Creation Completed"),
    },
    EventTypeDef {
        event_type: EventType::ProvisioningFailed,
        name: "provisioning.failed",
        domain: EventDomain::Provisioning,
        object: "provisioning_plan",
        description: "a step failed for good",
        legacy_name: Some("(status Provisioning Failed)"),
    },
    EventTypeDef {
        event_type: EventType::ProvisioningRolledBack,
        name: "provisioning.rolled_back",
        domain: EventDomain::Provisioning,
        object: "provisioning_plan",
        description: "the steps already done were undone after a failure",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ProvisioningStepSucceeded,
        name: "provisioning_step.succeeded",
        domain: EventDomain::Provisioning,
        object: "provisioning_step",
        description: "one step (one service or resource) is delivered",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ProvisioningStepFailed,
        name: "provisioning_step.failed",
        domain: EventDomain::Provisioning,
        object: "provisioning_step",
        description: "one step fails (error, attempt)",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ProvisioningStepCompensated,
        name: "provisioning_step.compensated",
        domain: EventDomain::Provisioning,
        object: "provisioning_step",
        description: "a done step is undone during rollback",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ServiceCreated,
        name: "service.created",
        domain: EventDomain::Provisioning,
        object: "service",
        description: "a service instance exists on its gateway",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ServiceSuspended,
        name: "service.suspended",
        domain: EventDomain::Provisioning,
        object: "service",
        description: "the service is disabled on its gateway",
        legacy_name: Some("Stop Service (operations side)"),
    },
    EventTypeDef {
        event_type: EventType::ServiceResumed,
        name: "service.resumed",
        domain: EventDomain::Provisioning,
        object: "service",
        description: "the service is enabled again",
        legacy_name: Some("Start Service (operations side)"),
    },
    EventTypeDef {
        event_type: EventType::ServiceLimitsChanged,
        name: "service.limits.changed",
        domain: EventDomain::Provisioning,
        object: "service",
        description: "the gateway applied new resource limits (previous)",
        legacy_name: Some("(APS limits changed)"),
    },
    EventTypeDef {
        event_type: EventType::ServiceMigrated,
        name: "service.migrated",
        domain: EventDomain::Provisioning,
        object: "service",
        description: "the service moved to another server (previous server)",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ServiceRemoved,
        name: "service.removed",
        domain: EventDomain::Provisioning,
        object: "service",
        description: "the service is deleted from its gateway",
        legacy_name: Some("Deletion Completed"),
    },
    EventTypeDef {
        event_type: EventType::ServiceUserCreated,
        name: "service_user.created",
        domain: EventDomain::Provisioning,
        object: "service_user",
        description: "an end user of a service (e.g. a mailbox) is created",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ServiceUserUpdated,
        name: "service_user.updated",
        domain: EventDomain::Provisioning,
        object: "service_user",
        description: "its settings or quota change",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ServiceUserDisabled,
        name: "service_user.disabled",
        domain: EventDomain::Provisioning,
        object: "service_user",
        description: "it is disabled",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ServiceUserRemoved,
        name: "service_user.removed",
        domain: EventDomain::Provisioning,
        object: "service_user",
        description: "it is removed",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ResourceUsageCollected,
        name: "resource_usage.collected",
        domain: EventDomain::Provisioning,
        object: "service",
        description: "usage figures are read from a gateway",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ResourceLimitReached,
        name: "resource_limit.reached",
        domain: EventDomain::Provisioning,
        object: "service",
        description: "usage reaches 100% of a hard limit",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ResourceTypeCreated,
        name: "resource_type.created",
        domain: EventDomain::Provisioning,
        object: "resource_type",
        description: "a resource type is defined",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ServiceTemplateCreated,
        name: "service_template.created",
        domain: EventDomain::Provisioning,
        object: "service_template",
        description: "a service template is created",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ServiceTemplateUpdated,
        name: "service_template.updated",
        domain: EventDomain::Provisioning,
        object: "service_template",
        description: "its resources or limits change",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ServiceTemplateArchived,
        name: "service_template.archived",
        domain: EventDomain::Provisioning,
        object: "service_template",
        description: "it is withdrawn",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ServerRegistered,
        name: "server.registered",
        domain: EventDomain::Provisioning,
        object: "server",
        description: "a server (hardware node) is added",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ServerReady,
        name: "server.ready",
        domain: EventDomain::Provisioning,
        object: "server",
        description: "the server is marked ready to take new services",
        legacy_name: Some("(host ready to provide)"),
    },
    EventTypeDef {
        event_type: EventType::ServerCapacityLow,
        name: "server.capacity.low",
        domain: EventDomain::Provisioning,
        object: "server",
        description: "free capacity of a resource drops below its threshold",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ServerUnreachable,
        name: "server.unreachable",
        domain: EventDomain::Provisioning,
        object: "server",
        description: "health checks of a server fail",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ServerDecommissioned,
        name: "server.decommissioned",
        domain: EventDomain::Provisioning,
        object: "server",
        description: "the server is taken out of service",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::IpPoolCreated,
        name: "ip_pool.created",
        domain: EventDomain::Provisioning,
        object: "ip_pool",
        description: "an IP pool is created",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::IpAddressAllocated,
        name: "ip_address.allocated",
        domain: EventDomain::Provisioning,
        object: "ip_address",
        description: "an address is assigned to a service",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::IpAddressReleased,
        name: "ip_address.released",
        domain: EventDomain::Provisioning,
        object: "ip_address",
        description: "an address returns to its pool",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::IpPoolExhausted,
        name: "ip_pool.exhausted",
        domain: EventDomain::Provisioning,
        object: "ip_pool",
        description: "a pool has no free address left",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::DnsZoneCreated,
        name: "dns_zone.created",
        domain: EventDomain::Provisioning,
        object: "dns_zone",
        description: "a DNS zone is created",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::DnsZoneRemoved,
        name: "dns_zone.removed",
        domain: EventDomain::Provisioning,
        object: "dns_zone",
        description: "a DNS zone is removed",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::DnsRecordChanged,
        name: "dns_record.changed",
        domain: EventDomain::Provisioning,
        object: "dns_zone",
        description: "records of a zone are created, changed or deleted (changes)",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::HostedDomainAdded,
        name: "hosted_domain.added",
        domain: EventDomain::Provisioning,
        object: "hosted_domain",
        description: "a domain is attached to a customer's services",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::HostedDomainRemoved,
        name: "hosted_domain.removed",
        domain: EventDomain::Provisioning,
        object: "hosted_domain",
        description: "a domain is detached",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::GatewayUnreachable,
        name: "gateway.unreachable",
        domain: EventDomain::Provisioning,
        object: "gateway",
        description: "a provisioning gateway stops answering",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::GatewayRecovered,
        name: "gateway.recovered",
        domain: EventDomain::Provisioning,
        object: "gateway",
        description: "it answers again",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ApplicationRegistered,
        name: "application.registered",
        domain: EventDomain::Provisioning,
        object: "application",
        description: "an external application (connector) is registered",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::ApplicationRemoved,
        name: "application.removed",
        domain: EventDomain::Provisioning,
        object: "application",
        description: "it is removed",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::TaskFailed,
        name: "task.failed",
        domain: EventDomain::Provisioning,
        object: "task",
        description: "a task attempt fails (error, attempt)",
        legacy_name: Some("(task Failed)"),
    },
    EventTypeDef {
        event_type: EventType::TaskRescheduled,
        name: "task.rescheduled",
        domain: EventDomain::Provisioning,
        object: "task",
        description: "a failed task is scheduled again",
        legacy_name: Some("(task Rescheduled)"),
    },
    EventTypeDef {
        event_type: EventType::TaskDead,
        name: "task.dead",
        domain: EventDomain::Provisioning,
        object: "task",
        description: "a task gave up after its last attempt",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::TaskCancelled,
        name: "task.cancelled",
        domain: EventDomain::Provisioning,
        object: "task",
        description: "a task is cancelled",
        legacy_name: Some("(task Canceled)"),
    },
    EventTypeDef {
        event_type: EventType::WebhookEndpointDisabled,
        name: "webhook_endpoint.disabled",
        domain: EventDomain::Provisioning,
        object: "webhook_endpoint",
        description: "an endpoint is disabled after failing for days, or by a 410",
        legacy_name: None,
    },
    EventTypeDef {
        event_type: EventType::WebhookEndpointRecovered,
        name: "webhook_endpoint.recovered",
        domain: EventDomain::Provisioning,
        object: "webhook_endpoint",
        description: "a disabled endpoint is enabled again and delivers",
        legacy_name: None,
    },
];

impl EventType {
    /// The catalog entry of this type.
    pub fn def(self) -> &'static EventTypeDef {
        // The catalog lists the variants in declaration order, so the discriminant indexes it.
        &CATALOG[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.def().name
    }

    pub fn from_name(name: &str) -> Option<EventType> {
        CATALOG.iter().find(|d| d.name == name).map(|d| d.event_type)
    }
}

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
        }
    }
}
