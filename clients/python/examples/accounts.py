"""Create a reseller and a customer under it, then page through every account.

STRATUM_BASE_URL=http://127.0.0.1:8080 STRATUM_API_KEY=stk_... python accounts.py
"""

import os
import uuid

from stratum_api_client.api.accounts import account_create, account_list
from stratum_api_client.models import AccountIn, AccountKind, AccountStatus, ResellerTier
from stratum_client import StratumClient

suffix = uuid.uuid4().hex[:8]

with StratumClient(os.environ["STRATUM_BASE_URL"], os.environ["STRATUM_API_KEY"]) as stratum:
    # Every POST carries a fresh Idempotency-Key, so the client may retry it safely.
    reseller = stratum.call(
        account_create.sync_detailed,
        body=AccountIn(
            kind=AccountKind.RESELLER, name=f"Northwind Hosting {suffix}", reseller_tier=ResellerTier.ADVANCED
        ),
    )
    assert reseller.id.startswith("acc_") and reseller.kind == AccountKind.RESELLER, reseller
    assert reseller.status == AccountStatus.ACTIVE and reseller.version == 1, reseller

    customer = stratum.call(
        account_create.sync_detailed,
        body=AccountIn(
            kind=AccountKind.CUSTOMER, name=f"Contoso {suffix}", parent_id=reseller.id, email="it@contoso.example"
        ),
    )
    assert customer.parent_id == reseller.id, customer

    # paginate() follows next_cursor until the last page; limit=2 makes it take many pages.
    seen: list[str] = []
    for account in stratum.paginate(account_list.sync_detailed, limit=2):
        seen.append(account.id)
    assert len(seen) == len(set(seen)), "an account came twice"
    assert reseller.id in seen and customer.id in seen, "a new account is missing"
    assert seen.index(reseller.id) < seen.index(customer.id), "lists are in creation order"

    # Filters pass through: the reseller's direct children.
    children = [a.id for a in stratum.paginate(account_list.sync_detailed, parent_id=reseller.id)]
    assert children == [customer.id], children

    print(f"created {reseller.id} and {customer.id}; paged through {len(seen)} accounts, no repeats")
