"""The daily run through the real `heatbill` command, on SQLite and PostgreSQL: killed (as by
kill -9) at several points of a day and re-run, it leaves exactly the ledger and the letters of
a run that was never interrupted; two runs started together do not both run."""

from __future__ import annotations

import os
import subprocess
import time
import uuid
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, select

from heatbill.adapters.clock import FixedClock
from heatbill.adapters.db.engine import make_engine
from heatbill.adapters.db.migrate import upgrade
from heatbill.adapters.db.register_tables import letter
from heatbill.adapters.db.tables import journal_entry, posting
from heatbill.adapters.rulebook_files import preset_source, preset_text
from heatbill.domain.payment_id import payment_id_for_open_item
from heatbill.services.customer_import import import_customers
from heatbill.services.daily_run import DailyRun, run_daily
from heatbill.services.imports import ImportFile
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import CreateUtility, RuleText, create_utility
from tests.e2e.conftest import HEATBILL, TEST_SECRET
from tests.integration.payment_files import camt053
from tests.integration.register_story import CUSTOMERS_CSV

JANUARY = date(2026, 1, 2)  # 4rater installment 1
DAY = date(2026, 2, 3)  # the day after its due date: payments, reminders with fees, letters


def a_utility(engine: Engine, inbox: Path) -> tuple[str, int]:
    """A 4rater utility billed on 2 January; one payment waiting in its inbox for `DAY`."""
    code = f"dr{uuid.uuid4().hex[:6]}"
    clock = FixedClock.on(JANUARY)
    with UnitOfWork(engine) as uow:
        utility_id = create_utility(
            CreateUtility(
                code,
                "Fire Rater Varme",
                "12345678",
                "Varmevej 1",
                "81234567",
                None,
                RuleText(preset_source("4rater"), preset_text("4rater")),
                RuleText(
                    preset_source("4rater", tariffs=True), preset_text("4rater", tariffs=True)
                ),
            ),
            uow,
            clock,
        ).utility_id
    with UnitOfWork(engine) as uow:
        import_customers(
            ImportFile(utility_id, "k.csv", CUSTOMERS_CSV.encode()), JANUARY, uow, clock
        )
    run_daily(DailyRun(engine, utility_id), JANUARY)
    with UnitOfWork(engine, write=False) as uow:
        [(item, residual), *_] = uow.ledger(utility_id).open_items()
    inbox.mkdir()
    (inbox / "bank.xml").write_bytes(
        camt053(f"M{code}", DAY, [(payment_id_for_open_item(item.open_item_id), residual.ore)])
    )
    return code, utility_id


def run(
    url: str, code: str, inbox: Path, env: dict[str, str] | None = None
) -> subprocess.Popen[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("HEATBILL_")}
    environment |= {
        "HEATBILL_DATABASE_URL": url,
        "HEATBILL_SECRET_KEY": TEST_SECRET,
        "COLUMNS": "200",
    }
    environment |= env or {}
    return subprocess.Popen(
        [
            str(HEATBILL),
            "run",
            "daily",
            "--date",
            f"{DAY:%d-%m-%Y}",
            "--inbox",
            str(inbox),
            "-u",
            code,
        ],
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finished(process: subprocess.Popen[str]) -> tuple[int, str]:
    out, err = process.communicate(timeout=600)
    return process.returncode, out + err


def books(
    engine: Engine, utility_id: int
) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """The journal with its postings and the letters, as comparable rows (no timestamps)."""
    with engine.connect() as c:
        entries = c.execute(
            select(
                journal_entry.c.entry_id,
                journal_entry.c.booking_date,
                journal_entry.c.reason,
                journal_entry.c.description,
                posting.c.account,
                posting.c.amount_ore,
                posting.c.open_item_id,
            )
            .join(
                posting,
                (posting.c.utility_id == journal_entry.c.utility_id)
                & (posting.c.entry_id == journal_entry.c.entry_id),
            )
            .where(journal_entry.c.utility_id == utility_id)
            .order_by(journal_entry.c.entry_id, posting.c.amount_ore)
        ).all()
        letters = c.execute(
            select(letter.c.letter_id, letter.c.kind, letter.c.party_id, letter.c.facts)
            .where(letter.c.utility_id == utility_id)
            .order_by(letter.c.letter_id)
        ).all()
    return [tuple(r) for r in entries], [tuple(r) for r in letters]


def test_a_day_killed_anywhere_and_run_again_books_exactly_what_one_run_books(
    database_url: str, tmp_path: Path
) -> None:
    engine = make_engine(database_url)
    upgrade(engine)
    whole_code, whole = a_utility(engine, tmp_path / "whole")
    crash_code, crashed = a_utility(engine, tmp_path / "crashed")

    code, output = finished(run(database_url, whole_code, tmp_path / "whole"))
    assert code == 0, output
    for point in (
        "payments:after",
        "interest:after",
        "collections:before",
        "collections:after",
        "billing:after",
    ):
        code, output = finished(
            run(database_url, crash_code, tmp_path / "crashed", {"HEATBILL_TEST_CRASH_AT": point})
        )
        assert code == 137, (point, output)
    code, output = finished(run(database_url, crash_code, tmp_path / "crashed"))
    assert code == 0, output
    assert "(gennemført tidligere)" in output

    reference, resumed = books(engine, whole), books(engine, crashed)
    assert resumed == reference
    assert any(r[2] == "fee" for r in reference[0])  # reminders with fees were booked
    assert [path.name for path in (tmp_path / "crashed" / "indlæst").iterdir()] == ["bank.xml"]
    engine.dispose()


def test_two_daily_runs_started_together_do_not_both_run(database_url: str, tmp_path: Path) -> None:
    engine = make_engine(database_url)
    upgrade(engine)
    code, _ = a_utility(engine, tmp_path / "inbox")
    engine.dispose()
    first = run(
        database_url, code, tmp_path / "inbox", {"HEATBILL_TEST_PAUSE_AT": "interest:before:20"}
    )
    time.sleep(8)  # the first has taken the lock and waits inside its run
    second_code, second_output = finished(run(database_url, code, tmp_path / "inbox"))
    first_code, first_output = finished(first)
    assert first_code == 0, first_output
    assert second_code == 4, second_output
    assert "er allerede i gang" in second_output
