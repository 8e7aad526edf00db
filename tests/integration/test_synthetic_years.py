"""Worked examples: each seed rulebook bills a synthetic year, on SQLite and PostgreSQL.

Every figure is worked out here from the readings the test itself writes and the prices in the
tariff sheet, not read back from heatbill: the energy split at a price change by the readings
at the change, the cooling surcharge from the volume-weighted return temperature, the
installments on their bank days, the settlement as actual charges minus what was billed.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import Engine

from heatbill.adapters.holidays_dk import danish_bank_calendar
from heatbill.adapters.rulebook_files import preset_text
from heatbill.domain.billing.bill import BillKind, BillLine
from heatbill.domain.ledger import Account
from heatbill.domain.money import Money, round_ore
from heatbill.domain.register.moves import MoveKind
from heatbill.domain.register.parties import Contact, Cpr, Party, PartyKind
from heatbill.domain.register.readings import ReadingSource
from heatbill.services.move_runs import set_move_in_budgets
from heatbill.services.moves import MoveReading, RegisterMove, register_move
from heatbill.services.settlement_runs import settle_year_run
from heatbill.services.unit_of_work import UnitOfWork
from tests.integration.invariants import assert_ledger_invariants
from tests.integration.register_story import ANNUAL_MWH, clock_on, month_ends, monthly_use
from tests.integration.year_story import (
    Temperatures,
    a_year_before,
    bills_of,
    charge_the_year,
    import_file,
    new_utility,
    readings_file,
)

SOLROD_JULY_PRICE = Decimal("520.00")
"""kr./MWh excl. VAT from 1 July 2026 in the test's tariff sheet (485,00 before)."""


def solrod_with_a_price_change() -> str:
    """Solrød's sheet with a second period from 1 July 2026: energy at 520,00 kr./MWh."""
    sheet = preset_text("solrod", tariffs=True)
    first = sheet.index("[[periods]]")
    period = sheet[first:]
    later = period.replace("2024-01-01", "2026-07-01").replace(
        'energy_rate = { value = "485.00"', f'energy_rate = {{ value = "{SOLROD_JULY_PRICE}"'
    )
    assert later != period
    return sheet + "\n" + later


def test_solrod_2026_with_a_price_change_on_1_july_and_the_cooling_surcharge(
    engine: Engine,
) -> None:
    clock = clock_on(date(2026, 1, 2))
    utility_id = new_utility(engine, clock, "solrod", tariffs=solrod_with_a_price_change())
    registers = {"M1": Decimal("100"), "M2": Decimal("50"), "M3": Decimal("900")}
    a_year_before(engine, clock, utility_id, date(2024, 12, 31), registers)
    reports = charge_the_year(engine, clock, utility_id, 2026)
    # Solrød charges on 1 January, April, July and October; 1 January is a holiday.
    assert [r.done for r in reports] == [3, 3, 3, 3]

    # 2026: the house returns its water at 45 °C (5 °C above the 40 °C target) in the first
    # half and at 41 °C in the second; the others at the target.
    at_target = Temperatures(Decimal(70), Decimal(40))
    start = dict(registers)
    share = {"M1": Decimal("1.1"), "M2": Decimal("0.8"), "M3": Decimal(1)}
    first_half = {"M1": Temperatures(Decimal(75), Decimal(45)), "M2": at_target, "M3": at_target}
    second_half = {"M1": Temperatures(Decimal(70), Decimal(41)), "M2": at_target, "M3": at_target}
    clock.advance_to(date(2027, 1, 4))
    data = readings_file(registers, month_ends(date(2026, 1, 1), 6), share, first_half)
    import_file(engine, clock, utility_id, "2026-h1.csv", data)
    at_june = dict(registers)
    data = readings_file(registers, month_ends(date(2026, 7, 1), 6), share, second_half)
    import_file(engine, clock, utility_id, "2026-h2.csv", data)

    clock.advance_to(date(2027, 2, 15))  # within Solrød's 4 months (6.2)
    with UnitOfWork(engine) as uow:
        report = settle_year_run(utility_id, 2026, uow, clock)
    assert (report.done, report.problems) == (3, [])

    bills = bills_of(engine, utility_id, "10001")
    installments = [b for b in bills if b.kind is BillKind.INSTALLMENT]
    [settlement] = [b for b in bills if b.kind is BillKind.ANNUAL_SETTLEMENT]
    assert [b.issue_date for b in installments] == [
        date(2026, 1, 2),
        date(2026, 4, 1),
        date(2026, 7, 1),
        date(2026, 10, 1),
    ]
    lines: dict[str, list[BillLine]] = {x.text.split(" ")[0]: [] for x in settlement.lines}
    for line in settlement.lines:
        lines[line.text.split(" ")[0]].append(line)

    # The energy is split at 1 July by the readings of 30 June, each half at its price.
    h1, h2 = at_june["M1"] - start["M1"], registers["M1"] - at_june["M1"]
    energy = lines["Energi"]
    assert [(x.quantity, x.rate) for x in energy] == [(h1, Decimal(485)), (h2, SOLROD_JULY_PRICE)]
    assert [x.amount for x in energy] == [
        round_ore(h1 * 485 * 100),
        round_ore(h2 * SOLROD_JULY_PRICE * 100),
    ]
    # The year's return temperature, weighted by the water (20 m³ per MWh every month):
    # (45 °C · h1 + 41 °C · h2) / (h1 + h2), 3,40 °C above the target, on each half's energy.
    back = ((45 * h1 + 41 * h2) / (h1 + h2)).quantize(Decimal("0.01"))
    assert back == Decimal("43.40")
    cooling = lines["Afkølingstarif"]
    assert [x.quantity for x in cooling] == [back - 40, back - 40]
    assert [x.amount for x in cooling] == [
        round_ore(Decimal("6.68") * (back - 40) * h * 100) for h in (h1, h2)
    ]
    assert {x.clause for x in cooling} == {"solrod 3.3"}
    # The fixed charge by the building's 420 m³ and the meter rent, by each part's days.
    yearly = Decimal("420") * Decimal("12.504")
    assert [x.amount for x in lines["Fast"]] == [
        round_ore(yearly * 100 * 181 / 365),
        round_ore(yearly * 100 * 184 / 365),
    ]
    # Minus what the four installments billed; VAT is 25 % of the charges' net, exactly.
    [billed] = lines["Opkrævet"]
    assert billed.amount == -sum((b.net for b in installments), Money(0))
    assert billed.vat == -sum((b.vat for b in installments), Money(0))
    charges = [x for x in settlement.lines if x is not billed]
    net = sum((x.amount for x in charges), Money(0))
    assert sum((x.vat for x in charges), Money(0)) == round_ore(Decimal(net.ore) / 4)
    assert settlement.total == net + round_ore(Decimal(net.ore) / 4) - sum(
        (b.total for b in installments), Money(0)
    )
    assert settlement.total > Money(0)  # more use and a cooling surcharge: owed

    # The flat used less: Solrød pays a refund out (6.2: no set-off in this rulebook).
    [refund] = [
        b for b in bills_of(engine, utility_id, "10002") if b.kind is BillKind.ANNUAL_SETTLEMENT
    ]
    assert refund.total < Money(0)
    # M3 used its normal year, but month by month, not as the budget's degree days spread it:
    # its two halves fall differently on the two prices, so a small difference is settled.
    [small] = [
        b for b in bills_of(engine, utility_id, "10003") if b.kind is BillKind.ANNUAL_SETTLEMENT
    ]
    assert abs(small.total.ore) < abs(refund.total.ore)
    with UnitOfWork(engine, write=False) as uow:
        balances = uow.ledger(utility_id).account_balances()
    paid_out = refund.total + min(small.total, Money(0))
    assert balances[Account.REFUNDS_PAYABLE] == paid_out
    assert_ledger_invariants(engine, utility_id)


def test_aalborg_2026_twelve_installments_due_on_the_2nd_bank_day_then_settled(
    engine: Engine,
) -> None:
    clock = clock_on(date(2026, 1, 2))
    utility_id = new_utility(engine, clock, "aalborg")
    registers = {"M1": Decimal("100"), "M2": Decimal("50"), "M3": Decimal("900")}
    a_year_before(engine, clock, utility_id, date(2024, 12, 31), registers)
    reports = charge_the_year(engine, clock, utility_id, 2026)
    assert [r.done for r in reports] == [3] * 12

    installments = [
        b for b in bills_of(engine, utility_id, "10001") if b.kind is BillKind.INSTALLMENT
    ]
    calendar = danish_bank_calendar()
    for number, bill in enumerate(installments, start=1):
        # Charged on the month's first bank day; due the 2nd bank day of a month, ≥ 14 days on
        # (aalborg 2.2): 2 January 2026 → 3 February, Easter makes April's 7 April.
        assert bill.issue_date == calendar.nth_bank_day_of_month(2026, number, 1)
        due = bill.due_date
        assert due == calendar.nth_bank_day_of_month(due.year, due.month, 2)
        assert due >= bill.issue_date + timedelta(days=14)
    assert [b.due_date for b in installments[:4]] == [
        date(2026, 2, 3),
        date(2026, 3, 3),
        date(2026, 4, 7),
        date(2026, 5, 4),
    ]
    amounts = {b.total.ore for b in installments}
    assert max(amounts) - min(amounts) <= 1  # equal parts, to the øre
    with UnitOfWork(engine, write=False) as uow:
        [customer] = uow.installations(utility_id).relationships_of(
            uow.installations(utility_id).installation_by_number("10001").installation_id
        )
        budget = uow.budgets(utility_id).latest(2026)[customer.relationship_id]
    assert sum((b.total for b in installments), Money(0)) == budget.amount

    clock.advance_to(date(2027, 1, 4))
    more = {"M1": Decimal("1.2"), "M2": Decimal("0.7"), "M3": Decimal("1.05")}
    import_file(
        engine,
        clock,
        utility_id,
        "2026.csv",
        readings_file(registers, month_ends(date(2026, 1, 1), 12), more),
    )
    clock.advance_to(date(2027, 2, 1))  # within 2 months
    with UnitOfWork(engine) as uow:
        report = settle_year_run(utility_id, 2026, uow, clock)
    assert (report.done, report.problems) == (3, [])
    [settlement] = [
        b for b in bills_of(engine, utility_id, "10001") if b.kind is BillKind.ANNUAL_SETTLEMENT
    ]
    [billed] = [x for x in settlement.lines if x.text == "Opkrævet a conto for perioden"]
    assert billed.amount + billed.vat == -budget.amount
    [energy] = [x for x in settlement.lines if x.text.startswith("Energi")]
    assert energy.quantity == registers["M1"] - Decimal("100") - sum(
        (monthly_use(ANNUAL_MWH["M1"], m) for m in range(1, 13)), Decimal(0)
    )
    assert settlement.total > Money(0)  # 20 % more than last year: owed
    assert_ledger_invariants(engine, utility_id)


def test_a_4rater_installment_on_24_december_is_charged_on_the_next_bank_day(
    engine: Engine,
) -> None:
    rulebook = preset_text("4rater")
    old = 'dates = { value = ["01-02", "03-01", "06-01", "09-01"]'
    assert rulebook.count(old) == 1
    rulebook = rulebook.replace(old, 'dates = { value = ["03-01", "06-01", "09-01", "12-24"]')
    rulebook = rulebook.replace(
        'charge_day = { value = "first_bank_day"', 'charge_day = { value = "fixed"'
    )
    clock = clock_on(date(2026, 1, 2))
    utility_id = new_utility(engine, clock, "4rater", rulebook=rulebook)
    a_year_before(
        engine,
        clock,
        utility_id,
        date(2024, 12, 31),
        {"M1": Decimal(100), "M2": Decimal(50), "M3": Decimal(900)},
    )
    reports = charge_the_year(engine, clock, utility_id, 2026)
    assert [r.done for r in reports] == [3] * 4
    last = [b for b in bills_of(engine, utility_id, "10001") if b.kind is BillKind.INSTALLMENT][-1]
    # Thursday 24 December 2026 is a bank closing day, 25–26 December holidays, then a
    # weekend: charged Monday 28 December, due 14 days later and across the month end.
    assert (last.issue_date, last.due_date) == (date(2026, 12, 28), date(2027, 1, 11))
    with UnitOfWork(engine, write=False) as uow:
        [residual] = [
            r
            for i, r in uow.ledger(utility_id).open_items(last.customer_id)
            if i.due_date == date(2027, 1, 11)
        ]
    assert residual == last.total


def test_a_winter_move_in_pays_the_seasons_share_of_the_flats_year_4rater(engine: Engine) -> None:
    clock = clock_on(date(2026, 1, 2))
    utility_id = new_utility(engine, clock, "4rater")
    registers = {"M1": Decimal(100), "M2": Decimal(50), "M3": Decimal(900)}
    a_year_before(engine, clock, utility_id, date(2024, 12, 31), registers)
    last_year = registers["M2"] - Decimal(50)  # the flat's 2025, as the old tenant used it
    charge_the_year(engine, clock, utility_id, 2026)
    one = dict.fromkeys(registers, Decimal(1))
    clock.advance_to(date(2026, 11, 2))
    import_file(
        engine,
        clock,
        utility_id,
        "2026-10.csv",
        readings_file(registers, month_ends(date(2026, 1, 1), 10), one),
    )
    at_move = registers["M2"] + (monthly_use(ANNUAL_MWH["M2"], 11) / 2).quantize(Decimal("0.001"))
    newcomer = Party(
        0, PartyKind.PERSON, "Sara Holm", Contact(email="sara@example.dk"), Cpr.parse("150392-1234")
    )
    clock.advance_to(date(2026, 11, 16))
    with UnitOfWork(engine) as uow:
        register_move(
            RegisterMove(
                utility_id,
                "10002",
                MoveKind.MOVE_OUT,
                date(2026, 11, 16),
                notified_on=date(2026, 11, 2),
                new_party=newcomer,
                reading=MoveReading(at_move, at_move * 20, ReadingSource.TECHNICIAN),
            ),
            uow,
            clock,
        )
    clock.advance_to(date(2026, 11, 18))
    with UnitOfWork(engine) as uow:
        report = set_move_in_budgets(utility_id, date(2026, 11, 18), uow, clock)
    assert (report.done, report.problems) == (1, [])
    with UnitOfWork(engine, write=False) as uow:
        installations = uow.installations(utility_id)
        flat = installations.installation_by_number("10002").installation_id
        [sara] = [r for r in installations.relationships_of(flat) if r.start == date(2026, 11, 16)]
        budget = uow.budgets(utility_id).latest(2026)[sara.relationship_id]
        [charged] = [
            i
            for i in uow.budgets(utility_id).installments_charged_on(date(2026, 11, 16))
            if i.relationship_id == sara.relationship_id
        ]
    # 16 November – 31 December: hot water (25 %) by 46 of 365 days, space heating by the
    # normal year's degree days — half of November's 341 and December's 461 of 3 112.
    share = (Decimal(25) * 46 / 365 + Decimal(75) * (Decimal(341) * 15 / 30 + 461) / 3112) / 100
    assert budget.expected_mwh == (last_year * share).quantize(Decimal("0.001"))
    # 12,6 % of the days but 18,4 % of the year's heat: winter weighs more than days.
    assert share > Decimal("0.18") > Decimal(46) / 365
    assert budget.basis == "move_in_share"
    # After 4rater's last installment date (1 September): one installment, charged at once.
    assert (charged.amount, charged.year) == (budget.amount, 2026)
    assert charged.due_date >= date(2026, 11, 30)


def test_vestervig_heating_year_2026_from_1_june_with_the_cooling_surcharge(
    engine: Engine,
) -> None:
    clock = clock_on(date(2025, 6, 2))
    utility_id = new_utility(engine, clock, "vestervig")
    registers = {"M1": Decimal(100), "M2": Decimal(50), "M3": Decimal(900)}
    a_year_before(engine, clock, utility_id, date(2024, 5, 31), registers)
    reports = charge_the_year(engine, clock, utility_id, 2026)
    assert [r.done for r in reports] == [3] * 4
    installments = [
        b for b in bills_of(engine, utility_id, "10001") if b.kind is BillKind.INSTALLMENT
    ]
    # Heating year 2026 runs 1 June 2025 – 31 May 2026; installments 1 July, 1 October,
    # 1 January (a holiday: the 2nd) and 1 April, each due ≥ 14 days on and across a month
    # end (vestervig 6.4).
    assert [b.issue_date for b in installments] == [
        date(2025, 7, 1),
        date(2025, 10, 1),
        date(2026, 1, 2),
        date(2026, 4, 1),
    ]
    for bill in installments:
        assert bill.due_date >= bill.issue_date + timedelta(days=14)
        assert (bill.due_date.year, bill.due_date.month) > (
            bill.issue_date.year,
            bill.issue_date.month,
        )

    # The house cools its water by only 20 °C, 5 °C short of the 25 °C target: 1 % of the
    # energy charge per degree (vestervig 3.3), 5 %.
    start = registers["M1"]
    temps = {m: Temperatures(Decimal(70), Decimal(40)) for m in registers}
    temps["M1"] = Temperatures(Decimal(65), Decimal(45))
    clock.advance_to(date(2026, 6, 2))
    data = readings_file(
        registers, month_ends(date(2025, 6, 1), 12), dict.fromkeys(registers, Decimal(1)), temps
    )
    import_file(engine, clock, utility_id, "2025-26.csv", data)
    clock.advance_to(date(2026, 7, 15))  # within 2 months of 31 May (vestervig 6.2)
    with UnitOfWork(engine) as uow:
        report = settle_year_run(utility_id, 2026, uow, clock)
    assert report.problems == []
    [settlement] = [
        b for b in bills_of(engine, utility_id, "10001") if b.kind is BillKind.ANNUAL_SETTLEMENT
    ]
    assert (settlement.period_start, settlement.period_end) == (date(2025, 6, 1), date(2026, 6, 1))
    [energy] = [x for x in settlement.lines if x.text.startswith("Energi")]
    assert energy.quantity == registers["M1"] - start
    assert energy.amount == round_ore(energy.quantity * 324 * 100)
    [cooling] = [x for x in settlement.lines if x.clause == "vestervig 3.3"]
    assert cooling.quantity == Decimal(5)
    assert cooling.amount == round_ore(Decimal(energy.amount.ore) * 5 / 100)
    # Last year's use again, at the same prices: the installments paid for everything but
    # the cooling surcharge, which is what the settlement collects.
    assert settlement.total == cooling.amount + round_ore(Decimal(cooling.amount.ore) / 4)
    assert_ledger_invariants(engine, utility_id)
