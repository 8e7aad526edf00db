"""What staff see before demanding a security: the customer's payment history over the
rulebook's look-back with the late payments listed, old debt from earlier relationships, the
amount by rule (months of the expected year's charges incl. VAT) and the forms allowed.

The history is the party's, over all their customer relationships: a customer who moved keeps
their record (and their old debt, `vestervig 6.9`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from heatbill.domain.billing.budget_use import BudgetBasis, YearUse, area_estimate
from heatbill.domain.billing.installments import heating_year, heating_year_of
from heatbill.domain.collections.securities import Assessment, assess, security_amount
from heatbill.domain.errors import HeatbillError
from heatbill.domain.ledger import OpenItemKind
from heatbill.domain.money import Money, total
from heatbill.domain.register.relationships import Relationship
from heatbill.domain.rulebook.closing import SecurityForm
from heatbill.services.billing_context import BillingContext, load_rules, with_customers
from heatbill.services.unit_of_work import UnitOfWork

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class CustomerAssessment:
    customer_id: int
    party_id: int
    assessment: Assessment
    year_use: YearUse
    year_charges: Money
    """The expected heating year's charges incl. VAT."""
    months: int
    amount: Money
    """The security by rule: `months` twelfths of `year_charges`."""
    forms: tuple[SecurityForm, ...]


def assess_customer(
    uow: UnitOfWork, utility_id: int, customer_id: int, on: date
) -> CustomerAssessment:
    customer = uow.installations(utility_id).relationship(customer_id)
    rules = load_rules(uow, utility_id, on)
    securities = rules.rulebook.securities
    mine = uow.securities(utility_id).relationships_of_parties([customer.party_id])
    relationships = mine.get(customer.party_id, [])
    history = uow.securities(utility_id).paid_items([r.relationship_id for r in relationships])
    items = [i for found in history.values() for i in found]
    ended = [r.relationship_id for r in relationships if r.end_on is not None and r.end_on <= on]
    old_items = uow.ledger(utility_id).open_items_of(ended) if ended else {}
    old_debt = total(
        r for found in old_items.values() for i, r in found
        if i.kind is OpenItemKind.PRINCIPAL and r.is_positive and i.due_date < on
    )  # fmt: skip
    year_use, year_charges = _expected_year(uow, rules, customer, on)
    months = securities.amount_months_of_estimated_use.value
    return CustomerAssessment(
        customer_id, customer.party_id, assess(items, old_debt, on, securities), year_use,
        year_charges, months, security_amount(year_charges, months), securities.forms.value,
    )  # fmt: skip


def _expected_year(
    uow: UnitOfWork, rules: BillingContext, customer: Relationship, on: date
) -> tuple[YearUse, Money]:
    """The heating year of `on` priced at the installation's expected use: last heating year's
    metered use, else the area estimate (as the budgets: `4rater`)."""
    year = heating_year_of(on, rules.rulebook)
    period, last = heating_year(year, rules.rulebook), heating_year(year - 1, rules.rulebook)
    ctx = with_customers(uow, rules, [customer], last.start - ONE_DAY, last.end)
    installation = customer.installation_id
    try:
        used = ctx.metered(installation, last.start - ONE_DAY, last.end - ONE_DAY)
        year_use = YearUse(used.energy_mwh, BudgetBasis.LAST_YEAR_ACTUAL)
    except HeatbillError:
        area = ctx.properties[installation].heated_area_m2
        year_use = area_estimate(area, rules.rulebook.metering.new_installation_mwh_per_m2.value)
    return year_use, ctx.price_expected(installation, period, year_use.mwh).total


def party_claims(uow: UnitOfWork, utility_id: int, party_id: int, on: date | None) -> list[int]:
    """The party's principal items with something left, over all their relationships: those
    overdue on `on` (in collection), or all of them when `on` is None."""
    mine = uow.securities(utility_id).relationships_of_parties([party_id]).get(party_id, [])
    found = uow.ledger(utility_id).open_items_of([r.relationship_id for r in mine])
    return sorted(
        i.open_item_id for items in found.values() for i, r in items
        if i.kind is OpenItemKind.PRINCIPAL and r.is_positive and (on is None or i.due_date < on)
    )  # fmt: skip
