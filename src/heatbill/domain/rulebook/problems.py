"""Problems found in a rulebook or tariff file, collected over the whole file, then raised once.

A refused file is reported in full — every problem, each naming the file, the dotted key and
what was expected — so that one round of editing fixes it. Nothing is built from a refused
file: the caller gets a `RulebookError` and no rulebook.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from heatbill.domain.errors import ValidationError
from heatbill.wording import say


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem: the dotted key it concerns ("" for the file as a whole) and the Danish text."""

    key: str
    text: str

    def line(self, source: str) -> str:
        if not self.key:
            return say("rulebook.problem.file", source=source, text=self.text)
        return say("rulebook.problem", source=source, key=self.key, text=self.text)


class RulebookError(ValidationError):
    """A rulebook or tariff sheet file that cannot be used; lists every problem, one per line."""

    code = "invalid_rulebook"

    def __init__(self, source: str, problems: Iterable[Problem]) -> None:
        self.source = source
        self.problems = tuple(problems)
        super().__init__("\n".join(problem.line(source) for problem in self.problems))


class Findings:
    """The problems of one file as it is read; `own_document` enables clause/basis checks."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.own_document: str | None = None
        self._closers: list[Closable] = []

    def add(self, key: str, text: str) -> None:
        self.problems.append(Problem(key, text))

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    def watch(self, closable: Closable) -> None:
        """Register a table reader whose unread (unknown) keys are reported on `close`."""
        self._closers.append(closable)

    def close(self) -> None:
        for closable in self._closers:
            closable.report_unknown()
        self._closers.clear()

    def raise_if_any(self, source: str) -> None:
        if self.problems:
            raise RulebookError(source, self.problems)


class Closable(Protocol):
    """Anything that can report keys nobody asked for (a table reader)."""

    def report_unknown(self) -> None: ...
