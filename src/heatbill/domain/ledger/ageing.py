"""Ageing (aldersfordeling) of the receivables on a date: each open item by days past due.

Buckets: not yet due (due on or after the date: paying on the due date is on time), 0–30,
31–60, 61–90 and over 90 days past due; a customer's credit (a negative residual: an
overpayment or a credit note) is its own column, so a customer's buckets add up to their
balance and all customers' to the receivables subledger.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from heatbill.domain.ledger.open_items import OpenItem
from heatbill.domain.money import Money, total


class AgeBucket(StrEnum):
    NOT_DUE = "not_due"
    DAYS_0_30 = "days_0_30"
    DAYS_31_60 = "days_31_60"
    DAYS_61_90 = "days_61_90"
    OVER_90 = "over_90"
    CREDIT = "credit"


_LIMITS = ((30, AgeBucket.DAYS_0_30), (60, AgeBucket.DAYS_31_60), (90, AgeBucket.DAYS_61_90))


def bucket_of(item: OpenItem, residual: Money, on: date) -> AgeBucket:
    if residual.ore < 0:
        return AgeBucket.CREDIT
    overdue = (on - item.due_date).days
    if overdue <= 0:
        return AgeBucket.NOT_DUE
    return next((bucket for limit, bucket in _LIMITS if overdue <= limit), AgeBucket.OVER_90)


@dataclass(frozen=True, slots=True)
class AgeingLine:
    customer_id: int
    amounts: dict[AgeBucket, Money] = field(default_factory=dict)

    def amount(self, bucket: AgeBucket) -> Money:
        return self.amounts.get(bucket, Money(0))

    @property
    def total(self) -> Money:
        return total(self.amounts.values())


def ageing(items: Iterable[tuple[OpenItem, Money]], on: date) -> list[AgeingLine]:
    """One line per customer with open items on `on`, by customer id."""
    lines: dict[int, dict[AgeBucket, Money]] = {}
    for item, residual in items:
        amounts = lines.setdefault(item.customer_id, {})
        bucket = bucket_of(item, residual, on)
        amounts[bucket] = amounts.get(bucket, Money(0)) + residual
    return [AgeingLine(customer, lines[customer]) for customer in sorted(lines)]


def totals(lines: Iterable[AgeingLine]) -> AgeingLine:
    """All customers together (customer id 0)."""
    summed: dict[AgeBucket, Money] = {}
    for line in lines:
        for bucket, amount in line.amounts.items():
            summed[bucket] = summed.get(bucket, Money(0)) + amount
    return AgeingLine(0, summed)
