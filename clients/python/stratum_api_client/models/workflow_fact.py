from enum import StrEnum


class WorkflowFact(StrEnum):
    CURRENCY = "currency"
    CUSTOMER_AGE_DAYS = "customer_age_days"
    CUSTOMER_COUNTRY = "customer_country"
    FRAUD_SCORE = "fraud_score"
    ORDER_TYPE = "order_type"
    SELLER = "seller"
    TOTAL = "total"

    def __str__(self) -> str:
        return str(self.value)
