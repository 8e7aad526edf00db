"""`heatbill letters …`: the letters queued and sent, and sending the day's letters.

heatbill letters list -u demo [--status queued|sent] [--json]
heatbill letters show 17 -u demo                  the text exactly as sent, and its deliveries
heatbill letters pdf 17 -o brev.pdf -u demo       the PDF exactly as sent
heatbill letters send --date 04-01-2027 [--out var/letters] [--dry-run] -u demo
heatbill letters profile --email post@x.dk --phone "56 14 57 14" --website www.x.dk -u demo
heatbill letters interruption --start-day 20-05-2027 --start "20-05-2027 kl. 8" \
    --end "20-05-2027 kl. 14" --reason "reparation af hovedledning" --street Solvej -u demo
heatbill letters tariff-notice --valid-from 01-01-2027 --document "Takstblad 2027" \
    --summary "…" --clause "vestervig 8.3" -u demo

E-mail goes over SMTP when HEATBILL_SMTP_HOST is set (HEATBILL_SMTP_PORT, default 25;
HEATBILL_SMTP_SENDER; HEATBILL_SMTP_STARTTLS=1; HEATBILL_SMTP_USER/HEATBILL_SMTP_PASSWORD).
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from heatbill.adapters.db.letter_documents import Profile, SqlLetterDocuments
from heatbill.adapters.letters.smtp_mail import mailer_from_environment
from heatbill.entrypoints.cli.arguments import day, dk, print_json
from heatbill.entrypoints.cli.context import (
    CLOCK,
    DATABASE_OPTION,
    JSON_OPTION,
    UTILITY_OPTION,
    engine_for,
    utility_id_of,
)
from heatbill.services.letter_delivery import Channels, send_letters
from heatbill.services.letter_sources import (
    AnnounceInterruption,
    AnnounceTariffChange,
    announce_interruption,
    announce_tariff_change,
)
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

app = typer.Typer(help=say("letters.cli.app"), no_args_is_help=True)
console = Console()
LETTER = typer.Argument(..., help=say("letters.cli.col.id"))


@app.command("list", help=say("letters.cli.list"))
def list_command(
    status: str | None = typer.Option(None, "--status", help=say("letters.cli.opt.status")),
    utility: str = UTILITY_OPTION,
    as_json: bool = JSON_OPTION,
    database_url: str | None = DATABASE_OPTION,
) -> None:
    with engine_for(database_url) as engine:
        utility_id = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            documents = SqlLetterDocuments(uow.connection, utility_id)
            letters = documents.letters(status=status)
            channel: dict[int, str] = {}
            for d in documents.deliveries():
                if d.outcome in {"sent", "exported", "printed"}:
                    channel[d.letter_id] = d.channel
    rows = [
        {"id": r.letter_id, "date": r.on.isoformat(), "kind": r.kind, "status": r.status,
         "channel": channel.get(r.letter_id), "clause": r.clause, "party_id": r.party_id}
        for r in letters
    ]  # fmt: skip
    if as_json:
        print_json(rows)
        return
    table = Table()
    for key in ("id", "date", "kind", "status", "channel", "clause"):
        table.add_column(say(f"letters.cli.col.{key}"))
    for r in letters:
        table.add_row(str(r.letter_id), dk(r.on), r.kind, r.status,
                      channel.get(r.letter_id, ""), r.clause or "")  # fmt: skip
    console.print(table)


@app.command("show", help=say("letters.cli.show"))
def show_command(
    letter_id: int = LETTER,
    utility: str = UTILITY_OPTION,
    database_url: str | None = DATABASE_OPTION,
) -> None:
    with engine_for(database_url) as engine:
        utility_id = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            documents = SqlLetterDocuments(uow.connection, utility_id)
            document = documents.document(letter_id)
            deliveries = documents.deliveries([letter_id])
    typer.echo(document.text, nl=False)
    typer.echo(say("letters.cli.deliveries"))
    for d in deliveries:
        where = "".join(f" ({x})" for x in (d.address, d.batch, d.detail) if x)
        typer.echo(say("letters.cli.delivery", attempt=d.attempt_no, channel=d.channel,
                       outcome=d.outcome, where=where))  # fmt: skip


@app.command("pdf", help=say("letters.cli.pdf"))
def pdf_command(
    letter_id: int = LETTER,
    output: Path = typer.Option(..., "-o", "--output", help=say("letters.cli.opt.file")),
    utility: str = UTILITY_OPTION,
    database_url: str | None = DATABASE_OPTION,
) -> None:
    with engine_for(database_url) as engine:
        utility_id = utility_id_of(engine, utility)
        with UnitOfWork(engine, write=False) as uow:
            document = SqlLetterDocuments(uow.connection, utility_id).document(letter_id)
    output.write_bytes(document.pdf)
    typer.echo(say("letters.cli.written", path=output, size=len(document.pdf)))


@app.command("send", help=say("letters.cli.send"))
def send_command(
    when: str = typer.Option(..., "--date", help=say("letters.cli.opt.date")),
    out: Path = typer.Option(Path("var/letters"), "--out", help=say("letters.cli.opt.out")),
    dry_run: bool = typer.Option(False, "--dry-run", help=say("letters.cli.opt.dry_run")),
    utility: str = UTILITY_OPTION,
    database_url: str | None = DATABASE_OPTION,
) -> None:
    on = day(when, "--date")
    channels = Channels(out_dir=out, mailer=mailer_from_environment())
    with engine_for(database_url) as engine:
        utility_id = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            report = send_letters(utility_id, on, uow, CLOCK, channels, dry_run=dry_run)
    by_channel = ", ".join(f"{k}: {v}" for k, v in sorted(report.delivered.items())) or "-"
    typer.echo(say("letters.cli.sent", rendered=report.rendered, queued=report.queued_from_bills,
                   channels=by_channel, failed=report.failed, sms=report.sms))  # fmt: skip
    for path in report.files:
        typer.echo(say("letters.cli.file", path=path))


@app.command("profile", help=say("letters.cli.profile"))
def profile_command(
    email: str | None = typer.Option(None, "--email"),
    phone: str | None = typer.Option(None, "--phone"),
    website: str | None = typer.Option(None, "--website"),
    logo: str | None = typer.Option(None, "--logo"),
    utility: str = UTILITY_OPTION,
    database_url: str | None = DATABASE_OPTION,
) -> None:
    with engine_for(database_url) as engine:
        utility_id = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            SqlLetterDocuments(uow.connection, utility_id).set_profile(
                Profile(email, phone, website, logo)
            )
            uow.commit()
    typer.echo(say("letters.cli.profile_saved"))


@app.command("interruption", help=say("letters.cli.interruption"))
def interruption_command(
    start_day: str = typer.Option(..., "--start-day"),
    start: str = typer.Option(..., "--start"),
    end: str = typer.Option(..., "--end"),
    reason: str = typer.Option(..., "--reason"),
    installation: list[str] = typer.Option([], "--installation"),
    street: list[str] = typer.Option([], "--street"),
    when: str | None = typer.Option(None, "--date", help=say("letters.cli.opt.date")),
    emergency: bool = typer.Option(False, "--emergency"),
    utility: str = UTILITY_OPTION,
    database_url: str | None = DATABASE_OPTION,
) -> None:
    on = CLOCK.today() if when is None else day(when, "--date")
    command = AnnounceInterruption(on, start, day(start_day, "--start-day"), end, reason,
                                   installation, street, emergency)  # fmt: skip
    with engine_for(database_url) as engine:
        utility_id = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            count = announce_interruption(command, utility_id, uow, CLOCK)
    typer.echo(say("letters.cli.queued", count=count))


@app.command("tariff-notice", help=say("letters.cli.tariff"))
def tariff_notice_command(
    valid_from: str = typer.Option(..., "--valid-from"),
    document: str = typer.Option(..., "--document"),
    summary: str = typer.Option(..., "--summary"),
    clause: str = typer.Option(..., "--clause"),
    when: str | None = typer.Option(None, "--date", help=say("letters.cli.opt.date")),
    utility: str = UTILITY_OPTION,
    database_url: str | None = DATABASE_OPTION,
) -> None:
    on = CLOCK.today() if when is None else day(when, "--date")
    with engine_for(database_url) as engine:
        utility_id = utility_id_of(engine, utility)
        with UnitOfWork(engine) as uow:
            command = AnnounceTariffChange(on, day(valid_from, "--valid-from"), document,
                                           summary, clause)  # fmt: skip
            count = announce_tariff_change(command, utility_id, uow, CLOCK)
    typer.echo(say("letters.cli.queued", count=count))
