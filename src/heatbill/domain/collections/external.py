"""External collection (ekstern inkasso): the claim with a partner, the collection fee, and the
legal caps on what the partner may charge the debtor.

- The hand-over is a step (`StepKind.EXTERNAL_COLLECTION`), a recall another
  (`StepKind.EXTERNAL_RECALL`): a claim is with the partner from its last hand-over until a
  recall. A claim with the partner is old debt (`webinar`): it may not lead to closing alone.
- The collection fee (inkassogebyr, renteloven § 9 b, stk. 3, at most 100 kr.) is charged once
  per claim: not at the hand-over when the collection notice already bore it.
- The partner's costs charged to the debtor (inddrivelsesomkostninger) may not exceed the
  table of bekendtgørelse om udenretlige inddrivelsesomkostninger, bilag 1 (from 1 July 2016):
  by the claim incl. VAT and excl. late interest, in kroner ex VAT (DANISH-RULES.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from heatbill.domain.collections.claim import NOTHING, Claim, StepKind, TakenStep
from heatbill.domain.money import Money
from heatbill.domain.rulebook.law import COLLECTION_FEE_MAX
from heatbill.wording import say

COST_CAPS_CLAUSE: Final = "bekendtgørelse om udenretlige inddrivelsesomkostninger, bilag 1"
_KR = Money.kroner
COST_CAPS: Final[tuple[tuple[Money, Money], ...]] = (
    (_KR(1_000), _KR(400)),
    (_KR(2_500), _KR(700)),
    (_KR(5_000), _KR(1_000)),
    (_KR(10_000), _KR(1_300)),
    (_KR(25_000), _KR(1_700)),
    (_KR(50_000), _KR(2_250)),
    (_KR(100_000), _KR(2_850)),
    (_KR(250_000), _KR(3_850)),
    (_KR(500_000), _KR(6_400)),
)
"""(claim up to and including, cap): the brackets of bilag 1, kroner ex VAT."""
ABOVE_TOP_RATE: Final = Decimal("0.01")
"""Above the top bracket: its cap plus 1 % of the part of the claim above it."""


def cost_cap(claim: Money) -> Money:
    """The most an external partner may charge the debtor for collecting `claim` (incl. VAT,
    excl. late interest), in kroner ex VAT; rounded half-up to øre once."""
    for upper, cap in COST_CAPS:
        if claim <= upper:
            return cap
    top, top_cap = COST_CAPS[-1]
    return top_cap + (claim - top).times(ABOVE_TOP_RATE)


def cost_refusals(claim: Money, costs: Money) -> list[str]:
    """Why the partner's `costs` for `claim` are more than the law allows (Danish)."""
    cap = cost_cap(claim)
    if costs <= cap:
        return []
    return [
        say("external.cost_above_cap", costs=costs.format_da(), cap=cap.format_da(),
            claim=claim.format_da(), clause=COST_CAPS_CLAUSE)
    ]  # fmt: skip


def with_agency(claim: Claim) -> bool:
    """Handed to the external partner and not recalled since."""
    return handed_over(claim.steps)


def handed_over(steps: Sequence[TakenStep]) -> bool:
    """The last hand-over in `steps` is not followed by a recall."""
    for step in reversed(steps):
        if step.kind is StepKind.EXTERNAL_RECALL:
            return False
        if step.kind is StepKind.EXTERNAL_COLLECTION:
            return True
    return False


def collection_fee_borne(claim: Claim) -> bool:
    """The claim already bears the collection fee (the notice's or an earlier hand-over's)."""
    kinds = (StepKind.COLLECTION_NOTICE, StepKind.EXTERNAL_COLLECTION)
    return any(s.kind in kinds and s.fee.is_positive for s in claim.steps)


def hand_over_refusals(claim: Claim, fee: Money = NOTHING) -> list[str]:
    """Why the claim may not be handed over now with `fee` (Danish); the dispute check is the
    guard's own."""
    found = []
    if with_agency(claim):
        found.append(say("external.already_with_agency", claim=claim.reference))
    if fee.is_positive:
        clause = str(COLLECTION_FEE_MAX.clause)
        if collection_fee_borne(claim):
            found.append(say("external.fee_twice", clause=clause))
        if fee > COLLECTION_FEE_MAX.value:
            found.append(say("external.fee_too_high", fee=fee.format_da(),
                             max=COLLECTION_FEE_MAX.value.format_da(), clause=clause))  # fmt: skip
    return found
