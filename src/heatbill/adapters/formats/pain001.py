"""Refunds out: an ISO 20022 pain.001.001.03 credit transfer file for the utility's bank.

Why .001.03: it is the version Danish banks' corporate channels take for domestic DKK
transfers and document in their message implementation guides (Danske Bank's "MIG – ISO 20022
XML CustomerCreditTransferInitiation (pain.001.001.03)", built on the CGI-MP recommendation
and its Danish country appendix). pain.001.001.09 is accepted by banks that moved with the
2023–25 ISO 20022 migration, but not yet by all; .03 is the one every Danish bank takes.

One payment information block (PmtInf) per file — one debit account, one execution date — with
one CdtTrfTxInf per refund. Group header and block carry the number of transactions and the
control sum (kroner with two decimals), both computed from the refunds. Elements in schema
order: GrpHdr (MsgId, CreDtTm, NbOfTxs, CtrlSum, InitgPty/Nm), PmtInf (PmtInfId, PmtMtd TRF,
NbOfTxs, CtrlSum, ReqdExctnDt, Dbtr/Nm, DbtrAcct/Id/IBAN + Ccy, DbtrAgt/FinInstnId/BIC,
CdtTrfTxInf…), CdtTrfTxInf (PmtId/EndToEndId, Amt/InstdAmt Ccy=DKK, CdtrAgt, Cdtr/Nm,
CdtrAcct/Id, RmtInf/Ustrd).

The creditor's account, three ways:
- `Iban`: CdtrAcct/Id/IBAN; no creditor agent (the IBAN names the bank).
- `DanishAccount` (reg. no. + account no.): CdtrAcct/Id/Othr/Id = the 4-digit reg. no. and the
  account no. zero-padded to 10, SchmeNm/Cd `BBAN`; CdtrAgt/FinInstnId/ClrSysMmbId with
  ClrSysId/Cd `DKNCC` and MmbId the reg. no. — as the Danish CGI-MP appendix describes a
  domestic transfer (recalled from the banks' guides; confirm with the utility's bank).
- `NemKonto` (CPR or CVR): a transfer to the account the person or company registered with
  NemKonto. Only public authorities (and those paying on their behalf) may pay to NemKonto,
  through their bank's NemKonto service; how a pain.001 addresses it differs by bank. heatbill
  writes CdtrAcct/Id/Othr/Id = the CPR/CVR number with SchmeNm/Prtry `NEMKONTO`; this is an
  assumption, kept behind an explicit choice: `PaymentOrder.nemkonto_agreed` must be True
  (the utility has the agreement and its bank's word on the addressing), else it is refused.
  The CPR number is in the file because the bank needs it; the file is for the bank only.
Assumptions besides: no ChrgBr (domestic DKK, the bank's default); no SvcLvl (SEPA is for
EUR); remittance text at most 140 characters (the schema's Max140Text), names at most 70.
No XSD is shipped with the package registry's libraries; the output is checked by golden file
and by reading it back.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC
from typing import Final

from heatbill.adapters.formats.pain001_checks import problems_of
from heatbill.adapters.formats.pain001_order import (
    CreditorAccount,
    DanishAccount,
    Iban,
    PaymentOrder,
    Refund,
)
from heatbill.adapters.formats.problems import FileFormatError
from heatbill.domain.money import Money
from heatbill.wording import say

NAMESPACE: Final = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"
CURRENCY: Final = "DKK"
NEMKONTO_SCHEME: Final = "NEMKONTO"
XML_DECLARATION: Final = '<?xml version="1.0" encoding="UTF-8"?>\n'


def write_pain001(order: PaymentOrder) -> bytes:
    """The file as UTF-8 bytes; one FileFormatError lists every problem, nothing is written."""
    problems = problems_of(order)
    if problems:
        raise FileFormatError(say("pain.source", message_id=order.message_id), problems)
    document = ET.Element("Document", {"xmlns": NAMESPACE})
    transfer = ET.SubElement(document, "CstmrCdtTrfInitn")
    _group_header(transfer, order)
    _payment_information(transfer, order)
    ET.indent(document, space="  ")
    body = ET.tostring(document, encoding="unicode")
    return (XML_DECLARATION + body + "\n").encode("utf-8")


def kroner(amount: Money) -> str:
    """`1234.50`: kroner with two decimals and a decimal point, as ISO 20022 amounts are."""
    whole, ore = divmod(amount.ore, 100)
    return f"{whole}.{ore:02d}"


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    child = ET.SubElement(parent, tag, attrs)
    child.text = text
    return child


def _group_header(parent: ET.Element, order: PaymentOrder) -> None:
    header = _el(parent, "GrpHdr")
    _el(header, "MsgId", order.message_id)
    _el(header, "CreDtTm", order.created_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    _el(header, "NbOfTxs", str(len(order.refunds)))
    _el(header, "CtrlSum", kroner(order.control_sum))
    _el(_el(header, "InitgPty"), "Nm", order.debtor.name)


def _payment_information(parent: ET.Element, order: PaymentOrder) -> None:
    block = _el(parent, "PmtInf")
    _el(block, "PmtInfId", order.message_id)
    _el(block, "PmtMtd", "TRF")
    _el(block, "NbOfTxs", str(len(order.refunds)))
    _el(block, "CtrlSum", kroner(order.control_sum))
    _el(block, "ReqdExctnDt", order.execution_date.isoformat())
    _el(_el(block, "Dbtr"), "Nm", order.debtor.name)
    account = _el(block, "DbtrAcct")
    _el(_el(account, "Id"), "IBAN", order.debtor.iban)
    _el(account, "Ccy", CURRENCY)
    _el(_el(_el(block, "DbtrAgt"), "FinInstnId"), "BIC", order.debtor.bic)
    for refund in order.refunds:
        _transaction(block, refund)


def _transaction(parent: ET.Element, refund: Refund) -> None:
    tx = _el(parent, "CdtTrfTxInf")
    _el(_el(tx, "PmtId"), "EndToEndId", refund.end_to_end_id)
    _el(_el(tx, "Amt"), "InstdAmt", kroner(refund.amount), Ccy=CURRENCY)
    if isinstance(refund.account, DanishAccount):
        member = _el(_el(_el(tx, "CdtrAgt"), "FinInstnId"), "ClrSysMmbId")
        _el(_el(member, "ClrSysId"), "Cd", "DKNCC")
        _el(member, "MmbId", refund.account.reg_number)
    _el(_el(tx, "Cdtr"), "Nm", refund.creditor_name)
    _account(_el(_el(tx, "CdtrAcct"), "Id"), refund.account)
    _el(_el(tx, "RmtInf"), "Ustrd", refund.remittance)


def _account(parent: ET.Element, account: CreditorAccount) -> None:
    if isinstance(account, Iban):
        _el(parent, "IBAN", account.iban)
        return
    other = _el(parent, "Othr")
    if isinstance(account, DanishAccount):
        _el(other, "Id", account.bban)
        _el(_el(other, "SchmeNm"), "Cd", "BBAN")
    else:
        _el(other, "Id", account.identifier)
        _el(_el(other, "SchmeNm"), "Prtry", NEMKONTO_SCHEME)
