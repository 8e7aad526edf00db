"""External collection, pure (issue 6, item 7): the legal caps on the partner's costs at every
bracket edge of bilag 1, the hand-over in the timeline per rulebook, the collection fee once,
and the `[external_collection]` section of every preset and its validation."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from heatbill.adapters.rulebook_files import load_rulebook_preset, preset_text
from heatbill.domain.collections.claim import Claim, StepKind, TakenStep
from heatbill.domain.collections.external import (
    COST_CAPS,
    cost_cap,
    cost_refusals,
    hand_over_refusals,
    with_agency,
)
from heatbill.domain.collections.guard import Proposed, refusals
from heatbill.domain.collections.timeline import Hold, Rules, next_step
from heatbill.domain.money import Money
from heatbill.domain.rulebook.book import parse_rulebook_text
from heatbill.domain.rulebook.external import HandOverAfter
from heatbill.domain.rulebook.problems import RulebookError
from tests.unit.test_collections_timeline import AALBORG, VESTERVIG, claim, day, rules, step, take

KR = Money.kroner
ORE = Money(1)


@pytest.mark.parametrize(
    ("claim_amount", "cap"),
    [
        (ORE, 400), (KR(1_000), 400), (KR(1_000) + ORE, 700), (KR(2_500), 700),
        (KR(2_500) + ORE, 1_000), (KR(5_000), 1_000), (KR(5_000) + ORE, 1_300),
        (KR(10_000), 1_300), (KR(10_000) + ORE, 1_700), (KR(25_000), 1_700),
        (KR(25_000) + ORE, 2_250), (KR(50_000), 2_250), (KR(50_000) + ORE, 2_850),
        (KR(100_000), 2_850), (KR(100_000) + ORE, 3_850), (KR(250_000), 3_850),
        (KR(250_000) + ORE, 6_400), (KR(500_000), 6_400),
    ],
)  # fmt: skip
def test_the_partners_costs_are_capped_by_the_bracket_of_the_claim(
    claim_amount: Money, cap: int
) -> None:
    assert cost_cap(claim_amount) == KR(cap)


def test_above_500_000_kr_the_cap_grows_by_1_percent_of_the_part_above() -> None:
    assert cost_cap(KR(500_000) + ORE) == KR(6_400)  # 0,0001 kr. rounds away
    assert cost_cap(KR(500_050)) == KR("6400.50")
    assert cost_cap(KR(1_000_000)) == KR(11_400)


def test_the_brackets_are_the_tables_nine_in_rising_order() -> None:
    assert len(COST_CAPS) == 9
    assert [upper for upper, _ in COST_CAPS] == sorted(upper for upper, _ in COST_CAPS)


def test_costs_above_the_cap_are_refused_with_the_clause() -> None:
    assert cost_refusals(KR(2_000), KR(700)) == []
    [refusal] = cost_refusals(KR(2_000), KR("700.01"))
    assert "700,00 kr." in refusal
    assert "bilag 1" in refusal


def handed(c: Claim, r: Rules) -> Claim:
    found = step(c, r)
    assert found.kind is StepKind.EXTERNAL_COLLECTION, found
    return c.with_step(found.taken_on(found.earliest, r))


def closed(r: Rules) -> Claim:
    c = claim()
    while True:
        found = step(c, r)
        if found.kind is StepKind.CLOSING_VISIT:
            break
        c, _ = take(c, r)
    return c.with_step(TakenStep(StepKind.CLOSED, found.earliest, KR(375), "x"))


def test_vestervig_hands_over_10_days_after_the_closing_without_a_second_fee() -> None:
    c = closed(VESTERVIG)
    found = step(c, VESTERVIG)
    assert (found.kind, found.earliest, found.fee, found.clause) == (
        StepKind.EXTERNAL_COLLECTION, day(42), None, "vestervig 6.6"
    )  # fmt: skip
    with_partner = handed(c, VESTERVIG)
    assert with_agency(with_partner)
    assert isinstance(next_step(with_partner, VESTERVIG), Hold)  # closed until paid (6.8)


def test_aalborg_hands_over_after_the_closing_with_the_100_kr_collection_fee() -> None:
    c = closed(AALBORG)
    found = step(c, AALBORG)
    assert found.kind is StepKind.EXTERNAL_COLLECTION
    assert found.fee_amount == KR(100)
    assert found.fee is not None
    assert str(found.fee.clause) == "renteloven § 9 b, stk. 3"


def test_a_disputed_or_paid_closed_claim_is_not_handed_over() -> None:
    c = closed(VESTERVIG)
    assert isinstance(next_step(replace(c, disputed=True), VESTERVIG), Hold)
    paid = replace(c, principal=Money(0), fees=Money(0))
    assert step(paid, VESTERVIG).kind is StepKind.REOPENING


def variant(name: str, after: str) -> Rules:
    text = preset_text(name).replace('after = { value = "closing", clause = "webinar", '
                                     'basis = "guidance" }', after)  # fmt: skip
    base = rules(name)
    return Rules(parse_rulebook_text(text, "variant.toml"), base.fees, base.calendar)


AFTER_REMINDER_1 = variant(
    "vestervig",
    'after = { value = "reminder", clause = "aalborg 3.2", basis = "illustrative" }\n'
    'after_reminder = { value = 1, clause = "aalborg 3.2", basis = "illustrative" }',
)
AFTER_NOTICE = variant(
    "vestervig",
    'after = { value = "collection_notice", clause = "vestervig 6.6", basis = "document" }',
)


def test_after_reminder_1_the_claim_goes_to_the_partner_and_then_only_old_debt_roads() -> None:
    c, reminder = take(claim(), AFTER_REMINDER_1)
    found = step(c, AFTER_REMINDER_1)
    assert found.kind is StepKind.EXTERNAL_COLLECTION
    assert reminder.deadline is not None
    assert found.earliest == reminder.deadline + timedelta(days=1 + 10)  # wait_days = 10
    assert found.fee is None  # the rulebook's flag: vestervig charges it with the notice only
    c = handed(c, AFTER_REMINDER_1)
    # With the partner: no collection notice of ours; old debt may not lead to closing alone,
    # only a security demanded and not provided (webinar).
    assert step(c, AFTER_REMINDER_1).kind is StepKind.SECURITY_DEMAND


def test_after_the_collection_notice_a_recall_resumes_the_ladder() -> None:
    c, _ = take(claim(), AFTER_NOTICE)
    c, notice = take(c, AFTER_NOTICE)
    assert notice.kind is StepKind.COLLECTION_NOTICE
    c = handed(c, AFTER_NOTICE)
    recalled = c.with_step(TakenStep(StepKind.EXTERNAL_RECALL, day(50)))
    assert not with_agency(recalled)
    assert step(recalled, AFTER_NOTICE).kind is StepKind.CLOSING_VISIT  # not handed over again


def test_the_collection_fee_is_charged_once_and_never_above_100_kr() -> None:
    c, _ = take(claim(), VESTERVIG)
    c, notice = take(c, VESTERVIG)
    assert notice.fee_amount == KR(100)
    [twice] = refusals(c, Proposed(StepKind.EXTERNAL_COLLECTION, day(40), KR(100)))
    assert "kun én gang" in twice
    assert "over lovens højst" in hand_over_refusals(claim(), KR(101))[0]
    again = c.with_step(TakenStep(StepKind.EXTERNAL_COLLECTION, day(40)))
    assert "allerede overdraget" in hand_over_refusals(again)[0]


@pytest.mark.parametrize("name", ["vestervig", "solrod", "aalborg", "4rater"])
def test_every_preset_hands_over_after_the_closing(name: str) -> None:
    section = load_rulebook_preset(name).external_collection
    assert section.used.value
    assert section.after is not None
    assert section.after.value is HandOverAfter.CLOSING
    assert section.partner is not None
    assert section.wait_days is not None


def test_a_hand_over_after_a_reminder_needs_its_number_and_the_notice_must_exist() -> None:
    text = preset_text("aalborg")
    no_number = text.replace('after = { value = "closing"', 'after = { value = "reminder"')
    with pytest.raises(RulebookError) as missing:
        parse_rulebook_text(no_number, "a.toml")
    assert "external_collection.after_reminder" in str(missing.value)
    no_notice = text.replace('after = { value = "closing"', 'after = { value = "collection_notice"')
    with pytest.raises(RulebookError) as refused:
        parse_rulebook_text(no_notice, "a.toml")
    assert "inkassomeddelelse" in str(refused.value)
