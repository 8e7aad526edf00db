"""Clause references: `<document> <section>` with a known document and a section it has."""

from __future__ import annotations

import pytest

from heatbill.domain.rulebook import Clause, ClauseError, parse_clause


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("vestervig 6.5", Clause("vestervig", "6.5")),
        ("solrod 6.10", Clause("solrod", "6.10")),
        ("aalborg 2", Clause("aalborg", "2")),
        ("vestervig 7", Clause("vestervig", "7")),
        ("4rater", Clause("4rater")),
        ("webinar", Clause("webinar")),
        ("renteloven § 9 b, stk. 1", Clause("renteloven", "§ 9 b, stk. 1")),
        ("renteloven § 5", Clause("renteloven", "§ 5")),
        ("danish-rules", Clause("danish-rules")),
    ],
)
def test_a_clause_names_a_known_document_and_one_of_its_sections(text: str, clause: Clause) -> None:
    assert parse_clause(text) == clause
    assert str(clause) == text


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Vestervig 6.5", 'forventede en hjemmel som "vestervig 6.5", "4rater" eller '
         '"renteloven § 9 b, stk. 1", fik "Vestervig 6.5"'),
        ("vestervig  6.5", 'forventede en hjemmel som "vestervig 6.5", "4rater" eller '
         '"renteloven § 9 b, stk. 1", fik "vestervig  6.5"'),
        ("odense 6.5", 'ukendt dokument "odense"; kendte dokumenter: vestervig, solrod, '
         "aalborg, 4rater, webinar, renteloven, danish-rules, spec"),
        ("vestervig 6.55", "vestervig 6.55 findes ikke; kapitel 6 har punkt 6.1–6.13"),
        ("solrod 6.13", "solrod 6.13 findes ikke; kapitel 6 har punkt 6.1–6.12"),
        ("vestervig 9.1", "vestervig 9.1 findes ikke; kapitlerne er 1–8"),
        ("vestervig 7.1", "vestervig 7.1 findes ikke; kapitel 7 har ingen underpunkter, "
         'skriv "vestervig 7"'),
        ("vestervig", 'forventede et punkt i vestervig, fx "vestervig 6.5"'),
        ("aalborg 2.x", 'forventede et punkt i aalborg, fx "aalborg 6.5"'),
        ("webinar 3", 'webinar har ingen nummererede punkter; skriv blot "webinar"'),
        ("renteloven 9b", 'forventede en paragraf i renteloven, fx "renteloven § 9 b, stk. 1"'),
    ],
)  # fmt: skip
def test_a_malformed_clause_is_refused_saying_what_is_wrong(text: str, problem: str) -> None:
    with pytest.raises(ClauseError) as caught:
        parse_clause(text)
    assert str(caught.value) == problem
