"""A bank's day statement (camt.053.001.02) with the day's credit transfers, each naming the FI
payment id it pays as its structured creditor reference — what a Danish bank sends a utility."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from xml.sax.saxutils import escape


def camt053(
    message_id: str, day: date, credits: Sequence[tuple[str, int]], payers: Sequence[str] = ()
) -> bytes:
    """A statement for `day`: one booked credit entry per (reference, øre), opening balance 0."""
    total = sum(ore for _, ore in credits)
    entries = "".join(
        _entry(
            f"{message_id}-{n}",
            day,
            ref,
            ore,
            payers[n - 1] if n <= len(payers) else f"Betaler {n}",
        )
        for n, (ref, ore) in enumerate(credits, start=1)
    )
    iso = day.isoformat()
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>{message_id}</MsgId><CreDtTm>{iso}T23:00:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>{message_id}-S</Id><CreDtTm>{iso}T23:00:00</CreDtTm>
      <Acct><Id><IBAN>DK4395700012345678</IBAN></Id><Ccy>DKK</Ccy></Acct>
      <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="DKK">0.00</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{iso}</Dt></Dt></Bal>
      <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="DKK">{_kr(total)}</Amt>
        <CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>{iso}</Dt></Dt></Bal>{entries}
    </Stmt>
  </BkToCstmrStmt>
</Document>
""".encode()


def _entry(entry_id: str, day: date, ref: str, ore: int, payer: str) -> str:
    iso = day.isoformat()
    return f"""
      <Ntry>
        <Amt Ccy="DKK">{_kr(ore)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts>
        <BookgDt><Dt>{iso}</Dt></BookgDt><ValDt><Dt>{iso}</Dt></ValDt>
        <AcctSvcrRef>{entry_id}</AcctSvcrRef>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>E2E-{entry_id}</EndToEndId></Refs>
          <AmtDtls><TxAmt><Amt Ccy="DKK">{_kr(ore)}</Amt></TxAmt></AmtDtls>
          <RltdPties><Dbtr><Nm>{escape(payer)}</Nm></Dbtr></RltdPties>
          <RmtInf><Strd><CdtrRefInf><Ref>{ref}</Ref></CdtrRefInf></Strd></RmtInf>
        </TxDtls></NtryDtls>
      </Ntry>"""


def _kr(ore: int) -> str:
    return f"{ore // 100}.{ore % 100:02d}"
