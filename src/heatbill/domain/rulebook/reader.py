"""Reading one TOML table of a rulebook or tariff sheet, collecting problems instead of stopping.

A parameter is written `key = { value = …, clause = "vestervig 6.5", basis = "document" }`;
a record (an exit rule, a fee) carries its own fields next to `clause` and `basis`. Every read
returns a typed value; when the file is wrong it records a `Problem` and returns a placeholder,
so the rest of the file is still checked. Placeholders never leave the parser: a file with any
problem raises `RulebookError` instead of producing a rulebook.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Final, TypeVar

from heatbill.domain.rulebook.clauses import Clause
from heatbill.domain.rulebook.kinds import Choice, Kind, RefusedValueError, expected_error
from heatbill.domain.rulebook.kinds_text import ClauseRef, Name
from heatbill.domain.rulebook.problems import Findings
from heatbill.domain.rulebook.ruled import Basis, Ruled, basis_conflict
from heatbill.wording import say

T = TypeVar("T")

_MISSING: Final = object()
_PLACEHOLDER_CLAUSE: Final = Clause("spec")
_CLAUSE: Final = ClauseRef()
_BASIS: Final = Choice(Basis)


class Reader:
    """One table at dotted `path`; reports unknown keys when its `Findings` close.

    A `silent` reader stands in for a missing or malformed table: its reads return placeholders
    without further problems, so one missing section is one problem, not twenty.
    """

    def __init__(
        self, data: Mapping[str, object], path: str, findings: Findings, *, silent: bool = False
    ) -> None:
        self._data = data
        self.path = path
        self.findings = findings
        self._silent = silent
        self._asked: list[str] = []
        findings.watch(self)

    # --- parameters ---------------------------------------------------------------------
    def ruled(self, name: str, kind: Kind[T]) -> Ruled[T]:
        raw = self._take(name)
        if raw is _MISSING:
            self._report(self.key(name), say("rulebook.missing", expected=kind.expected))
            return Ruled(kind.placeholder, _PLACEHOLDER_CLAUSE, Basis.ILLUSTRATIVE)
        return self._ruled(self.key(name), kind, raw)

    def optional_ruled(self, name: str, kind: Kind[T]) -> Ruled[T] | None:
        raw = self._take(name)
        return None if raw is _MISSING else self._ruled(self.key(name), kind, raw)

    def ruled_entries(self, name: str, kind: Kind[T]) -> tuple[tuple[str, Ruled[T]], ...]:
        """An optional table of parameters under names the file chooses (meter size classes)."""
        table = self.optional_section(name)
        if table is None:
            return ()
        entries = []
        for entry in list(table._data):
            table._attempt(table.key(entry), Name(), entry)  # a size class is a short identifier
            entries.append((entry, table.ruled(entry, kind)))
        return tuple(entries)

    def _ruled(self, key: str, kind: Kind[T], raw: object) -> Ruled[T]:
        if not isinstance(raw, dict):
            self._report(key, say("rulebook.no_clause"))
            return Ruled(kind.placeholder, _PLACEHOLDER_CLAUSE, Basis.ILLUSTRATIVE)
        leaf = Reader(raw, key, self.findings, silent=self._silent)
        value_raw = leaf._take("value")
        if value_raw is _MISSING:
            self._report(key, say("rulebook.missing_value", expected=kind.expected))
            value = kind.placeholder
        else:
            value = leaf._parse(key, kind, value_raw)  # value problems name the parameter
        clause, basis = leaf.provenance()
        return Ruled(value, clause, basis)

    # --- plain fields and records -------------------------------------------------------
    def plain(self, name: str, kind: Kind[T]) -> T:
        raw = self._take(name)
        if raw is _MISSING:
            self._report(self.key(name), say("rulebook.missing", expected=kind.expected))
            return kind.placeholder
        return self._parse(self.key(name), kind, raw)

    def optional_plain(self, name: str, kind: Kind[T]) -> T | None:
        raw = self._take(name)
        return None if raw is _MISSING else self._parse(self.key(name), kind, raw)

    def provenance(self) -> tuple[Clause, Basis]:
        """This table's `clause` and `basis`, checked against each other and the file's document."""
        clause = basis = None
        raw_clause, raw_basis = self._take("clause"), self._take("basis")
        if raw_clause is _MISSING:
            self._report(self.path, say("rulebook.no_clause"))
        else:
            clause = self._attempt(self.key("clause"), _CLAUSE, raw_clause)
        if raw_basis is _MISSING:
            self._report(self.path, say("rulebook.missing_basis", expected=_BASIS.expected))
        else:
            basis = self._attempt(self.key("basis"), _BASIS, raw_basis)
        own = self.findings.own_document
        if clause is not None and basis is not None and own is not None:
            conflict = basis_conflict(basis, clause, own)
            if conflict is not None:
                self._report(self.key("basis"), conflict)
        return clause or _PLACEHOLDER_CLAUSE, basis or Basis.ILLUSTRATIVE

    # --- tables -------------------------------------------------------------------------
    def section(self, name: str) -> Reader:
        table = self.optional_section(name)
        if table is None:
            self._report(self.key(name), say("rulebook.missing_section"))
            return Reader({}, self.key(name), self.findings, silent=True)
        return table

    def optional_section(self, name: str) -> Reader | None:
        raw = self._take(name)
        if raw is _MISSING:
            return None
        if not isinstance(raw, dict):
            self._report(self.key(name), str(expected_error(say("rulebook.expect.table"), raw)))
            return Reader({}, self.key(name), self.findings, silent=True)
        return Reader(raw, self.key(name), self.findings, silent=self._silent)

    def records(self, name: str) -> list[Reader]:
        """A TOML array of tables (`[[exit.notice]]`); items are numbered from 1 in messages."""
        raw = self._take(name)
        key = self.key(name)
        if raw is _MISSING:
            self._report(key, say("rulebook.missing", expected=say("rulebook.expect.records")))
            return []
        if not isinstance(raw, list) or not raw or not all(isinstance(i, dict) for i in raw):
            self._report(key, str(expected_error(say("rulebook.expect.records"), raw)))
            return []
        return [
            Reader(item, f"{key}[{n}]", self.findings, silent=self._silent)
            for n, item in enumerate(raw, start=1)
        ]

    # --- plumbing -----------------------------------------------------------------------
    def key(self, name: str) -> str:
        return f"{self.path}.{name}" if self.path else name

    def report_unknown(self) -> None:
        for name in self._data:
            if name in self._asked:
                continue
            close = difflib.get_close_matches(name, self._asked, n=1)
            if close:
                text = say("rulebook.unknown_key.close", close=close[0])
            else:
                text = say("rulebook.unknown_key", known=", ".join(self._asked))
            self._report(self.key(name), text)

    def _take(self, name: str) -> object:
        if name not in self._asked:
            self._asked.append(name)
        return self._data.get(name, _MISSING)

    def _parse(self, key: str, kind: Kind[T], raw: object) -> T:
        parsed = self._attempt(key, kind, raw)
        return kind.placeholder if parsed is None else parsed

    def _attempt(self, key: str, kind: Kind[T], raw: object) -> T | None:
        try:
            return kind.parse(raw)
        except RefusedValueError as refused:
            self._report(key, refused.text)
            return None

    def _report(self, key: str, text: str) -> None:
        if not self._silent:
            self.findings.add(key, text)
