"""Handle an error by its code: an account without a name is `validation_failed`.

STRATUM_BASE_URL=http://127.0.0.1:8080 STRATUM_API_KEY=stk_... python validation_error.py
"""

import os
import sys

from stratum_api_client.api.accounts import account_create, account_get
from stratum_api_client.models import AccountIn, AccountKind
from stratum_client import ProblemError, StratumClient

with StratumClient(os.environ["STRATUM_BASE_URL"], os.environ["STRATUM_API_KEY"]) as stratum:
    try:
        stratum.call(account_create.sync_detailed, body=AccountIn(kind=AccountKind.CUSTOMER, name=""))
    except ProblemError as e:
        if e.code != "validation_failed":
            raise
        assert e.status == 422, e.status
        assert "name" in e.field_errors(), e.errors
        assert e.request_id, "every problem names its request"
        for field_error in e.errors:
            print(f"{e.code}: {field_error.field} is {field_error.code} ({field_error.message})")
    else:
        sys.exit("an account with an empty name was created")

    try:
        stratum.call(account_get.sync_detailed, id="acc_does_not_exist")
    except ProblemError as e:
        assert (e.code, e.status) == ("not_found", 404), e
        print(f"{e.code}: {e.detail}")
    else:
        sys.exit("a missing account was found")
