"""The demo year: a synthetic utility lived through day by day, by the same services staff use.

A town of N installations (`adapters.synthetic`) is imported from its customer export with the
year before's readings; then every day of the year the head-end files and self-reading cards
arrive when a utility would get them, tenants move out (some with a successor, some leaving the
owner liable; registered on the move day with the meter read the day before, so the reading is
not held as dated ahead of the clock and the move is settled), customers pay — most on time,
some late, a few only after their heat is closed, one now and then disputing a bill — and the
daily run (`daily_run`) does the utility's work: payments, interest, collections, budgets,
installments, move settlements and, in January, the annual settlement. Staff report the closing
visits the day after they are ordered and handle the disputes. The same seed gives the same
year.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import Engine, func, select

from heatbill.adapters.clock import FixedClock
from heatbill.adapters.db.billing_tables import bill
from heatbill.adapters.db.collection_tables import claim_step
from heatbill.adapters.db.register_tables import letter
from heatbill.adapters.db.tables import journal_entry, posting
from heatbill.adapters.holidays_dk import danish_bank_calendar
from heatbill.adapters.synthetic.bank import camt053
from heatbill.adapters.synthetic.readings import ReadingsFile, Registers, history_files, year_files
from heatbill.adapters.synthetic.utility import (
    SyntheticMove,
    SyntheticUtility,
    customers_csv,
    generate,
)
from heatbill.domain.collections.claim import StepKind
from heatbill.domain.ledger import Account, OpenItem, OpenItemKind, Reason
from heatbill.domain.money import Money
from heatbill.domain.payment_id import payment_id_for_open_item
from heatbill.domain.register.moves import MoveKind
from heatbill.domain.register.parties import Contact, Cpr, Party, PartyKind
from heatbill.domain.register.readings import ReadingSource
from heatbill.services.collection_cases import VisitReport, dispute, lift_dispute, report_visit
from heatbill.services.customer_import import import_customers
from heatbill.services.daily_run import DailyRun, run_daily
from heatbill.services.imports import ImportFile, import_readings
from heatbill.services.letter_delivery import Channels
from heatbill.services.moves import MoveReading, RegisterMove, register_move
from heatbill.services.unit_of_work import UnitOfWork

STAFF = "demo"
PERSONAS = (("on_time", 0.86), ("late", 0.09), ("very_late", 0.03), ("disputer", 0.02))


@dataclass
class YearSummary:
    installations: int
    first: date
    last: date
    bills: Counter[str] = field(default_factory=Counter)
    billed: Money = field(default_factory=lambda: Money(0))
    payments: int = 0
    paid: Money = field(default_factory=lambda: Money(0))
    fees: Money = field(default_factory=lambda: Money(0))
    interest: Money = field(default_factory=lambda: Money(0))
    steps: Counter[str] = field(default_factory=Counter)
    disputes: int = 0
    moves: int = 0
    readings_files: int = 0
    arrears: list[tuple[date, Money]] = field(default_factory=list)
    """Overdue and unpaid at the start of each day (the chart)."""
    letters: int = 0


@dataclass
class DemoYear:
    engine: Engine
    utility_id: int
    workdir: Path
    installations: int = 2000
    year: int = 2026
    seed: int = 2026
    progress: Callable[[date, date], None] = lambda day, last: None
    channels: Channels | None = None
    days: int | None = None
    """Only the first `days` days (a short demo, the tests); else the year and January after
    it, to the annual settlement."""

    def run(self) -> YearSummary:
        town = generate(self.installations, year=self.year, seed=self.seed)
        registers = Registers(town)
        first, last = date(self.year, 1, 1), date(self.year + 1, 1, 20)
        if self.days is not None:
            last = min(last, first + timedelta(days=self.days - 1))
        summary = YearSummary(self.installations, first, last)
        self._set_up(town, registers)
        files = sorted(year_files(town, registers), key=lambda f: f.received_on)
        moves = sorted(town.moves, key=lambda m: m.move_date)
        life = _Customers(self.seed)
        inbox = self.workdir / "indbakke"
        inbox.mkdir(parents=True, exist_ok=True)
        day = first
        while day <= last:
            self.progress(day, last)
            for file in [f for f in files if f.received_on == day]:
                self._readings(file, day)
                summary.readings_files += 1
            for move in [m for m in moves if m.move_date == day]:
                self._move(move, registers)
                summary.moves += 1
            items = self._open_items()
            summary.arrears.append((day, _overdue(items, day)))
            self._pay(life, items, day, inbox)
            run_daily(DailyRun(self.engine, self.utility_id, inbox, channels=self.channels), day)
            self._staff(life, items, day)
            day += timedelta(days=1)
        summary.disputes = life.disputes
        self._tally(summary)
        return summary

    # --- the town ---------------------------------------------------------------------------
    def _set_up(self, town: SyntheticUtility, registers: Registers) -> None:
        clock = FixedClock.on(date(self.year - 1, 1, 1))
        with UnitOfWork(self.engine) as uow:
            import_customers(
                ImportFile(self.utility_id, "kunder.csv", customers_csv(town)),
                date(self.year - 2, 12, 31),
                uow,
                clock,
            )
        for file in history_files(town, registers):
            self._readings(file, file.received_on)

    def _readings(self, file: ReadingsFile, day: date) -> None:
        source = ReadingSource.CARD if file.card else ReadingSource.REMOTE
        with UnitOfWork(self.engine) as uow:
            import_readings(
                ImportFile(self.utility_id, file.name, file.data), source, uow, FixedClock.on(day)
            )

    def _move(self, move: SyntheticMove, registers: Registers) -> None:
        site, successor = move.site, move.successor
        energy, volume = registers.on(site, move.move_date - timedelta(days=1))
        new_party = None
        if successor is not None and successor.cpr is not None:
            new_party = Party(
                0,
                PartyKind.PERSON,
                successor.name,
                Contact(email=successor.email),
                Cpr.parse(successor.cpr),
            )
        source = ReadingSource.REMOTE if site.remote else ReadingSource.CARD
        command = RegisterMove(
            self.utility_id,
            site.number,
            MoveKind.MOVE_OUT,
            move.move_date,
            move.notified_on,
            new_party=new_party,
            reading=MoveReading(energy, volume, source),
        )
        with UnitOfWork(self.engine) as uow:  # on the move day, when the meter has been read
            register_move(command, uow, FixedClock.on(move.move_date))

    # --- the customers ----------------------------------------------------------------------
    def _open_items(self) -> list[tuple[OpenItem, Money]]:
        with UnitOfWork(self.engine, write=False) as uow:
            return uow.ledger(self.utility_id).open_items()

    def _pay(
        self, life: _Customers, items: list[tuple[OpenItem, Money]], day: date, inbox: Path
    ) -> None:
        if not danish_bank_calendar().is_bank_day(day):
            return
        owed: dict[int, list[tuple[OpenItem, Money]]] = {}
        for item, residual in items:
            if residual.is_positive:
                owed.setdefault(item.customer_id, []).append((item, residual))
        credits: list[tuple[str, int]] = []
        for customer, open_items in owed.items():
            amount = life.pays_on(customer, open_items, day)
            if amount.is_positive:
                oldest = min(open_items, key=lambda p: (p[0].due_date, p[0].open_item_id))[0]
                credits.append((payment_id_for_open_item(oldest.open_item_id), amount.ore))
        if credits:
            name = f"bank-{day:%Y%m%d}.xml"
            (inbox / name).write_bytes(camt053(f"DEMO-{day:%Y%m%d}", day, credits))

    def _staff(self, life: _Customers, items: list[tuple[OpenItem, Money]], day: date) -> None:
        """The closing visits ordered yesterday are made today; disputes raised and settled."""
        clock = FixedClock.on(day)
        with UnitOfWork(self.engine, write=False) as uow:
            ordered = (
                uow.connection.execute(
                    select(claim_step.c.claim_id).where(
                        claim_step.c.utility_id == self.utility_id,
                        claim_step.c.kind == StepKind.CLOSING_VISIT.value,
                        claim_step.c.on_date == day - timedelta(days=1),
                    )
                )
                .scalars()
                .all()
            )
        owners = {item.open_item_id: item.customer_id for item, _ in items}
        for claim_id in ordered:
            with UnitOfWork(self.engine) as uow:
                report_visit(
                    self.utility_id, VisitReport(int(claim_id), day, STAFF, True), uow, clock
                )
            life.closed(owners.get(int(claim_id), 0), day)
        for claim_id, action in life.disputes_due(items, day):
            with UnitOfWork(self.engine) as uow:
                if action == "raise":
                    dispute(
                        uow,
                        self.utility_id,
                        claim_id,
                        "Kunden mener aflæsningen er forkert",
                        STAFF,
                        clock,
                    )
                else:
                    lift_dispute(
                        uow,
                        self.utility_id,
                        claim_id,
                        "Måleren er kontrolleret og viser rigtigt",
                        STAFF,
                        clock,
                    )

    # --- the year in figures ----------------------------------------------------------------
    def _tally(self, summary: YearSummary) -> None:
        u = self.utility_id
        with self.engine.connect() as c:
            for kind, count, net, vat in c.execute(
                select(
                    bill.c.kind, func.count(), func.sum(bill.c.net_ore), func.sum(bill.c.vat_ore)
                )
                .where(bill.c.utility_id == u)
                .group_by(bill.c.kind)
            ):
                summary.bills[kind] = int(count)
                summary.billed += Money(int(net) + int(vat))
            for reason, amount in c.execute(
                select(journal_entry.c.reason, func.sum(posting.c.amount_ore))
                .join(
                    posting,
                    (posting.c.utility_id == journal_entry.c.utility_id)
                    & (posting.c.entry_id == journal_entry.c.entry_id),
                )
                .where(
                    journal_entry.c.utility_id == u, posting.c.account == Account.RECEIVABLES.value
                )
                .group_by(journal_entry.c.reason)
            ):
                if reason == Reason.FEE.value:
                    summary.fees = Money(int(amount))
                elif reason == Reason.INTEREST.value:
                    summary.interest = Money(int(amount))
            payments = c.execute(
                select(func.count(), func.sum(posting.c.amount_ore))
                .join(
                    journal_entry,
                    (posting.c.utility_id == journal_entry.c.utility_id)
                    & (posting.c.entry_id == journal_entry.c.entry_id),
                )
                .where(
                    journal_entry.c.utility_id == u,
                    journal_entry.c.reason == Reason.PAYMENT.value,
                    posting.c.account == Account.BANK.value,
                )
            ).one()
            summary.payments, summary.paid = int(payments[0]), Money(int(payments[1] or 0))
            summary.letters = int(
                c.execute(
                    select(func.count()).select_from(letter).where(letter.c.utility_id == u)
                ).scalar_one()
            )
            for kind, count in c.execute(
                select(claim_step.c.kind, func.count())
                .where(claim_step.c.utility_id == u)
                .group_by(claim_step.c.kind)
            ):
                summary.steps[kind] = int(count)


class _Customers:
    """How each customer pays: a persona drawn from the seed and the customer's id."""

    def __init__(self, seed: int) -> None:
        self._seed = seed
        self._closed: dict[int, date] = {}
        self._disputed: dict[int, date] = {}
        self.disputes = 0

    def persona(self, customer: int) -> tuple[str, int]:
        rng = random.Random(self._seed * 1_000_003 + customer)  # noqa: S311 - a simulation
        roll, acc = rng.random(), 0.0
        for name, share in PERSONAS:
            acc += share
            if roll < acc:
                return name, rng.randint(0, 25)
        return PERSONAS[0][0], rng.randint(0, 3)

    def pays_on(self, customer: int, items: list[tuple[OpenItem, Money]], day: date) -> Money:
        """What the customer pays today, 0 when nothing."""
        persona, days = self.persona(customer)
        principals = [(i, r) for i, r in items if i.kind is OpenItemKind.PRINCIPAL]
        if not principals:
            return Money(0)
        oldest_due = min(i.due_date for i, _ in principals)
        everything = sum((r for _, r in items), Money(0))
        if persona == "on_time":
            due_now = [r for i, r in principals if i.due_date - timedelta(days=days % 4) <= day]
            return sum(due_now, Money(0))
        if persona == "late":
            return everything if day >= oldest_due + timedelta(days=6 + days) else Money(0)
        if persona == "very_late":
            closed = self._closed.get(customer)
            return (
                everything if closed is not None and day >= closed + timedelta(days=2) else Money(0)
            )
        lifted = self._disputed.get(customer)
        return everything if lifted is not None and day >= lifted + timedelta(days=26) else Money(0)

    def closed(self, customer: int, day: date) -> None:
        self._closed[customer] = day

    def disputes_due(self, items: list[tuple[OpenItem, Money]], day: date) -> list[tuple[int, str]]:
        """(claim, "raise"|"lift") for the disputers' overdue bills."""
        actions: list[tuple[int, str]] = []
        for item, residual in items:
            if item.kind is not OpenItemKind.PRINCIPAL or not residual.is_positive:
                continue
            if self.persona(item.customer_id)[0] != "disputer":
                continue
            if day == item.due_date + timedelta(days=3):
                actions.append((item.open_item_id, "raise"))
                self._disputed[item.customer_id] = item.due_date
                self.disputes += 1
            elif day == item.due_date + timedelta(days=23):
                actions.append((item.open_item_id, "lift"))
        return actions


def _overdue(items: list[tuple[OpenItem, Money]], day: date) -> Money:
    return sum((r for i, r in items if r.is_positive and i.due_date < day), Money(0))
