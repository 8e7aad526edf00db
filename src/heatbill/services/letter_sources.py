"""Letters that other records cause: bills and budgets, tariff changes, supply interruptions.

- Every issued bill goes to its customer once (installment bill, annual or move statement, or
  any other bill), and every budget once; `letter_source` remembers which, so re-running a day
  queues nothing twice.
- A tariff change notice goes to every customer in force (`vestervig 8.3`, `solrod 8.2`).
- A planned supply interruption is announced to the customers of the installations named (by
  installation number or by street address) with at least the rulebook's notice
  (`[letters] interruption_notice_days`, `vestervig 3.6`); a breakdown may be mended without
  notice (`--emergency`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, String, cast, exists, select

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.billing_queries import among
from heatbill.adapters.db.billing_tables import bill, bill_line, budget
from heatbill.adapters.db.letter_documents import SqlLetterDocuments
from heatbill.adapters.db.letter_tables import letter_source
from heatbill.adapters.db.register_tables import installation, property_, relationship
from heatbill.domain.billing.bill import BillKind
from heatbill.domain.errors import ValidationError
from heatbill.domain.letters import LetterKind, LetterRequest
from heatbill.domain.money import Money
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of
from heatbill.wording import say

ONE_DAY = timedelta(days=1)

BILL_LETTERS = {
    BillKind.INSTALLMENT.value: LetterKind.INSTALLMENT_BILL,
    BillKind.ANNUAL_SETTLEMENT.value: LetterKind.ANNUAL_STATEMENT,
    BillKind.MOVE_SETTLEMENT.value: LetterKind.MOVE_STATEMENT,
}


def queue_bill_letters(utility_id: int, on: date, uow: UnitOfWork, clock: Clock) -> int:
    """Queue a letter for every bill issued up to `on` and every budget not yet sent."""
    documents = SqlLetterDocuments(uow.connection, utility_id)
    return _bills(utility_id, on, uow, clock, documents) + _budgets(
        utility_id, on, uow, clock, documents
    )


def _bills(
    utility_id: int, on: date, uow: UnitOfWork, clock: Clock, documents: SqlLetterDocuments
) -> int:
    rows = uow.connection.execute(
        select(bill.c.bill_id, bill.c.kind, bill.c.relationship_id, relationship.c.party_id)
        .join(
            relationship,
            (relationship.c.utility_id == bill.c.utility_id)
            & (relationship.c.relationship_id == bill.c.relationship_id),
        )
        .where(
            bill.c.utility_id == utility_id,
            bill.c.issue_date <= on,
            _unsent(utility_id, "bill", cast(bill.c.bill_id, String)),
        )
        .order_by(bill.c.bill_id)
    ).all()
    clauses = _first_clauses(uow, utility_id, [int(r.bill_id) for r in rows])
    requests = [
        LetterRequest(
            BILL_LETTERS.get(r.kind, LetterKind.BILL),
            int(r.party_id),
            on,
            clauses.get(int(r.bill_id)),
            int(r.relationship_id),
            {"bill_id": str(r.bill_id)},
        )
        for r in rows
    ]
    ids = uow.letters(utility_id).queue(requests, clock.now())
    documents.add_sources("bill", [(str(r.bill_id), i) for r, i in zip(rows, ids, strict=True)])
    return len(ids)


def _unsent(utility_id: int, kind: str, key: ColumnElement[str]) -> ColumnElement[bool]:
    """No letter carries the source yet: only the new bills and budgets are read, not every
    one the utility has sent (the daily run asks every day)."""
    return ~exists().where(
        letter_source.c.utility_id == utility_id,
        letter_source.c.source_kind == kind,
        letter_source.c.source_id == key,
    )


def _first_clauses(uow: UnitOfWork, utility_id: int, bill_ids: Sequence[int]) -> dict[int, str]:
    """Each bill's clause: that of its first line that names one."""
    found: dict[int, str] = {}
    for start in range(0, len(bill_ids), 5000):
        for r in uow.connection.execute(
            select(bill_line.c.bill_id, bill_line.c.clause)
            .where(
                bill_line.c.utility_id == utility_id,
                among(uow.connection, bill_line.c.bill_id, bill_ids[start : start + 5000]),
                bill_line.c.clause.is_not(None),
            )
            .order_by(bill_line.c.bill_id, bill_line.c.line_no)
        ):
            found.setdefault(int(r.bill_id), r.clause)
    return found


def _budgets(
    utility_id: int, on: date, uow: UnitOfWork, clock: Clock, documents: SqlLetterDocuments
) -> int:
    b = budget.c
    key = cast(b.relationship_id, String) + ":" + cast(b.year, String) + ":"
    rows = uow.connection.execute(
        select(budget, relationship.c.party_id)
        .join(
            relationship,
            (relationship.c.utility_id == b.utility_id)
            & (relationship.c.relationship_id == b.relationship_id),
        )
        .where(
            b.utility_id == utility_id,
            _unsent(utility_id, "budget", key + cast(b.revision, String)),
        )
        .order_by(b.relationship_id, b.year, b.revision)
    ).all()
    requests = [
        LetterRequest(
            LetterKind.BUDGET,
            int(r.party_id),
            on,
            r.clause,
            int(r.relationship_id),
            {
                "year": str(r.year),
                "period": f"{r.period_start:%d-%m-%Y} – {r.period_end - ONE_DAY:%d-%m-%Y}",
                "expected_mwh": f"{r.expected_mwh:.3f}".replace(".", ","),
                "amount": Money(r.amount_ore).format_da(),
            },
        )
        for r in rows
    ]
    ids = uow.letters(utility_id).queue(requests, clock.now())
    documents.add_sources("budget", [(_budget_key(r), i) for r, i in zip(rows, ids, strict=True)])
    return len(ids)


def _budget_key(r: Any) -> str:
    return f"{r.relationship_id}:{r.year}:{r.revision}"


@dataclass(frozen=True, slots=True)
class AnnounceInterruption:
    """A planned stop of the supply (`vestervig 3.6`)."""

    on: date
    """The day the notice is sent."""
    start: str
    """When the supply stops, as printed (DD-MM-YYYY kl. HH:MM)."""
    start_day: date
    end: str
    reason: str
    installations: Sequence[str] = ()
    streets: Sequence[str] = ()
    """Street names (without house number): every installation on them is told."""
    emergency: bool = False


def announce_interruption(command: AnnounceInterruption, utility_id: int, uow: UnitOfWork,
                          clock: Clock) -> int:  # fmt: skip
    """Queue the notice to the customers of the installations named; the number queued."""
    ruled = rulebook_of(uow, utility_id, command.on).letters.interruption_notice_days
    notice = (command.start_day - command.on).days
    if not command.emergency and notice < ruled.value:
        raise ValidationError(
            say("letters.interruption.short", days=notice, required=ruled.value,
                clause=str(ruled.clause))
        )  # fmt: skip
    customers = _customers_at(uow, utility_id, command)
    if not customers:
        raise ValidationError(say("letters.interruption.none"))
    facts = {"start": command.start, "end": command.end, "reason": command.reason}
    requests = [
        LetterRequest(LetterKind.SUPPLY_INTERRUPTION, party, command.on, str(ruled.clause),
                      rel, facts)
        for rel, party in customers
    ]  # fmt: skip
    uow.letters(utility_id).queue(requests, clock.now())
    uow.commit()
    return len(requests)


def _customers_at(
    uow: UnitOfWork, utility_id: int, command: AnnounceInterruption
) -> list[tuple[int, int]]:
    """(relationship, party) in force on the start day at the installations or streets."""
    by_number = set(command.installations)
    streets = [s.strip().casefold() for s in command.streets if s.strip()]
    current = {
        r.installation_id: r
        for r in uow.installations(utility_id).relationships_on(command.start_day)
    }
    found = []
    for r in uow.connection.execute(
        select(installation.c.installation_id, installation.c.number, property_.c.address)
        .join(
            property_,
            (property_.c.utility_id == installation.c.utility_id)
            & (property_.c.property_id == installation.c.property_id),
        )
        .where(installation.c.utility_id == utility_id)
        .order_by(installation.c.number)
    ):
        street = r.address.casefold()
        named = r.number in by_number or any(
            street == s or street.startswith(s + " ") for s in streets
        )
        customer = current.get(int(r.installation_id))
        if named and customer is not None:
            found.append((customer.relationship_id, customer.party_id))
    return found


@dataclass(frozen=True, slots=True)
class AnnounceTariffChange:
    on: date
    valid_from: date
    document: str
    """What changes, as the customer knows it: "Takstblad 2027"."""
    summary: str
    clause: str
    """The clause that makes the utility tell its customers (`vestervig 8.3`)."""


def announce_tariff_change(command: AnnounceTariffChange, utility_id: int, uow: UnitOfWork,
                           clock: Clock) -> int:  # fmt: skip
    """Queue a tariff change notice to every customer in force on `valid_from`."""
    customers = uow.installations(utility_id).relationships_on(command.valid_from)
    facts = {"valid_from": f"{command.valid_from:%d-%m-%Y}", "document": command.document,
             "summary": command.summary}  # fmt: skip
    requests = [
        LetterRequest(LetterKind.TARIFF_CHANGE_NOTICE, c.party_id, command.on, command.clause,
                      c.relationship_id, facts)
        for c in customers
    ]  # fmt: skip
    uow.letters(utility_id).queue(requests, clock.now())
    uow.commit()
    return len(requests)
