"""Contains all the data models used in inputs/outputs"""

from .account_action_in import AccountActionIn
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
from .api_key_in import ApiKeyIn
from .api_key_out import ApiKeyOut
from .api_key_page import ApiKeyPage
from .brand_in import BrandIn
from .brand_out import BrandOut
from .brand_page import BrandPage
from .brand_patch import BrandPatch
from .catalog_status import CatalogStatus
from .coupon_in import CouponIn
from .coupon_out import CouponOut
from .coupon_page import CouponPage
from .coupon_patch import CouponPatch
from .delivery_attempt_out import DeliveryAttemptOut
from .delivery_attempt_page import DeliveryAttemptPage
from .delivery_out import DeliveryOut
from .delivery_page import DeliveryPage
from .delivery_status import DeliveryStatus
from .discount_applies_to import DiscountAppliesTo
from .empty_in import EmptyIn
from .error_code import ErrorCode
from .event_out import EventOut
from .event_out_data import EventOutData
from .event_out_previous_type_0 import EventOutPreviousType0
from .event_page import EventPage
from .event_type_out import EventTypeOut
from .event_type_page import EventTypePage
from .field_error import FieldError
from .grant_type import GrantType
from .hold_type import HoldType
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
from .order_parameter import OrderParameter
from .parameter_kind import ParameterKind
from .permission_out import PermissionOut
from .permission_page import PermissionPage
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
from .publication_in import PublicationIn
from .publication_out import PublicationOut
from .publication_page import PublicationPage
from .quote_in import QuoteIn
from .quote_line_kind import QuoteLineKind
from .quote_line_out import QuoteLineOut
from .quote_out import QuoteOut
from .quote_period_kind import QuotePeriodKind
from .quote_resource import QuoteResource
from .reseller_tier import ResellerTier
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
from .service_template_in import ServiceTemplateIn
from .service_template_out import ServiceTemplateOut
from .service_template_page import ServiceTemplatePage
from .service_template_patch import ServiceTemplatePatch
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
from .user_in import UserIn
from .user_out import UserOut
from .user_page import UserPage
from .user_patch import UserPatch
from .user_status import UserStatus
from .webhook_endpoint_created_out import WebhookEndpointCreatedOut
from .webhook_endpoint_in import WebhookEndpointIn
from .webhook_endpoint_out import WebhookEndpointOut
from .webhook_endpoint_page import WebhookEndpointPage
from .webhook_endpoint_patch import WebhookEndpointPatch
from .webhook_secret_out import WebhookSecretOut
from .webhook_secret_rotate_in import WebhookSecretRotateIn
from .webhook_test_in import WebhookTestIn
from .webhook_test_out import WebhookTestOut

__all__ = (
    "AccountActionIn",
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
    "ApiKeyIn",
    "ApiKeyOut",
    "ApiKeyPage",
    "BrandIn",
    "BrandOut",
    "BrandPage",
    "BrandPatch",
    "CatalogStatus",
    "CouponIn",
    "CouponOut",
    "CouponPage",
    "CouponPatch",
    "DeliveryAttemptOut",
    "DeliveryAttemptPage",
    "DeliveryOut",
    "DeliveryPage",
    "DeliveryStatus",
    "DiscountAppliesTo",
    "EmptyIn",
    "ErrorCode",
    "EventOut",
    "EventOutData",
    "EventOutPreviousType0",
    "EventPage",
    "EventTypeOut",
    "EventTypePage",
    "FieldError",
    "GrantType",
    "HoldType",
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
    "OrderParameter",
    "ParameterKind",
    "PermissionOut",
    "PermissionPage",
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
    "PublicationIn",
    "PublicationOut",
    "PublicationPage",
    "QuoteIn",
    "QuoteLineKind",
    "QuoteLineOut",
    "QuoteOut",
    "QuotePeriodKind",
    "QuoteResource",
    "ResellerTier",
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
    "ServiceTemplateIn",
    "ServiceTemplateOut",
    "ServiceTemplatePage",
    "ServiceTemplatePatch",
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
    "UserIn",
    "UserOut",
    "UserPage",
    "UserPatch",
    "UserStatus",
    "WebhookEndpointCreatedOut",
    "WebhookEndpointIn",
    "WebhookEndpointOut",
    "WebhookEndpointPage",
    "WebhookEndpointPatch",
    "WebhookSecretOut",
    "WebhookSecretRotateIn",
    "WebhookTestIn",
    "WebhookTestOut",
)
