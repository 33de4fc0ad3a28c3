from enum import StrEnum


class CreditNoteEventType(StrEnum):
    CREDIT_NOTE_ISSUED = "credit_note.issued"

    def __str__(self) -> str:
        return str(self.value)
