"""Stratum API client for Python.

`stratum_client` is the hand-written layer (tokens, typed errors, pagination,
idempotent retries); `stratum_api_client` is generated from openapi/openapi.json by
openapi-python-client and holds one module per operation and one model per schema.
"""

from ._client import TOKEN_PATH, VERSION, RetryPolicy, StratumClient
from ._errors import ProblemError

__version__ = VERSION

__all__ = ["ProblemError", "RetryPolicy", "StratumClient", "TOKEN_PATH", "__version__"]
