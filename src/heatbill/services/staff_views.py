"""Read models for the staff screens: search, the customer page with the whole story, the
arrears list, the technicians' visits, today's run. Read only; nothing is committed.

Search by CPR number is by exact match only (through the vault's keyed hash); every other
search is by installation number, name, address or phone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from heatbill.adapters.db.screen_queries import ArrearsFilter, ArrearsLine, Hit, ScreenQueries
from heatbill.domain.billing.forecast import UseInterval, use_intervals
from heatbill.domain.collections.claim import StepKind
from heatbill.domain.degree_days import table_of
from heatbill.domain.errors import NotFoundError, ValidationError
from heatbill.domain.money import Money
from heatbill.domain.register.parties import Cpr
from heatbill.domain.register.readings import ReadingStatus
from heatbill.services.arrears_list import ArrearsList
from heatbill.services.bill_queries import BillHead, bill_heads
from heatbill.services.collection_cases import Case, cases_of
from heatbill.services.collections import LoadedClaim, load_claims
from heatbill.services.register_queries import CustomerPeriod, InstallationFile, installation_file
from heatbill.services.reports import CustomerStatement, statement_report
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of

_CPR = re.compile(r"^\s*(\d{6})-?(\d{4})\s*$")


def search(uow: UnitOfWork, utility_id: int, text: str) -> list[Hit]:
    queries = ScreenQueries(uow.connection, utility_id)
    cpr = _CPR.match(text)
    if cpr:
        try:
            wanted = Cpr.parse(f"{cpr.group(1)}-{cpr.group(2)}")
        except ValidationError:
            return []
        found = uow.parties(utility_id).find_by_cpr(wanted)
        return queries.by_parties([p.party_id for p in found])
    if len(text.strip()) < 2:
        return []
    return queries.search(text)


@dataclass(frozen=True, slots=True)
class CustomerPage:
    """One installation's whole story, for the customer page."""

    file: InstallationFile
    current: CustomerPeriod | None
    """The customer on the day, else the last one."""
    statement: CustomerStatement | None
    bills: list[BillHead]
    cases: list[Case]
    use: list[UseInterval]

    @property
    def owed_cases(self) -> list[Case]:
        """The cases with something still to pay."""
        return [c for c in self.cases if c.claim.owed.ore > 0]


def customer_page(uow: UnitOfWork, utility_id: int, number: str, on: date) -> CustomerPage:
    found = installation_file(uow, utility_id, number)
    periods = found.customers
    in_force = [
        p
        for p in periods
        if p.relationship.start <= on and (p.relationship.end is None or p.relationship.end > on)
    ]
    current = in_force[-1] if in_force else (periods[-1] if periods else None)
    statement = None
    if current is not None:
        first = max(current.relationship.start, on - timedelta(days=400))
        try:
            statement = statement_report(
                uow, utility_id, current.relationship.relationship_id, min(first, on), on
            )
        except NotFoundError:
            statement = None
    customer_ids = [p.relationship.relationship_id for p in periods]
    claim_ids = ScreenQueries(uow.connection, utility_id).claims_of(customer_ids, on)
    return CustomerPage(
        found,
        current,
        statement,
        bill_heads(uow, utility_id, installation_number=number),
        cases_of(uow, utility_id, claim_ids, on),
        _use(uow, utility_id, found, on),
    )


def _use(uow: UnitOfWork, utility_id: int, found: InstallationFile, on: date) -> list[UseInterval]:
    accepted = [
        (
            line.recorded.reading.meter_id,
            line.recorded.reading.read_on,
            line.recorded.reading.energy_mwh,
        )
        for line in found.readings
        if line.recorded.status is ReadingStatus.ACCEPTED
    ]
    accepted.sort(key=lambda r: (r[1], r[0]))
    ids = [p.relationship.relationship_id for p in found.customers]
    queries = ScreenQueries(uow.connection, utility_id)
    budgets = queries.budget_use(ids)
    table = table_of(uow.readings(utility_id).degree_days())
    share = rulebook_of(uow, utility_id, on).metering.hot_water_share_percent.value
    return use_intervals(accepted, budgets, table, share)


def arrears(
    uow: UnitOfWork,
    utility_id: int,
    on: date,
    wanted: ArrearsFilter,
    listing: ArrearsList | None = None,
) -> tuple[list[ArrearsLine], int]:
    """A page of the arrears list; through `listing` (a web worker's) it may reuse a ranking
    computed since the last change (`arrears_list`)."""
    return (listing or ArrearsList()).page(uow, utility_id, on, wanted)


@dataclass(frozen=True, slots=True)
class Visit:
    kind: StepKind
    """CLOSING_VISIT (to close) or REOPENING (to open again)."""
    claim_id: int
    ordered_on: date
    installation_number: str
    address: str
    meter: str
    customer: str
    owed: Money
    """What avoids the closing on site, for a closing visit (`vestervig 6.7`)."""


def visits(uow: UnitOfWork, utility_id: int, on: date, days: int = 14) -> list[Visit]:
    """Closing visits ordered and not yet reported, and reopenings ordered in the last
    `days` days: the technicians' list. The address is the supply the order names — for old
    debt the debtor's current home, never the old installation (`webinar`)."""
    loaded = load_claims(uow, utility_id, on)
    wanted: list[tuple[StepKind, date, LoadedClaim]] = []
    for item in loaded:
        claim = item.claim
        if claim.visit_pending:
            ordered = claim.taken(StepKind.CLOSING_VISIT)[-1].on
            wanted.append((StepKind.CLOSING_VISIT, ordered, item))
        wanted += [
            (StepKind.REOPENING, step.on, item)
            for step in claim.taken(StepKind.REOPENING)
            if step.on >= on - timedelta(days=days)
        ]
    places = ScreenQueries(uow.connection, utility_id).places(
        {item.facts_for(kind).installation_id for kind, _, item in wanted}
    )
    parties = uow.parties(utility_id).get_many(
        sorted({item.customer.party_id for _, _, item in wanted})
    )
    found = [
        Visit(
            kind,
            item.claim.claim_id,
            ordered,
            *places[item.facts_for(kind).installation_id],
            parties[item.customer.party_id].name,
            item.claim.owed,
        )
        for kind, ordered, item in wanted
    ]
    return sorted(found, key=lambda v: (v.kind != StepKind.CLOSING_VISIT, v.ordered_on))
