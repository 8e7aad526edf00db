"""Clause references: where a rulebook parameter comes from (`vestervig 6.5`, `4rater`).

A clause names a source document by its short name (seeds/README.md) and, where the document
numbers its sections, one section: `chapter` or `chapter.item`. Documents without numbers
(`4rater`, `webinar`) are cited bare; a law is cited by paragraph (`renteloven § 9 b, stk. 1`).
The documents and how many items each chapter has are listed here, so that a typo such as
`vestervig 6.55` is refused when the rulebook is loaded instead of surfacing in a complaint.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from heatbill.wording import say


class DocumentRole(StrEnum):
    """What kind of authority a document is; decides which `Basis` may cite it."""

    UTILITY = "utility"  # a utility's own conditions of supply or customer page
    GUIDANCE = "guidance"  # Dansk Fjernvarme guidance (the webinar)
    LAW = "law"  # a Danish statute, cited by paragraph
    REFERENCE = "reference"  # heatbill's own references: DANISH-RULES.md, SPEC.md


@dataclass(frozen=True, slots=True)
class Document:
    """A citable document. `items_per_chapter` is None when it has no numbered sections."""

    short_name: str
    role: DocumentRole
    items_per_chapter: Mapping[int, int] | None = None


def _numbered(name: str, chapters: dict[int, int]) -> Document:
    return Document(name, DocumentRole.UTILITY, MappingProxyType(chapters))


DOCUMENTS: Final[Mapping[str, Document]] = MappingProxyType(
    {
        # chapter -> number of items, as the seed documents number them
        "vestervig": _numbered("vestervig", {1: 4, 2: 21, 3: 11, 4: 3, 5: 13, 6: 13, 7: 0, 8: 3}),
        "solrod": _numbered("solrod", {1: 5, 2: 23, 3: 11, 4: 3, 5: 9, 6: 12, 7: 5, 8: 3}),
        "aalborg": _numbered("aalborg", {1: 8, 2: 10, 3: 5, 4: 1}),
        "4rater": Document("4rater", DocumentRole.UTILITY),
        "webinar": Document("webinar", DocumentRole.GUIDANCE),
        "renteloven": Document("renteloven", DocumentRole.LAW),
        "danish-rules": Document("danish-rules", DocumentRole.REFERENCE),
        "spec": Document("spec", DocumentRole.REFERENCE),
    }
)

_CLAUSE = re.compile(r"^(?P<document>[a-z0-9-]+)(?: (?P<section>\S.*))?$")
_NUMBERED = re.compile(r"^(?P<chapter>\d+)(?:\.(?P<item>\d+))?$")
_PARAGRAPH = re.compile(r"^§ \d+(?: [a-z])?(?:, stk\. \d+)?$")


class ClauseError(ValueError):
    """A clause reference that does not name a known document and section (Danish message)."""


@dataclass(frozen=True, slots=True, order=True)
class Clause:
    """A reference into a source document: `Clause("vestervig", "6.5")` is `vestervig 6.5`."""

    document: str
    section: str = ""

    def __str__(self) -> str:
        return f"{self.document} {self.section}" if self.section else self.document

    @property
    def role(self) -> DocumentRole:
        return DOCUMENTS[self.document].role


def parse_clause(text: str) -> Clause:
    """`"vestervig 6.5"` → Clause; raises ClauseError naming what is wrong, in Danish."""
    match = _CLAUSE.match(text)
    if match is None:
        raise ClauseError(say("rulebook.clause.malformed", got=_quoted(text)))
    name, section = match["document"], match["section"] or ""
    document = DOCUMENTS.get(name)
    if document is None:
        known = ", ".join(DOCUMENTS)
        raise ClauseError(say("rulebook.clause.unknown_document", document=name, known=known))
    if document.role is DocumentRole.LAW:
        _check_paragraph(name, section)
    elif document.items_per_chapter is None:
        if section:
            raise ClauseError(say("rulebook.clause.bare_document", document=name))
    else:
        _check_numbered(name, section, document.items_per_chapter)
    return Clause(name, section)


def _check_paragraph(name: str, section: str) -> None:
    if not _PARAGRAPH.match(section):
        raise ClauseError(say("rulebook.clause.needs_paragraph", document=name))


def _check_numbered(name: str, section: str, items_per_chapter: Mapping[int, int]) -> None:
    match = _NUMBERED.match(section)
    if match is None:
        raise ClauseError(say("rulebook.clause.needs_section", document=name))
    chapter = int(match["chapter"])
    if chapter not in items_per_chapter:
        chapters = f"{min(items_per_chapter)}–{max(items_per_chapter)}"
        raise ClauseError(
            say(
                "rulebook.clause.no_such_chapter", document=name, section=section, chapters=chapters
            )
        )
    items = items_per_chapter[chapter]
    if match["item"] is not None and not 1 <= int(match["item"]) <= items:
        key = "rulebook.clause.no_such_item" if items else "rulebook.clause.chapter_only"
        raise ClauseError(say(key, document=name, section=section, chapter=chapter, last=items))


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'
