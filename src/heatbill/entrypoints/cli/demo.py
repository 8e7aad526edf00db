"""`heatbill demo`: the README's main job (placeholder)."""

from __future__ import annotations


def demo() -> None:
    """Create the demo utility and show it."""
    raise NotImplementedError
