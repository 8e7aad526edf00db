"""Utilities keep their rulebook and tariff sheet as loaded; a bad document changes nothing."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine, func, select

from heatbill.adapters.clock import FixedClock
from heatbill.adapters.db.tables import utility
from heatbill.adapters.rulebook_files import preset_source, preset_text
from heatbill.domain.errors import ConflictError
from heatbill.domain.ledger import Account
from heatbill.domain.rulebook import RulebookError
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import (
    CreateUtility,
    RuleText,
    create_utility,
    rulebook_of,
    tariffs_of,
)

CLOCK = FixedClock(datetime(2026, 1, 5, 9, tzinfo=UTC))


def command(code: str, preset: str = "aalborg", rulebook_text: str | None = None) -> CreateUtility:
    return CreateUtility(
        code=code,
        name="Prøveværket",
        cvr="87654321",
        address="Prøvevej 2, 9000 Aalborg",
        fi_creditor_number="87654321",
        pbs_number=None,
        rulebook=RuleText(preset_source(preset), rulebook_text or preset_text(preset)),
        tariffs=RuleText(preset_source(preset, tariffs=True), preset_text(preset, tariffs=True)),
    )


def test_a_utility_keeps_its_rulebook_tariffs_and_chart(engine: Engine) -> None:
    code = f"aalborg-{uuid.uuid4().hex[:8]}"
    with UnitOfWork(engine) as uow:
        created = create_utility(command(code), uow, CLOCK)
    with UnitOfWork(engine, write=False) as uow:
        rulebook = rulebook_of(uow, created.utility_id, date(2026, 6, 1))
        tariffs = tariffs_of(uow, created.utility_id, date(2026, 6, 1))
        chart = uow.utilities.account_map(created.utility_id)
    assert rulebook == created.rulebook
    assert rulebook.reminders.fee_bearing_max.value == 2
    assert str(rulebook.reminders.fee_bearing_max.clause) == "aalborg 2.5"
    assert tariffs == created.tariffs
    assert chart[Account.RECEIVABLES].number == "5600"
    with UnitOfWork(engine) as uow, pytest.raises(ConflictError):
        create_utility(command(code), uow, CLOCK)


def test_a_bad_rulebook_is_refused_and_nothing_is_written(engine: Engine) -> None:
    broken = preset_text("aalborg").replace(
        "fee_bearing_max = { value = 2", "fee_bearing_max = { value = 7"
    )
    with UnitOfWork(engine, write=False) as uow:
        before = uow.connection.execute(select(func.count()).select_from(utility)).scalar_one()
    with UnitOfWork(engine) as uow, pytest.raises(RulebookError, match="fee_bearing_max"):
        create_utility(command(f"broken-{uuid.uuid4().hex[:8]}", rulebook_text=broken), uow, CLOCK)
    with UnitOfWork(engine, write=False) as uow:
        after = uow.connection.execute(select(func.count()).select_from(utility)).scalar_one()
    assert after == before
