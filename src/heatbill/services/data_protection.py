"""Data protection (`solrod 7.5`, DANISH-RULES.md): a person's right of access, and the
anonymisation of former customers once the bookkeeping retention has passed.

The export gathers everything held on one party: the register card (CPR in clear — it is the
person's own data, and the export is logged), customer relationships, readings of the
installations while theirs, bills, account movements and open items, letters, claims and
their steps, and what the audit trail says about them.

Anonymisation: the bookkeeping law keeps vouchers for 5 years from the end of the financial
year they belong to. A former customer — every relationship ended, nothing open on any of
their accounts, owner of no property — whose last relationship ended in a financial year
that closed more than 5 years ago has name, CPR, e-mail and mobile removed. The ledger keeps
its entries untouched (they name accounts, not people), so every total still adds up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import bindparam, exists, or_, select, update

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.register_tables import letter, party, property_owner, relationship
from heatbill.adapters.db.tables import open_item, open_item_residual
from heatbill.domain.errors import NotFoundError
from heatbill.domain.plain_values import plain
from heatbill.domain.register.parties import PartyKind
from heatbill.services.bill_queries import bill_heads
from heatbill.services.register_queries import installation_file
from heatbill.services.reports import statement_report
from heatbill.services.unit_of_work import UnitOfWork
from heatbill.wording import say

RETENTION_YEARS = 5
"""Bogføringsloven § 10: vouchers are kept for 5 years from the end of the financial year."""


def person_export(uow: UnitOfWork, utility_id: int, party_id: int, on: date) -> dict[str, Any]:
    """Everything held on party `party_id` (for the export staff hand to the person)."""
    found = uow.parties(utility_id).get(party_id)
    periods = uow.connection.execute(
        select(relationship).where(
            relationship.c.utility_id == utility_id, relationship.c.party_id == party_id
        )
    ).all()
    installations = uow.installations(utility_id)
    accounts: list[dict[str, Any]] = []
    for row in periods:
        number = installations.installation(int(row.installation_id)).number
        story = installation_file(uow, utility_id, number)
        start, end = row.start_on, row.end_on
        readings = [
            plain(line.recorded.reading)
            for line in story.readings
            if line.recorded.reading.read_on >= start
            and (end is None or line.recorded.reading.read_on < end)
        ]
        try:
            statement = statement_report(
                uow, utility_id, int(row.relationship_id), start, min(on, end or on)
            ).statement
        except NotFoundError:
            statement = None
        accounts.append(
            {
                "relationship": plain(row._asdict()),
                "installation": number,
                "address": story.property.full_address,
                "readings": readings,
                "bills": [
                    plain(b)
                    for b in bill_heads(uow, utility_id, customer_id=int(row.relationship_id))
                ],
                "statement": None if statement is None else plain(statement),
            }
        )
    letters = uow.connection.execute(
        select(letter).where(letter.c.utility_id == utility_id, letter.c.party_id == party_id)
    ).all()
    audit = uow.access(utility_id).audit_trail(f"party:{party_id}")
    return {
        "exported_on": on.isoformat(),
        "party": {
            "party_id": found.party_id,
            "kind": found.kind.value,
            "name": found.name,
            "cpr": None if found.cpr is None else found.cpr.formatted(),
            "cvr": found.cvr,
            "ean": found.ean,
            "contact": plain(found.contact),
        },
        "accounts": accounts,
        "letters": [plain(r._asdict()) for r in letters],
        "audit": [plain(a) for a in audit],
    }


@dataclass(frozen=True, slots=True)
class Anonymised:
    parties: list[int]
    retention_before: date
    """Relationships that ended before this day are past the retention."""


def anonymise_former_customers(
    uow: UnitOfWork, utility_id: int, by: str, clock: Clock, *, dry_run: bool = False
) -> Anonymised:
    today = clock.today()
    before = date(today.year - RETENTION_YEARS, 1, 1)
    r, o, res = relationship.c, open_item.c, open_item_residual.c
    still_customer = exists().where(
        r.utility_id == party.c.utility_id,
        r.party_id == party.c.party_id,
        or_(r.end_on.is_(None), r.end_on >= before),
    )
    has_ended = exists().where(r.utility_id == party.c.utility_id, r.party_id == party.c.party_id)
    owns = exists().where(
        property_owner.c.utility_id == party.c.utility_id,
        property_owner.c.party_id == party.c.party_id,
        or_(property_owner.c.end_on.is_(None), property_owner.c.end_on >= before),
    )
    open_items = exists().where(
        r.utility_id == party.c.utility_id,
        r.party_id == party.c.party_id,
        o.utility_id == r.utility_id,
        o.customer_id == r.relationship_id,
        res.utility_id == o.utility_id,
        res.open_item_id == o.open_item_id,
        res.residual_ore != 0,
    )
    candidates = [
        int(x)
        for x in uow.connection.execute(
            select(party.c.party_id)
            .where(
                party.c.utility_id == utility_id,
                party.c.kind == PartyKind.PERSON.value,
                party.c.cpr_lookup.is_not(None)
                | party.c.email.is_not(None)
                | party.c.mobile.is_not(None)
                | ~party.c.name.like("Anonymiseret%"),
                has_ended,
                ~still_customer,
                ~owns,
                ~open_items,
            )
            .order_by(party.c.party_id)
        ).scalars()
    ]
    if candidates and not dry_run:
        uow.connection.execute(
            update(party)
            .where(party.c.utility_id == utility_id, party.c.party_id == bindparam("pid"))
            .values(name=bindparam("anonymous"), cpr_sealed=None, cpr_lookup=None, email=None,
                    mobile=None),
            [{"pid": p, "anonymous": say("web.anonymised_name", party=p)} for p in candidates],
        )  # fmt: skip
        access = uow.access(utility_id)
        access.audit(clock.now(), by, "anonymise", "party", f"{len(candidates)}: {candidates}")
        uow.commit()
    return Anonymised(candidates, before)
