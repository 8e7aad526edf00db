"""A claim's case as JSON, for `heatbill case show --json` and the web API alike."""

from __future__ import annotations

from heatbill.domain.collections.timeline import Hold, NextStep
from heatbill.entrypoints.cli.arguments import iso
from heatbill.services.collection_cases import Case


def next_json(found: NextStep | Hold) -> dict[str, object]:
    if isinstance(found, Hold):
        return {"hold": found.reason, "clause": found.clause}
    return {
        "step": found.kind.value,
        "earliest": iso(found.earliest),
        "fee_ore": found.fee_amount.ore,
        "deadline": iso(found.deadline),
        "clause": found.clause,
    }


def case_json(case: Case) -> dict[str, object]:
    c = case.claim
    return {
        "claim_id": c.claim_id,
        "customer_id": c.customer_id,
        "reference": c.reference,
        "bill_date": iso(c.bill_date),
        "due_date": iso(c.due_date),
        "principal_ore": c.principal.ore,
        "fees_ore": c.fees.ore,
        "interest_ore": c.interest.ore,
        "owed_ore": c.owed.ore,
        "disputed": c.disputed,
        "closed": c.closed,
        "steps": [
            {
                "no": s.step_no,
                "kind": s.kind.value,
                "on": iso(s.on),
                "deadline": iso(s.deadline),
                "fee_ore": s.fee.ore,
                "clause": s.clause,
                "letter_id": s.letter_id,
                "by": s.by,
                "note": s.note,
            }
            for s in case.steps
        ],
        "events": [
            {"kind": e.kind.value, "on": iso(e.on), "reason": e.reason, "by": e.by}
            for e in case.events
        ],
        "next": next_json(case.next),
        "ahead": [next_json(s) for s in case.ahead],
    }
