"""Security for future supply (sikkerhedsstillelse / depositum): who may be asked for one, how
much, in which forms, and when it is given back.

Eligibility (`vestervig 6.10`, `solrod 6.10`, `aalborg 3.4`, `webinar`): a security may only be
demanded after an individual assessment — a staff note is required — and on one of two grounds:
an irregular payment pattern just before the demand (the rulebook's `late_payments_min`
payments at least `late_days_min` days late within `lookback_months`, due date against the day
the item was cleared; an item still unpaid that far past its due date counts too), or debt
from an earlier customer relationship that is not paid (`webinar`: "på grund af gæld") — old
debt alone may never lead to closing, a security demanded for it and not given may.

The amount: `amount_months_of_estimated_use` twelfths of the customer's expected year incl.
VAT (Vestervig's tariff sheet: "5 mdr. skønnet forbrug forud"), rounded half-up once.

Release (`solrod 6.10`): once the customer has paid on time for `refund_after_months_on_time`
months — counted from the day the security was given, or from the last late payment since —
and nothing is overdue. A cash deposit is then set off against the customer's open claims and
the rest refunded; a guarantee is handed back. A guarantee with an expiry lapses on that day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from heatbill.domain.billing.exit import add_months
from heatbill.domain.errors import ConflictError, ValidationError
from heatbill.domain.ledger import Account, JournalEntry, OpenItem, Posting, Reason
from heatbill.domain.ledger.clearing import clear_amount
from heatbill.domain.money import Money, round_ore
from heatbill.domain.rulebook.closing import Securities, SecurityForm
from heatbill.wording import say

CASH_FORMS = frozenset({SecurityForm.CASH_DEPOSIT, SecurityForm.PREPAYMENT})
"""Money the utility holds (DEPOSITS_HELD, a liability); the other forms are guarantees."""
MONTHS_PER_YEAR = 12
WEBINAR = "webinar"


class Ground(StrEnum):
    LATE_PAYMENTS = "late_payments"
    """Repeated, substantial late payments just before the demand."""
    OLD_DEBT = "old_debt"
    """Unpaid debt from an earlier customer relationship (`webinar`: "på grund af gæld")."""


@dataclass(frozen=True, slots=True)
class PaidItem:
    """One of the customer's claims: when it fell due and when it was cleared (None: open)."""

    open_item_id: int
    reference: str
    due_date: date
    amount: Money
    cleared_on: date | None


@dataclass(frozen=True, slots=True)
class LatePayment:
    item: PaidItem
    days_late: int
    """Days from the due date to the clearing, or to the assessment day when still unpaid."""

    @property
    def paid(self) -> bool:
        return self.item.cleared_on is not None


@dataclass(frozen=True, slots=True)
class Assessment:
    """What the payment history says on `on`, for the staff's individual assessment."""

    on: date
    since: date
    late: tuple[LatePayment, ...]
    old_debt: Money
    grounds: tuple[Ground, ...]
    clause: str

    @property
    def eligible(self) -> bool:
        return bool(self.grounds)


def late_payments(items: Sequence[PaidItem], on: date, since: date, days: int) -> list[LatePayment]:
    """Items due in [since, on) that were cleared `days` or more after their due date, or are
    still open that long after it — oldest due date first."""
    found = []
    for item in sorted(items, key=lambda i: (i.due_date, i.open_item_id)):
        if not since <= item.due_date < on:
            continue
        late = ((item.cleared_on or on) - item.due_date).days
        if late >= days:
            found.append(LatePayment(item, late))
    return found


def assess(items: Sequence[PaidItem], old_debt: Money, on: date, rules: Securities) -> Assessment:
    """The grounds for a security on `on` from the customer's claims and unpaid old debt; the
    clause is the eligibility rule's when the payment pattern suffices, else the `webinar`."""
    since = add_months(on, -rules.lookback_months.value)
    late = late_payments(items, on, since, rules.late_days_min.value)
    grounds = []
    if len(late) >= rules.late_payments_min.value:
        grounds.append(Ground.LATE_PAYMENTS)
    if old_debt.is_positive:
        grounds.append(Ground.OLD_DEBT)
    clause = str(rules.eligibility.clause) if Ground.LATE_PAYMENTS in grounds else WEBINAR
    return Assessment(on, since, tuple(late), old_debt, tuple(grounds), clause)


def check_demand(assessment: Assessment, note: str, rules: Securities) -> None:
    """A demand needs a ground and, where the rulebook says so, the staff's assessment note."""
    if rules.individual_assessment.value and not note.strip():
        clause = str(rules.individual_assessment.clause)
        raise ValidationError(say("securities.note_required", clause=clause))
    if not assessment.eligible:
        raise ConflictError(
            say(
                "securities.not_eligible",
                count=len(assessment.late),
                needed=rules.late_payments_min.value,
                days=rules.late_days_min.value,
                months=rules.lookback_months.value,
                clause=str(rules.late_payments_min.clause),
            )
        )


def security_amount(year_incl_vat: Money, months: int) -> Money:
    """`months` twelfths of the expected year's charges incl. VAT, rounded half-up once."""
    if months < 1:
        raise ValueError("a security covers at least one month")
    return round_ore(Decimal(year_incl_vat.ore) * months / MONTHS_PER_YEAR)


def check_form(form: SecurityForm, amount: Money, rules: Securities) -> None:
    if form not in rules.forms.value:
        allowed = ", ".join(f.value for f in rules.forms.value)
        raise ValidationError(
            say("securities.form_not_allowed", form=form.value, allowed=allowed,
                clause=str(rules.forms.clause))
        )  # fmt: skip
    if not amount.is_positive:
        raise ValidationError(say("securities.amount_not_positive"))


def deposit_entry(
    security_id: int,
    customer_id: int,
    amount: Money,
    *,
    booked_on: date,
    description: str,
    clause: str,
) -> JournalEntry:
    """A cash deposit paid in: BANK(+) / DEPOSITS_HELD(−) — a liability, never income."""
    return JournalEntry(
        booking_date=booked_on,
        reason=Reason.DEPOSIT,
        description=description,
        postings=(
            Posting(Account.BANK, amount),
            Posting(Account.DEPOSITS_HELD, -amount, customer_id),
        ),
        clause=clause,
        idempotency_key=f"deposit:{security_id}",
    )


def release_date(
    provided_on: date, items: Sequence[PaidItem], on: date, months: int
) -> date | None:
    """The day the security has earned its release, seen on `on`: `months` after it was given
    or after the last late payment since; None while a claim due since is overdue and unpaid."""
    start = provided_on
    for item in items:
        if item.due_date < provided_on:
            continue  # debt from before the security is what it secures, not the record since
        if item.cleared_on is None:
            if item.due_date < on:
                return None
            continue
        if item.cleared_on > item.due_date:
            start = max(start, item.cleared_on)
    return add_months(start, months)


@dataclass(frozen=True, slots=True)
class ReleaseSplit:
    set_off: tuple[tuple[OpenItem, Money], ...]
    """The open claims the deposit pays, in the clearing order, with the amount each takes."""
    refund: Money


def release_split(amount: Money, open_items: Sequence[tuple[OpenItem, Money]]) -> ReleaseSplit:
    """A released cash deposit pays the customer's open claims first (fees, interest, oldest
    principal — the default clearing order); the rest is refunded."""
    allocations, rest = clear_amount(amount, open_items)
    items = {item.open_item_id: item for item, _ in open_items}
    return ReleaseSplit(tuple((items[a.open_item_id], a.amount) for a in allocations), rest)


def release_entry(
    security_id: int,
    customer_id: int,
    amount: Money,
    open_items: Sequence[tuple[OpenItem, Money]],
    *,
    booked_on: date,
    description: str,
    clause: str,
) -> JournalEntry:
    """DEPOSITS_HELD(+) / RECEIVABLES(−, the claims set off) / REFUNDS_PAYABLE(−, the rest).

    Its key starts `deposit-release:`, so the refund proposals pick the rest up as a deposit
    refund (`domain.payments.refunds`)."""
    split = release_split(amount, open_items)
    postings = [Posting(Account.DEPOSITS_HELD, amount, customer_id)]
    postings += [
        Posting(Account.RECEIVABLES, -part, item.customer_id, item.open_item_id)
        for item, part in split.set_off
    ]
    if split.refund.is_positive:
        postings.append(Posting(Account.REFUNDS_PAYABLE, -split.refund, customer_id))
    return JournalEntry(
        booking_date=booked_on,
        reason=Reason.REFUND,
        description=description,
        postings=tuple(postings),
        clause=clause,
        idempotency_key=f"deposit-release:{security_id}",
    )
