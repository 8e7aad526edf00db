"""A settled-year state for the settlement benchmark, built fast: N installations of a `4rater`
utility on 1 March 2027, just before the annual settlement of 2026.

The register (parties, properties, installations, meters, owner relationships since 2015),
the readings at 31-12-2025 and 31-12-2026, the budgets of 2026 and 2027 with their installments
are generated in Python and bulk-inserted (`bulk.insert_rows`: executemany on SQLite, COPY on
PostgreSQL). The installment bills — the four of 2026 and installment 2 of 2027, billed on
1 March 2027 before the run so that refunds are set off against it — are derived inside the
database from the budget installments (INSERT … SELECT), with their journal entries, postings,
open items and bill lines exactly as `billing_runs.bill_installments` books them (`settlement.py
--check` compares the two). On PostgreSQL the load runs with `session_replication_role =
replica` (triggers and foreign keys off: the rows are consistent by construction; the server's
superuser is needed), then ANALYZE.

Use: each customer's 2026 use is last year's times a share — 45 % use more (the settlement
collects), 35 % a little less (a refund set off against installment 2), 20 % much less (a refund
larger than installment 2, paid out).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import (
    Connection,
    DateTime,
    Engine,
    String,
    Text,
    case,
    cast,
    func,
    insert,
    literal,
    select,
    text,
)

from heatbill.adapters.clock import FixedClock
from heatbill.adapters.db.billing_tables import bill, bill_line, budget, budget_installment
from heatbill.adapters.db.bulk import insert_rows
from heatbill.adapters.db.ids import IdAllocator
from heatbill.adapters.db.register_tables import (
    installation,
    meter,
    party,
    property_,
    reading,
    relationship,
)
from heatbill.adapters.db.tables import journal_entry, open_item, posting
from heatbill.adapters.holidays_dk import danish_bank_calendar
from heatbill.adapters.rulebook_files import preset_source, preset_text
from heatbill.domain.billing.installments import InstallmentDate, installment_schedule
from heatbill.domain.money import Money, allocate
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import CreateUtility, RuleText, create_utility, rulebook_of
from heatbill.wording import say

YEAR = 2026
SETTLED_ON = date(2027, 3, 1)
"""The first bank day of March 2027: installment 2, and the settlement with it (`4rater`)."""
CREATED = datetime(2027, 1, 4, tzinfo=UTC)
CUSTOMERS_SINCE = date(2015, 1, 1)
CHUNK = 100_000
BILLS_PER_CUSTOMER = 5
"""The four installments of 2026 and installment 2 of 2027."""
MWH = Decimal("0.001")


@dataclass(frozen=True, slots=True)
class Site:
    """One installation of the synthetic utility (its number is its index, from 1)."""

    number: int
    area_m2: Decimal
    business: bool
    last_year_mwh: Decimal
    year_mwh: Decimal
    """The use of 2026."""
    register_mwh: Decimal
    """The energy register at 31-12-2025."""


def sites(n: int, seed: int) -> Iterator[Site]:
    rng = random.Random(seed)
    for number in range(1, n + 1):
        kind = rng.random()
        business = kind < 0.03
        low, high = (300, 5000) if business else (80, 250) if kind < 0.63 else (50, 110)
        area = Decimal(rng.randint(low, high))  # BBR areas are whole m²
        last = (area * Decimal(rng.uniform(0.10, 0.16))).quantize(MWH)
        mix = rng.random()
        share = (
            rng.uniform(1.03, 1.3)
            if mix < 0.45
            else rng.uniform(0.9, 0.99)
            if mix < 0.8
            else rng.uniform(0.3, 0.7)
        )
        year = (last * Decimal(share)).quantize(MWH)
        register = Decimal(rng.randint(10_000, 500_000)).scaleb(-3)
        yield Site(number, area, business, last, year, register)


def yearly_gross(site: Site, mwh: Decimal) -> Money:
    """A year at the `4rater` sheet's prices incl. VAT: subscription 2 000, 12 kr/m², meter
    rent 600, 450 kr/MWh (a budget's amount; the settlement prices for itself)."""
    net = Decimal(200_000) + 1200 * site.area_m2 + 60_000 + 45_000 * mwh
    net_ore = int(net.quantize(Decimal(1), ROUND_HALF_UP))
    vat = int((Decimal(net_ore) / 4).quantize(Decimal(1), ROUND_HALF_UP))
    return Money(net_ore + vat)


@dataclass
class State:
    utility_id: int
    installations: int
    clock: FixedClock
    schedules: dict[int, list[InstallmentDate]]


def create_4rater_utility(engine: Engine) -> tuple[int, dict[int, list[InstallmentDate]]]:
    command = CreateUtility(
        f"bench-{uuid.uuid4().hex[:8]}", "Fjernvarme 4 rater", "11223344", "Lerbækvej 17",
        "81234567", "01234567",
        RuleText(preset_source("4rater"), preset_text("4rater")),
        RuleText(preset_source("4rater", tariffs=True), preset_text("4rater", tariffs=True)),
    )  # fmt: skip
    with UnitOfWork(engine) as uow:
        utility_id = create_utility(command, uow, FixedClock.on(date(YEAR, 1, 2))).utility_id
    with UnitOfWork(engine, write=False) as uow:
        rulebook = rulebook_of(uow, utility_id, SETTLED_ON)
    calendar = danish_bank_calendar()
    schedules = {y: installment_schedule(y, rulebook, calendar) for y in (YEAR, YEAR + 1)}
    return utility_id, schedules


def build(engine: Engine, n: int, seed: int = 2026, *, bills: bool = True) -> State:
    """The state on `engine`; `bills` False leaves the installments unbilled (for --check,
    where the real billing run books them)."""
    utility_id, schedules = create_4rater_utility(engine)
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SET LOCAL session_replication_role = replica"))
        _reserve_ids(connection, utility_id, n)
        batch: list[Site] = []
        for site in sites(n, seed):
            batch.append(site)
            if len(batch) == CHUNK:
                _write_sites(connection, utility_id, batch, schedules)
                batch = []
        _write_sites(connection, utility_id, batch, schedules)
        if bills:
            _bill_installments(connection, utility_id, schedules)
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("ANALYZE"))
    return State(utility_id, n, FixedClock.on(SETTLED_ON), schedules)


def _reserve_ids(connection: Connection, utility_id: int, n: int) -> None:
    """Ids 1…n of the register, 1…2n of readings, 1…5n of the bills and their bookings."""
    ids = IdAllocator(connection, utility_id)
    for name in ("party", "property", "installation", "meter", "relationship"):
        assert ids.reserve(name, n) == 1
    assert ids.reserve("reading", 2 * n) == 1
    for name in ("bill", "entry", "open_item"):
        assert ids.reserve(name, BILLS_PER_CUSTOMER * n) == 1


def _write_sites(
    connection: Connection,
    u: int,
    batch: list[Site],
    schedules: dict[int, list[InstallmentDate]],
) -> None:
    if not batch:
        return
    parties = [
        (u, s.number, "company" if s.business else "person", f"Kunde {s.number}",
         None, None, None, None, None, None, False, False, CREATED)
        for s in batch
    ]  # fmt: skip
    _insert(connection, party, parties)
    properties = [
        (u, s.number, f"Vej {s.number}", "2680", "Solrød Strand", s.area_m2, None,
         "business" if s.business else "housing", None)
        for s in batch
    ]  # fmt: skip
    _insert(connection, property_, properties)
    _insert(connection, installation, [(u, s.number, s.number, f"{s.number:08d}") for s in batch])
    meters = [
        (u, s.number, s.number, f"S{s.number:08d}", CUSTOMERS_SINCE, None, "remote",
         "lt100kw" if s.business else "lt30kw")
        for s in batch
    ]  # fmt: skip
    _insert(connection, meter, meters)
    relationships = [
        (u, s.number, s.number, s.number, "owner", CUSTOMERS_SINCE, None, False, None, False,
         CREATED)
        for s in batch
    ]  # fmt: skip
    _insert(connection, relationship, relationships)
    _insert(connection, reading, list(_readings(u, batch)))
    _write_budgets(connection, u, batch, schedules)


def _readings(u: int, batch: list[Site]) -> Iterator[tuple[Any, ...]]:
    for s in batch:
        ends = (
            (date(YEAR - 1, 12, 31), s.register_mwh),
            (date(YEAR, 12, 31), s.register_mwh + s.year_mwh),
        )
        for k, (day, energy) in enumerate(ends):
            yield (
                u, 2 * s.number - 1 + k, s.number, day, energy, energy * 20, None, None,
                "remote", "accepted", None, None, None, None, None, None, CREATED,
            )  # fmt: skip


def _write_budgets(
    connection: Connection,
    u: int,
    batch: list[Site],
    schedules: dict[int, list[InstallmentDate]],
) -> None:
    budgets, installments = [], []
    for s in batch:
        for year, mwh in ((YEAR, s.last_year_mwh), (YEAR + 1, s.year_mwh)):
            gross = yearly_gross(s, mwh)
            start, end = date(year, 1, 1), date(year + 1, 1, 1)
            budgets.append(
                (u, s.number, year, 0, start, end, "last_year_actual", mwh, gross.ore, "4rater",
                 None, CREATED)
            )  # fmt: skip
            parts = allocate(gross, [1] * len(schedules[year]))
            installments += [
                (u, s.number, year, 0, i.number, i.charge_date, i.due_date, part.ore)
                for i, part in zip(schedules[year], parts, strict=True)
            ]
    _insert(connection, budget, budgets)
    _insert(connection, budget_installment, installments)


def _insert(connection: Connection, table: Any, rows: list[tuple[Any, ...]]) -> None:
    insert_rows(connection, table, [c.name for c in table.columns], rows)


def _bill_installments(
    connection: Connection, u: int, schedules: dict[int, list[InstallmentDate]]
) -> None:
    """The installment bills and their bookings, derived from the budget installments (each
    table after those it refers to: SQLite checks every foreign key as the row goes in)."""
    bi = budget_installment
    billed = (bi.c.utility_id == u) & (
        (bi.c.year == YEAR) | ((bi.c.year == YEAR + 1) & (bi.c.number == 2))
    )
    slot = case((bi.c.year == YEAR, bi.c.number - 1), else_=literal(4))
    bill_id = (bi.c.relationship_id - 1) * BILLS_PER_CUSTOMER + slot + 1
    net = (bi.c.amount_ore * 8 + 5) // 10  # 4/5 of the gross, half-up (heat carries 25 % VAT)
    number = cast(bi.c.year, String) + "-" + _padded(connection, bill_id)
    reference = "Regning " + number
    created = literal(CREATED, DateTime(timezone=True))
    entries = select(
        bi.c.utility_id, bill_id, bi.c.charge_date, literal("installment"), reference,
        literal("4rater"), literal(None), "bill:" + cast(bill_id, String), literal(None), created,
    ).where(billed)  # fmt: skip
    entry_columns = [c.name for c in journal_entry.columns if c.name != "created_txid"]
    connection.execute(insert(journal_entry).from_select(entry_columns, entries))
    items = select(
        bi.c.utility_id, bill_id, bi.c.relationship_id, literal("principal"), bi.c.due_date,
        reference, literal("4rater"), bill_id,
    ).where(billed)  # fmt: skip
    connection.execute(insert(open_item).from_select([c.name for c in open_item.columns], items))
    heads = select(
        bi.c.utility_id, bill_id, number, literal("installment"), bi.c.relationship_id,
        bi.c.relationship_id, bi.c.charge_date, bi.c.due_date, literal(0), bi.c.charge_date,
        bi.c.due_date, net, bi.c.amount_ore - net, bill_id, bill_id, literal(None),
        literal(None), created,
    ).where(billed)  # fmt: skip
    connection.execute(insert(bill).from_select([c.name for c in bill.columns], heads))
    b = bill.c
    mine = b.utility_id == u
    lines = (
        (1, "receivables", b.net_ore + b.vat_ore, b.relationship_id, b.open_item_id),
        (2, "heat_revenue", -b.net_ore, None, None),
        (3, "vat_payable", -b.vat_ore, None, None),
    )
    for line_no, account, amount, customer, item in lines:
        postings = select(
            b.utility_id, b.entry_id, literal(line_no), literal(account), amount,
            literal(customer) if customer is None else customer,
            literal(item) if item is None else item,
        ).where(mine)  # fmt: skip
        connection.execute(insert(posting).from_select([c.name for c in posting.columns], postings))
    line = "runs.installment_line"
    texts = case(
        *(
            (b.issue_date == i.charge_date, literal(say(line, number=i.number, year=year)))
            for year, schedule in schedules.items()
            for i in schedule
        )
    )
    bill_lines = select(
        b.utility_id, b.bill_id, literal(1), texts, literal("heat_revenue"), b.net_ore, b.vat_ore,
        literal("4rater"), literal(None), literal(None), literal(None),
    ).where(mine)  # fmt: skip
    connection.execute(
        insert(bill_line).from_select([c.name for c in bill_line.columns], bill_lines)
    )


def _padded(connection: Connection, value: Any) -> Any:
    """`value` as 7 digits with leading zeros, as `issue_bills` numbers bills."""
    if connection.dialect.name == "postgresql":
        return func.lpad(cast(value, Text), 7, "0")
    return func.printf("%07d", value)
