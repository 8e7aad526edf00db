"""The exit statement (udtrædelsesopgørelse): what a leaving member must pay, items a–e of
`vestervig 2.19` / `solrod 2.19`.

a. the annual statement and b. amounts owed are claims the ledger holds already: the statement
lists them, the exit bill does not book them again. c. disconnecting the service pipe at the
main and removing the meter (a quote, and the sheet's meter removal fee), d. removing the
utility's pipes on the property (a quote) and e. the share of unamortised plant cost are billed
on the exit bill. e = (plant cost − depreciation charged through prices) × the installation's
registered connection value (m², m³ …) ÷ the utility's total in the financial year before the
notice, in Decimal and rounded once. Vestervig may claim e only when the freed capacity cannot
pass to new customers; Solrød always claims it ("godtgørelse") — the rulebook's
`exit.compensation` says which. Works carry 25 % VAT; e's VAT scope is the caller's to state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from heatbill.domain.billing.bill import BillLine
from heatbill.domain.errors import ValidationError
from heatbill.domain.ledger import Account
from heatbill.domain.money import Money, round_ore, total
from heatbill.domain.rulebook import ExitCompensation, Rulebook
from heatbill.domain.tariff import Fee, VatScope
from heatbill.wording import say


@dataclass(frozen=True, slots=True)
class PlantShare:
    """The figures behind item e, from the utility's accounts (`vestervig 2.19 e`)."""

    plant_cost: Money
    """Plant and renovation cost in the accounts (anlægsudgifter)."""
    depreciation: Money
    """Depreciation charged through the prices so far (afskrivninger)."""
    connection_value: Decimal
    """The installation's registered connection value (area, volume …)."""
    total_connection_value: Decimal
    """The utility's total registered connection value in the financial year before notice."""

    def __post_init__(self) -> None:
        if not Money(0) <= self.depreciation <= self.plant_cost:
            raise ValidationError(say("exit.bad_depreciation"))
        if not 0 < self.connection_value <= self.total_connection_value:
            raise ValidationError(say("exit.bad_connection_value"))

    @property
    def unamortised(self) -> Money:
        return self.plant_cost - self.depreciation

    @property
    def share(self) -> Money:
        """The installation's share of the unamortised cost, rounded once, half-up."""
        exact = Decimal(self.unamortised.ore) * self.connection_value
        return round_ore(exact / self.total_connection_value)


@dataclass(frozen=True, slots=True)
class ExitCosts:
    """The inputs of a statement; amounts excluding VAT unless said otherwise."""

    annual_statement: Money
    """a. The annual (final) statement's total, as billed incl. VAT."""
    owed: Money
    """b. Other amounts owed, as on the ledger."""
    disconnection: Money
    """c. Cutting the service pipe at the main (a quote)."""
    meter_removal: Fee | None
    """c. The sheet's meter removal fee; None when the sheet has none."""
    pipe_removal: Money
    """d. Removing the utility's pipes on the property; zero when they stay (2.21)."""
    plant: PlantShare | None
    capacity_transferred: bool
    """The freed capacity passes to new customers (no e under `vestervig 2.19`)."""
    compensation_vat: VatScope


@dataclass(frozen=True, slots=True)
class ExitItem:
    item: str
    """`a` … `e` as in the clause."""
    text: str
    amount: Money
    vat: Money
    billed_here: bool
    """Booked on the exit bill (c–e); a and b are on the ledger already."""


@dataclass(frozen=True, slots=True)
class ExitStatement:
    exit_date: date
    items: tuple[ExitItem, ...]
    clause: str

    @property
    def to_pay(self) -> Money:
        """Everything that must be paid for the exit (`solrod 2.19`: a condition of it)."""
        return total(i.amount + i.vat for i in self.items)

    def bill_lines(self) -> tuple[BillLine, ...]:
        """Items c–e as lines of the exit bill: works as fees, e as a fixed charge."""
        return tuple(
            BillLine(
                i.text,
                i.amount,
                i.vat,
                Account.FIXED_CHARGE_REVENUE if i.item == "e" else Account.FEE_REVENUE,
                self.clause,
            )
            for i in self.items
            if i.billed_here and (i.amount or i.vat)
        )


def exit_statement(exit_date: date, costs: ExitCosts, rulebook: Rulebook) -> ExitStatement:
    """Items a–e for an exit on `exit_date` under `rulebook`'s compensation rule."""
    standard = VatScope.STANDARD
    items = [
        ExitItem("a", say("exit.item.a"), costs.annual_statement, Money(0), billed_here=False),
        ExitItem("b", say("exit.item.b"), costs.owed, Money(0), billed_here=False),
        _billed("c", say("exit.item.c"), costs.disconnection, standard),
    ]
    if costs.meter_removal is not None:
        fee = costs.meter_removal
        items.append(_billed("c", say("exit.item.c_meter"), fee.amount_ex_vat, fee.vat))
    items.append(_billed("d", say("exit.item.d"), costs.pipe_removal, standard))
    compensation = rulebook.exit.compensation
    claimed = compensation.value is ExitCompensation.ALWAYS or not costs.capacity_transferred
    if claimed:
        if costs.plant is None:
            raise ValidationError(say("exit.no_plant_figures", clause=compensation.clause))
        items.append(_plant_item(costs.plant, costs.compensation_vat))
    return ExitStatement(exit_date, tuple(items), str(compensation.clause))


def _billed(item: str, text: str, amount: Money, vat: VatScope) -> ExitItem:
    if amount.is_negative:
        raise ValidationError(say("exit.negative_amount", item=item))
    return ExitItem(item, text, amount, vat.vat_on(amount), billed_here=True)


def _plant_item(plant: PlantShare, vat: VatScope) -> ExitItem:
    text = say(
        "exit.item.e",
        own=_number(plant.connection_value),
        all=_number(plant.total_connection_value),
        unamortised=plant.unamortised.format_da(),
    )
    return _billed("e", text, plant.share, vat)


def _number(value: Decimal) -> str:
    """A Danish number with thousands dots: `1.234,5`."""
    return f"{value.normalize():,f}".replace(",", "_").replace(".", ",").replace("_", ".")
