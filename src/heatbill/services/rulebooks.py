"""Use cases for rulebooks and tariff sheets: find one by preset name or file, validate, compare.

A reference is a preset name (`vestervig`) or a file path (`my/rules.toml`): anything with a
path separator or ending in `.toml` is a file; a bare name is a preset, or a file of that name
when no preset has it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from heatbill.adapters import rulebook_files as files
from heatbill.domain.errors import NotFoundError
from heatbill.domain.rulebook import Difference, Rulebook, diff_rulebooks, parse_rulebook
from heatbill.domain.tariff import TariffSheet, parse_tariff_sheet
from heatbill.services.utilities import RuleText
from heatbill.wording import say


def find_rulebook(reference: str) -> Rulebook:
    path = _as_path(reference, tariffs=False)
    return files.load_rulebook_preset(reference) if path is None else files.load_rulebook_file(path)


def find_tariff_sheet(reference: str) -> TariffSheet:
    path = _as_path(reference, tariffs=True)
    if path is None:
        return files.load_tariff_preset(reference)
    return files.load_tariff_file(path)


def validate_file(path: Path) -> Rulebook | TariffSheet:
    """Check a rule file, telling a tariff sheet (it has `periods`) from a rulebook."""
    data = files.read_toml_file(path)
    if "periods" in data and "installments" not in data:
        return parse_tariff_sheet(data, str(path))
    return parse_rulebook(data, str(path))


@dataclass(frozen=True, slots=True)
class Comparison:
    a: Rulebook
    b: Rulebook
    differences: list[Difference]


def compare(a: str, b: str, *, provenance: bool = False) -> Comparison:
    """Two rulebooks and the parameters that differ (values; also clauses with `provenance`)."""
    first, second = find_rulebook(a), find_rulebook(b)
    return Comparison(first, second, diff_rulebooks(first, second, provenance=provenance))


@dataclass(frozen=True, slots=True)
class Preset:
    rulebook: Rulebook
    has_tariff_sheet: bool


def presets() -> list[Preset]:
    tariff_names = set(files.preset_names(tariffs=True))
    return [
        Preset(files.load_rulebook_preset(name), name in tariff_names)
        for name in files.preset_names()
    ]


def _as_path(reference: str, *, tariffs: bool) -> Path | None:
    """The file a reference names, or None for a preset name."""
    looks_like_path = "/" in reference or "\\" in reference or reference.endswith(".toml")
    if looks_like_path:
        return Path(reference)
    if reference in files.preset_names(tariffs=tariffs):
        return None
    if Path(reference).is_file():
        return Path(reference)
    key = "rulebook.tariff.not_found" if tariffs else "rulebook.not_found"
    known = ", ".join(files.preset_names(tariffs=tariffs))
    raise NotFoundError(say(key, name=reference, presets=known))


def rule_text(reference: str, *, tariffs: bool = False) -> RuleText:
    """The TOML text behind a reference, to store with a utility (validated when stored)."""
    path = _as_path(reference, tariffs=tariffs)
    if path is None:
        return RuleText(
            files.preset_source(reference, tariffs=tariffs),
            files.preset_text(reference, tariffs=tariffs),
        )
    return RuleText(str(path), files.read_file_text(path))
