"""A reading that does not fit the likely use is held for review, never billed (`vestervig 5.9`).

The tolerance and the clause come from the rulebook's `[metering]` section; each reason has a
stable code and a Danish text. Across a meter change use is summed meter by meter.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from heatbill.adapters.rulebook_files import load_rulebook_preset
from heatbill.domain.errors import ValidationError
from heatbill.domain.metered_use import MeteredUse, use_between
from heatbill.domain.plausibility import (
    HoldCode,
    Outcome,
    PlausibilityRule,
    Verdict,
    check_reading,
)
from heatbill.domain.register.installations import Meter, ReadingMethod
from heatbill.domain.register.readings import Reading, ReadingSource
from heatbill.domain.rulebook import Clause

VESTERVIG = PlausibilityRule.from_rulebook(load_rulebook_preset("vestervig").metering)
TODAY = date(2025, 2, 1)
EXPECTED_MWH = Decimal("3.537")


def reading(day: date, energy_mwh: str, volume_m3: str, meter_id: int = 1) -> Reading:
    return Reading(meter_id, day, Decimal(energy_mwh), Decimal(volume_m3), ReadingSource.CARD)


PREVIOUS = reading(date(2024, 12, 31), "120.000", "2574.000")


def check(new: Reading, *, use_mwh: Decimal | None = None) -> Outcome:
    return check_reading(new, PREVIOUS, EXPECTED_MWH, VESTERVIG, today=TODAY, use_mwh=use_mwh)


def test_the_tolerance_and_clause_come_from_the_rulebook() -> None:
    assert VESTERVIG.tolerance_percent == Decimal(50)
    assert VESTERVIG.clause == Clause("vestervig", "5.9")
    solrod = PlausibilityRule.from_rulebook(load_rulebook_preset("solrod").metering)
    assert solrod.clause == Clause("solrod", "5.7")


def test_a_reading_near_the_expected_use_is_accepted() -> None:
    outcome = check(reading(date(2025, 1, 31), "124.000", "2700.000"))
    assert outcome.verdict is Verdict.ACCEPT
    assert outcome.reasons == ()


def test_a_decreasing_register_is_held_for_review_never_billed_vestervig_5_9() -> None:
    outcome = check(reading(date(2025, 1, 31), "119.500", "2600.000"))
    assert outcome.verdict is Verdict.HOLD
    assert outcome.codes == (HoldCode.DECREASING_REGISTER,)
    (reason,) = outcome.reasons
    assert reason.clause == Clause("vestervig", "5.9")
    assert reason.text == (
        "Energiregistret er faldet fra 120,000 MWh til 119,500 MWh siden aflæsningen den 31-12-2024"
    )


def test_a_decreasing_volume_register_is_held_too_vestervig_5_9() -> None:
    (reason,) = check(reading(date(2025, 1, 31), "123.500", "2573.5")).reasons
    assert reason.code is HoldCode.DECREASING_REGISTER
    assert reason.text == (
        "Volumenregistret er faldet fra 2.574,000 m³ til 2.573,500 m³ siden aflæsningen den "
        "31-12-2024"
    )


def test_use_more_than_the_tolerance_above_the_expected_use_is_held_vestervig_5_9() -> None:
    outcome = check(reading(date(2025, 1, 31), "125.400", "2700.000"))  # 5.4 > 1.5 × 3.537
    (reason,) = outcome.reasons
    assert reason.code is HoldCode.ABOVE_EXPECTED
    assert reason.text == (
        "Forbruget siden 31-12-2024 er 5,400 MWh, mere end 50 % over det forventede 3,537 MWh"
    )


def test_use_just_within_the_tolerance_is_accepted() -> None:
    assert check(reading(date(2025, 1, 31), "125.305", "2700.000")).verdict is Verdict.ACCEPT
    assert check(reading(date(2025, 1, 31), "121.769", "2600.000")).verdict is Verdict.ACCEPT


def test_use_more_than_the_tolerance_below_the_expected_use_is_held_vestervig_5_9() -> None:
    (reason,) = check(reading(date(2025, 1, 31), "121.700", "2600.000")).reasons
    assert reason.code is HoldCode.BELOW_EXPECTED
    assert reason.text == (
        "Forbruget siden 31-12-2024 er 1,700 MWh, mere end 50 % under det forventede 3,537 MWh"
    )


def test_a_reading_dated_before_the_previous_one_is_held_vestervig_5_9() -> None:
    (reason,) = check(reading(date(2024, 12, 30), "119.000", "2500.000")).reasons
    assert reason.code is HoldCode.BEFORE_PREVIOUS
    assert reason.text == (
        "Aflæsningen er dateret 30-12-2024, før den forrige aflæsning den 31-12-2024"
    )


def test_a_reading_dated_in_the_future_is_held_vestervig_5_9() -> None:
    (reason,) = check(reading(date(2025, 2, 2), "124.000", "2700.000")).reasons
    assert reason.code is HoldCode.FUTURE_DATE
    assert reason.text == "Aflæsningen er dateret 02-02-2025, senere end 01-02-2025"


def test_a_rule_may_allow_a_card_dated_a_few_days_ahead() -> None:
    lenient = PlausibilityRule(Decimal(50), Clause("vestervig", "5.9"), days_ahead_allowed=3)
    new = reading(date(2025, 2, 4), "124.000", "2700.000")
    assert (
        check_reading(new, PREVIOUS, EXPECTED_MWH, lenient, today=TODAY).verdict is Verdict.ACCEPT
    )


def test_every_reason_found_is_listed() -> None:
    outcome = check(reading(date(2025, 3, 1), "130.000", "2700.000"))
    assert outcome.codes == (HoldCode.FUTURE_DATE, HoldCode.ABOVE_EXPECTED)


def test_without_history_only_the_registers_and_dates_are_checked() -> None:
    new = reading(date(2025, 1, 31), "199.000", "2700.000")
    assert check_reading(new, PREVIOUS, None, VESTERVIG, today=TODAY).verdict is Verdict.ACCEPT


def test_a_new_meter_starting_from_zero_is_not_a_decreasing_register() -> None:
    new_meter = reading(date(2025, 1, 31), "1.000", "30.000", meter_id=2)
    assert check(new_meter).verdict is Verdict.ACCEPT  # no use given: nothing to compare
    across = check(new_meter, use_mwh=Decimal("9.000"))
    assert across.codes == (HoldCode.ABOVE_EXPECTED,)


# --- use across a meter change ----------------------------------------------------------------
OLD = Meter(1, 10, "A-100", date(2020, 1, 1), ReadingMethod.REMOTE, removed_on=date(2025, 3, 10))
NEW = Meter(2, 10, "B-200", date(2025, 3, 10), ReadingMethod.REMOTE)
READINGS = [
    reading(date(2024, 12, 31), "120.000", "2574.000"),
    reading(date(2025, 3, 10), "128.500", "2800.000"),  # the old meter's final reading
    reading(date(2025, 3, 10), "0.000", "0.000", meter_id=2),  # the new meter's start
    reading(date(2025, 12, 31), "9.250", "260.500", meter_id=2),
]


def test_the_old_meter_counts_to_its_final_reading_and_the_new_one_from_its_start() -> None:
    use = use_between(READINGS, [NEW, OLD], date(2024, 12, 31), date(2025, 12, 31))
    assert use == MeteredUse(Decimal("17.750"), Decimal("486.500"))


def test_use_within_one_meters_time_ignores_the_other() -> None:
    use = use_between(READINGS, [OLD, NEW], date(2024, 12, 31), date(2025, 3, 10))
    assert use == MeteredUse(Decimal("8.500"), Decimal("226.000"))


def test_a_real_reading_wins_over_an_estimate_for_the_same_day() -> None:
    estimate = Reading(1, date(2025, 3, 10), Decimal(200), Decimal(9000), ReadingSource.ESTIMATED)
    use = use_between([estimate, *READINGS], [OLD, NEW], date(2024, 12, 31), date(2025, 3, 10))
    assert use.energy_mwh == Decimal("8.500")


def test_a_missing_start_reading_of_the_new_meter_is_named() -> None:
    without_start = [r for r in READINGS if r.energy_mwh != 0]
    with pytest.raises(ValidationError) as caught:
        use_between(without_start, [OLD, NEW], date(2024, 12, 31), date(2025, 12, 31))
    assert caught.value.message == "måler B-200 mangler en aflæsning den 10-03-2025"


def test_days_without_a_meter_are_refused() -> None:
    late = Meter(2, 10, "B-200", date(2025, 3, 12), ReadingMethod.REMOTE)
    with pytest.raises(ValidationError) as caught:
        use_between(READINGS, [OLD, late], date(2024, 12, 31), date(2025, 12, 31))
    assert caught.value.message == "ingen måler var sat op fra 10-03-2025 til 12-03-2025"


def test_two_meters_at_once_are_refused() -> None:
    early = Meter(2, 10, "B-200", date(2025, 3, 1), ReadingMethod.REMOTE)
    with pytest.raises(ValidationError) as caught:
        use_between(READINGS, [OLD, early], date(2024, 12, 31), date(2025, 12, 31))
    assert caught.value.message == "to målere var sat op samtidig fra 01-03-2025 til 10-03-2025"


def warm(day: date, energy: str, volume: str, forward: str | None, back: str | None) -> Reading:
    return Reading(
        1,
        day,
        Decimal(energy),
        Decimal(volume),
        ReadingSource.REMOTE,
        None if forward is None else Decimal(forward),
        None if back is None else Decimal(back),
    )


METER = Meter(1, 1, "A-100", date(2020, 1, 1), ReadingMethod.REMOTE)


def test_the_periods_cooling_is_weighted_by_the_water_that_passed() -> None:
    # 100 m³ cooled 30 °C (return 40), then 300 m³ cooled 20 °C (return 50):
    # (100·30 + 300·20) / 400 = 22,5 °C; return (100·40 + 300·50) / 400 = 47,5 °C.
    readings = [
        warm(date(2025, 12, 31), "10.000", "1000", "70", "45"),  # before the period: not counted
        warm(date(2026, 1, 31), "13.000", "1100", "70", "40"),
        warm(date(2026, 2, 28), "19.000", "1400", "70", "50"),
    ]
    use = use_between(readings, [METER], date(2025, 12, 31), date(2026, 2, 28))
    assert use == MeteredUse(Decimal("9.000"), Decimal(400), Decimal("22.50"), Decimal("47.50"))


def test_only_intervals_with_temperatures_count_and_none_gives_no_average() -> None:
    readings = [
        warm(date(2025, 12, 31), "10.000", "1000", None, None),
        warm(date(2026, 1, 31), "13.000", "1100", None, None),
        warm(date(2026, 2, 28), "19.000", "1400", "71", "48"),
    ]
    use = use_between(readings, [METER], date(2025, 12, 31), date(2026, 2, 28))
    assert (use.cooling_c, use.return_c) == (Decimal("23.00"), Decimal("48.00"))
    bare = use_between(readings[:2], [METER], date(2025, 12, 31), date(2026, 1, 31))
    assert (bare.cooling_c, bare.return_c) == (None, None)
