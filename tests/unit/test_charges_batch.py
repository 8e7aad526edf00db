"""A run prices a million customers with `BatchPricing`: it must give exactly what
`charges_for` gives — every line, text, amount and clause — whatever is remembered between
customers."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from heatbill.adapters.rulebook_files import load_tariff_preset
from heatbill.domain.billing.charges import PeriodUse, UseSplit, charges_for
from heatbill.domain.billing.charges_batch import BatchPricing
from heatbill.domain.degree_days import DegreeDayTable, Period
from heatbill.domain.errors import ValidationError
from heatbill.domain.metered_use import MeteredUse
from heatbill.domain.register.installations import Property, PropertyUse
from heatbill.domain.tariff import TariffSheet, parse_tariff_sheet_text
from tests.unit.test_charges import TWO_PRICES

SHEETS: dict[str, TariffSheet] = {
    name: load_tariff_preset(name) for name in ("vestervig", "solrod", "aalborg", "4rater")
}
SHEETS["two-prices"] = parse_tariff_sheet_text(TWO_PRICES, "to-priser.toml")
PRICINGS = {name: BatchPricing(sheet) for name, sheet in SHEETS.items()}
"""Shared by all examples, so what one example leaves behind is reused by the next."""
PERIODS = (
    Period.calendar_year(2025),
    Period(date(2025, 3, 1), date(2025, 11, 15)),
    Period(date(2025, 6, 1), date(2026, 6, 1)),
)
MWH = Decimal("0.001")


Case = tuple[str, Period, Property, str | None, PeriodUse, UseSplit]


@st.composite
def cases(draw: st.DrawFn) -> Case:
    """A sheet, a period, premises, a meter class and a use, with or without a reading at the
    two-price sheet's price change."""
    name = draw(st.sampled_from(sorted(SHEETS)))
    classes = [None, *sorted({c for p in SHEETS[name].periods for c, _ in p.meter_rent})]
    volume = draw(st.one_of(st.none(), st.integers(150, 1500)))
    premises = Property(
        1, "Vej 1", "2680", "Solrød Strand", Decimal(draw(st.integers(50, 400))),
        PropertyUse.HOUSING, None if volume is None else Decimal(volume),
    )  # fmt: skip
    mwh, m3 = draw(st.integers(0, 60_000)), draw(st.integers(0, 900_000))
    cooling = draw(st.one_of(st.none(), st.integers(1500, 4500)))
    use = PeriodUse(
        Decimal(mwh) * MWH,
        Decimal(m3) * MWH,
        None if cooling is None else Decimal(cooling).scaleb(-2),
        None if cooling is None else Decimal(30),
    )
    half = MeteredUse(Decimal(mwh // 2) * MWH, Decimal(m3 // 2) * MWH)
    at_cut = {date(2025, 7, 1): half} if draw(st.booleans()) else {}
    split = UseSplit(DegreeDayTable(), Decimal(25), at_cut)
    return (
        name,
        draw(st.sampled_from(PERIODS)),
        premises,
        draw(st.sampled_from(classes)),
        use,
        split,
    )


@settings(max_examples=300, deadline=None)
@given(cases())
def test_batch_pricing_gives_what_charges_for_gives(case: Case) -> None:
    name, period, premises, meter_class, use, split = case
    pricing = PRICINGS[name]
    try:
        expected = charges_for(
            SHEETS[name], period, premises=premises, meter_class=meter_class, use=use, split=split
        )
    except ValidationError as refused:
        with pytest.raises(ValidationError, match=re.escape(refused.message)):
            pricing.charges(
                period, premises=premises, meter_class=meter_class, use=use, split=split
            )
        return
    got = pricing.charges(period, premises=premises, meter_class=meter_class, use=use, split=split)
    assert got == expected
