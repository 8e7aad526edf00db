"""Rulebook parameters as a flat list of dotted keys, and the differences between two rulebooks.

The dotted keys are the ones the TOML file uses (`reminders.count`, `exit.notice[1]`), so a
difference points straight at the line to read in each file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass

from heatbill.domain.rulebook.book import Rulebook
from heatbill.domain.rulebook.ruled import Ruled


@dataclass(frozen=True, slots=True)
class Difference:
    """One parameter that differs in value, clause or basis; None where a rulebook lacks it."""

    key: str
    a: Ruled[object] | None
    b: Ruled[object] | None


def parameters(book: Rulebook) -> dict[str, Ruled[object]]:
    """Every parameter of `book` by dotted key, in file order; absent optional ones left out."""
    return dict(_walk(book, ""))


def sections(book: Rulebook) -> dict[str, dict[str, Ruled[object]]]:
    """Parameters grouped by section ("" for top-level ones such as `valid_from`)."""
    grouped: dict[str, dict[str, Ruled[object]]] = {}
    for key, ruled in parameters(book).items():
        section, _, name = key.partition(".") if "." in key else ("", "", key)
        grouped.setdefault(section, {})[name] = ruled
    return grouped


def diff_rulebooks(a: Rulebook, b: Rulebook, *, provenance: bool = False) -> list[Difference]:
    """The parameters whose values differ, in file order (keys only `b` has in `b`'s place).

    Two utilities' rulebooks cite different documents for nearly every value, so by default
    only values count; `provenance=True` also lists parameters whose clause or basis alone
    changed (two versions of one utility's rulebook).
    """
    left, right = parameters(a), parameters(b)
    return [
        Difference(key, left.get(key), right.get(key))
        for key in _merged(list(left), list(right))
        if _differs(left.get(key), right.get(key), provenance=provenance)
    ]


def _merged(left: list[str], right: list[str]) -> list[str]:
    """Both key lists in one order: each key only `right` has goes after its predecessor there."""
    merged = list(left)
    for n, key in enumerate(right):
        if key not in merged:
            merged.insert(merged.index(right[n - 1]) + 1 if n else 0, key)
    return merged


def _differs(a: Ruled[object] | None, b: Ruled[object] | None, *, provenance: bool) -> bool:
    if a is None or b is None:
        return a is not b
    return a != b if provenance else a.value != b.value


def _walk(node: object, prefix: str) -> Iterator[tuple[str, Ruled[object]]]:
    if isinstance(node, Ruled):
        yield prefix, node
    elif isinstance(node, tuple):
        for n, item in enumerate(node, start=1):
            yield from _walk(item, f"{prefix}[{n}]")
    elif is_dataclass(node):
        for field in fields(node):
            yield from _walk(getattr(node, field.name), _join(prefix, field.name))


def _join(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name
