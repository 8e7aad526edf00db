"""Tariff sheets (takstblade) as data: dated prices, and fees with their VAT scope and clause.

`parse_tariff_sheet_text(text, source)` reads a sheet; `sheet.period_on(day)` gives the prices
in force; `period.fee(FeeKind.REMINDER)` a fee with `amount_ex_vat`, `vat` and `clause`.
"""

from heatbill.domain.tariff.connection import ConnectionPrices, InvestmentUnit
from heatbill.domain.tariff.fees import FEE_CAPS, Fee, FeeKind, VatScope
from heatbill.domain.tariff.prices import (
    CapacityCharge,
    CapacityUnit,
    CoolingCharge,
    CoolingIncentive,
    CoolingMeasure,
    PricePeriod,
)
from heatbill.domain.tariff.sheet import TariffSheet, parse_tariff_sheet, parse_tariff_sheet_text

__all__ = [
    "FEE_CAPS",
    "CapacityCharge",
    "CapacityUnit",
    "ConnectionPrices",
    "CoolingCharge",
    "CoolingIncentive",
    "CoolingMeasure",
    "Fee",
    "FeeKind",
    "InvestmentUnit",
    "PricePeriod",
    "TariffSheet",
    "VatScope",
    "parse_tariff_sheet",
    "parse_tariff_sheet_text",
]
