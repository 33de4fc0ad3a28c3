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
from .delivery_attempt_out import DeliveryAttemptOut
from .delivery_attempt_page import DeliveryAttemptPage
from .delivery_out import DeliveryOut
from .delivery_page import DeliveryPage
from .delivery_status import DeliveryStatus
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
from .permission_out import PermissionOut
from .permission_page import PermissionPage
from .problem import Problem
from .reseller_tier import ResellerTier
from .role_in import RoleIn
from .role_out import RoleOut
from .role_page import RolePage
from .role_patch import RolePatch
from .script_action_created_out import ScriptActionCreatedOut
from .script_action_in import ScriptActionIn
from .script_action_out import ScriptActionOut
from .script_action_page import ScriptActionPage
from .script_action_patch import ScriptActionPatch
from .task_out import TaskOut
from .task_out_payload import TaskOutPayload
from .task_out_result_type_0 import TaskOutResultType0
from .task_page import TaskPage
from .task_status import TaskStatus
from .test_clock_advance_in import TestClockAdvanceIn
from .test_clock_out import TestClockOut
from .token_form import TokenForm
from .token_in import TokenIn
from .token_out import TokenOut
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
    "DeliveryAttemptOut",
    "DeliveryAttemptPage",
    "DeliveryOut",
    "DeliveryPage",
    "DeliveryStatus",
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
    "PermissionOut",
    "PermissionPage",
    "Problem",
    "ResellerTier",
    "RoleIn",
    "RoleOut",
    "RolePage",
    "RolePatch",
    "ScriptActionCreatedOut",
    "ScriptActionIn",
    "ScriptActionOut",
    "ScriptActionPage",
    "ScriptActionPatch",
    "TaskOut",
    "TaskOutPayload",
    "TaskOutResultType0",
    "TaskPage",
    "TaskStatus",
    "TestClockAdvanceIn",
    "TestClockOut",
    "TokenForm",
    "TokenIn",
    "TokenOut",
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
