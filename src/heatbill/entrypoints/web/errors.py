"""Errors to HTTP in one table: each HeatbillError's stable code and its status.

The API answers `{"error": {"code": …, "message": …}}`; pages show the message in Danish on
an error page, and a page that needs a sign-in sends the browser to the login instead.
"""

from __future__ import annotations

from urllib.parse import quote

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from heatbill.adapters.cpr_vault import ConfigurationError
from heatbill.domain.access import ForbiddenError, NotSignedInError, TooManyAttemptsError
from heatbill.domain.errors import (
    ConflictError,
    HeatbillError,
    LedgerError,
    NotFoundError,
    ValidationError,
)
from heatbill.wording import say

STATUS: dict[type[HeatbillError], int] = {
    ValidationError: 422,
    NotFoundError: 404,
    ConflictError: 409,
    LedgerError: 409,
    NotSignedInError: 401,
    ForbiddenError: 403,
    TooManyAttemptsError: 429,
    ConfigurationError: 500,
}
"""HTTP status per error type; any other HeatbillError is 400."""

HTTP_CODES = {
    400: "bad_request",
    401: "not_signed_in",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    422: "invalid_input",
    429: "too_many_attempts",
}


def status_for(error: HeatbillError) -> int:
    for kind in type(error).__mro__:
        if kind in STATUS:
            return STATUS[kind]
    return 400


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api")


def error_json(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


async def on_heatbill_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HeatbillError)
    status = status_for(error)
    if is_api(request):
        return error_json(status, error.code, error.message)
    if isinstance(error, NotSignedInError):
        portal = request.url.path.startswith("/portal")
        login = "/portal/login" if portal else "/login"
        return RedirectResponse(f"{login}?next={quote(request.url.path)}", status_code=303)
    return error_page(request, status, error.message)


async def on_validation_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    problems = "; ".join(
        f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', '')}" for e in error.errors()
    )
    message = say("web.error.input", problems=problems)
    if is_api(request):
        return error_json(422, ValidationError.code, message)
    return error_page(request, 422, message)


async def on_http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    code = HTTP_CODES.get(error.status_code, "http_error")
    message = say(f"web.error.http.{code}") if code in HTTP_CODES.values() else str(error.detail)
    if is_api(request):
        return error_json(error.status_code, code, message)
    return error_page(request, error.status_code, message)


def error_page(request: Request, status: int, message: str) -> Response:
    templates = request.app.state.web.templates
    return templates.TemplateResponse(  # type: ignore[no-any-return]
        request, "error.html", {"status": status, "message": message}, status_code=status
    )
