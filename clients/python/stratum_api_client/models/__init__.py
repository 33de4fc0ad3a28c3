"""Contains all the data models used in inputs/outputs"""

from .account_action_in import AccountActionIn
from .account_event import AccountEvent
from .account_event_previous_type_0 import AccountEventPreviousType0
from .account_event_type import AccountEventType
from .account_hold_in import AccountHoldIn
from .account_in import AccountIn
from .account_in_metadata import AccountInMetadata
from .account_kind import AccountKind
from .account_out import AccountOut
from .account_out_metadata import AccountOutMetadata
from .account_page import AccountPage
from .account_patch import AccountPatch
from .account_patch_metadata import AccountPatchMetadata
from .account_status import AccountStatus
from .address import Address
from .api_key_created_out import ApiKeyCreatedOut
from .api_key_event import ApiKeyEvent
from .api_key_event_previous_type_0 import ApiKeyEventPreviousType0
from .api_key_event_type import ApiKeyEventType
from .api_key_in import ApiKeyIn
from .api_key_out import ApiKeyOut
from .api_key_page import ApiKeyPage
from .application_event import ApplicationEvent
from .application_event_data import ApplicationEventData
from .application_event_previous_type_0 import ApplicationEventPreviousType0
from .application_event_type import ApplicationEventType
from .billing_run_event import BillingRunEvent
from .billing_run_event_data import BillingRunEventData
from .billing_run_event_previous_type_0 import BillingRunEventPreviousType0
from .billing_run_event_type import BillingRunEventType
from .brand_in import BrandIn
from .brand_out import BrandOut
from .brand_page import BrandPage
from .brand_patch import BrandPatch
from .catalog_status import CatalogStatus
from .coupon_event import CouponEvent
from .coupon_event_previous_type_0 import CouponEventPreviousType0
from .coupon_event_type import CouponEventType
from .coupon_in import CouponIn
from .coupon_out import CouponOut
from .coupon_page import CouponPage
from .coupon_patch import CouponPatch
from .credit_note_event import CreditNoteEvent
from .credit_note_event_data import CreditNoteEventData
from .credit_note_event_previous_type_0 import CreditNoteEventPreviousType0
from .credit_note_event_type import CreditNoteEventType
from .delivery_attempt_out import DeliveryAttemptOut
from .delivery_attempt_page import DeliveryAttemptPage
from .delivery_out import DeliveryOut
from .delivery_page import DeliveryPage
from .delivery_status import DeliveryStatus
from .discount_applies_to import DiscountAppliesTo
from .dns_zone_event import DnsZoneEvent
from .dns_zone_event_data import DnsZoneEventData
from .dns_zone_event_previous_type_0 import DnsZoneEventPreviousType0
from .dns_zone_event_type import DnsZoneEventType
from .domain_event import DomainEvent
from .domain_event_data import DomainEventData
from .domain_event_previous_type_0 import DomainEventPreviousType0
from .domain_event_type import DomainEventType
from .empty_in import EmptyIn
from .error_code import ErrorCode
from .event_out import EventOut
from .event_out_data import EventOutData
from .event_out_previous_type_0 import EventOutPreviousType0
from .event_page import EventPage
from .event_type_name import EventTypeName
from .event_type_out import EventTypeOut
from .event_type_page import EventTypePage
from .field_error import FieldError
from .fraud_reason import FraudReason
from .fraud_rule_in import FraudRuleIn
from .fraud_rule_kind import FraudRuleKind
from .fraud_rule_out import FraudRuleOut
from .fraud_rule_page import FraudRulePage
from .fraud_rule_patch import FraudRulePatch
from .gateway_event import GatewayEvent
from .gateway_event_data import GatewayEventData
from .gateway_event_previous_type_0 import GatewayEventPreviousType0
from .gateway_event_type import GatewayEventType
from .grant_type import GrantType
from .hold_type import HoldType
from .hosted_domain_event import HostedDomainEvent
from .hosted_domain_event_data import HostedDomainEventData
from .hosted_domain_event_previous_type_0 import HostedDomainEventPreviousType0
from .hosted_domain_event_type import HostedDomainEventType
from .invoice_event import InvoiceEvent
from .invoice_event_data import InvoiceEventData
from .invoice_event_previous_type_0 import InvoiceEventPreviousType0
from .invoice_event_type import InvoiceEventType
from .ip_address_event import IpAddressEvent
from .ip_address_event_data import IpAddressEventData
from .ip_address_event_previous_type_0 import IpAddressEventPreviousType0
from .ip_address_event_type import IpAddressEventType
from .ip_pool_event import IpPoolEvent
from .ip_pool_event_data import IpPoolEventData
from .ip_pool_event_previous_type_0 import IpPoolEventPreviousType0
from .ip_pool_event_type import IpPoolEventType
from .notification_out import NotificationOut
from .notification_page import NotificationPage
from .notification_preview_in import NotificationPreviewIn
from .notification_preview_out import NotificationPreviewOut
from .notification_schedule import NotificationSchedule
from .notification_status import NotificationStatus
from .notification_template_in import NotificationTemplateIn
from .notification_template_out import NotificationTemplateOut
from .notification_template_page import NotificationTemplatePage
from .notification_template_patch import NotificationTemplatePatch
from .object_ref import ObjectRef
from .order_approve_in import OrderApproveIn
from .order_cancel_in import OrderCancelIn
from .order_event import OrderEvent
from .order_event_previous_type_0 import OrderEventPreviousType0
from .order_event_type import OrderEventType
from .order_in import OrderIn
from .order_line_in import OrderLineIn
from .order_line_in_parameters import OrderLineInParameters
from .order_line_out import OrderLineOut
from .order_line_out_parameters import OrderLineOutParameters
from .order_out import OrderOut
from .order_page import OrderPage
from .order_parameter import OrderParameter
from .order_reject_in import OrderRejectIn
from .order_status import OrderStatus
from .order_step_out import OrderStepOut
from .order_type import OrderType
from .parameter_kind import ParameterKind
from .payment_event import PaymentEvent
from .payment_event_data import PaymentEventData
from .payment_event_previous_type_0 import PaymentEventPreviousType0
from .payment_event_type import PaymentEventType
from .payment_method_event import PaymentMethodEvent
from .payment_method_event_data import PaymentMethodEventData
from .payment_method_event_previous_type_0 import PaymentMethodEventPreviousType0
from .payment_method_event_type import PaymentMethodEventType
from .permission_name import PermissionName
from .permission_out import PermissionOut
from .permission_page import PermissionPage
from .plan_event import PlanEvent
from .plan_event_previous_type_0 import PlanEventPreviousType0
from .plan_event_type import PlanEventType
from .plan_grant_in import PlanGrantIn
from .plan_grant_out import PlanGrantOut
from .plan_grant_page import PlanGrantPage
from .plan_in import PlanIn
from .plan_out import PlanOut
from .plan_page import PlanPage
from .plan_patch import PlanPatch
from .plan_period import PlanPeriod
from .plan_rate import PlanRate
from .price_tier import PriceTier
from .pricing_model import PricingModel
from .problem import Problem
from .provisioning_plan_event import ProvisioningPlanEvent
from .provisioning_plan_event_data import ProvisioningPlanEventData
from .provisioning_plan_event_previous_type_0 import ProvisioningPlanEventPreviousType0
from .provisioning_plan_event_type import ProvisioningPlanEventType
from .provisioning_step_event import ProvisioningStepEvent
from .provisioning_step_event_data import ProvisioningStepEventData
from .provisioning_step_event_previous_type_0 import ProvisioningStepEventPreviousType0
from .provisioning_step_event_type import ProvisioningStepEventType
from .publication_event import PublicationEvent
from .publication_event_previous_type_0 import PublicationEventPreviousType0
from .publication_event_type import PublicationEventType
from .publication_in import PublicationIn
from .publication_out import PublicationOut
from .publication_page import PublicationPage
from .quote_in import QuoteIn
from .quote_line_kind import QuoteLineKind
from .quote_line_out import QuoteLineOut
from .quote_out import QuoteOut
from .quote_period_kind import QuotePeriodKind
from .quote_resource import QuoteResource
from .refund_event import RefundEvent
from .refund_event_data import RefundEventData
from .refund_event_previous_type_0 import RefundEventPreviousType0
from .refund_event_type import RefundEventType
from .reseller_tier import ResellerTier
from .resource_type_event import ResourceTypeEvent
from .resource_type_event_previous_type_0 import ResourceTypeEventPreviousType0
from .resource_type_event_type import ResourceTypeEventType
from .resource_type_in import ResourceTypeIn
from .resource_type_out import ResourceTypeOut
from .resource_type_page import ResourceTypePage
from .resource_type_patch import ResourceTypePatch
from .role_in import RoleIn
from .role_out import RoleOut
from .role_page import RolePage
from .role_patch import RolePatch
from .script_action_created_out import ScriptActionCreatedOut
from .script_action_in import ScriptActionIn
from .script_action_out import ScriptActionOut
from .script_action_page import ScriptActionPage
from .script_action_patch import ScriptActionPatch
from .server_event import ServerEvent
from .server_event_data import ServerEventData
from .server_event_previous_type_0 import ServerEventPreviousType0
from .server_event_type import ServerEventType
from .service_event import ServiceEvent
from .service_event_data import ServiceEventData
from .service_event_previous_type_0 import ServiceEventPreviousType0
from .service_event_type import ServiceEventType
from .service_template_event import ServiceTemplateEvent
from .service_template_event_previous_type_0 import ServiceTemplateEventPreviousType0
from .service_template_event_type import ServiceTemplateEventType
from .service_template_in import ServiceTemplateIn
from .service_template_out import ServiceTemplateOut
from .service_template_page import ServiceTemplatePage
from .service_template_patch import ServiceTemplatePatch
from .service_user_event import ServiceUserEvent
from .service_user_event_data import ServiceUserEventData
from .service_user_event_previous_type_0 import ServiceUserEventPreviousType0
from .service_user_event_type import ServiceUserEventType
from .step_kind import StepKind
from .subscription_event import SubscriptionEvent
from .subscription_event_previous_type_0 import SubscriptionEventPreviousType0
from .subscription_event_type import SubscriptionEventType
from .subscription_out import SubscriptionOut
from .subscription_page import SubscriptionPage
from .subscription_status import SubscriptionStatus
from .task_event import TaskEvent
from .task_event_previous_type_0 import TaskEventPreviousType0
from .task_event_type import TaskEventType
from .task_out import TaskOut
from .task_out_payload import TaskOutPayload
from .task_out_result_type_0 import TaskOutResultType0
from .task_page import TaskPage
from .task_status import TaskStatus
from .template_resource import TemplateResource
from .test_clock_advance_in import TestClockAdvanceIn
from .test_clock_out import TestClockOut
from .token_form import TokenForm
from .token_in import TokenIn
from .token_out import TokenOut
from .unit_price import UnitPrice
from .user_event import UserEvent
from .user_event_previous_type_0 import UserEventPreviousType0
from .user_event_type import UserEventType
from .user_in import UserIn
from .user_out import UserOut
from .user_page import UserPage
from .user_patch import UserPatch
from .user_status import UserStatus
from .webhook_endpoint_created_out import WebhookEndpointCreatedOut
from .webhook_endpoint_event import WebhookEndpointEvent
from .webhook_endpoint_event_previous_type_0 import WebhookEndpointEventPreviousType0
from .webhook_endpoint_event_type import WebhookEndpointEventType
from .webhook_endpoint_in import WebhookEndpointIn
from .webhook_endpoint_out import WebhookEndpointOut
from .webhook_endpoint_page import WebhookEndpointPage
from .webhook_endpoint_patch import WebhookEndpointPatch
from .webhook_secret_out import WebhookSecretOut
from .webhook_secret_rotate_in import WebhookSecretRotateIn
from .webhook_test_in import WebhookTestIn
from .webhook_test_out import WebhookTestOut
from .workflow_action import WorkflowAction
from .workflow_comparison import WorkflowComparison
from .workflow_condition import WorkflowCondition
from .workflow_fact import WorkflowFact
from .workflow_in import WorkflowIn
from .workflow_out import WorkflowOut
from .workflow_page import WorkflowPage
from .workflow_patch import WorkflowPatch
from .workflow_status import WorkflowStatus
from .workflow_step import WorkflowStep
from .workflow_step_on import WorkflowStepOn

__all__ = (
    "AccountActionIn",
    "AccountEvent",
    "AccountEventPreviousType0",
    "AccountEventType",
    "AccountHoldIn",
    "AccountIn",
    "AccountInMetadata",
    "AccountKind",
    "AccountOut",
    "AccountOutMetadata",
    "AccountPage",
    "AccountPatch",
    "AccountPatchMetadata",
    "AccountStatus",
    "Address",
    "ApiKeyCreatedOut",
    "ApiKeyEvent",
    "ApiKeyEventPreviousType0",
    "ApiKeyEventType",
    "ApiKeyIn",
    "ApiKeyOut",
    "ApiKeyPage",
    "ApplicationEvent",
    "ApplicationEventData",
    "ApplicationEventPreviousType0",
    "ApplicationEventType",
    "BillingRunEvent",
    "BillingRunEventData",
    "BillingRunEventPreviousType0",
    "BillingRunEventType",
    "BrandIn",
    "BrandOut",
    "BrandPage",
    "BrandPatch",
    "CatalogStatus",
    "CouponEvent",
    "CouponEventPreviousType0",
    "CouponEventType",
    "CouponIn",
    "CouponOut",
    "CouponPage",
    "CouponPatch",
    "CreditNoteEvent",
    "CreditNoteEventData",
    "CreditNoteEventPreviousType0",
    "CreditNoteEventType",
    "DeliveryAttemptOut",
    "DeliveryAttemptPage",
    "DeliveryOut",
    "DeliveryPage",
    "DeliveryStatus",
    "DiscountAppliesTo",
    "DnsZoneEvent",
    "DnsZoneEventData",
    "DnsZoneEventPreviousType0",
    "DnsZoneEventType",
    "DomainEvent",
    "DomainEventData",
    "DomainEventPreviousType0",
    "DomainEventType",
    "EmptyIn",
    "ErrorCode",
    "EventOut",
    "EventOutData",
    "EventOutPreviousType0",
    "EventPage",
    "EventTypeName",
    "EventTypeOut",
    "EventTypePage",
    "FieldError",
    "FraudReason",
    "FraudRuleIn",
    "FraudRuleKind",
    "FraudRuleOut",
    "FraudRulePage",
    "FraudRulePatch",
    "GatewayEvent",
    "GatewayEventData",
    "GatewayEventPreviousType0",
    "GatewayEventType",
    "GrantType",
    "HoldType",
    "HostedDomainEvent",
    "HostedDomainEventData",
    "HostedDomainEventPreviousType0",
    "HostedDomainEventType",
    "InvoiceEvent",
    "InvoiceEventData",
    "InvoiceEventPreviousType0",
    "InvoiceEventType",
    "IpAddressEvent",
    "IpAddressEventData",
    "IpAddressEventPreviousType0",
    "IpAddressEventType",
    "IpPoolEvent",
    "IpPoolEventData",
    "IpPoolEventPreviousType0",
    "IpPoolEventType",
    "NotificationOut",
    "NotificationPage",
    "NotificationPreviewIn",
    "NotificationPreviewOut",
    "NotificationSchedule",
    "NotificationStatus",
    "NotificationTemplateIn",
    "NotificationTemplateOut",
    "NotificationTemplatePage",
    "NotificationTemplatePatch",
    "ObjectRef",
    "OrderApproveIn",
    "OrderCancelIn",
    "OrderEvent",
    "OrderEventPreviousType0",
    "OrderEventType",
    "OrderIn",
    "OrderLineIn",
    "OrderLineInParameters",
    "OrderLineOut",
    "OrderLineOutParameters",
    "OrderOut",
    "OrderPage",
    "OrderParameter",
    "OrderRejectIn",
    "OrderStatus",
    "OrderStepOut",
    "OrderType",
    "ParameterKind",
    "PaymentEvent",
    "PaymentEventData",
    "PaymentEventPreviousType0",
    "PaymentEventType",
    "PaymentMethodEvent",
    "PaymentMethodEventData",
    "PaymentMethodEventPreviousType0",
    "PaymentMethodEventType",
    "PermissionName",
    "PermissionOut",
    "PermissionPage",
    "PlanEvent",
    "PlanEventPreviousType0",
    "PlanEventType",
    "PlanGrantIn",
    "PlanGrantOut",
    "PlanGrantPage",
    "PlanIn",
    "PlanOut",
    "PlanPage",
    "PlanPatch",
    "PlanPeriod",
    "PlanRate",
    "PriceTier",
    "PricingModel",
    "Problem",
    "ProvisioningPlanEvent",
    "ProvisioningPlanEventData",
    "ProvisioningPlanEventPreviousType0",
    "ProvisioningPlanEventType",
    "ProvisioningStepEvent",
    "ProvisioningStepEventData",
    "ProvisioningStepEventPreviousType0",
    "ProvisioningStepEventType",
    "PublicationEvent",
    "PublicationEventPreviousType0",
    "PublicationEventType",
    "PublicationIn",
    "PublicationOut",
    "PublicationPage",
    "QuoteIn",
    "QuoteLineKind",
    "QuoteLineOut",
    "QuoteOut",
    "QuotePeriodKind",
    "QuoteResource",
    "RefundEvent",
    "RefundEventData",
    "RefundEventPreviousType0",
    "RefundEventType",
    "ResellerTier",
    "ResourceTypeEvent",
    "ResourceTypeEventPreviousType0",
    "ResourceTypeEventType",
    "ResourceTypeIn",
    "ResourceTypeOut",
    "ResourceTypePage",
    "ResourceTypePatch",
    "RoleIn",
    "RoleOut",
    "RolePage",
    "RolePatch",
    "ScriptActionCreatedOut",
    "ScriptActionIn",
    "ScriptActionOut",
    "ScriptActionPage",
    "ScriptActionPatch",
    "ServerEvent",
    "ServerEventData",
    "ServerEventPreviousType0",
    "ServerEventType",
    "ServiceEvent",
    "ServiceEventData",
    "ServiceEventPreviousType0",
    "ServiceEventType",
    "ServiceTemplateEvent",
    "ServiceTemplateEventPreviousType0",
    "ServiceTemplateEventType",
    "ServiceTemplateIn",
    "ServiceTemplateOut",
    "ServiceTemplatePage",
    "ServiceTemplatePatch",
    "ServiceUserEvent",
    "ServiceUserEventData",
    "ServiceUserEventPreviousType0",
    "ServiceUserEventType",
    "StepKind",
    "SubscriptionEvent",
    "SubscriptionEventPreviousType0",
    "SubscriptionEventType",
    "SubscriptionOut",
    "SubscriptionPage",
    "SubscriptionStatus",
    "TaskEvent",
    "TaskEventPreviousType0",
    "TaskEventType",
    "TaskOut",
    "TaskOutPayload",
    "TaskOutResultType0",
    "TaskPage",
    "TaskStatus",
    "TemplateResource",
    "TestClockAdvanceIn",
    "TestClockOut",
    "TokenForm",
    "TokenIn",
    "TokenOut",
    "UnitPrice",
    "UserEvent",
    "UserEventPreviousType0",
    "UserEventType",
    "UserIn",
    "UserOut",
    "UserPage",
    "UserPatch",
    "UserStatus",
    "WebhookEndpointCreatedOut",
    "WebhookEndpointEvent",
    "WebhookEndpointEventPreviousType0",
    "WebhookEndpointEventType",
    "WebhookEndpointIn",
    "WebhookEndpointOut",
    "WebhookEndpointPage",
    "WebhookEndpointPatch",
    "WebhookSecretOut",
    "WebhookSecretRotateIn",
    "WebhookTestIn",
    "WebhookTestOut",
    "WorkflowAction",
    "WorkflowComparison",
    "WorkflowCondition",
    "WorkflowFact",
    "WorkflowIn",
    "WorkflowOut",
    "WorkflowPage",
    "WorkflowPatch",
    "WorkflowStatus",
    "WorkflowStep",
    "WorkflowStepOn",
)
