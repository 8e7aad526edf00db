"""Benchmark: book N installments and N clearing payments through the ledger repository.

A throw-away database is used: a temporary SQLite file, or a fresh PostgreSQL database created
on the given server and dropped afterwards. Prints entries/s and postings/s per phase.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from heatbill.adapters.db.engine import make_engine, sqlite_url
from heatbill.adapters.db.migrate import upgrade
from heatbill.adapters.db.utility_repository import UtilityRow
from heatbill.domain.ledger import Account, JournalEntry, OpenItem, OpenItemKind, Posting, Reason
from heatbill.domain.money import Money
from heatbill.services.unit_of_work import UnitOfWork

NOW = datetime(2026, 1, 2, tzinfo=UTC)
DAY = date(2026, 1, 2)


def installment(customer: int, item_id: int, gross: int) -> JournalEntry:
    vat = gross // 5
    return JournalEntry(
        booking_date=DAY,
        reason=Reason.INSTALLMENT,
        description="Acontorate 1/2026",
        idempotency_key=f"bench:i:{customer}",
        postings=(
            Posting(Account.RECEIVABLES, Money(gross), customer, item_id),
            Posting(Account.HEAT_REVENUE, Money(-(gross - vat))),
            Posting(Account.VAT_PAYABLE, Money(-vat)),
        ),
        new_open_items=(OpenItem(item_id, customer, OpenItemKind.PRINCIPAL, DAY, "Rate 1"),),
    )


def payment(customer: int, item_id: int, gross: int) -> JournalEntry:
    return JournalEntry(
        booking_date=DAY,
        reason=Reason.PAYMENT,
        description="Indbetaling",
        idempotency_key=f"bench:p:{customer}",
        postings=(
            Posting(Account.BANK, Money(gross)),
            Posting(Account.RECEIVABLES, Money(-gross), customer, item_id),
        ),
    )


def run(engine: Engine, entries: int, batch: int) -> None:
    with UnitOfWork(engine) as uow:
        utility_id = uow.utilities.next_id()
        uow.utilities.add(
            UtilityRow(utility_id, f"bench-{uuid.uuid4().hex[:8]}", "Bench", "1", "-", None, None),
            created_at=NOW,
        )
        uow.commit()
    amounts = {c: 100000 + c % 5000 for c in range(1, entries + 1)}
    item_of: dict[int, int] = {}
    for phase in ("installments", "payments"):
        started = time.perf_counter()
        postings = 0
        for first in range(1, entries + 1, batch):
            customers = range(first, min(first + batch, entries + 1))
            with UnitOfWork(engine) as uow:
                ledger = uow.ledger(utility_id)
                if phase == "installments":
                    ids = ledger.new_open_item_ids(len(customers))
                    item_of.update(zip(customers, ids, strict=True))
                    made = [installment(c, item_of[c], amounts[c]) for c in customers]
                else:
                    made = [payment(c, item_of[c], amounts[c]) for c in customers]
                ledger.post_many(made, created_at=NOW)
                uow.commit()
            postings += sum(len(e.postings) for e in made)
        seconds = time.perf_counter() - started
        print(
            f"{engine.dialect.name:10} {phase:12} {entries:>9} entries in {seconds:7.2f} s: "
            f"{entries / seconds:>9.0f} entries/s, {postings / seconds:>9.0f} postings/s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=50000)
    parser.add_argument("--batch", type=int, default=5000)
    parser.add_argument("--database-url", help="a PostgreSQL server URL; default: SQLite")
    args = parser.parse_args()
    if args.database_url:
        admin_url = make_url(args.database_url)
        admin = make_engine(args.database_url, isolation_level="AUTOCOMMIT")
        name = f"heatbill_bench_{uuid.uuid4().hex[:8]}"
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        engine = make_engine(admin_url.set(database=name).render_as_string(hide_password=False))
        try:
            upgrade(engine)
            run(engine, args.entries, args.batch)
        finally:
            engine.dispose()
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
        return
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(sqlite_url(Path(folder) / "bench.sqlite3"))
        upgrade(engine)
        run(engine, args.entries, args.batch)
        engine.dispose()


if __name__ == "__main__":
    main()
