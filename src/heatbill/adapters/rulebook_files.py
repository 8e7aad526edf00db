"""Rulebook and tariff sheet files: the presets shipped in the wheel, and files given by path.

Reads bytes, decodes UTF-8 and hands the text to the pure parsers; nothing is cached or
written, so a refused file changes nothing. Presets live in `heatbill/rulebooks/NAME.toml` and
`heatbill/rulebooks/tariffs/NAME.toml`, read with importlib.resources so they work from a wheel.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Final

from heatbill.domain.errors import NotFoundError
from heatbill.domain.rulebook import (
    Problem,
    Rulebook,
    RulebookError,
    parse_rulebook_text,
    parse_toml,
)
from heatbill.domain.tariff import TariffSheet, parse_tariff_sheet_text
from heatbill.wording import say

PRESET_PACKAGE: Final = "heatbill.rulebooks"
TARIFF_FOLDER: Final = "tariffs"


def preset_names(*, tariffs: bool = False) -> list[str]:
    """The names of the shipped rulebooks (or tariff sheets), sorted: `["4rater", "aalborg", …]`."""
    folder = _preset_folder(tariffs)
    return sorted(
        e.name.removesuffix(".toml") for e in folder.iterdir() if e.name.endswith(".toml")
    )


def preset_text(name: str, *, tariffs: bool = False) -> str:
    """The TOML text of a shipped rulebook (or tariff sheet), e.g. to store with a utility."""
    names = preset_names(tariffs=tariffs)
    if name not in names:  # also keeps a name like "../x" from reaching the file system
        key = "rulebook.tariff.not_found" if tariffs else "rulebook.not_found"
        raise NotFoundError(say(key, name=name, presets=", ".join(names)))
    return (_preset_folder(tariffs) / f"{name}.toml").read_text(encoding="utf-8")


def preset_source(name: str, *, tariffs: bool = False) -> str:
    """How messages name a preset file: `vestervig.toml`, `tariffs/vestervig.toml`."""
    return f"{TARIFF_FOLDER}/{name}.toml" if tariffs else f"{name}.toml"


def load_rulebook_preset(name: str) -> Rulebook:
    return parse_rulebook_text(preset_text(name), preset_source(name))


def load_tariff_preset(name: str) -> TariffSheet:
    text = preset_text(name, tariffs=True)
    return parse_tariff_sheet_text(text, preset_source(name, tariffs=True))


def read_file_text(path: Path) -> str:
    """A rule file's text; NotFoundError when missing, RulebookError when not UTF-8."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise NotFoundError(say("rulebook.file_not_found", path=path)) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise NotFoundError(say("rulebook.file_unreadable", path=path, reason=reason)) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        text = say("rulebook.encoding", position=error.start + 1)  # counted from 1
        raise RulebookError(str(path), [Problem("", text)]) from None


def load_rulebook_file(path: Path) -> Rulebook:
    return parse_rulebook_text(read_file_text(path), str(path))


def load_tariff_file(path: Path) -> TariffSheet:
    return parse_tariff_sheet_text(read_file_text(path), str(path))


def read_toml_file(path: Path) -> dict[str, object]:
    """A rule file parsed as TOML only (to tell a rulebook from a tariff sheet)."""
    return parse_toml(read_file_text(path), str(path))


def _preset_folder(tariffs: bool) -> Traversable:
    folder = files(PRESET_PACKAGE)
    return folder / TARIFF_FOLDER if tariffs else folder
