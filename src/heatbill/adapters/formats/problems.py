"""Problems found in an imported file, collected over the whole file, then raised once.

A refused file is reported in full — every problem, each naming the file, the line and the
field — so that one round of editing fixes it. All or nothing: a parser that found a problem
returns no rows at all, so an import never stores half a file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from heatbill.domain.errors import ValidationError
from heatbill.wording import say


@dataclass(frozen=True, slots=True)
class LineProblem:
    """One problem in a file.

    `line` counts physical lines from 1 (what an editor shows), None for the file as a whole;
    `field` is the column as the file names it, None when the whole line is wrong.
    """

    line: int | None
    field: str | None
    message: str

    def render(self, source: str) -> str:
        if self.line is None:
            return say("formats.problem.file", source=source, message=self.message)
        if self.field is None:
            return say("formats.problem.line", source=source, line=self.line, message=self.message)
        return say(
            "formats.problem.field",
            source=source,
            line=self.line,
            field=self.field,
            message=self.message,
        )


class FileFormatError(ValidationError):
    """A file that cannot be imported; its message lists every problem, one per line."""

    code = "invalid_file"

    def __init__(self, source: str, problems: Iterable[LineProblem]) -> None:
        self.source = source
        self.problems = sorted(problems, key=lambda p: -1 if p.line is None else p.line)
        super().__init__("\n".join(problem.render(source) for problem in self.problems))


class ProblemLog:
    """The problems of one file as it is read, in the order found."""

    def __init__(self) -> None:
        self.problems: list[LineProblem] = []

    def add(self, line: int | None, field: str | None, message: str) -> None:
        self.problems.append(LineProblem(line, field, message))

    def __len__(self) -> int:
        return len(self.problems)

    def raise_if_any(self, source: str) -> None:
        if self.problems:
            raise FileFormatError(source, self.problems)
