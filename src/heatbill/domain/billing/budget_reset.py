"""Re-setting the later installments of a budget (`vestervig 6.1`), with the reason kept.

`vestervig 6.1`: "Hvis forbruget ændrer sig i forhold til acontofastsættelsen, kan VÆRKET
vedtage at ændre de efterfølgende acontoregninger" and "VÆRKET kan endvidere regulere
acontoregninger i takt med omkostningsændringer" (`solrod 6.1` likewise). A re-set never edits
what was billed: the installments before `from_number` stay as charged, the later ones share a
new rest by their weights (`money.allocate`, exact to the øre), and a `BudgetReset` with the
staff member's reason is added to the budget. Which installments are already charged is the
caller's knowledge (the ledger's); the number says where the re-set begins.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from heatbill.domain.billing.budget import Budget, BudgetReset, Price
from heatbill.domain.consumption import to_mwh_resolution
from heatbill.domain.errors import ValidationError
from heatbill.domain.money import Money, allocate, total
from heatbill.wording import say


def reset_installments(budget: Budget, from_number: int, rest_total: Money, reason: str) -> Budget:
    """Installments `from_number` on re-set to `rest_total` in all (costs changed, a request).

    The earlier ones stay as charged; the later ones share `rest_total` by their weights.
    """
    return _reset(budget, from_number, rest_total, reason, None)


def reset_for_new_use(
    budget: Budget, from_number: int, expected_mwh: Decimal, price: Price, reason: str
) -> Budget:
    """Installments `from_number` on re-set for a new expected use of the budget's period.

    The period is priced anew at `expected_mwh` (rounded to 0.001 MWh); what the earlier
    installments charged is taken off, and the later ones share the rest. A rest below zero is
    refused: the staff member sets the rest to 0 kr. (`reset_installments`) and the annual
    settlement pays back the excess.
    """
    if expected_mwh < 0:
        raise ValidationError(say("installments.use.negative", mwh=expected_mwh))
    expected_mwh = to_mwh_resolution(expected_mwh)
    new_amount = price(budget.period, expected_mwh)
    charged = total(item.amount for item in budget.installments if item.number < from_number)
    if new_amount < charged:
        fields = {"charged": charged.format_da(), "budget": new_amount.format_da()}
        raise ValidationError(say("installments.reset.charged_exceed", **fields))
    return _reset(budget, from_number, new_amount - charged, reason, expected_mwh)


def _reset(
    budget: Budget, from_number: int, rest: Money, reason: str, expected_mwh: Decimal | None
) -> Budget:
    numbers = [item.number for item in budget.installments]
    if from_number not in numbers:
        listed = ", ".join(str(n) for n in numbers)
        raise ValidationError(
            say("installments.reset.unknown_number", number=from_number, numbers=listed)
        )
    if not reason.strip():
        raise ValidationError(say("installments.reset.no_reason"))
    if rest.is_negative:
        raise ValidationError(say("installments.reset.negative_rest", amount=rest.format_da()))
    kept = [item for item in budget.installments if item.number < from_number]
    later = [item for item in budget.installments if item.number >= from_number]
    parts = allocate(rest, [item.weight for item in later])
    redone = [replace(item, amount=part) for item, part in zip(later, parts, strict=True)]
    rest_before = total(item.amount for item in later)
    record = BudgetReset(from_number, reason.strip(), rest_before, rest, expected_mwh)
    return replace(
        budget,
        expected_mwh=budget.expected_mwh if expected_mwh is None else expected_mwh,
        amount=total(item.amount for item in kept) + rest,
        installments=(*kept, *redone),
        resets=(*budget.resets, record),
    )
