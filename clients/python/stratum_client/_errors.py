"""The error a call raises when the server answers with an RFC 9457 problem document."""

from __future__ import annotations

import json
from typing import Any

import httpx

from stratum_api_client.models.field_error import FieldError
from stratum_api_client.models.problem import Problem


class ProblemError(Exception):
    """An error answer of the Stratum API (`application/problem+json`).

    `code` is the stable machine code (`validation_failed`, `not_found`, … — see
    docs/errors.md); branch on it, never on `detail`. `errors` lists the invalid fields of
    a `validation_failed` answer. An answer that is not a problem document (a proxy's
    HTML page, say) gets the code `unexpected_response`.
    """

    code: str
    status: int
    title: str
    detail: str
    type: str
    request_id: str | None
    errors: list[FieldError]
    problem: Problem | None
    response: httpx.Response | None

    def __init__(
        self,
        code: str,
        status: int,
        detail: str,
        *,
        title: str = "",
        type: str = "about:blank",
        request_id: str | None = None,
        errors: list[FieldError] | None = None,
        problem: Problem | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {detail}")
        self.code = code
        self.status = status
        self.title = title
        self.detail = detail
        self.type = type
        self.request_id = request_id
        self.errors = errors or []
        self.problem = problem
        self.response = response

    def field_errors(self) -> dict[str, str]:
        """The invalid fields as `{field: code}` (`{"name": "required"}`)."""
        return {e.field: e.code for e in self.errors}

    @classmethod
    def from_response(cls, response: httpx.Response) -> ProblemError:
        """Reads a problem document from an error answer (its body must have been read)."""
        body: Any = None
        try:
            body = json.loads(response.content)
        except ValueError:
            pass
        if not isinstance(body, dict) or not isinstance(body.get("code"), str):
            text = response.content[:500].decode("utf-8", "replace")
            return cls(
                "unexpected_response",
                response.status_code,
                text or response.reason_phrase,
                title=response.reason_phrase,
                request_id=response.headers.get("x-request-id"),
                response=response,
            )
        errors: list[FieldError] = []
        for item in body.get("errors") or []:
            try:
                errors.append(FieldError.from_dict(item))
            except (KeyError, TypeError, ValueError):
                continue
        problem: Problem | None
        try:
            # The typed document; a code newer than this client is not in its ErrorCode enum.
            problem = Problem.from_dict(body)
        except (KeyError, TypeError, ValueError):
            problem = None
        status = body.get("status")
        return cls(
            body["code"],
            status if isinstance(status, int) else response.status_code,
            str(body.get("detail", "")),
            title=str(body.get("title", "")),
            type=str(body.get("type", "about:blank")),
            request_id=body.get("request_id") or response.headers.get("x-request-id"),
            errors=errors,
            problem=problem,
            response=response,
        )
