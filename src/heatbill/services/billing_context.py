"""Everything a billing or settlement run needs for a whole utility, loaded in a few queries:
the rulebook and tariff sheet, degree days, customers in force, properties, meters, readings.

Pricing a period for an installation happens here too, so budgets, installments and
settlements price with one and the same function (`domain.billing.charges`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

from heatbill.adapters.db import billing_queries
from heatbill.adapters.holidays_dk import danish_bank_calendar
from heatbill.domain.billing.charges import Charges, PeriodUse, UseSplit
from heatbill.domain.billing.charges_batch import BatchPricing
from heatbill.domain.calendar import BankCalendar
from heatbill.domain.degree_days import DegreeDayTable, Period
from heatbill.domain.errors import HeatbillError
from heatbill.domain.metered_use import MeteredUse, use_between
from heatbill.domain.register.installations import Meter, MeterSize, Property
from heatbill.domain.register.readings import Reading
from heatbill.domain.register.relationships import Relationship
from heatbill.domain.rulebook import Rulebook
from heatbill.domain.tariff import TariffSheet
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of, tariffs_of

ONE_DAY = timedelta(days=1)
SHEET_METER_CLASS = {
    MeterSize.UP_TO_30_KW: "below_30_kw",
    MeterSize.UP_TO_100_KW: "below_100_kw",
    MeterSize.OVER_100_KW: "above_100_kw",
}
"""The register's meter sizes by the names tariff sheets price them under (`solrod 5.2`)."""


def meter_class(sheet: TariffSheet, on: date, size: MeterSize) -> str | None:
    """The sheet's meter-rent class for a meter: its size class, or the sheet's one `standard`
    rent; None when the sheet charges no rent for it (Vestervig's rent is for an optional
    leak-monitoring meter only)."""
    classes = {name for name, _ in sheet.period_on(on).meter_rent}
    if SHEET_METER_CLASS[size] in classes:
        return SHEET_METER_CLASS[size]
    return "standard" if "standard" in classes else None


@dataclass
class BillingContext:
    utility_id: int
    rulebook: Rulebook
    tariffs: TariffSheet
    degree_days: DegreeDayTable
    calendar: BankCalendar
    customers: list[Relationship]
    properties: dict[int, Property]
    """By installation id."""
    meters: dict[int, list[Meter]]
    """By installation id."""
    readings: dict[int, list[Reading]]
    """Billable readings by meter id."""
    pricing: BatchPricing | None = None
    """The tariff sheet's pricing, shared by every customer of the run (and its batches)."""

    _meter_classes: dict[tuple[date, MeterSize], str | None] = field(
        default_factory=dict, init=False, repr=False
    )

    def __post_init__(self) -> None:
        if self.pricing is None or self.pricing.sheet is not self.tariffs:
            self.pricing = BatchPricing(self.tariffs)

    def _meter_class(self, on: date, size: MeterSize) -> str | None:
        key = (on, size)
        if key not in self._meter_classes:
            self._meter_classes[key] = meter_class(self.tariffs, on, size)
        return self._meter_classes[key]

    @property
    def hot_water_share(self) -> Decimal:
        return self.rulebook.metering.hot_water_share_percent.value

    def metered(self, installation_id: int, start: date, end: date) -> MeteredUse:
        """The use from the readings closing `start` to those closing `end`."""
        meters = self.meters[installation_id]
        readings = [r for m in meters for r in self.readings.get(m.meter_id, [])]
        return use_between(readings, meters, start, end)

    def price(
        self,
        installation_id: int,
        period: Period,
        use: PeriodUse,
        metered_to: Mapping[date, MeteredUse] | None = None,
    ) -> Charges:
        meters = self.meters[installation_id]
        size = meters[-1].size if meters else MeterSize.UP_TO_30_KW
        assert self.pricing is not None  # set in __post_init__
        return self.pricing.charges(
            period,
            premises=self.properties[installation_id],
            meter_class=self._meter_class(period.start, size),
            use=use,
            split=UseSplit(self.degree_days, self.hot_water_share, metered_to or {}),
        )

    def price_metered(self, installation_id: int, period: Period, used: MeteredUse) -> Charges:
        """Charges for metered use, with the period's average temperatures (cooling incentive).

        At a price change inside the period the use is split by the readings that close the
        day before the change when they exist, else by degree days (`UseSplit`)."""
        use = PeriodUse(used.energy_mwh, used.volume_m3, used.cooling_c, used.return_c)
        metered_to: dict[date, MeteredUse] = {}
        for change in self.price_changes(period):
            try:
                metered_to[change] = self.metered(
                    installation_id, period.start - ONE_DAY, change - ONE_DAY
                )
            except HeatbillError:
                continue  # no reading at the change: degree days decide
        return self.price(installation_id, period, use, metered_to)

    def price_changes(self, period: Period) -> list[date]:
        """The days inside `period` on which a new price period starts."""
        return [
            p.valid_from.value
            for p in self.tariffs.periods
            if period.start < p.valid_from.value < period.end
        ]

    def price_expected(self, installation_id: int, period: Period, mwh: Decimal) -> Charges:
        """Charges for an expected use (budgets): MWh at the register's resolution."""
        return self.price(installation_id, period, PeriodUse(mwh.quantize(Decimal("0.001"))))


def load_context(
    uow: UnitOfWork,
    utility_id: int,
    on: date,
    since: date,
    extra: Sequence[Relationship] = (),
) -> BillingContext:
    """Customers in force on `on`; readings from `since` on (settlements need a year back).

    `extra`: relationships not in force on `on` whose installations are needed as well (the
    customers who moved out, for their move settlement).
    """
    installations = uow.installations(utility_id)
    customers = installations.relationships_on(on)
    installation_ids = sorted({c.installation_id for c in [*customers, *extra]})
    meters = installations.meters_of_installations(installation_ids)
    meter_ids = [m.meter_id for found in meters.values() for m in found]
    history = uow.readings(utility_id).of_meters(meter_ids)
    readings: dict[int, list[Reading]] = defaultdict(list)
    for meter_id, found in history.items():
        readings[meter_id] = [h.reading for h in found if h.billable and h.reading.read_on >= since]
    return BillingContext(
        utility_id=utility_id,
        rulebook=rulebook_of(uow, utility_id, on),
        tariffs=tariffs_of(uow, utility_id, on),
        degree_days=DegreeDayTable(uow.readings(utility_id).degree_days()),
        calendar=danish_bank_calendar(),
        customers=customers,
        properties=installations.properties_of(installation_ids),
        meters=meters,
        readings=readings,
    )


def load_rules(uow: UnitOfWork, utility_id: int, on: date) -> BillingContext:
    """The utility's rulebook, tariff sheet, degree days and calendar, without customers: a
    run over a whole utility adds its customers batch by batch (`with_customers`)."""
    return BillingContext(
        utility_id=utility_id,
        rulebook=rulebook_of(uow, utility_id, on),
        tariffs=tariffs_of(uow, utility_id, on),
        degree_days=DegreeDayTable(uow.readings(utility_id).degree_days()),
        calendar=danish_bank_calendar(),
        customers=[],
        properties={},
        meters={},
        readings={},
    )


def with_customers(
    uow: UnitOfWork, rules: BillingContext, customers: list[Relationship], since: date, until: date
) -> BillingContext:
    """`rules` with a batch of customers: their properties, meters and the billable readings
    from `since` through `until`, in a few queries (`billing_queries`)."""
    db, u = uow.connection, rules.utility_id
    installation_ids = sorted({c.installation_id for c in customers})
    meters = billing_queries.meters_of(db, u, installation_ids)
    meter_ids = [m.meter_id for found in meters.values() for m in found]
    return replace(
        rules,
        customers=customers,
        properties=billing_queries.properties_of(db, u, installation_ids),
        meters=meters,
        readings=billing_queries.billable_readings(db, u, meter_ids, since, until),
    )
