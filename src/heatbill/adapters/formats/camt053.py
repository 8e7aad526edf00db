"""ISO 20022 camt.053 bank statements (kontoudtog): what came in on the utility's account.

Danish banks deliver the day's statement as camt.053 (the Danish banks' common ISO 20022
implementation guide follows the CGI-MP recommendation; versions .001.02 and, since the
2023–25 migration, .001.08 are common). A document holds one or more statements (`Stmt`): the
account (`Acct/Id/IBAN`, else `Acct/Id/Othr/Id` — a Danish reg. no. + account), the opening
booked balance (`Bal` with code OPBD, else PRCD) and the closing booked balance (CLBD), and the
entries (`Ntry`): amount and currency, credit or debit, status, booking and value date, and
per transaction (`NtryDtls/TxDtls`) the end-to-end id, the structured creditor reference
(`RmtInf/Strd/CdtrRefInf/Ref`: an FI payment id or an RF reference), the unstructured
remittance text (`RmtInf/Ustrd`) and the debtor's name (`RltdPties/Dbtr/Nm`, in .08 and later
`RltdPties/Dbtr/Pty/Nm`).

Checks, each naming the line and the element: the opening balance plus the booked entries
equals the closing balance, per statement; an entry's transactions, where they state amounts,
add up to the entry; amounts have at most two decimals; dates are dates. Read whole or not at
all. Any currency is read (the public samples are EUR and CHF), and then every balance and
entry not in the ledger's currency (DKK) is refused, naming the currency.

Where the layout comes from: the ISO 20022 message definitions (element names and nesting as
in the camt.053.001.02 and .08 schemas; from .04 on a transaction carries its own `Amt` and
`CdtDbtInd`, before that `AmtDtls/TxAmt/Amt`). Assumptions: versions .02 to .13 share the
elements read here (tested with .02, .04 and .08); entries with a status other than BOOK
(pending, PDNG; INFO) are kept but left out of the balance check; a reversal (`RvslInd`) is
booked by its own credit/debit indicator.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Final

from heatbill.adapters.formats.encoding import content_sha256
from heatbill.adapters.formats.problems import FileFormatError, LineProblem, ProblemLog
from heatbill.adapters.formats.xml_lines import XmlFile, read_xml
from heatbill.domain.money import Money, total
from heatbill.wording import say

NAMESPACE: Final = re.compile(r"^urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(\d\d)$")
VERSIONS: Final = tuple(f"{n:02d}" for n in range(2, 14))
BOOKED: Final = "BOOK"
_AMOUNT = re.compile(r"^\d{1,15}(\.\d{1,2})?$")


class Direction(Enum):
    CREDIT = "CRDT"
    DEBIT = "DBIT"


@dataclass(frozen=True, slots=True)
class Transaction:
    """One payment inside an entry (TxDtls): what matching looks at."""

    line: int
    amount: Money | None
    """Signed (+ credit); None when the bank gives only the entry's amount."""
    end_to_end_id: str | None
    creditor_reference: str | None
    """`CdtrRefInf/Ref`: the payer typed the FI payment id (or an RF reference) here."""
    unstructured: str | None
    debtor_name: str | None


@dataclass(frozen=True, slots=True)
class Entry:
    line: int
    amount: Money
    """Signed: + money in (credit), − money out (debit)."""
    currency: str
    status: str
    booked_on: date | None
    value_on: date | None
    reversal: bool
    reference: str | None
    """The bank's reference for the entry (`AcctSvcrRef`), if given."""
    transactions: tuple[Transaction, ...]


@dataclass(frozen=True, slots=True)
class Statement:
    line: int
    statement_id: str
    account: str
    currency: str
    opening: Money
    """Signed: + in credit."""
    closing: Money
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class BankStatements:
    name: str
    sha256: str
    version: str
    """The camt.053.001 version, e.g. "02" or "08"."""
    message_id: str
    statements: tuple[Statement, ...]


def parse_camt053(data: bytes, name: str, *, currency: str | None = "DKK") -> BankStatements:
    """Every statement in the document, or FileFormatError listing every problem.

    `currency`: the ledger's currency; every balance and entry in another is a problem (a DKK
    ledger books no euros). None reads any currency, to inspect a foreign statement.
    """
    xml = read_xml(data, name)
    version = _version(xml, name)
    reader = _Reader(xml, version, ProblemLog())
    document = reader.document()
    if document is not None and currency is not None:
        _in_currency(document[1], currency, reader.log)
    reader.log.raise_if_any(name)
    assert document is not None
    message_id, statements = document
    return BankStatements(name, content_sha256(data), version, message_id, statements)


def _in_currency(statements: tuple[Statement, ...], currency: str, log: ProblemLog) -> None:
    for statement in statements:
        if statement.currency != currency:
            message = say("camt.currency", got=statement.currency, expected=currency)
            log.add(statement.line, "Stmt/Bal/Amt", message)
        for entry in statement.entries:
            if entry.currency != currency:
                message = say("camt.currency", got=entry.currency, expected=currency)
                log.add(entry.line, "Ntry/Amt", message)


def _version(xml: XmlFile, name: str) -> str:
    namespace, _, local = xml.root.tag[1:].partition("}")
    match = NAMESPACE.match(namespace)
    if local != "Document" or match is None or match.group(1) not in VERSIONS:
        got = xml.root.tag.replace("}", " ").lstrip("{")
        message = say("camt.namespace", got=got, versions=", ".join(VERSIONS))
        raise FileFormatError(name, [LineProblem(1, None, message)])
    return match.group(1)


class _Reader:
    def __init__(self, xml: XmlFile, version: str, log: ProblemLog) -> None:
        self.xml, self.log = xml, log
        self.ns = f"{{urn:iso:std:iso:20022:tech:xsd:camt.053.001.{version}}}"

    # --- elements -------------------------------------------------------------------------
    def find(self, parent: ET.Element, path: str) -> ET.Element | None:
        return parent.find(self._qualified(path))

    def findall(self, parent: ET.Element, path: str) -> list[ET.Element]:
        return parent.findall(self._qualified(path))

    def _qualified(self, path: str) -> str:
        return "/".join(self.ns + step for step in path.split("/"))

    def text(self, parent: ET.Element, path: str) -> str | None:
        found = self.find(parent, path)
        value = None if found is None or found.text is None else found.text.strip()
        return value or None

    def required(self, parent: ET.Element, path: str, field: str) -> str | None:
        value = self.text(parent, path)
        if value is None:
            self.log.add(self.xml.line(parent), field, say("camt.missing", element=path))
        return value

    def problem(self, element: ET.Element, field: str, message: str) -> None:
        self.log.add(self.xml.line(element), field, message)

    # --- values ---------------------------------------------------------------------------
    def money(self, parent: ET.Element, path: str, field: str) -> tuple[Money, str] | None:
        """The amount at `path` (unsigned) and its currency."""
        element = self.find(parent, path)
        if element is None:
            self.problem(parent, field, say("camt.missing", element=path))
            return None
        raw = (element.text or "").strip()
        if not _AMOUNT.match(raw):
            self.problem(element, field, say("camt.amount", got=raw))
            return None
        return Money.kroner(Decimal(raw)), element.get("Ccy", "")

    def direction(self, parent: ET.Element, field: str) -> Direction | None:
        raw = self.required(parent, "CdtDbtInd", field)
        found = next((d for d in Direction if d.value == raw), None)
        if raw is not None and found is None:
            self.problem(parent, field, say("camt.direction", got=raw))
        return found

    def day(self, parent: ET.Element, path: str, field: str) -> date | None:
        """`…/Dt` or the date part of `…/DtTm`; None when absent."""
        raw = self.text(parent, path + "/Dt") or self.text(parent, path + "/DtTm")
        if raw is None:
            return None
        try:
            return date.fromisoformat(raw[:10])
        except ValueError:
            self.problem(parent, field, say("camt.date", got=raw))
            return None

    # --- the document ---------------------------------------------------------------------
    def document(self) -> tuple[str, tuple[Statement, ...]] | None:
        root = self.xml.root
        body = self.find(root, "BkToCstmrStmt")
        if body is None:
            self.problem(root, "Document", say("camt.missing", element="BkToCstmrStmt"))
            return None
        message_id = self.required(body, "GrpHdr/MsgId", "GrpHdr/MsgId") or ""
        statements = [self.statement(element) for element in self.findall(body, "Stmt")]
        if not statements:
            self.problem(body, "BkToCstmrStmt", say("camt.missing", element="Stmt"))
        return message_id, tuple(s for s in statements if s is not None)

    def statement(self, element: ET.Element) -> Statement | None:
        statement_id = self.required(element, "Id", "Stmt/Id")
        account = self.text(element, "Acct/Id/IBAN") or self.text(element, "Acct/Id/Othr/Id")
        if account is None:
            self.problem(element, "Stmt/Acct", say("camt.missing", element="Acct/Id/IBAN"))
        opening = self.balance(element, ("OPBD", "PRCD"))
        closing = self.balance(element, ("CLBD",))
        entries = [self.entry(e) for e in self.findall(element, "Ntry")]
        read = [entry for entry in entries if entry is not None]
        if (
            statement_id is None or account is None or opening is None or closing is None
            or len(read) < len(entries)
        ):  # fmt: skip
            return None
        self.reconcile(element, opening[0], closing, read)
        return Statement(
            self.xml.line(element), statement_id, account, opening[1], opening[0], closing[0],
            tuple(read),
        )  # fmt: skip

    def balance(self, statement: ET.Element, codes: tuple[str, ...]) -> tuple[Money, str] | None:
        for code in codes:
            for element in self.findall(statement, "Bal"):
                if self.text(element, "Tp/CdOrPrtry/Cd") == code:
                    return self.signed(element, f"Bal ({code})")
        self.problem(statement, "Stmt/Bal", say("camt.balance_missing", codes="/".join(codes)))
        return None

    def signed(self, element: ET.Element, field: str) -> tuple[Money, str] | None:
        amount, direction = self.money(element, "Amt", field), self.direction(element, field)
        if amount is None or direction is None:
            return None
        money, currency = amount
        return (money if direction is Direction.CREDIT else -money), currency

    def entry(self, element: ET.Element) -> Entry | None:
        amount = self.signed(element, "Ntry/Amt")
        status = self.text(element, "Sts/Cd") or self.text(element, "Sts") or ""
        booked_on = self.day(element, "BookgDt", "Ntry/BookgDt")
        value_on = self.day(element, "ValDt", "Ntry/ValDt")
        if amount is None:
            return None
        details = self.findall(element, "NtryDtls/TxDtls")
        transactions = [self.transaction(d, debit=amount[0].is_negative) for d in details]
        if None in transactions:
            return None
        read = tuple(t for t in transactions if t is not None)
        self.reconcile_entry(element, amount[0], read)
        reversal = self.text(element, "RvslInd") == "true"
        reference = self.text(element, "AcctSvcrRef")
        return Entry(
            self.xml.line(element), amount[0], amount[1], status, booked_on, value_on, reversal,
            reference, read,
        )  # fmt: skip

    def transaction(self, element: ET.Element, *, debit: bool) -> Transaction | None:
        """`debit`: the entry's direction, for a transaction that states none of its own."""
        path = "Amt" if self.find(element, "Amt") is not None else "AmtDtls/TxAmt/Amt"
        amount: Money | None = None
        if self.find(element, path) is not None:
            found = self.money(element, path, "TxDtls/Amt")
            if found is None:
                return None
            if self.find(element, "CdtDbtInd") is not None:
                debit = self.direction(element, "TxDtls/CdtDbtInd") is Direction.DEBIT
            amount = -found[0] if debit else found[0]
        unstructured = " ".join(
            (e.text or "").strip() for e in self.findall(element, "RmtInf/Ustrd")
        ).strip()
        return Transaction(
            self.xml.line(element), amount, self.text(element, "Refs/EndToEndId"),
            self.text(element, "RmtInf/Strd/CdtrRefInf/Ref"), unstructured or None,
            self.text(element, "RltdPties/Dbtr/Nm") or self.text(element, "RltdPties/Dbtr/Pty/Nm"),
        )  # fmt: skip

    # --- reconciliation -------------------------------------------------------------------
    def reconcile(
        self, element: ET.Element, opening: Money, closing: tuple[Money, str], entries: list[Entry]
    ) -> None:
        moved = total(entry.amount for entry in entries if entry.status == BOOKED)
        if opening + moved != closing[0]:
            message = say("camt.unbalanced", opening=opening.format_da(unit=False),
                          moved=moved.format_da(unit=False),
                          expected=(opening + moved).format_da(unit=False),
                          closing=closing[0].format_da(unit=False))  # fmt: skip
            self.problem(element, "Bal (CLBD)", message)

    def reconcile_entry(
        self, element: ET.Element, amount: Money, transactions: tuple[Transaction, ...]
    ) -> None:
        amounts = [t.amount for t in transactions]
        if not amounts or None in amounts:
            return
        parts = total(a for a in amounts if a is not None)
        if parts != amount:
            message = say("camt.entry_parts", parts=parts.format_da(unit=False),
                          entry=amount.format_da(unit=False))  # fmt: skip
            self.problem(element, "Ntry/NtryDtls", message)
