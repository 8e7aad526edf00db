"""Rule files on disk and presets in the wheel: found by name or path, read, never changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from heatbill.adapters.rulebook_files import preset_text, read_file_text
from heatbill.domain.errors import NotFoundError
from heatbill.domain.rulebook import Rulebook, RulebookError
from heatbill.domain.tariff import TariffSheet
from heatbill.services.rulebooks import find_rulebook, find_tariff_sheet, validate_file


def test_a_file_that_is_not_utf8_is_refused_naming_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "latin1.toml"
    path.write_bytes('title = "Solrød"'.encode("latin-1"))
    with pytest.raises(RulebookError) as caught:
        read_file_text(path)
    assert caught.value.message == (
        f"{path}: filen er ikke UTF-8-tekst (ugyldig byte ved position 14)"
    )


def test_a_missing_file_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError) as caught:
        read_file_text(tmp_path / "none.toml")
    assert caught.value.message == f"filen {tmp_path / 'none.toml'} findes ikke"


def test_a_preset_name_cannot_reach_outside_the_presets() -> None:
    with pytest.raises(NotFoundError) as caught:
        preset_text("../pyproject")
    assert caught.value.message == (
        'intet indbygget regelsæt hedder "../pyproject", og der er ingen sådan fil; '
        "indbyggede: 4rater, aalborg, solrod, vestervig"
    )


def test_a_reference_is_a_preset_name_or_a_file(tmp_path: Path) -> None:
    copy = tmp_path / "min-solrod.toml"
    copy.write_text(preset_text("solrod"), encoding="utf-8")
    assert find_rulebook("solrod") == find_rulebook(str(copy))
    assert find_tariff_sheet("solrod").name == "solrod"


def test_an_unknown_name_lists_the_presets() -> None:
    with pytest.raises(NotFoundError) as caught:
        find_tariff_sheet("odense")
    assert caught.value.message == (
        'intet indbygget takstblad hedder "odense", og der er ingen sådan fil; '
        "indbyggede: 4rater, aalborg, solrod, vestervig"
    )


def test_validate_tells_a_tariff_sheet_from_a_rulebook(tmp_path: Path) -> None:
    rules, prices = tmp_path / "rules.toml", tmp_path / "prices.toml"
    rules.write_text(preset_text("aalborg"), encoding="utf-8")
    prices.write_text(preset_text("aalborg", tariffs=True), encoding="utf-8")
    assert isinstance(validate_file(rules), Rulebook)
    assert isinstance(validate_file(prices), TariffSheet)


def test_a_refused_file_is_left_exactly_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    text = preset_text("vestervig").replace(
        "fee_bearing_max = { value = 3,", "fee_bearing_max = { value = 9,"
    )
    path.write_text(text, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(RulebookError):
        validate_file(path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["bad.toml"]
