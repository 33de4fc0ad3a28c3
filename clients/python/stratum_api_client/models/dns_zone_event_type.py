from enum import StrEnum


class DnsZoneEventType(StrEnum):
    DNS_RECORD_CHANGED = "dns_record.changed"
    DNS_ZONE_CREATED = "dns_zone.created"
    DNS_ZONE_REMOVED = "dns_zone.removed"

    def __str__(self) -> str:
        return str(self.value)
