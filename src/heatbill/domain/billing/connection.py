"""The connection contribution (tilslutningsbidrag): a quote for a property, its bill lines and
the date it must be paid by (`vestervig 2.6`–`2.10`, `solrod 2.6`).

The owner pays an investment contribution, a service pipe contribution (a fixed part, then
kroner per metre of trace beyond what the fixed part covers) and, in a new development area, a
development contribution — at the prices of the tariff sheet in force. Each line is priced
exactly and rounded once to øre; the contributions carry 25 % VAT, computed once on the total
and spread over the lines (`money.allocate`). `2.6`: "Bidraget skal betales, inden
stikledningen etableres" — the due date is the ordinary one (`vestervig 6.4`), but never later
than the sheet's lead time before the pipe is laid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Final

from heatbill.domain.billing.bill import BillLine
from heatbill.domain.billing.installments import due_date
from heatbill.domain.calendar import BankCalendar
from heatbill.domain.errors import ValidationError
from heatbill.domain.ledger import Account
from heatbill.domain.money import ORE_PER_KRONE, Money, allocate, round_ore, total, vat_of
from heatbill.domain.register.installations import Property
from heatbill.domain.rulebook import Clause, Rulebook
from heatbill.domain.tariff import ConnectionPrices, InvestmentUnit
from heatbill.wording import say

DEFAULT_PAYMENT_LEAD_DAYS: Final = 7
"""Calendar days before the pipe is laid by which the contribution is due, when the sheet sets
none (heatbill's setting): a week to see the transfer arrive before the crew is sent."""
METRE: Final = "metre"
"""The unit of a service pipe line's quantity: metres of trace."""


@dataclass(frozen=True, slots=True)
class ConnectionLine:
    """One priced part of the contribution, excluding VAT: `quantity × rate`, rounded once."""

    text: str
    amount: Money
    clause: Clause
    quantity: Decimal
    unit: str
    rate: Decimal
    """Kroner per `unit`."""


@dataclass(frozen=True, slots=True)
class ConnectionQuote:
    """What connecting one property costs: lines excluding VAT, and the one VAT on their sum."""

    lines: tuple[ConnectionLine, ...]

    @property
    def net(self) -> Money:
        return total(line.amount for line in self.lines)

    @property
    def vat(self) -> Money:
        return vat_of(self.net)

    @property
    def total(self) -> Money:
        return self.net + self.vat

    def bill_lines(self) -> tuple[BillLine, ...]:
        """The quote as bill lines on the fixed charge revenue account, VAT spread exactly."""
        amounts = [line.amount.ore for line in self.lines]
        shares = allocate(self.vat, amounts) if any(amounts) else [Money(0)] * len(amounts)
        return tuple(
            BillLine(
                line.text,
                line.amount,
                vat,
                Account.FIXED_CHARGE_REVENUE,
                str(line.clause),
                line.quantity,
                line.unit,
                line.rate,
            )
            for line, vat in zip(self.lines, shares, strict=True)
        )


def quote_connection(
    prices: ConnectionPrices, premises: Property, trace_m: Decimal, *, development_area: bool
) -> ConnectionQuote:
    """The contribution for `premises` with `trace_m` metres of service pipe trace (main to
    foundation) at `prices`; `development_area`: the property lies in a new development."""
    if trace_m < 0:
        raise ValidationError(say("connection.negative_trace", metres=_metres(trace_m)))
    included = prices.included_m
    fixed_key = (
        "connection.service_pipe_fixed_up_to" if included else "connection.service_pipe_fixed"
    )
    lines = [
        _investment(prices, premises),
        _fixed(
            say(fixed_key, included=included),
            prices.service_pipe_fixed.value,
            prices.service_pipe_fixed.clause,
        ),
    ]
    beyond = trace_m - included
    if beyond > 0:
        text = say("connection.service_pipe_per_m", included=included, metres=_metres(beyond))
        per_m = prices.service_pipe_per_m
        lines.append(_line(text, per_m.value, beyond, METRE, per_m.clause))
    if prices.connection_fee is not None:
        fee = prices.connection_fee
        lines.append(_fixed(say("connection.fee"), fee.value, fee.clause))
    if development_area:
        if prices.development is None:
            raise ValidationError(say("connection.no_development_price"))
        development = prices.development
        lines.append(_fixed(say("connection.development"), development.value, development.clause))
    return ConnectionQuote(tuple(lines))


def connection_due_date(
    issue_date: date,
    pipe_laid_on: date,
    prices: ConnectionPrices,
    rulebook: Rulebook,
    calendar: BankCalendar,
) -> date:
    """The ordinary due date of a bill issued `issue_date` (`vestervig 6.4`), but no later than
    the last bank day at least the lead time before the pipe is laid (`vestervig 2.6`). Refused
    when that day is not after the issue date: the bill comes too late to be paid in advance."""
    lead = prices.payment_lead_days
    days = DEFAULT_PAYMENT_LEAD_DAYS if lead is None else lead.value
    latest = pipe_laid_on - timedelta(days=days)
    while not calendar.is_bank_day(latest):
        latest -= timedelta(days=1)
    if latest <= issue_date:
        raise ValidationError(
            say("connection.too_late", laid_on=pipe_laid_on, latest=latest, issue=issue_date)
        )
    return min(due_date(issue_date, rulebook, calendar), latest)


def _investment(prices: ConnectionPrices, premises: Property) -> ConnectionLine:
    """Per m² BBR area, per m³ building volume or per installation (`vestervig 2.7`)."""
    unit, rate = prices.investment_unit.value, prices.investment_rate
    quantity = {
        InvestmentUnit.AREA_M2: premises.heated_area_m2,
        InvestmentUnit.BUILDING_M3: premises.volume_m3,
        InvestmentUnit.INSTALLATION: Decimal(1),
    }[unit]
    if quantity is None:
        raise ValidationError(say("connection.no_volume", address=premises.full_address))
    return _line(say("connection.investment"), rate.value, quantity, unit.value, rate.clause)


def _fixed(text: str, amount: Money, clause: Clause) -> ConnectionLine:
    return ConnectionLine(
        text,
        amount,
        clause,
        Decimal(1),
        InvestmentUnit.INSTALLATION.value,
        amount.as_decimal_kroner(),
    )


def _line(text: str, rate: Decimal, quantity: Decimal, unit: str, clause: Clause) -> ConnectionLine:
    amount = round_ore(rate * quantity * ORE_PER_KRONE)
    return ConnectionLine(text, amount, clause, quantity, unit, rate)


def _metres(metres: Decimal) -> str:
    """Metres as a Danish decimal: `3,5`."""
    return f"{metres.normalize():f}".replace(".", ",")
