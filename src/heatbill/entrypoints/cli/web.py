"""`heatbill web` (serve the web app), `heatbill staff …` (users and roles), `heatbill portal
pins` (the portal's pin codes), `heatbill privacy …` (right of access, anonymisation).

heatbill web --host 127.0.0.1 --port 8000 [--workers 4]
heatbill staff add kbh --name "Karin B. Hansen" --role collections -u demo   (asks for the password)
heatbill portal pins -u demo [NUMBER …]                                    new pin codes, shown once
heatbill privacy export 17 -u demo -o person-17.json
heatbill privacy anonymise -u demo [--dry-run]
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import typer
import uvicorn

from heatbill.domain.access import Role
from heatbill.entrypoints.cli.arguments import choice
from heatbill.entrypoints.cli.context import (
    CLOCK,
    DATABASE_OPTION,
    UTILITY_OPTION,
    engine_for,
    utility_id_of,
)
from heatbill.entrypoints.web.app import create_app
from heatbill.entrypoints.web.settings import WebSettings
from heatbill.services import data_protection, portal_access, staff_access
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

staff_app = typer.Typer(help=say("web.cli.staff"), no_args_is_help=True)
portal_app = typer.Typer(help=say("web.cli.portal"), no_args_is_help=True)
privacy_app = typer.Typer(help=say("web.cli.privacy"), no_args_is_help=True)
ROLES = {r.value: r for r in Role}


def serve(
    host: str = typer.Option("127.0.0.1", "--host", help=say("web.cli.host")),
    port: int = typer.Option(8000, "--port", help=say("web.cli.port")),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help=say("web.cli.workers")),
    database: str | None = DATABASE_OPTION,
) -> None:
    """Serve the staff pages, the portal and the API (uvicorn)."""
    run_web(host, port, database, workers=workers)


def run_web(
    host: str, port: int, database: str | None, today: str | None = None,
    inbox: Path | None = None, letters: Path | None = None, workers: int = 1,
) -> None:  # fmt: skip
    """Serve the app; with `workers` > 1 in as many processes (each its own connections and
    change feed), after the settings are checked and the database migrated here, once."""
    env = dict(os.environ)
    if inbox is not None:
        env["HEATBILL_INBOX"] = str(inbox)
    if letters is not None:
        env["HEATBILL_LETTERS_DIR"] = str(letters)
    if database:
        env["HEATBILL_DATABASE_URL"] = database
    if today:
        env["HEATBILL_TODAY"] = today
    env.setdefault("HEATBILL_BASE_URL", f"http://{host}:{port}")
    app = create_app(WebSettings.from_environment(env))
    typer.echo(say("web.cli.serving", url=env["HEATBILL_BASE_URL"]))
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    os.environ.update(env)  # the worker processes read their settings from it
    uvicorn.run(
        "heatbill.entrypoints.web.app:create_app",
        factory=True,
        workers=workers,
        host=host,
        port=port,
        log_level="warning",
    )


@staff_app.command("add", help=say("web.cli.staff_add"))
def add_staff(
    username: str = typer.Argument(..., help=say("web.cli.username")),
    name: str = typer.Option("", "--name", help=say("web.cli.name")),
    role: str = typer.Option(..., "--role", help=", ".join(ROLES)),
    password: str = typer.Option(
        ...,
        "--password",
        prompt=True,
        hide_input=True,
        confirmation_prompt=True,
        envvar="HEATBILL_STAFF_PASSWORD",
        help=say("web.cli.password"),
    ),
    utility: str = UTILITY_OPTION,
    database: str | None = DATABASE_OPTION,
) -> None:
    found = choice(role, "--role", ROLES)
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            staff_access.add_staff_user(uow, u, username, name, found, password, CLOCK)
    typer.echo(
        say("web.staff.added", username=username.lower(), role=say(f"web.role.{found.value}"))
    )


@staff_app.command("list", help=say("web.cli.staff_list"))
def list_staff(utility: str = UTILITY_OPTION, database: str | None = DATABASE_OPTION) -> None:
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            users = staff_access.staff_users(uow, u)
    for user in users:
        typer.echo(f"{user.username:<16} {say(f'web.role.{user.role.value}'):<16} {user.name}")


@portal_app.command("pins", help=say("web.cli.pins"))
def pins(
    numbers: list[str] = typer.Argument(None, help=say("web.cli.numbers")),
    utility: str = UTILITY_OPTION,
    by: str = typer.Option("admin", "--by", help=say("cli.case.opt.by")),
    database: str | None = DATABASE_OPTION,
) -> None:
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            issued = portal_access.issue_pins(uow, u, numbers or [], by, CLOCK)
    typer.echo(say("web.staff.pins", count=len(issued)))
    for number, pin in sorted(issued.items()):
        typer.echo(f"{number}\t{pin}")


@privacy_app.command("export", help=say("web.cli.export"))
def export(
    party_id: int = typer.Argument(..., help=say("web.cli.party")),
    output: Path = typer.Option(..., "-o", "--output", help=say("web.cli.output")),
    utility: str = UTILITY_OPTION,
    by: str = typer.Option(..., "--by", help=say("cli.case.opt.by")),
    database: str | None = DATABASE_OPTION,
) -> None:
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            found = data_protection.person_export(uow, u, party_id, CLOCK.today())
            staff_access.audit(uow, u, by, "person_export", f"party:{party_id}", "cli", CLOCK)
    output.write_text(json.dumps(found, ensure_ascii=False, indent=2), encoding="utf-8")
    typer.echo(say("web.cli.exported", path=output))


@privacy_app.command("anonymise", help=say("web.cli.anonymise"))
def anonymise(
    utility: str = UTILITY_OPTION,
    by: str = typer.Option(..., "--by", help=say("cli.case.opt.by")),
    dry_run: bool = typer.Option(False, "--dry-run", help=say("cli.case.opt.dry_run")),
    database: str | None = DATABASE_OPTION,
) -> None:
    with engine_for(database) as engine:
        u = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            done = data_protection.anonymise_former_customers(uow, u, by, CLOCK, dry_run=dry_run)
    typer.echo(
        say(
            "web.cli.anonymised",
            count=len(done.parties),
            before=f"{done.retention_before:%d-%m-%Y}",
            dry=" (prøvekørsel)" if dry_run else "",
        )
    )
