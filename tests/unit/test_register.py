"""The register's rules: protected CPR, CVR/EAN, relationships one at a time, and moves."""

from __future__ import annotations

from datetime import date
from itertools import count

import pytest

from heatbill.domain.errors import ValidationError
from heatbill.domain.letters import LetterKind
from heatbill.domain.register.moves import Move, MoveKind, MoveRules, plan_move
from heatbill.domain.register.parties import Contact, Cpr, Party, PartyKind, parse_ean
from heatbill.domain.register.relationships import (
    Relationship,
    Role,
    check_no_overlap,
    customer_on,
)

RULES = MoveRules(
    notice_days=8,
    notice_clause="vestervig 2.16",
    interim_owner_liable=True,
    interim_clause="aalborg 1.7",
    welcome_letter=True,
    welcome_clause="vestervig 1.4",
)
OWNER, TENANT, NEXT_TENANT = 10, 20, 30


def ids() -> count[int]:
    return count(100)


def test_a_cpr_number_is_shown_masked_by_default() -> None:
    cpr = Cpr.parse("010190-1234")
    assert str(cpr) == "010190-****"
    assert "1234" not in repr(cpr)
    assert cpr.formatted() == "010190-1234"


@pytest.mark.parametrize("text", ["010190", "320190-1234", "01019O-1234", "310290-1234"])
def test_an_impossible_cpr_number_is_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        Cpr.parse(text)


def test_an_ean_number_must_carry_its_check_digit() -> None:
    assert parse_ean("5790000123452") == "5790000123452"
    with pytest.raises(ValidationError, match="kontrolciffer"):
        parse_ean("5790000123457")


def test_a_company_has_no_cpr_and_a_person_no_cvr() -> None:
    with pytest.raises(ValidationError):
        Party(1, PartyKind.PERSON, "Anne", Contact(), cvr="12345678")
    with pytest.raises(ValidationError):
        Party(1, PartyKind.COMPANY, "Firma ApS", Contact(), cpr=Cpr.parse("010190-1234"))


def test_one_liable_customer_at_a_time() -> None:
    a = Relationship(1, 7, OWNER, Role.OWNER, date(2020, 1, 1), date(2026, 3, 1))
    b = Relationship(2, 7, TENANT, Role.TENANT, date(2026, 2, 1))
    with pytest.raises(ValidationError, match="overlapper"):
        check_no_overlap([a, b])
    assert customer_on([a], date(2026, 2, 28)) == a
    assert customer_on([a], date(2026, 3, 1)) is None  # [start, end): the end day is not covered


def tenant_at(installation: int = 7) -> Relationship:
    return Relationship(1, installation, TENANT, Role.TENANT, date(2024, 5, 1))


def test_when_a_tenant_leaves_with_no_successor_the_owner_becomes_liable_and_is_told() -> None:
    # aalborg 1.7-1.8, vestervig 2.16: the owner is the customer between two tenants.
    move = Move(MoveKind.MOVE_OUT, 7, date(2026, 6, 1), notified_on=date(2026, 5, 20))
    numbers = ids()
    plan = plan_move(move, [tenant_at()], [OWNER], RULES, lambda: next(numbers))
    assert plan.ends == [(1, date(2026, 6, 1))]
    [interim] = plan.starts
    assert (interim.party_id, interim.role, interim.interim) == (OWNER, Role.OWNER, True)
    assert interim.start == date(2026, 6, 1)
    [letter] = plan.letters
    assert (letter.kind, letter.party_id, letter.clause) == (
        LetterKind.INTERIM_LIABILITY,
        OWNER,
        "aalborg 1.7",
    )
    assert plan.reading_on == date(2026, 5, 31)  # the move reading closes the day before
    assert not plan.late_notice


def test_a_new_tenant_ends_the_interim_and_gets_a_welcome_letter() -> None:
    left = Relationship(1, 7, TENANT, Role.TENANT, date(2024, 5, 1), date(2026, 6, 1))
    interim = Relationship(5, 7, OWNER, Role.OWNER, date(2026, 6, 1), interim=True)
    move = Move(MoveKind.MOVE_IN, 7, date(2026, 7, 1), date(2026, 6, 1), NEXT_TENANT)
    numbers = ids()
    plan = plan_move(move, [left, interim], [OWNER], RULES, lambda: next(numbers))
    assert plan.ends == [(5, date(2026, 7, 1))]
    [started] = plan.starts
    assert (started.party_id, started.role, started.interim) == (NEXT_TENANT, Role.TENANT, False)
    assert [letter.kind for letter in plan.letters] == [LetterKind.WELCOME]


def test_a_notice_later_than_eight_days_is_accepted_but_flagged() -> None:
    move = Move(MoveKind.MOVE_OUT, 7, date(2026, 6, 1), date(2026, 5, 28), NEXT_TENANT)
    numbers = ids()
    plan = plan_move(move, [tenant_at()], [OWNER], RULES, lambda: next(numbers))
    assert plan.late_notice
    assert plan.starts[0].party_id == NEXT_TENANT


def test_selling_a_rented_property_leaves_the_tenant_as_customer() -> None:
    # vestervig 1.2: the tenant's direct relationship goes on; only the ownership changes.
    move = Move(MoveKind.CHANGE_OF_OWNER, 7, date(2026, 8, 1), date(2026, 7, 1), NEXT_TENANT)
    plan = plan_move(move, [tenant_at()], [OWNER], RULES, lambda: 1)
    assert (plan.ends, plan.starts, plan.letters) == ([], [], [])


def test_letters_are_dated_when_the_move_is_registered() -> None:
    move = Move(
        MoveKind.MOVE_OUT, 7, date(2026, 6, 1), date(2026, 5, 20), registered_on=date(2026, 5, 22)
    )
    numbers = ids()
    plan = plan_move(move, [tenant_at()], [OWNER], RULES, lambda: next(numbers))
    assert [letter.on for letter in plan.letters] == [date(2026, 5, 22)]


def test_a_change_of_owner_needs_the_new_owner() -> None:
    owner = Relationship(1, 7, OWNER, Role.OWNER, date(2010, 1, 1))
    move = Move(MoveKind.CHANGE_OF_OWNER, 7, date(2026, 8, 1), date(2026, 7, 1))
    with pytest.raises(ValidationError, match="nye ejer"):
        plan_move(move, [owner], [OWNER], RULES, lambda: 1)


def test_a_move_out_without_owner_or_successor_is_refused() -> None:
    move = Move(MoveKind.MOVE_OUT, 7, date(2026, 6, 1), date(2026, 5, 1))
    with pytest.raises(ValidationError, match="ingen ny kunde"):
        plan_move(move, [tenant_at()], [], RULES, lambda: 1)
