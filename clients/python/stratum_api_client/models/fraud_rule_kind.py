from enum import StrEnum


class FraudRuleKind(StrEnum):
    CUSTOMER_AGE = "customer_age"
    EMAIL_DOMAIN = "email_domain"
    EXTERNAL_SCREENING = "external_screening"
    IP_COUNTRY_MISMATCH = "ip_country_mismatch"
    ORDER_VELOCITY = "order_velocity"
    TOTAL_ABOVE = "total_above"

    def __str__(self) -> str:
        return str(self.value)
