"""Connection and exit use cases: the connection contribution bill (`vestervig 2.6`–`2.10`) and
the exit statement with its bill (`vestervig 2.18`–`2.19`, `solrod 2.18`–`2.19`).

Both bill the owner (`2.6`: "Ejeren betaler"; `2.18`: notice "af ejeren"). Each is issued
once per installation through `issue_bills`: the same request again finds the bill it made,
a different one is refused (`ConflictError`). One-off charges (works, extra readings, meter
tests and their refund) live in `one_off_charges` and are re-exported here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from heatbill.adapters.clock import Clock
from heatbill.adapters.holidays_dk import danish_bank_calendar
from heatbill.domain.billing.bill import Bill, BillKind
from heatbill.domain.billing.connection import connection_due_date, quote_connection
from heatbill.domain.billing.exit import check_exit_notice, exit_due_date
from heatbill.domain.billing.exit_statement import ExitCosts, ExitStatement, PlantShare
from heatbill.domain.billing.exit_statement import exit_statement as state_exit
from heatbill.domain.errors import NotFoundError
from heatbill.domain.money import Money
from heatbill.domain.register.relationships import Relationship, Role
from heatbill.domain.tariff import FeeKind, VatScope
from heatbill.services.one_off_charges import bill_one_off_charge, refund_meter_test
from heatbill.services.single_bills import Charged, issue_once
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of, tariffs_of
from heatbill.wording import say

__all__ = [
    "BillConnection",
    "Charged",
    "ExitResult",
    "StateExit",
    "bill_connection",
    "bill_one_off_charge",
    "exit_statement",
    "refund_meter_test",
]

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class BillConnection:
    utility_id: int
    installation_number: str
    trace_m: Decimal
    """Metres of service pipe trace from the main to the foundation."""
    development_area: bool
    pipe_laid_on: date
    on: date
    """The bill date; the prices are the sheet's in force that day."""


def bill_connection(command: BillConnection, uow: UnitOfWork, clock: Clock) -> Charged:
    """Quote and bill the connection contribution, due before the pipe is laid (`2.6`)."""
    u, on = command.utility_id, command.on
    installations = uow.installations(u)
    installation = installations.installation_by_number(command.installation_number)
    sheet = tariffs_of(uow, u, on)
    prices = sheet.period_on(on).connection
    if prices is None:
        raise NotFoundError(say("connection.no_prices", name=sheet.name, day=on))
    premises = installations.property(installation.property_id)
    quote = quote_connection(
        prices, premises, command.trace_m, development_area=command.development_area
    )
    owner = _owner_from(installations.relationships_of(installation.installation_id), on)
    if owner is None:
        raise NotFoundError(say("connection.no_owner", installation=installation.number, day=on))
    rulebook = rulebook_of(uow, u, on)
    due = connection_due_date(on, command.pipe_laid_on, prices, rulebook, danish_bank_calendar())
    draft = Bill(
        0,
        "",
        BillKind.CONNECTION,
        owner.relationship_id,
        installation.installation_id,
        on,
        on + _ONE_DAY,
        on,
        due,
        quote.bill_lines(),
    )
    clause = str(prices.investment_rate.clause)
    charged = issue_once(uow, clock, u, draft, clause=clause, clash="connection.already_billed")
    uow.commit()
    return charged


@dataclass(frozen=True, slots=True)
class StateExit:
    """An owner's written notice to leave, and the figures of the exit statement (a–e)."""

    utility_id: int
    installation_number: str
    notice_date: date
    annual_statement: Money
    owed: Money
    disconnection: Money
    pipe_removal: Money
    plant: PlantShare | None
    capacity_transferred: bool
    compensation_vat: VatScope
    """Item e's VAT scope: the documents do not say; the utility's auditor does."""
    on: date
    membership_date: date | None = None
    """When the owner joined; by default the start of their customer relationship."""


@dataclass(frozen=True, slots=True)
class ExitResult:
    exit_date: date
    statement: ExitStatement
    bill: Charged | None
    """The exit bill of items c–e; None when there is nothing to bill."""


def exit_statement(command: StateExit, uow: UnitOfWork, clock: Clock) -> ExitResult:
    """The earliest exit date for the notice, the statement a–e, and the bill of c–e."""
    u, on = command.utility_id, command.on
    installations = uow.installations(u)
    installation = installations.installation_by_number(command.installation_number)
    relationships = installations.relationships_of(installation.installation_id)
    owner = next(
        (r for r in relationships if r.role is Role.OWNER and r.covers(command.notice_date)), None
    )
    if owner is None:
        raise NotFoundError(
            say("exit.no_owner", installation=installation.number, day=command.notice_date)
        )
    rulebook = rulebook_of(uow, u, command.notice_date)
    joined = command.membership_date or owner.start
    exit_date = check_exit_notice(command.notice_date, joined, rulebook)
    costs = ExitCosts(
        annual_statement=command.annual_statement,
        owed=command.owed,
        disconnection=command.disconnection,
        meter_removal=tariffs_of(uow, u, on).period_on(on).fee(FeeKind.METER_REMOVAL),
        pipe_removal=command.pipe_removal,
        plant=command.plant,
        capacity_transferred=command.capacity_transferred,
        compensation_vat=command.compensation_vat,
    )
    statement = state_exit(exit_date, costs, rulebook)
    lines = statement.bill_lines()
    if not lines:
        return ExitResult(exit_date, statement, None)
    due = exit_due_date(on, exit_date, rulebook, danish_bank_calendar())
    draft = Bill(
        0,
        "",
        BillKind.EXIT,
        owner.relationship_id,
        installation.installation_id,
        exit_date,
        exit_date + _ONE_DAY,
        on,
        due,
        lines,
    )
    charged = issue_once(uow, clock, u, draft, clause=statement.clause, clash="exit.already_billed")
    uow.commit()
    return ExitResult(exit_date, statement, charged)


def _owner_from(relationships: list[Relationship], day: date) -> Relationship | None:
    """The owner's relationship in force on `day`, else the first to begin after it: the
    contribution is billed before supply begins (`2.6`)."""
    owners = [r for r in relationships if r.role is Role.OWNER and (r.end is None or r.end > day)]
    current = [r for r in owners if r.covers(day)]
    return next(iter(current or sorted(owners, key=lambda r: r.start)), None)
