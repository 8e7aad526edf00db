"""Utilities (værker): create one with its rulebook, tariff sheet and chart of accounts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.utility_repository import UtilityRow
from heatbill.domain.ledger.accounts import DEFAULT_CHART
from heatbill.services.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class RuleText:
    """A rulebook or tariff sheet as TOML text, already validated by the caller's parser."""

    name: str
    valid_from: date
    text: str


@dataclass(frozen=True, slots=True)
class CreateUtility:
    code: str
    name: str
    cvr: str
    address: str
    fi_creditor_number: str | None
    pbs_number: str | None
    rulebook: RuleText
    tariffs: RuleText


def create_utility(command: CreateUtility, uow: UnitOfWork, clock: Clock) -> int:
    """Register a utility with its rule documents and the default chart; returns its id."""
    utilities = uow.utilities
    utility_id = utilities.next_id()
    utilities.add(
        UtilityRow(
            utility_id=utility_id,
            code=command.code,
            name=command.name,
            cvr=command.cvr,
            address=command.address,
            fi_creditor_number=command.fi_creditor_number,
            pbs_number=command.pbs_number,
        ),
        created_at=clock.now(),
    )
    for kind, doc in (("rulebook", command.rulebook), ("tariffs", command.tariffs)):
        utilities.add_rule_document(
            utility_id,
            doc_kind=kind,
            valid_from=doc.valid_from,
            name=doc.name,
            text=doc.text,
            created_at=clock.now(),
        )
    utilities.set_account_map(utility_id, DEFAULT_CHART)
    uow.commit()
    return utility_id
