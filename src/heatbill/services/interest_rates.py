"""Nationalbanken's reference rate as data: staff list the rates and add the next half-year's
without a release. The table is one for the installation; a rate once added is never changed
(the interest charged at it keeps its basis)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.interest_repository import RateRow
from heatbill.adapters.db.interest_tables import RATE_SCALE
from heatbill.domain.errors import ValidationError
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

MAX_RATE_PERCENT = Decimal(100)


@dataclass(frozen=True, slots=True)
class AddReferenceRate:
    valid_from: date
    rate_percent: Decimal
    added_by: str


def reference_rates(uow: UnitOfWork) -> list[RateRow]:
    return uow.reference_rates.rows()


def add_reference_rate(command: AddReferenceRate, uow: UnitOfWork, clock: Clock) -> RateRow:
    """Record the udlånsrente of a half-year: refused for a day other than 1 January / 1 July,
    a half-year already known, or one that would leave a gap."""
    by = command.added_by.strip()
    if not by or len(by) > 40:
        raise ValidationError(say("interest.rate.by"))
    rate = command.rate_percent
    if not _fits(rate):
        raise ValidationError(say("interest.rate.bad", got=rate))
    rates = uow.reference_rates
    rates.table().with_rate(command.valid_from, rate)
    rates.add(command.valid_from, rate, by, clock.now())
    uow.commit()
    return RateRow(command.valid_from, rate, by, clock.now())


def _fits(rate: Decimal) -> bool:
    """A finite rate under 100 % with at most `RATE_SCALE` decimals (what the table stores)."""
    if not rate.is_finite() or abs(rate) >= MAX_RATE_PERCENT:
        return False
    return rate.scaleb(RATE_SCALE) == rate.scaleb(RATE_SCALE).to_integral_value()
