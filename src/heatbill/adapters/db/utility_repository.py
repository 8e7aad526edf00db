"""Utilities (the tenants), their rule documents (rulebook, tariff sheet) and account maps."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Row, func, insert, select

from heatbill.adapters.db.tables import account_map, rule_document, utility
from heatbill.domain.errors import ConflictError, NotFoundError
from heatbill.domain.ledger.accounts import Account, GlAccount


@dataclass(frozen=True, slots=True)
class UtilityRow:
    utility_id: int
    code: str
    name: str
    cvr: str
    address: str
    fi_creditor_number: str | None
    pbs_number: str | None


@dataclass(frozen=True, slots=True)
class RuleDocument:
    """A rulebook or tariff sheet as loaded: its TOML text, from `valid_from` on."""

    kind: str
    valid_from: date
    name: str
    source_text: str
    sha256: str


class SqlUtilities:
    def __init__(self, connection: Connection) -> None:
        self._db = connection

    def add(self, row: UtilityRow, created_at: datetime) -> None:
        if self.find(row.code) is not None:
            raise ConflictError(f"værket '{row.code}' findes allerede")
        self._db.execute(insert(utility).values(**_as_dict(row), created_at=created_at))

    def next_id(self) -> int:
        current = self._db.execute(select(func.max(utility.c.utility_id))).scalar()
        return int(current or 0) + 1

    def find(self, code: str) -> UtilityRow | None:
        found = self._db.execute(select(utility).where(utility.c.code == code)).one_or_none()
        return None if found is None else _row(found)

    def get(self, code: str) -> UtilityRow:
        found = self.find(code)
        if found is None:
            raise NotFoundError(f"værket '{code}' findes ikke")
        return found

    def all(self) -> list[UtilityRow]:
        return [_row(r) for r in self._db.execute(select(utility).order_by(utility.c.utility_id))]

    # --- rule documents -----------------------------------------------------------------
    def add_rule_document(
        self,
        utility_id: int,
        *,
        doc_kind: str,
        valid_from: date,
        name: str,
        text: str,
        created_at: datetime,
    ) -> RuleDocument:
        digest = hashlib.sha256(text.encode()).hexdigest()
        self._db.execute(
            insert(rule_document).values(
                utility_id=utility_id,
                kind=doc_kind,
                valid_from=valid_from,
                name=name,
                source_text=text,
                sha256=digest,
                created_at=created_at,
            )
        )
        return RuleDocument(doc_kind, valid_from, name, text, digest)

    def rule_document(self, utility_id: int, doc_kind: str, on: date) -> RuleDocument:
        """The version in force on `on`: the latest `valid_from` not after it."""
        found = self._db.execute(
            select(rule_document)
            .where(
                rule_document.c.utility_id == utility_id,
                rule_document.c.kind == doc_kind,
                rule_document.c.valid_from <= on,
            )
            .order_by(rule_document.c.valid_from.desc())
            .limit(1)
        ).one_or_none()
        if found is None:
            raise NotFoundError(f"intet {doc_kind} gælder for værk {utility_id} den {on}")
        return RuleDocument(
            found.kind, found.valid_from, found.name, found.source_text, found.sha256
        )

    # --- chart of accounts --------------------------------------------------------------
    def set_account_map(self, utility_id: int, chart: dict[Account, GlAccount]) -> None:
        self._db.execute(
            insert(account_map),
            [
                {
                    "utility_id": utility_id,
                    "account": a.value,
                    "gl_number": g.number,
                    "gl_name": g.name,
                }
                for a, g in chart.items()
            ],
        )

    def account_map(self, utility_id: int) -> dict[Account, GlAccount]:
        rows = self._db.execute(select(account_map).where(account_map.c.utility_id == utility_id))
        return {Account(r.account): GlAccount(r.gl_number, r.gl_name) for r in rows}


def _row(found: Row[Any]) -> UtilityRow:
    return UtilityRow(**{f.name: found._mapping[f.name] for f in fields(UtilityRow)})


def _as_dict(row: UtilityRow) -> dict[str, object]:
    return asdict(row)
