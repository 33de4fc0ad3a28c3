from enum import StrEnum


class ParameterKind(StrEnum):
    DOMAIN_NAME = "domain_name"
    ENUM = "enum"
    INTEGER = "integer"
    STRING = "string"

    def __str__(self) -> str:
        return str(self.value)
