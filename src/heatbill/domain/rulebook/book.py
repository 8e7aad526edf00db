"""The rulebook: everything a utility's documents let it decide, each value with its clause.

`parse_rulebook` turns a parsed TOML mapping into a `Rulebook` or raises `RulebookError`
listing every problem; `parse_rulebook_text` does the same from TOML text. Both are pure:
nothing is cached, read or written, so a refused file changes nothing.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from heatbill.domain.rulebook.billing import (
    Clearing,
    DueDates,
    Installments,
    Interest,
    Settlement,
    read_clearing,
    read_due_dates,
    read_installments,
    read_interest,
    read_settlement,
)
from heatbill.domain.rulebook.closing import (
    Closing,
    Reopening,
    Securities,
    read_closing,
    read_reopening,
    read_securities,
)
from heatbill.domain.rulebook.collection import (
    CollectionNotice,
    FeeCaps,
    PaymentPlans,
    Reminders,
    read_collection_notice,
    read_fee_caps,
    read_payment_plans,
    read_reminders,
)
from heatbill.domain.rulebook.consistency import rulebook_inconsistencies
from heatbill.domain.rulebook.customers import (
    ExitRules,
    Letters,
    Moves,
    read_exit,
    read_letters,
    read_moves,
)
from heatbill.domain.rulebook.external import ExternalCollection, read_external_collection
from heatbill.domain.rulebook.kinds_text import Day, Name, Text, UtilityDocument
from heatbill.domain.rulebook.metering import Metering, read_metering
from heatbill.domain.rulebook.problems import Findings, Problem, RulebookError
from heatbill.domain.rulebook.reader import Reader
from heatbill.domain.rulebook.refunds import Refunds, read_refunds
from heatbill.domain.rulebook.ruled import Ruled
from heatbill.wording import say

_TOML_POSITION = re.compile(r"^(?P<detail>.*) \(at line (?P<line>\d+), column (?P<column>\d+)\)$")


@dataclass(frozen=True, slots=True)
class Rulebook:
    """A utility's rulebook, versioned by `valid_from`; sections in the order of a case."""

    name: str
    title: str
    document: str
    """Short name of the utility document it is built from (`vestervig`)."""
    valid_from: Ruled[date]
    installments: Installments
    due_dates: DueDates
    settlement: Settlement
    reminders: Reminders
    payment_plans: PaymentPlans
    collection_notice: CollectionNotice
    closing: Closing
    reopening: Reopening
    securities: Securities
    external_collection: ExternalCollection
    moves: Moves
    exit: ExitRules
    interest: Interest
    clearing: Clearing
    refunds: Refunds
    letters: Letters
    fee_caps: FeeCaps
    metering: Metering


def parse_rulebook(data: Mapping[str, object], source: str) -> Rulebook:
    """A rulebook from a parsed TOML mapping; `source` names the file in messages."""
    findings = Findings()
    root = Reader(data, "", findings)
    name = root.plain("name", Name())
    document = root.plain("document", UtilityDocument())
    findings.own_document = document or None
    book = Rulebook(
        name=name,
        title=root.plain("title", Text()),
        document=document,
        valid_from=root.ruled("valid_from", Day()),
        installments=read_installments(root.section("installments")),
        due_dates=read_due_dates(root.section("due_dates")),
        settlement=read_settlement(root.section("settlement")),
        reminders=read_reminders(root.section("reminders")),
        payment_plans=read_payment_plans(root.section("payment_plans")),
        collection_notice=read_collection_notice(root.section("collection_notice")),
        closing=read_closing(root.section("closing")),
        reopening=read_reopening(root.section("reopening")),
        securities=read_securities(root.section("securities")),
        external_collection=read_external_collection(root.section("external_collection")),
        moves=read_moves(root.section("moves")),
        exit=read_exit(root.section("exit")),
        interest=read_interest(root.section("interest")),
        clearing=read_clearing(root.section("clearing")),
        refunds=read_refunds(root.section("refunds")),
        letters=read_letters(root.section("letters")),
        fee_caps=read_fee_caps(root.section("fee_caps")),
        metering=read_metering(root.section("metering")),
    )
    findings.close()
    if not findings.problems:  # cross-checks only make sense on a file whose values all parsed
        findings.extend(rulebook_inconsistencies(book))
    findings.raise_if_any(source)
    return book


def parse_rulebook_text(text: str, source: str) -> Rulebook:
    return parse_rulebook(parse_toml(text, source), source)


def parse_toml(text: str, source: str) -> dict[str, object]:
    """TOML text → mapping; a syntax error becomes a RulebookError with line and column."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise RulebookError(source, [Problem("", _syntax_text(str(error)))]) from None


def _syntax_text(message: str) -> str:
    match = _TOML_POSITION.match(message)
    if match is None:
        return say("rulebook.syntax.end", detail=message.removesuffix(" (at end of document)"))
    return say(
        "rulebook.syntax", line=match["line"], column=match["column"], detail=match["detail"]
    )
