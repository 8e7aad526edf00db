"""The one place for user-facing wording (Danish first, room for an English variant).

Code names a message by key; `say("ledger.unbalanced", diff="1,00 kr.")` returns the text in
the requested language. Each concept keeps its messages in its own module under
`wording/<lang>/` (a `MESSAGES: dict[str, str]` of `str.format` templates); modules are
discovered automatically, so adding a concept never edits a shared file. Pure: no I/O beyond
importing these modules.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache
from typing import Final

DEFAULT_LANGUAGE: Final = "da"


@cache
def catalog(lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """All messages of one language, merged from its concept modules; duplicate keys refused."""
    package = importlib.import_module(f"{__name__}.{lang}")
    merged: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for key, template in module.MESSAGES.items():
            if key in merged:
                raise KeyError(f"wording key {key!r} defined twice ({lang}/{info.name})")
            merged[key] = template
    return merged


def say(key: str, /, *, lang: str = DEFAULT_LANGUAGE, **fields: object) -> str:
    """The message `key` in `lang`, with `fields` filled in."""
    return catalog(lang)[key].format(**fields)
