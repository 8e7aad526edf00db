"""`heatbill rulebook …` through the real entry point: show, validate, diff, list."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from heatbill.adapters.rulebook_files import preset_text


def heatbill(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "heatbill", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_show_prints_every_parameter_with_its_clause_under_danish_headings() -> None:
    result = heatbill("rulebook", "show", "vestervig")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Regelsæt vestervig: Vestervig Fjernvarme — almindelige bestemmelser" in out
    assert "Rykkere (reminders)" in out
    assert "fee_bearing_max" in out
    assert "vestervig 6.13" in out
    assert "renteloven § 9 b, stk. 1" in out
    assert "Dansk Fjernvarme" not in out.split("Rykkere")[0]  # vestervig's own document rules


def test_show_with_tariffs_prints_the_published_prices() -> None:
    result = heatbill("rulebook", "show", "solrod", "--tariffs", "solrod")
    assert result.returncode == 0, result.stderr
    assert "Takstblad solrod" in result.stdout
    assert "Genoplukning inden for normal åbningstid" in result.stdout
    assert "625,00" in result.stdout
    assert "812,50" in result.stdout


def test_diff_vestervig_aalborg_shows_the_differences_with_both_clauses() -> None:
    result = heatbill("rulebook", "diff", "vestervig", "aalborg")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    count = next(line for line in lines if "reminders.count " in line)
    cells = [cell.strip() for cell in count.split("│")[2:6]]
    assert cells == ["1", "vestervig 6.5", "2", "aalborg 2.5"]
    rule = next(line for line in lines if "due_dates.rule" in line)
    assert "min_days_across_month_end" in rule
    assert "days_then_nth_bank_day" in rule
    assert "aalborg 2.2" in rule
    assert "reminders.days_to_pay" not in result.stdout  # 10 days in both
    assert "parametre er forskellige" in result.stdout


def test_diff_of_a_rulebook_with_itself_says_so() -> None:
    result = heatbill("rulebook", "diff", "4rater", "4rater")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "Ingen forskelle mellem 4rater og 4rater."


def test_validate_accepts_a_good_rulebook_and_a_good_tariff_sheet(tmp_path: Path) -> None:
    rules, prices = tmp_path / "regler.toml", tmp_path / "priser.toml"
    rules.write_text(preset_text("aalborg"), encoding="utf-8")
    prices.write_text(preset_text("vestervig", tariffs=True), encoding="utf-8")
    first, second = (
        heatbill("rulebook", "validate", str(rules)),
        heatbill("rulebook", "validate", str(prices)),
    )
    assert (first.returncode, second.returncode) == (0, 0)
    assert first.stdout.startswith(f"OK: {rules} er et gyldigt regelsæt")
    assert second.stdout.startswith(f"OK: {prices} er et gyldigt takstblad")


def test_validate_refuses_a_bad_rulebook_with_exit_code_2_and_every_problem(tmp_path: Path) -> None:
    path = tmp_path / "vestervig.toml"
    text = preset_text("vestervig").replace(
        "fee_bearing_max = { value = 3,", 'fee_bearing_max = { value = "fire",'
    )
    path.write_text(text.replace("days_to_pay = {", "days_to_pai = {"), encoding="utf-8")
    result = heatbill("rulebook", "validate", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"Fejl (invalid_rulebook): {path}: reminders.days_to_pay: "
        "mangler; forventede et helt tal fra 10 til 60",
        f'{path}: reminders.fee_bearing_max: forventede et helt tal fra 0 til 3, fik "fire"',
        f'{path}: reminders.days_to_pai: ukendt nøgle; mente du "days_to_pay"?',
    ]


def test_validate_refuses_broken_toml_naming_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('name = "x"\ntitle = Vestervig\n', encoding="utf-8")
    result = heatbill("rulebook", "validate", str(path))
    assert result.returncode == 2
    assert f"{path}: ugyldig TOML i linje 2, kolonne 9: Invalid value" in result.stderr


def test_an_unknown_rulebook_is_not_found_with_exit_code_3() -> None:
    result = heatbill("rulebook", "show", "odense")
    assert result.returncode == 3
    assert 'intet indbygget regelsæt hedder "odense"' in result.stderr


def test_list_shows_the_four_presets() -> None:
    result = heatbill("rulebook", "list")
    assert result.returncode == 0, result.stderr
    for name in ("4rater", "aalborg", "solrod", "vestervig"):
        assert f"│ {name} " in result.stdout
