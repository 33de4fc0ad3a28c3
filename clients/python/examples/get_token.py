"""Exchange the API key for an access token, use it, and see a wrong key refused.

STRATUM_BASE_URL=http://127.0.0.1:8080 STRATUM_API_KEY=stk_... python get_token.py
"""

import os
import sys

from stratum_api_client.api.roles import permission_list
from stratum_client import ProblemError, StratumClient

base_url = os.environ["STRATUM_BASE_URL"]
api_key = os.environ["STRATUM_API_KEY"]

with StratumClient(base_url, api_key) as stratum:
    # Calls fetch and refresh the token by themselves; fetch_token() is only for a look at it.
    token = stratum.fetch_token()
    assert token.token_type == "Bearer", token.token_type
    assert token.expires_in > 0, token.expires_in
    assert token.access_token.count(".") == 2, "a JWT has three parts"
    assert stratum.access_token() == token.access_token, "the fresh token is kept for the next calls"

    permissions = stratum.call(permission_list.sync_detailed)
    assert any(p.name == "accounts.write" for p in permissions.data), permissions
    print(f"token ok: {token.token_type}, {token.expires_in} s, {len(permissions.data)} permissions visible")

with StratumClient(base_url, "stk_" + "x" * 40) as wrong:
    try:
        wrong.call(permission_list.sync_detailed)
    except ProblemError as e:
        assert e.code == "invalid_api_key" and e.status == 401, e
        print(f"a wrong key is refused: {e.status} {e.code}")
    else:
        sys.exit("a wrong API key was accepted")
