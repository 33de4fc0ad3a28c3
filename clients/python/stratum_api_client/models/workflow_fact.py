from enum import StrEnum


class WorkflowFact(StrEnum):
    CUSTOMER_AGE_DAYS = "customer_age_days"
    FRAUD_SCORE = "fraud_score"
    TOTAL = "total"

    def __str__(self) -> str:
        return str(self.value)
