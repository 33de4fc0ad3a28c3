from enum import StrEnum


class ErrorCode(StrEnum):
    CONFLICT = "conflict"
    DATABASE_BUSY = "database_busy"
    IDEMPOTENCY_KEY_REUSED = "idempotency_key_reused"
    INTERNAL_ERROR = "internal_error"
    INVALID_API_KEY = "invalid_api_key"
    INVALID_BODY = "invalid_body"
    INVALID_HEADER = "invalid_header"
    INVALID_QUERY = "invalid_query"
    INVALID_STATE_TRANSITION = "invalid_state_transition"
    INVALID_TOKEN = "invalid_token"
    METHOD_NOT_ALLOWED = "method_not_allowed"
    NOT_FOUND = "not_found"
    PARENT_CANNOT_HAVE_CHILDREN = "parent_cannot_have_children"
    PAYLOAD_TOO_LARGE = "payload_too_large"
    PERMISSION_DENIED = "permission_denied"
    PERMISSION_ESCALATION = "permission_escalation"
    ROUTE_NOT_FOUND = "route_not_found"
    SERVICE_UNAVAILABLE = "service_unavailable"
    TEST_CLOCK_DISABLED = "test_clock_disabled"
    UNAUTHENTICATED = "unauthenticated"
    VALIDATION_FAILED = "validation_failed"
    VERSION_MISMATCH = "version_mismatch"

    def __str__(self) -> str:
        return str(self.value)
