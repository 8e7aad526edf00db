"""`create_app`: the REST API, the staff pages and the portal on one FastAPI app.

Security headers on every answer (no framing, no sniffing, a strict content security policy:
the pages need no script at all), errors mapped in one place (`errors.py`).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine
from starlette.exceptions import HTTPException

from heatbill.adapters.clock import Clock
from heatbill.adapters.cpr_vault import ConfigurationError
from heatbill.adapters.db.change_feed import ChangeFeed
from heatbill.adapters.db.engine import database_url, make_engine
from heatbill.adapters.db.migrate import upgrade_if_needed
from heatbill.adapters.letters.smtp_mail import SmtpMailer, mailer_from_environment
from heatbill.domain.errors import HeatbillError
from heatbill.entrypoints.web import (
    admin_pages,
    api,
    errors,
    portal_pages,
    staff_documents,
    staff_pages,
    views,
)
from heatbill.entrypoints.web.context import BusinessClock, Web
from heatbill.entrypoints.web.settings import WebSettings
from heatbill.services.arrears_list import ArrearsList
from heatbill.services.demo_access import users_with_demo_password
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

HERE = Path(__file__).parent
HEADERS = {
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; "
        "frame-ancestors 'none'; form-action 'self'"
    ),
}


def templates(language: str = "da") -> Jinja2Templates:
    found = Jinja2Templates(directory=str(HERE / "templates" / language))
    found.env.globals.update(
        t=say,
        kr=views.kr,
        dk=views.dk,
        mwh=views.mwh,
        chart=views.use_chart,
        word=views.word,
        number=views.number,
        can=views.can,
    )
    found.env.filters.update(kr=views.kr, dk=views.dk, mwh=views.mwh)
    return found


def create_app(
    settings: WebSettings | None = None,
    *,
    engine: Engine | None = None,
    clock: Clock | None = None,
    mailer: SmtpMailer | None = None,
) -> FastAPI:
    settings = settings or WebSettings.from_environment()
    if engine is None:
        engine = make_engine(database_url(settings.database_url))
        upgrade_if_needed(engine)
    if not settings.development:
        with UnitOfWork(engine, write=False) as uow:
            demo_users = users_with_demo_password(uow)
        if demo_users:
            raise ConfigurationError(say("web.settings.demo_users", users=", ".join(demo_users)))
    web = Web(
        engine,
        settings,
        templates(),
        clock or BusinessClock(settings.today),
        mailer or mailer_from_environment(),
    )

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # On PostgreSQL the worker hears of every commit that changes the arrears list, and
        # may reuse a ranking until then (`services.arrears_list`).
        feed = ChangeFeed(engine) if engine.dialect.name == "postgresql" else None
        if feed is not None:
            feed.start()
            web.arrears = ArrearsList(feed)
        try:
            yield
        finally:
            if feed is not None:
                web.arrears = ArrearsList()
                feed.stop()

    app = FastAPI(
        lifespan=lifespan,
        title="heatbill",
        description=say("web.api.description"),
        version="1",
        docs_url="/api/docs",
        redoc_url=None,
    )
    app.state.web = web
    app.add_exception_handler(HeatbillError, errors.on_heatbill_error)
    app.add_exception_handler(RequestValidationError, errors.on_validation_error)
    app.add_exception_handler(HTTPException, errors.on_http_error)
    app.include_router(api.router)
    app.include_router(staff_pages.router)
    app.include_router(staff_documents.router)
    app.include_router(admin_pages.router)
    app.include_router(portal_pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for key, value in HEADERS.items():
            response.headers.setdefault(key, value)
        if request.url.path.startswith(("/api", "/portal")) or request.method != "GET":
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    return app
