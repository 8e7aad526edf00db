"""Connection contribution prices (tilslutningsbidrag) of a price period, `vestervig 2.6`–`2.10`.

The contribution is an investment contribution (investeringsbidrag, `2.7`: per m² BBR area,
per m³ building volume or per installation), a service pipe contribution (stikledningsbidrag,
`2.10`: a fixed part covering the first metres of trace, then kroner per metre beyond them)
and, in a new development area, a development contribution (byggemodningsbidrag, `2.9`).
Vestervig's sheet adds a fixed line it calls "Tilslutningsbidrag" (`connection_fee`). Amounts
exclude VAT; contributions carry the standard 25 %. `payment_lead_days`: calendar days before
the service pipe is laid by which the contribution must be paid (`solrod 2.6` leaves the
terms to the sheet); without it a quote uses heatbill's default (`billing.connection`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from heatbill.domain.money import Money
from heatbill.domain.rulebook.kinds import Amount, Choice, Rate, Whole
from heatbill.domain.rulebook.reader import Reader
from heatbill.domain.rulebook.ruled import Ruled


class InvestmentUnit(StrEnum):
    AREA_M2 = "area_m2"
    """Per m² heated area registered in BBR."""
    BUILDING_M3 = "building_m3"
    """Per m³ building volume (rumfang)."""
    INSTALLATION = "installation"
    """One amount per installation (Vestervig's 15.625,00 incl. VAT)."""


@dataclass(frozen=True, slots=True)
class ConnectionPrices:
    """The `[periods.connection]` section: what connecting a property costs, excluding VAT."""

    investment_unit: Ruled[InvestmentUnit]
    investment_rate: Ruled[Decimal]
    """Kroner per `investment_unit`."""
    service_pipe_fixed: Ruled[Money]
    service_pipe_included_m: Ruled[int] | None
    """Metres of trace the fixed part covers (Vestervig: 15 m); None: the rate runs from 0 m."""
    service_pipe_per_m: Ruled[Decimal]
    """Kroner per metre of trace beyond `service_pipe_included_m`."""
    connection_fee: Ruled[Money] | None
    development: Ruled[Money] | None
    """Per installation in a development area; None when the sheet sets none (`2.9`)."""
    payment_lead_days: Ruled[int] | None

    @property
    def included_m(self) -> int:
        return 0 if self.service_pipe_included_m is None else self.service_pipe_included_m.value


def read_connection(r: Reader | None) -> ConnectionPrices | None:
    if r is None:
        return None
    return ConnectionPrices(
        investment_unit=r.ruled("investment_unit", Choice(InvestmentUnit)),
        investment_rate=r.ruled("investment_rate", Rate()),
        service_pipe_fixed=r.ruled("service_pipe_fixed", Amount()),
        service_pipe_included_m=r.optional_ruled("service_pipe_included_m", Whole(0, 1000)),
        service_pipe_per_m=r.ruled("service_pipe_per_m", Rate()),
        connection_fee=r.optional_ruled("connection_fee", Amount()),
        development=r.optional_ruled("development", Amount()),
        payment_lead_days=r.optional_ruled("payment_lead_days", Whole(0, 90)),
    )
