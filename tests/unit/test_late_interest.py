"""Late interest (renteloven § 5) as DANISH-RULES.md states it: the reference rate of the
half-year + 8 pp, split at 1 January and 1 July, simple, ACT/365 or 30/360, rounded once."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from heatbill.adapters.holidays_dk import danish_bank_calendar
from heatbill.domain.collections.interest import (
    balances_from_postings,
    interest_days,
    interest_on_balances,
    interest_start,
    late_interest,
)
from heatbill.domain.collections.reference_rates import (
    PUBLISHED_RATES,
    MissingRateError,
    ReferenceRates,
    rate_on,
)
from heatbill.domain.errors import ConflictError, ValidationError
from heatbill.domain.money import Money
from heatbill.domain.rulebook.billing import DayCount

RATES = ReferenceRates.of(PUBLISHED_RATES)
TEN_THOUSAND = Money.kroner(10_000)


@pytest.mark.parametrize(
    ("day_count", "expected"),
    [(DayCount.ACT_365, Money.kroner("94.52")), (DayCount.THIRTY_360, Money.kroner("95.83"))],
)
def test_danish_rules_example_10000_kr_overdue_1_july_paid_31_july_2024(
    day_count: DayCount, expected: Money
) -> None:
    result = late_interest(TEN_THOUSAND, date(2024, 7, 1), date(2024, 7, 31), RATES, day_count)
    [part] = result.parts
    assert (part.days, part.rate_percent) == (30, Decimal("11.50"))
    assert result.amount == expected


def test_a_period_across_1_january_is_split_with_the_rate_of_each_half_year() -> None:
    # 2024-12-02 → 2025-01-31: 30 days at 3,50 + 8 and 30 days at 2,75 + 8.
    result = late_interest(
        TEN_THOUSAND, date(2024, 12, 2), date(2025, 1, 31), RATES, DayCount.ACT_365
    )
    assert [(p.start, p.until, p.days, p.rate_percent) for p in result.parts] == [
        (date(2024, 12, 2), date(2025, 1, 1), 30, Decimal("11.50")),
        (date(2025, 1, 1), date(2025, 1, 31), 30, Decimal("10.75")),
    ]
    # 1 000 000 øre × (11,50 % + 10,75 %) × 30/365 = 18 287,67… øre, rounded once.
    assert result.amount == Money(18_288)


def test_the_7_pp_margin_holds_for_claims_due_before_1_march_2013() -> None:
    old = ReferenceRates.of({date(2013, 1, 1): Decimal("0.20")})
    assert rate_on(date(2013, 2, 1), old, claim_due=date(2013, 2, 28)) == Decimal("7.20")
    assert rate_on(date(2013, 3, 1), old, claim_due=date(2013, 3, 1)) == Decimal("8.20")


def test_a_missing_half_year_is_an_error_naming_it() -> None:
    with pytest.raises(MissingRateError) as missing:
        late_interest(TEN_THOUSAND, date(2026, 6, 1), date(2026, 8, 1), RATES, DayCount.ACT_365)
    assert "2. halvår 2026" in missing.value.message
    assert missing.value.half_year == date(2026, 7, 1)


def test_thirty_360_counts_every_month_as_30_days() -> None:
    assert interest_days(date(2024, 7, 1), date(2024, 8, 1), DayCount.THIRTY_360) == 30
    assert interest_days(date(2025, 2, 1), date(2025, 3, 1), DayCount.THIRTY_360) == 30
    assert interest_days(date(2024, 1, 1), date(2025, 1, 1), DayCount.THIRTY_360) == 360
    assert interest_days(date(2024, 7, 31), date(2024, 8, 1), DayCount.THIRTY_360) == 0


def test_a_payment_lowers_the_principal_from_its_booking_date() -> None:
    balances = balances_from_postings(
        [(date(2024, 6, 1), Money(100_000)), (date(2024, 7, 11), Money(-60_000))]
    )
    result = interest_on_balances(
        balances,
        date(2024, 7, 1),
        date(2024, 7, 31),
        RATES,
        DayCount.ACT_365,
        claim_due=date(2024, 7, 1),
    )
    assert [(p.principal, p.days) for p in result.parts] == [
        (Money(100_000), 10),
        (Money(40_000), 20),
    ]


def test_interest_runs_from_the_next_bank_day_when_the_due_date_moves() -> None:
    calendar = danish_bank_calendar()
    saturday = date(2024, 8, 3)

    def start(*, moves: bool, from_due: bool = True, demanded: date = saturday) -> date:
        return interest_start(
            saturday,
            runs_from_due_date=from_due,
            moves_to_bank_day=moves,
            calendar=calendar,
            demanded_on=demanded,
        )

    assert start(moves=True) == date(2024, 8, 5)
    assert start(moves=False) == saturday
    # Without a due date set in advance: 30 days after the demand (renteloven § 3, stk. 2).
    assert start(moves=False, from_due=False, demanded=date(2024, 7, 20)) == date(2024, 8, 19)


def test_staff_add_the_next_half_year_but_no_gap_duplicate_or_odd_date() -> None:
    added = RATES.with_rate(date(2026, 7, 1), Decimal("1.60"))
    assert added.reference_on(date(2026, 9, 30)) == Decimal("1.60")
    with pytest.raises(ValidationError):
        RATES.with_rate(date(2026, 8, 1), Decimal("1.60"))
    with pytest.raises(ConflictError):
        RATES.with_rate(date(2026, 1, 1), Decimal("1.60"))
    with pytest.raises(ValidationError) as gap:
        RATES.with_rate(date(2027, 1, 1), Decimal("1.60"))
    assert "2026-07-01" in gap.value.message
    assert RATES.with_rate(date(2019, 7, 1), Decimal("0.05")).rates[0][0] == date(2019, 7, 1)


# --- properties ------------------------------------------------------------------------------
DAYS = st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 12, 31))
PRINCIPALS = st.integers(min_value=1, max_value=10_000_000_000).map(Money)
DAY_COUNTS = st.sampled_from(list(DayCount))


def _within_rates(*days: date) -> bool:
    return all(d <= date(2026, 7, 1) for d in days)


@given(PRINCIPALS, DAYS, DAYS, DAYS, DAY_COUNTS)
def test_interest_is_additive_over_split_periods_within_1_ore(
    principal: Money, a: date, b: date, c: date, day_count: DayCount
) -> None:
    start, middle, end = sorted((a, b, c))
    if not _within_rates(end):
        return
    whole = late_interest(principal, start, end, RATES, day_count, claim_due=start)
    first = late_interest(principal, start, middle, RATES, day_count, claim_due=start)
    second = late_interest(principal, middle, end, RATES, day_count, claim_due=start)
    assert whole.days == first.days + second.days
    assert abs((first.amount + second.amount - whole.amount).ore) <= 1


@given(PRINCIPALS, DAYS, DAY_COUNTS)
def test_no_days_no_interest(principal: Money, day: date, day_count: DayCount) -> None:
    assert late_interest(principal, day, day, RATES, day_count).amount == Money(0)


@given(PRINCIPALS, DAYS, st.integers(0, 400), st.integers(0, 400), DAY_COUNTS)
def test_interest_grows_with_the_days_while_rates_are_positive(
    principal: Money, start: date, shorter: int, longer: int, day_count: DayCount
) -> None:
    start = max(start, date(2023, 1, 1))  # all reference rates + 8 pp are positive here
    short_end = start + timedelta(days=min(shorter, longer))
    long_end = start + timedelta(days=max(shorter, longer))
    if not _within_rates(long_end):
        return
    short = late_interest(principal, start, short_end, RATES, day_count)
    long = late_interest(principal, start, long_end, RATES, day_count)
    assert short.days <= long.days
    assert short.amount <= long.amount
