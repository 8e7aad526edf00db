"""One-off charges from the tariff sheet: an extra reading on request (`vestervig 5.8`), works
at the owner's actual cost (`vestervig 2.13`–`2.14`), and the full refund of a meter test when
the meter was outside tolerance (`vestervig 5.10`–`5.11`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from heatbill.adapters.rulebook_files import load_tariff_preset, preset_text
from heatbill.domain.billing.bill import Bill, BillKind
from heatbill.domain.billing.one_off import charged_kind, one_off_line, refund_of
from heatbill.domain.errors import NotFoundError, ValidationError
from heatbill.domain.ledger import Account
from heatbill.domain.money import Money
from heatbill.domain.rulebook import Basis, Clause
from heatbill.domain.tariff import Fee, FeeKind, VatScope, parse_tariff_sheet_text

PERIOD = load_tariff_preset("vestervig").periods[0]
METER_TEST = Fee(
    FeeKind.METER_TEST,
    Money.kroner(800),
    VatScope.STANDARD,
    Clause("vestervig", "5.10"),
    Basis.ILLUSTRATIVE,
)


def charge_bill(kind: FeeKind, fee: Fee | None) -> Bill:
    line = one_off_line(kind, fee, "", document="vestervig")
    day = date(2026, 3, 10)
    return Bill(
        41, "2026-0000041", BillKind.CHARGE, 7, 3, day, date(2026, 3, 11), day, day, (line,)
    )


def test_an_extra_reading_on_request_costs_the_sheets_250_kr_incl_vat() -> None:
    line = one_off_line(
        FeeKind.EXTRA_READING,
        PERIOD.fee(FeeKind.EXTRA_READING),
        "aflæst efter ønske",
        document="vestervig",
    )
    assert line.text == "Ekstraordinær måleraflæsning: aflæst efter ønske"
    assert (line.amount, line.vat) == (Money.kroner(200), Money.kroner(50))
    assert (line.account, line.clause, line.unit, line.quantity) == (
        Account.FEE_REVENUE,
        "vestervig 6.12",
        "extra_reading",
        Decimal(1),
    )


def test_a_meter_test_can_be_priced_on_the_sheet() -> None:
    text = preset_text("vestervig", tariffs=True).replace(
        "bill_copy = {",
        'meter_test = { amount = "800.00", vat = "standard", clause = "vestervig 5.10", '
        'basis = "illustrative" }\nbill_copy = {',
    )
    fee = parse_tariff_sheet_text(text, "edited.toml").periods[0].fee(FeeKind.METER_TEST)
    assert fee == METER_TEST


def test_vestervig_publishes_no_meter_test_price_so_none_is_billed() -> None:
    with pytest.raises(NotFoundError, match="Målerafprøvning"):
        one_off_line(FeeKind.METER_TEST, PERIOD.fee(FeeKind.METER_TEST), "", document="vestervig")


def test_a_dunning_fee_is_not_a_one_off_charge() -> None:
    with pytest.raises(ValidationError, match="enkeltstående"):
        one_off_line(FeeKind.REMINDER, PERIOD.fee(FeeKind.REMINDER), "", document="vestervig")


def test_relaying_a_pipe_grown_too_small_is_billed_at_actual_cost_vestervig_2_14() -> None:
    line = one_off_line(
        FeeKind.PIPE_ENLARGEMENT, None, "32 mm stik", cost=Money.kroner(18400), document="vestervig"
    )
    assert (line.amount, line.vat, line.clause) == (
        Money.kroner(18400),
        Money.kroner(4600),
        "vestervig 2.14",
    )


def test_works_at_cost_need_a_clause_in_the_utilitys_conditions() -> None:
    with pytest.raises(ValidationError, match="aalborg"):
        one_off_line(FeeKind.PIPE_RELOCATION, None, "", cost=Money(100), document="aalborg")


def test_only_works_are_billed_at_cost() -> None:
    fee = PERIOD.fee(FeeKind.EXTRA_READING)
    with pytest.raises(ValidationError, match="faktisk pris"):
        one_off_line(FeeKind.EXTRA_READING, fee, "", cost=Money(100), document="vestervig")


def test_a_meter_test_outside_tolerance_is_credited_in_full_vestervig_5_11() -> None:
    charge = charge_bill(FeeKind.METER_TEST, METER_TEST)
    assert charged_kind(charge) is FeeKind.METER_TEST
    credit = refund_of(charge, date(2026, 4, 2))
    assert (credit.kind, credit.corrects_bill_id, credit.total) == (
        BillKind.CREDIT_NOTE,
        41,
        -Money.kroner(1000),
    )
    assert (credit.period_start, credit.revision) == (charge.period_start, charge.revision)
    assert credit.lines[0].amount == -Money.kroner(800)


def test_only_a_meter_test_or_its_reading_is_refunded() -> None:
    copy = charge_bill(FeeKind.BILL_COPY, PERIOD.fee(FeeKind.BILL_COPY))
    with pytest.raises(ValidationError, match="2026-0000041"):
        refund_of(copy, date(2026, 4, 2))
    unissued = replace(charge_bill(FeeKind.METER_TEST, METER_TEST), bill_id=0)
    with pytest.raises(ValidationError):
        refund_of(unissued, date(2026, 4, 2))
