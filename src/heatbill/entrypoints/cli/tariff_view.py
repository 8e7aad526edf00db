"""Tariff sheets on screen: each price period's prices and fees, excluding and including VAT.

Both columns are shown so a figure can be checked line by line against the published sheet,
which usually prints prices including VAT.
"""

from __future__ import annotations

from decimal import Decimal

from rich.console import Group, JustifyMethod
from rich.table import Table
from rich.text import Text

from heatbill.domain.money import VAT_RATE, Money, with_vat
from heatbill.domain.rulebook import Ruled
from heatbill.domain.tariff import CoolingCharge, CoolingIncentive, PricePeriod, TariffSheet
from heatbill.entrypoints.cli.rulebook_view import basis_label, format_decimal
from heatbill.wording import say


def tariff_overview(sheet: TariffSheet) -> Group:
    """The sheet's title and source, then per period a price table and a fee table."""
    heading = Text(say("rulebook.tariff.title", name=sheet.name, title=sheet.title), style="bold")
    parts: list[Text | Table] = [heading, Text(say("rulebook.tariff.source", source=sheet.source))]
    for period in sheet.periods:
        parts += [_price_table(period), _fee_table(period)]
    return Group(*parts)


def _price_table(period: PricePeriod) -> Table:
    start = period.valid_from
    title = say(
        "rulebook.tariff.period",
        valid_from=start.value,
        clause=start.clause,
        basis=basis_label(start.basis),
    )
    table = _table(title, "item", "ex_vat", "incl_vat")
    _rate_row(table, say("rulebook.tariff.energy"), period.energy_rate)
    if period.subscription is not None:
        _money_row(table, say("rulebook.tariff.subscription"), period.subscription)
    if period.capacity is not None:
        label = say(f"rulebook.tariff.capacity.{period.capacity.unit.value.value}")
        _rate_row(table, label, period.capacity.rate)
    if period.water_volume_rate is not None:
        _rate_row(table, say("rulebook.tariff.water_volume"), period.water_volume_rate)
    for size, rent in period.meter_rent:
        _money_row(table, say("rulebook.tariff.meter_rent", size=size), rent)
    if period.cooling is not None:
        _cooling_row(table, period.cooling)
    return table


def _fee_table(period: PricePeriod) -> Table:
    title = say("rulebook.tariff.fees", valid_from=period.valid_from.value)
    table = _table(title, "item", "ex_vat", "vat", "incl_vat")
    for fee in period.fees:
        vat = say(f"rulebook.tariff.vat.{fee.vat.value}")
        ex, incl = (
            fee.amount_ex_vat.format_da(unit=False),
            fee.amount_incl_vat.format_da(unit=False),
        )
        table.add_row(
            *_cells(say(f"rulebook.fee.{fee.kind.value}"), ex, vat, incl),
            Text(str(fee.clause)),
            Text(basis_label(fee.basis)),
        )
    return table


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left")
    for column in columns:
        justify: JustifyMethod = "right" if column in ("ex_vat", "incl_vat") else "left"
        table.add_column(say(f"rulebook.tariff.col.{column}"), justify=justify)
    table.add_column(say("rulebook.view.col.clause"))
    table.add_column(say("rulebook.view.col.basis"))
    return table


def _rate_row(table: Table, label: str, rate: Ruled[Decimal]) -> None:
    incl = rate.value * (1 + VAT_RATE)
    table.add_row(
        *_cells(label, format_decimal(rate.value, places=2), format_decimal(incl, places=2)),
        *_provenance(rate),
    )


def _money_row(table: Table, label: str, amount: Ruled[Money]) -> None:
    ex, incl = amount.value.format_da(unit=False), with_vat(amount.value).format_da(unit=False)
    table.add_row(*_cells(label, ex, incl), *_provenance(amount))


def _cooling_row(table: Table, cooling: CoolingIncentive) -> None:
    """Kroner per MWh carry VAT like the energy charge; a percentage of it has no VAT of its own."""
    charge = cooling.charge.value
    label = say(
        f"rulebook.tariff.cooling.{cooling.measure.value.value}",
        target=format_decimal(cooling.target_celsius.value),
        unit=say(f"rulebook.tariff.cooling.{charge.value}"),
    )
    rate = cooling.rate.value
    ex = format_decimal(rate, places=2 if charge is CoolingCharge.KR_PER_MWH else 0)
    incl = (
        format_decimal(rate * (1 + VAT_RATE), places=2)
        if charge is CoolingCharge.KR_PER_MWH
        else ""
    )
    table.add_row(*_cells(label, ex, incl), *_provenance(cooling.rate))


def _cells(*texts: str) -> tuple[Text, ...]:
    return tuple(Text(text) for text in texts)


def _provenance(ruled: Ruled[object]) -> tuple[Text, Text]:
    return Text(str(ruled.clause)), Text(basis_label(ruled.basis))
