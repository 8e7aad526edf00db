"""Utilities (værker): create one with its rulebook, tariff sheet and chart of accounts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Final, TypeVar

from heatbill.adapters.clock import Clock
from heatbill.adapters.db.utility_repository import RuleDocument, UtilityRow
from heatbill.domain.ledger.accounts import DEFAULT_CHART
from heatbill.domain.rulebook import Rulebook, parse_rulebook_text
from heatbill.domain.tariff import TariffSheet, parse_tariff_sheet_text
from heatbill.services.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class RuleText:
    """A rulebook or tariff sheet as TOML text; `source` names it in error messages."""

    source: str
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


@dataclass(frozen=True, slots=True)
class CreatedUtility:
    utility_id: int
    rulebook: Rulebook
    tariffs: TariffSheet


def create_utility(command: CreateUtility, uow: UnitOfWork, clock: Clock) -> CreatedUtility:
    """Register a utility with its rule documents and the default chart of accounts.

    Both documents are parsed first: a bad rulebook or tariff sheet is refused with every
    problem named (RulebookError) before anything is written.
    """
    rulebook = parse_rulebook_text(command.rulebook.text, command.rulebook.source)
    tariffs = parse_tariff_sheet_text(command.tariffs.text, command.tariffs.source)
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
    documents = (
        ("rulebook", rulebook.name, rulebook.valid_from.value, command.rulebook.text),
        ("tariffs", tariffs.name, tariffs.periods[0].valid_from.value, command.tariffs.text),
    )
    for kind, name, valid_from, text in documents:
        utilities.add_rule_document(
            utility_id,
            doc_kind=kind,
            valid_from=valid_from,
            name=name,
            text=text,
            created_at=clock.now(),
        )
    utilities.set_account_map(utility_id, DEFAULT_CHART)
    uow.commit()
    return CreatedUtility(utility_id, rulebook, tariffs)


def rulebook_of(uow: UnitOfWork, utility_id: int, on: date) -> Rulebook:
    """The utility's rulebook in force on `on`, parsed from the text stored with it."""
    return _in_force(
        uow, utility_id, on, Rulebook, lambda d: _parsed_rulebook(d.source_text, f"{d.name}.toml")
    )


def tariffs_of(uow: UnitOfWork, utility_id: int, on: date) -> TariffSheet:
    """The utility's tariff sheet in force on `on`, parsed from the text stored with it."""
    return _in_force(
        uow, utility_id, on, TariffSheet,
        lambda d: _parsed_tariffs(d.source_text, f"tariffs/{d.name}.toml"),
    )  # fmt: skip


_Document = TypeVar("_Document", Rulebook, TariffSheet)
_KINDS: Final = {Rulebook: "rulebook", TariffSheet: "tariffs"}


def _in_force(
    uow: UnitOfWork,
    utility_id: int,
    on: date,
    of: type[_Document],
    parse: Callable[[RuleDocument], _Document],
) -> _Document:
    """The rule document of type `of` in force on `on`, read once per transaction and day
    (`uow.memo`, keyed by utility and day: a dated document is looked up again for another
    day); a screen asks for it from several places."""
    key = (of, utility_id, on)
    found = uow.memo.get(key)
    if not isinstance(found, of):
        found = parse(uow.utilities.rule_document(utility_id, _KINDS[of], on))
        uow.memo[key] = found
    return found


@lru_cache(maxsize=64)
def _parsed_rulebook(text: str, source: str) -> Rulebook:
    """Parsed once per text: a rulebook is immutable, and a daily run asks for it often."""
    return parse_rulebook_text(text, source)


@lru_cache(maxsize=64)
def _parsed_tariffs(text: str, source: str) -> TariffSheet:
    return parse_tariff_sheet_text(text, source)
