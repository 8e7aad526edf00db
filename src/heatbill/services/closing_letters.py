"""What the daily pass's letters say beyond the step itself, and who else is told
(issue 6, items 7–8) — set-based, one query per kind of fact, none on a day without such steps:

- the hand-over letter names the external partner and the legal cap on its costs
  (`aalborg 3.2`; bekendtgørelse om udenretlige inddrivelsesomkostninger, bilag 1);
- a tenant with a direct relationship: when the step that announces closing is taken, the
  property's owner(s) are told that the supply may be closed (`vestervig 6.6`,
  `closing.notify_landlord_of_tenant`) — the address and the closing date, never the amount;
- a landlord who supplies the heat to the tenants (a property marked as such: the register has
  no tenants without a direct relationship): the closing notice and the closing work order
  state the tenants' right to have the municipality restore the supply at the landlord's
  expense (lejeloven, `aalborg 2.10`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from heatbill.adapters.db.collection_repository import CustomerFacts
from heatbill.adapters.db.external_collection_repository import SqlExternalCollection, Tenancy
from heatbill.domain.collections.claim import NOTHING, Claim, StepKind, TakenStep
from heatbill.domain.collections.external import COST_CAPS_CLAUSE, cost_cap
from heatbill.domain.collections.timeline import NextStep
from heatbill.domain.letters import LetterKind, LetterRequest
from heatbill.domain.money import Money
from heatbill.domain.register.relationships import Role
from heatbill.domain.rulebook import Rulebook
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.services.utilities import rulebook_of
from heatbill.wording import say

TENANTS_RIGHT_CLAUSE = "aalborg 2.10"
Planned = tuple[Claim, CustomerFacts, NextStep, TakenStep]


def external(uow: UnitOfWork, utility_id: int) -> SqlExternalCollection:
    return SqlExternalCollection(uow.connection, utility_id, uow.ids(utility_id))


def announces_closing(step: NextStep, book: Rulebook) -> bool:
    """The step whose letter tells the customer the supply will be closed: the collection
    notice, the notice after an unmet security demand, or — without a collection notice —
    the last reminder (`aalborg 2.7`)."""
    if step.kind in (StepKind.COLLECTION_NOTICE, StepKind.CLOSING_NOTICE):
        return True
    last_reminder = step.kind is StepKind.REMINDER and step.number == book.reminders.count.value
    return last_reminder and not book.collection_notice.used.value


def closing_letters(
    uow: UnitOfWork, utility_id: int, plans: Sequence[Planned], letters: list[LetterRequest]
) -> tuple[list[LetterRequest], list[LetterRequest]]:
    """`letters` (one per plan) with the facts above, and the letters to owners."""
    if not plans:
        return letters, []
    book = rulebook_of(uow, utility_id, plans[0][3].on)
    letters = _hand_overs(uow, utility_id, plans, letters, book)
    telling = [
        n for n, (_, _, step, _) in enumerate(plans)
        if announces_closing(step, book) or step.kind is StepKind.CLOSING_VISIT
    ]  # fmt: skip
    if not telling:
        return letters, []
    tenancies = external(uow, utility_id).tenancies(plans[n][1].customer_id for n in telling)
    letters = _landlords(uow, utility_id, plans, letters, telling, tenancies)
    owners: list[LetterRequest] = []
    if book.closing.notify_landlord_of_tenant.value:
        announcing = [n for n in telling if announces_closing(plans[n][2], book)]
        owners = _owners_told(uow, utility_id, plans, announcing, tenancies, book)
    return letters, owners


def _hand_overs(
    uow: UnitOfWork,
    utility_id: int,
    plans: Sequence[Planned],
    letters: list[LetterRequest],
    book: Rulebook,
) -> list[LetterRequest]:
    handed = [n for n, plan in enumerate(plans) if plan[2].kind is StepKind.EXTERNAL_COLLECTION]
    if not handed:
        return letters
    billed = external(uow, utility_id).billed(plans[n][0].claim_id for n in handed)
    partner = book.external_collection.partner
    out = list(letters)
    for n in handed:
        claim, _, _, taken = plans[n]
        amount = claim_amount(billed.get(claim.claim_id, claim.principal), claim, taken.fee)
        facts = dict(out[n].facts)
        facts["partner"] = partner.value if partner is not None else ""
        facts["cost_cap"] = cost_cap(amount).format_da()
        facts["cost_cap_clause"] = COST_CAPS_CLAUSE
        out[n] = replace(out[n], facts=facts)
    return out


def claim_amount(billed: Money, claim: Claim, new_fee: Money = NOTHING) -> Money:
    """The claim for the cost cap: the bill as it was issued plus the claim's fees (incl. VAT),
    without late interest (bilag 1)."""
    fees = sum((s.fee for s in claim.steps), Money(0))
    return billed + fees + new_fee


def _landlords(  # noqa: PLR0917 - the pass's facts
    uow: UnitOfWork,
    utility_id: int,
    plans: Sequence[Planned],
    letters: list[LetterRequest],
    telling: list[int],
    tenancies: dict[int, Tenancy],
) -> list[LetterRequest]:
    owned = {
        t.property_id for n in telling
        if (t := tenancies.get(plans[n][1].customer_id)) is not None and t.role is Role.OWNER
    }  # fmt: skip
    if not owned:
        return letters
    on = plans[0][3].on
    rented = external(uow, utility_id).rental_properties(owned, on)
    out = list(letters)
    for n in telling:
        tenancy = tenancies.get(plans[n][1].customer_id)
        if tenancy is None or tenancy.role is not Role.OWNER or tenancy.property_id not in rented:
            continue
        facts = dict(out[n].facts)
        facts["tenants_right"] = say("external.tenants_right", address=tenancy.address)
        facts["tenants_right_clause"] = TENANTS_RIGHT_CLAUSE
        out[n] = replace(out[n], facts=facts)
    return out


def _owners_told(  # noqa: PLR0917 - the pass's facts
    uow: UnitOfWork,
    utility_id: int,
    plans: Sequence[Planned],
    announcing: list[int],
    tenancies: dict[int, Tenancy],
    book: Rulebook,
) -> list[LetterRequest]:
    tenants = [
        (n, t) for n in announcing
        if (t := tenancies.get(plans[n][1].customer_id)) is not None and t.role is Role.TENANT
    ]  # fmt: skip
    if not tenants:
        return []
    on = plans[0][3].on
    owners = external(uow, utility_id).owners({t.property_id for _, t in tenants}, on)
    clause = str(book.closing.notify_landlord_of_tenant.clause)
    told: dict[tuple[int, int], LetterRequest] = {}
    for n, tenancy in tenants:
        deadline = plans[n][3].deadline
        for party_id in owners.get(tenancy.property_id, []):
            told.setdefault(
                (party_id, tenancy.customer_id),
                LetterRequest(
                    LetterKind.LANDLORD_NOTICE, party_id, on, clause, None,
                    {"address": tenancy.address,
                     "deadline": _dk(deadline) if deadline is not None else _dk(on),
                     "text": say("external.landlord_notice", address=tenancy.address)},
                ),
            )  # fmt: skip
    return list(told.values())


def _dk(day: date) -> str:
    return f"{day:%d-%m-%Y}"
